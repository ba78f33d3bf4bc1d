"""Issue 22 item 6: without a display the wizard suggests the tour with a command the user can paste - the one it
was started by (`python3 tasks.py demo` starts .venv/bin/sbq-setup, which is not on PATH)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.cli.main import command_name

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(sys.executable).parent / "sbq-setup"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux can lack a display")
def test_the_no_display_hint_names_the_venvs_command() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PATH"] = "/usr/bin:/bin"  # as on a fresh machine: the venv is not activated
    result = subprocess.run(
        [str(SCRIPT), "--demo", "--lang", "en"],
        check=False,
        cwd=SCRIPT.parents[2],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "run: .venv/bin/sbq-setup --demo --tour DIR" in result.stderr


def test_a_command_on_path_is_named_by_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "bin" / "sbq-setup"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(script.parent))
    assert command_name(str(script), cwd=tmp_path) == "sbq-setup"
    monkeypatch.setenv("PATH", "/nonexistent")
    assert command_name(str(script), cwd=tmp_path) == os.path.join("bin", "sbq-setup")
    assert command_name(str(script), cwd=tmp_path / "elsewhere") == str(script)


def test_a_module_run_is_named_as_one() -> None:
    assert command_name(str(ROOT / "wizard" / "__main__.py")).endswith(" -m wizard")
