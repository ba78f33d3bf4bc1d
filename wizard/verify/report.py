"""The verification report: stable check ids, their statuses and one outcome, JSON for scripts and HTML for a
helpdesk ticket."""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from wizard import __version__
from wizard.domain.checks import CheckResult, Status
from wizard.domain.presentation import (
    STATUS_LOOK,
    USABLE,
    VERDICT_LOOK,
    Tone,
    Verdict,
    attention_rank,
    count_parts,
    status_label,
    verdict,
    verdict_label,
)
from wizard.domain.redact import redact
from wizard.domain.text import Lang, Text

__all__ = ["CheckResult", "Report", "Status", "check_dict", "result_label", "status_label"]


IMPOSSIBLE_LABEL = Text(en="Could not check now", nl="Nu niet te controleren")


def result_label(check: CheckResult, lang: Lang) -> str:
    """A check's status as every surface shows it; one AFAS could not be asked is never '✖ Failed'."""
    if check.impossible:
        return f"{VERDICT_LOOK[Verdict.IMPOSSIBLE].symbol} {IMPOSSIBLE_LABEL.get(lang)}"
    return status_label(check.status, lang)


# The report's own colours per tone (text, cell tint): printed and read on white, so one light set.
_TONE_CSS: dict[Tone, tuple[str, str]] = {
    Tone.GOOD: ("#1b6e20", "#e3f6e3"),
    Tone.NOTE: ("#1f4e79", "#e6eef7"),
    Tone.CAUTION: ("#8a5300", "#fff4d6"),
    Tone.BAD: ("#a31515", "#fde2e2"),
    Tone.QUIET: ("#555555", "#eeeeee"),
}


