"""The connector manifest (`connectors/manifest.toml`) as a validated model, parsed from text.

No I/O here: `wizard.data` reads the file (`load_manifest`) and hands the text to `parse_manifest`.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from wizard.domain.errors import UserFacingError
from wizard.domain.text import Text

Source = Literal["smartbooqing", "afas", "partner"]
Kind = Literal["get", "update", "special"]
Origin = Literal["stand-in", "official"]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AppConnectorDefaults(_Strict):
    description: str
    user_group_nl: str
    user_group_en: str


class GcnFile(_Strict):
    """A file SmartBooqing ships under the guide's file name; the object it defines is named by its connector's
    description (one name per object: `Manifest.name_of`), so the file has no title of its own."""

    file: str = Field(pattern=r"^SBQ_[A-Za-z_]+\.gcn$")
    connector: str
    origin: Origin
    sha256: str = Field(pattern=r"^([0-9a-f]{64})?$")
    note: str = ""


class ConnectorSpec(_Strict):
    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9_]*$")
    source: Source
    description_en: str
    description_nl: str
    required_fields: tuple[str, ...] = ()
    required_objects: tuple[str, ...] = ()
    note: str = ""
    kind: Kind = "get"  # set by the section the entry stands in

    @property
    def description(self) -> Text:
        return Text(en=self.description_en, nl=self.description_nl)


class Manifest(_Strict):
    schema_version: Literal[1]
    bundle_version: str
    app_connector: AppConnectorDefaults
    gcn_files: tuple[GcnFile, ...]
    get_connectors: tuple[ConnectorSpec, ...]
    update_connectors: tuple[ConnectorSpec, ...]
    special_connectors: tuple[ConnectorSpec, ...]

    @model_validator(mode="before")
    @classmethod
    def _tag_kinds(cls, data: object) -> object:
        if isinstance(data, dict):
            for section, kind in (("get_connectors", "get"), ("update_connectors", "update")):
                data[section] = [{**entry, "kind": kind} for entry in data.get(section, [])]
            data["special_connectors"] = [{**e, "kind": "special"} for e in data.get("special_connectors", [])]
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Manifest:
        problems: list[str] = []
        ids = [c.id for c in self.connectors]
        problems += [f"duplicate connector id {i}" for i, n in Counter(ids).items() if n > 1]
        files = [g.file for g in self.gcn_files]
        problems += [f"duplicate file {f}" for f, n in Counter(files).items() if n > 1]
        gets = {c.id: c for c in self.get_connectors}
        defined = {g.connector for g in self.gcn_files}
        for gcn in self.gcn_files:
            spec = gets.get(gcn.connector)
            if spec is None or spec.source != "smartbooqing":
                problems.append(f"{gcn.file} defines {gcn.connector}, which is not a SmartBooqing GetConnector")
        for spec in self.get_connectors:
            if spec.source == "smartbooqing":
                if spec.id not in defined:
                    problems.append(f"{spec.id} is a SmartBooqing connector but no .gcn file defines it")
                if not spec.required_fields:
                    problems.append(f"{spec.id} lists no required_fields")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def connectors(self) -> tuple[ConnectorSpec, ...]:
        return self.get_connectors + self.update_connectors + self.special_connectors

    def connector(self, connector_id: str) -> ConnectorSpec:
        for spec in self.connectors:
            if spec.id.lower() == connector_id.lower():
                return spec
        raise KeyError(connector_id)

    def name_of(self, connector_id: str) -> Text:
        """An object's one name on every page and in the CLI: its description with the id beside it."""
        spec = self.connector(connector_id)
        return Text(en=f"{spec.description_en} ({spec.id})", nl=f"{spec.description_nl} ({spec.id})")

    def file_name_of(self, gcn: GcnFile) -> Text:
        """Where the user picks files: the file name, then the same name its connector has everywhere else."""
        return Text(en=f"{gcn.file} — ", nl=f"{gcn.file} — ") + self.name_of(gcn.connector)

    def gcn_for(self, connector_id: str) -> GcnFile | None:
        return next((g for g in self.gcn_files if g.connector == connector_id), None)

    @property
    def has_stand_ins(self) -> bool:
        return any(g.origin == "stand-in" for g in self.gcn_files)


class ManifestError(UserFacingError):
    """The shipped bundle is damaged or inconsistent: a packaging defect, not a user mistake."""


def parse_manifest(text: str) -> Manifest:
    try:
        return Manifest.model_validate(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise ManifestError(
            Text(
                en="The connector bundle inside this program is damaged. Reinstall SmartBooqing AFAS Setup.",
                nl="De connectorbundel in dit programma is beschadigd. Installeer SmartBooqing AFAS Setup opnieuw.",
            ),
            detail=str(exc),
        ) from exc
