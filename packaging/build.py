"""Build the desktop bundle for this platform with PyInstaller (one-folder), then smoke-test it.

    python3 packaging/build.py [--release [--allow-stand-ins]] [--skip-smoke] [--measure N] [--floors]

A release build (--release; the tag workflow) refuses the development stand-in .gcn files unless --allow-stand-ins.
Whenever stand-ins are shipped the app calls itself a development build; a plain build of today's bundle is one.
Uses its own venv (build/venv) from requirements/packaging-<platform>.lock, so the bundle holds exactly the locked
versions and none of the development tools.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
VENV = BUILD / "venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
PLATFORM = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
LOCK = ROOT / "requirements" / f"packaging-{PLATFORM}.lock"
BUDGET_FOLDER_MB = 160
BUDGET_ARCHIVE_MB = 75


def run(*cmd: str | Path, env: dict[str, str] | None = None) -> str:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    done = subprocess.run(
        [str(c) for c in cmd], cwd=ROOT, env={**os.environ, **(env or {})}, check=False, capture_output=True, text=True
    )
    if done.returncode != 0:  # the tool's own words, not a Python traceback, say what went wrong
        tool = Path(str(cmd[0])).name
        sys.exit(f"{done.stdout[-3000:]}{done.stderr[-3000:]}\nfailed (exit {done.returncode}): {tool}")
    return done.stdout


def ensure_build_venv() -> None:
    stamp = VENV / ".lock-sha256"
    wanted = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    if VENV.exists():
        shutil.rmtree(VENV)
    venv.EnvBuilder(with_pip=True).create(VENV)
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "--require-hashes", "-r", LOCK)
    stamp.write_text(wanted)


def version() -> str:
    return run(PY, "-c", "import wizard; print(wizard.__version__)").strip()


def release_check(release: bool, allow_stand_ins: bool) -> bool:
    """True when the bundle ships stand-ins; exits when a release build would ship them without permission."""
    code = (
        "import sys\n"
        "from wizard.data import load_manifest\n"
        "from wizard.data.bundle import bundle_files\n"
        "from wizard.domain.bundle import check_release\n"
        "from wizard.domain.errors import UserFacingError\n"
        "m = load_manifest(); bundle_files(m)\n"
        "try:\n    check_release(m, allow_stand_ins=False)\n"
        "except UserFacingError as exc:\n    print(exc.message.en); sys.exit(3)\n"
    )
    done = subprocess.run([str(PY), "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode == 0:
        return False
    if done.returncode == 3 and (allow_stand_ins or not release):
        print("NOTE: the bundle holds stand-in .gcn files: this is a DEVELOPMENT build and the app says so.")
        return True
    sys.exit(
        f"Refusing a release build: {done.stdout.strip() or done.stderr.strip()}\n"
        "Adopt the official files (sbq-setup bundle adopt) or pass --allow-stand-ins for a development build."
    )


def git_log(fmt: str, default: str) -> str:
    """The last commit's date in `fmt`; a source tree without git still builds (not run(): that would stop)."""
    try:
        cmd = ["git", "log", "-1", f"--format={fmt}"]
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    except OSError:
        return default
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else default


def source_date() -> str:
    return git_log("%cI", "unknown")


def source_epoch() -> str:
    """The commit time as SOURCE_DATE_EPOCH: timestamps inside the bundle then follow the source, not the clock."""
    return git_log("%ct", "0")


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def make_archive(folder: Path, target: Path) -> None:
    """A reproducible tar.gz: sorted entries, fixed owner and mtime."""

    def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mtime = 0
        return info

    # gzip's own header carries a timestamp too: fixed at 0, so equal contents give an equal archive.
    with (
        target.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as packed,
        tarfile.open(fileobj=packed, mode="w", format=tarfile.PAX_FORMAT) as archive,
    ):
        for path in sorted(folder.rglob("*")):
            archive.add(path, arcname=str(Path(folder.name) / path.relative_to(folder)), recursive=False, filter=clean)


# A floor frozen the way packaging/sbq-setup.spec freezes the bundle: one folder, stripped on Linux.
FLOOR_SPEC = """# Generated by packaging/build.py --floors.
a = Analysis([{script!r}])
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name={name!r}, console=True, upx=False, strip={strip!r})
coll = COLLECT(exe, a.binaries, a.datas, name={name!r}, upx=False, strip={strip!r})
"""


