from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

from wizard import installation
from wizard.cli.export import report_lines
from wizard.cli.main import main
from wizard.data import clear_manifest_cache, load_manifest
from wizard.domain.bundle import ExportedFile, ExportResult, afas_client_path

REAL = installation.connectors_dir()


def _sha256sum_check(folder: Path) -> subprocess.CompletedProcess[str]:
    """The real GNU `sha256sum -c`, run in the export folder as a user would."""
    return subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=folder, check=False, capture_output=True, text=True, timeout=60
    )


def test_export_writes_files_that_sha256sum_verifies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "does" / "not" / "exist"
    assert main(["export-connectors", str(target), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    names = [g.file for g in load_manifest().gcn_files]
    assert sorted(p.name for p in target.iterdir()) == sorted([*names, "SHA256SUMS"])
    for name in names:
        assert str(target / name) in out
        assert (target / name).read_bytes() == (REAL / name).read_bytes()
    assert out.startswith("NOTE: these are development stand-ins")
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum (GNU coreutils) is not installed")
    check = _sha256sum_check(target)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count(": OK") == 7


def test_sha256sum_catches_a_damaged_export(tmp_path: Path) -> None:
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum (GNU coreutils) is not installed")
    assert main(["export-connectors", str(tmp_path)]) == 0
    victim = tmp_path / "SBQ_BTW.gcn"
    victim.write_bytes(victim.read_bytes() + b"\x00")
    check = _sha256sum_check(tmp_path)
    assert check.returncode == 1 and "SBQ_BTW.gcn: FAILED" in check.stdout


def test_export_speaks_dutch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "nl", "export-connectors", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("LET OP: dit zijn ontwikkelvervangers")
    assert "7 connectorbestanden geschreven naar" in out


@pytest.mark.parametrize("below_file", [True, False])
def test_unwritable_folder_is_exit_2_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], below_file: bool
) -> None:
    # Root ignores permission bits (CI runs as root): a path below, or equal to, a regular file is unwritable.
    blocker = tmp_path / "a-file.txt"
    blocker.write_text("not a folder")
    target = blocker / "sub" if below_file else blocker
    assert main(["export-connectors", str(target), "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"Cannot write to the folder {target}:")
    assert "Traceback" not in captured.err
    assert blocker.read_text() == "not a folder"


def test_unwritable_folder_via_the_real_console_entry(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file.txt"
    blocker.write_text("x")
    proc = subprocess.run(
        [sys.executable, "-m", "wizard", "--lang", "nl", "export-connectors", str(blocker / "sub")],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Kan niet schrijven in de map" in proc.stderr and "Traceback" not in proc.stderr


def test_damaged_bundle_is_refused_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "connectors"
    shutil.copytree(REAL, bundle)
    (bundle / "SBQ_Crediteuren.gcn").write_bytes(b"damaged")
    monkeypatch.setenv("SBQ_CONNECTORS_DIR", str(bundle))
    clear_manifest_cache()
    try:
        assert main(["export-connectors", str(tmp_path / "out"), "--lang", "en"]) == 1
    finally:
        clear_manifest_cache()
    err = capsys.readouterr().err
    assert "SBQ_Crediteuren.gcn does not match its recorded checksum" in err
    assert not (tmp_path / "out").exists()


def test_report_shows_the_afas_online_path_for_windows_paths() -> None:
    folder = PureWindowsPath(r"D:\LatestConnectors")
    files = [
        ExportedFile(name, folder / name, "0" * 64, afas_client_path(folder / name))  # type: ignore[arg-type]
        for name in ("SBQ_BTW.gcn", "SBQ_Debiteuren.gcn")
    ]
    result = ExportResult(files=files, sums_path=folder / "SHA256SUMS", stand_ins=False)  # type: ignore[arg-type]
    lines = [line.en for line in report_lines(result)]
    assert r"      in AFAS Online: \\Client\D$\LatestConnectors\SBQ_BTW.gcn" in lines
    assert not any("stand-in" in line for line in lines)
    assert any("paste" in line for line in lines)


def test_help_exists(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["export-connectors", "--help"])
    assert done.value.code == 0
    assert "SHA256SUMS" in capsys.readouterr().out
