"""Progress through stages that must be proved in order (the move to OAuth, the secret's renewal): which are proved,
which one is open, what a failed proof reopens, and a proof's verdict. Pure Python; each process lists its stages in
`ORDER`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from wizard.domain.text import Text

S = TypeVar("S", bound=StrEnum)
NOT_NOW = Text(en="Checking is not possible right now: {why}", nl="Controleren is nu niet mogelijk: {why}")


class StagedProgress(BaseModel):
    """Which stages are proved. A subclass sets `ORDER` and narrows `done` to its own stage type."""

    model_config = ConfigDict(validate_assignment=True)
    ORDER: ClassVar[tuple[Any, ...]] = ()

    done: list[Any]

    @property
    def current(self) -> Any:
        """The first stage not yet proved; None when the process is complete."""
        for stage in self.ORDER:
            if stage not in self.done:
                return stage
        return None

    @property
    def complete(self) -> bool:
        return self.current is None

    def is_done(self, stage: StrEnum) -> bool:
        return stage in self.done

    def is_open(self, stage: StrEnum) -> bool:
        """A stage can be worked on once every stage before it is proved (the order is AFAS's)."""
        return stage is self.current

    def record(self, stage: StrEnum, proved: bool) -> None:
        """Record what the check for `stage` showed. Only the current stage can be proved; a failed proof of an
        earlier stage reopens it and everything after it."""
        index = self.ORDER.index(stage)
        if proved:
            if stage is self.current:
                self.done = [*self.done, stage]
            return
        self.done = [s for s in self.done if self.ORDER.index(s) < index]


@dataclass(frozen=True)
class Verdict(Generic[S]):
    """What one proof showed, in the user's words. `stage` is the stage it is recorded against (a failed proof may
    reopen an earlier one: a lost secret reopens the paste)."""

    stage: S
    proved: bool
    said: Text
    impossible: bool = False  # AFAS could not be asked right now: nothing is recorded, it says nothing about AFAS

    @classmethod
    def not_now(cls, stage: S, why: Text) -> Verdict[S]:
        """AFAS could not be asked right now (maintenance, network): says why, records nothing."""
        return cls(stage, False, NOT_NOW.format(why=why), impossible=True)

    def apply(self, progress: StagedProgress) -> None:
        if not self.impossible:
            progress.record(self.stage, self.proved)
