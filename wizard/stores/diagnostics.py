"""The facts a helpdesk asks for, once: `sbq-setup diagnose` prints them, the wizard's helpdesk panel shows them, and
the helpdesk export (wizard.stores.helpdesk_export) packs them.

Qt-free so the CLI never loads Qt. Never a secret: the keyring backend's *name* and where the login details are kept,
never what is in them. Each fact has one key; its JSON value is null when it is not known (the text says "(not yet)").
"""

from __future__ import annotations

import datetime as dt
import platform
import sys
from dataclasses import dataclass, field
from typing import Any

from wizard import __version__, installation
from wizard.domain.presentation import count_parts
from wizard.domain.redact import MASK, excerpt, secret_like
from wizard.domain.steps import StepId
from wizard.domain.text import Lang, Text, long_date
from wizard.flow.state import AuthKind, ProfitClient, VerificationSummary, WizardState


@dataclass(frozen=True)
class Session:
    """What the wizard (or the last saved progress) knows about the organisation being set up; None: not known."""

    organisation: str = ""
    environment: str = ""  # e.g. O12345AA, or the custom REST host
    demo: bool | None = None
    profit_client: ProfitClient | None = None
    login: AuthKind | None = None
    stored_in: Text | None = None  # where the login details are kept (memory included); None: not stored
    secret_expires: dt.date | None = None
    current_step: StepId | None = None
    step_name: str = ""  # the current step's name as the wizard shows it; the CLI has only its id
    last_check: VerificationSummary | None = None


@dataclass(frozen=True)
class Fact:
    key: str  # stable, for JSON and tests
    label: Text
    value: str | None  # as shown; None: "(not yet)"
    data: Any = field(default=..., compare=False)  # the JSON value (None: null); by default `value`

    @property
    def json(self) -> Any:
        return self.value if self.data is ... else self.data


_NOT_YET = Text(en="(not yet)", nl="(nog niet)")
_NO_SECRET = Text(
    en="none (a classic token has no client secret)", nl="geen (een klassiek token heeft geen client secret)"
)
_YES_NO = {True: Text(en="yes", nl="ja"), False: Text(en="no", nl="nee")}
_MODE = {
    True: Text(en="demo (simulated AFAS)", nl="demo (gesimuleerde AFAS)"),
    False: Text(en="real AFAS environment", nl="echte AFAS-omgeving"),
}
_PROFIT_CLIENT = {
    ProfitClient.BROWSER: Text(en="in the browser", nl="in de browser"),
    ProfitClient.APP: Text(en="Profit app over Remote Desktop", nl="Profit-app via Extern bureaublad"),
}
_LOGIN = {
    AuthKind.OAUTH: Text(en="OAuth client id and client secret", nl="OAuth client id en client secret"),
    AuthKind.CLASSIC: Text(en="classic user token", nl="klassiek gebruikerstoken"),
}
_NOT_STORED = Text(en="not stored (yet)", nl="(nog) niet bewaard")
_INSTALLED = {True: Text(en="bundle", nl="bundel"), False: Text(en="Python package", nl="Python-pakket")}


def build_text(build: dict[str, Any], lang: Lang) -> str:
    if build.get("development", True):
        return Text(en="development build", nl="ontwikkelversie").get(lang)
    parts = [str(build.get(key)) for key in ("version", "commit", "built") if build.get(key)]
    return Text(en="release", nl="release").get(lang) + (f" ({', '.join(parts)})" if parts else "")


def os_text() -> str:
    """'Windows 11 (10.0.22631)', 'macOS 14.5', 'Linux 6.8 (glibc 2.39)': what a helpdesk engineer asks first."""
    system = platform.system()
    if system == "Darwin":
        return f"macOS {platform.mac_ver()[0] or platform.release()} ({platform.machine()})"
    if system == "Windows":
        return f"Windows {platform.release()} ({platform.version()}, {platform.machine()})"
    return f"{system} {platform.release()} ({platform.machine()})"


def session_of(state: WizardState, current: StepId | None = None, step_name: str = "") -> Session:
    """What the wizard's state says, for the panel and the export (never the credential itself)."""
    environment = state.environment.env_id if state.environment is not None else ""
    if state.environment is not None and state.environment.custom_rest_url:
        environment = state.environment.key
    return Session(
        organisation=state.organisation,
        environment=environment,
        demo=state.demo,
        profit_client=state.profit_client,
        login=state.auth,
        stored_in=state.token_storage.location if state.token_storage is not None else None,
        secret_expires=state.secret_expires if state.auth is AuthKind.OAUTH else None,
        current_step=current,
        step_name=step_name,
        last_check=state.verification,
    )


