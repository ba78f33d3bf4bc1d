"""Issue 22 item 5: one zip for the helpdesk (facts, report, log), from the wizard's panel and from
`sbq-setup diagnose --export`, and never a secret in it, in any form.

Each case uses fresh canaries that nothing else in the test process has seen: the redaction registry is process-wide,
and a secret registered elsewhere would be masked for the wrong reason."""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
import zipfile
from pathlib import Path

import pytest

from wizard.cli.main import main
from wizard.desktop.streams import log_file
from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.environment import parse_environment
from wizard.domain.steps import StepId
from wizard.domain.text import Lang, Text
from wizard.flow.state import AuthKind, TokenStorage, VerificationSummary, WizardState
from wizard.stores.diagnostics import session_of
from wizard.stores.helpdesk_export import ReportFiles, write_export
from wizard.verify.report import Report


def _canaries() -> tuple[dict[str, str], set[str]]:
    """Every form of a fresh token and client secret, and the 16-character pieces of their secret parts."""
    data = (uuid.uuid4().hex + uuid.uuid4().hex).upper()
    xml = f"<token><version>1</version><data>{data}</data></token>"
    secret = (uuid.uuid4().hex + uuid.uuid4().hex).upper()
    client_id = str(uuid.uuid4())
    forms = {
        "xml": xml,
        "hex": data,
        "base64": base64.b64encode(xml.encode()).decode(),
        "secret": secret,
        "basic": base64.b64encode(f"{client_id}:{secret}".encode()).decode(),
    }
    texts = [data, data.lower(), forms["base64"], secret, secret.lower(), forms["basic"]]
    return forms, {t[i : i + 16] for t in texts for i in range(len(t) - 15)}


def _plant(forms: dict[str, str]) -> str:
    return (
        f"token {forms['xml']} data {forms['hex']} header AfasToken {forms['base64']} "
        f"client_secret={forms['secret']} Authorization: Basic {forms['basic']}"
    )


def _report(message: str) -> Report:
    return Report(
        environment="O12345AA",
        base_url="https://12345.rest.afas.online/ProfitRestServices",
        profit_version="Profit 8",
        checks=[
            CheckResult(
                id=CheckId("get:SBQ_BTW"),
                status=Status.FAIL,
                title=Text(en="GetConnector SBQ_BTW", nl="GetConnector SBQ_BTW"),
                message=Text(en=message, nl=message),
                detail=message,
            )
        ],
    )


def _state(organisation: str = "Bakkerij De Vries") -> WizardState:
    return WizardState(
        organisation=organisation,
        environment=parse_environment("O12345AA"),
        auth_choice=AuthKind.OAUTH,
        token_storage=TokenStorage(
            persistent=False, location_en="in memory, for this session only", location_nl="in het geheugen"
        ),
        secret_expires=dt.date(2027, 5, 1),
        verification=VerificationSummary(
            passed=30,
            failed=1,
            checked_at=dt.datetime(2026, 12, 6, 14, 3, tzinfo=dt.UTC),
            failing=(Text(en="GetConnector SBQ_BTW", nl="GetConnector SBQ_BTW"),),
            profit_version="Profit 8",
        ),
    )


def _members(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {Path(name).name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def _write_log(text: str) -> None:
    log_file().parent.mkdir(parents=True, exist_ok=True)
    log_file().write_text(f"--- sbq-setup started ---\nERROR wizard: {text}\n", encoding="utf-8")


def test_the_wizards_export_holds_no_secret_in_any_form(tmp_path: Path) -> None:
    forms, pieces = _canaries()
    planted = _plant(forms)
    _write_log(planted)  # an older run's raw line: not redacted when written
    report = _report(planted)
    state = _state(organisation=f"Org {forms['hex']}")
    files = ReportFiles(html=report.to_html(Lang.EN), json=report.to_json(Lang.EN))
    written = write_export(tmp_path / "helpdesk", Lang.EN, session_of(state, StepId.VERIFY), files)
    assert written.name == "helpdesk.zip"
    members = _members(written)
    assert {"README.txt", "diagnose.txt", "diagnose.json", "report.html", "report.json", "sbq-setup.log"} <= set(
        members
    )
    assert "ERROR wizard: token" in members["sbq-setup.log"]  # the log is there, only its secrets are masked
    for name, text in members.items():
        leaked = sorted(piece for piece in pieces if piece in text)
        assert not leaked, f"{name} holds {leaked[:3]}"


def test_the_command_lines_export_holds_no_secret_from_the_log(tmp_path: Path, capsys) -> None:
    forms, pieces = _canaries()
    _write_log(_plant(forms))
    target = tmp_path / "for-helpdesk.zip"
    assert main(["diagnose", "--export", str(target), "--lang", "en"]) == 0
    assert str(target) in capsys.readouterr().out
    members = _members(target)
    assert {"README.txt", "diagnose.txt", "diagnose.json", "sbq-setup.log"} <= set(members)
    assert "No check report in this export" in members["README.txt"]  # said, not silently missing
    for name, text in members.items():
        leaked = sorted(piece for piece in pieces if piece in text)
        assert not leaked, f"{name} holds {leaked[:3]}"


def test_the_export_has_the_facts_of_diagnose_json(tmp_path: Path, capsys) -> None:
    written = write_export(tmp_path / "x.zip", Lang.EN, session_of(_state(), StepId.LINK_CONNECTORS))
    facts = json.loads(_members(written)["diagnose.json"])
    assert main(["diagnose", "--json"]) == 0
    assert set(json.loads(capsys.readouterr().out)) == set(facts)  # the same facts, whichever way they were asked
    assert facts["login"] == "oauth" and facts["login_stored_in"] == "in memory, for this session only"
    assert facts["mode"] == "real" and facts["current_step"] == "link-connectors"
    assert facts["secret_expires"] == "2027-05-01" and facts["profit_version"] == "Profit 8"
    assert facts["last_check"]["checked_at"].startswith("2026-12-06T14:03")
    assert facts["failing_checks"] == ["GetConnector SBQ_BTW"]


def test_export_to_a_folder_is_refused_with_one_line(tmp_path: Path, capsys) -> None:
    assert main(["diagnose", "--export", str(tmp_path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "is a folder" in err and "Traceback" not in err


def test_export_to_a_missing_folder_says_why(tmp_path: Path, capsys) -> None:
    assert main(["diagnose", "--export", str(tmp_path / "no" / "x.zip"), "--lang", "en"]) == 2
    assert "Cannot write" in capsys.readouterr().err


@pytest.mark.parametrize("lang", [Lang.EN, Lang.NL])
def test_the_facts_say_where_the_login_is_kept_memory_included(lang: Lang) -> None:
    from wizard.stores.diagnostics import as_text, helpdesk_facts

    text = as_text(helpdesk_facts(lang, session_of(_state())), lang)
    line = next(line for line in text.splitlines() if line.startswith(("Login details stored", "Inloggegevens")))
    assert ("in memory" if lang is Lang.EN else "in het geheugen") in line
    assert ("1 May 2027" if lang is Lang.EN else "1 mei 2027") in text
    assert ("OAuth client" if lang is Lang.EN else "OAuth client id") in text
    assert "6 " in text and "14:03 UTC" in text and "GetConnector SBQ_BTW" in text


def test_json_and_export_together_are_refused(tmp_path: Path, capsys) -> None:
    assert main(["diagnose", "--json", "--export", str(tmp_path / "x.zip"), "--lang", "en"]) == 2
    assert "do not go together" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()
