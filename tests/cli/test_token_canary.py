"""Issue 12 item 1: a token typed where a path, URL, environment or any other argument belongs is never echoed,
in any message of any subcommand, in any of its forms (the XML, the 64-hex data, the Base64 header value).

Each case uses a fresh canary token that nothing else in the test process has seen: the redaction registry is
process-wide, and a token parsed elsewhere would be masked for the wrong reason."""

from __future__ import annotations

import base64
import logging
import uuid
from pathlib import Path

import pytest

from wizard.cli.main import main

# {c} is replaced by the canary; {tmp} by a temporary folder; {file} by a file (not a folder) in it.
CASES: dict[str, list[str]] = {
    "verify --environment": ["verify", "--environment", "{c}"],
    "verify --type": ["verify", "--environment", "12345", "--type", "{c}"],
    "verify --base-url host": ["verify", "--environment", "O12345AA", "--base-url", "https://{c}.example.nl/"],
    "verify --base-url path": ["verify", "--environment", "O12345AA", "--base-url", "https://h.example.nl/{c}?q=1"],
    "verify --soap-url": [
        "verify", "--environment", "O12345AA", "--base-url", "http://127.0.0.1:1/", "--soap-url", "http://e.nl/{c}",
    ],
    "verify --token-file": ["verify", "--environment", "O12345AA", "--token-file", "{tmp}/missing/{c}"],
    "verify --html": ["verify", "--environment", "O12345AA", "--html", "{tmp}/missing/{c}.html"],
    "verify --timeout": ["verify", "--environment", "O12345AA", "--timeout", "{c}"],
    "verify extra argument": ["verify", "--environment", "O12345AA", "{c}"],
    "export-connectors DIR": ["export-connectors", "{file}/{c}"],
    "simulator --token-out": ["simulator", "--token-out", "{tmp}/missing/{c}"],
    "simulator --port": ["simulator", "--port", "{c}"],
    "simulator --scenario": ["simulator", "--scenario", "{c}"],
    "simulator --latency-ms": ["simulator", "--latency-ms", "{c}"],
    "bundle adopt FILE": ["bundle", "adopt", "{tmp}/missing/{c}.gcn"],
    "bundle check extra": ["bundle", "check", "{c}"],
    "diagnose extra": ["diagnose", "{c}"],
    "--tour without --demo": ["--tour", "{tmp}/{c}"],
    "unknown subcommand": ["{c}"],
    "--lang": ["--lang", "{c}", "diagnose"],
}  # fmt: skip


def _canary() -> tuple[str, dict[str, str]]:
    data = (uuid.uuid4().hex + uuid.uuid4().hex).upper()
    xml = f"<token><version>1</version><data>{data}</data></token>"
    return data, {"xml": xml, "hex": data, "base64": base64.b64encode(xml.encode()).decode()}


def _fragments(data: str, forms: dict[str, str], size: int = 16) -> set[str]:
    """Pieces of the secret parts: the data (either case) and the Base64 header value. The XML's tags are not
    secret; its data is covered by the hex pieces."""
    texts = [data, data.lower(), forms["base64"]]
    return {t[i : i + size] for t in texts for i in range(len(t) - size + 1)}


@pytest.mark.parametrize("form", ["xml", "hex", "base64"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_token_in_any_argument_is_never_echoed(
    case: str, form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    data, forms = _canary()
    (tmp_path / "a-file").write_text("not a folder")
    argv = [
        a.replace("{c}", forms[form]).replace("{tmp}", str(tmp_path)).replace("{file}", str(tmp_path / "a-file"))
        for a in CASES[case]
    ]
    try:
        code = main(argv)
    except SystemExit as done:  # argparse's own errors
        code = int(done.code or 0)
    out = capsys.readouterr()
    text = out.out + out.err + caplog.text
    assert code != 0, text  # every case is bad input of some kind
    fragments = _fragments(data, forms)
    leaks = [text[i : i + 16] for i in range(len(text) - 15) if text[i : i + 16] in fragments]
    assert leaks == [], text
    assert text.strip(), "the user must still be told what is wrong"
