"""The AFAS GetConnector definition file (`.gcn`): a strict reader, and a writer for our development stand-ins.

The format is reverse-engineered from six AFAS sample files (afas-api.md §6, UNCONFIRMED beyond them): a serialised
OLE VARIANT SAFEARRAY (`0x200C`, one dimension, 17 elements, little-endian). We check the types of all 17 elements
and the values we rely on (GUID, connector name, dates, the embedded ZIP with `ExternalData`); the values of the
elements whose meaning is unknown (0, 2, 6-13, 15, 16) are deliberately not checked, so an official file with other
values still reads. A `.gcn` is never rewritten: element 15 looks like a signature.

Our stand-ins use the same container; their `ExternalData` is Base64 text of a JSON document marked
`"sbq-stand-in"` that lists the fields (documented in connectors/README.md). Official files carry a proprietary
payload, so `fields` is None for them.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import math
import re
import struct
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from wizard.domain.errors import UserFacingError
from wizard.domain.text import Text

# Variant type codes (afas-api.md §6).
VT_I4 = 0x0003
VT_DATE = 0x0007
VT_BSTR = 0x0008
VT_BOOL = 0x000B
VT_ARRAY_VARIANT = 0x200C
VT_ARRAY_UI1 = 0x2011

ELEMENT_COUNT = 17
# The observed type of each element, by position.
LAYOUT: tuple[int, ...] = (
    VT_I4,  # 0 object type (8 = GetConnector definition in every sample)
    VT_BSTR,  # 1 definition GUID
    VT_I4,  # 2 ?
    VT_BSTR,  # 3 GetConnector id
    VT_DATE,  # 4 created
    VT_DATE,  # 5 modified
    VT_I4,  # 6 ?
    VT_I4,  # 7 CnSn
    VT_BSTR,  # 8 ?
    VT_BSTR,  # 9 ?
    VT_BSTR,  # 10 ?
    VT_BSTR,  # 11 product (PrId)
    VT_BSTR,  # 12 system (SyId)
    VT_BOOL,  # 13 ?
    VT_ARRAY_UI1,  # 14 ZIP holding ExternalData
    VT_BSTR,  # 15 signature-like: never edit a .gcn
    VT_BOOL,  # 16 ?
)

# AFAS's samples are 5-7 KB; a GetConnector with a long field list stays far below this. The cap keeps a wrong
# file (a video dragged into the dialog) from being read into memory or decompressed at length.
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_EXTERNAL_DATA_BYTES = 32 * 1024 * 1024
EXTERNAL_DATA = "ExternalData"
STAND_IN_MARKER = "sbq-stand-in"
STAND_IN_FORMAT = 1
DATA_TYPES = frozenset({"string", "int", "decimal", "date", "boolean", "blob"})

_OLE_EPOCH = datetime(1899, 12, 30)
# Sanity window for the created/modified dates: AFAS Profit's GetConnector export exists since the 2000s.
_EARLIEST = datetime(1990, 1, 1)
_LATEST = datetime(2100, 1, 1)
_GUID = re.compile(r"[0-9A-Fa-f]{32}")
_CONNECTOR_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,99}")

# Failures zipfile/zlib raise on hostile input; read_gcn turns each into a GcnError.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    NotImplementedError,  # unsupported compression method
    RuntimeError,  # encrypted member
    EOFError,
    OSError,
    ValueError,
    struct.error,
    KeyError,
    IndexError,
    OverflowError,
    UnicodeDecodeError,
)


_T = TypeVar("_T")


class GcnError(UserFacingError):
    """The data is not a readable AFAS GetConnector file. The only exception read_gcn raises."""


@dataclass(frozen=True)
class GcnField:
    id: str
    data_type: str
    label_nl: str
    label_en: str


@dataclass(frozen=True)
class GcnDefinition:
    connector: str
    guid: str
    created: datetime
    modified: datetime
    stand_in: bool
    fields: tuple[GcnField, ...] | None  # known for our stand-ins; None for official files (proprietary payload)


def _reject(name: str, reason: Text, detail: str = "") -> GcnError:
    subject = Text(en=name, nl=name) if name else Text(en="This file", nl="Dit bestand")
    return GcnError(
        subject
        + Text(en=" is not an AFAS GetConnector file (", nl=" is geen AFAS GetConnector-bestand (")
        + reason
        + Text(en=").", nl=")."),
        detail=detail,
    )


class _Reader:
    def __init__(self, data: bytes, name: str) -> None:
        self.data = data
        self.pos = 0
        self.name = name

    def take(self, size: int) -> bytes:
        end = self.pos + size
        if end > len(self.data):
            raise _reject(
                self.name,
                Text(en="the file is cut off", nl="het bestand is afgekapt"),
                f"needed {size} bytes at offset {self.pos}, file has {len(self.data)}",
            )
        chunk = self.data[self.pos : end]
        self.pos = end
        return chunk

    def unpack(self, fmt: str) -> tuple[Any, ...]:
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))

    def value(self, index: int, expected: int) -> object:
        offset = self.pos
        (vt,) = self.unpack("<H")
        if vt != expected:
            raise _reject(
                self.name,
                Text(en="unexpected content in element {i}", nl="onverwachte inhoud in element {i}").format(i=index),
                f"element {index} at offset {offset}: variant type {vt:#06x}, expected {expected:#06x}",
            )
        if vt == VT_I4:
            return self.unpack("<i")[0]
        if vt == VT_BOOL:
            return self.unpack("<h")[0] != 0
        if vt == VT_DATE:
            return self.unpack("<d")[0]
        if vt == VT_BSTR:
            (length,) = self.unpack("<H")
            return self.take(length).decode("latin-1")
        # VT_ARRAY | VT_UI1
        dims, length, _lbound = self.unpack("<HII")
        if dims != 1:
            raise _reject(
                self.name,
                Text(en="unexpected content in element {i}", nl="onverwachte inhoud in element {i}").format(i=index),
                f"element {index}: byte array with {dims} dimensions",
            )
        return self.take(length)


def _ole_to_datetime(value: float, reader: _Reader, index: int) -> datetime:
    bad = Text(en="implausible date in element {i}", nl="onwaarschijnlijke datum in element {i}").format(i=index)
    if not math.isfinite(value):
        raise _reject(reader.name, bad, f"element {index}: {value!r}")
    # Millisecond resolution: an OLE date is a double and whole seconds do not survive the round trip exactly.
    span = (_LATEST - _OLE_EPOCH) / timedelta(days=1)
    if not 0 <= value <= span:
        raise _reject(reader.name, bad, f"element {index}: OLE date {value!r}")
    moment = _OLE_EPOCH + timedelta(milliseconds=round(value * 86_400_000))
    if not _EARLIEST <= moment < _LATEST:
        raise _reject(reader.name, bad, f"element {index}: {moment.isoformat()}")
    return moment


def datetime_to_ole(moment: datetime) -> float:
    return (moment.replace(tzinfo=None) - _OLE_EPOCH) / timedelta(days=1)


def _external_data(blob: bytes, name: str) -> bytes:
    not_zip = Text(
        en="the embedded definition is not a valid ZIP with ExternalData",
        nl="de ingesloten definitie is geen geldige ZIP met ExternalData",
    )
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            info = archive.getinfo(EXTERNAL_DATA)  # KeyError when the member is missing
            if info.file_size > MAX_EXTERNAL_DATA_BYTES:
                raise _reject(name, not_zip, f"ExternalData declares {info.file_size} bytes")
            with archive.open(info) as member:
                # Reading to the end makes zipfile verify the CRC; the cap stops a lying size header.
                content = member.read(MAX_EXTERNAL_DATA_BYTES + 1)
    except GcnError:
        raise
    except _ZIP_ERRORS as exc:
        raise _reject(name, not_zip, f"{type(exc).__name__}: {exc}") from None
    if len(content) > MAX_EXTERNAL_DATA_BYTES:
        raise _reject(name, not_zip, "ExternalData exceeds the size cap")
    return content


def _stand_in_payload(content: bytes) -> dict[str, Any] | None:
    """The decoded stand-in document, or None when ExternalData is not ours (an official, proprietary payload)."""
    try:
        decoded = base64.b64decode(content, validate=True)
        document = json.loads(decoded.decode("utf-8"))
    except (binascii.Error, ValueError, RecursionError):
        return None
    if isinstance(document, dict) and STAND_IN_MARKER in document:
        return document
    return None


def _stand_in_fields(document: dict[str, Any], connector: str, name: str) -> tuple[GcnField, ...]:
    bad = Text(en="the stand-in definition is damaged", nl="de vervangende definitie is beschadigd")
    if document.get(STAND_IN_MARKER) != STAND_IN_FORMAT or document.get("connector") != connector:
        raise _reject(name, bad, "marker, format or connector name does not match the container")
    raw = document.get("fields")
    if not isinstance(raw, list) or not raw:
        raise _reject(name, bad, "no field list")
    fields: list[GcnField] = []
    for entry in raw:
        keys = ("id", "data_type", "label_nl", "label_en")
        if not isinstance(entry, dict) or set(entry) != set(keys) or not all(isinstance(entry[k], str) for k in keys):
            raise _reject(name, bad, f"field entry {entry!r}")
        field = GcnField(**{k: entry[k] for k in keys})
        if not _CONNECTOR_ID.fullmatch(field.id) or field.data_type not in DATA_TYPES:
            raise _reject(name, bad, f"field {field.id!r} of type {field.data_type!r}")
        fields.append(field)
    if len({f.id for f in fields}) != len(fields):
        raise _reject(name, bad, "duplicate field id")
    return tuple(fields)


def _as(kind: type[_T], value: object) -> _T:
    if not isinstance(value, kind):  # unreachable: LAYOUT fixes each element's type
        raise TypeError(kind)
    return value


def read_gcn(data: bytes, *, name: str = "") -> GcnDefinition:
    """Read and check a `.gcn`; `name` (the file name) only makes messages clearer. Raises only GcnError."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise _reject(name, Text(en="no file content", nl="geen bestandsinhoud"), type(data).__name__)
    data = bytes(data)
    if len(data) > MAX_FILE_BYTES:
        raise _reject(
            name,
            Text(en="far too large", nl="veel te groot"),
            f"{len(data)} bytes, the limit is {MAX_FILE_BYTES}",
        )
    reader = _Reader(data, name)
    header = Text(en="unknown file structure", nl="onbekende bestandsstructuur")
    if len(data) < 12:
        raise _reject(name, header, f"{len(data)} bytes")
    vt, dims, count, lbound = reader.unpack("<HHII")
    if (vt, dims, count, lbound) != (VT_ARRAY_VARIANT, 1, ELEMENT_COUNT, 0):
        raise _reject(name, header, f"header vt={vt:#06x} dims={dims} count={count} lbound={lbound}")
    values = [reader.value(index, expected) for index, expected in enumerate(LAYOUT)]
    if reader.pos != len(data):
        raise _reject(
            name,
            Text(en="unexpected data after the definition", nl="onverwachte gegevens na de definitie"),
            f"{len(data) - reader.pos} trailing bytes",
        )
    guid, connector = str(values[1]), str(values[3])
    if not _GUID.fullmatch(guid):
        raise _reject(name, Text(en="the definition ID is invalid", nl="de definitie-ID is ongeldig"), repr(guid))
    if not _CONNECTOR_ID.fullmatch(connector):
        raise _reject(
            name, Text(en="the connector name is invalid", nl="de connectornaam is ongeldig"), repr(connector)
        )
    created = _ole_to_datetime(_as(float, values[4]), reader, 4)
    modified = _ole_to_datetime(_as(float, values[5]), reader, 5)
    blob = _as(bytes, values[14])
    content = _external_data(blob, name)
    document = _stand_in_payload(content)
    fields = _stand_in_fields(document, connector, name) if document is not None else None
    return GcnDefinition(
        connector=connector,
        guid=guid,
        created=created,
        modified=modified,
        stand_in=document is not None,
        fields=fields,
    )


