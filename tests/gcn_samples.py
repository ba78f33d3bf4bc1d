"""Sample .gcn files and a private copy of connectors/ for the bundle tests (never the real folder)."""

from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from wizard import installation
from wizard.data import clear_manifest_cache
from wizard.domain.gcn import write_gcn

REAL = installation.connectors_dir()


def official_gcn(connector: str) -> bytes:
    """An official-shaped file: same container, a proprietary (non-stand-in) payload as AFAS exports carry."""
    payload = base64.b64encode(bytes.fromhex("15d283e7cbb8074faa8a7065d8a6ddbb") + connector.encode() * 8)
    return write_gcn(
        connector=connector,
        guid="0123456789ABCDEF0123456789ABCDEF",
        created=datetime(2026, 12, 1, 10, 0, 0),
        modified=datetime(2026, 12, 1, 10, 5, 0),
        external_data=payload,
        signature="Q" * 192,
    )


@pytest.fixture
def bundle_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of connectors/: tests may damage or adopt into it, never the real one."""
    folder = tmp_path / "connectors"
    shutil.copytree(REAL, folder)
    monkeypatch.setenv("SBQ_CONNECTORS_DIR", str(folder))
    clear_manifest_cache()
    yield folder
    clear_manifest_cache()
