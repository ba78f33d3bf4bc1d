"""The wheel as a pip/pipx user gets it: built from the sources, installed in a fresh venv outside the checkout.

One test on purpose (about a minute): a fresh venv from the hash-checked Linux lock (pip's cache keeps it off the
network), `pip wheel --no-build-isolation` in that venv (its PySide6 compiles the .qm files, its setuptools is
the locked one), then the console script from a temporary working directory.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements" / "packaging-linux.lock"
# What a build needs; everything else (tests, .venv, build/, caches) stays behind so stale files cannot leak in.
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "wizard", "connectors", "resources")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm", "_data", "*.egg-info")

pytestmark = [
    pytest.mark.wheel,
    pytest.mark.timeout(600),  # a cold pip cache downloads the locked wheels (~150 MB) first
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="installs requirements/packaging-linux.lock"),
]


def _run(cmd: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{cmd} exit {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """bin/ of a fresh venv with the wheel (and only the locked runtime dependencies) installed."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    src.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=IGNORE)
        else:
            shutil.copy2(path, src / name)
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    pip: list[str | Path] = [py, "-m", "pip", "--disable-pip-version-check"]
    _run([*pip, "install", "--quiet", "--require-hashes", "-r", LOCK], cwd=base)
    _run([*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", base / "dist", src], cwd=base)
    wheels = list((base / "dist").glob("sbq_afas_setup-*.whl"))
    assert len(wheels) == 1, wheels
    _run([*pip, "install", "--quiet", "--no-deps", "--no-index", wheels[0]], cwd=base)
    shutil.rmtree(src)  # from here on the program can only use what the wheel installed
    return env_dir / "bin"


def _user_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "SBQ_", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp), LANG="C.UTF-8")
    return env


def test_the_installed_wheel_works_outside_the_checkout_in_both_languages(installed: Path, tmp_path: Path) -> None:
    env = _user_env(tmp_path)
    where = _run([installed / "python", "-c", "import wizard.installation as r; print(r.connectors_dir())"], tmp_path)
    assert str(installed.parent) in where.stdout and str(ROOT) not in where.stdout
    # The package data is where importlib.resources says it is (the wizard finds it without that import).
    same = (
        "from importlib.resources import files; import wizard.installation as r; "
        "print(r.package_data() == files('wizard') / '_data')"
    )
    assert _run([installed / "python", "-c", same], tmp_path).stdout.strip() == "True"

    export = _run([installed / "sbq-setup", "--lang", "nl", "export-connectors", tmp_path / "out"], tmp_path, env)
    assert "7 connectorbestanden geschreven" in export.stdout  # the CLI speaks Dutch from the wheel too
    assert len(list((tmp_path / "out").glob("*.gcn"))) == 7
    assert _run(["sha256sum", "-c", "SHA256SUMS"], tmp_path / "out").returncode == 0

    verify = _run([installed / "sbq-setup", "verify", "--demo", "--json"], tmp_path, env)
    report = json.loads(verify.stdout)  # exit 0 (asserted by _run): the demo environment verifies
    assert report["checks"] and report["environment"]

    tour = _run([installed / "sbq-setup", "--demo", "--tour", tmp_path / "tour", "--lang", "nl"], tmp_path, env)
    assert "Uw AFAS-omgeving" in tour.stdout  # the page titles come from the wheel's sbq_nl.qm
    assert len(list((tmp_path / "tour").glob("*.png"))) == 10

    english = _run([installed / "sbq-setup", "--demo", "--tour", tmp_path / "tour-en", "--lang", "en"], tmp_path, env)
    assert "Your AFAS environment" in english.stdout
