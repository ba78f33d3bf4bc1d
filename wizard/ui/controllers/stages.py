"""What the staged flows (the move to OAuth, the secret's renewal) share on screen: a proof's verdict recorded and
shown on its stage."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

from wizard.flow.stages import StagedProgress, Verdict
from wizard.ui.controllers.context import Context
from wizard.ui.widgets import Level

S = TypeVar("S", bound=StrEnum)


def show_verdict(
    ctx: Context, progress: StagedProgress | None, verdict: Verdict[S], shown: Callable[[S, Level, str], None]
) -> None:
    """Record the verdict (an impossible check records nothing) and show it on its stage: proved, refused, or
    "could not check now"."""
    if progress is not None:
        verdict.apply(progress)
    level = Level.WARN if verdict.impossible else Level.OK if verdict.proved else Level.ERROR
    shown(verdict.stage, level, verdict.said.get(ctx.lang))
    ctx.changed()
