"""Re-resolve the packaging requirement sets (requirements/packaging-<platform>.lock) for all three platforms.

    .venv/bin/python packaging/lock.py            # rewrite the locks after editing pyproject.toml
    .venv/bin/python packaging/lock.py --check    # exit 1 when a committed lock differs from a fresh resolution

uv resolves for another platform without running there, so the Windows set gets pywin32-ctypes (keyring's
Credential Manager backend) and pefile (PyInstaller), which a Linux-only resolution silently leaves out. Hashes are
pinned and no index URL is written: the committed files name no host. A --check is only stable until a dependency
publishes a new version; the committed locks are the record of what was built.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UV = ROOT / ".venv" / ("Scripts/uv.exe" if sys.platform == "win32" else "bin/uv")

# platform name used by build.py -> (uv --python-platform, --python-version); keep in step with installers.yml.
TARGETS = {
    # manylinux_2_34: PySide6 6.11 wheels need glibc 2.34+ (Ubuntu 22.04, Debian 12, RHEL 9); older tags get 6.9.
    "linux": ("x86_64-manylinux_2_34", "3.11"),
    "windows": ("x86_64-pc-windows-msvc", "3.12"),
    # Apple silicon (macos-latest); PySide6 6.11 needs macOS 13+ (6.12 would need macOS 14+; pinned <6.12 anyway).
    "macos": ("aarch64-apple-darwin", "3.12"),
}


def compile_lock(platform: str, output: Path) -> None:
    python_platform, python_version = TARGETS[platform]
    cmd = [
        str(UV), "pip", "compile", "pyproject.toml", "--extra", "packaging",
        "--python-platform", python_platform, "--python-version", python_version,
        "--generate-hashes", "--no-emit-index-url", "--no-header", "--quiet", "-o", str(output),
    ]  # fmt: skip
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the committed locks, change nothing")
    args = parser.parse_args()
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for platform in TARGETS:
            committed = ROOT / "requirements" / f"packaging-{platform}.lock"
            target = Path(tmp) / committed.name if args.check else committed
            compile_lock(platform, target)
            if args.check and target.read_bytes() != committed.read_bytes():
                stale.append(committed.name)
    if stale:
        print(f"differs from a fresh resolution: {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
