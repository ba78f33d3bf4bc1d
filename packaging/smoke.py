"""Smoke checks of a frozen bundle: the checks a bookkeeper's double-click and a helpdesk script depend on.

python packaging/smoke.py dist/sbq-setup/sbq-setup [--cli dist/sbq-setup/sbq-setup-cli] [--measure N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _run(cmd: list[str], env: dict[str, str] | None = None, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=full, check=False)


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        return (0, 0)
    width, height = struct.unpack(">II", header[16:24])
    return (width, height)


def check_version(app: str) -> str:
    done = _run([app, "--version"])
    assert done.returncode == 0 and "sbq-setup" in done.stdout, done.stderr
    return done.stdout.strip()


def check_verify_demo(cli: str) -> str:
    done = _run([cli, "verify", "--demo", "--json"])
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-500:]}"
    report = json.loads(done.stdout)
    assert report["summary"]["ok"] is True and report["checks"], report["summary"]
    return f"{len(report['checks'])} checks, summary {report['summary']['text']}"


def check_tour(app: str, lang: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        done = _run([app, "--demo", "--tour", tmp, "--lang", lang])
        shots = sorted(Path(tmp).glob("*.png"))
        assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-800:]}"
        assert len(shots) >= 10, [s.name for s in shots]
        small = [s.name for s in shots if min(_png_size(s)) < 600 or _png_size(s)[0] < 800]
        assert not small, f"screenshots under 800x600: {small}"
        return f"{len(shots)} screenshots ({lang})"


def check_native_keyring(cli: str) -> str:
    """The frozen app must find the OS keyring backend, not keyring.backends.fail (jaraco/keyring#468)."""
    if not sys.platform.startswith("linux"):
        done = _run([cli, "diagnose", "--json"])
        backend = str(json.loads(done.stdout)["keyring_backend"])
        # The native one by name: a chainer or fail.Keyring would mean the frozen app lost its backends.
        native = "Windows.WinVaultKeyring" if sys.platform == "win32" else "macOS.Keyring"
        assert backend.endswith(native), backend
        return backend
    # The test-only harness lives in the checkout's tests/ (ROOT is on sys.path), not in the shipped package.
    from tests.secret_service_session import private_secret_service

    with tempfile.TemporaryDirectory() as home, private_secret_service(Path(home)) as env:
        done = _run([cli, "diagnose", "--json"], env=env)
    assert done.returncode == 0, done.stderr
    backend = str(json.loads(done.stdout)["keyring_backend"])
    assert backend.endswith("SecretService.Keyring"), backend
    return backend


def check_menu_entry(app: str) -> str:
    """install.sh (Linux archive) adds a menu entry whose Exec is the unpacked program, and the icon it names."""
    folder = Path(app).resolve().parent
    with tempfile.TemporaryDirectory() as data:
        done = _run(["sh", str(folder / "install.sh")], env={"XDG_DATA_HOME": data})
        assert done.returncode == 0, done.stderr
        entry = (Path(data) / "applications" / "sbq-setup.desktop").read_text(encoding="utf-8")
        fields = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
        program = fields["Exec"].strip('"')
        assert Path(program).samefile(app), fields["Exec"]
        assert fields["Type"] == "Application" and fields["Terminal"] == "false", fields
        assert (Path(data) / "icons" / "hicolor" / "256x256" / "apps" / f"{fields['Icon']}.png").is_file()
    return f"Exec={fields['Exec']}, Icon={fields['Icon']}"


def measure_cold_start(app: str, runs: int) -> str:
    """Frozen app to its first page on screen vs `import PySide6.QtWidgets`, page cache dropped before each."""

    def drop_caches() -> None:
        try:
            subprocess.run(["sync"], check=False)
            Path("/proc/sys/vm/drop_caches").write_text("3\n")
        except OSError:
            pass  # not root or not Linux: warm numbers then

    frozen, baseline = [], []
    for _ in range(runs):
        drop_caches()
        with tempfile.TemporaryDirectory() as tmp:
            started = time.time()
            proc = subprocess.Popen(
                [app, "--demo", "--tour", tmp],
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            first = Path(tmp) / "01-welcome.png"
            while not first.exists() and proc.poll() is None:
                time.sleep(0.005)
            if first.exists():
                frozen.append(first.stat().st_mtime - started)
            proc.wait(timeout=120)
        drop_caches()
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import PySide6.QtWidgets"], check=True)
        baseline.append(time.perf_counter() - started)
    f, b = statistics.median(frozen), statistics.median(baseline)
    return (
        f"cold start to the first page: frozen median {f * 1000:.0f} ms over {len(frozen)} runs; "
        f"`python -c 'import PySide6.QtWidgets'` median {b * 1000:.0f} ms; ratio {f / b:.2f}x"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("app", help="the frozen sbq-setup executable")
    parser.add_argument("--cli", help="the console executable (Windows/macOS: sbq-setup-cli); default: app")
    parser.add_argument("--measure", type=int, default=0, metavar="N", help="also measure cold start N times")
    parser.add_argument("--skip-keyring", action="store_true", help="skip the native keyring check")
    args = parser.parse_args()
    cli = args.cli or args.app
    checks: list[tuple[str, Callable[[], str]]] = [
        ("--version", lambda: check_version(cli)),
        ("verify --demo --json", lambda: check_verify_demo(cli)),
        ("--demo --tour (nl)", lambda: check_tour(args.app, "nl")),
        ("--demo --tour (en)", lambda: check_tour(args.app, "en")),
    ]
    if sys.platform.startswith("linux"):
        checks.append(("menu entry (install.sh)", lambda: check_menu_entry(args.app)))
    if not args.skip_keyring:
        checks.append(("native keyring backend", lambda: check_native_keyring(cli)))
    failed = 0
    for name, check in checks:
        try:
            print(f"ok    {name}: {check()}", flush=True)
        except (AssertionError, subprocess.TimeoutExpired, ValueError, KeyError, OSError) as exc:
            failed += 1
            print(f"FAIL  {name}: {exc}", flush=True)
    if args.measure and not failed:
        print(measure_cold_start(args.app, args.measure), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
