"""Bilingual user-facing text for logic that has no Qt (CLI, verification, errors).

Qt pages translate their own labels with Qt Linguist; messages born in the logic layer travel as `Text`
so the CLI and the GUI can render them in whichever language the user chose.
"""

from __future__ import annotations

import datetime as dt
import locale
import os
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema


class Lang(StrEnum):
    NL = "nl"
    EN = "en"


@dataclass(frozen=True, slots=True)
class Text:
    """An immutable (en, nl) pair; both carry the same {placeholders} (tests/unit/test_text_pairs.py)."""

    en: str
    nl: str

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        """In a pydantic model (CheckResult): a Text instance as is, or {"en": ..., "nl": ...}; dumped as that dict."""
        from pydantic_core import core_schema as cs  # pydantic only once a model is built, never for `--help`

        fields = cs.typed_dict_schema(
            {"en": cs.typed_dict_field(cs.str_schema()), "nl": cs.typed_dict_field(cs.str_schema())}
        )
        from_dict = cs.no_info_after_validator_function(lambda d: cls(en=d["en"], nl=d["nl"]), fields)

        def instance_or_dict(value: Any, handler: cs.ValidatorFunctionWrapHandler) -> Any:
            return value if isinstance(value, cls) else handler(value)

        return cs.json_or_python_schema(
            json_schema=from_dict,
            python_schema=cs.no_info_wrap_validator_function(instance_or_dict, from_dict),
            serialization=cs.plain_serializer_function_ser_schema(lambda t: t.as_dict()),
        )

    def get(self, lang: Lang | str) -> str:
        return self.nl if Lang(lang) is Lang.NL else self.en

    def format(self, **values: Any) -> Text:
        """Fill the placeholders; a value that is itself a Text is filled in per language (e.g. a long date)."""
        en = {k: v.en if isinstance(v, Text) else v for k, v in values.items()}
        nl = {k: v.nl if isinstance(v, Text) else v for k, v in values.items()}
        return Text(en=self.en.format(**en), nl=self.nl.format(**nl))

    def __add__(self, other: Text) -> Text:
        return Text(en=self.en + other.en, nl=self.nl + other.nl)

    def as_dict(self) -> dict[str, str]:
        return {"en": self.en, "nl": self.nl}


def system_lang() -> Lang:
    """Dutch when the user's locale says Dutch, English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return Lang.NL if value.lower().startswith("nl") else Lang.EN
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return Lang.NL if code.lower().startswith(("nl", "dutch")) else Lang.EN


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")  # fmt: skip
_MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december")  # fmt: skip


def long_date(day: dt.date) -> Text:
    """'31 August 2027' / '31 augustus 2027': how a bookkeeper reads a date, not 2027-08-31."""
    return Text(
        en=f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}", nl=f"{day.day} {_MONTHS_NL[day.month - 1]} {day.year}"
    )
