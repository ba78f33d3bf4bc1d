from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wizard.domain.environment import EnvType, parse_environment
from wizard.domain.errors import InputError


@pytest.mark.parametrize(
    ("text", "rest", "soap"),
    [
        ("O12345AA", "https://12345.rest.afas.online/ProfitRestServices", "https://12345.soap.afas.online/profitservices"),
        ("T12345AA", "https://12345.resttest.afas.online/ProfitRestServices", "https://12345.soaptest.afas.online/profitservices"),
        ("A12345AA", "https://12345.restaccept.afas.online/ProfitRestServices", "https://12345.soapaccept.afas.online/profitservices"),
        (" o12345aa\n", "https://12345.rest.afas.online/ProfitRestServices", "https://12345.soap.afas.online/profitservices"),
        ("A123456AC", "https://123456.restaccept.afas.online/ProfitRestServices", "https://123456.soapaccept.afas.online/profitservices"),
    ],
)  # fmt: skip
def test_environment_ids_map_to_afas_urls(text: str, rest: str, soap: str) -> None:
    env = parse_environment(text)
    assert env.rest_base_url == rest
    assert env.soap_base_url == soap


def test_number_needs_a_type_and_then_maps() -> None:
    with pytest.raises(InputError) as err:
        parse_environment("12345")
    assert "production, test or accept" in err.value.message.en
    assert "productie, test of accept" in err.value.message.nl
    env = parse_environment("12345", "test")
    assert env.env_id == "T12345AA" and env.type is EnvType.TEST


def test_conflicting_type_is_refused() -> None:
    with pytest.raises(InputError, match="production environment, but test"):
        parse_environment("O12345AA", EnvType.TEST)


@pytest.mark.parametrize("text", ["1234", "O1234AA", "1234567", "", "   ", "X12345AA", "O12345A", "hello"])
def test_wrong_environment_numbers_get_specific_messages(text: str) -> None:
    with pytest.raises(InputError) as err:
        parse_environment(text, "production")
    assert err.value.message.en and err.value.message.nl
    assert err.value.message.en != err.value.message.nl


def test_custom_url_must_be_https_unless_loopback() -> None:
    with pytest.raises(InputError, match="https"):
        parse_environment("O12345AA", base_url="http://profit.example.nl/ProfitRestServices")
    env = parse_environment("O12345AA", base_url="https://profit.example.nl/")
    assert env.rest_base_url == "https://profit.example.nl/ProfitRestServices"
    assert env.soap_base_url == "https://profit.example.nl/profitservices"
    local = parse_environment("O12345AA", base_url="http://127.0.0.1:8123/ProfitRestServices/")
    assert local.rest_base_url == "http://127.0.0.1:8123/ProfitRestServices"
    assert parse_environment("O12345AA", base_url="http://[::1]:9/x").rest_base_url == "http://[::1]:9/x"
    explicit = parse_environment(
        "O12345AA",
        base_url="https://a.example/ProfitRestServices",
        soap_url="https://b.example/profitservices",
    )
    assert explicit.soap_base_url == "https://b.example/profitservices"


def test_keys_separate_environments_and_custom_hosts() -> None:
    keys = {
        parse_environment("O12345AA").key,
        parse_environment("T12345AA").key,
        parse_environment("O12346AA").key,
        parse_environment("O12345AA", base_url="http://127.0.0.1:1/").key,
    }
    assert len(keys) == 4


@given(st.text(max_size=30), st.sampled_from([None, "production", "test", "accept"]))
def test_parser_never_raises_anything_but_input_error(text: str, env_type: str | None) -> None:
    try:
        env = parse_environment(text, env_type)
    except InputError as exc:
        assert exc.message.en and exc.message.nl
    else:
        assert env.rest_base_url.startswith(f"https://{env.number}.rest")


@given(st.sampled_from("OTA"), st.integers(10000, 999999), st.sampled_from(["AA", "AB", "ZZ"]))
def test_every_valid_id_round_trips(prefix: str, number: int, suffix: str) -> None:
    env = parse_environment(f"{prefix}{number}{suffix}")
    assert env.env_id == f"{prefix}{number}{suffix}"


def test_dates_read_as_a_bookkeeper_reads_them() -> None:
    import datetime as dt

    from wizard.domain.text import Text, long_date

    day = long_date(dt.date(2027, 8, 31))
    assert (day.en, day.nl) == ("31 August 2027", "31 augustus 2027")
    text = Text(en="until {d}", nl="tot {d}").format(d=day)
    assert (text.en, text.nl) == ("until 31 August 2027", "tot 31 augustus 2027")
