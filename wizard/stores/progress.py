"""Progress per AFAS organisation, so the wizard resumes where the user (or the helpdesk) left it.

Everything but the token: the token lives only in the keyring, and `save` refuses to write a file that contains
any registered secret form. Files are written atomically (temp file + fsync + os.replace; a killed save's temp
file is removed on the store's first use) and read through the one bounded reader (wizard.data.local_file); a
damaged file is set aside as *.corrupt with a warning, never a crash and never silently overwritten.

Two layers in one file: typed summary fields (environment, organisation, completed steps, checklist, where the
token is stored, last verification) for lists and the helpdesk, and `wizard`, the wizard's own persisted state
(wizard.flow.saved_state.save()), which is what a resumed session is rebuilt from.
"""

from __future__ import annotations

import builtins
import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from wizard.data.local_file import LocalFileError, read_local_file
from wizard.domain.environment import AfasEnvironment
from wizard.domain.errors import UserFacingError
from wizard.domain.redact import redact
from wizard.domain.steps import StepId
from wizard.domain.text import Text

log = logging.getLogger(__name__)

APP_NAME = "sbq-afas-setup"
SCHEMA_VERSION = 1
# A progress file is a few KB; anything far larger is not ours (or damaged) and is not read into memory.
MAX_FILE_BYTES = 1_000_000
ORPHAN_AGE = 600  # seconds: a save takes milliseconds, so an older temporary file is a killed save's leftover


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ProgressStoreError(UserFacingError):
    """Progress could not be written or removed (full disk, no permission); the wizard goes on without it."""


class VerificationCounts(BaseModel):
    model_config = ConfigDict(extra="ignore")

    passed: int = 0
    warnings: int = 0
    failed: int = 0
    skipped: int = 0
    impossible: bool = False  # AFAS could not be asked: that check proved nothing, whatever the other counts


class OrganisationProgress(BaseModel):
    # Newer versions may add fields: ignore them rather than discard the whole file.
    model_config = ConfigDict(extra="ignore")

    schema_version: int = SCHEMA_VERSION
    env_key: str = Field(min_length=1)
    env_id: str = ""  # e.g. O12345AA
    env_type: str = ""  # production / test / accept
    custom_rest_url: str | None = None
    custom_soap_url: str | None = None
    organisation: str = ""  # free text for the helpdesk's list
    completed_steps: set[StepId] = Field(default_factory=set)
    checklist: dict[str, bool] = Field(default_factory=dict)  # "gcn:SBQ_BTW.gcn", "get:SBQ_BTW", ...
    token_stored_in: dict[str, str] | None = None  # {"en": ..., "nl": ...}: where, never what
    last_verified_at: dt.datetime | None = None
    last_summary: VerificationCounts | None = None
    updated_at: dt.datetime = Field(default_factory=_now)
    # The wizard's persisted state (wizard.flow.saved_state.save(): never the credential itself).
    wizard: dict[str, Any] = Field(default_factory=dict)

    @field_validator("completed_steps", mode="before")
    @classmethod
    def _known_steps(cls, value: object) -> object:
        # A newer version may record a step this one does not know: drop it rather than set the whole file aside.
        if isinstance(value, list | set | tuple):
            known = {step.value for step in StepId}
            return {item for item in value if isinstance(item, str) and item in known}
        return value

    @field_validator("updated_at", "last_verified_at")
    @classmethod
    def _aware(cls, value: dt.datetime | None) -> dt.datetime | None:
        # A hand-edited or foreign file may hold a time without a zone; list() compares times, so make it UTC.
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value

    @property
    def organisation_name(self) -> str:
        return self.organisation

    @property
    def token_location(self) -> Text | None:
        where = self.token_stored_in
        if not where:
            return None
        return Text(en=where.get("en", ""), nl=where.get("nl", where.get("en", "")))

    @classmethod
    def from_wizard(
        cls, env_key: str, data: dict[str, Any], *, completed: set[StepId] | None = None
    ) -> OrganisationProgress:
        """Build the summary from wizard.flow.saved_state.save(). `completed`: the flow machine's own verdict, when the
        caller has it; otherwise only what the state shows unambiguously is recorded."""
        progress = cls(env_key=env_key, organisation=str(data.get("organisation") or ""), wizard=dict(data))
        env = _environment(data.get("environment"))
        if env is not None:
            progress.env_id = env.env_id
            progress.env_type = str(env.type)
            progress.custom_rest_url = env.custom_rest_url
            progress.custom_soap_url = env.custom_soap_url
        ticks = data.get("ticks")
        if isinstance(ticks, dict):
            progress.checklist = {
                str(item): True for items in ticks.values() if isinstance(items, list) for item in items
            }
        storage = data.get("token_storage")
        if isinstance(storage, dict) and storage.get("persistent"):
            progress.token_stored_in = {
                "en": str(storage.get("location_en", "")),
                "nl": str(storage.get("location_nl", "")),
            }
        summary = data.get("verification")
        if isinstance(summary, dict):
            try:
                progress.last_summary = VerificationCounts.model_validate(summary)
            except ValidationError:
                progress.last_summary = None
        if completed is not None:
            progress.completed_steps = set(completed)
        else:
            progress.completed_steps = _evident_steps(progress, data)
        return progress

    def wizard_data(self) -> dict[str, Any]:
        return dict(self.wizard)


def _environment(value: object) -> AfasEnvironment | None:
    if not isinstance(value, dict):
        return None
    try:
        return AfasEnvironment.model_validate(value)
    except ValidationError:
        return None


