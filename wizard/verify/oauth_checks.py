"""What verification says about an OAuth client beyond the token request: the secret's expiry (warn 30 days ahead,
with its date), an expired secret for the remedy, and the plain words for a classic token refused under OAuth.

Pure functions of dates, credentials and headers; the engine decides where they appear.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import httpx

from wizard.afas.oauth import auth_type_path, auth_type_values, client_secret_path, offers_oauth
from wizard.data import screens
from wizard.domain.credentials import Credential
from wizard.domain.oauth import OAuthClientCredentials
from wizard.domain.text import Text, long_date

SECRET_WARNING_DAYS = 30  # AFAS: "plan the renewal well before the expiry date" (S1); issue 10 says 30 days


def secret_expired_on(credential: Credential, today: dt.date) -> Text | None:
    """The long date of an OAuth client secret's expiry when it has passed, for `TokenFailure.remedy`."""
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
    rotate = Text(
        en="Create a new secret in AFAS ({path}), give it to SmartBooqing, verify, then revoke the old one.",
        nl="Maak een nieuw secret aan in AFAS ({path}), geef het aan SmartBooqing, controleer, en trek daarna het "
        "oude in.",
    ).format(path=client_secret_path(app))
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
    return head.format(date=long_date(expires), n=days), rotate


def classic_sunset_applies(credential: Credential) -> bool:
    """The classic-token sunset warning (1 May / 31 Aug 2027) is for classic tokens only, never an OAuth client."""
    return not isinstance(credential, OAuthClientCredentials)


def classic_refused_by_oauth(headers: httpx.Headers | Mapping[str, str], app: str | None = None) -> Text | None:
    """When AFAS refused a classic token with a WWW-Authenticate that asks for OAuth, say it plainly: the app
    connector is switched to OAuth. None when the header does not say so (then the usual token remedy applies)."""
    if not offers_oauth(httpx.Headers(headers)):
        return None
    return Text(
        en="AFAS asks for OAuth: this app connector no longer accepts classic tokens ({path} = {oauth}). Verify with "
        "the OAuth client id and secret instead, or, while moving SmartBooqing over, set it to {hybrid} so both work.",
        nl="AFAS vraagt om OAuth: deze app connector accepteert geen klassieke tokens meer ({path} = {oauth}). "
        "Controleer in plaats daarvan met de OAuth client id en het secret, of zet het op {hybrid} zolang "
        "SmartBooqing overstapt, zodat beide werken.",
    ).format(path=auth_type_path(app), **auth_type_values())


def classic_maybe_oauth() -> Text:
    """One more item for the classic 'token rejected' remedy when no header says why (Profit 8, or an empty 401)."""
    values = auth_type_values()
    return Text(
        en=" (4) {field} of the app connector must still be {classic} or {hybrid}: under {oauth}, classic tokens are "
        "refused.",
        nl=" (4) {field} van de app connector moet nog op {classic} of {hybrid} staan: onder {oauth} worden "
        "klassieke tokens geweigerd.",
    ).format(field=screens().app_connector.fields.auth_type.glossed, **values)
