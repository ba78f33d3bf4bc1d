"""Every Dutch translation in the Qt catalogue keeps the English {placeholders} and a mnemonic where the English has
one: a missing name shows a raw "{n}" to a Dutch reader, an extra one raises KeyError in format(), and a lost '&'
takes the Alt key away from a keyboard user."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "sbq_nl.ts"
_MNEMONIC = re.compile(r"&(?!&)\w")


def test_every_translation_keeps_the_placeholders_and_the_mnemonic() -> None:
    messages = list(ET.parse(CATALOGUE).getroot().iter("message"))
    assert len(messages) > 300
    wrong = []
    for message in messages:
        en = message.findtext("source") or ""
        nl = message.findtext("translation") or ""
        if sorted(re.findall(r"\{\w*\}", en)) != sorted(re.findall(r"\{\w*\}", nl)):
            wrong.append(f"placeholders: {en[:60]!r} -> {nl[:60]!r}")
        if bool(_MNEMONIC.search(en)) != bool(_MNEMONIC.search(nl)):
            wrong.append(f"mnemonic: {en[:60]!r} -> {nl[:60]!r}")
    assert wrong == []
