"""Issue 22 item 6: `sbq-setup simulator` explains itself without a docs file the wheel does not ship: --list-settings
prints the scenarios and settings, a bad --setting says whether the NAME or the VALUE is wrong, and the start-up
lines never offer a verify command without a credential."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys

import pytest

from wizard.cli.main import main
from wizard.cli.sim_settings import all_settings


def test_list_settings_prints_scenarios_settings_and_their_values(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulator", "--list-settings", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "fresh" in out and "missing-connectors" in out and "Nothing done yet" in out
    assert "unlinked_get" in out and "500 (default), 401" in out
    assert "oauth.profit_version" in out and "9 (default), 8" in out
    assert "retry_after" in out and "a whole number (default 7200)" in out
    assert all(len(line) <= 80 for line in out.splitlines())


def test_list_settings_says_what_each_setting_decides(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/simulator.md no longer lists the settings: --list-settings is their one description."""
    assert main(["simulator", "--list-settings", "--lang", "en"]) == 0
    flat = " ".join(capsys.readouterr().out.split())
    assert "unlinked_get 500 (default), 401 a GetConnector not linked or unknown: 500" in flat
    assert "oauth.revocation_takes true (default), false whether revoking a secret takes" in flat
    undescribed = [s.name for s in all_settings() if not s.decides]
    assert undescribed == []


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--setting", "foo=1"],
        ["--setting", "unlinked_get=7"],
        ["--setting", "novalue"],
        ["--scenario", "nope"],
    ],
)
def test_nothing_points_to_a_docs_file(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    with contextlib.suppress(SystemExit):  # --help and argparse's own errors
        main(["simulator", *args, "--lang", "en"])
    captured = capsys.readouterr()
    assert "docs/" not in captured.out + captured.err and ".md" not in captured.out + captured.err


def test_a_wrong_name_is_called_a_wrong_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulator", "--setting", "unlinked-get=401", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "no setting of that name" in err and "Names: unlinked_get," in err  # the closest name first
    assert "oauth." not in err.split("(")[0]  # the plain settings, not the OAuth ones


@pytest.mark.parametrize(
    ("pair", "choices"),
    [("unlinked_get=7", "500 (default), 401"), ("oauth.profit_version=7", "9 (default), 8")],
)
def test_a_wrong_value_is_called_a_wrong_value(capsys: pytest.CaptureFixture[str], pair: str, choices: str) -> None:
    assert main(["simulator", "--setting", pair, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "value is not allowed" in err and choices in err and "no setting of that name" not in err


def _startup_lines(*args: str) -> list[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "wizard", "simulator", *args, "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = []
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line.rstrip("\n"))
        if "Ctrl+C" in line:
            break
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=15)
    return lines


@pytest.mark.loopback
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(
    ("scenario", "says"),
    [("fresh", "Nothing to verify yet: scenario fresh has no token"), ("ready", "again with --token-out FILE")],
)
def test_no_verify_command_without_a_credential(scenario: str, says: str) -> None:
    lines = _startup_lines("--scenario", scenario)
    text = "\n".join(lines)
    assert "Verify with:" not in text and "sbq-setup verify" not in text
    assert says in text
