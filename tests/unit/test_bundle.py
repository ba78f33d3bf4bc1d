from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from tests.gcn_samples import REAL, official_gcn
from wizard.data import load_manifest
from wizard.data.bundle import adopt_files, bundle_files, export_connectors
from wizard.domain.bundle import (
    AdoptError,
    BundleError,
    ExportTargetError,
    afas_client_path,
    check_release,
    sha256_of,
    update_manifest_entry,
)
from wizard.domain.gcn import read_gcn
from wizard.domain.manifest import parse_manifest


def _manifest_text(folder: Path) -> str:
    return (folder / "manifest.toml").read_text(encoding="utf-8")


def test_shipped_bundle_verifies() -> None:
    files = bundle_files()
    assert [f.spec.file for f in files] == [g.file for g in load_manifest().gcn_files]
    assert all(f.path.parent == REAL for f in files)


def test_missing_file_is_a_bundle_error(bundle_dir: Path) -> None:
    (bundle_dir / "SBQ_BTW.gcn").unlink()
    with pytest.raises(BundleError, match=r"SBQ_BTW\.gcn is missing") as err:
        bundle_files()
    assert "ontbreekt" in err.value.message.nl


def test_changed_file_fails_the_hash_check(bundle_dir: Path) -> None:
    path = bundle_dir / "SBQ_Debiteuren.gcn"
    path.write_bytes(path.read_bytes()[:-1] + b"\x01")
    with pytest.raises(BundleError, match=r"SBQ_Debiteuren\.gcn does not match its recorded checksum"):
        bundle_files()


def test_file_defining_another_connector_is_refused(bundle_dir: Path) -> None:
    # Right hash, wrong content: SBQ_BTW.gcn replaced by the Debiteuren stand-in and its hash recorded.
    data = (bundle_dir / "SBQ_Debiteuren.gcn").read_bytes()
    (bundle_dir / "SBQ_BTW.gcn").write_bytes(data)
    text = update_manifest_entry(_manifest_text(bundle_dir), "SBQ_BTW.gcn", sha256=sha256_of(data), origin="stand-in")
    with pytest.raises(BundleError, match="defines the connector SBQ_Debiteuren, but the bundle expects SBQ_BTW"):
        bundle_files(parse_manifest(text))


def test_origin_must_match_the_file(bundle_dir: Path) -> None:
    text = update_manifest_entry(
        _manifest_text(bundle_dir), "SBQ_BTW.gcn", sha256=sha256_of((bundle_dir / "SBQ_BTW.gcn").read_bytes()),
        origin="official",
    )  # fmt: skip
    with pytest.raises(BundleError, match="marked official in the manifest, but the file is a development stand-in"):
        bundle_files(parse_manifest(text))


def test_unreadable_container_is_a_bundle_error(bundle_dir: Path) -> None:
    garbage = b"not a gcn"
    (bundle_dir / "SBQ_BTW.gcn").write_bytes(garbage)
    text = update_manifest_entry(
        _manifest_text(bundle_dir), "SBQ_BTW.gcn", sha256=sha256_of(garbage), origin="stand-in"
    )
    with pytest.raises(BundleError, match="is not an AFAS GetConnector file"):
        bundle_files(parse_manifest(text))


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (r"C:\Users\jan\Documents\SBQ_BTW.gcn", r"\\Client\C$\Users\jan\Documents\SBQ_BTW.gcn"),
        (r"D:\LatestConnectors\SBQ_BTW.gcn", r"\\Client\D$\LatestConnectors\SBQ_BTW.gcn"),  # the guide's screenshot
        (r"e:\x\f.gcn", r"\\Client\E$\x\f.gcn"),
        (r"C:\\", "\\\\Client\\C$\\"),
        (r"\\fileserver\share\f.gcn", r"\\fileserver\share\f.gcn"),  # a network share is not a client drive
        (r"relative\f.gcn", r"relative\f.gcn"),
    ],
)
def test_afas_client_path_for_windows_paths(path: str, expected: str) -> None:
    assert afas_client_path(PureWindowsPath(path)) == expected


def test_afas_client_path_leaves_posix_paths_alone() -> None:
    assert afas_client_path(PurePosixPath("/home/jan/SBQ_BTW.gcn")) == "/home/jan/SBQ_BTW.gcn"


def test_release_refuses_stand_ins() -> None:
    manifest = load_manifest()
    assert manifest.has_stand_ins  # until SmartBooqing's files are adopted
    with pytest.raises(BundleError) as err:
        check_release(manifest, allow_stand_ins=False)
    assert "SBQ_BTW.gcn" in err.value.message.en and "sbq-setup bundle adopt" in err.value.message.nl
    check_release(manifest, allow_stand_ins=True)


