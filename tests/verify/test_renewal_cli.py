"""`sbq-setup verify` and the client secret's expiry: the date and days left in the table and the JSON, the warnings
at 30 and 7 days, exit 1 with the renewal once the date has passed; --demo honours --secret-expires and refuses the
options it would ignore."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from wizard.cli.main import main

pytestmark = pytest.mark.loopback


def _demo(capsys: pytest.CaptureFixture[str], days: int, *extra: str) -> tuple[int, str]:
    expires = (dt.date.today() + dt.timedelta(days=days)).isoformat()
    code = main(["verify", "--demo", "--auth", "oauth", "--secret-expires", expires, "--lang", "en", *extra])
    out = capsys.readouterr()
    return code, out.out


@pytest.mark.parametrize(
    ("days", "level", "said"),
    [
        (90, "ok", "90 days left."),
        (20, "soon", "Plan the renewal"),
        (5, "urgent", "Renew it this week"),
    ],
)
def test_the_json_has_the_date_and_days_left_and_warns_in_time(
    capsys: pytest.CaptureFixture[str], days: int, level: str, said: str
) -> None:
    code, out = _demo(capsys, days, "--json")
    expiry = json.loads(out)["secret_expiry"]
    assert code == 0
    assert expiry["expires"] == (dt.date.today() + dt.timedelta(days=days)).isoformat()  # honoured, not the sim's
    assert expiry["days_left"] == days and expiry["level"] == level and said in expiry["message"]


def test_the_table_shows_the_date_above_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _demo(capsys, 5)
    lines = out.strip().splitlines()
    assert code == 0
    assert "5 days left" in lines[-2] and "Renew the client secret" in lines[-2]
    assert lines[-1].startswith("All in order")


def test_a_passed_date_fails_with_the_renewal_as_the_remedy(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _demo(capsys, -2)
    assert code == 1
    assert out.strip().splitlines()[-1].startswith("Not in order") and "Renew the client secret" in out
    code, out = _demo(capsys, -2, "--json")
    data = json.loads(out)
    assert code == 1 and data["summary"]["exit_code"] == 1 and data["summary"]["ok"] is False
    assert data["secret_expiry"]["level"] == "expired"


@pytest.mark.parametrize(
    "argv",
    [
        ["verify", "--demo", "--token-file", "token.xml"],
        ["verify", "--demo", "--client-id", "abc"],
        ["verify", "--demo", "--environment", "O12345AA"],
        ["verify", "--environment", "O12345AA", "--auth", "oauth"],
        ["verify", "--demo", "--secret-expires", "2027-05-01"],  # the classic demo has no client secret
        ["verify", "--demo", "--client-auth", "basic"],  # nor a secret to send one way or the other
    ],
)
def test_options_the_mode_ignores_are_refused_in_one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert main([*argv, "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_client_auth_with_a_classic_token_is_refused_before_anything_is_sent(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SBQ_AFAS_TOKEN", "<token><version>1</version><data>" + "a" * 64 + "</data></token>")
    argv = ["verify", "--environment", "O12345AA", "--base-url", "http://127.0.0.1:9/x", "--client-auth", "basic"]
    assert main([*argv, "--lang", "en"]) == 2
    assert "--client-auth is for an OAuth client secret" in capsys.readouterr().err
