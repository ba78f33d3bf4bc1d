r"""A wizard inside Remote Desktop or Citrix shows local paths, not \\Client\C$ (that is the bookkeeper's own PC)."""

from __future__ import annotations

from pathlib import PureWindowsPath

import pytest

from wizard.desktop.remote import SessionFacts, import_dialog_path, is_remote_session


@pytest.mark.parametrize(
    ("facts", "remote"),
    [
        (SessionFacts("win32", {"SESSIONNAME": "Console"}, remote_metric=False), False),
        (SessionFacts("win32", {}, remote_metric=None), False),
        (SessionFacts("win32", {"SESSIONNAME": "Console"}, remote_metric=True), True),
        (SessionFacts("win32", {"SESSIONNAME": "RDP-Tcp#3"}, remote_metric=None), True),
        (SessionFacts("win32", {"SESSIONNAME": "ICA-CGP#12"}, remote_metric=False), True),
        (SessionFacts("win32", {"SESSIONNAME": "ica-tcp#0"}), True),
        (SessionFacts("darwin", {"SESSIONNAME": "RDP-Tcp#3"}, remote_metric=True), False),
        (SessionFacts("win32", {"SESSIONNAME": "Console", "SBQ_REMOTE_SESSION": "1"}), True),  # Citrix VDI
        (SessionFacts("win32", {"SESSIONNAME": "RDP-Tcp#3", "SBQ_REMOTE_SESSION": "0"}), False),
    ],
)
def test_is_remote_session(facts: SessionFacts, remote: bool) -> None:
    assert is_remote_session(facts) is remote


def test_the_import_dialog_path() -> None:
    local = PureWindowsPath(r"C:\Users\an\Documents\SmartBooqing AFAS\SBQ_BTW.gcn")
    client = r"\\Client\C$\Users\an\Documents\SmartBooqing AFAS\SBQ_BTW.gcn"
    assert import_dialog_path(local, client, remote=False) == client
    assert import_dialog_path(local, client, remote=True) == str(local)


def test_detection_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SBQ_REMOTE_SESSION", "1")
    assert import_dialog_path("/tmp/x.gcn", r"\\Client\C$\x.gcn") == "/tmp/x.gcn"
    monkeypatch.setenv("SBQ_REMOTE_SESSION", "0")
    assert import_dialog_path("/tmp/x.gcn", r"\\Client\C$\x.gcn") == r"\\Client\C$\x.gcn"
