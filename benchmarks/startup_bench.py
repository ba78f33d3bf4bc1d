"""Start-up budget: each figure as a ratio against its floor, measured in the same run on the same machine.

    .venv/bin/python benchmarks/startup_bench.py            # CLI + window, offscreen (and under Xvfb if installed)
    .venv/bin/python benchmarks/startup_bench.py --runs 11
    .venv/bin/python benchmarks/startup_bench.py --frozen dist/sbq-setup/sbq-setup --floors build/floors
                                                             # the PyInstaller bundle too (floors: build.py --floors)

Budgets (issue 19): the wizard's window on screen <= 2.0x a bare PySide6 window (checkout, wheel and frozen bundle);
`--version` and `--help` <= 3x `python -c "import argparse"` (checkout, wheel); `diagnose` and `verify` import only
what they use (listed, not timed). Nobody feels 50 ms; the budgets catch a heavy stack loaded too early, not
milliseconds. The frozen CLI is shown for information: PyInstaller's runtime hooks run before its first line
(pyi_rth_pyside6 imports QtCore), as PyInstaller intends.
"Window on screen" = from process start until the top-level window's first expose event has been handled (Qt paints
the window and flushes it to the screen while handling it): the wizard says so itself with SBQ_FIRST_PAINT_PROBE=1
(wizard/ui/first_paint.py), so the console script, a wheel's and the frozen bundle are timed alike. The frozen
bundle's window is compared with the same bare window frozen the same way; its CLI with `python -c "import argparse"`
and with `import argparse` frozen the same way.

The floor and the figures it divides are run in turns within each round (floor, a, b, floor, a, b, ...), so a
change in the machine's load during the run moves both; the load average is printed at the start and the end.
Where the time goes: `python -X importtime`, and instruction counts (see packaging/README.md, "Start-up").
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

BIN = Path(sys.executable).parent
WINDOW_BUDGET = 2.0  # x a bare PySide6 window
CLI_BUDGET = 3.0  # x `python -c "import argparse"`

# The wizard says when its first frame is on screen (SBQ_FIRST_PAINT_PROBE=1, wizard/ui/first_paint.py); the floor runs
# that same file's source in front of a bare window, so both stop at the same moment. What the wizard does after its
# first paint (it wires its controller then) is not "on screen" and is not counted (see packaging/README.md).
PROBE_ENV = {"SBQ_FIRST_PAINT_PROBE": "1"}


def _probe_source() -> str:
    spec = importlib.util.find_spec("wizard.ui.first_paint")  # found, not imported: this process stays Qt-free
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).read_text(encoding="utf-8")


BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QWidget
app = QApplication(sys.argv[:1])
w = QWidget(); w.setWindowTitle("bare"); w.resize(1000, 760); w.show()
probe = watch(app)
app.exec()
"""


def bare_window_program() -> str:
    """The floor: a bare PySide6 window with the wizard's own first-paint probe (also frozen by build.py --floors)."""
    return _probe_source() + BARE_WINDOW


HEAVY = ("PySide6", "httpx", "pydantic", "keyring", "uvicorn", "starlette", "wizard.verify", "wizard.sim")
_MODULES = """
import sys
from wizard.app import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
seen = sorted(m for m in list(sys.modules) if m.split(".")[0] in {heavy} or m in {heavy})
print("MODULES", " ".join(seen), file=sys.stderr)
"""


def _env(tmp: Path, display: dict[str, str]) -> dict[str, str]:
    # PYTHONDONTWRITEBYTECODE would make every run compile our modules from source while the floor's stdlib modules
    # come precompiled: an installed program (pip compiles at install; the frozen bundle ships .pyc) never does that.
    drop = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    for var, sub in (("HOME", "home"), ("XDG_CONFIG_HOME", "cfg"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "c")):
        (tmp / sub).mkdir(exist_ok=True)
        env[var] = str(tmp / sub)
    env.update(display)
    # The OS keyring is not what start-up is about; without a session bus keyring's probe fails fast anyway.
    env.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    return env


