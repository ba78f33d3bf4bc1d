"""Progress per AFAS organisation, so the wizard resumes where the user (or the helpdesk) left it.

Everything but the token: the token lives only in the keyring. Files are written atomically; a damaged file is
set aside as *.corrupt with a warning, never a crash and never silently overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from pydantic import BaseModel, Field, ValidationError

from wizard.domain.redact import redact

log = logging.getLogger(__name__)

APP_NAME = "sbq-afas-setup"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class OrganisationProgress(BaseModel):
    env_key: str
    organisation: str = ""
    updated_at: dt.datetime = Field(default_factory=_now)
    # The wizard's persisted state (WizardState.persisted(): never the credential itself).
    wizard: dict[str, Any] = Field(default_factory=dict)

    @classmethod
    def from_wizard(cls, env_key: str, data: dict[str, Any]) -> OrganisationProgress:
        return cls(env_key=env_key, organisation=str(data.get("organisation") or ""), wizard=dict(data))

    def wizard_data(self) -> dict[str, Any]:
        return dict(self.wizard)


class ProgressStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or Path(user_data_dir(APP_NAME, appauthor=False)) / "progress"

    def _path(self, env_key: str) -> Path:
        # Environment keys may hold ':' or '/' (custom URLs): hash them into a safe file name.
        digest = hashlib.sha256(env_key.encode("utf-8")).hexdigest()[:16]
        safe = "".join(ch if ch.isalnum() else "_" for ch in env_key)[:40]
        return self.folder / f"{safe}-{digest}.json"

    def _read(self, path: Path) -> OrganisationProgress | None:
        try:
            return OrganisationProgress.model_validate_json(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError, ValidationError) as exc:
            log.warning("Ignoring damaged progress file %s: %s", path.name, redact(type(exc).__name__))
            with contextlib.suppress(OSError):
                path.replace(path.with_suffix(".corrupt"))
            return None

    def load(self, env_key: str) -> OrganisationProgress | None:
        progress = self._read(self._path(env_key))
        return progress if progress is not None and progress.env_key == env_key else None

    def save(self, progress: OrganisationProgress) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        progress = progress.model_copy(update={"updated_at": _now()})
        data = json.dumps(progress.model_dump(mode="json"), ensure_ascii=False, indent=1)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".progress-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
            os.replace(tmp, self._path(progress.env_key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def list(self) -> list[OrganisationProgress]:
        if not self.folder.is_dir():
            return []
        found = [p for p in (self._read(path) for path in sorted(self.folder.glob("*.json"))) if p is not None]
        return sorted(found, key=lambda p: p.updated_at, reverse=True)

    def delete(self, env_key: str) -> bool:
        path = self._path(env_key)
        if not path.exists():
            return False
        path.unlink()
        return True