def _evident_steps(progress: OrganisationProgress, data: dict[str, Any]) -> set[StepId]:
    steps: set[StepId] = set()
    if progress.env_id:
        steps.add(StepId.ENVIRONMENT)
    if data.get("exported"):
        steps.add(StepId.CONNECTOR_FILES)
    if progress.token_stored_in is not None:
        steps.add(StepId.TOKEN)
    summary = progress.last_summary
    if summary is not None and summary.failed == 0 and summary.passed > 0 and not summary.impossible:
        steps.add(StepId.VERIFY)
    return steps


_WRITE_FAILED = Text(
    en="The progress for {org} could not be saved in {folder} ({e}). The wizard goes on, but will not remember it.",
    nl="De voortgang voor {org} kon niet worden bewaard in {folder} ({e}). De wizard gaat door, maar onthoudt hem "
    "niet.",
)
_DELETE_FAILED = Text(
    en="The saved progress for {org} could not be removed from {folder} ({e}).",
    nl="De bewaarde voortgang voor {org} kon niet worden verwijderd uit {folder} ({e}).",
)
_SECRET_INSIDE = Text(
    en="The progress for {org} was not saved because it contained a secret. Please report this to SmartBooqing.",
    nl="De voortgang voor {org} is niet bewaard omdat er een geheim in stond. Meld dit aan SmartBooqing.",
)


class ProgressStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or Path(user_data_dir(APP_NAME, appauthor=False)) / "progress"
        self._cleaned = False

    def __repr__(self) -> str:
        return f"ProgressStore({str(self.folder)!r})"

    def _path(self, env_key: str) -> Path:
        # Environment keys may hold ':' or '/' (custom URLs): a readable part plus a hash makes a safe file name.
        digest = hashlib.sha256(env_key.encode("utf-8")).hexdigest()[:16]
        safe = "".join(ch if ch.isascii() and ch.isalnum() else "_" for ch in env_key)[:40]
        return self.folder / f"{safe}-{digest}.json"

    def _set_aside(self, path: Path, reason: str) -> None:
        """Keep a damaged file for the helpdesk under a name no later save can overwrite."""
        stamp = _now().strftime("%Y%m%dT%H%M%S%f")
        target = path.with_name(f"{path.stem}.{stamp}.corrupt")
        log.warning("Ignoring damaged progress file %s (%s); kept as %s", path.name, reason, target.name)
        try:
            path.replace(target)
        except OSError as exc:
            log.warning("Could not set %s aside: %s", path.name, type(exc).__name__)

    def _read(self, path: Path) -> OrganisationProgress | None:
        self._clean_orphans()
        try:
            raw = read_local_file(path, MAX_FILE_BYTES)
        except LocalFileError as exc:
            if exc.problem == "too-large":
                self._set_aside(path, f"over {MAX_FILE_BYTES} bytes")
            elif exc.problem != "missing":
                # A pipe, device or unreadable file (permissions, I/O error): skip it, but leave it untouched.
                log.warning("Cannot read progress file %s: %s", path.name, exc.problem)
            return None
        try:
            return OrganisationProgress.model_validate_json(raw)
        except (ValueError, ValidationError) as exc:
            self._set_aside(path, redact(type(exc).__name__))
            return None

    def _clean_orphans(self) -> None:
        """Remove temporary files a killed save left behind, once per store; a recent one may be another
        process's save in progress, so only those older than ORPHAN_AGE go."""
        if self._cleaned:
            return
        self._cleaned = True
        cutoff = time.time() - ORPHAN_AGE
        try:
            orphans = [p for p in self.folder.glob(".progress-*.tmp") if p.lstat().st_mtime < cutoff]
            for orphan in orphans:
                orphan.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("Could not clean temporary progress files: %s", type(exc).__name__)

    def load(self, env_key: str) -> OrganisationProgress | None:
        progress = self._read(self._path(env_key))
        return progress if progress is not None and progress.env_key == env_key else None

    def save(self, progress: OrganisationProgress) -> OrganisationProgress:
        """Write atomically; returns what was written (with updated_at and, when the verification summary changed,
        last_verified_at set)."""
        path = self._path(progress.env_key)
        org = progress.organisation or progress.env_id or progress.env_key
        previous = self._read(path) if path.exists() else None  # a damaged file is set aside here, not overwritten
        now = _now()
        update: dict[str, Any] = {"updated_at": now}
        if progress.last_verified_at is None and progress.last_summary is not None:
            same = previous is not None and previous.last_summary == progress.last_summary
            update["last_verified_at"] = previous.last_verified_at if same and previous is not None else now
        progress = progress.model_copy(update=update)
        data = json.dumps(progress.model_dump(mode="json"), ensure_ascii=False, indent=1, sort_keys=True)
        if redact(data) != data:
            # Defence in depth: a token that slipped into the wizard's state must never reach the disk.
            raise ProgressStoreError(_SECRET_INSIDE.format(org=org))
        tmp: str | None = None
        self._clean_orphans()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".progress-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            raise ProgressStoreError(
                _WRITE_FAILED.format(org=org, folder=self.folder, e=type(exc).__name__), detail=str(exc)
            ) from None
        return progress

    def list(self) -> builtins.list[OrganisationProgress]:
        """Every readable organisation, most recently updated first; damaged files are set aside and skipped."""
        if not self.folder.is_dir():
            return []
        self._clean_orphans()
        found = [p for p in (self._read(path) for path in sorted(self.folder.glob("*.json"))) if p is not None]
        return sorted(found, key=lambda p: p.updated_at, reverse=True)

    def delete(self, env_key: str) -> bool:
        path = self._path(env_key)
        try:
            path.unlink()
        except (FileNotFoundError, NotADirectoryError):
            return False
        except OSError as exc:
            raise ProgressStoreError(
                _DELETE_FAILED.format(org=env_key, folder=self.folder, e=type(exc).__name__), detail=str(exc)
            ) from None
        return True
