"""The connector bundle on disk: verify the shipped `.gcn` files, export them for the user, adopt official ones.

Every `.gcn` in connectors/ is checked against manifest.toml (sha256, connector name, stand-in or official)
before it is used. Files are copied byte for byte; a `.gcn` is never rewritten (afas-api.md §6, element 15).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from wizard import installation
from wizard.data.loader import MANIFEST_FILE, clear_manifest_cache, load_manifest, manifest_path, read_manifest_text
from wizard.data.local_file import LocalFileError, read_local_file, write_local_file
from wizard.domain.bundle import (
    SUMS_NAME,
    AdoptedFile,
    AdoptError,
    BundleError,
    BundleFile,
    ExportedFile,
    ExportResult,
    ExportTargetError,
    afas_client_path,
    sha256_of,
    update_manifest_entry,
)
from wizard.domain.gcn import MAX_FILE_BYTES as GCN_MAX_BYTES
from wizard.domain.gcn import GcnDefinition, GcnError, read_gcn
from wizard.domain.manifest import GcnFile, Manifest, parse_manifest
from wizard.domain.text import Text

_REINSTALL = Text(
    en=" Reinstall SmartBooqing AFAS Setup.",
    nl=" Installeer SmartBooqing AFAS Setup opnieuw.",
)


def _current_manifest() -> Manifest:
    # Keyed by the resolved path, so SBQ_CONNECTORS_DIR (tests, maintainers) selects its own manifest.
    return load_manifest(manifest_path())


def _damaged(problem: Text, detail: str = "") -> BundleError:
    return BundleError(
        Text(en="The connector bundle is damaged: ", nl="De connectorbundel is beschadigd: ") + problem + _REINSTALL,
        detail=detail,
    )


def verify_file(spec: GcnFile, path: Path) -> BundleFile:
    """Check one listed file: present, the recorded hash, a readable container, the connector and origin."""
    try:
        data = read_local_file(path, GCN_MAX_BYTES)
    except LocalFileError as exc:
        if exc.problem == "missing":
            raise _damaged(Text(en="{f} is missing.", nl="{f} ontbreekt.").format(f=spec.file), str(exc)) from None
        problem = Text(en="{f} cannot be read.", nl="{f} kan niet worden gelezen.").format(f=spec.file)
        raise _damaged(problem, str(exc)) from None
    digest = sha256_of(data)
    if not spec.sha256:
        raise _damaged(
            Text(en="no checksum is recorded for {f}.", nl="voor {f} is geen controlegetal vastgelegd.").format(
                f=spec.file
            )
        )
    if digest != spec.sha256:
        raise _damaged(
            Text(
                en="{f} does not match its recorded checksum.",
                nl="{f} komt niet overeen met het vastgelegde controlegetal.",
            ).format(f=spec.file),
            f"sha256 {digest}, manifest {spec.sha256}",
        )
    try:
        definition = read_gcn(data, name=spec.file)
    except GcnError as exc:
        raise _damaged(exc.message, exc.detail) from None
    if definition.connector != spec.connector:
        raise _damaged(
            Text(
                en="{f} defines the connector {actual}, but the bundle expects {expected}.",
                nl="{f} definieert de connector {actual}, maar de bundel verwacht {expected}.",
            ).format(f=spec.file, actual=definition.connector, expected=spec.connector)
        )
    if definition.stand_in != (spec.origin == "stand-in"):
        if definition.stand_in:
            kind = Text(en="a development stand-in", nl="een ontwikkelvervanger")
        else:
            kind = Text(en="not a stand-in", nl="geen vervanger")
        raise _damaged(
            Text(
                en="{f} is marked {origin} in the manifest, but the file is {kind}.",
                nl="{f} staat als {origin} in het manifest, maar het bestand is {kind}.",
            ).format(f=spec.file, origin=spec.origin, kind=kind)
        )
    return BundleFile(spec=spec, path=path, sha256=digest, definition=definition)


def bundle_files(manifest: Manifest | None = None) -> list[BundleFile]:
    """All listed `.gcn` files, each verified (see verify_file); raises BundleError on the first problem."""
    manifest = manifest or _current_manifest()
    folder = installation.connectors_dir()
    return [verify_file(spec, folder / spec.file) for spec in manifest.gcn_files]


def _target_error(target: Path, exc: OSError) -> ExportTargetError:
    if isinstance(exc, FileExistsError) or (isinstance(exc, NotADirectoryError) and target.is_file()):
        reason = Text(en="it is a file, not a folder", nl="dat is een bestand, geen map")
    elif isinstance(exc, NotADirectoryError):
        reason = Text(en="part of the path is a file, not a folder", nl="een deel van het pad is een bestand, geen map")
    elif isinstance(exc, PermissionError):
        reason = Text(en="no permission to write there", nl="u hebt daar geen schrijfrechten")
    else:
        reason = Text(en=exc.strerror or type(exc).__name__, nl=exc.strerror or type(exc).__name__)
    return ExportTargetError(
        Text(en="Cannot write to the folder {path}: ", nl="Kan niet schrijven in de map {path}: ").format(path=target)
        + reason
        + Text(en=". Choose a folder you can write to.", nl=". Kies een map waarin u mag schrijven."),
        detail=str(exc),
    )


def export_connectors(target: Path, manifest: Manifest | None = None) -> ExportResult:
    """Verify the bundle, then write its `.gcn` files and a SHA256SUMS file (`sha256sum -c` format) into target."""
    manifest = manifest or _current_manifest()
    files = bundle_files(manifest)  # verify everything before anything is written
    target = Path(os.path.abspath(target))  # absolute, so the printed AFAS path is usable
    exported: list[ExportedFile] = []
    try:
        target.mkdir(parents=True, exist_ok=True)
        for item in files:
            destination = target / item.spec.file
            write_local_file(destination, read_local_file(item.path, GCN_MAX_BYTES))
            exported.append(ExportedFile(item.spec.file, destination, item.sha256, afas_client_path(destination)))
        sums = "".join(f"{e.sha256}  {e.name}\n" for e in exported)
        sums_path = target / SUMS_NAME
        write_local_file(sums_path, sums.encode("ascii"))
    except LocalFileError as exc:  # a bundle file changed since it was verified a moment ago
        raise _damaged(
            Text(en="a file changed while it was exported.", nl="een bestand veranderde tijdens het exporteren."),
            str(exc),
        ) from None
    except OSError as exc:
        raise _target_error(target, exc) from None
    return ExportResult(files=exported, sums_path=sums_path, stand_ins=manifest.has_stand_ins)


def _refuse(source: Path, reason: Text, detail: str = "") -> AdoptError:
    return AdoptError(
        Text(en="Not adopted: {f}: ", nl="Niet overgenomen: {f}: ").format(f=source) + reason, detail=detail
    )


_UNREADABLE = Text(en="the file cannot be read.", nl="het bestand kan niet worden gelezen.")
_ADOPT_PROBLEMS = {
    "not-regular": Text(
        en="it is not a regular file (a folder, pipe or device).",
        nl="het is geen gewoon bestand (een map, pipe of apparaat).",
    ),
    "too-large": Text(
        en="it is too large to be an AFAS GetConnector file.", nl="het is te groot voor een AFAS GetConnector-bestand."
    ),
}


def adopt_files(sources: Sequence[Path]) -> list[AdoptedFile]:
    """Check each file against the manifest, copy it into connectors/, record its hash and origin = "official".

    All files are checked before anything is copied, so a refused file leaves the bundle untouched.
    """
    folder = installation.connectors_dir()
    manifest_file = folder / MANIFEST_FILE
    # Bytes, not read_text: the file's own line endings survive the edit on every platform.
    text = read_manifest_text(manifest_file)
    manifest = parse_manifest(text)
    expected = ", ".join(g.connector for g in manifest.gcn_files)
    planned: list[tuple[Path, bytes, GcnFile, GcnDefinition]] = []
    for source in sources:
        try:
            data = read_local_file(source, GCN_MAX_BYTES)
        except LocalFileError as exc:
            raise _refuse(source, _ADOPT_PROBLEMS.get(exc.problem, _UNREADABLE), exc.reason) from None
        try:
            definition = read_gcn(data, name=source.name)
        except GcnError as exc:
            raise _refuse(source, exc.message, exc.detail) from None
        if definition.stand_in:
            raise _refuse(
                source,
                Text(
                    en="it is a development stand-in, not an official SmartBooqing file.",
                    nl="het is een ontwikkelvervanger, geen officieel SmartBooqing-bestand.",
                ),
            )
        spec = manifest.gcn_for(definition.connector)
        if spec is None:
            raise _refuse(
                source,
                Text(
                    en="it defines the connector {c}, which the bundle does not ship (expected one of: {e}).",
                    nl="het definieert de connector {c}, die de bundel niet bevat (verwacht een van: {e}).",
                ).format(c=definition.connector, e=expected),
            )
        if any(p[2].file == spec.file for p in planned):
            raise _refuse(
                source,
                Text(
                    en="another file given also defines {c}.", nl="een ander opgegeven bestand definieert ook {c}."
                ).format(c=definition.connector),
            )
        planned.append((source, data, spec, definition))
    adopted: list[AdoptedFile] = []
    for source, data, spec, definition in planned:
        digest = sha256_of(data)
        target = folder / spec.file
        write_local_file(target, data)  # byte for byte: a .gcn is never modified
        text = update_manifest_entry(text, spec.file, sha256=digest, origin="official")
        adopted.append(AdoptedFile(source, target, definition.connector, digest))
    manifest_file.write_bytes(text.encode("utf-8"))
    clear_manifest_cache()
    bundle_files(parse_manifest(text))  # the edited manifest must validate and match the files on disk
    return adopted