def helpdesk_facts(lang: Lang, session: Session | None = None) -> list[Fact]:
    """Installation, session and last check, labelled in `lang`; the same keys for the text and the JSON."""
    from wizard.stores.secrets import describe_backend  # keyring's import is slow; only the facts need it

    backend = describe_backend()
    s = session or Session()
    frozen = bool(getattr(sys, "frozen", False))

    def said(choice: object, words: dict[Any, Text]) -> str | None:
        return words[choice].get(lang) if choice in words else None

    rows = [
        Fact("version", Text(en="Version", nl="Versie"), __version__),
        Fact(
            "build",
            Text(en="Build", nl="Build"),
            build_text(installation.build_info(), lang),
            installation.build_info(),  # the raw record for tooling; the text is its summary
        ),
        Fact("frozen", Text(en="Installed as", nl="Geïnstalleerd als"), _INSTALLED[frozen].get(lang), frozen),
        Fact("os", Text(en="Operating system", nl="Besturingssysteem"), os_text()),
        Fact("python", Text(en="Python", nl="Python"), platform.python_version()),
        Fact("mode", Text(en="Mode", nl="Modus"), said(s.demo, _MODE), _code(s.demo, {True: "demo", False: "real"})),
        Fact("organisation", Text(en="Organisation", nl="Organisatie"), _masked(s.organisation) or None),
        Fact("environment", Text(en="AFAS environment", nl="AFAS-omgeving"), s.environment or None),
        Fact(
            "profit_client",
            Text(en="Profit opened", nl="Profit geopend"),
            said(s.profit_client, _PROFIT_CLIENT),
            _code(s.profit_client, {c: c.value for c in ProfitClient}),
        ),
        Fact(
            "login",
            Text(en="Login with", nl="Inloggen met"),
            said(s.login, _LOGIN),
            _code(s.login, {k: k.value for k in AuthKind}),
        ),
        Fact(
            "login_stored_in",
            Text(en="Login details stored", nl="Inloggegevens bewaard"),
            (s.stored_in or _NOT_STORED).get(lang),
            s.stored_in.en if s.stored_in is not None else None,
        ),
        Fact(
            "secret_expires",
            Text(en="Client secret valid until", nl="Client secret geldig tot"),
            # A classic token has no client secret: "(not yet)" would suggest one is still to come.
            _NO_SECRET.get(lang)
            if s.login is AuthKind.CLASSIC
            else (long_date(s.secret_expires).get(lang) if s.secret_expires else None),
            s.secret_expires.isoformat() if s.secret_expires else None,
        ),
        Fact(
            "current_step",
            Text(en="Current step", nl="Huidige stap"),
            (s.step_name or s.current_step.value) if s.current_step else None,
            s.current_step.value if s.current_step else None,
        ),
        *_check_facts(s.last_check, lang),
        Fact("keyring_backend", Text(en="Keyring backend", nl="Sleutelbos-backend"), backend.name),
        Fact("keyring", Text(en="Keyring", nl="Sleutelbos"), backend.location.get(lang)),
        Fact(
            "keyring_available",
            Text(en="Keyring usable", nl="Sleutelbos bruikbaar"),
            _YES_NO[backend.available].get(lang),
            backend.available,
        ),
    ]
    if not backend.available:
        from wizard.stores.keyring_help import no_keyring_message

        rows.append(Fact("keyring_advice", Text(en="What to do", nl="Wat te doen"), no_keyring_message().get(lang)))
    return rows


def _code(choice: object, codes: dict[Any, str]) -> str | None:
    return codes.get(choice) if choice is not None else None


def _check_facts(summary: VerificationSummary | None, lang: Lang) -> list[Fact]:
    """The last check: when, its counts, the Profit version it learned, and the failed checks by name."""
    if summary is None:
        return [
            Fact("last_check", Text(en="Last check", nl="Laatste controle"), None),
            Fact("profit_version", Text(en="Profit version", nl="Profit-versie"), None),
            Fact("failing_checks", Text(en="Failed checks", nl="Mislukte controles"), None),
        ]
    # The same separate numbers as the check page and the report, so they add up to the checks that ran.
    counts = count_parts(
        {
            "pass": summary.passed,
            "fail": summary.failed,
            "could_not_check": summary.could_not_check,
            "warn": summary.warnings,
            "manual": summary.manual,
            "info": summary.info,
            "skip": summary.skipped,
        },
        lang,
    )
    when = summary.checked_at
    shown = f"{_when(when, lang)}: {counts}" if when is not None else counts
    data = {
        "checked_at": when.isoformat() if when is not None else None,
        "passed": summary.passed,
        "warnings": summary.warnings,
        "to_check_yourself": summary.manual,
        "for_your_information": summary.info,
        "failed": summary.failed,
        "skipped": summary.skipped,
        "impossible": summary.impossible,
        "could_not_check": summary.could_not_check,
        "failing": [title.get(lang) for title in summary.failing],
    }
    return [
        Fact("last_check", Text(en="Last check", nl="Laatste controle"), shown, data),
        Fact("profit_version", Text(en="Profit version", nl="Profit-versie"), summary.profit_version),
        Fact(
            "failing_checks",
            Text(en="Failed checks", nl="Mislukte controles"),
            "\n".join(title.get(lang) for title in summary.failing) or "—",
            data["failing"],
        ),
    ]


