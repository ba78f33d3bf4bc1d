"""The Windows installer as built: its version resource, and that both its executables get signed.

Compiled with makensis against a dummy payload; what the installer does when it runs is in test_installer_wine.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NSI = ROOT / "packaging" / "windows" / "installer.nsi"
needs_makensis = pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian package nsis) missing")


def _compile(tmp_path: Path, *defines: str) -> Path:
    payload = tmp_path / "payload"
    (payload / "_internal").mkdir(parents=True, exist_ok=True)
    for name in ("sbq-setup.exe", "sbq-setup-cli.exe", "_internal/dummy.txt"):
        (payload / name).write_text("dummy payload")
    out = tmp_path / "sbq-setup-1.2.3-windows-x64.exe"
    done = subprocess.run(
        [
            "makensis",
            "-V2",
            "-WX",
            "-DVERSION=1.2.3",
            f"-DPAYLOAD={payload}",
            f"-DOUTFILE={out}",
            *defines,
            "installer.nsi",
        ],
        cwd=NSI.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@needs_makensis
def test_the_installer_carries_version_info(tmp_path: Path) -> None:
    data = _compile(tmp_path).read_bytes()
    for key, value in (
        ("ProductVersion", "1.2.3"),
        ("ProductName", "SmartBooqing AFAS Setup"),
        ("CompanyName", "SmartBooqing"),
    ):
        assert key.encode("utf-16-le") in data and value.encode("utf-16-le") in data
    # VS_FIXEDFILEINFO: signature 0xFEEF04BD, then struct version, then 1.2 and 3.0 as two DWORDs each.
    fixed = data.find(b"\xbd\x04\xef\xfe")
    assert fixed > 0
    assert data[fixed + 8 : fixed + 16] == (2).to_bytes(2, "little") + (1).to_bytes(2, "little") + (0).to_bytes(
        2, "little"
    ) + (3).to_bytes(2, "little")


@needs_makensis
@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in signing command is a POSIX shell script")
def test_sign_cmd_signs_the_installer_and_the_uninstaller(tmp_path: Path) -> None:
    record = tmp_path / "signed.txt"
    sign = tmp_path / "sign.sh"
    sign.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{record}"\n')
    sign.chmod(0o755)
    out = _compile(tmp_path, f"-DSIGN_CMD={sign}")
    signed = record.read_text().splitlines()
    assert str(out) in signed  # the installer
    assert len(signed) == 2  # ... and the uninstaller makensis wrote to a temporary file before packing it


@needs_makensis
def test_without_sign_cmd_nothing_is_signed(tmp_path: Path) -> None:
    record = tmp_path / "signed.txt"
    _compile(tmp_path)
    assert not record.exists()
    assert "!ifdef SIGN_CMD" in NSI.read_text(encoding="utf-8")
