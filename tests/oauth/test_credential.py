"""The OAuth client credential: what a pasted client id / secret must look like, redaction, keyring round trip."""

from __future__ import annotations

import base64
import datetime as dt
import json
from urllib.parse import unquote_plus

import pytest
from pydantic import SecretStr

from tests.conftest import FAKE_XML
from tests.oauth.conftest import CLIENT_ID, SECRET
from wizard.domain import redact
from wizard.domain.credentials import Credential, HeaderCredential, credential_from_storage, parse_classic_token
from wizard.domain.errors import InputError
from wizard.domain.oauth import (
    OAuthClientCredentials,
    is_oauth_storage,
    oauth_client_credentials,
    parse_oauth_storage,
)


def test_pasted_values_are_cleaned_of_whitespace_and_invisible_characters() -> None:
    cred = oauth_client_credentials(f"  \u200b{CLIENT_ID}\n", f"\ufeff{SECRET} \t")
    assert cred.client_id == CLIENT_ID
    assert cred.secret() == SECRET


@pytest.mark.parametrize(
    ("client_id", "en_part", "nl_part"),
    [
        ("", "empty", "leeg"),
        ("   \u200b ", "empty", "leeg"),
        ("fa4e0000 c11e", "two values", "twee waarden"),
        ("fa4e\u00a0c11e", "two values", "twee waarden"),
        ("fa4e c11e 4700", "a space", "een spatie"),
        ("fa4e\tc11e", "two values", "twee waarden"),
        ("fa4e\x07c11e", "control", "stuurtekens"),
        ("fa4e\x00c11e", "control", "stuurtekens"),
        ("x" * 201, "201 characters", "201 tekens"),
    ],
)
def test_a_client_id_that_cannot_be_one_is_refused_in_both_languages(
    client_id: str, en_part: str, nl_part: str
) -> None:
    with pytest.raises(InputError) as caught:
        oauth_client_credentials(client_id, SECRET)
    assert en_part in caught.value.text("en")
    assert nl_part in caught.value.text("nl")
    assert SECRET not in str(caught.value)


def test_a_guid_and_other_plain_client_ids_are_accepted() -> None:
    for client_id in (CLIENT_ID, "SmartBooqing.App_1", "x" * 200):
        assert oauth_client_credentials(client_id, SECRET).client_id == client_id


@pytest.mark.parametrize(
    ("secret", "en_part"),
    [("", "empty"), ("0FA4E5EC 0FA4E5EC0FA4E5EC", "spaces"), ("0FA4E5EC\n0FA4E5EC0FA4E5EC", "line breaks"),
     ("0FA4E5EC", "8 characters"), ("A" * 1025, "1025 characters")],
)  # fmt: skip
def test_a_bad_secret_is_refused_without_quoting_it(secret: str, en_part: str) -> None:
    with pytest.raises(InputError) as caught:
        oauth_client_credentials(CLIENT_ID, secret)
    assert en_part in caught.value.text("en")
    assert caught.value.text("nl") != caught.value.text("en")
    for part in ("0FA4E5EC", "AAAAAAAA"):
        assert part not in caught.value.text("en") + caught.value.text("nl") + repr(caught.value)


def test_building_the_model_directly_validates_too() -> None:
    with pytest.raises(InputError):
        OAuthClientCredentials(client_id="a b", client_secret=SecretStr(SECRET))
    with pytest.raises(InputError):
        OAuthClientCredentials(client_id=CLIENT_ID, client_secret=SecretStr(""))


def test_it_is_a_credential_without_a_static_header() -> None:
    cred: Credential = oauth_client_credentials(CLIENT_ID, SECRET)
    assert isinstance(cred, Credential)
    assert cred.kind == "oauth-client-credentials"
    assert not isinstance(cred, HeaderCredential)  # it first exchanges its secret for an access token
    assert isinstance(parse_classic_token(FAKE_XML), HeaderCredential)


def test_the_keyring_form_of_either_kind_comes_back_as_that_kind() -> None:
    cred = oauth_client_credentials(CLIENT_ID, SECRET, dt.date(2027, 6, 1))
    again = credential_from_storage(cred.to_storage())
    assert isinstance(again, OAuthClientCredentials)
    assert (again.client_id, again.secret(), again.secret_expires) == (CLIENT_ID, SECRET, dt.date(2027, 6, 1))
    classic = credential_from_storage(parse_classic_token(FAKE_XML).to_storage())
    assert classic.kind == "classic-token"
    with pytest.raises(InputError) as caught:
        credential_from_storage('{"kind": "oauth-client-credentials", "client_id": 1}')
    assert "damaged" in caught.value.message.en


def test_basic_header_is_urlencoded_id_colon_secret() -> None:
    cred = oauth_client_credentials("id+with/odd", "s3cret&with=odd+chars/ok")
    raw = base64.b64decode(cred.basic_header().removeprefix("Basic ")).decode()
    assert raw == "id%2Bwith%2Fodd:s3cret%26with%3Dodd%2Bchars%2Fok"
    assert [unquote_plus(part) for part in raw.split(":")] == ["id+with/odd", "s3cret&with=odd+chars/ok"]


def test_every_secret_form_is_redacted_and_none_is_in_repr() -> None:
    cred = oauth_client_credentials(CLIENT_ID, "s3cret&with=odd+chars/ok", dt.date(2027, 3, 1))
    forms = cred.secret_forms()
    assert "s3cret&with=odd+chars/ok" in forms
    assert cred.basic_header() in forms
    assert "client_secret=s3cret%26with%3Dodd%2Bchars%2Fok" in forms
    for form in forms:
        assert redact.MASK in redact.redact(f"AFAS said: {form}.")
        assert form not in redact.redact(f"AFAS said: {form}.")
    for shown in (repr(cred), str(cred), f"{cred}", cred.model_dump_json(), cred.fingerprint()):
        assert "s3cret&with=odd+chars/ok" not in shown
    assert cred.fingerprint() == f"{CLIENT_ID} …s/ok"


@pytest.mark.parametrize("expires", [None, dt.date(2027, 3, 1)])
def test_storage_round_trip_is_one_json_entry(expires: dt.date | None) -> None:
    cred = oauth_client_credentials(CLIENT_ID, SECRET, expires)
    stored = cred.to_storage()
    assert json.loads(stored) == {
        "kind": "oauth-client-credentials",
        "client_id": CLIENT_ID,
        "secret": SECRET,
        "expires": expires.isoformat() if expires else None,
    }
    assert is_oauth_storage(stored)
    again = parse_oauth_storage(stored)
    assert again == cred
    assert again.secret_expires == expires


def test_a_classic_token_in_the_keyring_is_not_taken_for_oauth() -> None:
    assert not is_oauth_storage(FAKE_XML)


@pytest.mark.parametrize(
    "stored",
    [
        "{",
        "[]",
        json.dumps({"kind": "private-key-jwt", "client_id": CLIENT_ID, "secret": SECRET, "expires": None}),
        json.dumps({"client_id": CLIENT_ID, "secret": 5, "expires": None}),
        json.dumps({"client_id": CLIENT_ID, "secret": SECRET, "expires": "next spring"}),
        json.dumps({"client_id": "a b", "secret": SECRET, "expires": None}),
        '{"a":' * 100_000 + "1" + "}" * 100_000,  # deeper than Python recurses (issue 23 item 4)
    ],
)
def test_a_damaged_keyring_entry_is_an_input_error_that_never_quotes_it(stored: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_oauth_storage(stored)
    assert SECRET not in str(caught.value) + caught.value.text("nl") + repr(caught.value)
