"""`sbq-setup diagnose`: facts a helpdesk needs about this installation. Never a secret.

The labelled facts are wizard.stores.diagnostics's, the same ones the wizard's "Info for the helpdesk" panel shows;
the JSON adds the technical extras (Qt version, where the connector bundle is).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from typing import Any

from wizard import __version__, installation
from wizard.cli.common import add_lang_option, lang_of
from wizard.domain.redact import for_terminal, json_for_terminal
from wizard.domain.text import Lang
from wizard.stores.diagnostics import as_text, helpdesk_facts, last_saved_session


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "diagnose",
        help="print version, build, OS, keyring backend and the last organisation for the helpdesk (no secrets)",
        description="Print facts about this installation for the helpdesk: version, development or release build, "
        "operating system, which OS keyring backend is active, the last organisation set up and its last check, "
        "the Qt version. The same facts as the wizard's 'Info for the helpdesk' panel. No secrets.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_lang_option(parser, default=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def facts(lang: Lang = Lang.EN) -> dict[str, Any]:
    from wizard.stores.secrets import describe_backend  # keyring

    shared = {fact.key: fact.value for fact in helpdesk_facts(lang, last_saved_session(lang))}
    backend = describe_backend()
    return {
        **shared,
        "version": __version__,
        "build": installation.build_info(),  # the raw record, for tooling; "build" in the text output is its summary
        "frozen": bool(getattr(sys, "frozen", False)),
        "platform": platform.platform(),
        "connectors_dir": str(installation.connectors_dir()),
        "keyring_available": backend.available,
        "pyside6": _pyside_version(),
    }


def _pyside_version() -> str:
    try:
        from PySide6 import __version__ as version  # Qt only for this fact, never for `--help`
    except ImportError:  # pragma: no cover - Qt is a hard dependency; report rather than crash
        return "missing"
    return str(version)


def run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    if args.json:
        print(json_for_terminal(json.dumps(facts(lang), indent=2)))
        return 0
    shown = helpdesk_facts(lang, last_saved_session(lang))
    print(for_terminal(as_text(shown, lang), keep_newlines=True))
    print(for_terminal(f"Qt (PySide6): {_pyside_version()}", keep_newlines=False))
    return 0