def _time(cmd: Sequence[str], env: dict[str, str], until: str | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    if until is None:
        proc.communicate(timeout=60)
        elapsed = time.perf_counter() - start
    else:
        for line in proc.stdout:
            if line.startswith(until):
                elapsed = time.perf_counter() - start
                break
        else:
            proc.wait(timeout=60)
            raise RuntimeError(f"{cmd[:4]} ended without showing a window (exit {proc.returncode})")
        proc.communicate(timeout=60)
    if proc.returncode not in (0, None):
        raise RuntimeError(f"{cmd[:4]} exit {proc.returncode}")
    return elapsed


def _median(cmd: Sequence[str], env: dict[str, str], runs: int, until: str | None = None) -> float:
    _time(cmd, env, until)  # warm the page cache and .pyc files: a cold first run measures the disk, not us
    return statistics.median(_time(cmd, env, until) for _ in range(runs))


def _medians(cmds: Sequence[Sequence[str]], env: dict[str, str], runs: int, until: str | None = None) -> list[float]:
    """Each command's median over `runs` rounds, the commands taking turns within a round (see the docstring)."""
    for cmd in cmds:
        _time(cmd, env, until)  # warm the page cache and .pyc files
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for cmd, bucket in zip(cmds, times, strict=True):
            bucket.append(_time(cmd, env, until))
    return [statistics.median(bucket) for bucket in times]


def _load() -> str:
    try:
        return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} CPUs"
    except OSError:
        return "load average unknown"


def _row(name: str, value: float, floor: float, budget: float | None) -> bool:
    ratio = value / floor
    verdict = "" if budget is None else ("  within budget" if ratio <= budget else f"  OVER the {budget}x budget")
    print(f"  {name:<44} {value * 1000:7.0f} ms  {ratio:4.2f}x{verdict}", flush=True)
    return budget is None or ratio <= budget


def cli(runs: int, tmp: Path, frozen: Path | None, floors: Path | None) -> bool:
    env = _env(tmp, {"QT_QPA_PLATFORM": "offscreen"})
    py = sys.executable
    script = BIN / "sbq-setup"
    entry = [str(script)] if script.exists() else [py, "-m", "wizard"]
    floor, version, helps = _medians(
        [[py, "-c", "import argparse"], [*entry, "--version"], [*entry, "--help"]], env, runs
    )
    print(f'CLI (median of {runs}); floor: python -c "import argparse" = {floor * 1000:.0f} ms')
    ok = _row("sbq-setup --version", version, floor, CLI_BUDGET)
    ok &= _row("sbq-setup --help", helps, floor, CLI_BUDGET)
    _row("sbq-setup diagnose --json (info)", _median([*entry, "diagnose", "--json"], env, runs), floor, None)
    if frozen is not None:
        for args in (["--version"], ["--help"]):
            _row(f"frozen {' '.join(args)} (info)", _median([str(frozen), *args], env, runs), floor, None)
        program = floors / "argparse" / "argparse" if floors is not None else None
        if program is not None and program.exists():
            frozen_floor, version_f, help_f = _medians(
                [[str(program)], [str(frozen), "--version"], [str(frozen), "--help"]], env, runs
            )
            print(
                f"  frozen vs `import argparse` frozen the same way (build.py --floors) = {frozen_floor * 1000:.0f} ms"
            )
            _row("frozen --version (info)", version_f, frozen_floor, None)
            _row("frozen --help (info)", help_f, frozen_floor, None)
    print("  what each subcommand imports (of " + ", ".join(HEAVY) + "):")
    for args in (["--version"], ["--help"], ["diagnose", "--json"], ["verify", "--demo", "--json"]):
        done = subprocess.run(
            [py, "-c", _MODULES.format(heavy=set(HEAVY)), *args], env=env, capture_output=True, text=True, check=False
        )
        line = next((x for x in done.stderr.splitlines() if x.startswith("MODULES")), "MODULES ?")
        top = sorted(
            {m.split(".")[0] if not m.startswith("wizard.") else ".".join(m.split(".")[:2]) for m in line.split()[1:]}
        )
        print(f"    {' '.join(args):<24} {', '.join(top) or '(none)'}")
    return ok


