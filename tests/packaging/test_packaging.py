"""Checks of the packaging that run in CI without building a bundle (the build itself: packaging/build.py)."""

from __future__ import annotations

import ast
import importlib.util
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import wizard.installation

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "sbq-setup.spec"


def _spec_data_folders() -> list[str]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "DATA_FOLDERS" for t in node.targets):
            return [ast.literal_eval(elt) for elt in node.value.elts]  # type: ignore[attr-defined]
    raise AssertionError("DATA_FOLDERS not found in the spec")


def _folders_the_app_reads() -> set[str]:
    """Every `root() / "<name>"` in wizard/installation.py: the folders and files the app opens at run time."""
    tree = ast.parse(Path(wizard.installation.__file__).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Div)
            and isinstance(node.left, ast.Call)
            and getattr(node.left.func, "id", "") == "root"
            and isinstance(node.right, ast.Constant)
        ):
            found.add(str(node.right.value))
    return found


def test_spec_bundles_every_data_folder_the_app_reads() -> None:
    read = _folders_the_app_reads()
    assert "connectors" in read and "resources" in read
    bundled = set(_spec_data_folders()) | {"build_info.json"}  # build_info.json is written by build.py
    assert read <= bundled, f"read at run time but not bundled: {sorted(read - bundled)}"
    for folder in _spec_data_folders():
        assert (ROOT / folder).is_dir()


def test_spec_bundles_keyring_backends_and_every_wizard_module() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert 'collect_submodules("keyring.backends")' in text
    assert 'collect_submodules("wizard")' in text  # the pages are imported by name on first show


def test_every_locked_platform_has_what_its_keyring_needs() -> None:
    windows = (ROOT / "requirements" / "packaging-windows.lock").read_text()
    linux = (ROOT / "requirements" / "packaging-linux.lock").read_text()
    assert "pywin32-ctypes==" in windows and "secretstorage==" not in windows
    assert "secretstorage==" in linux and "jeepney==" in linux
    for lock in (ROOT / "requirements").glob("*.lock"):
        assert "://" not in lock.read_text(), f"{lock.name} names a host"


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian package nsis) is not installed")
def test_windows_installer_script_compiles(tmp_path: Path) -> None:
    payload = tmp_path / "payload"
    (payload / "_internal").mkdir(parents=True)
    for name in ("sbq-setup.exe", "sbq-setup-cli.exe", "_internal/dummy.txt"):
        (payload / name).write_text("dummy payload")
    out = tmp_path / "sbq-setup-0.0.0-windows-x64.exe"
    done = subprocess.run(  # -WX: a warning (e.g. a missing language string) fails the build too
        ["makensis", "-V2", "-WX", "-DVERSION=0.0.0", f"-DPAYLOAD={payload}", f"-DOUTFILE={out}", "installer.nsi"],
        cwd=ROOT / "packaging" / "windows",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.read_bytes()[:2] == b"MZ"


def test_workflow_builds_and_smoke_tests_windows_and_macos() -> None:
    text = (ROOT / ".github" / "workflows" / "installers.yml").read_text(encoding="utf-8")
    for needle in ("windows-latest", "macos-latest", "packaging/build.py", "installer.nsi", "hdiutil", "verify --demo"):
        assert needle in text
    smoke = (ROOT / "packaging" / "smoke.py").read_text(encoding="utf-8")
    for needle in ('"--version"', '"verify", "--demo", "--json"', '"--demo", "--tour"', '"diagnose", "--json"'):
        assert needle in smoke


def _workflow() -> dict[str, Any]:
    # PyYAML is a dev dependency; importorskip only keeps a bare checkout's run readable.
    yaml = pytest.importorskip("yaml")
    data = yaml.safe_load((ROOT / ".github" / "workflows" / "installers.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_workflow_parses_and_each_job_builds_smoke_tests_and_uploads() -> None:
    jobs = _workflow()["jobs"]
    assert {"linux", "windows", "macos"} <= set(jobs)
    assert jobs["windows"]["runs-on"] == "windows-latest" and jobs["macos"]["runs-on"] == "macos-latest"
    for name, job in jobs.items():
        runs = "\n".join(str(step.get("run", "")) for step in job["steps"])
        assert "packaging/build.py" in runs and "--skip-smoke" not in runs, name  # build.py smoke-tests
        assert any(str(step.get("uses", "")).startswith("actions/upload-artifact") for step in job["steps"]), name
    windows = "\n".join(str(step.get("run", "")) for step in jobs["windows"]["steps"])
    assert "makensis" in windows and "uninstall.exe" in windows
    assert "hdiutil" in "\n".join(str(step.get("run", "")) for step in jobs["macos"]["steps"])


def test_workflow_python_matches_the_locked_python() -> None:
    """A lock resolved for 3.12 installed by 3.11 misses backports (and the reverse): keep them in step."""
    spec = importlib.util.spec_from_file_location("sbq_packaging_lock", ROOT / "packaging" / "lock.py")
    assert spec and spec.loader
    lock = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lock)
    jobs = _workflow()["jobs"]
    for platform, (_, python_version) in lock.TARGETS.items():
        setup = [s for s in jobs[platform]["steps"] if str(s.get("uses", "")).startswith("actions/setup-python")]
        assert setup and str(setup[0]["with"]["python-version"]) == python_version, platform


def _spec_list(name: str) -> list[str]:
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == name for t in node.targets):
            value = ast.literal_eval(node.value)
            return list(value)
    raise AssertionError(f"{name} not found in the spec")


def _wizard_modules() -> list[Path]:
    return sorted((ROOT / "wizard").rglob("*.py"))


def test_no_module_reads_data_next_to_its_source() -> None:
    """PyInstaller bundles only .py from packages: data must come through wizard/installation.py (a spec'd folder)."""
    offenders = []
    for path in _wizard_modules():
        if path.name == "installation.py" and path.parent.name == "wizard":
            continue
        text = path.read_text(encoding="utf-8")
        if "__file__" in text or "importlib.resources" in text or "pkgutil.get_data" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"read data relative to the module (missing from a frozen app): {offenders}"


def test_the_trimmed_bundle_keeps_every_qt_module_the_app_imports() -> None:
    imported = set()
    for path in _wizard_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6.Qt"):
                imported.add(node.module.split(".")[1])
            elif isinstance(node, ast.ImportFrom) and node.module == "PySide6":
                imported.update(alias.name for alias in node.names if alias.name.startswith("Qt"))
            elif isinstance(node, ast.Import):
                imported.update(a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6.Qt"))
    assert {"QtCore", "QtGui", "QtWidgets"} <= imported
    excluded = {name.removeprefix("PySide6.") for name in _spec_list("excludes") if name.startswith("PySide6.")}
    dropped_libs = {prefix.removeprefix("libQt6") for prefix in _spec_list("DROP_LIBS") if prefix.startswith("libQt6")}
    lost = {m for m in imported if m in excluded or m.removeprefix("Qt") in dropped_libs}
    assert not lost, f"the spec removes Qt modules the app imports: {sorted(lost)}"
