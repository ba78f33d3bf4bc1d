"""A keyring entry another program or an attacker filled with deeply nested or huge JSON is a damaged entry in
the user's words, never a crash (issue 23 item 4, the keyring part)."""

from __future__ import annotations

import json

import pytest

from tests.stores.test_secrets import ENV, MemoryKeyring
from wizard.stores.secrets import SERVICE, KeyringSecretStore, SecretStoreError

DEEP = 100_000  # far past Python's recursion limit


@pytest.mark.parametrize(
    "entry",
    [
        "[" * DEEP + "]" * DEEP,  # the entry itself
        json.dumps({"kind": "oauth-client-credentials", "secret": '{"a":' * DEEP + "1" + "}" * DEEP}),
    ],
    ids=["nested-entry", "nested-oauth-client"],
)
def test_a_hostile_entry_is_reported_as_damaged(entry: str) -> None:
    backend = MemoryKeyring()
    backend.set_password(SERVICE, ENV, entry)
    with pytest.raises(SecretStoreError) as err:
        KeyringSecretStore(backend, timeout=10).load(ENV)
    assert err.value.kind == "failed"
    assert "is damaged" in err.value.message.en and "is beschadigd" in err.value.message.nl
