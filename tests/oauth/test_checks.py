"""What verification says about an OAuth secret's expiry and about a classic token refused under OAuth."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from tests.conftest import FAKE_XML
from tests.oauth.conftest import CLIENT_ID, SECRET
from wizard.data import screens
from wizard.domain.credentials import parse_classic_token
from wizard.domain.oauth import oauth_client_credentials
from wizard.verify.oauth_checks import (
    classic_refused_by_oauth,
    classic_sunset_applies,
    secret_expiry_warning,
)
from wizard.verify.remedies import classic_maybe_oauth

TODAY = dt.date(2027, 2, 1)


@pytest.mark.parametrize(
    ("expires", "en", "nl"),
    [
        (TODAY + dt.timedelta(days=31), None, None),  # 30 days + 1: no warning yet
        (TODAY + dt.timedelta(days=29), "expires on 2 March 2027, in 29 days", "verloopt op 2 maart 2027"),
        (dt.date(2027, 2, 2), "expires tomorrow (2 February 2027)", "verloopt morgen (2 februari 2027)"),
        (TODAY, "expires today (1 February 2027)", "verloopt vandaag (1 februari 2027)"),
        (dt.date(2027, 1, 31), "expired on 31 January 2027", "verlopen op 31 januari 2027"),
    ],
)
def test_a_secret_expiring_within_30_days_warns_with_its_date(expires: dt.date, en: str | None, nl: str | None) -> None:
    warning = secret_expiry_warning(oauth_client_credentials(CLIENT_ID, SECRET, expires), TODAY, app="SmartBooqing")
    if en is None:
        assert warning is None
        return
    assert warning is not None and nl is not None
    assert en in warning.en and nl in warning.nl
    s = screens()
    secret_path = s.app_connector_list.menu.then("SmartBooqing", s.app_connector.fields.client_secret).text
    assert secret_path.en in warning.en and secret_path.nl in warning.nl
    assert SECRET not in warning.en + warning.nl


def test_exactly_30_days_ahead_warns() -> None:
    cred = oauth_client_credentials(CLIENT_ID, SECRET, TODAY + dt.timedelta(days=30))
    assert secret_expiry_warning(cred, TODAY) is not None


def test_no_expiry_date_or_a_classic_token_gives_no_secret_warning() -> None:
    assert secret_expiry_warning(oauth_client_credentials(CLIENT_ID, SECRET), TODAY) is None
    assert secret_expiry_warning(parse_classic_token(FAKE_XML), TODAY) is None


def test_the_classic_sunset_warning_is_for_classic_tokens_only() -> None:
    assert classic_sunset_applies(parse_classic_token(FAKE_XML))
    assert not classic_sunset_applies(oauth_client_credentials(CLIENT_ID, SECRET))


def test_a_bare_401_does_not_claim_the_app_connector_is_on_oauth() -> None:
    assert classic_refused_by_oauth(httpx.Headers()) is None
    assert classic_refused_by_oauth({"WWW-Authenticate": "AfasToken"}) is None
    assert classic_refused_by_oauth({"www-authenticate": 'DPoP error="invalid_token"'}) is not None
    maybe = classic_maybe_oauth()
    assert "Authenticatietype" in maybe.en and "Authenticatietype" in maybe.nl
