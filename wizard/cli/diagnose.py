"""`sbq-setup diagnose`: facts a helpdesk needs about this installation. Never a secret."""

from __future__ import annotations

import argparse
import sys

from wizard import __version__, resources
from wizard.cli.common import add_lang_option, lang_of
from wizard.domain.redact import for_terminal, json_for_terminal
from wizard.domain.text import Lang

TYPE_CHECKING = False  # mypy treats this name as True; at run time `typing` is not imported (`--help` speed)
if TYPE_CHECKING:
    from typing import Any


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "diagnose",
        help="print version, build, keyring backend and Qt facts for the helpdesk (no secrets)",
        description="Print facts about this installation for the helpdesk: version, development or release build, "
        "where the connector bundle is, which OS keyring backend is active, the Qt version. No secrets.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_lang_option(parser, default=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def facts(lang: Lang = Lang.EN) -> dict[str, Any]:
    import platform  # 25 ms: only diagnose needs it, `sbq-setup --help` does not

    from wizard.stores.secrets import describe_backend

    backend = describe_backend()
    try:
        from PySide6 import __version__ as pyside_version
    except ImportError:  # pragma: no cover - Qt is a hard dependency; report rather than crash
        pyside_version = "missing"
    return {
        "version": __version__,
        "build": resources.build_info(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "connectors_dir": str(resources.connectors_dir()),
        "keyring_backend": backend.name,
        "keyring_available": backend.available,
        "token_stored_in": backend.location.get(lang),
        "pyside6": pyside_version,
    }


def run(args: argparse.Namespace) -> int:
    import json

    data = facts(lang_of(args))
    if args.json:
        print(json_for_terminal(json.dumps(data, indent=2)))
    else:
        for key, value in data.items():
            print(for_terminal(f"{key:16} {value}", keep_newlines=False))
    return 0
