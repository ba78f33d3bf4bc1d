"""Reading the shipped data files (connectors/manifest.toml, connectors/afas.toml): the I/O wizard.domain leaves out.

`load_manifest()` and `afas()`/`screens()` are cached per resolved file, so SBQ_CONNECTORS_DIR (tests,
maintainers) selects its own copy; `clear_manifest_cache()` forgets both after a file was rewritten.
"""

from wizard.data.loader import (
    AFAS_FILE,
    MANIFEST_FILE,
    afas,
    afas_path,
    clear_manifest_cache,
    load_afas,
    load_manifest,
    manifest_path,
    screens,
)

__all__ = [
    "AFAS_FILE",
    "MANIFEST_FILE",
    "afas",
    "afas_path",
    "clear_manifest_cache",
    "load_afas",
    "load_manifest",
    "manifest_path",
    "screens",
]
