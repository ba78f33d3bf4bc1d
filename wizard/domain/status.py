"""A check's status, in a module of its own: the GUI's status table loads it before pydantic (issue 13, start-up),
while the check results that carry it (wizard.domain.checks) are pydantic models."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    PASS = "pass"
    INFO = "info"  # passed, with something worth knowing (the classic-token sunset): a note, never a defect
    MANUAL = "manual"  # cannot be verified remotely: the user checks it by hand (its message says what)
    WARN = "warn"
    FAIL = "fail"
    SKIP = "skip"