def check_dict(check: CheckResult, lang: Lang) -> dict[str, Any]:
    """One check as the JSON report writes it."""
    return {
        "id": str(check.id),
        "status": check.status.value,
        "status_label": result_label(check, lang),
        "impossible": check.impossible,
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
        """Per status, plus "could_not_check" (a check AFAS could not be asked for, not a failure) and "total":
        the statuses and could_not_check sum to the total."""
        counts = {status.value: 0 for status in Status} | {"could_not_check": 0}
        for check in self.checks:
            counts["could_not_check" if check.impossible else check.status.value] += 1
        counts["total"] = len(self.checks)
        return counts

    @property
    def impossible(self) -> bool:
        return any(c.impossible for c in self.checks)

    @property
    def ok(self) -> bool:
        return not self.impossible and all(c.status in USABLE for c in self.checks)

    @property
    def verdict(self) -> Verdict:
        return verdict(self.checks)

    def exit_code(self) -> int:
        """0 verified (notes, checks by hand and warnings allowed), 1 setup defects, 3 impossible right now."""
        return VERDICT_LOOK[self.verdict].exit_code

    def summary(self, lang: Lang) -> str:
        """The outcome in words: "All in order" / "Not complete yet" / "Cannot check right now", and why."""
        counts = self.counts()
        outcome = self.verdict
        if outcome is Verdict.IMPOSSIBLE:
            cause = next(c for c in self.checks if c.impossible)
            reached = cause.http_status is not None  # AFAS answered (maintenance, an IP restriction)
            text = (
                Text(
                    en="{o}: AFAS at {url} could not be checked right now: {why}. This says nothing about your setup; "
                    "{n} checks were not done.",
                    nl="{o}: AFAS op {url} kon nu niet worden gecontroleerd: {why}. Over uw inrichting zegt dit niets; "
                    "{n} controles zijn niet gedaan.",
                )
                if reached
                else Text(
                    en="{o}: could not reach AFAS at {url}: {why}. This says nothing about your setup; {n} checks "
                    "were not done.",
                    nl="{o}: AFAS was niet te bereiken op {url}: {why}. Over uw inrichting zegt dit niets; {n} "
                    "controles zijn niet gedaan.",
                )
            ).format(
                o=VERDICT_LOOK[outcome].title,
                why=cause.message,
                url=self.base_url,
                n=sum(1 for c in self.checks if c.status is Status.SKIP),
            )
        elif outcome is Verdict.OK:
            text = Text(
                en="{o}: SmartBooqing can use this AFAS environment ({n} checks: {parts}).",
                nl="{o}: SmartBooqing kan deze AFAS-omgeving gebruiken ({n} controles: {parts}).",
            ).format(o=VERDICT_LOOK[outcome].title, n=len(self.checks), parts=count_parts(counts, lang))
        else:
            text = Text(
                en="{o}: {f} of {n} checks failed; each says what is missing and how to fix it.",
                nl="{o}: {f} van de {n} controles mislukt; bij elke staat wat ontbreekt en hoe u het oplost.",
            ).format(o=VERDICT_LOOK[outcome].title, f=counts["fail"], n=len(self.checks))
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
            "summary": {
                **self.counts(),
                "ok": self.ok,
                "verdict": self.verdict.value,
                "verdict_label": verdict_label(self.verdict, lang),
                "exit_code": self.exit_code(),
                "text": self.summary(lang),
            },
            "checks": [check_dict(c, lang) for c in self.checks],
        }

    def to_json(self, lang: Lang) -> str:
        return json.dumps(_redacted(self.as_dict(lang)), ensure_ascii=False, indent=2)

    def to_html(self, lang: Lang) -> str:
        def e(text: str) -> str:
            return html.escape(redact(text))  # redacted first: an escaped secret is no longer recognised

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
            "skipped": Text(en="{n} checks not done", nl="{n} controles niet gedaan")
            .format(n=sum(1 for c in self.checks if c.status is Status.SKIP))
            .get(lang),
        }
        rows: list[str] = []
        skipped: list[str] = []
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
            (skipped if c.status is Status.SKIP else rows).append(
                f'<tr class="{c.status.value}"><td>{e(result_label(c, lang))}</td>'
                f"<td><b>{e(c.title.get(lang))}</b><br><code>{e(c.id)}</code></td>"
                f"<td>{e(c.message.get(lang))}</td><td>{e(c.remedy.get(lang)) if c.remedy else ''}</td>"
                f"<td><small>{e(tech)}</small></td></tr>"
            )
        status_css = " ".join(
            f"tr.{s.value} td:first-child{{background:{_TONE_CSS[look.tone][1]};color:{_TONE_CSS[look.tone][0]}}}"
            for s, look in STATUS_LOOK.items()
        )
        head = (
            f"<tr><th>{e(t['status'])}</th><th>{e(t['check'])}</th><th>{e(t['what'])}</th><th>{e(t['fix'])}</th>"
            f"<th>{e(t['tech'])}</th></tr>"
        )
        # Rows that were not checked say nothing about the setup: folded away, so they do not read as 34 problems.
        folded = (
            f"<details><summary>{e(t['skipped'])}</summary><table>{head}{''.join(skipped)}</table></details>"
            if skipped
            else ""
        )
        look = VERDICT_LOOK[self.verdict]
        page = f"""<!DOCTYPE html>
<html lang="{lang.value}"><head><meta charset="utf-8"><title>{e(t["title"])} {e(self.environment)}</title>
<style>
body{{font-family:system-ui,sans-serif;margin:2em;color:#222}} table{{border-collapse:collapse;width:100%}}
td,th{{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}}
{status_css} code{{color:#555}}
</style></head><body>
<h1>{e(t["title"])}</h1>
<h2 style="color:{_TONE_CSS[look.tone][0]}">{e(verdict_label(self.verdict, lang))}</h2>
<p><b>{e(self.summary(lang))}</b></p>
<p>{e(t["env"])}: <b>{e(self.environment)}</b> ({e(self.base_url)})<br>
{e(t["when"])}: {e(self.started_at.strftime("%Y-%m-%d %H:%M UTC"))} · {self.duration_ms} ms<br>
{e(t["app"])}: {e(self.app_connector or "–")} {e(self.user_group or "")}</p>
<table>{head}
{"".join(rows)}
</table>{folded}<p><small>sbq-setup {e(__version__)}</small></p></body></html>
"""
        return page


def _redacted(value: Any) -> Any:
    """Every string in a JSON-ready value redacted, before json.dumps escapes a quote or a line break inside it."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: _redacted(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_redacted(item) for item in value]
    return value
