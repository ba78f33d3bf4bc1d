"""`sbq-setup diagnose`: facts a helpdesk needs about this installation, or all of them in one zip. Never a secret.

The facts are wizard.stores.diagnostics's, the same ones the wizard's "Info for the helpdesk" panel shows; the JSON
adds the technical extras (Qt version, where the connector bundle is); `--export` writes the panel's zip.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from wizard.cli.common import ExitCode, add_lang_option, lang_of, say
from wizard.domain.errors import InputError
from wizard.domain.redact import for_terminal, json_for_terminal
from wizard.domain.text import Text
from wizard.stores.diagnostics import as_json, as_text, helpdesk_facts, last_saved_session, technical_extras


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_line: str) -> None:
    parser = subparsers.add_parser(
        name,
        help=help_line,
        description="Print facts about this installation for the helpdesk: version, development or release build, "
        "operating system, which OS keyring backend is active (and what to do when none is usable), the last "
        "organisation set up, its login type and its last check. The same facts as the wizard's 'Info for the "
        "helpdesk' panel. No secrets.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON (null where a fact is not known)")
    parser.add_argument(
        "--export",
        metavar="FILE.zip",
        help="write one zip for the helpdesk: these facts, the log file and a README (redacted)",
    )
    add_lang_option(parser, default=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    session = last_saved_session()
    if args.export and args.json:
        raise InputError(
            Text(
                en="--json and --export do not go together: the zip already holds the JSON (diagnose.json).",
                nl="--json en --export gaan niet samen: de zip bevat de JSON al (diagnose.json).",
            )
        )
    if args.export:
        from wizard.stores.helpdesk_export import write_export

        path = Path(args.export).expanduser()
        if path.is_dir():
            raise InputError(
                Text(en="{p} is a folder; give a file name.", nl="{p} is een map; geef een bestandsnaam.").format(
                    p=path
                )
            )
        try:
            written = write_export(path, lang, session)
        except OSError as exc:
            raise InputError(
                Text(en="Cannot write {p}: {e}", nl="Kan {p} niet schrijven: {e}").format(
                    p=path, e=exc.strerror or type(exc).__name__
                )
            ) from None
        say(Text(en="Written for the helpdesk: {p}", nl="Geschreven voor de helpdesk: {p}").format(p=written), lang)
        return ExitCode.OK
    facts = helpdesk_facts(lang, session)
    if args.json:
        print(json_for_terminal(json.dumps(as_json(facts, technical_extras()), indent=2)))
        return ExitCode.OK
    print(for_terminal(as_text(facts, lang), keep_newlines=True))
    return ExitCode.OK
