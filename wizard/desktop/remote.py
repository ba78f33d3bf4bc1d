r"""Is the wizard itself running inside a remote session (Remote Desktop, Citrix)?

`\\Client\C$\...` is how AFAS Online's RemoteApp shows a drive of the computer the bookkeeper sits at. When the
wizard runs on that computer, that path is right. When the wizard itself runs inside an RDS or Citrix session, the
files land on the remote machine and `\\Client\C$` points back at the bookkeeper's own PC: show the local path then.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

SM_REMOTESESSION = 0x1000
OVERRIDE_VAR = "SBQ_REMOTE_SESSION"  # "1"/"0": the helpdesk's escape hatch where detection guesses wrong


@dataclass(frozen=True, slots=True)
class SessionFacts:
    platform: str
    env: Mapping[str, str]
    remote_metric: bool | None = None  # GetSystemMetrics(SM_REMOTESESSION) on Windows; None when not asked


def is_remote_session(facts: SessionFacts) -> bool:
    override = facts.env.get(OVERRIDE_VAR, "").strip()
    if override in ("0", "1"):
        return override == "1"
    if facts.platform != "win32":
        return False  # \\Client paths exist only for Windows drives; nothing to correct elsewhere
    if facts.remote_metric:
        return True  # RDP and Citrix HDX on a server VDA both report a remote session
    # SESSIONNAME is "Console" locally, "RDP-Tcp#N" over Remote Desktop, "ICA-tcp#N"/"ICA-CGP#N" under Citrix.
    # UNCONFIRMED: Citrix desktop (VDI/Remote PC) sessions can look like the console; the override covers them.
    session = facts.env.get("SESSIONNAME", "").upper()
    return session.startswith(("RDP-", "ICA-"))


def current_facts() -> SessionFacts:
    metric: bool | None = None
    if sys.platform == "win32":
        try:
            import ctypes

            user32: Any = getattr(ctypes, "WinDLL")("user32")  # noqa: B009 (WinDLL exists only on Windows)
            metric = bool(user32.GetSystemMetrics(SM_REMOTESESSION))
        except (OSError, AttributeError):
            metric = None
    return SessionFacts(platform=sys.platform, env=dict(os.environ), remote_metric=metric)


def import_dialog_path(local: PurePath | str, client_path: str, *, remote: bool | None = None) -> str:
    r"""The path to show for AFAS's import dialog: `client_path` (\\Client\C$\...) normally, the local path when
    the wizard runs in a remote session. `remote` defaults to detecting it now."""
    if remote is None:
        remote = is_remote_session(current_facts())
    return str(local) if remote else client_path
