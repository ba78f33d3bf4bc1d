"""The error type every input check raises: a bilingual message the user can act on, never a traceback."""

from __future__ import annotations

from wizard.domain.text import Lang, Text


class UserFacingError(Exception):
    """An error whose message is meant for the user, in their language; `detail` is for the helpdesk."""

    def __init__(self, message: Text, detail: str = "") -> None:
        super().__init__(message.en)
        self.message = message
        self.detail = detail

    def text(self, lang: Lang | str) -> str:
        return self.message.get(lang)


class InputError(UserFacingError):
    """Bad input found before anything was sent or written (CLI exit code 2)."""
