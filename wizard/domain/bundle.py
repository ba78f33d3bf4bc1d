"""The connector bundle's pure rules: its result types and errors, the release guard, the AFAS client path, and
the manifest edit `bundle adopt` makes. Reading, exporting and adopting files is I/O: see wizard.data.bundle.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath

import tomlkit
from tomlkit.exceptions import TOMLKitError

from wizard.domain.errors import InputError, UserFacingError
from wizard.domain.gcn import GcnDefinition
from wizard.domain.manifest import GcnFile, Manifest, Origin
from wizard.domain.text import Text

SUMS_NAME = "SHA256SUMS"


class BundleError(UserFacingError):
    """The connector bundle is incomplete or inconsistent, or may not be shipped (a release with stand-ins)."""


class ExportTargetError(InputError):
    """The folder the user chose for the export cannot be created or written (CLI exit code 2)."""


class AdoptError(InputError):
    """A file offered for adoption is not an official definition of a connector the manifest ships."""


@dataclass(frozen=True)
class BundleFile:
    spec: GcnFile
    path: Path
    sha256: str
    definition: GcnDefinition


@dataclass(frozen=True)
class ExportedFile:
    name: str
    path: Path
    sha256: str
    client_path: str  # how AFAS Online's file dialog shows `path`; the local path when that is not knowable


@dataclass(frozen=True)
class ExportResult:
    files: list[ExportedFile]
    sums_path: Path
    stand_ins: bool


@dataclass(frozen=True)
class AdoptedFile:
    source: Path
    target: Path
    connector: str
    sha256: str


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def afas_client_path(path: PurePath) -> str:
    r"""The path as AFAS Profit's file dialog shows it on AFAS Online: C:\x\f.gcn -> \\Client\C$\x\f.gcn.

    AFAS Online runs Profit remotely (RemoteApp); the remote session maps the local drives of a Windows PC as
    \\Client\<letter>$ (the guide's screenshot shows \\Client\D$\LatestConnectors\SBQ_BTW.gcn).
    Anything else is returned unchanged: a UNC path (\\server\share) is not a local drive, and on macOS or
    Linux the RDP client shares a folder under a name the user picked, which we cannot know.
    """
    if not isinstance(path, PureWindowsPath):
        return str(path)
    drive = path.drive
    if len(drive) != 2 or drive[1] != ":" or not drive[0].isalpha() or not path.root:
        return str(path)
    rest = "\\".join(path.parts[1:])
    return f"\\\\Client\\{drive[0].upper()}$\\{rest}"


def is_drive_path(path: PurePath) -> bool:
    return afas_client_path(path) != str(path)


def check_release(manifest: Manifest, allow_stand_ins: bool) -> None:
    """A release build ships only official files; raises BundleError while stand-ins are in the bundle."""
    stand_ins = [g.file for g in manifest.gcn_files if g.origin == "stand-in"]
    if stand_ins and not allow_stand_ins:
        raise BundleError(
            Text(
                en="This bundle holds development stand-ins instead of the official SmartBooqing connector files "
                "({files}). A release must ship the official files: adopt them with `sbq-setup bundle adopt`.",
                nl="Deze bundel bevat ontwikkelvervangers in plaats van de officiële SmartBooqing-connectorbestanden "
                "({files}). Een release moet de officiële bestanden bevatten: neem ze over met "
                "`sbq-setup bundle adopt`.",
            ).format(files=", ".join(stand_ins))
        )


def update_manifest_entry(text: str, file: str, *, sha256: str, origin: Origin) -> str:
    """Set sha256 and origin of one [[gcn_files]] entry; tomlkit keeps every comment and the layout."""

    def refuse(en: str, nl: str) -> BundleError:
        return BundleError(Text(en=en, nl=nl).format(f=file))

    try:
        document = tomlkit.parse(text)
    except TOMLKitError as exc:
        raise BundleError(
            Text(en="manifest.toml is not valid TOML.", nl="manifest.toml is geen geldige TOML."), detail=str(exc)
        ) from None
    entries = document.get("gcn_files")
    hits = [e for e in entries if e.get("file") == file] if isinstance(entries, list) else []
    if len(hits) != 1:
        raise refuse(
            "manifest.toml has no single [[gcn_files]] entry for {f}.",
            "manifest.toml heeft geen eenduidige [[gcn_files]]-regel voor {f}.",
        )
    entry = hits[0]
    for key, value in (("sha256", sha256), ("origin", origin)):
        if not isinstance(entry.get(key), str):
            raise BundleError(
                Text(
                    en="The manifest entry for {f} has no single {k} line.",
                    nl="De manifestregel voor {f} heeft geen eenduidige {k}-regel.",
                ).format(f=file, k=key)
            )
        entry[key] = value
    return tomlkit.dumps(document)
