"""Build step for packaging/sbq-setup.spec: PyInstaller's runtime hooks that import a heavy module at every start
run instead when the program first imports that module (packaging/deferred_rthooks_runtime.py does it at run time).

Measured on the Linux bundle (packaging/README.md, issue 13): `sbq-setup --version` spent most of its ~130 ms in these
hooks - pyi_rth_pyside6 imports PySide6.QtCore, pyi_rth_inspect imports inspect and zipfile and reads
base_library.zip, pyi_rth_multiprocessing and pyi_rth_pkgutil import their modules - none of which the command uses.
"""

from __future__ import annotations

from pathlib import Path

RUNTIME = Path(__file__).with_name("deferred_rthooks_runtime.py")

# PyInstaller's runtime hook -> the module whose first import runs it. Each hook touches only that module (read in
# PyInstaller 6.22: PyInstaller/hooks/rthooks/); a hook not named here still runs at start.
DEFERRED = {
    "pyi_rth_pyside6": "PySide6",
    "pyi_rth_inspect": "inspect",
    "pyi_rth_multiprocessing": "multiprocessing",
    "pyi_rth_pkgutil": "pkgutil",
}
NAME = "sbq_deferred_rthooks"

Entry = tuple[str, str, str]  # a PyInstaller TOC entry: (name, source path, kind)


def defer_runtime_hooks(scripts: list[Entry], target: Path) -> list[Entry]:
    """`Analysis.scripts` with the DEFERRED hooks taken out and one hook in the first one's place (written to target)
    that runs each when its module is first imported. The program's own script stays last."""
    hooks: dict[str, list[tuple[str, str]]] = {}
    kept: list[Entry] = []
    position: int | None = None
    for name, path, kind in scripts:
        module = DEFERRED.get(name)
        if module is None or kind != "PYSOURCE":
            kept.append((name, path, kind))
            continue
        hooks.setdefault(module, []).append((f"{name}.py", Path(path).read_text(encoding="utf-8")))
        position = len(kept) if position is None else position
    if position is None:
        return kept
    target.parent.mkdir(parents=True, exist_ok=True)
    # Runtime hooks run in the program's __main__: leave no names behind.
    call = f"\n_sbq_defer_rthooks({hooks!r})\ndel _sbq_defer_rthooks, TYPE_CHECKING\n"
    target.write_text(RUNTIME.read_text(encoding="utf-8") + call, encoding="utf-8")
    kept.insert(position, (NAME, str(target), "PYSOURCE"))
    return kept
