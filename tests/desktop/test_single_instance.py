"""The mutex the installer checks: the same name on both sides, and harmless off Windows."""

from __future__ import annotations

from pathlib import Path

from wizard.desktop.single_instance import MUTEX_NAME, hold_running_mutex

NSI = Path(__file__).resolve().parents[2] / "packaging" / "windows" / "installer.nsi"


def test_no_mutex_off_windows() -> None:
    with hold_running_mutex(platform="linux") as held:
        assert held is False


def test_the_installer_checks_the_name_the_app_holds() -> None:
    text = NSI.read_text(encoding="utf-8")
    assert f'!define RUNNING_MUTEX "{MUTEX_NAME}"' in text
