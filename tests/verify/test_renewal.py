"""The client secret's renewal end to end against the simulator: each stage's live proof (wizard.verify.renewal),
the revocation that did not take, and a window closed between stages (progress saved, the secret never)."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from typing import Any

from wizard.domain.oauth import OAuthClientCredentials, oauth_client_credentials
from wizard.flow import saved_state
from wizard.flow.renewal import RenewalState, Stage, pending_key
from wizard.flow.state import Mode, WizardState
from wizard.stores.secrets import SessionSecretStore
from wizard.verify import verify
from wizard.verify.renewal import (
    judge_check,
    judge_old_refused,
    judge_paste,
    keep_pending,
    pending,
    store_new,
    try_token,
)


def _new_secret(server: Any, admin: Any) -> OAuthClientCredentials:
    """Stage 1 in the simulated AFAS: a new secret next to the old one, as the user would paste it."""
    secret = admin.create_secret().get_secret_value()
    made = server.oauth_credentials
    assert made is not None and made.secret() == secret
    return oauth_client_credentials(made.client_id, secret, made.secret_expires)


def _walk_to_revoke(server: Any, admin: Any, store: SessionSecretStore) -> tuple[RenewalState, Any, Any]:
    env = server.environment
    old = server.oauth_credentials
    assert old is not None
    renewal = RenewalState()
    renewal.record(Stage.CREATE, True)
    new = _new_secret(server, admin)
    keep_pending(store, env.key, new)
    paste = judge_paste(new, old, asyncio.run(try_token(env, new)), asyncio.run(try_token(env, old)))
    assert paste.proved and "still for the old one" in paste.said.en
    paste.apply(renewal)
    check = judge_check(asyncio.run(verify(env, new)))
    assert check.proved, check.said.en
    check.apply(renewal)
    renewal.record(Stage.HANDOVER, True)  # the user's confirmation in the SmartBooqing portal
    assert renewal.current is Stage.REVOKE
    return renewal, old, new


def test_a_renewal_runs_through_every_stage(sim_factory: Any) -> None:
    server, admin = sim_factory("oauth-secret-expiring")
    store = SessionSecretStore()
    env = server.environment
    renewal, old, new = _walk_to_revoke(server, admin, store)
    store.save(env.key, old)
    # Before the revocation the old secret still works: stage 6 would send the user back to stage 5.
    renewal.record(Stage.REVOKE, True)
    admin.revoke_secret()
    refused = judge_old_refused(asyncio.run(try_token(env, old)))
    assert refused.proved and "refuses the old secret" in refused.said.en
    refused.apply(renewal)
    done = store_new(store, env.key, new)
    done.apply(renewal)
    assert renewal.complete
    kept = store.load(env.key)
    assert isinstance(kept, OAuthClientCredentials) and kept.secret() == new.secret()
    assert kept.secret_expires == new.secret_expires
    assert store.load(pending_key(env.key)) is None  # only the new secret is left


def test_a_revocation_that_did_not_take_reopens_the_revoke_stage_and_says_how(sim_factory: Any) -> None:
    server, admin = sim_factory("oauth-ready")
    admin.set_oauth_settings(revocation_takes=False)
    renewal, old, _new = _walk_to_revoke(server, admin, SessionSecretStore())
    renewal.record(Stage.REVOKE, True)
    admin.revoke_secret()
    verdict = judge_old_refused(asyncio.run(try_token(server.environment, old)))
    verdict.apply(renewal)
    assert not verdict.proved and renewal.current is Stage.REVOKE
    assert "revocation did not happen" in verdict.said.en and "intrekken is niet gelukt" in verdict.said.nl


def test_pasting_the_old_secret_again_is_not_a_renewal(sim_factory: Any) -> None:
    server, _admin = sim_factory("oauth-ready")
    old = server.oauth_credentials
    verdict = judge_paste(old, old, None, None)
    assert not verdict.proved and "not a new one" in verdict.said.en


def test_a_closed_window_resumes_at_the_open_stage_with_the_secret_from_the_password_store(
    sim_factory: Any,
) -> None:
    server, admin = sim_factory("oauth-ready")
    store = SessionSecretStore()  # stands for the OS keyring, which outlives the window
    renewal, _old, new = _walk_to_revoke(server, admin, store)
    renewal.new_expires = new.secret_expires
    state = WizardState(mode=Mode.RENEW, organisation="Demo BV", renewal=renewal)
    saved = json.dumps(saved_state.save(state))
    assert new.secret() not in saved  # progress only, never the secret
    resumed = saved_state.restore(json.loads(saved))
    assert resumed.mode is Mode.RENEW and resumed.renewal is not None
    assert resumed.renewal.current is Stage.REVOKE and resumed.renewal.new_expires == new.secret_expires
    back = pending(store, server.environment.key)
    assert back is not None and back.secret() == new.secret()
    assert isinstance(resumed.renewal.new_expires, dt.date)
