"""The helpdesk's facts (shared by `sbq-setup diagnose` and the wizard's panel) and OS-aware keyring advice."""

from __future__ import annotations

import pytest

from tests.conftest import FAKE_DATA
from wizard.domain.text import Lang
from wizard.flow.state import AuthKind, VerificationSummary
from wizard.stores.diagnostics import Session, as_text, helpdesk_facts, last_saved_session
from wizard.stores.keyring_help import no_keyring_message
from wizard.stores.progress import OrganisationProgress, ProgressStore, VerificationCounts


def test_facts_are_labelled_in_the_readers_language() -> None:
    session = Session(
        organisation="Bakkerij De Vries", environment="O12345AA", last_check=VerificationSummary(passed=30)
    )
    nl = as_text(helpdesk_facts(Lang.NL, session), Lang.NL)
    en = as_text(helpdesk_facts(Lang.EN, session), Lang.EN)
    assert "Besturingssysteem:" in nl and "Organisatie:" in nl and "Bakkerij De Vries" in nl and "30 in orde" in nl
    assert "Operating system:" in en and "AFAS environment:" in en and "O12345AA" in en
    keys = [fact.key for fact in helpdesk_facts(Lang.EN)]
    for key in ("version", "build", "os", "keyring_backend", "environment", "organisation", "last_check"):
        assert key in keys


def test_a_token_typed_as_organisation_name_is_not_shown() -> None:
    text = as_text(helpdesk_facts(Lang.EN, Session(organisation=f"Org {FAKE_DATA}")), Lang.EN)
    assert FAKE_DATA not in text


def test_diagnose_knows_the_last_saved_organisation() -> None:
    assert last_saved_session() == Session()  # nothing saved yet (the tests' own empty home)
    store = ProgressStore()
    store.save(
        OrganisationProgress(
            env_key="O12345",
            env_id="O12345AA",
            organisation="Bakkerij De Vries",
            last_summary=VerificationCounts(passed=34, warnings=1),
        )
    )
    session = last_saved_session()
    assert session.organisation == "Bakkerij De Vries" and session.environment == "O12345AA"
    text = as_text(helpdesk_facts(Lang.NL, session), Lang.NL)
    assert "34 in orde, 1 met een waarschuwing" in text


@pytest.mark.parametrize(
    ("system", "says", "never"),
    [
        ("Windows", "Windows Credential Manager", "GNOME"),
        ("Darwin", "macOS Keychain", "GNOME"),
        ("Linux", "GNOME Keyring", "Windows"),
    ],
)
def test_keyring_advice_names_only_the_users_own_os(system: str, says: str, never: str) -> None:
    message = no_keyring_message(system)
    assert says in message.en and never not in message.en and never not in message.nl


def test_the_last_check_counts_add_up_to_the_checks_that_ran() -> None:
    summary = VerificationSummary(passed=33, manual=1, info=1)  # the classic demo: 35 checks
    facts = {fact.key: fact for fact in helpdesk_facts(Lang.NL, Session(last_check=summary))}
    assert facts["last_check"].value == "33 in orde, 1 zelf te controleren, 1 ter informatie"
    assert facts["last_check"].json["to_check_yourself"] == 1 and facts["last_check"].json["for_your_information"] == 1


def test_a_classic_connection_has_no_client_secret_to_wait_for() -> None:
    facts = {fact.key: fact for fact in helpdesk_facts(Lang.NL, Session(login=AuthKind.CLASSIC))}
    assert facts["secret_expires"].value is not None and "klassiek token" in facts["secret_expires"].value
    assert facts["secret_expires"].json is None  # nothing to expire
