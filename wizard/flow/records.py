"""Two small records the wizard's state carries: where the credential was stored, and the last check's outcome.

Frozen dataclasses (pydantic validates them in the saved form, `wizard.flow.saved_state`); a module of their own so
the window's first paint does not wait for `dataclasses` (issue 13: start-up): the state holds None in both until
the user stores a credential or runs the check.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.domain.text import Text


@dataclass(frozen=True, kw_only=True)
class TokenStorage:
    """Where the token was stored: shown to the user, saved with the progress (never the token)."""

    persistent: bool
    location_en: str
    location_nl: str

    @property
    def location(self) -> Text:
        return Text(en=self.location_en, nl=self.location_nl)


@dataclass(frozen=True, kw_only=True)
class VerificationSummary:
    """The outcome of the last verification run, enough to decide whether the Verify step is complete."""

    passed: int = 0
    warnings: int = 0
    failed: int = 0
    skipped: int = 0
    info: int = 0  # notes (the classic-token sunset): passed, said as information
    manual: int = 0  # what cannot be verified remotely: the user checks it by hand
    impossible: bool = False  # AFAS could not be asked right now (403, 503, network, TLS): says nothing of the setup

    @property
    def ok(self) -> bool:
        return self.failed == 0 and not self.impossible and self.passed + self.info + self.manual > 0
