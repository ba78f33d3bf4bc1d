r"""Where the connector files go by default: Documents, unless Documents is a bad place for them.

Documents can be redirected to a network share (folder redirection: the UNC path means nothing to AFAS's import
dialog), a mapped network drive, an NFS/SMB mount, or synced by OneDrive (files can be locked while syncing); it can
also be unwritable, on Windows often through Controlled Folder Access, which blocks unknown apps with "access
denied" (winerror 5). Then the files go to a local folder in the user's profile and the wizard says why.
All platform facts are injected, so every branch is tested on Linux.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PureWindowsPath

from wizard.domain.text import Text

SUBFOLDER = "SmartBooqing AFAS"
NETWORK_FS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afpfs", "webdav", "fuse.sshfs", "sshfs", "9p", "afs", "ceph",
     "glusterfs", "fuse.glusterfs", "davfs", "fuse.davfs2", "fuse.rclone", "lustre"}
)  # fmt: skip
DRIVE_REMOTE = 4  # GetDriveTypeW
ERROR_ACCESS_DENIED = 5


@dataclass(frozen=True, slots=True)
class FolderFacts:
    platform: str
    is_network: Callable[[Path], bool]
    probe: Callable[[Path], OSError | None]  # None when a file can be written there (or below, once created)
    synced_roots: Sequence[Path] = field(default_factory=tuple)  # OneDrive folders


@dataclass(frozen=True, slots=True)
class ExportFolderChoice:
    folder: Path
    reason: Text | None = None  # why not Documents; None when Documents is used


def _within(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _why_not(folder: Path, facts: FolderFacts) -> Text | None:
    if facts.is_network(folder):
        return Text(
            en="Your Documents folder is on a network location ({path}), which AFAS cannot reach in its import dialog.",
            nl="Uw map Documenten staat op een netwerklocatie ({path}), die AFAS in het importvenster niet kan "
            "bereiken.",
        ).format(path=folder)
    if any(_within(folder, root) for root in facts.synced_roots):
        return Text(
            en="Your Documents folder is synced by OneDrive ({path}); files can be locked while they sync.",
            nl="Uw map Documenten wordt gesynchroniseerd door OneDrive ({path}); bestanden kunnen vergrendeld "
            "zijn tijdens het synchroniseren.",
        ).format(path=folder)
    error = facts.probe(folder)
    if error is None:
        return None
    denied = isinstance(error, PermissionError) and getattr(error, "winerror", None) == ERROR_ACCESS_DENIED
    if facts.platform == "win32" and denied:
        # Best effort: "access denied" on Documents is most often Controlled Folder Access (Windows Security),
        # but an ACL can say the same; the message names both.
        return Text(
            en="Windows does not let this program write in Documents ({path}). This is usually Controlled Folder "
            "Access (Windows Security > Ransomware protection); your IT department can allow SmartBooqing AFAS "
            "Setup there.",
            nl="Windows laat dit programma niet schrijven in Documenten ({path}). Meestal komt dat door Beheerde "
            "maptoegang (Windows-beveiliging > Ransomwarebeveiliging); uw IT-afdeling kan SmartBooqing AFAS Setup "
            "daar toestaan.",
        ).format(path=folder)
    detail = error.strerror or type(error).__name__
    return Text(
        en="This program cannot write in Documents ({path}): {detail}.",
        nl="Dit programma kan niet schrijven in Documenten ({path}): {detail}.",
    ).format(path=folder, detail=detail)


def choose_export_folder(documents: Path, fallbacks: Sequence[Path], facts: FolderFacts) -> ExportFolderChoice:
    """Documents/SmartBooqing AFAS when it is local and writable; else the first usable fallback, with the reason."""
    preferred = documents / SUBFOLDER
    reason = _why_not(preferred, facts)
    if reason is None:
        return ExportFolderChoice(preferred)
    for candidate in fallbacks:
        if _why_not(candidate, facts) is None:
            return ExportFolderChoice(
                candidate,
                reason
                + Text(
                    en=" The files are saved in {path} instead.", nl=" De bestanden worden daarom opgeslagen in {path}."
                ).format(path=candidate),
            )
    return ExportFolderChoice(
        preferred,
        reason + Text(en=" Choose another folder.", nl=" Kies een andere map."),
    )


# --- the real facts ------------------------------------------------------------------------------------------


def parse_mountinfo(text: str) -> list[tuple[str, str]]:
    """(mount point, file-system type) from /proc/self/mountinfo; octal escapes (\\040 = space) decoded."""
    mounts: list[tuple[str, str]] = []
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        fields = left.split()
        if not sep or len(fields) < 5 or not right.split():
            continue
        point = fields[4].encode("latin-1", "backslashreplace").decode("unicode_escape")
        mounts.append((point, right.split()[0]))
    return mounts


def parse_bsd_mount(text: str) -> list[tuple[str, str]]:
    """(mount point, type) from macOS `mount` output: '//u@srv/share on /Volumes/share (smbfs, nodev, ...)'."""
    mounts: list[tuple[str, str]] = []
    for line in text.splitlines():
        _, sep, rest = line.partition(" on ")
        point, paren, opts = rest.rpartition(" (")
        if sep and paren:
            mounts.append((point, opts.split(",")[0].strip(" )")))
    return mounts


def mount_type(path: PurePath, mounts: Sequence[tuple[str, str]]) -> str | None:
    """The file-system type of the longest mount point containing path."""
    best: tuple[int, str] | None = None
    for point, fstype in mounts:
        root = PurePath(point)
        if path == root or root in path.parents:
            depth = len(root.parts)
            if best is None or depth > best[0]:
                best = (depth, fstype)
    return best[1] if best else None


def is_unc(path: str) -> bool:
    r"""\\server\share and \\?\UNC\server\share are network paths; \\?\C:\ is not."""
    if path.upper().startswith("\\\\?\\UNC\\"):
        return True
    return path.startswith(("\\\\", "//")) and not path.startswith(("\\\\?\\", "\\\\.\\"))


def _windows_is_network(path: Path) -> bool:
    text = str(path)
    if is_unc(text):
        return True
    drive = PureWindowsPath(text).drive
    if len(drive) == 2 and drive[1] == ":":
        import ctypes

        kernel32 = getattr(ctypes, "WinDLL")("kernel32")  # noqa: B009 (WinDLL exists only on Windows)
        return bool(kernel32.GetDriveTypeW(f"{drive}\\") == DRIVE_REMOTE)
    return False


def _current_mounts(platform: str) -> list[tuple[str, str]]:
    try:
        if platform.startswith("linux"):
            return parse_mountinfo(Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace"))
        if platform == "darwin":
            out = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=3, check=False).stdout
            return parse_bsd_mount(out)
    except (OSError, subprocess.SubprocessError):
        pass
    return []


def _probe(folder: Path) -> OSError | None:
    """Create and delete a file in the folder, or in its nearest existing parent: only a real write shows
    Controlled Folder Access (it is not in the ACL)."""
    target = folder
    while not target.exists() and target.parent != target:
        target = target.parent
    try:
        fd, name = tempfile.mkstemp(prefix=".sbq-probe-", dir=target)
        os.close(fd)
        os.unlink(name)
    except OSError as exc:
        return exc
    return None


def current_facts() -> FolderFacts:
    if sys.platform == "win32":
        names = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
        synced = [Path(os.environ[name]) for name in names if os.environ.get(name)]
        return FolderFacts("win32", _windows_is_network, _probe, tuple(synced))
    mounts = _current_mounts(sys.platform)
    return FolderFacts(sys.platform, lambda p: mount_type(p, mounts) in NETWORK_FS, _probe)


def default_export_choice() -> ExportFolderChoice:
    """For the composition root: Documents, or a local folder in the profile with the reason to show."""
    from platformdirs import user_data_path, user_documents_dir

    fallbacks = [Path.home() / SUBFOLDER, user_data_path("sbq-setup", "SmartBooqing", roaming=False) / "connectors"]
    return choose_export_folder(Path(user_documents_dir()), fallbacks, current_facts())


def demo_export_folder() -> Path:
    """A new private folder (mode 0700, random name) under the temp folder for the demo's connector files: a fixed
    name there could be created first by another user of the computer, with links planted in it."""
    return Path(tempfile.mkdtemp(prefix="sbq-demo-connectors-"))
