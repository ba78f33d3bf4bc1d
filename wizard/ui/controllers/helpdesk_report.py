"""The Done page's "report for the helpdesk" while checks fail: the last report as plain text to copy into a mail,
or saved as files. The report is redacted by wizard.verify; it never holds a token or a client secret."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication

from wizard import __version__, installation
from wizard.domain.checks import CheckResult, Status
from wizard.domain.presentation import attention_rank, status_label
from wizard.domain.redact import redact
from wizard.domain.text import Lang, Text
from wizard.flow.state import AuthKind
from wizard.stores.diagnostics import build_text, os_text
from wizard.ui.controllers.context import Context
from wizard.ui.widgets import Level

if TYPE_CHECKING:  # the verification stack (httpx) loads when the check first runs
    from wizard.verify.report import Report

NO_REPORT = Text(
    en="There is no check result yet: run the check first.", nl="Er is nog geen uitkomst: voer eerst de controle uit."
)
SAVED = Text(en="Report saved: {files}", nl="Rapport opgeslagen: {files}")
NOT_SAVED = Text(en="The report could not be saved: {e}", nl="Het rapport kon niet worden opgeslagen: {e}")
LABELS = {
    "head": Text(
        en="SmartBooqing AFAS check — report for the helpdesk",
        nl="SmartBooqing AFAS-controle — rapport voor de helpdesk",
    ),
    "org": Text(en="Organisation", nl="Organisatie"),
    "env": Text(en="Environment", nl="Omgeving"),
    "app": Text(en="App connector", nl="App connector"),
    "login": Text(en="Login with", nl="Inloggen met"),
    "fix": Text(en="What to do", nl="Wat te doen"),
    "version": Text(en="Version", nl="Versie"),
    "when": Text(en="Checked at", nl="Gecontroleerd op"),
    "os": Text(en="Operating system", nl="Besturingssysteem"),
}


def report_text(report: Report, lang: Lang, organisation: str, login: str) -> str:
    """The report as a mail body: labelled facts, the summary, then each check, failures first."""
    lines = [
        LABELS["head"].get(lang),
        f"{LABELS['org'].get(lang)}: {organisation or '—'}",
        f"{LABELS['env'].get(lang)}: {report.environment} ({report.base_url})",
        f"{LABELS['app'].get(lang)}: {report.app_connector or '—'}",
        f"{LABELS['login'].get(lang)}: {login}",
        f"{LABELS['when'].get(lang)}: {report.started_at.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"{LABELS['version'].get(lang)}: sbq-setup {__version__} ({build_text(installation.build_info(), lang)})",
        f"{LABELS['os'].get(lang)}: {os_text()}",
        "",
        report.summary(lang),
        "",
    ]
    checks: list[CheckResult] = sorted(report.checks, key=lambda c: attention_rank(c.status))
    for check in checks:
        lines.append(f"{status_label(check.status, lang)}: {check.title.get(lang)} — {check.message.get(lang)}")
        if check.remedy is not None and check.status in (Status.FAIL, Status.WARN):
            lines.append(f"    {LABELS['fix'].get(lang)}: {check.remedy.get(lang)}")
    return redact("\n".join(lines))


class HelpdeskController:
    def __init__(self, ctx: Context, last_report: Callable[[], Report | None]) -> None:
        self.ctx = ctx
        self._last_report = last_report  # the verification controller's latest report

    def _login(self) -> str:
        oauth = self.ctx.state.auth is AuthKind.OAUTH
        return (
            Text(en="OAuth client id and client secret", nl="OAuth client id en client secret")
            if oauth
            else Text(en="classic user token", nl="klassiek gebruikerstoken")
        ).get(self.ctx.lang)

    def copy(self) -> None:
        page = self.ctx.views.copy_token
        report = self._last_report()
        if report is None:
            page.show_message(Level.ERROR, NO_REPORT.get(self.ctx.lang))
            return
        text = report_text(report, self.ctx.lang, self.ctx.state.organisation, self._login())
        QGuiApplication.clipboard().setText(text)
        page.report_copied()

    def save(self, path: str) -> None:
        ctx = self.ctx
        page = ctx.views.copy_token
        report = self._last_report()
        if report is None:
            page.show_message(Level.ERROR, NO_REPORT.get(ctx.lang))
            return
        lang = ctx.lang
        text = report_text(report, lang, ctx.state.organisation, self._login())

        def work() -> list[Path]:
            base = Path(path)
            written = []
            for suffix, content in ((".html", report.to_html(lang)), (".json", report.to_json(lang)), (".txt", text)):
                target = base.with_name(base.name + suffix)
                target.write_text(content, encoding="utf-8")
                written.append(target)
            return written

        def done(paths: list[Path]) -> None:
            page.show_message(Level.OK, SAVED.format(files=", ".join(str(p) for p in paths)).get(ctx.lang))

        def failed(exc: BaseException) -> None:
            reason = exc.strerror if isinstance(exc, OSError) else type(exc).__name__
            page.show_message(Level.ERROR, NOT_SAVED.format(e=reason or "").get(ctx.lang))

        ctx.worker.run_blocking(work, done, failed)
