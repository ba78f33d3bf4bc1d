"""`sbq-setup simulator` as a user runs it: a real process, a real port, curl, Ctrl+C."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.domain.credentials import parse_classic_token

pytestmark = [
    pytest.mark.loopback,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals"),
]


class Running:
    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "wizard", "simulator", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        assert self.process.stdout is not None
        for line in self.process.stdout:  # pytest-timeout ends a hang
            self.lines.append(line.rstrip("\n"))
            if "Ctrl+C" in line:
                break
        else:
            raise AssertionError(f"the simulator did not start: {self.lines} {self.process.stderr.read()}")  # type: ignore[union-attr]

    @property
    def origin(self) -> str:
        match = re.search(r"http://127\.0\.0\.1:\d+", self.lines[0])
        assert match, self.lines
        return match.group(0)

    @property
    def admin_key(self) -> str:
        found = [line.rsplit(": ", 1)[1] for line in self.lines if "X-Sim-Key" in line]
        assert found, self.lines
        return found[0]

    def stop(self, sig: int = signal.SIGINT) -> tuple[int, str, str]:
        self.process.send_signal(sig)
        out, err = self.process.communicate(timeout=15)
        return self.process.returncode, "\n".join(self.lines) + out, err


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wizard", "simulator", *args], check=False, capture_output=True, text=True, timeout=60
    )


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_ready_serves_curl_writes_a_private_token_file_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    token_file = tmp_path / "token.xml"
    sim = Running("--scenario", "ready", "--port", "0", "--token-out", str(token_file), "--lang", "en")
    try:
        mode = stat.S_IMODE(token_file.stat().st_mode)
        assert mode == 0o600
        token = parse_classic_token(token_file.read_text(encoding="utf-8"))
        base = f"{sim.origin}/ProfitRestServices"
        # The line after "Verify with:" is a command the user can paste: run as printed, it passes.
        pasted = sim.lines[sim.lines.index("Verify with:") + 1]
        assert pasted.endswith(f" verify --environment O12345AA --base-url {base} --token-file {token_file}")
        checked = subprocess.run(shlex.split(pasted), check=False, capture_output=True, text=True, timeout=60)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        headers = tmp_path / "headers.txt"  # the token goes to curl through a file, never through argv
        headers.write_text(f"Authorization: {token.authorization_header()}\nAccept-Language: en-us\n")
        for path, status in (
            ("/metainfo", 200),
            ("/connectors/SBQ_BTW?skip=0&take=1", 200),
            ("/profitversion", 200),
            ("/connectors/SBQ_BTW?skip=2&take=-1", 500),
            ("/metainfo/update/KnSubject", 200),
        ):
            result = subprocess.run(
                ["curl", "-s", "-H", f"@{headers}", "-w", "\n%{http_code}", f"{base}{path}"],
                capture_output=True,
                text=True,
                timeout=30,
                check=True,
            )
            body, http_code = result.stdout.rsplit("\n", 1)
            assert int(http_code) == status, (path, body)
            json.loads(body)
        anonymous = subprocess.run(
            ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", f"{base}/metainfo"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        assert anonymous.stdout == "401"
    finally:
        code, out, err = sim.stop(signal.SIGINT)
    assert code == 0, err
    assert "Simulator stopped." in out
    for form in token.secret_forms():
        assert form not in out + err


def test_sigterm_stops_with_exit_0_and_latency_is_applied(tmp_path: Path) -> None:
    import httpx

    sim = Running("--scenario", "slow", "--latency-ms", "7", "--lang", "nl")
    try:
        assert sim.lines[0].startswith("AFAS-simulator (scenario slow")
        assert httpx.get(f"{sim.origin}/_sim/state").status_code == 401  # the admin API wants the printed key
        state = httpx.get(f"{sim.origin}/_sim/state", headers={"X-Sim-Key": sim.admin_key}).json()
        assert state["faults"]["latency_ms"] == 7
    finally:
        code, out, _err = sim.stop(signal.SIGTERM)
    assert code == 0
    assert "Simulator gestopt." in out


def test_fresh_has_no_token_to_write(tmp_path: Path) -> None:
    token_file = tmp_path / "token.xml"
    sim = Running("--scenario", "fresh", "--token-out", str(token_file), "--lang", "en")
    code, out, _err = sim.stop()
    assert code == 0
    assert not token_file.exists()
    assert "No token in scenario fresh" in out


def test_a_file_that_is_not_a_token_is_never_overwritten(tmp_path: Path) -> None:
    precious = tmp_path / "notes.txt"
    precious.write_text("my notes\n")
    result = _run("--token-out", str(precious), "--lang", "en")
    assert result.returncode == 2
    assert "not a token file" in result.stderr
    assert precious.read_text() == "my notes\n"
    folder = _run("--token-out", str(tmp_path), "--lang", "en")
    assert (folder.returncode, "is a folder" in folder.stderr) == (2, True)
    missing = _run("--token-out", str(tmp_path / "nope" / "t.xml"), "--lang", "en")
    assert missing.returncode == 2


def test_an_old_token_file_is_replaced(tmp_path: Path) -> None:
    token_file = tmp_path / "token.xml"
    token_file.write_text("<token><version>1</version><data>" + "AB" * 32 + "</data></token>\n")
    os.chmod(token_file, 0o644)
    sim = Running("--token-out", str(token_file))
    code, _out, _err = sim.stop()
    assert code == 0
    assert "AB" * 32 not in token_file.read_text()
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600


def test_bad_input_exits_2_with_a_clear_message() -> None:
    bad_scenario = _run("--scenario", "happy")
    assert bad_scenario.returncode == 2
    assert "invalid choice: 'happy'" in bad_scenario.stderr
    bad_port = _run("--port", "70000")
    assert bad_port.returncode == 2
    assert "not a port number" in bad_port.stderr
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        in_use = _run("--port", str(port), "--lang", "en")
    assert in_use.returncode == 2
    assert f"Port {port} on 127.0.0.1 is already in use" in in_use.stderr
    assert "Traceback" not in in_use.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_token_file_exists_before_the_port_accepts_a_connection(tmp_path: Path) -> None:
    token_file = tmp_path / "token.xml"
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "wizard", "simulator", "--port", str(port), "--token-out", str(token_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # What a start-up script does: poll the port as fast as it can, then read the file.
        while True:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
            except OSError:
                continue
            assert token_file.exists(), "the port accepted a connection before the token file was written"
            break
        parse_classic_token(token_file.read_text(encoding="utf-8"))
        assert process.stdout is not None
        for line in process.stdout:  # Ctrl+C only once it says it listens for it
            if "Ctrl+C" in line:
                break
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=15)
    assert process.returncode == 0


def test_a_token_file_of_a_server_that_could_not_start_is_removed(tmp_path: Path) -> None:
    token_file = tmp_path / "token.xml"
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = _run("--port", str(port), "--token-out", str(token_file), "--lang", "en")
    assert result.returncode == 2
    assert not token_file.exists()


def test_oauth_ready_writes_a_private_secret_file_and_prints_only_the_client_id(tmp_path: Path) -> None:
    import httpx

    secret_file = tmp_path / "client-secret.txt"
    sim = Running("--scenario", "oauth-ready", "--client-secret-out", str(secret_file), "--lang", "en")
    try:
        assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
        secret = secret_file.read_text(encoding="utf-8").strip()
        [client_id] = [line.rsplit(": ", 1)[1] for line in sim.lines if line.startswith("OAuth client id: ")]
        base = f"{sim.origin}/ProfitRestServices"
        pasted = sim.lines[sim.lines.index("Verify with:") + 1]
        assert pasted.endswith(
            f" verify --environment O12345AA --base-url {base} --client-id {client_id} "
            f"--client-secret-file {secret_file}"
        )
        form = {"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}
        token = httpx.post(f"{base}/oauth/token", data=form)
        assert token.status_code == 200
        bearer = {"Authorization": f"Bearer {token.json()['access_token']}"}
        assert httpx.get(f"{base}/metainfo", headers=bearer).status_code == 200
    finally:
        code, out, err = sim.stop()
    assert code == 0, err
    assert secret not in out + err


def test_a_classic_scenario_has_no_secret_to_write_unless_auth_says_oauth(tmp_path: Path) -> None:
    secret_file = tmp_path / "secret.txt"
    sim = Running("--scenario", "ready", "--client-secret-out", str(secret_file), "--lang", "en")
    code, out, _err = sim.stop()
    assert code == 0 and not secret_file.exists()
    assert "No OAuth client secret in scenario ready" in out
    sim = Running("--scenario", "ip-restricted", "--auth", "hybrid", "--client-secret-out", str(secret_file))
    code, _out, _err = sim.stop()
    assert code == 0 and len(secret_file.read_text(encoding="utf-8").strip()) == 64


def test_a_file_that_is_not_a_secret_is_never_overwritten(tmp_path: Path) -> None:
    precious = tmp_path / "notes.txt"
    precious.write_text("my notes\n")
    result = _run("--scenario", "oauth-ready", "--client-secret-out", str(precious), "--lang", "en")
    assert result.returncode == 2
    assert "not a client secret file" in result.stderr
    assert precious.read_text() == "my notes\n"


def test_settings_on_the_command_line(tmp_path: Path) -> None:
    import httpx

    sim = Running(
        "--scenario",
        "oauth-ready",
        "--setting",
        "unlinked_get=401",
        "--setting",
        "oauth.profit_version=8",
        "--setting",
        "oauth.classic_under_oauth=bare",
    )
    try:
        state = httpx.get(f"{sim.origin}/_sim/state", headers={"X-Sim-Key": sim.admin_key}).json()
        assert state["settings"]["unlinked_get"] == 401
        assert state["oauth"]["settings"]["profit_version"] == 8
        assert state["oauth"]["settings"]["classic_under_oauth"] == "bare"
    finally:
        code, _out, _err = sim.stop()
    assert code == 0
    for bad in ("oauth.profit_version=10", "nonsense=1", "unlinked_get", "oauth.classic_under_oauth=shout"):
        result = _run("--scenario", "oauth-ready", "--setting", bad, "--lang", "en")
        assert result.returncode == 2, bad
        assert "--setting" in result.stderr and "Traceback" not in result.stderr
