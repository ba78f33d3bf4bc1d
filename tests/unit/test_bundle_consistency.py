"""The shipped bundle agrees with itself: manifest, .gcn files, stand-in field lists, the generator script."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from wizard import installation
from wizard.data import load_manifest
from wizard.domain.bundle import sha256_of
from wizard.domain.gcn import read_gcn

CONNECTORS = installation.connectors_dir()
SCRIPT = CONNECTORS / "standins" / "make_standins.py"


@pytest.fixture(scope="module")
def make_standins() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_standins", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("entry", load_manifest().gcn_files, ids=lambda g: g.file)
def test_listed_file_exists_matches_hash_and_connector(entry) -> None:
    path = CONNECTORS / entry.file
    assert path.is_file(), f"{entry.file} is listed in manifest.toml but missing"
    data = path.read_bytes()
    assert sha256_of(data) == entry.sha256, f"{entry.file}: run connectors/standins/make_standins.py"
    definition = read_gcn(data, name=entry.file)
    assert definition.connector == entry.connector
    assert definition.stand_in == (entry.origin == "stand-in")


def test_no_unlisted_gcn_files() -> None:
    listed = {g.file for g in load_manifest().gcn_files}
    assert {p.name for p in CONNECTORS.glob("*.gcn")} == listed


@pytest.mark.parametrize("entry", [g for g in load_manifest().gcn_files if g.origin == "stand-in"], ids=str)
def test_required_fields_are_in_the_stand_in(entry) -> None:
    manifest = load_manifest()
    definition = read_gcn((CONNECTORS / entry.file).read_bytes())
    assert definition.fields is not None
    ids = [f.id for f in definition.fields]
    missing = set(manifest.connector(entry.connector).required_fields) - set(ids)
    assert not missing, f"{entry.connector}: required_fields not in the stand-in: {sorted(missing)}"
    assert len(ids) > len(manifest.connector(entry.connector).required_fields)  # realistic extras too
    assert all(f.label_nl and f.label_en for f in definition.fields)


def test_fields_toml_is_what_the_stand_ins_carry(make_standins: ModuleType) -> None:
    fields = make_standins.load_fields()
    manifest = load_manifest()
    assert set(fields) == {g.connector for g in manifest.gcn_files}
    for entry in manifest.gcn_files:
        if entry.origin == "stand-in":
            assert read_gcn((CONNECTORS / entry.file).read_bytes()).fields == fields[entry.connector]


def test_regeneration_is_byte_identical(make_standins: ModuleType, tmp_path: Path) -> None:
    manifest = load_manifest()
    built = make_standins.build_stand_ins(manifest, make_standins.load_fields())
    assert set(built) == {g.file for g in manifest.gcn_files if g.origin == "stand-in"}
    for name, data in built.items():
        assert data == (CONNECTORS / name).read_bytes(), f"{name} differs from a fresh build"
    # And through the script's own command line, into a scratch folder.
    out = tmp_path / "regen"
    assert make_standins.main(["--out", str(out)]) == 0
    for name in built:
        assert (out / name).read_bytes() == (CONNECTORS / name).read_bytes()
    assert make_standins.main(["--check"]) == 0


def test_stand_in_guids_are_distinct_and_fixed(make_standins: ModuleType) -> None:
    guids = {read_gcn((CONNECTORS / g.file).read_bytes()).guid for g in load_manifest().gcn_files}
    assert len(guids) == 7
    assert make_standins.stand_in_guid("SBQ_BTW") == make_standins.stand_in_guid("SBQ_BTW")


def test_gcn_files_are_binary_for_git() -> None:
    # A CRLF conversion on a Windows checkout would break every hash.
    assert "*.gcn binary" in (CONNECTORS / ".gitattributes").read_text(encoding="utf-8")
