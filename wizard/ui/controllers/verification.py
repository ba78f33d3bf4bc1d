"""The live check: run it off the GUI thread with results as they arrive, and save its report files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wizard.domain.credentials import ClassicToken, Credential
from wizard.domain.text import Text
from wizard.flow.feedback import apply_results
from wizard.ui.controllers.context import NO_TOKEN, Context
from wizard.ui.controllers.credential import CredentialController
from wizard.ui.widgets import Level
from wizard.ui.worker import Progress

if TYPE_CHECKING:  # the verification stack (httpx) loads when the check first runs
    from wizard.verify.report import Report

SAVED = Text(en="Report saved: {files}", nl="Rapport opgeslagen: {files}")
NOT_SAVED = Text(en="The report could not be saved: {e}", nl="Het rapport kon niet worden opgeslagen: {e}")


class VerificationController:
    def __init__(self, ctx: Context, credentials: CredentialController) -> None:
        self.ctx = ctx
        self.credentials = credentials
        self.last_report: Report | None = None
        self.running = False

    def run(self) -> None:
        ctx = self.ctx
        page = ctx.views.verification
        if self.running:
            return
        env = ctx.state.environment
        if env is None:
            page.failed(NO_TOKEN.get(ctx.lang))
            return
        if ctx.state.credential is None and ctx.state.token_storage is None:
            page.no_credential()  # nothing to check with: say so, with the way to the credential step
            return
        lang = ctx.lang
        verify = ctx.services.verify
        load = self.credentials.loader()

        async def make(progress: Progress) -> tuple[Credential, Report]:
            credential = await load()
            report = await verify(env, credential, lang=lang, on_result=progress)
            return credential, report

        def done(result: tuple[Credential, Report]) -> None:
            self.running = False
            credential, report = result
            if ctx.state.credential is None and isinstance(credential, ClassicToken):
                ctx.state.credential = credential
            self.last_report = report
            apply_results(ctx.machine, report.checks, profit_version=report.profit_version)
            page.finish(report)
            ctx.changed()

        def failed(exc: BaseException) -> None:
            self.running = False
            page.failed(ctx.message(exc))
            ctx.changed()

        self.running = True
        page.begin(list(ctx.services.planned(ctx.services.manifest)))
        ctx.worker.run_async(make, done, failed, on_progress=page.add_result)

    def save_report(self, path: str) -> None:
        report = self.last_report
        if report is None:
            return
        page = self.ctx.views.verification
        lang = self.ctx.lang

        def work() -> list[Path]:
            base = Path(path)
            written = []
            for suffix, content in ((".html", report.to_html(lang)), (".json", report.to_json(lang))):
                target = base.with_name(base.name + suffix)
                target.write_text(content, encoding="utf-8")
                written.append(target)
            return written

        def done(paths: list[Path]) -> None:
            files = ", ".join(str(p) for p in paths)
            page.show_message(Level.OK, SAVED.format(files=files).get(self.ctx.lang))

        def failed(exc: BaseException) -> None:
            reason = exc.strerror if isinstance(exc, OSError) else type(exc).__name__
            page.show_message(Level.ERROR, NOT_SAVED.format(e=reason).get(self.ctx.lang))

        self.ctx.worker.run_blocking(work, done, failed)
