"""Issue 12 item 13: a plaintext keyring backend is refused, even when keyring's own configuration chose it
(PYTHON_KEYRING_BACKEND, keyringrc.cfg), and the user is told which one and why, in both languages.

keyrings.alt is not a dependency of ours, so a stand-in with the same dotted path (keyrings.alt.file.PlaintextKeyring,
a file-backed store as the real one is) is put on the path; keyring loads it through its own configuration."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from tests.conftest import FAKE_XML
from wizard.domain.credentials import parse_classic_token
from wizard.stores.secrets import KeyringSecretStore, SecretStoreError, describe_backend

ROOT = Path(__file__).resolve().parents[2]
NAME = "keyrings.alt.file.PlaintextKeyring"

STAND_IN = '''
import json, os
from keyring.backend import KeyringBackend


class PlaintextKeyring(KeyringBackend):
    """Like keyrings.alt's: secrets in a plain file."""

    priority = 0.5

    @property
    def file_path(self):
        return os.path.join(os.environ.get("STAND_IN_DIR", "."), "keyring_pass.cfg")

    def _load(self):
        try:
            with open(self.file_path) as f:
                return json.load(f)
        except FileNotFoundError:
            return {}

    def get_password(self, service, username):
        return self._load().get(service + "/" + username)

    def set_password(self, service, username, password):
        data = self._load()
        data[service + "/" + username] = password
        with open(self.file_path, "w") as f:
            json.dump(data, f)

    def delete_password(self, service, username):
        data = self._load()
        data.pop(service + "/" + username)
        with open(self.file_path, "w") as f:
            json.dump(data, f)
'''


@pytest.fixture
def stand_in(tmp_path: Path) -> Path:
    package = tmp_path / "site" / "keyrings" / "alt"
    package.mkdir(parents=True)
    (package.parent / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "file.py").write_text(STAND_IN)
    return tmp_path / "site"


def _sbq(stand_in: Path, tmp_path: Path, lang: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k not in ("SBQ_AFAS_TOKEN", "PYTHON_KEYRING_BACKEND")}
    full.update({"PYTHONPATH": os.pathsep.join([str(ROOT), str(stand_in)]), "STAND_IN_DIR": str(tmp_path), **env})
    return subprocess.run(
        [sys.executable, "-m", "wizard.cli.main", "verify", "--environment", "O12345AA", "--lang", lang],
        check=False,
        capture_output=True,
        text=True,
        env=full,
        timeout=60,
        cwd=ROOT,
    )


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_plaintext_backend_chosen_by_the_environment_variable_is_refused(
    stand_in: Path, tmp_path: Path, lang: str
) -> None:
    done = _sbq(stand_in, tmp_path, lang, PYTHON_KEYRING_BACKEND=NAME)
    assert done.returncode == 2, done.stderr
    assert NAME in done.stderr and "PYTHON_KEYRING_BACKEND" in done.stderr
    assert ("a file" in done.stderr) if lang == "en" else ("een bestand" in done.stderr)
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_plaintext_backend_chosen_in_keyringrc_is_refused(stand_in: Path, tmp_path: Path) -> None:
    config = tmp_path / "config"
    (config / "python_keyring").mkdir(parents=True)
    rc = config / "python_keyring" / "keyringrc.cfg"
    rc.write_text(f"[backend]\ndefault-keyring={NAME}\n")
    done = _sbq(stand_in, tmp_path, "en", XDG_CONFIG_HOME=str(config))
    assert done.returncode == 2, done.stderr
    assert NAME in done.stderr and str(rc) in done.stderr


def test_the_token_never_lands_in_a_plaintext_file(
    stand_in: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(stand_in))
    monkeypatch.setenv("STAND_IN_DIR", str(tmp_path))
    module = importlib.import_module("keyrings.alt.file")
    # keyring registers every backend class it sees: take the stand-in out, or later tests' default could be it.
    KeyringBackend._classes.discard(module.PlaintextKeyring)
    try:
        backend = module.PlaintextKeyring()
        store = KeyringSecretStore(backend)
        with pytest.raises(SecretStoreError) as err:
            store.save("O12345", parse_classic_token(FAKE_XML))
        assert err.value.kind == "unavailable"
        assert NAME in err.value.message.en and NAME in err.value.message.nl
        assert "this session only" in err.value.message.en  # the GUI's way out
        assert not (tmp_path / "keyring_pass.cfg").exists()
        info = describe_backend(backend)
        assert not info.available  # the wizard does not offer it as a place to save
    finally:
        for name in [m for m in sys.modules if m == "keyrings" or m.startswith("keyrings.")]:
            del sys.modules[name]


def test_keyrings_own_null_backend_is_refused() -> None:
    from keyring.backends.null import Keyring as NullKeyring

    with pytest.raises(SecretStoreError) as err:
        KeyringSecretStore(NullKeyring()).save("O12345", parse_classic_token(FAKE_XML))
    assert "keyring.backends.null" in err.value.message.en and "stores nothing" in err.value.message.en