def _when(moment: dt.datetime, lang: Lang) -> str:
    utc = moment.astimezone(dt.UTC)
    return f"{long_date(utc.date()).get(lang)} {utc:%H:%M} UTC"


def _masked(typed: str) -> str:
    """A name the user typed, shortened; a token pasted into it by mistake is masked, never copied to a ticket."""
    for piece in secret_like(typed):
        typed = typed.replace(piece, MASK)
    return excerpt(typed, 80)


def as_text(facts: list[Fact], lang: Lang) -> str:
    """Labelled lines for a ticket: 'Version: 0.4.0'."""
    width = max((len(f.label.get(lang)) for f in facts), default=0)
    indent = "\n" + " " * (width + 2)  # a value of several lines (the failed checks) stays in its column
    return "\n".join(
        f"{(f.label.get(lang) + ':').ljust(width + 1)} "
        + (_NOT_YET.get(lang) if f.value is None else indent.join(f.value.splitlines()))
        for f in facts
    )


def as_json(facts: list[Fact], extras: dict[str, Any]) -> dict[str, Any]:
    """The facts by key, then the technical extras; a key given twice is a bug, not something to overwrite."""
    data: dict[str, Any] = {}
    for key, value in [*((f.key, f.json) for f in facts), *extras.items()]:
        if key in data:
            raise ValueError(f"diagnose fact {key!r} given twice")
        data[key] = value
    return data


def technical_extras() -> dict[str, Any]:
    """What only the JSON carries: the exact platform, where the connector bundle is, the Qt version."""
    from importlib.metadata import PackageNotFoundError, version  # the installed version, without loading Qt

    pyside = None
    for name in ("PySide6_Essentials", "PySide6"):  # the lock installs the essentials; a full PySide6 also works
        try:
            pyside = version(name)
            break
        except PackageNotFoundError:
            continue
    return {
        "platform": platform.platform(),
        "connectors_dir": str(installation.connectors_dir()),
        "pyside6": pyside,
    }


def last_saved_session() -> Session:
    """The most recently saved organisation (what the CLI knows without the wizard open); empty when none."""
    from wizard.flow.saved_state import restore
    from wizard.stores.progress import ProgressStore

    try:
        saved = ProgressStore().list()
    except Exception:  # a damaged or unreadable store must not break `diagnose`, the helpdesk's first question
        return Session()
    if not saved:
        return Session()
    latest = saved[0]
    state = restore(latest.wizard_data()) if latest.wizard else WizardState()
    session = session_of(state, _resume_step(state) if latest.wizard else None)
    summary = session.last_check
    if summary is None and latest.last_summary is not None:  # a file from before the wizard's state was saved
        c = latest.last_summary
        summary = VerificationSummary(passed=c.passed, warnings=c.warnings, failed=c.failed, skipped=c.skipped)
    if summary is not None and summary.checked_at is None and latest.last_verified_at is not None:
        from dataclasses import replace

        summary = replace(summary, checked_at=latest.last_verified_at)
    stored_in = session.stored_in or latest.token_location
    return Session(
        organisation=latest.organisation,
        environment=latest.env_id or latest.env_key,
        demo=False,  # the demo keeps no progress
        profit_client=session.profit_client if latest.wizard else None,
        login=session.login if latest.wizard else None,
        stored_in=stored_in,
        secret_expires=session.secret_expires,
        current_step=session.current_step,
        last_check=summary,
    )


def _resume_step(state: WizardState) -> StepId | None:
    """Where the wizard would go on with this organisation; None when the connector bundle cannot be read."""
    from wizard.data import load_manifest
    from wizard.flow.machine import WizardMachine

    try:
        return WizardMachine(load_manifest, state).resume(state)
    except Exception:  # a broken bundle is reported elsewhere (`bundle check`); here it only hides one fact
        return None
