"""Reading AFAS's answers tolerantly: /metainfo, a connector's field and object lists, the token expiry date and the
SOAP DataConnector envelope. Shapes AFAS has not documented are accepted in every form seen (UNCONFIRMED ones say so).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element, ParseError

# defusedxml ships no type hints (and pyproject's overrides are not ours to edit): typed by _xml below.
from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.ElementTree import fromstring as _defused_fromstring  # type: ignore[import-untyped]

from wizard.domain.manifest import Manifest
from wizard.domain.redact import excerpt

NAME_LIMIT = 200  # characters of a name from /metainfo (app connector, user group, envid, tokenExpiry)


def _ids(value: Any) -> set[str]:
    out: set[str] = set()
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                out.add(item["id"].lower())
            elif isinstance(item, str):
                out.add(item.lower())
    return out


@dataclass(frozen=True)
class MetaInfo:
    get_ids: set[str]
    update_ids: set[str]
    # Whether AFAS lists the special connectors at all is UNCONFIRMED (afas-api.md §3.2): None = no list.
    special_ids: set[str] | None
    app_name: str | None
    group: str | None
    envid: str | None
    token_expiry: str | None

    @classmethod
    def parse(cls, body: Any, manifest: Manifest) -> MetaInfo:
        body = body if isinstance(body, dict) else {}
        info = body.get("info") if isinstance(body.get("info"), dict) else {}
        get_ids = _ids(body.get("getConnectors"))
        special_names = {s.id.lower() for s in manifest.special_connectors}
        special: set[str] | None = None
        custom = body.get("customConnectors")
        if isinstance(custom, list):
            special = _ids(custom)
        if get_ids & special_names:  # some environments mix them into getConnectors (UNCONFIRMED)
            special = (special or set()) | (get_ids & special_names)

        def text(key: str) -> str | None:
            value = info.get(key)  # a scalar; a list or an object is no name (and str() of a deep one recurses)
            # AFAS's words, shown in messages and reports: redacted, then shortened, before anything escapes them.
            return excerpt(str(value), NAME_LIMIT) if isinstance(value, str | int | float) else None

        return cls(
            get_ids=get_ids,
            update_ids=_ids(body.get("updateConnectors")),
            special_ids=special,
            app_name=text("appName"),
            group=text("group"),
            envid=text("envid"),
            token_expiry=text("tokenExpiry"),
        )


def field_ids(body: Any) -> set[str]:
    """The field ids of /metainfo/get/{id}, lower-cased."""
    fields = body.get("fields") if isinstance(body, dict) else None
    return {str(f.get("id", "")).lower() for f in fields or [] if isinstance(f, dict)}


def object_names(body: Any) -> set[str]:
    """The object names of /metainfo/update/{id}, lower-cased."""
    objects = body.get("objects") if isinstance(body, dict) else None
    return {str(o.get("name", "")).lower() for o in objects or [] if isinstance(o, dict)}


_DUTCH_MONTHS = {
    name: number
    for number, name in enumerate(
        ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
         "november", "december"),
        start=1,
    )
}  # fmt: skip


_NUMERIC_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s.*)?", re.ASCII)
_DUTCH_DATE = re.compile(r"(\d{1,2})\s+([a-z]+)\s+(\d{4})(?:\s.*)?", re.ASCII)


def parse_token_expiry(value: str | None) -> dt.date | str | None:
    """The date in info.tokenExpiry. The format is UNCONFIRMED (afas-api.md §3.2): "0" and "" mean none; ISO
    dates and date-times, d-m-yyyy and Dutch '1 mei 2027' are accepted. Anything else is returned unchanged."""
    if value is None:
        return None
    text = value.strip()
    if text in ("", "0", "null", "0001-01-01T00:00:00", "0001-01-01"):
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    match = _NUMERIC_DATE.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return text
    match = _DUTCH_DATE.fullmatch(text.lower())
    if match and match.group(2) in _DUTCH_MONTHS:
        try:
            return dt.date(int(match.group(3)), _DUTCH_MONTHS[match.group(2)], int(match.group(1)))
        except ValueError:
            return text
    return text


@dataclass(frozen=True)
class SoapAnswer:
    """What a SOAP DataConnector answer says: a fault (with AFAS's untrusted text), a schema, or neither."""

    parsed: bool  # False: not XML at all (a proxy's HTML page, an empty body)
    fault: str | None = None  # the faultstring, as AFAS wrote it (untrusted: redact before showing)
    fault_code: str | None = None
    has_connector_data: bool = False  # the GetXmlSchema result holds a ConnectorData element


def _xml(text: str) -> Element:
    """Parse without entity expansion or external references; ParseError or DefusedXmlException otherwise."""
    root: Element = _defused_fromstring(text)
    return root


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(root: Element, name: str) -> Element | None:
    return next((e for e in root.iter() if _local(e.tag).lower() == name.lower()), None)


def parse_soap(text: str) -> SoapAnswer:
    """Parse an envelope with defusedxml (no entities, no external references). The ExecuteResult holds the
    DataConnector document as escaped text; it is parsed in turn to find ConnectorData."""
    try:
        root = _xml(text)
    except (ParseError, DefusedXmlException, ValueError):
        return SoapAnswer(parsed=False)
    fault = _find(root, "Fault")
    if fault is not None:
        string = _find(fault, "faultstring")
        code = _find(fault, "faultcode")
        return SoapAnswer(
            parsed=True,
            fault=(string.text or "").strip() if string is not None else "",
            fault_code=(code.text or "").strip() if code is not None else None,
        )
    result = _find(root, "ExecuteResult")
    found = False
    if result is not None:
        inner = "".join(result.itertext()).strip()
        if inner:
            try:
                found = _find(_xml(inner), "ConnectorData") is not None
            except (ParseError, DefusedXmlException, ValueError):
                found = False
        found = found or _find(result, "ConnectorData") is not None  # an answer that nests it unescaped
    return SoapAnswer(parsed=True, has_connector_data=found)
