"""What verification concludes about an OAuth client: a refused token request as the `auth` check's outcome (with
its fix step), when the secret's expiry deserves a warning (30 days ahead), and whether a classic token was refused
because the app connector asks for OAuth. The words of every remedy are in remedies.py.

Pure functions of problems, dates, credentials and headers; checks.py and context.py decide where they appear.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import httpx

from wizard.afas.challenge import offers_oauth
from wizard.afas.errors import AfasProblem, Problem
from wizard.domain.checks import Outcome, Status
from wizard.domain.credentials import Credential
from wizard.domain.oauth import OAuthClientCredentials
from wizard.domain.steps import StepId
from wizard.domain.text import Text, long_date
from wizard.verify import remedies

SECRET_WARNING_DAYS = 30  # AFAS: "plan the renewal well before the expiry date" (S1); issue 10 says 30 days


def secret_expired_on(credential: Credential, today: dt.date) -> Text | None:
    """The long date of an OAuth client secret's expiry when it has passed, for `remedies.oauth_refused`."""
    if not isinstance(credential, OAuthClientCredentials) or credential.secret_expires is None:
        return None
    return long_date(credential.secret_expires) if credential.secret_expires < today else None


def secret_expiry_warning(credential: Credential, today: dt.date, app: str | None = None) -> Text | None:
    """A warning when the client secret expires within 30 days (or has expired), naming the date; else None."""
    parts = secret_expiry_parts(credential, today, app)
    return parts[0] + Text(en=" ", nl=" ") + parts[1] if parts else None


def secret_expiry_parts(credential: Credential, today: dt.date, app: str | None = None) -> tuple[Text, Text] | None:
    """`secret_expiry_warning` as (what, what to do): the report shows them as message and remedy."""
    if not isinstance(credential, OAuthClientCredentials) or credential.secret_expires is None:
        return None
    expires = credential.secret_expires
    days = (expires - today).days
    if days > SECRET_WARNING_DAYS:
        return None
    if days < 0:
        head = Text(
            en="The client secret expired on {date}; SmartBooqing can no longer connect with it.",
            nl="Het client secret is verlopen op {date}; SmartBooqing kan er niet meer mee verbinden.",
        )
    elif days == 0:
        head = Text(en="The client secret expires today ({date}).", nl="Het client secret verloopt vandaag ({date}).")
    elif days == 1:
        head = Text(en="The client secret expires tomorrow ({date}).", nl="Het client secret verloopt morgen ({date}).")
    else:
        head = Text(
            en="The client secret expires on {date}, in {n} days.",
            nl="Het client secret verloopt op {date}, over {n} dagen.",
        )
    return head.format(date=long_date(expires), n=days), remedies.rotate_secret(app)


def classic_sunset_applies(credential: Credential) -> bool:
    """The classic-token sunset warning (1 May / 31 Aug 2027) is for classic tokens only, never an OAuth client."""
    return not isinstance(credential, OAuthClientCredentials)


def classic_refused_by_oauth(headers: httpx.Headers | Mapping[str, str], app: str | None = None) -> Text | None:
    """When AFAS refused a classic token with a WWW-Authenticate that asks for OAuth, say it plainly: the app
    connector is switched to OAuth. None when the header does not say so (then the usual token remedy applies)."""
    if not offers_oauth(httpx.Headers(headers)):
        return None
    return remedies.switched_to_oauth(app)


# The wizard step that fixes each refused token request: the credential itself, the app connector's settings, or
# the environment the token was asked of. Maintenance and an IP restriction met from this computer have none: they
# are no defect of the setup (issue 20 item 4).
# A client secret past its expiry date is renewed (issue 21): the renewal makes, proves and hands over a new one.
RENEW_SECRET_STEP = StepId.RENEW
_FIX_STEP = {
    Problem.INVALID_CLIENT: StepId.TOKEN,
    Problem.UNAUTHORIZED_CLIENT: StepId.APP_CONNECTOR,
    Problem.UNSUPPORTED_GRANT: StepId.APP_CONNECTOR,
    Problem.DPOP_REQUIRED: StepId.APP_CONNECTOR,
    Problem.WRONG_ENVIRONMENT: StepId.ENVIRONMENT,
    Problem.NOT_FOUND: StepId.ENVIRONMENT,
}


def _fix_step(problem: AfasProblem, credential: Credential, today: dt.date) -> StepId | None:
    if problem.kind is Problem.INVALID_CLIENT and secret_expired_on(credential, today) is not None:
        return RENEW_SECRET_STEP
    return _FIX_STEP.get(problem.kind)


def token_refused(problem: AfasProblem, credential: Credential, today: dt.date, app: str | None) -> Outcome:
    """The `auth` check's outcome when AFAS gave no access token: AFAS's words (redacted, shortened by the flow),
    the remedy naming the AFAS screen (an expired secret's date first when the user gave it), and `impossible`
    for maintenance and an IP restriction (CLI exit 3)."""
    message = problem.message() + Text(en=".", nl=".")
    if problem.external_message:
        message += Text(en=" AFAS said: “{m}”.", nl=" AFAS meldde: “{m}”.").format(m=problem.external_message)
    return Outcome(
        status=Status.FAIL,
        message=message,
        remedy=remedies.oauth_refused(problem, app, secret_expired_on(credential, today)),
        fix_step=None if problem.impossible else _fix_step(problem, credential, today),
        http_status=problem.status,
        detail=problem.technical(),
        impossible=problem.impossible,
        auth_type=problem.kind in (Problem.UNAUTHORIZED_CLIENT, Problem.UNSUPPORTED_GRANT),
    )
