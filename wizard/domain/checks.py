"""The verification's contract with its readers (flow, CLI, GUI, reports): check ids, statuses and typed outcomes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler
from pydantic_core import core_schema

# A result's status is part of this contract; it is defined with how it looks, in a module without pydantic.
from wizard.domain.presentation import Status as Status  # noqa: PLC0414
from wizard.domain.steps import StepId
from wizard.domain.text import Text


class CheckKind(StrEnum):
    AUTH = "auth"  # /metainfo: the token and the app connector
    GET = "get"  # a GetConnector is linked and readable
    FIELDS = "fields"  # a SmartBooqing GetConnector has the fields SmartBooqing needs
    UPDATE = "update"  # an UpdateConnector is linked (its metainfo only: nothing is ever written)
    SPECIAL = "special"  # a special connector answers its probe
    ATTACHMENTS = "attachments"  # KnSubject offers attachments
    TOKEN_EXPIRY = "token-expiry"
    TOKEN_SUNSET = "token-sunset"


PER_CONNECTOR = frozenset({CheckKind.GET, CheckKind.FIELDS, CheckKind.UPDATE, CheckKind.SPECIAL})


class CheckId(str):
    """A check's stable id: its kind, plus the connector for per-connector kinds. It *is* its text form
    ("auth", "get:SBQ_BTW"), so it keys dicts and JSON as before; `kind` and `connector` are its typed parts."""

    kind: CheckKind
    connector: str | None

    def __new__(cls, value: str) -> CheckId:
        if isinstance(value, CheckId):
            return value
        head, _, connector = str(value).partition(":")
        kind = CheckKind(head)  # ValueError for a kind no check has
        if (kind in PER_CONNECTOR) != bool(connector):
            raise ValueError(f"check id {value!r}: {kind} {'needs' if kind in PER_CONNECTOR else 'takes no'} connector")
        self = super().__new__(cls, value)
        self.kind = kind
        self.connector = connector or None
        return self

    @classmethod
    def of(cls, kind: CheckKind, connector: str | None = None) -> CheckId:
        return cls(f"{kind.value}:{connector}" if connector else kind.value)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls, core_schema.str_schema(), serialization=core_schema.to_string_ser_schema()
        )


@dataclass(frozen=True)
class Outcome:
    """What one check found: everything but which check it was and how long it took."""

    status: Status
    message: Text
    remedy: Text | None = None
    fix_step: StepId | None = None
    http_status: int | None = None
    log_reference: str | None = None
    detail: str = ""  # technical detail for a helpdesk (redacted before it is stored)
    # True when the check could not be done at all right now (IP restriction, maintenance, unreachable, timeout).
    impossible: bool = False
    profit_version: str | None = None  # what AppConnectorVersion answered
    # True when the object exists in AFAS but is blocked there: unblock it, never import or link it again.
    blocked: bool = False
    # True when the cause is the app connector's Authenticatietype (not its Geblokkeerd box): the fix names that field.
    auth_type: bool = False


class CheckResult(BaseModel):
    """One finished check, as the flow, the CLI, the GUI and the reports read it."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    id: CheckId
    status: Status
    title: Text
    message: Text
    remedy: Text | None = None
    fix_step: StepId | None = None
    http_status: int | None = None
    log_reference: str | None = None
    duration_ms: int = 0
    detail: str = ""
    impossible: bool = False
    profit_version: str | None = None
    blocked: bool = False
    auth_type: bool = False

    @classmethod
    def of(cls, check: CheckId, title: Text, outcome: Outcome, duration_ms: int = 0) -> CheckResult:
        return cls(
            id=check,
            title=title,
            duration_ms=duration_ms,
            status=outcome.status,
            message=outcome.message,
            remedy=outcome.remedy,
            fix_step=outcome.fix_step,
            http_status=outcome.http_status,
            log_reference=outcome.log_reference,
            detail=outcome.detail,
            impossible=outcome.impossible,
            profit_version=outcome.profit_version,
            blocked=outcome.blocked,
            auth_type=outcome.auth_type,
        )
