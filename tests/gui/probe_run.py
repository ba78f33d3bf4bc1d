"""Running a layout probe in its own process (a fresh QApplication at the size and scale asked for) and reading
the page -> problems map it prints last."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def run_probe(module: str, *args: str) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_SCALE_FACTOR", None)  # the probe sets the scale it is given
    done = subprocess.run(
        [sys.executable, "-m", module, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, _without_noise(done.stderr)[-3000:]
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _without_noise(stderr: str) -> str:
    """The offscreen platform's one warning per window, which would push the real error out of the message."""
    return "\n".join(line for line in stderr.splitlines() if "propagateSizeHints" not in line)
