"""Files the product writes never go through a link someone planted (issue 23 item 5): exported connector files
are written to a new, exclusive temporary file and moved into place; the demo's export folder is a new private
folder; temporary progress files a killed save left behind are removed when the store is next used."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from tests.gcn_samples import bundle_dir  # noqa: F401 - the fixture
from wizard.data.bundle import export_connectors
from wizard.desktop.export_folder import demo_export_folder
from wizard.stores.progress import ORPHAN_AGE, OrganisationProgress, ProgressStore


@pytest.mark.usefixtures("bundle_dir")
@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="planting links needs POSIX symlinks")
def test_export_never_writes_through_a_planted_partial_link(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("the other user's file")
    for name in ("SBQ_Administratie.gcn", "SHA256SUMS"):
        (shared / f".{name}.partial").symlink_to(victim)
    result = export_connectors(shared)
    assert victim.read_text() == "the other user's file"
    for exported in [*(f.path for f in result.files), result.sums_path]:
        assert stat.S_ISREG(os.lstat(exported).st_mode), exported  # a file of its own, not the planted link
    assert not [p.name for p in shared.iterdir() if p.name.endswith(".partial") and not p.is_symlink()]


def test_the_demo_export_folder_is_new_and_private_each_time() -> None:
    first, second = demo_export_folder(), demo_export_folder()
    try:
        assert first != second
        for folder in (first, second):
            assert folder.is_dir() and not any(folder.iterdir())
            if os.name != "nt":
                assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    finally:
        first.rmdir()
        second.rmdir()


def test_a_killed_saves_temporary_file_is_removed_but_a_fresh_one_is_left(tmp_path: Path) -> None:
    folder = tmp_path / "progress"
    folder.mkdir()
    orphan, fresh = folder / ".progress-dead.tmp", folder / ".progress-busy.tmp"
    orphan.write_text("{half")
    fresh.write_text("{half")
    old = time.time() - ORPHAN_AGE - 60
    os.utime(orphan, (old, old))
    store = ProgressStore(folder)
    store.save(OrganisationProgress(env_key="O12345AA", env_id="O12345AA"))
    assert not orphan.exists()
    assert fresh.exists()  # may be another process's save in progress
    assert [p.env_key for p in store.list()] == ["O12345AA"]
