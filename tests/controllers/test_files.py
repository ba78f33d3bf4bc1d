"""Exporting the connector files, driven through FilesController with a fake page (the real export, into a
temporary folder)."""

from __future__ import annotations

from pathlib import Path

from tests.controllers.fakes import MANIFEST, rig
from wizard.domain.errors import UserFacingError
from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.flow.state import WizardState
from wizard.ui.controllers.files import FilesController
from wizard.ui.widgets import Level

FULL = Text(en="The disk is full.", nl="De schijf is vol.")
WHY = Text(en="Documents is synced by OneDrive.", nl="Documenten wordt door OneDrive gesynchroniseerd.")


def test_the_export_says_how_many_files_went_where_and_remembers_them_for_the_import(tmp_path: Path) -> None:
    r = rig(tmp_path=tmp_path)
    target = tmp_path / "export"
    FilesController(r.ctx).export(str(target))
    page = r.page(StepId.CONNECTOR_FILES)
    n = len(MANIFEST.gcn_files)
    assert page.messages(Level.OK) == [f"{n} files saved in {target}."]
    assert not page.busy and r.saves
    s = r.state
    assert s.exported and s.export_folder == str(target)
    assert set(s.export_files) == {g.file for g in MANIFEST.gcn_files}
    assert sorted(p.name for p in target.glob("*.gcn")) == sorted(s.export_files)


def test_an_export_that_fails_says_why_and_nothing_counts_as_exported(tmp_path: Path) -> None:
    def full(_folder: Path) -> object:
        raise UserFacingError(FULL)

    r = rig(tmp_path=tmp_path, export=full)
    FilesController(r.ctx).export(str(tmp_path / "export"))
    page = r.page(StepId.CONNECTOR_FILES)
    assert page.messages(Level.ERROR) == [FULL.en] and not page.busy
    assert not r.state.exported and r.state.export_files == {}


def test_the_suggested_folder_says_why_it_is_not_documents_until_the_user_picks_another(tmp_path: Path) -> None:
    suggested = rig(tmp_path=tmp_path, default_export_reason=WHY)
    FilesController(suggested.ctx)
    assert suggested.state.export_folder_reason == WHY
    own = rig(WizardState(export_folder=str(tmp_path / "mine")), tmp_path=tmp_path, default_export_reason=WHY)
    FilesController(own.ctx)
    assert own.state.export_folder_reason is None
