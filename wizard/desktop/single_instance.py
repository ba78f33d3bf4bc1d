"""A named mutex held while the wizard runs, so the installer can refuse to replace files that are in use.

packaging/windows/installer.nsi checks the same name in .onInit and un.onInit; upgrading under a running wizard
left a half-deleted bundle. Windows only: elsewhere there is no installer to coordinate with.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# A plain name lives in the session's own namespace (Local\): the per-user installer runs in the same session.
MUTEX_NAME = "SmartBooqingAFASSetup.Running"


@contextmanager
def hold_running_mutex(name: str = MUTEX_NAME, platform: str = sys.platform) -> Iterator[bool]:
    """Yields True while the mutex is held; False where there is none (not Windows, or the call failed)."""
    if platform != "win32":
        yield False
        return
    import ctypes
    from ctypes import wintypes

    # getattr: WinDLL exists only on Windows, and mypy checks this file on Linux.
    kernel32: Any = getattr(ctypes, "WinDLL")("kernel32", use_last_error=True)  # noqa: B009
    kernel32.CreateMutexW.restype = wintypes.HANDLE
    kernel32.CreateMutexW.argtypes = [wintypes.LPVOID, wintypes.BOOL, wintypes.LPCWSTR]
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    # Not owned initially: the installer only asks whether the name exists (OpenMutex), not who owns it.
    handle = kernel32.CreateMutexW(None, False, name)
    try:
        yield bool(handle)
    finally:
        if handle:
            kernel32.CloseHandle(handle)
