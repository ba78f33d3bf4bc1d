"""Runs inside the frozen program, as its first runtime hook: PyInstaller's own runtime hooks for PySide6,
multiprocessing, pkgutil and inspect run right after the program first imports that module, not at every start.

Written into the bundle by packaging/deferred_rthooks.py, which appends the call that installs it. Eagerly, the PySide6
hook alone imports PySide6.QtCore (~70 ms) before `sbq-setup --version` can answer (issue 13). Each hook only patches
or configures its own module, so running it when that module has just been executed - before the import statement
that asked for it returns - is what the program sees either way.
"""

import sys

TYPE_CHECKING = False  # typing is not loaded this early in a frozen program
if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType
    from typing import Any


def _sbq_defer_rthooks(hooks: "dict[str, list[tuple[str, str]]]") -> None:
    """hooks: module name -> the (file name, source) of each runtime hook to run once that module is first imported."""
    pending = dict(hooks)

    class _RunHooksAfter:
        """Executes the module with its own loader, puts that loader back, then runs the module's hooks."""

        def __init__(self, loader: "Any", name: str) -> None:
            self._loader = loader
            self._name = name

        def create_module(self, spec: "ModuleSpec") -> "ModuleType | None":
            created: ModuleType | None = self._loader.create_module(spec)
            return created

        def exec_module(self, module: "ModuleType") -> None:
            # Afterwards nothing sees this wrapper: resources, source lookups and pkgutil meet the real loader.
            module.__loader__ = self._loader
            if module.__spec__ is not None:
                module.__spec__.loader = self._loader
            self._loader.exec_module(module)
            # Taken only once the module ran: a spec looked up but never loaded, or a module whose code raised, keeps
            # its hooks for the next import. dict.pop is atomic: of two threads importing it, one runs them.
            for filename, source in pending.pop(self._name, ()):
                exec(compile(source, filename, "exec"), {"__name__": filename.removesuffix(".py")})

    class _DeferredRuntimeHooks:
        """A meta path finder that only answers for the modules with pending hooks, by asking the finders after it."""

        def find_spec(
            self, name: str, path: "Sequence[str] | None" = None, target: "ModuleType | None" = None
        ) -> "ModuleSpec | None":
            if name not in pending:
                return None
            for finder in sys.meta_path:
                find = getattr(finder, "find_spec", None)
                if finder is self or find is None:
                    continue
                spec: ModuleSpec | None = find(name, path, target)
                if spec is not None and spec.loader is not None:
                    spec.loader = _RunHooksAfter(spec.loader, name)  # type: ignore[assignment]
                    return spec
            return None

    # Stays on sys.meta_path once every hook has run: removing it during an import would make the import system skip
    # the next finder, and a dict lookup per import costs nothing.
    sys.meta_path.insert(0, _DeferredRuntimeHooks())
