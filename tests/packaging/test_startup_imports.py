"""What start-up loads: `--version` and `--help` answer without the heavy stacks (behaviour, not timing; the
timing is benchmarks/startup_bench.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("httpx", "pydantic", "PySide6", "wizard.verify", "keyring", "uvicorn", "starlette", "wizard.sim")

_PROBE = """
import json, sys
from wizard.app import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = {heavy!r}
print(json.dumps(sorted(m for m in sys.modules if m in heavy or m.split(".")[0] in heavy)), file=sys.stderr)
"""


def _loaded(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=HEAVY), *args], capture_output=True, text=True, check=False
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["verify", "--help"], ["--lang", "nl", "--help"]])
def test_version_and_help_import_none_of_the_heavy_stacks(args: list[str]) -> None:
    assert _loaded(*args) == set()


def test_the_probe_sees_what_a_subcommand_really_imports() -> None:
    """The check above can fail: `verify --demo` does load the verification and simulator stacks."""
    loaded = _loaded("verify", "--demo", "--json")
    assert {"httpx", "pydantic", "wizard.verify", "uvicorn"} <= loaded
    assert "PySide6" not in loaded  # and the command line never pays for Qt
