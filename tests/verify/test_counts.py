"""Counts that add up on every surface (issue 20 item 5): passed, to check yourself and for your information are
separate numbers summing to the total; AFAS out of reach is never reported as a failed check."""

from __future__ import annotations

import json

from wizard.cli.verify import render_table
from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.text import Lang, Text
from wizard.verify.report import Report


def _check(check_id: str, status: Status, *, impossible: bool = False) -> CheckResult:
    words = Text(en=check_id, nl=check_id)
    return CheckResult(id=CheckId(check_id), status=status, title=words, message=words, impossible=impossible)


def _report(*checks: CheckResult) -> Report:
    return Report(environment="O12345AA", base_url="https://12345.rest.afas.online/ProfitRestServices", checks=checks)


def test_passed_manual_and_info_are_separate_numbers_that_sum_to_the_total() -> None:
    report = _report(
        *(_check(f"get:C{i}", Status.PASS) for i in range(33)),
        _check("attachments", Status.MANUAL),
        _check("token-sunset", Status.INFO),
    )
    summary = report.summary(Lang.EN)
    assert "35 checks: 33 passed, 1 to check yourself, 1 for your information" in summary
    counts = json.loads(report.to_json(Lang.EN))["summary"]
    assert counts["pass"] == 33 and counts["manual"] == 1 and counts["info"] == 1
    statuses = [*(s.value for s in Status), "could_not_check"]
    parts = sum(counts[k] for k in statuses)
    assert parts == counts["total"] == 35
    assert "33 passed" in report.to_html(Lang.EN)


def test_unreachable_afas_is_could_not_reach_never_failed() -> None:
    report = _report(_check("auth", Status.FAIL, impossible=True), _check("get:C", Status.SKIP))
    table = render_table(report, Lang.EN)
    assert "could not reach AFAS at https://12345.rest.afas.online" in table
    assert "Failed" not in table and "Nothing was wrong" not in table
    counts = json.loads(report.to_json(Lang.EN))["summary"]
    assert counts["fail"] == 0 and counts["could_not_check"] == 1