def test_export_writes_files_and_sums(tmp_path: Path) -> None:
    result = export_connectors(tmp_path / "new" / "folder")
    assert result.stand_ins
    assert len(result.files) == 7
    for item in result.files:
        assert item.path.read_bytes() == (REAL / item.name).read_bytes()
        assert item.client_path == str(item.path)  # POSIX test machine: unchanged
    lines = result.sums_path.read_text(encoding="ascii").splitlines()
    assert lines == [f"{f.sha256}  {f.name}" for f in result.files]
    assert not list(result.sums_path.parent.glob(".*partial"))


def test_export_refuses_a_path_below_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(ExportTargetError) as err:
        export_connectors(blocker / "sub")
    assert "part of the path is a file" in err.value.message.en
    assert "Kan niet schrijven" in err.value.message.nl


def test_export_verifies_before_writing(bundle_dir: Path, tmp_path: Path) -> None:
    (bundle_dir / "SBQ_BTW.gcn").write_bytes(b"tampered")
    target = tmp_path / "out"
    with pytest.raises(BundleError):
        export_connectors(target)
    assert not target.exists()


def test_update_manifest_entry_keeps_comments_and_touches_one_entry() -> None:
    text = (REAL / "manifest.toml").read_text(encoding="utf-8")
    edited = update_manifest_entry(text, "SBQ_Debiteuren.gcn", sha256="a" * 64, origin="official")
    changed = [(a, b) for a, b in zip(text.splitlines(), edited.splitlines(), strict=True) if a != b]
    assert [b for _, b in changed] == ['origin = "official"', f'sha256 = "{"a" * 64}"']
    entry = next(g for g in parse_manifest(edited).gcn_files if g.file == "SBQ_Debiteuren.gcn")
    assert (entry.origin, entry.sha256) == ("official", "a" * 64)
    with pytest.raises(BundleError, match="no single"):
        update_manifest_entry(text, "SBQ_Nope.gcn", sha256="a" * 64, origin="official")


def test_adopt_copies_byte_for_byte_and_marksofficial_gcn(bundle_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "from-smartbooqing" / "Kostenplaatsen export.gcn"
    source.parent.mkdir()
    source.write_bytes(official_gcn("SBQ_Kostenplaatsen_All"))
    before = _manifest_text(bundle_dir)
    adopted = adopt_files([source])
    assert [a.target.name for a in adopted] == ["SBQ_Custom_Kostenplaatsen.gcn"]
    assert (bundle_dir / "SBQ_Custom_Kostenplaatsen.gcn").read_bytes() == source.read_bytes()
    after = _manifest_text(bundle_dir)
    assert [line for line in before.splitlines() if line.startswith("#")] == [
        line for line in after.splitlines() if line.startswith("#")
    ]
    entry = next(g for g in load_manifest().gcn_files if g.connector == "SBQ_Kostenplaatsen_All")
    assert (entry.origin, entry.sha256) == ("official", sha256_of(source.read_bytes()))
    assert read_gcn((bundle_dir / entry.file).read_bytes()).fields is None
    assert len(bundle_files()) == 7


def test_adopt_refuses_unknown_connector_and_changes_nothing(bundle_dir: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.gcn"
    good.write_bytes(official_gcn("SBQ_BTW"))
    wrong = tmp_path / "wrong.gcn"
    wrong.write_bytes(official_gcn("SBQ_Kostenplaasten_All"))
    before = {p.name: p.read_bytes() for p in bundle_dir.iterdir() if p.is_file()}
    with pytest.raises(
        AdoptError, match="defines the connector SBQ_Kostenplaasten_All, which the bundle does not ship"
    ):
        adopt_files([good, wrong])
    assert {p.name: p.read_bytes() for p in bundle_dir.iterdir() if p.is_file()} == before


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"PK\x03\x04 not a gcn", "is not an AFAS GetConnector file"),
        (None, "development stand-in"),
    ],
)
def test_adopt_refuses_non_official_files(bundle_dir: Path, tmp_path: Path, data: bytes | None, fragment: str) -> None:
    source = tmp_path / "SBQ_BTW.gcn"
    source.write_bytes(data if data is not None else (REAL / "SBQ_BTW.gcn").read_bytes())
    with pytest.raises(AdoptError, match=fragment):
        adopt_files([source])


def test_adopt_refuses_two_files_for_one_connector(bundle_dir: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.gcn", tmp_path / "b.gcn"
    first.write_bytes(official_gcn("SBQ_BTW"))
    second.write_bytes(official_gcn("SBQ_BTW"))
    with pytest.raises(AdoptError, match="another file given also defines SBQ_BTW"):
        adopt_files([first, second])


def test_adopt_refuses_a_missing_file(bundle_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(AdoptError, match="cannot be read"):
        adopt_files([tmp_path / "nope.gcn"])
