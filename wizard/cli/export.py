"""`sbq-setup export-connectors DIR`: write the bundle's .gcn files and SHA256SUMS for the AFAS import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.cli.common import ExitCode, add_lang_option, lang_of, say
from wizard.domain.text import Text

if TYPE_CHECKING:  # the bundle's rules read the manifest model (pydantic): imported where used, not for `--help`
    from wizard.domain.bundle import ExportResult

STAND_IN_NOTICE = Text(
    en="NOTE: these are development stand-ins, not the official SmartBooqing connector files. AFAS Profit will not "
    "import them; they work only with the built-in simulator (sbq-setup --demo).",
    nl="LET OP: dit zijn ontwikkelvervangers, niet de officiële SmartBooqing-connectorbestanden. AFAS Profit "
    "importeert ze niet; ze werken alleen met de ingebouwde simulator (sbq-setup --demo).",
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_line: str) -> None:
    parser = subparsers.add_parser(
        name,
        help=help_line,
        description="Verify the connector bundle, then write its .gcn files and a SHA256SUMS file (the format "
        "`sha256sum -c` reads) into DIR, creating it if needed. For a file on a Windows drive it also prints the "
        r"path as AFAS Profit's file dialog shows it on AFAS Online (\\Client\C$\...), ready to paste into the "
        "import dialog. Exit 0 when written, 1 when the bundle is damaged (nothing is written), 2 when DIR cannot "
        "be written.",
    )
    parser.add_argument("dir", metavar="DIR", type=Path, help="the folder to write to")
    add_lang_option(parser, default=argparse.SUPPRESS)  # SUPPRESS: keep `sbq-setup --lang nl export-connectors`
    parser.set_defaults(func=run)


def report_lines(result: ExportResult) -> list[Text]:
    """What the user reads after an export, in order."""
    from wizard.data import load_manifest
    from wizard.domain.bundle import SUMS_NAME, is_drive_path  # pydantic

    manifest = load_manifest()

    lines: list[Text] = []
    if result.stand_ins:
        lines.append(STAND_IN_NOTICE)
    folder = result.sums_path.parent
    lines.append(
        Text(en="Wrote {n} connector files to {d}:", nl="{n} connectorbestanden geschreven naar {d}:").format(
            n=len(result.files), d=folder
        )
    )
    windows = False
    for item in result.files:
        lines.append(Text(en="  {p}", nl="  {p}").format(p=item.path))
        gcn = next((g for g in manifest.gcn_files if g.file == item.name), None)
        if gcn is not None:  # what it defines, by the one name every page gives it
            name = manifest.name_of(gcn.connector)
            lines.append(Text(en="      defines: {n}", nl="      bevat: {n}").format(n=name))
        if is_drive_path(item.path):
            windows = True
            lines.append(
                Text(en="      in AFAS Online: {c}", nl="      in AFAS Online: {c}").format(c=item.client_path)
            )
    lines.append(
        Text(
            en="Checksums: {s} (verify with: sha256sum -c {n})",
            nl="Controlegetallen: {s} (controleren met: sha256sum -c {n})",
        ).format(s=result.sums_path, n=SUMS_NAME)
    )
    if windows:
        lines.append(
            Text(
                en="In AFAS Profit on AFAS Online, paste the 'in AFAS Online' path into the import dialog "
                "(Meer acties > Importeren).",
                nl="Plak in AFAS Profit op AFAS Online het pad achter 'in AFAS Online' in het importvenster "
                "(Meer acties > Importeren).",
            )
        )
    else:
        lines.append(
            Text(
                en="In AFAS Profit on AFAS Online, open this folder through the drive your remote-desktop app "
                "shares; its name depends on that app.",
                nl="Open deze map in AFAS Profit op AFAS Online via de schijf die uw extern-bureaublad-app deelt; "
                "de naam daarvan hangt af van die app.",
            )
        )
    return lines


def run(args: argparse.Namespace) -> int:
    from wizard.data.bundle import export_connectors  # pydantic
    from wizard.domain.bundle import BundleError

    lang = lang_of(args)
    try:
        result = export_connectors(args.dir)
    except BundleError as exc:  # a damaged bundle is a defect of this installation, not of the user's input
        say(exc.message, lang, sys.stderr)
        if exc.detail:
            say(Text(en="Detail: {d}", nl="Detail: {d}").format(d=exc.detail), lang, sys.stderr)
        return ExitCode.DEFECTS
    for line in report_lines(result):
        say(line, lang)
    return ExitCode.OK
