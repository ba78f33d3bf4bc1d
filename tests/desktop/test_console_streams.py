"""The command line on Windows pipes and redirects (cp1252), and the simulator without any console."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from wizard.desktop.streams import RedactingWriter, ensure_utf8
from wizard.domain import redact


@pytest.mark.loopback
def test_verify_piped_through_cp1252_keeps_its_symbols_and_exit_code() -> None:
    # A pipe on Windows is cp1252 unless told otherwise; PYTHONIOENCODING reproduces that on Linux.
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    result = subprocess.run(
        [sys.executable, "-m", "wizard", "verify", "--demo", "--lang", "nl"],
        capture_output=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    out = result.stdout.decode("utf-8")  # UTF-8 bytes, not cp1252 and not '?'
    assert "✔" in out and "ℹ" in out  # neither is in cp1252 (the sunset note is ℹ since issue 11, not ⚠)


def test_a_cp1252_stream_becomes_utf8() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    ensure_utf8(stream)
    stream.write("✔ → ✖\n")
    stream.flush()
    assert raw.getvalue() == "✔ → ✖\n".encode()


def test_a_utf8_stream_is_left_alone() -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    ensure_utf8(stream)
    assert stream.errors == "strict"


def test_the_redacting_writer_masks_secrets() -> None:
    redact.register("CA11AB1E-writer-canary")
    target = io.StringIO()
    RedactingWriter(target).write("token CA11AB1E-writer-canary here\n")
    assert target.getvalue() == "token «redacted» here\n"


@pytest.mark.loopback
def test_the_simulator_starts_without_a_console() -> None:
    child = (
        "import sys; sys.stdout = sys.stderr = None\n"
        "from wizard.sim import SimulatorServer\n"
        "s = SimulatorServer(); s.start(); s.stop()\n"
    )
    result = subprocess.run([sys.executable, "-c", child], capture_output=True, timeout=60, check=False)
    assert result.returncode == 0
