"""Issue 22 item 6: an option the chosen mode would ignore is refused (exit 2, one line), and an error names the
option that is wrong, not a list of every option it might have been. `tasks.py` answers `--help` and names an
unknown command."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.cli.main import main
from wizard.cli.verify import render_table
from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.text import Lang, Text
from wizard.verify.report import Report

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("args", "named", "not_named"),
    [
        (["--auth", "oauth"], "--auth", "--migrate"),  # was ignored: the wizard opened as if it were not given
        (["--demo", "--auth", "classic"], "--auth", "--renew"),  # the demo without a tour: ignored as well
        (["--demo", "--scale", "1.5"], "--scale", "--dark"),
        (["--renew"], "--renew", "--migrate"),
    ],
)
def test_a_tour_option_without_a_tour_is_refused_by_its_name(
    args: list[str], named: str, not_named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--lang", "en"], gui=lambda _args: 0)
    assert exit_.value.code == 2
    err = capsys.readouterr().err.splitlines()[-1]
    assert named in err and "--tour" in err and not_named not in err


@pytest.mark.parametrize(
    ("tours", "said"),
    [
        (["--scenario", "maintenance", "--migrate"], "--scenario and --migrate"),  # the move was silently not walked
        (["--scenario", "maintenance", "--renew"], "--scenario and --renew"),
        (["--migrate", "--renew"], "--migrate and --renew"),
    ],
)
def test_two_tours_at_once_are_refused(
    tours: list[str], said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--demo", "--tour", str(tmp_path), *tours], gui=lambda _args: 0)
    assert exit_.value.code == 2
    assert f"{said} are different tours: choose one" in capsys.readouterr().err


@pytest.mark.parametrize("tour", ["--migrate", "--renew"])
def test_auth_with_a_tour_that_brings_its_credential_is_refused(
    tour: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--demo", "--tour", str(tmp_path), tour, "--auth", "classic"], gui=lambda _args: 0)
    assert exit_.value.code == 2
    assert f"--auth does not go with {tour}" in capsys.readouterr().err


def test_a_tour_option_with_a_tour_is_taken(tmp_path: Path) -> None:
    seen: list[str] = []

    def gui(args: argparse.Namespace) -> int:
        seen.append(args.auth)
        return 0

    assert main(["--demo", "--tour", str(tmp_path), "--auth", "oauth"], gui=gui) == 0
    assert seen == ["oauth"]


@pytest.mark.parametrize("option", ["--token-out", "--client-secret-out"])
def test_a_bad_credential_target_names_its_option(
    option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    for target in (tmp_path, tmp_path / "nope" / "file", notes):
        assert main(["simulator", option, str(target), "--lang", "en"]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"{option} {target}: "), err
    assert notes.read_text() == "my notes\n"


def test_bundle_without_an_action_says_which_are_there(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bundle", "--lang", "en"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == "sbq-setup bundle: error: give an action: check or adopt"


def _tasks(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "tasks.py"), *args], check=False, capture_output=True, text=True, timeout=30
    )


def test_tasks_help_is_an_answer_that_fits_80_columns() -> None:
    done = _tasks("--help")
    assert done.returncode == 0 and "python3 tasks.py demo" in done.stdout
    assert all(len(line) <= 80 for line in done.stdout.splitlines())


def test_tasks_names_an_unknown_command() -> None:
    done = _tasks("tset")
    assert done.returncode == 2
    assert "unknown command 'tset'" in done.stderr and "demo, test, lock, i18n" in done.stderr


@pytest.mark.parametrize("lang", list(Lang))
def test_every_title_of_the_verify_table_starts_in_one_column(lang: Lang) -> None:
    """'ℹ For your information' is longer than the other labels: the titles after it still line up."""
    words, said = Text(en="title", nl="title"), Text(en="said", nl="said")
    checks = [
        CheckResult(id=CheckId(f"get:C{n}"), status=status, title=words, message=said, impossible=False)
        for n, status in enumerate([Status.PASS, Status.INFO, Status.MANUAL, Status.FAIL, Status.SKIP])
    ]
    checks.append(CheckResult(id=CheckId("auth"), status=Status.FAIL, title=words, message=said, impossible=True))
    report = Report(environment="O12345AA", base_url="https://12345.rest.afas.online/ProfitRestServices", checks=checks)
    rows = [line for line in render_table(report, lang).splitlines() if line.endswith(" title")]
    assert len(rows) == len(checks)
    assert len({row.index(" title") for row in rows}) == 1, "\n".join(rows)


@pytest.mark.parametrize(
    ("args", "named"),
    [
        # verify has a --demo of its own: given before it, the check ran against the real environment named
        (["--demo", "verify", "--environment", "O12345AA", "--token-file", "t.xml"], "--demo"),
        (["--demo", "diagnose"], "--demo"),
        (["--tour=shots", "--dark", "diagnose", "--json"], "--tour and --dark"),
    ],
)
def test_a_wizard_option_before_a_subcommand_is_refused_by_its_name(
    args: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(args, gui=lambda _args: 0)
    assert exit_.value.code == 2
    err = capsys.readouterr().err.splitlines()[-1]
    assert err.count(named) == 1 and args[args.index(next(a for a in args if not a.startswith("-")))] in err


def test_the_language_may_come_before_a_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "nl", "diagnose"], gui=lambda _args: 0) == 0
    assert "Versie:" in capsys.readouterr().out
