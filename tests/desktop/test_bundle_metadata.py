"""What Finder and Explorer read about the program: the macOS Info.plist keys and the Windows version resource.

Both come from packaging/sbq-setup.spec; checked here without running PyInstaller (the workflow builds them)."""

from __future__ import annotations

import ast
import importlib.util
import plistlib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import wizard

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "sbq-setup.spec"


def _spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"))


def _info_plist() -> dict[str, Any]:
    for node in _spec_tree().body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "INFO_PLIST" for t in node.targets):
            value = ast.literal_eval(node.value)
            assert isinstance(value, dict)
            return value
    raise AssertionError("INFO_PLIST not found in the spec")


def _calls(name: str) -> list[ast.Call]:
    return [n for n in ast.walk(_spec_tree()) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == name]


def test_the_app_is_a_foreground_app_for_macos_13_and_later() -> None:
    plist = _info_plist()
    assert plist["LSBackgroundOnly"] is False  # else: no Dock icon, no menu bar, no Cmd-Tab from Finder
    assert plist["LSMinimumSystemVersion"] == "13.0"  # PySide6 6.11's minimum
    assert set(plist["CFBundleLocalizations"]) == {"nl", "en"}
    plistlib.loads(plistlib.dumps(plist))  # representable as a real plist


def test_the_bundle_uses_the_plist_and_the_version() -> None:
    (bundle,) = _calls("BUNDLE")
    keywords = {k.arg: ast.unparse(k.value) for k in bundle.keywords}
    assert "**INFO_PLIST" in keywords["info_plist"] and "CFBundleShortVersionString" in keywords["info_plist"]
    assert keywords["version"] == "VERSION"


def test_every_exe_gets_a_windows_version_resource() -> None:
    (exe,) = _calls("EXE")
    assert any(k.arg == "version" for k in exe.keywords)


def _version_info() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "sbq_version_info", ROOT / "packaging" / "windows" / "version_info.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("1.2.3", (1, 2, 3, 0)), ("0.1.0.dev2", (0, 1, 0, 0)), ("2.0rc1", (2, 0, 0, 0)), ("4", (4, 0, 0, 0))],
)
def test_windows_version_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert _version_info().windows_version(version) == numbers


def test_a_bad_version_is_refused() -> None:
    with pytest.raises(ValueError, match="version"):
        _version_info().windows_version("v1.x")
    with pytest.raises(ValueError, match="65535"):
        _version_info().windows_version("1.70000.0")


def test_the_version_file_is_what_pyinstaller_evaluates() -> None:
    """Evaluated with stand-ins for PyInstaller's versioninfo classes (same names and arguments)."""

    def record(kind: str) -> Any:
        return lambda *args, **kwargs: {"kind": kind, "args": args, **kwargs}

    names = (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    )
    text = _version_info().version_file_text(wizard.__version__, "SmartBooqing AFAS Setup", "sbq-setup.exe")
    info = eval(text, {name: record(name) for name in names})  # our own generated text
    expected = _version_info().windows_version(wizard.__version__)
    assert info["ffi"]["filevers"] == expected and info["ffi"]["prodvers"] == expected
    (string_table,) = info["kids"][0]["args"][0]
    strings = {s["args"][0]: s["args"][1] for s in string_table["args"][1]}
    assert strings["ProductVersion"] == wizard.__version__
    assert strings["CompanyName"] == "SmartBooqing" and strings["OriginalFilename"] == "sbq-setup.exe"
    assert text.isascii()
