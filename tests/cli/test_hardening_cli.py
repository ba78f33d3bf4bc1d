"""`sbq-setup` against bad input and hostile answers (issue 12): exit codes, one clear line in both languages, no
escape sequence acted on, no hang. Each test here failed on the code before the hardening."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import keyring.errors
import pytest
from keyring.compat import properties

from tests.afas.hostile_server import ESCAPE_MESSAGE, HostileServer
from tests.afas.recording_proxy import RecordingProxy
from tests.conftest import FAKE_DATA, FAKE_XML
from wizard.cli.main import main
from wizard.stores.secrets import KeyringSecretStore

ROOT = Path(__file__).resolve().parents[2]


def _token_file(tmp_path: Path, text: str = FAKE_XML) -> Path:
    path = tmp_path / "token.xml"
    path.write_text(text)
    return path


def _verify(*args: str) -> list[str]:
    return ["verify", "--environment", "O12345AA", *args]


BAD_INPUT = {
    "arabic-digits-in-environment": ["verify", "--environment", "O\u0661\u0662\u0663\u0664\u0665AA"],
    "port-not-a-number": _verify("--base-url", "http://127.0.0.1:abc/ProfitRestServices"),
    "port-out-of-range": _verify("--base-url", "http://127.0.0.1:99999/ProfitRestServices"),
    "port-zero": _verify("--base-url", "http://127.0.0.1:0/ProfitRestServices"),
    "host-with-a-space": _verify("--base-url", "https://profit host.example.nl/ProfitRestServices"),
    "label-of-70-characters": _verify("--base-url", f"https://{'a' * 70}.example.nl/ProfitRestServices"),
    "unbalanced-ipv6": _verify("--base-url", "http://[::1/ProfitRestServices"),
    "timeout-nan": _verify("--timeout", "nan"),
    "timeout-inf": _verify("--timeout", "inf"),
    "timeout-negative": _verify("--timeout=-5"),
    "credentials-in-url": _verify("--base-url", "http://smartuser:Sup3rS3cretPw@127.0.0.1:1/ProfitRestServices"),
}


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_bad_input_is_exit_2_and_one_line(
    case: str, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Items 5 and 9: these were exit 3 after trying to connect, exit 70, or (credentials) accepted and reported.
    argv = [*BAD_INPUT[case], "--token-file", str(_token_file(tmp_path)), "--lang", lang]
    started = time.monotonic()
    code = main(argv)
    out = capsys.readouterr()
    assert code == 2, out.err
    assert time.monotonic() - started < 5  # refused before anything was sent
    lines = out.err.strip().splitlines()
    assert len(lines) == 1, out.err
    assert out.out == ""
    assert "Sup3rS3cretPw" not in out.err and "smartuser" not in out.err


def test_bad_input_messages_are_in_the_users_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = {}
    for lang in ("en", "nl"):
        main([*BAD_INPUT["host-with-a-space"], "--token-file", str(_token_file(tmp_path)), "--lang", lang])
        texts[lang] = capsys.readouterr().err
    assert "host name" in texts["en"] and "hostnaam" in texts["nl"]


def test_a_5000_digit_token_version_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    token = _token_file(tmp_path, f"<token><version>{'9' * 5000}</version><data>{FAKE_DATA}</data></token>")
    for lang, word in (("en", "version"), ("nl", "versie")):
        code = main([*_verify("--token-file", str(token)), "--lang", lang])
        err = capsys.readouterr().err
        assert code == 2 and len(err.strip().splitlines()) == 1 and word in err
        assert "9" * 20 not in err


def _sbq(*args: str, timeout: float = 60, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "SBQ_AFAS_TOKEN"}
    full_env.update({"PYTHONPATH": str(ROOT), **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "wizard.cli.main", *args],
        check=False,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        cwd=ROOT,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_fifo_as_token_file_is_refused_at_once(tmp_path: Path) -> None:
    # Item 6: open() on a FIFO waited forever for a writer, outside --timeout.
    fifo = tmp_path / "token.fifo"
    os.mkfifo(fifo)
    started = time.monotonic()
    done = _sbq(*_verify("--token-file", str(fifo), "--timeout", "5", "--lang", "en"), timeout=30)
    assert time.monotonic() - started < 20
    assert done.returncode == 2, done.stderr
    assert "not a regular file" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("what", ["folder", "device", "too-large"])
def test_token_files_must_be_small_regular_files(what: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if what == "folder":
        path = tmp_path
    elif what == "device":
        path = Path("/dev/zero")
        if not path.exists():
            pytest.skip("no /dev/zero here")
    else:
        path = tmp_path / "big.xml"
        path.write_bytes(b" " * (65 * 1024))
    assert main([*_verify("--token-file", str(path)), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert ("not a regular file" in err) or ("too large" in err)


def test_html_report_into_a_folder_is_exit_2_before_anything_is_sent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Item 10: it printed a message and exited 0.
    code = main(["verify", "--demo", "--html", str(tmp_path), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2
    assert "is a folder" in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full simulates a full disk on Linux")
def test_html_report_onto_a_full_disk_is_exit_2_with_the_reason(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["verify", "--demo", "--html", "/dev/full", "--lang", "en"])
    out = capsys.readouterr()
    assert code == 2
    assert "No space left on device" in out.err
    assert "/dev/full" in out.err


@pytest.mark.parametrize("mode", ["redirect", "html"])
def test_a_portal_answering_for_afas_is_exit_3_and_names_it(
    mode: str, hostile_server: HostileServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Item 11: a redirect or a web page read as "setup not complete" (exit 1) without saying where it came from.
    base = ["--base-url", hostile_server.url(mode), "--token-file", str(_token_file(tmp_path))]
    code = main([*_verify(*base), "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 3, out
    assert "Something between this computer and AFAS answered instead" in out
    if mode == "redirect":
        assert "portal.hostile.invalid" in out
    code = main([*_verify(*base), "--lang", "nl"])
    out = capsys.readouterr().out
    assert code == 3 and "Iets tussen deze computer en AFAS" in out


def test_escape_sequences_from_afas_are_shown_not_acted_on(
    hostile_server: HostileServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Item 8: AFAS's externalMessage cleared the screen and printed a fake "all passed" in the table.
    base = ["--base-url", hostile_server.url("escape"), "--token-file", str(_token_file(tmp_path))]
    main([*_verify(*base), "--lang", "en"])
    out = capsys.readouterr().out
    for raw in ("\x1b", "\x9b", "\r", "\u202e"):
        assert raw not in out
    assert "\\x1b[2J" in out  # made visible: the helpdesk still sees what AFAS sent
    assert "\n✔ all checks passed" not in out
    main([*_verify(*base), "--json", "--lang", "en"])
    document = capsys.readouterr().out
    assert "\x9b" not in document and "\u202e" not in document
    messages = [c["message"] for c in json.loads(document)["checks"]]
    assert any(ESCAPE_MESSAGE in m for m in messages)  # JSON keeps the exact text, escaped


def test_an_argument_with_escape_sequences_is_echoed_visibly(capsys: pytest.CaptureFixture[str]) -> None:
    main(["verify", "--environment", "\x1b[2J\x1b[31mO12345", "--lang", "en"])
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b" in err


def test_verify_demo_works_with_a_proxy_in_the_environment(
    recording_proxy: RecordingProxy, capsys: pytest.CaptureFixture[str]
) -> None:
    # Item 3: with HTTP_PROXY/ALL_PROXY set and no NO_PROXY, the simulator's requests (with the token) went to the
    # proxy and `verify --demo` failed.
    code = main(["verify", "--demo", "--json", "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert recording_proxy.seen == []


class _NoKeyring(keyring.backend.KeyringBackend):
    """Test-only backend. Its priority raises so keyring never picks it as a default for other tests."""

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 (keyring.compat classproperty)
        raise RuntimeError("test-only backend")

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.NoKeyringError("no backend")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.NoKeyringError("no backend")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.NoKeyringError("no backend")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_verify_reading_an_unavailable_keyring_does_not_speak_of_saving(
    lang: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Item 14: a READ said "The token was not saved".
    monkeypatch.setattr(
        "wizard.stores.secrets.default_secret_store", lambda timeout=30.0: KeyringSecretStore(_NoKeyring())
    )
    code = main(["verify", "--environment", "O12345AA", "--lang", lang])
    err = capsys.readouterr().err
    assert code == 2
    assert "not saved" not in err and "niet bewaard" not in err
    assert ("could not be read" in err) if lang == "en" else ("kon niet worden gelezen" in err)