def build_floors() -> Path:
    """The benchmark's floors frozen the way the bundle is (one folder each), so a frozen figure is compared like
    with like: benchmarks/startup_bench.py --frozen dist/sbq-setup/sbq-setup --floors build/floors."""
    floors = BUILD / "floors"
    work = BUILD / "floors-work"
    work.mkdir(parents=True, exist_ok=True)
    bare = run(PY, "-c", "from benchmarks.startup_bench import bare_window_program; print(bare_window_program())")
    (work / "bare-window.py").write_text(bare, encoding="utf-8")
    (work / "argparse.py").write_text("import argparse\n", encoding="utf-8")
    for name in ("bare-window", "argparse"):
        spec = FLOOR_SPEC.format(
            name=name,
            script=str(work / f"{name}.py"),
            strip=PLATFORM == "linux",
        )
        (work / f"{name}.spec").write_text(spec, encoding="utf-8")
        run(PY, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR", "--distpath", floors, "--workpath", work,
            work / f"{name}.spec", env={"QT_QPA_PLATFORM": "offscreen"})  # fmt: skip
    print(f"floors: {floors}")
    return floors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--release", action="store_true", help="a release build: refuse stand-in .gcn files")
    parser.add_argument(
        "--allow-stand-ins", action="store_true", help="with --release: build anyway (a development build)"
    )
    parser.add_argument("--skip-smoke", action="store_true", help="do not run the smoke checks")
    parser.add_argument("--measure", type=int, default=0, metavar="N", help="measure cold start N times")
    parser.add_argument(
        "--floors",
        action="store_true",
        help="also freeze the start-up benchmark's floors (a bare window, `import argparse`) into build/floors",
    )
    args = parser.parse_args()

    BUILD.mkdir(exist_ok=True)
    ensure_build_venv()
    stand_ins = release_check(args.release, args.allow_stand_ins)
    translations = ROOT / "packaging" / "build_translations.py"  # the GUI's script; compiles resources/i18n/*.qm
    if translations.exists():
        run(PY, translations)
    ver = version()
    info = {"version": ver, "development": stand_ins, "stand_ins": stand_ins, "source_date": source_date(),
            "platform": PLATFORM}  # fmt: skip
    (BUILD / "build_info.json").write_text(json.dumps(info, indent=2))
    run(PY, ROOT / "packaging" / "icon.py", BUILD)
    run(PY, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", DIST, "--workpath", BUILD / "pyinstaller",
        ROOT / "packaging" / "sbq-setup.spec", env={"SBQ_VERSION": ver, "QT_QPA_PLATFORM": "offscreen",
        "SOURCE_DATE_EPOCH": source_epoch(), "PYTHONHASHSEED": "0"})  # fmt: skip

    bundle = DIST / "sbq-setup"
    exe = bundle / ("sbq-setup.exe" if PLATFORM == "windows" else "sbq-setup")
    cli = bundle / ("sbq-setup-cli.exe" if PLATFORM == "windows" else "sbq-setup-cli")
    print(f"bundle: {bundle} ({folder_mb(bundle):.1f} MB; budget {BUDGET_FOLDER_MB} MB)")
    if PLATFORM == "linux":
        shutil.copy(ROOT / "packaging" / "linux" / "sbq-setup.desktop", bundle / "sbq-setup.desktop")
        shutil.copy(BUILD / "icon.png", bundle / "sbq-setup.png")
        shutil.copy(ROOT / "packaging" / "linux" / "install.sh", bundle / "install.sh")  # keeps the exec bit
        archive = DIST / f"sbq-setup-{ver}-linux-{platform.machine()}.tar.gz"
        make_archive(bundle, archive)
        size = archive.stat().st_size / 1e6
        print(f"archive: {archive} ({size:.1f} MB; budget {BUDGET_ARCHIVE_MB} MB)")
        over = folder_mb(bundle) > BUDGET_FOLDER_MB or size > BUDGET_ARCHIVE_MB
        if over:
            print("WARNING: over the size budget", file=sys.stderr)
    if args.floors:
        build_floors()
    if args.skip_smoke:
        return 0
    smoke: list[str | Path] = [PY, ROOT / "packaging" / "smoke.py", exe]
    if cli.exists():
        smoke += ["--cli", cli]
    if args.measure:
        smoke += ["--measure", str(args.measure)]
    return subprocess.run([str(c) for c in smoke], cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
