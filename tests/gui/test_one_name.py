"""One object, one name on every page and in the CLI: its description with the id beside it; the shipped file's
name only where the user picks files, with that same name beside it (issue 20 item 4).

SBQ_Custom_Kostenplaatsen.gcn keeps the setup guide's file name (SmartBooqing mails it so) although it defines
SBQ_Kostenplaatsen_All: the case that had a second name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from tests.gui.conftest import WindowFactory
from tests.gui.test_verify_page import _ready_state, _walk_to_verify, scripted
from wizard.cli.main import main
from wizard.domain.checks import CheckId, CheckResult, Status
from wizard.domain.steps import StepId
from wizard.domain.text import Lang, Text
from wizard.flow.state import WizardState

pytestmark = pytest.mark.gui

FILE, CONNECTOR = "SBQ_Custom_Kostenplaatsen.gcn", "SBQ_Kostenplaatsen_All"
NAME = {Lang.EN: "Cost centres on all allocation axes", Lang.NL: "Kostenplaatsen op alle verbijzonderingsassen"}
OTHER_NAMES = ("Allocation axis type", "Verbijzonderingsas (kostenplaatsen)")  # the file's own title, retired


def _texts(page: QWidget) -> list[str]:
    return [w.text() for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton) if w.text()]


def _mentions(page: QWidget) -> list[str]:
    return [t for t in _texts(page) if FILE in t or CONNECTOR in t]


@pytest.mark.parametrize("lang", [Lang.EN, Lang.NL])
def test_the_cost_centre_connector_has_one_name_on_the_import_and_link_steps(
    make_window: WindowFactory, lang: Lang
) -> None:
    window = make_window(lang=lang, state=WizardState(lang=lang))
    for step in (StepId.IMPORT, StepId.LINK_CONNECTORS):
        page = window.pages[step]
        mentioned = _mentions(page)
        assert mentioned, step
        for text in mentioned:
            assert NAME[lang] in text and CONNECTOR in text, (step, text)
        assert not [t for t in _texts(page) if any(o in t for o in OTHER_NAMES)], step
    # Where the user picks files, the file name comes first, with the same name beside it.
    (row,) = [t for t in _mentions(window.pages[StepId.IMPORT]) if FILE in t]
    assert row.startswith(FILE)


def test_a_blocked_or_missing_definition_is_named_by_its_description_on_the_check(
    make_window: WindowFactory, qtbot: Any
) -> None:
    missing = CheckResult(
        id=CheckId(f"get:{CONNECTOR}"),
        status=Status.FAIL,
        title=Text(en="GetConnector", nl="GetConnector"),
        message=Text(en="Not there.", nl="Niet aanwezig."),
        fix_step=StepId.IMPORT,
    )
    window = make_window(
        state=_ready_state(), verify=scripted([missing]), planned=lambda m: [(missing.id, missing.title)]
    )
    page = _walk_to_verify(window)
    qtbot.waitUntil(lambda: not page.running and page.verdict is not None, timeout=10_000)
    group = next(g for g in page._groups if g.step is StepId.IMPORT)
    assert f"{NAME[Lang.EN]} ({CONNECTOR})" in group.items.text()
    assert FILE not in group.items.text()  # the file name belongs where the user picks files


def test_the_export_names_what_each_file_defines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-connectors", str(tmp_path / "out"), "--lang", "nl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().endswith(FILE))
    assert lines[at + 1].strip() == f"bevat: {NAME[Lang.NL]} ({CONNECTOR})"
