"""Suite-wide setup: offscreen Qt, no real user keyring or settings touched, fake-only secrets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Shared fixtures: a private D-Bus + gnome-keyring (`secret_service`), a private copy of connectors/ (`bundle_dir`),
# a hostile HTTP server and a recording proxy on loopback (`hostile_server`, `recording_proxy`).
pytest_plugins = [
    "tests.secret_service",
    "tests.gcn_samples",
    "tests.afas.hostile_server",
    "tests.afas.recording_proxy",
]

# Before any Qt import: CI has no display, and a developer's desktop must not flash windows during tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Obviously fake token data used across the suite (never a real-looking credential).
FAKE_DATA = "CA11AB1ECA11AB1ECA11AB1ECA11AB1ECA11AB1ECA11AB1ECA11AB1ECA11AB1E"
FAKE_XML = f"<token><version>1</version><data>{FAKE_DATA}</data></token>"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Two workers per core (capped by --maxprocesses): the GUI tours and the loopback tests spend much of their time
    waiting on timers and servers. On 2 cores the suite took 190 s with 2 workers, 134 s with 4 (and with 6)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return 2 * cores


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every per-user folder (settings, progress, Documents) into a temporary directory."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_DOCUMENTS_DIR", "Documents"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("SBQ_HOME_FOR_TESTS", str(home))
    monkeypatch.delenv("SBQ_AFAS_TOKEN", raising=False)
    for var in ("SBQ_AFAS_CLIENT_ID", "SBQ_AFAS_CLIENT_SECRET"):  # the OAuth client's, like the token's
        monkeypatch.delenv(var, raising=False)
    return home
