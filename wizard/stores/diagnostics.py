"""The facts a helpdesk asks for, once: `sbq-setup diagnose` prints them, the wizard's helpdesk panel shows them.

Qt-free so the CLI never loads Qt. Never a secret: the keyring backend's *name* and where a token would go, never
what is in it.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from typing import Any

from wizard import __version__, installation
from wizard.domain.redact import MASK, excerpt, secret_like
from wizard.domain.text import Lang, Text


@dataclass(frozen=True)
class Session:
    """What the wizard (or the last saved progress) knows about the organisation being set up."""

    organisation: str = ""
    environment: str = ""  # e.g. O12345AA, or the custom REST host
    last_result: str = ""  # e.g. "30 passed, 1 failed" in the reader's language


@dataclass(frozen=True)
class Fact:
    key: str  # stable, for JSON and tests
    label: Text
    value: str


_NOT_YET = Text(en="(not yet)", nl="(nog niet)")
_NO = Text(en="no", nl="nee")


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


def helpdesk_facts(lang: Lang, session: Session | None = None) -> list[Fact]:
    """Version, build, OS, keyring backend, environment, organisation and last result, labelled in `lang`."""
    from wizard.stores.secrets import describe_backend  # keyring's import is slow; only the facts need it

    backend = describe_backend()
    s = session or Session()
    organisation = _masked(s.organisation)
    rows = [
        Fact("version", Text(en="Version", nl="Versie"), __version__),
        Fact("build", Text(en="Build", nl="Build"), build_text(installation.build_info(), lang)),
        Fact("os", Text(en="Operating system", nl="Besturingssysteem"), os_text()),
        Fact("python", Text(en="Python", nl="Python"), platform.python_version()),
        Fact("keyring_backend", Text(en="Keyring backend", nl="Sleutelbos-backend"), backend.name),
        Fact("token_stored_in", Text(en="Token is stored in", nl="Token wordt bewaard in"), backend.location.get(lang)),
        Fact("environment", Text(en="AFAS environment", nl="AFAS-omgeving"), s.environment or _NOT_YET.get(lang)),
        Fact("organisation", Text(en="Organisation", nl="Organisatie"), organisation or _NOT_YET.get(lang)),
        Fact("last_result", Text(en="Last check", nl="Laatste controle"), s.last_result or _NOT_YET.get(lang)),
    ]
    if not backend.available:
        rows.append(Fact("keyring_available", Text(en="Keyring usable", nl="Sleutelbos bruikbaar"), _NO.get(lang)))
    if getattr(sys, "frozen", False):
        rows.append(Fact("frozen", Text(en="Installed as", nl="Geïnstalleerd als"), "bundle"))
    return rows


def _masked(typed: str) -> str:
    """A name the user typed, shortened; a token pasted into it by mistake is masked, never copied to a ticket."""
    for piece in secret_like(typed):
        typed = typed.replace(piece, MASK)
    return excerpt(typed, 80)


def as_text(facts: list[Fact], lang: Lang) -> str:
    """Labelled lines for a ticket: 'Version: 0.4.0'."""
    width = max((len(f.label.get(lang)) for f in facts), default=0)
    return "\n".join(f"{(f.label.get(lang) + ':').ljust(width + 1)} {f.value}" for f in facts)


def result_text(passed: int, warnings: int, failed: int, skipped: int, lang: Lang) -> str:
    counts = Text(
        en="{p} passed, {w} with a warning, {f} failed, {s} skipped",
        nl="{p} in orde, {w} met een waarschuwing, {f} mislukt, {s} overgeslagen",
    )
    return counts.format(p=passed, w=warnings, f=failed, s=skipped).get(lang)


def last_saved_session(lang: Lang) -> Session:
    """The most recently saved organisation (what the CLI knows without the wizard open); empty when none."""
    from wizard.stores.progress import ProgressStore

    try:
        saved = ProgressStore().list()
    except Exception:  # a damaged or unreadable store must not break `diagnose`, the helpdesk's first question
        return Session()
    if not saved:
        return Session()
    latest = saved[0]
    result = ""
    if latest.last_summary is not None:
        c = latest.last_summary
        result = result_text(c.passed, c.warnings, c.failed, c.skipped, lang)
    return Session(organisation=latest.organisation, environment=latest.env_id or latest.env_key, last_result=result)
