"""The connector files: export them into a folder, and open that folder in the file manager."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from wizard.desktop.remote import import_dialog_path
from wizard.domain.bundle import ExportResult
from wizard.domain.steps import StepId
from wizard.domain.text import Text
from wizard.ui.controllers.context import Context
from wizard.ui.widgets import Level

SAVED = Text(en="{n} files saved in {folder}.", nl="{n} bestanden opgeslagen in {folder}.")


class FilesController:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        s, services = ctx.state, ctx.services
        if s.export_folder in (None, str(services.default_export_folder)):
            # Say why the suggested folder is not Documents, as long as the user keeps that suggestion.
            s.export_folder_reason = services.default_export_reason

    def export(self, folder: str) -> None:
        ctx = self.ctx
        page = ctx.views.of(StepId.CONNECTOR_FILES)
        target = Path(folder).expanduser()

        def done(result: ExportResult) -> None:
            s = ctx.state
            s.export_folder = str(target)
            # In an RDS/Citrix session \\Client\C$ would point at the bookkeeper's own PC: show the local path.
            s.export_files = {f.name: import_dialog_path(f.path, f.client_path) for f in result.files}
            s.stand_ins = bool(result.stand_ins)
            s.exported = True
            page.set_busy(False)
            page.show_message(Level.OK, SAVED.format(n=len(result.files), folder=target).get(ctx.lang))
            ctx.changed()

        page.set_busy(True)
        ctx.worker.run_blocking(lambda: ctx.services.export(target), done, lambda e: ctx.fail(page, e))

    @staticmethod
    def open_folder(folder: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(folder))
