"""What the command line writes goes in one step to the name asked for, never through a link or into a pipe that
blocks: a report or a token file in a shared folder cannot be turned against another file (issue 23 item 5)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wizard.cli.main import main

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links and FIFOs as on POSIX")


def test_a_report_written_over_a_planted_link_replaces_the_link_not_its_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file\n")
    report = tmp_path / "report.html"
    report.symlink_to(victim)
    assert main(["verify", "--demo", "--html", str(report), "--lang", "en"]) == 0
    capsys.readouterr()
    assert victim.read_text() == "someone else's file\n"
    assert not report.is_symlink()
    assert "<html" in report.read_text(encoding="utf-8").lower()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


@pytest.mark.skipif(not Path("/dev/stdout").is_symlink(), reason="/dev/stdout is a link on Linux")
def test_a_report_can_still_go_to_a_stream() -> None:
    # /dev/stdout is a link to the process's own output: written into, never replaced (the suite may run as root).
    done = subprocess.run(
        [sys.executable, "-m", "wizard", "verify", "--demo", "--json", "--html", "/dev/stdout", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "<html" in done.stdout.lower()
    assert Path("/dev/stdout").is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_pipe_as_token_out_is_refused_at_once(tmp_path: Path) -> None:
    # It was read with read_text(): open() on a FIFO waits forever for a writer.
    fifo = tmp_path / "token.xml"
    os.mkfifo(fifo)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "wizard", "simulator", "--port", "0", "--token-out", str(fifo), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert time.monotonic() - started < 30
    assert done.returncode == 2, done.stderr
    assert "not a token file" in done.stderr


@pytest.mark.parametrize("args", [["simulator", "--list-settings"], ["verify", "--demo", "--json"]])
def test_a_reader_that_stops_reading_is_no_internal_error(args: list[str]) -> None:
    # `sbq-setup ... | head`: the pipe closes before the output is written; it ended "Internal error", exit 70.
    process = subprocess.Popen(
        [sys.executable, "-m", "wizard", *args, "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    process.stdout.close()  # the reader is gone before the first line
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Internal error" not in err
    assert "Traceback" not in err
