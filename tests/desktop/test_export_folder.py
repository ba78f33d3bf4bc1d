"""Where connector files go by default when Documents is on the network, synced, or not writable."""

from __future__ import annotations

import errno
import os
from pathlib import Path, PurePosixPath

import pytest

from wizard.desktop import export_folder as ef
from wizard.desktop.export_folder import FolderFacts, choose_export_folder


def _facts(
    tmp_path: Path,
    *,
    platform: str = "linux",
    network: set[Path] | None = None,
    denied: dict[Path, OSError] | None = None,
    synced: tuple[Path, ...] = (),
) -> FolderFacts:
    def is_network(path: Path) -> bool:
        return any(path == root or root in path.parents for root in network or set())

    def probe(path: Path) -> OSError | None:
        for root, error in (denied or {}).items():
            if path == root or root in path.parents:
                return error
        return ef._probe(path)  # the real probe, in a temporary folder

    return FolderFacts(platform, is_network, probe, synced)


def test_documents_when_it_is_fine(tmp_path: Path) -> None:
    docs = tmp_path / "Documents"
    docs.mkdir()
    choice = choose_export_folder(docs, [tmp_path / "home" / "x"], _facts(tmp_path))
    assert choice.folder == docs / "SmartBooqing AFAS" and choice.reason is None
    assert list(docs.iterdir()) == []  # the probe leaves nothing behind


def test_a_network_documents_falls_back_and_says_why_in_both_languages(tmp_path: Path) -> None:
    docs, local = tmp_path / "share" / "Documents", tmp_path / "home" / "SmartBooqing AFAS"
    choice = choose_export_folder(docs, [local], _facts(tmp_path, network={tmp_path / "share"}))
    assert choice.folder == local
    assert choice.reason is not None
    assert "network location" in choice.reason.en and str(local) in choice.reason.en
    assert "netwerklocatie" in choice.reason.nl and str(local) in choice.reason.nl


def test_onedrive_documents_falls_back(tmp_path: Path) -> None:
    onedrive = tmp_path / "OneDrive - Kantoor"
    docs, local = onedrive / "Documents", tmp_path / "home" / "SmartBooqing AFAS"
    choice = choose_export_folder(docs, [local], _facts(tmp_path, platform="win32", synced=(onedrive,)))
    assert choice.folder == local and choice.reason is not None and "OneDrive" in choice.reason.nl


def test_controlled_folder_access_is_named_when_windows_says_access_denied(tmp_path: Path) -> None:
    docs, local = tmp_path / "Documents", tmp_path / "home" / "SmartBooqing AFAS"
    denied = PermissionError(errno.EACCES, "Access is denied")
    denied.winerror = 5  # type: ignore[attr-defined]  # what Windows sets; absent on Linux
    choice = choose_export_folder(docs, [local], _facts(tmp_path, platform="win32", denied={docs: denied}))
    assert choice.folder == local and choice.reason is not None
    assert "Controlled Folder Access" in choice.reason.en and "Beheerde maptoegang" in choice.reason.nl


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root can write anywhere")
def test_a_really_unwritable_documents_falls_back(tmp_path: Path) -> None:
    docs, local = tmp_path / "Documents", tmp_path / "home" / "SmartBooqing AFAS"
    docs.mkdir()
    docs.chmod(0o500)
    try:
        choice = choose_export_folder(docs, [local], _facts(tmp_path))
    finally:
        docs.chmod(0o700)
    assert choice.folder == local and choice.reason is not None and "cannot write" in choice.reason.en


def test_a_plain_permission_error_does_not_blame_controlled_folder_access(tmp_path: Path) -> None:
    docs, local = tmp_path / "Documents", tmp_path / "home" / "SmartBooqing AFAS"
    denied = PermissionError(errno.EACCES, "Permission denied")
    choice = choose_export_folder(docs, [local], _facts(tmp_path, denied={docs: denied}))
    assert choice.reason is not None
    assert "Controlled" not in choice.reason.en and "Permission denied" in choice.reason.en


def test_when_nothing_works_documents_stays_and_the_user_is_asked(tmp_path: Path) -> None:
    docs, local = tmp_path / "share" / "Documents", tmp_path / "share" / "home"
    choice = choose_export_folder(docs, [local], _facts(tmp_path, network={tmp_path / "share"}))
    assert choice.folder == docs / "SmartBooqing AFAS"
    assert choice.reason is not None and "Kies een andere map" in choice.reason.nl


def test_mountinfo_and_bsd_mount_parsing() -> None:
    mountinfo = (
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        "40 22 0:35 / /home/an/Documents rw shared:9 - nfs4 srv:/export/docs rw\n"
        "41 22 0:36 / /mnt/my\\040share rw - cifs //srv/share rw\n"
    )
    mounts = ef.parse_mountinfo(mountinfo)
    assert ("/mnt/my share", "cifs") in mounts
    assert ef.mount_type(PurePosixPath("/home/an/Documents/SmartBooqing AFAS"), mounts) == "nfs4"
    assert ef.mount_type(PurePosixPath("/home/an"), mounts) == "ext4"
    bsd = "/dev/disk3s1s1 on / (apfs, sealed, local)\n//an@nas/docs on /Volumes/docs (smbfs, nodev, nosuid)\n"
    assert ef.mount_type(PurePosixPath("/Volumes/docs/x"), ef.parse_bsd_mount(bsd)) == "smbfs"


@pytest.mark.parametrize(
    ("path", "unc"),
    [(r"\\fs01\home$\an\Documents", True), (r"\\?\UNC\fs01\home", True), (r"\\?\C:\Users", False), (r"C:\x", False)],
)
def test_unc_paths(path: str, unc: bool) -> None:
    assert ef.is_unc(path) is unc


def test_the_real_facts_on_this_machine_choose_a_writable_folder() -> None:
    choice = ef.default_export_choice()  # Documents lives under a temporary folder in tests (tests/conftest.py)
    assert choice.reason is None and choice.folder.name == "SmartBooqing AFAS"
