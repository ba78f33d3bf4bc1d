"""`sbq-setup verify` as a process: exit codes 0/1/2/3, token sources, JSON shape, no secrets in argv or output."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FAKE_DATA, FAKE_XML

ROOT = Path(__file__).resolve().parents[2]


def sbq(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "SBQ_AFAS_TOKEN"}
    full_env.update({"PYTHONPATH": str(ROOT), **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "wizard.cli.main", "verify", *args],
        check=False,
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        cwd=ROOT,
    )


def _token_file(tmp_path: Path, server: Any) -> Path:
    path = tmp_path / "token.xml"
    path.write_text(server.token.xml())
    return path


def test_demo_verifies_with_exit_0_and_json_shape() -> None:
    result = sbq("--demo", "--json", "--lang", "en")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {"environment", "checks", "summary", "duration_ms"} <= set(report)
    assert report["environment"] == "O12345AA"
    first = report["checks"][0]
    assert first["id"] == "auth" and first["status"] == "pass"
    assert {"id", "status", "message", "remedy", "http_status", "log_reference", "duration_ms"} <= set(first)
    assert report["summary"]["fail"] == 0


def test_default_output_is_a_table_with_remedies(sim_factory: Any, tmp_path: Path) -> None:
    server, _ = sim_factory("missing-connectors")
    result = sbq(
        "--environment", "O12345AA", "--base-url", server.base_url, "--token-file", str(_token_file(tmp_path, server)),
        "--lang", "nl",
    )  # fmt: skip
    assert result.returncode == 1
    assert "Precal_Landen" in result.stdout
    assert "GetConnectoren › Nieuw › Precal_Landen" in result.stdout
    assert "mislukt" in result.stdout


def test_token_from_stdin(sim_factory: Any) -> None:
    server, _ = sim_factory("ready")
    result = sbq("--environment", "O12345AA", "--base-url", server.base_url, "--token-stdin", stdin=server.token.xml())
    assert result.returncode == 0, result.stdout + result.stderr


def test_token_from_the_environment_variable(sim_factory: Any) -> None:
    server, _ = sim_factory("ready")
    result = sbq(
        "--environment", "O12345AA", "--base-url", server.base_url,
        env={"SBQ_AFAS_TOKEN": server.token.data.get_secret_value()},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("scenario", ["ip-restricted", "maintenance"])
def test_impossible_right_now_is_exit_3(sim_factory: Any, tmp_path: Path, scenario: str) -> None:
    server, _ = sim_factory(scenario)
    token = _token_file(tmp_path, server)
    result = sbq("--environment", "O12345AA", "--base-url", server.base_url, "--token-file", str(token))
    assert result.returncode == 3, result.stdout + result.stderr


def test_unreachable_is_exit_3(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    token = tmp_path / "t.xml"
    token.write_text(FAKE_XML)
    result = sbq(
        "--environment", "O12345AA", "--base-url", f"http://127.0.0.1:{port}/ProfitRestServices",
        "--token-file", str(token), "--json", "--timeout", "5",
    )  # fmt: skip
    assert result.returncode == 3
    assert json.loads(result.stdout)["checks"][0]["status"] == "fail"


def test_timeout_against_a_server_that_never_answers(tmp_path: Path) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # accepts connections, never answers
        port = silent.getsockname()[1]
        token = tmp_path / "t.xml"
        token.write_text(FAKE_XML)
        result = sbq(
            "--environment", "O12345AA", "--base-url", f"http://127.0.0.1:{port}/ProfitRestServices",
            "--token-file", str(token), "--timeout", "1", "--lang", "en",
        )  # fmt: skip
    assert result.returncode == 3
    assert "did not answer in time" in result.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "needle"),
    [
        (["--environment", "X99"], None, ""),
        (["--environment", "O12345AA", "--token-stdin"], "not a token", ""),
        (["--environment", "O12345AA", "--token-stdin"], "", "empty"),
        (["--environment", "O12345AA", "--token-file", "/nonexistent/token.xml"], None, "token.xml"),
        (["--environment", "O12345AA", "--base-url", "http://example.com/x", "--token-stdin"], FAKE_XML, ""),
        (["--environment", "O12345AA", "--timeout", "0", "--token-stdin"], FAKE_XML, "timeout"),
        ([], None, "--environment"),
    ],
)
def test_bad_input_is_exit_2_before_any_request(args: list[str], stdin: str | None, needle: str) -> None:
    result = sbq(*args, "--lang", "en", stdin=stdin)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2


def test_no_token_anywhere_says_how_to_give_one() -> None:
    # No keyring daemon in this environment (or an empty one): a clear line, exit 2, never a traceback.
    result = sbq(
        "--environment", "O12345AA", "--lang", "en", env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"}
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "--token-file" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_token_cannot_be_given_as_an_argument() -> None:
    result = sbq("--environment", "O12345AA", "--token", FAKE_DATA)
    assert result.returncode == 2
    assert FAKE_DATA not in result.stdout + result.stderr
