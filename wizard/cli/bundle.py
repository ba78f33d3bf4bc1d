"""`sbq-setup bundle check|adopt`: maintainer commands for the connector bundle in connectors/."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from wizard.cli.common import ExitCode, add_lang_option, lang_of, say
from wizard.domain.errors import InputError, UserFacingError
from wizard.domain.text import Lang, Text

# The manifest and the bundle's rules are pydantic models: imported in the commands that use them, not for `--help`.


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_line: str) -> None:
    parser = subparsers.add_parser(
        name,
        help=help_line,
        description="Maintainer commands for the connector bundle this program uses: the folder SBQ_CONNECTORS_DIR "
        "names, else its own copy. Adopt official files in a source checkout's connectors/: the wheel and the "
        "installers are built from there.",
    )
    add_lang_option(parser, default=argparse.SUPPRESS)
    parser.set_defaults(func=_usage(parser))
    actions = parser.add_subparsers(title="actions", metavar="ACTION")

    check = actions.add_parser(
        "check",
        help="verify every .gcn against manifest.toml (exit 0 ok, 1 defects)",
        description="Verify every listed .gcn: present, sha256 as recorded, a readable container defining the "
        "manifest's connector, stand-in or official as marked. Exit 0 when sound, 1 on any defect.",
    )
    check.add_argument(
        "--release", action="store_true", help="also refuse development stand-ins, as a release build must"
    )
    add_lang_option(check, default=argparse.SUPPRESS)
    check.set_defaults(func=run_check)

    adopt = actions.add_parser(
        "adopt",
        help="copy official .gcn files from SmartBooqing into the bundle and mark them official",
        description="Check each FILE (a readable .gcn, not a stand-in, defining a connector the manifest lists), "
        "copy it byte for byte into the bundle under the manifest's file name, record its sha256 and set "
        'origin = "official" in manifest.toml (comments are kept). Nothing is changed if any FILE is refused '
        "(exit 2).",
    )
    adopt.add_argument("files", metavar="FILE", nargs="+", type=Path, help="official .gcn files")
    add_lang_option(adopt, default=argparse.SUPPRESS)
    adopt.set_defaults(func=run_adopt)


def _usage(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        parser.print_usage(sys.stderr)
        say(f"{parser.prog}: error: give an action: check or adopt", lang_of(args), sys.stderr)
        return ExitCode.BAD_INPUT

    return run


def _fail(exc: UserFacingError, lang: Lang) -> int:
    say(exc.message, lang, sys.stderr)
    if exc.detail:
        say(Text(en="Detail: {d}", nl="Detail: {d}").format(d=exc.detail), lang, sys.stderr)
    return ExitCode.DEFECTS


def run_check(args: argparse.Namespace) -> int:
    from wizard.data import load_manifest, manifest_path
    from wizard.data.bundle import bundle_files
    from wizard.domain.bundle import BundleError, check_release

    lang = lang_of(args)
    try:
        manifest = load_manifest(manifest_path())
        files = bundle_files(manifest)
    except InputError:
        raise
    except UserFacingError as exc:  # ManifestError or BundleError: the bundle has a defect
        return _fail(exc, lang)
    for item in files:
        say(f"OK  {item.spec.file:<32} {item.spec.connector:<26} {item.spec.origin:<9} {item.sha256[:16]}", lang)
    if args.release:
        try:
            check_release(manifest, allow_stand_ins=False)
        except BundleError as exc:
            return _fail(exc, lang)
    elif manifest.has_stand_ins:
        say(
            Text(
                en="The bundle holds development stand-ins; a release build (bundle check --release) refuses them.",
                nl="De bundel bevat ontwikkelvervangers; een releasebuild (bundle check --release) weigert die.",
            ),
            lang,
        )
    say(Text(en="Bundle OK: {n} files.", nl="Bundel in orde: {n} bestanden.").format(n=len(files)), lang)
    return ExitCode.OK


def run_adopt(args: argparse.Namespace) -> int:
    from wizard.data.bundle import adopt_files
    from wizard.domain.bundle import BundleError

    lang = lang_of(args)
    try:
        adopted = adopt_files(args.files)
    except BundleError as exc:
        return _fail(exc, lang)
    for item in adopted:
        say(
            Text(
                en="Adopted {s} as {t} ({c}, sha256 {h}); marked official.",
                nl="{s} overgenomen als {t} ({c}, sha256 {h}); gemarkeerd als officieel.",
            ).format(s=item.source, t=item.target, c=item.connector, h=item.sha256),
            lang,
        )
    say(
        Text(
            en="Now check required_fields in manifest.toml against SmartBooqing's field list for these connectors.",
            nl="Controleer nu required_fields in manifest.toml tegen de veldlijst van SmartBooqing voor deze "
            "connectoren.",
        ),
        lang,
    )
    return ExitCode.OK
