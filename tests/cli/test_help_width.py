"""Every `--help` fits an 80-column terminal (issue 22): argparse wraps what it can, our hand-set text must fit too."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from wizard.cli.main import build_parser


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """`()` for sbq-setup itself, then every subcommand and nested action, e.g. ("bundle", "check")."""
    yield prefix
    for action in parser._actions:  # argparse offers no public walk over subparsers
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*prefix, name))


COMMANDS = list(_commands(build_parser()))


def test_every_subcommand_is_walked() -> None:
    assert {("verify",), ("export-connectors",), ("simulator",), ("diagnose",), ("bundle", "check")} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "sbq-setup")
def test_help_fits_80_columns(
    command: tuple[str, ...], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args([*command, "--help"])
    assert exit_.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    too_wide = [line for line in lines if len(line) > 80]
    assert not too_wide, "\n".join(too_wide)
