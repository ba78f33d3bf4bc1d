"""PyInstaller's heavy runtime hooks run when their module is first imported (packaging/deferred_rthooks.py, issue 13).

The generated hook runs here the way the frozen program's bootloader runs a runtime hook: as code in `__main__`,
before the program's own script. The real PyInstaller hooks need a frozen program; packaging/smoke.py checks the
bundle carries the deferred hook instead of them, and its tour and `verify --demo` run through the deferred PySide6
hook.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _build_step() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "sbq_deferred_rthooks_build", ROOT / "packaging" / "deferred_rthooks.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Stand-ins for PyInstaller's hooks, with the same shape (a function, called, then deleted), on modules a bare
# `python -S` does not load. Each records that it ran and patches its module, as pyi_rth_inspect patches inspect.
_COLORSYS_HOOK = """
def _pyi_rthook():
    import sys
    import colorsys
    sys.hook_runs = getattr(sys, "hook_runs", []) + ["colorsys:" + str(hasattr(colorsys, "rgb_to_hsv"))]
    colorsys.patched_by_hook = True
_pyi_rthook()
del _pyi_rthook
"""
_FRACTIONS_HOOK = """
import sys
sys.hook_runs = getattr(sys, "hook_runs", []) + ["fractions"]
"""

_PROGRAM = """
import sys
exec(compile(open({hook!r}).read(), "sbq_deferred_rthooks", "exec"), globals())
report = {{"leftover": sorted(n for n in ("_sbq_defer_rthooks", "TYPE_CHECKING") if n in globals())}}
report["before"] = list(getattr(sys, "hook_runs", [])) + [m for m in ("colorsys", "fractions") if m in sys.modules]
import importlib.util
importlib.util.find_spec("colorsys")  # looked up, not loaded (libraries probe for optional packages this way)
report["probed"] = list(getattr(sys, "hook_runs", [])) + [m for m in ("colorsys",) if m in sys.modules]
from colorsys import rgb_to_hsv  # the importer sees the module as the hook left it
import colorsys
import colorsys as again
report["after"] = list(sys.hook_runs)
report["patched"] = getattr(colorsys, "patched_by_hook", False)
report["loader"] = type(colorsys.__loader__).__name__
report["spec_loader"] = type(colorsys.__spec__.loader).__name__
try:
    import no_such_module_anywhere
except ImportError:
    report["missing"] = "ImportError"
import fractions
report["last"] = list(sys.hook_runs)
print(json.dumps(report))
"""


def _scripts(tmp_path: Path) -> list[tuple[str, str, str]]:
    colorsys_hook = tmp_path / "pyi_rth_inspect.py"
    colorsys_hook.write_text(_COLORSYS_HOOK, encoding="utf-8")
    fractions_hook = tmp_path / "pyi_rth_pkgutil.py"
    fractions_hook.write_text(_FRACTIONS_HOOK, encoding="utf-8")
    return [
        ("pyiboot01_bootstrap", str(tmp_path / "boot.py"), "PYSOURCE"),
        ("pyi_rth_inspect", str(colorsys_hook), "PYSOURCE"),
        ("pyi_rth_cryptography_openssl", str(tmp_path / "openssl.py"), "PYSOURCE"),
        ("pyi_rth_pkgutil", str(fractions_hook), "PYSOURCE"),
        ("entry", str(tmp_path / "entry.py"), "PYSOURCE"),
    ]


def test_the_deferred_hooks_are_replaced_by_one_in_the_first_ones_place(tmp_path: Path) -> None:
    build = _build_step()
    target = tmp_path / "out" / "sbq_deferred_rthooks.py"
    scripts = build.defer_runtime_hooks(_scripts(tmp_path), target)
    assert [name for name, _, _ in scripts] == [
        "pyiboot01_bootstrap",
        "sbq_deferred_rthooks",
        "pyi_rth_cryptography_openssl",  # not a deferred one: it still runs at start
        "entry",
    ]
    assert scripts[1] == ("sbq_deferred_rthooks", str(target), "PYSOURCE")
    compile(target.read_text(encoding="utf-8"), str(target), "exec")  # what the bootloader will run


def test_nothing_to_defer_leaves_the_scripts_alone(tmp_path: Path) -> None:
    scripts = [("pyiboot01_bootstrap", "boot.py", "PYSOURCE"), ("entry", "entry.py", "PYSOURCE")]
    assert _build_step().defer_runtime_hooks(scripts, tmp_path / "hook.py") == scripts
    assert not (tmp_path / "hook.py").exists()


def test_each_hook_runs_once_right_after_its_module_first_loads(tmp_path: Path) -> None:
    build = _build_step()
    target = tmp_path / "sbq_deferred_rthooks.py"
    scripts = _scripts(tmp_path)
    build.defer_runtime_hooks(scripts, target)
    # The stand-ins take the real hooks' names, so they stand for the modules those hooks are deferred to.
    text = target.read_text(encoding="utf-8").replace("'inspect':", "'colorsys':").replace("'pkgutil':", "'fractions':")
    target.write_text(text, encoding="utf-8")
    program = "import json\n" + _PROGRAM.format(hook=str(target))
    done = subprocess.run(
        [sys.executable, "-S", "-c", program], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["leftover"] == []  # runtime hooks share the program's __main__
    assert report["before"] == []  # nothing ran and nothing was imported at start
    assert report["probed"] == []  # a lookup neither loads the module nor uses up its hooks
    assert report["after"] == ["colorsys:True"]  # once, after the module's own code, however often it is imported
    assert report["patched"] is True
    assert report["loader"] == report["spec_loader"] == "SourceFileLoader"  # the real loader, not the wrapper
    assert report["missing"] == "ImportError"
    assert report["last"] == ["colorsys:True", "fractions"]
