"""One zip for the helpdesk: the facts (`sbq-setup diagnose`, as text and JSON), the last check's report (HTML and
JSON, when a check ran) and the log file, every member redacted. Built by the wizard's helpdesk panel and by
`sbq-setup diagnose --export FILE.zip`.

Redaction happens here, on the finished text of each member, twice over: every secret this process knows
(wizard.domain.redact) and every token-shaped piece (a token's XML, a run of hex, a Base64 token header), because the
command line's process never saw the wizard's secrets, and a log may hold lines of an older run.
"""

from __future__ import annotations

import io
import json
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wizard import installation
from wizard.data.local_file import LocalFileError, read_local_file, write_local_file
from wizard.desktop.streams import log_file
from wizard.domain.redact import MASK, redact, secret_like
from wizard.domain.text import Lang, Text
from wizard.stores.diagnostics import Session, as_json, as_text, helpdesk_facts, technical_extras

MAX_LOG_BYTES = 4_000_000  # the log rotates at 1 MB; one process may write more, but a ticket needs no more


@dataclass(frozen=True)
class ReportFiles:
    """The last check's report, already rendered by the caller (the verification stack stays out of this layer)."""

    html: str
    json: str


NO_LOG = Text(
    en="No log file at {p}: this installation has written none (it writes one when it runs without a console or "
    "after a failure).",
    nl="Geen logbestand in {p}: deze installatie heeft er geen geschreven (dat gebeurt zonder console of na een "
    "storing).",
)
NO_REPORT = Text(
    en="No check report in this export: it is added when you export from the wizard's 'Info for the helpdesk' "
    "after a check.",
    nl="Geen controlerapport in deze export: dat komt erbij als u na een controle exporteert vanuit 'Info voor de "
    "helpdesk' in de wizard.",
)


def clean(text: str) -> str:
    """Every known secret, then every token-shaped piece, masked; the build's own commit hash is not a secret."""
    text = redact(text)
    commit = str(installation.build_info().get("commit") or "")
    for piece in secret_like(text):
        if piece != commit:
            text = text.replace(piece, MASK)
    return text


def members(lang: Lang, session: Session, report: ReportFiles | None) -> dict[str, str]:
    """The zip's files by name, redacted: README.txt, diagnose.txt, diagnose.json, report.*, sbq-setup.log*."""
    facts = helpdesk_facts(lang, session)
    data: dict[str, Any] = as_json(facts, technical_extras())
    exported = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    files = {
        "diagnose.txt": as_text(facts, lang) + "\n",
        "diagnose.json": json.dumps(data, ensure_ascii=False, indent=2) + "\n",
    }
    notes = []
    if report is not None:
        files["report.html"] = report.html
        files["report.json"] = report.json
    else:
        notes.append(NO_REPORT.get(lang))
    log = log_file()
    for path in (log, log.with_name(log.name + ".1")):
        try:
            files[path.name] = read_local_file(path, MAX_LOG_BYTES).decode("utf-8", errors="replace")
        except LocalFileError as exc:
            if path == log:
                notes.append(NO_LOG.format(p=path).get(lang) if exc.problem == "missing" else f"{path}: {exc}")
    readme = [
        Text(
            en="SmartBooqing AFAS Setup — export for the helpdesk",
            nl="SmartBooqing AFAS Setup — export voor de helpdesk",
        ).get(lang),
        Text(en="Made: {t}", nl="Gemaakt: {t}").format(t=exported).get(lang),
        Text(
            en="No passwords, tokens or client secrets: they are masked as {m}.",
            nl="Geen wachtwoorden, tokens of client secrets: die staan er als {m}.",
        )
        .format(m=MASK)
        .get(lang),
        "",
        *notes,
    ]
    files = {"README.txt": "\n".join(readme) + "\n", **files}
    return {name: clean(text) for name, text in files.items()}


def zip_bytes(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(f"sbq-setup-helpdesk/{name}", text.encode("utf-8"))
    return buffer.getvalue()


def write_export(path: Path, lang: Lang, session: Session, report: ReportFiles | None = None) -> Path:
    """Write the zip in one step (never half a file); OSError when it cannot be written."""
    target = path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")
    write_local_file(target, zip_bytes(members(lang, session, report)))
    return target
