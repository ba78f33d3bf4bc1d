from __future__ import annotations

from pathlib import Path

import pytest

from tests.gcn_samples import REAL, official_gcn
from wizard.cli.main import main
from wizard.data import load_manifest


def test_check_passes_on_the_shipped_bundle(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bundle", "check", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.count("OK  SBQ_") == 7
    assert "development stand-ins" in out and "Bundle OK: 7 files." in out


def test_release_check_refuses_stand_ins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bundle", "check", "--release", "--lang", "nl"]) == 1
    assert "Deze bundel bevat ontwikkelvervangers" in capsys.readouterr().err


def test_check_finds_a_damaged_file(bundle_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (bundle_dir / "SBQ_Administratie.gcn").unlink()
    assert main(["bundle", "check", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "SBQ_Administratie.gcn is missing" in err and "Traceback" not in err


def test_check_reports_a_broken_manifest(bundle_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (bundle_dir / "manifest.toml").write_text("schema_version = [", encoding="utf-8")
    assert main(["bundle", "check", "--lang", "en"]) == 1
    assert "damaged" in capsys.readouterr().err


def test_bundle_without_action_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bundle"]) == 2
    assert "usage:" in capsys.readouterr().err


def test_adopting_all_seven_makes_a_release_possible(
    bundle_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    sources = []
    for entry in load_manifest().gcn_files:
        source = incoming / f"{entry.connector}-from-smartbooqing.gcn"  # names as a vendor might send them
        source.write_bytes(official_gcn(entry.connector))
        sources.append(str(source))
    comments_before = [line for line in (bundle_dir / "manifest.toml").read_text().splitlines() if "#" in line]

    assert main(["bundle", "adopt", *sources[:3], "--lang", "en"]) == 0
    assert main(["bundle", "check", "--release"]) == 1  # four stand-ins left
    assert main(["bundle", "adopt", *sources[3:], "--lang", "en"]) == 0
    capsys.readouterr()
    assert main(["bundle", "check", "--release", "--lang", "en"]) == 0
    assert "Bundle OK: 7 files." in capsys.readouterr().out

    manifest = load_manifest()
    assert {g.origin for g in manifest.gcn_files} == {"official"}
    for entry in manifest.gcn_files:
        assert (bundle_dir / entry.file).read_bytes() == official_gcn(entry.connector)
    text = (bundle_dir / "manifest.toml").read_text()
    assert [line for line in text.splitlines() if "#" in line] == comments_before
    assert main(["export-connectors", str(tmp_path / "out")]) == 0
    assert "stand-in" not in capsys.readouterr().out


def test_adopt_refuses_a_file_for_an_unknown_connector(
    bundle_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "SBQ_BTW.gcn"  # the right file name does not help: the connector inside counts
    source.write_bytes(official_gcn("SH_AUDIT_Plannen"))
    before = (bundle_dir / "manifest.toml").read_bytes()
    assert main(["bundle", "adopt", str(source), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "defines the connector SH_AUDIT_Plannen, which the bundle does not ship" in err
    assert (bundle_dir / "manifest.toml").read_bytes() == before
    assert (bundle_dir / "SBQ_BTW.gcn").read_bytes() == (REAL / "SBQ_BTW.gcn").read_bytes()


def test_adopt_refuses_garbage_in_dutch(bundle_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "SBQ_BTW.gcn"
    source.write_bytes(b"<GetConnector/>")
    assert main(["--lang", "nl", "bundle", "adopt", str(source)]) == 2
    err = capsys.readouterr().err
    assert "Niet overgenomen" in err and "is geen AFAS GetConnector-bestand" in err
