from __future__ import annotations

import base64
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import FAKE_DATA, FAKE_XML
from wizard.domain.credentials import Credential, parse_classic_token
from wizard.domain.errors import InputError
from wizard.domain.redact import MASK, RedactingFilter, redact

B64 = base64.b64encode(FAKE_XML.encode()).decode()
EXPECTED_HEADER = f"AfasToken {B64}"


@pytest.mark.parametrize(
    "pasted",
    [
        FAKE_XML,
        FAKE_DATA,
        FAKE_DATA.lower(),
        B64,
        f"AfasToken {B64}",
        f"  {FAKE_XML}  ",
        FAKE_XML.replace("><", ">\r\n<"),
        f"\u00a0{FAKE_DATA}\u00a0",
        f"\u200b{FAKE_DATA[:10]}\u200b{FAKE_DATA[10:]}\ufeff",
        FAKE_XML.replace("<", "&lt;").replace(">", "&gt;"),
        FAKE_XML.replace("<", "&amp;lt;").replace(">", "&amp;gt;"),
        f"{FAKE_DATA[:32]}\r\n{FAKE_DATA[32:]}",
    ],
)
def test_every_pasted_form_gives_the_same_header(pasted: str) -> None:
    token = parse_classic_token(pasted)
    assert token.authorization_header().lower() == EXPECTED_HEADER.lower() or (
        token.data.get_secret_value().upper() == FAKE_DATA
    )
    assert isinstance(token, Credential)


def test_uppercase_data_gives_exact_afas_header() -> None:
    assert parse_classic_token(FAKE_XML).authorization_header() == EXPECTED_HEADER


def test_hex_data_is_never_mistaken_for_base64() -> None:
    # 64 hex characters are also valid Base64; they must be read as the data part.
    assert parse_classic_token(FAKE_DATA).data.get_secret_value() == FAKE_DATA


@pytest.mark.parametrize(
    ("pasted", "fragment"),
    [
        ("", "empty"),
        ("   \r\n", "empty"),
        (FAKE_DATA[:-1], "63 characters"),
        (FAKE_DATA + "A", "65 characters"),
        (FAKE_DATA[:-1] + "G", "contains 'G'"),
        (FAKE_DATA + FAKE_DATA, "two tokens"),
        (FAKE_DATA + " " + FAKE_DATA, "two tokens"),
        (FAKE_XML + FAKE_XML, "Two tokens"),
        ("<token><version>1</version><data>" + FAKE_DATA, "incomplete"),
        ("Token: " + FAKE_XML, "extra text"),
        ("hello world", "characters 0-9 and A-F"),
    ],
)
def test_malformed_tokens_get_a_specific_message(pasted: str, fragment: str) -> None:
    with pytest.raises(InputError) as err:
        parse_classic_token(pasted)
    assert fragment in err.value.message.en
    assert err.value.message.nl != err.value.message.en


def test_secret_never_in_repr_str_or_exception() -> None:
    token = parse_classic_token(FAKE_XML)
    for text in (repr(token), str(token), token.model_dump_json(), str(token.model_dump())):
        assert FAKE_DATA not in text and B64 not in text
    with pytest.raises(InputError) as err:
        parse_classic_token(FAKE_DATA + "Z")
    assert FAKE_DATA not in str(err.value) and FAKE_DATA not in err.value.message.nl


def test_redaction_masks_every_form_in_logs(caplog: pytest.LogCaptureFixture) -> None:
    token = parse_classic_token(FAKE_XML)
    assert redact(f"x {FAKE_XML} y {B64} z {FAKE_DATA.lower()}") == f"x {MASK} y {MASK} z {MASK}"
    record = logging.LogRecord("t", logging.ERROR, __file__, 1, "sending %s", (token.authorization_header(),), None)
    RedactingFilter().filter(record)
    assert B64 not in record.getMessage() and MASK in record.getMessage()


@given(st.text(max_size=200))
def test_token_parser_raises_only_input_error(text: str) -> None:
    try:
        token = parse_classic_token(text)
    except InputError as exc:
        assert exc.message.en and exc.message.nl
    else:
        assert len(token.data.get_secret_value()) == 64


@given(st.text(alphabet="0123456789ABCDEF", min_size=64, max_size=64), st.sampled_from(["xml", "hex", "b64"]))
def test_any_valid_token_round_trips_in_every_form(data: str, form: str) -> None:
    xml = f"<token><version>1</version><data>{data}</data></token>"
    pasted = {"xml": xml, "hex": data, "b64": base64.b64encode(xml.encode()).decode()}[form]
    token = parse_classic_token(pasted)
    assert token.xml() == xml
    assert parse_classic_token(token.to_storage()) == token