# --- Writing: only for development stand-ins. Official files are copied byte for byte, never rewritten. -------


def _variant(vt: int, value: object) -> bytes:
    head = struct.pack("<H", vt)
    if vt == VT_I4:
        assert isinstance(value, int)
        return head + struct.pack("<i", value)
    if vt == VT_BOOL:
        return head + struct.pack("<h", -1 if value else 0)
    if vt == VT_DATE:
        assert isinstance(value, datetime)
        return head + struct.pack("<d", datetime_to_ole(value))
    if vt == VT_BSTR:
        assert isinstance(value, str)
        raw = value.encode("latin-1")
        return head + struct.pack("<H", len(raw)) + raw
    assert vt == VT_ARRAY_UI1 and isinstance(value, bytes)
    return head + struct.pack("<HII", 1, len(value), 0) + value


def _deterministic_zip(member: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    # Stored, not deflated: deflate output may differ between zlib builds, and regeneration must be byte-identical.
    info = zipfile.ZipInfo(member, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    info.create_system = 0
    info.external_attr = 0
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(info, content)
    return buffer.getvalue()


def stand_in_external_data(connector: str, fields: Sequence[GcnField]) -> bytes:
    """The `ExternalData` member of a stand-in: Base64 text of a marked JSON document (connectors/README.md)."""
    document = {
        STAND_IN_MARKER: STAND_IN_FORMAT,
        "connector": connector,
        "note": "Development stand-in made by connectors/standins/make_standins.py. Not an AFAS export; "
        "AFAS Profit will not import it. Replace it with the official SmartBooqing file (sbq-setup bundle adopt).",
        "fields": [
            {"id": f.id, "data_type": f.data_type, "label_nl": f.label_nl, "label_en": f.label_en} for f in fields
        ],
    }
    text = json.dumps(document, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return base64.b64encode(text.encode("ascii"))


# Element 15 of a stand-in: as long as AFAS's (192 Base64 characters) and visibly not a signature.
STAND_IN_SIGNATURE = base64.b64encode((b"SBQ-STAND-IN-NOT-SIGNED " * 6)[:144]).decode("ascii")


def write_gcn(
    *,
    connector: str,
    guid: str,
    created: datetime,
    modified: datetime,
    external_data: bytes,
    signature: str = STAND_IN_SIGNATURE,
    product: str = "Fi",
    system: str = "Fi",
) -> bytes:
    """Serialise a container in the observed layout. The unknown elements get the values seen in AFAS's samples."""
    values: tuple[object, ...] = (
        8,
        guid,
        8,
        connector,
        created,
        modified,
        0,
        3000,
        "2",
        "9",
        "1400",
        product,
        system,
        False,
        _deterministic_zip(EXTERNAL_DATA, external_data),
        signature,
        False,
    )
    body = b"".join(_variant(vt, value) for vt, value in zip(LAYOUT, values, strict=True))
    return struct.pack("<HHII", VT_ARRAY_VARIANT, 1, ELEMENT_COUNT, 0) + body


def write_stand_in(
    connector: str, guid: str, created: datetime, modified: datetime, fields: Sequence[GcnField]
) -> bytes:
    return write_gcn(
        connector=connector,
        guid=guid,
        created=created,
        modified=modified,
        external_data=stand_in_external_data(connector, fields),
    )
