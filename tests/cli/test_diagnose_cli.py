from __future__ import annotations

import json

import pytest

from tests.conftest import FAKE_DATA
from wizard.cli.main import main


def test_diagnose_reports_build_and_keyring_backend(capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.setenv("SBQ_AFAS_TOKEN", FAKE_DATA)  # present in the environment, must never be printed
    assert main(["diagnose", "--json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert data["build"]["development"] is True
    assert data["keyring_backend"].startswith("keyring.backends.")
    assert data["connectors_dir"].endswith("connectors")
    assert FAKE_DATA not in out


def test_version_says_development_build_from_a_checkout(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert "development build" in capsys.readouterr().out


@pytest.mark.parametrize("form", ["xml", "hex", "b64"])
def test_a_token_pasted_on_the_command_line_is_not_echoed(capsys: pytest.CaptureFixture[str], form: str) -> None:
    import base64

    from tests.conftest import FAKE_XML

    value = {"xml": FAKE_XML, "hex": FAKE_DATA, "b64": base64.b64encode(FAKE_XML.encode()).decode()}[form]
    with pytest.raises(SystemExit) as done:
        main(["verify", "--environment", "O12345AA", value])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments" in err and "not shown" in err
    assert value not in err and FAKE_DATA not in err