def window(
    runs: int, tmp: Path, display: dict[str, str], label: str, *, frozen: Path | None, floors: Path | None
) -> bool:
    env = _env(tmp, display) | PROBE_ENV
    py = sys.executable
    script = BIN / "sbq-setup"
    entry = [str(script)] if script.exists() else [py, "-m", "wizard"]
    floor, en, nl = _medians([[py, "-c", bare_window_program()], [*entry, "--lang", "en"], [*entry, "--lang", "nl"]],
                             env, runs, "SHOWN")  # fmt: skip
    print(f"Window on screen, {label} (median of {runs}); floor: a bare PySide6 window = {floor * 1000:.0f} ms")
    ok = _row("sbq-setup (the wizard, first page)", en, floor, WINDOW_BUDGET)
    ok &= _row("sbq-setup --lang nl", nl, floor, WINDOW_BUDGET)
    _row("sbq-setup --demo (starts the simulator; info)", _median([*entry, "--demo"], env, runs, "SHOWN"), floor, None)
    if frozen is not None:
        bare = floors / "bare-window" / "bare-window" if floors is not None else None
        if bare is not None and bare.exists():
            frozen_floor, frozen_en = _medians([[str(bare)], [str(frozen), "--lang", "en"]], env, runs, "SHOWN")
            print(f"  frozen; floor: the same bare window frozen by build.py --floors = {frozen_floor * 1000:.0f} ms")
            ok &= _row("frozen sbq-setup (first page)", frozen_en, frozen_floor, WINDOW_BUDGET)
        else:
            _row("frozen sbq-setup (first page; info: no frozen floor)", _median([str(frozen)], env, runs, "SHOWN"),
                 floor, None)  # fmt: skip
    return ok


def _xvfb() -> tuple[subprocess.Popen[bytes], dict[str, str]] | None:
    exe = shutil.which("Xvfb")
    if exe is None:
        return None
    display = ":" + str(90 + os.getpid() % 100)
    proc = subprocess.Popen(
        [exe, display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], stderr=subprocess.DEVNULL
    )
    time.sleep(0.5)
    if proc.poll() is not None:
        return None
    return proc, {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--frozen", type=Path, help="also time this frozen sbq-setup")
    parser.add_argument(
        "--floors", type=Path, help="the frozen floors build.py --floors made (build/floors): frozen vs frozen"
    )
    parser.add_argument("--no-window", action="store_true")
    args = parser.parse_args(argv)
    ok = True
    print(f"start: {_load()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        ok &= cli(args.runs, Path(tmp), args.frozen, args.floors)
        if not args.no_window:
            ok &= window(
                args.runs,
                Path(tmp),
                {"QT_QPA_PLATFORM": "offscreen"},
                "offscreen",
                frozen=args.frozen,
                floors=args.floors,
            )
            xvfb = _xvfb()
            if xvfb is None:
                print("Window under Xvfb: skipped (Xvfb not installed: apt-get install xvfb x11-utils)")
            else:
                try:
                    ok &= window(
                        args.runs,
                        Path(tmp),
                        xvfb[1],
                        f"Xvfb {xvfb[1]['DISPLAY']}",
                        frozen=args.frozen,
                        floors=args.floors,
                    )
                finally:
                    xvfb[0].terminate()
                    xvfb[0].wait(timeout=10)
    print(f"end: {_load()}")
    print("all within budget" if ok else "OVER BUDGET (see above)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
