"""Issue 22 item 6: `diagnose --json` gives each key once with nulls as null, and `diagnose` says what to do when no
keyring is usable, for the user's own OS and never by suggesting a plaintext store."""

from __future__ import annotations

import json
import sys

import pytest

from wizard.cli.main import main
from wizard.domain.text import Text
from wizard.stores import keyring_backend
from wizard.stores.keyring_backend import BackendFamily, BackendInfo


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    keys = [key for key, _ in pairs]
    assert len(keys) == len(set(keys)), keys
    return dict(pairs)


def test_json_has_each_key_once_and_null_for_what_is_not_known(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diagnose", "--json", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out, object_pairs_hook=_no_duplicates)
    assert data["organisation"] is None and data["last_check"] is None and data["login_stored_in"] is None
    assert "(not yet)" not in out and "(nog niet)" not in out
    assert data["frozen"] is False and data["pyside6"]


def test_a_bundle_says_so_once(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert main(["diagnose", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["frozen"] is True  # the fact and the extra no longer overwrite each other
    assert main(["diagnose", "--lang", "en"]) == 0
    assert "Installed as:" in capsys.readouterr().out.replace("  ", " ")


@pytest.mark.parametrize(
    ("system", "says", "never"),
    [("Linux", "GNOME Keyring", "Credential Manager"), ("Windows", "Credential Manager", "GNOME")],
)
def test_no_usable_keyring_comes_with_what_to_do(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, system: str, says: str, never: str
) -> None:
    none = BackendInfo(
        name="keyring.backends.fail.Keyring",
        family=BackendFamily.NONE,
        location=Text(en="nowhere", nl="nergens"),
        available=False,
    )
    monkeypatch.setattr(keyring_backend, "describe_backend", lambda *a, **k: none)
    monkeypatch.setattr("wizard.stores.secrets.describe_backend", lambda *a, **k: none)
    monkeypatch.setattr("platform.system", lambda: system)
    assert main(["diagnose", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Keyring usable:" in out and "What to do:" in out and says in out and never not in out
    assert "plaintext" not in out.lower() and "PlaintextKeyring" not in out


def test_diagnose_reads_the_last_saved_setup(capsys: pytest.CaptureFixture[str]) -> None:
    import datetime as dt

    from wizard.domain.environment import parse_environment
    from wizard.flow import saved_state
    from wizard.flow.state import AuthKind, ProfitClient, VerificationSummary, WizardState
    from wizard.stores.progress import OrganisationProgress, ProgressStore

    state = WizardState(
        organisation="Bakkerij De Vries",
        environment=parse_environment("O12345AA"),
        auth_choice=AuthKind.OAUTH,
        profit_client=ProfitClient.APP,
        secret_expires=dt.date(2027, 5, 1),
        verification=VerificationSummary(
            passed=30,
            failed=1,
            failing=(Text(en="GetConnector SBQ_BTW", nl="GetConnector SBQ_BTW"),),
            checked_at=dt.datetime(2026, 12, 6, 14, 3, tzinfo=dt.UTC),
        ),
    )
    ProgressStore().save(OrganisationProgress.from_wizard("O12345", saved_state.save(state)))
    assert main(["diagnose", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["organisation"] == "Bakkerij De Vries" and data["environment"] == "O12345AA"
    assert data["login"] == "oauth" and data["profit_client"] == "app" and data["mode"] == "real"
    assert data["secret_expires"] == "2027-05-01" and data["failing_checks"] == ["GetConnector SBQ_BTW"]
    assert data["current_step"] == "connector-files"  # where the wizard would go on: nothing exported yet
    assert main(["diagnose", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert "Profit-app via Extern bureaublad" in out and "1 mei 2027" in out and "14:03 UTC" in out
