"""Read connectors/manifest.toml and connectors/afas.toml from the shipped data folder, parse and cache them."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from wizard import installation
from wizard.data.local_file import LocalFileError, read_local_file
from wizard.domain.text import Text

if TYPE_CHECKING:  # their models load when the data is first read: the wizard's window shows before (issue 13)
    from wizard.domain.afas_screens import AfasData, Screens
    from wizard.domain.manifest import Manifest

MANIFEST_FILE = "manifest.toml"
AFAS_FILE = "afas.toml"
MAX_DATA_FILE = 4 * 1024 * 1024  # both are tens of KB

_T = TypeVar("_T")


def manifest_path() -> Path:
    return installation.connectors_dir() / MANIFEST_FILE


def afas_path() -> Path:
    return installation.connectors_dir() / AFAS_FILE


def read_manifest_text(target: Path) -> str:
    """A data file's text (bounded, regular files only: see local_file); ManifestError when it cannot be read."""
    from wizard.domain.manifest import ManifestError

    try:
        return read_local_file(target, MAX_DATA_FILE).decode("utf-8")
    except (LocalFileError, UnicodeDecodeError) as exc:
        raise ManifestError(
            Text(
                en="The connector bundle is missing ({path}). Reinstall SmartBooqing AFAS Setup.",
                nl="De connectorbundel ontbreekt ({path}). Installeer SmartBooqing AFAS Setup opnieuw.",
            ).format(path=target),
            detail=str(exc),
        ) from exc


def _read(target: Path, parse: Callable[[str], _T]) -> _T:
    return parse(read_manifest_text(target))


def load_manifest(path: Path | None = None) -> Manifest:
    """The manifest at `path`, or the shipped one; cached per resolved path (SBQ_CONNECTORS_DIR may change)."""
    return _manifest_cached((path or manifest_path()).resolve())


def load_afas(path: Path | None = None) -> AfasData:
    """connectors/afas.toml at `path`, or the shipped one; cached like the manifest."""
    return _afas_cached((path or afas_path()).resolve())


def afas() -> AfasData:
    """The shipped AFAS data: glossary, screens and the special connectors' probes."""
    return load_afas()


def screens() -> Screens:
    """The shipped AFAS screens, as pages, remedies and reports name them (see wizard.domain.afas_screens)."""
    return load_afas().screens


@functools.cache
def _manifest_cached(target: Path) -> Manifest:
    from wizard.domain.manifest import parse_manifest

    return _read(target, parse_manifest)


@functools.cache
def _afas_cached(target: Path) -> AfasData:
    from wizard.domain.afas_screens import parse_afas_data

    return _read(target, parse_afas_data)


def clear_manifest_cache() -> None:
    """For tools that rewrite the data files (bundle adopt) and for tests."""
    _manifest_cached.cache_clear()
    _afas_cached.cache_clear()
