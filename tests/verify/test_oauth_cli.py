"""`sbq-setup verify` with an OAuth client: where the client id and secret come from, bad input before any request,
and the client secret in no output, report, log or echoed argument, in any of its forms."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import logging
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import pytest

from tests.conftest import FAKE_XML
from tests.stores.test_secrets import MemoryKeyring
from tests.verify.test_cli import ROOT, sbq
from wizard.cli.main import main
from wizard.domain.oauth import oauth_client_credentials
from wizard.sim import SimulatorServer
from wizard.stores.secrets import KeyringSecretStore

pytestmark = pytest.mark.loopback


def _canary() -> str:
    """A fresh, obviously fake client secret nothing else in this process has seen (redaction is process-wide)."""
    return (uuid.uuid4().hex + uuid.uuid4().hex).upper()


def _forms(client_id: str, secret: str) -> list[str]:
    """Every form the secret could leak in: itself, form-encoded, inside the Basic header, JSON-quoted."""
    basic = base64.b64encode(f"{quote_plus(client_id)}:{quote_plus(secret)}".encode()).decode()
    form = f"client_secret={quote_plus(secret)}"
    return [secret, secret.lower(), quote_plus(secret), form, basic, json.dumps(secret)]


def _assert_clean(text: str, client_id: str, secret: str) -> None:
    for form in _forms(client_id, secret):
        assert form not in text
    pieces = {secret[i : i + 16] for i in range(len(secret) - 15)}
    assert [p for p in pieces if p in text or p.lower() in text] == []


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def _base(server: SimulatorServer) -> list[str]:
    return ["verify", "--environment", "O12345AA", "--base-url", server.base_url, "--lang", "en"]


def _secret_file(tmp_path: Path, secret: str) -> Path:
    path = tmp_path / "client-secret.txt"
    path.write_text(secret + "\n")
    return path


def test_demo_with_an_oauth_client_verifies() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wizard.cli.main", "verify", "--demo", "--auth", "oauth", "--json", "--lang", "en"],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["checks"][0]["message"].startswith("OAuth client accepted")
    assert report["summary"]["warn"] == 0  # no classic-token sunset warning


def test_the_secret_from_a_file_stdin_or_the_environment(
    sim_factory: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, admin = sim_factory("oauth-ready")
    client_id, secret = server.client_id, server.client_secret.get_secret_value()
    from_file = [*_base(server), "--client-id", client_id, "--client-secret-file", str(_secret_file(tmp_path, secret))]
    assert _run(from_file, capsys)[0] == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(secret))
    assert _run([*_base(server), "--client-id", client_id, "--client-secret-stdin"], capsys)[0] == 0
    monkeypatch.setenv("SBQ_AFAS_CLIENT_ID", client_id)
    monkeypatch.setenv("SBQ_AFAS_CLIENT_SECRET", secret)
    code, out, err = _run([*_base(server), "--client-auth", "basic"], capsys)
    assert code == 0, out + err
    assert len([e for e in admin.request_log() if e["path"].endswith("/oauth/token")]) == 3  # one per run


def test_the_keyring_entry_may_hold_an_oauth_client(
    sim_factory: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, _ = sim_factory("oauth-ready")
    store = KeyringSecretStore(MemoryKeyring())
    store.save(server.environment.key, server.oauth_credentials)
    monkeypatch.setattr("wizard.stores.secrets.default_secret_store", lambda *a, **k: store)
    code, out, err = _run([*_base(server), "--json"], capsys)
    assert code == 0, out + err
    assert json.loads(out)["checks"][0]["message"].startswith("OAuth client accepted")
    soon = (dt.date.today() + dt.timedelta(days=5)).isoformat()  # the date given now wins over the stored one
    code, out, _ = _run([*_base(server), "--json", "--secret-expires", soon], capsys)
    expiry = next(c for c in json.loads(out)["checks"] if c["id"] == "token-expiry")
    assert code == 0 and expiry["status"] == "warn" and "in 5 days" in expiry["message"]


@pytest.mark.parametrize(
    ("extra", "env", "needle"),
    [
        (["--client-id", "", "--client-secret-stdin"], {}, "client id is empty"),
        (["--client-id", "fa4e 0000", "--client-secret-stdin"], {}, "space"),
        (["--client-id", "fa4e\x07", "--client-secret-stdin"], {}, "control characters"),
        (["--client-id", "fa4e0000"], {}, "--client-secret-file"),
        (["--client-secret-stdin"], {}, "--client-id"),
        (["--client-id", "fa4e0000", "--client-secret-stdin", "--secret-expires", "1-5-2027"], {}, "YYYY-MM-DD"),
        (["--client-id", "fa4e0000", "--token-file", "t.xml"], {}, "not both"),
        (["--token-stdin", "--secret-expires", "2027-05-01"], {}, "OAuth client secret"),
        ([], {"SBQ_AFAS_TOKEN": "x", "SBQ_AFAS_CLIENT_ID": "fa4e0000"}, "unset"),
        (["--client-id", "fa4e0000", "--client-secret-stdin"], {}, "client secret is empty"),
    ],
)
def test_bad_oauth_input_is_exit_2_before_any_request(
    sim_factory: Any, extra: list[str], env: dict[str, str], needle: str
) -> None:
    server, admin = sim_factory("oauth-ready")
    stdin = "" if "--client-secret-stdin" in extra else FAKE_XML
    base = ["--environment", "O12345AA", "--base-url", server.base_url]
    result = sbq(*base, *extra, "--lang", "en", stdin=stdin, env=env)
    assert result.returncode == 2, result.stdout + result.stderr
    assert needle in result.stderr and "Traceback" not in result.stderr
    assert admin.request_log() == []


def test_help_names_both_credentials() -> None:
    argv = [sys.executable, "-m", "wizard.cli.main", "verify", "--help"]
    result = subprocess.run(argv, check=False, capture_output=True, text=True, cwd=ROOT)
    text = " ".join(result.stdout.split())
    options = ["--client-id", "--client-secret-file", "--client-secret-stdin", "--secret-expires", "--client-auth"]
    options += ["SBQ_AFAS_CLIENT_ID", "SBQ_AFAS_CLIENT_SECRET", "--auth", "/oauth/token", "'oauth-ready'"]
    for option in options:
        assert option in text


@pytest.fixture(params=["oauth-ready", "oauth-secret-expired"])
def oauth_server(request: pytest.FixtureRequest, sim_factory: Any) -> SimulatorServer:
    server: SimulatorServer = sim_factory(request.param)[0]
    return server


def test_the_client_secret_is_in_no_output_report_or_log(
    oauth_server: SimulatorServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.set_level(logging.DEBUG)
    server = oauth_server
    scenario = server.state.scenario
    client_id, held = server.client_id, server.client_secret
    assert client_id is not None and held is not None
    planted = _canary()  # refused: AFAS's answer and our remedy are about this very secret
    texts = []
    for secret, source in ((held.get_secret_value(), "file"), (planted, "env"), (planted, "stdin")):
        html = tmp_path / f"report-{source}.html"
        argv = [*_base(server), "--client-id", client_id, "--html", str(html)]
        if source == "file":
            argv += ["--client-secret-file", str(_secret_file(tmp_path, secret))]
        elif source == "env":
            monkeypatch.setenv("SBQ_AFAS_CLIENT_SECRET", secret)
        else:
            monkeypatch.delenv("SBQ_AFAS_CLIENT_SECRET")
            monkeypatch.setattr(sys, "stdin", io.StringIO(secret))
            argv += ["--client-secret-stdin"]
        for extra in ([], ["--json"]):
            code, out, err = _run([*argv, *extra], capsys)
            assert code == (0 if secret != planted and scenario == "oauth-ready" else 1), out + err
            texts += [out, err, html.read_text()]
            if source == "stdin":
                monkeypatch.setattr(sys, "stdin", io.StringIO(secret))
        _assert_clean("\n".join([*texts, caplog.text]), client_id, secret)
    assert "invalid_client" in "".join(texts)  # the refusals were reported, only without the secret


# {c} is replaced by a fresh canary secret in one of its forms; a secret typed where an argument belongs is never
# echoed (the argv masking of issue 12, for the client secret).
ARGV_CASES: dict[str, list[str]] = {
    "--client-id": ["verify", "--environment", "O12345AA", "--client-id", "{c}"],
    "--environment": ["verify", "--environment", "{c}", "--client-id", "x", "--client-secret-stdin"],
    "--client-secret-file": ["verify", "--environment", "O12345AA", "--client-id", "x", "--client-secret-file",
                             "{tmp}/missing/{c}"],
    "--secret-expires": ["verify", "--environment", "O12345AA", "--client-id", "x", "--secret-expires", "{c}"],
    "--client-auth": ["verify", "--environment", "O12345AA", "--client-auth", "{c}"],
    "--auth": ["verify", "--demo", "--auth", "{c}"],
    "--client-secret": ["verify", "--environment", "O12345AA", "--client-id", "x", "--client-secret", "{c}"],
}  # fmt: skip


@pytest.mark.parametrize("form", ["raw", "form", "basic"])
@pytest.mark.parametrize("case", sorted(ARGV_CASES))
def test_a_client_secret_in_any_argument_is_never_echoed(
    case: str, form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = _canary()
    client_id = "fa4e0000-c11e-4700-8000-00000000fa4e"
    shown = {
        "raw": secret,
        "form": f"client_secret={secret}",
        "basic": base64.b64encode(f"{client_id}:{secret}".encode()).decode(),
    }[form]
    argv = [a.replace("{c}", shown).replace("{tmp}", str(tmp_path)) for a in ARGV_CASES[case]]
    try:
        code = main(argv)
    except SystemExit as done:  # argparse's own errors
        code = int(done.code or 0)
    out = capsys.readouterr()
    text = out.out + out.err + caplog.text
    assert code != 0, text
    assert text.strip(), "the user must still be told what is wrong"
    _assert_clean(text, client_id, secret)


def test_a_credential_from_the_sim_is_a_real_oauth_client(sim_factory: Any) -> None:
    server, _ = sim_factory("hybrid")
    held = server.oauth_credentials
    assert held == oauth_client_credentials(held.client_id, held.secret(), held.secret_expires)
