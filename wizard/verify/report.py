"""The verification report: stable check ids, four statuses, JSON for scripts and HTML for a helpdesk ticket."""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from wizard import __version__
from wizard.domain.checks import CheckResult, Status
from wizard.domain.presentation import STATUS_LOOK, attention_rank, status_label
from wizard.domain.redact import redact
from wizard.domain.text import Lang, Text

__all__ = ["CheckResult", "Report", "Status", "check_dict", "status_label"]


def check_dict(check: CheckResult, lang: Lang) -> dict[str, Any]:
    """One check as the JSON report writes it."""
    return {
        "id": str(check.id),
        "status": check.status.value,
        "status_label": status_label(check.status, lang),
        "title": check.title.get(lang),
        "message": check.message.get(lang),
        "remedy": check.remedy.get(lang) if check.remedy else None,
        "fix_step": check.fix_step.value if check.fix_step else None,
        "http_status": check.http_status,
        "log_reference": check.log_reference,
        "duration_ms": check.duration_ms,
        "detail": check.detail or None,
    }


class Report(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    environment: str
    base_url: str
    started_at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))
    duration_ms: int = 0
    checks: list[CheckResult] = Field(default_factory=list)
    app_connector: str | None = None
    user_group: str | None = None
    profit_version: str | None = None

    def counts(self) -> dict[str, int]:
        counts = {status.value: 0 for status in Status}
        for check in self.checks:
            counts[check.status.value] += 1
        return counts

    @property
    def impossible(self) -> bool:
        return any(c.impossible for c in self.checks)

    @property
    def ok(self) -> bool:
        return not self.impossible and all(c.status in (Status.PASS, Status.WARN, Status.SKIP) for c in self.checks)

    def exit_code(self) -> int:
        """0 verified (warnings allowed), 1 setup defects, 3 verification impossible right now."""
        if self.impossible:
            return 3
        return 0 if self.ok else 1

    def summary(self, lang: Lang) -> str:
        counts = self.counts()
        if self.impossible:
            text = Text(en="Verification was not possible right now.", nl="Controleren was nu niet mogelijk.")
        elif self.ok:
            text = Text(
                en="Verified: SmartBooqing can use this AFAS environment ({p} passed, {w} with a warning).",
                nl="Gecontroleerd: SmartBooqing kan deze AFAS-omgeving gebruiken "
                "({p} in orde, {w} met een waarschuwing).",
            ).format(p=counts["pass"], w=counts["warn"])
        else:
            text = Text(
                en="{f} of {n} checks failed: the setup is not complete yet.",
                nl="{f} van de {n} controles mislukt: de inrichting is nog niet compleet.",
            ).format(f=counts["fail"], n=len(self.checks))
        return text.get(lang)

    def as_dict(self, lang: Lang) -> dict[str, Any]:
        return {
            "tool": f"sbq-setup {__version__}",
            "environment": self.environment,
            "base_url": self.base_url,
            "started_at": self.started_at.isoformat(),
            "duration_ms": self.duration_ms,
            "app_connector": self.app_connector,
            "user_group": self.user_group,
            "profit_version": self.profit_version,
            "summary": {**self.counts(), "ok": self.ok, "exit_code": self.exit_code(), "text": self.summary(lang)},
            "checks": [check_dict(c, lang) for c in self.checks],
        }

    def to_json(self, lang: Lang) -> str:
        return redact(json.dumps(self.as_dict(lang), ensure_ascii=False, indent=2))

    def to_html(self, lang: Lang) -> str:
        e = html.escape
        t = {
            "title": Text(en="SmartBooqing AFAS check", nl="SmartBooqing AFAS-controle").get(lang),
            "env": Text(en="Environment", nl="Omgeving").get(lang),
            "when": Text(en="Checked at", nl="Gecontroleerd op").get(lang),
            "app": Text(en="App connector", nl="App connector").get(lang),
            "check": Text(en="Check", nl="Controle").get(lang),
            "status": Text(en="Result", nl="Resultaat").get(lang),
            "what": Text(en="What we found", nl="Wat we vonden").get(lang),
            "fix": Text(en="What to do", nl="Wat te doen").get(lang),
            "tech": Text(en="Technical detail", nl="Technisch detail").get(lang),
        }
        rows = []
        for c in sorted(self.checks, key=lambda c: attention_rank(c.status)):
            tech = "; ".join(
                x
                for x in (
                    f"HTTP {c.http_status}" if c.http_status else "",
                    f"profitLogReference {c.log_reference}" if c.log_reference else "",
                    c.detail,
                    f"{c.duration_ms} ms",
                )
                if x
            )
            rows.append(
                f'<tr class="{c.status.value}"><td>{e(status_label(c.status, lang))}</td>'
                f"<td><b>{e(c.title.get(lang))}</b><br><code>{e(c.id)}</code></td>"
                f"<td>{e(c.message.get(lang))}</td><td>{e(c.remedy.get(lang)) if c.remedy else ''}</td>"
                f"<td><small>{e(tech)}</small></td></tr>"
            )
        status_css = " ".join(
            f"tr.{s.value} td:first-child{{background:{look.background};color:{look.colour}}}"
            for s, look in STATUS_LOOK.items()
        )
        page = f"""<!DOCTYPE html>
<html lang="{lang.value}"><head><meta charset="utf-8"><title>{e(t["title"])} {e(self.environment)}</title>
<style>
body{{font-family:system-ui,sans-serif;margin:2em;color:#222}} table{{border-collapse:collapse;width:100%}}
td,th{{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}}
{status_css} code{{color:#555}}
</style></head><body>
<h1>{e(t["title"])}</h1>
<p><b>{e(self.summary(lang))}</b></p>
<p>{e(t["env"])}: <b>{e(self.environment)}</b> ({e(self.base_url)})<br>
{e(t["when"])}: {e(self.started_at.strftime("%Y-%m-%d %H:%M UTC"))} · {self.duration_ms} ms<br>
{e(t["app"])}: {e(self.app_connector or "–")} {e(self.user_group or "")}</p>
<table><tr><th>{e(t["status"])}</th><th>{e(t["check"])}</th><th>{e(t["what"])}</th><th>{e(t["fix"])}</th>
<th>{e(t["tech"])}</th></tr>
{"".join(rows)}
</table><p><small>sbq-setup {e(__version__)}</small></p></body></html>
"""
        return redact(page)
