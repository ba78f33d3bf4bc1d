from __future__ import annotations

import base64
import io
import struct
import zipfile
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.domain.gcn import (
    MAX_FILE_BYTES,
    STAND_IN_SIGNATURE,
    GcnError,
    GcnField,
    datetime_to_ole,
    read_gcn,
    stand_in_external_data,
    write_gcn,
    write_stand_in,
)

GUID = "D88607F538BA4610A164DFCFA39D92B8"
CREATED = datetime(2025, 1, 21, 16, 57, 25)
MODIFIED = datetime(2025, 1, 21, 17, 15, 42)
FIELDS = (
    GcnField("VatCode", "string", "Btw-code", "VAT code"),
    GcnField("VatPercentage", "decimal", "Percentage", "Percentage"),
)
# A proprietary-looking payload like AFAS's: Base64 of bytes starting with the 16-byte magic from afas-api.md §6.
OFFICIAL_PAYLOAD = base64.b64encode(bytes.fromhex("15d283e7cbb8074faa8a7065d8a6ddbb") + b"\x04Guid" * 40)


def _valid() -> bytes:
    return write_stand_in("SBQ_BTW", GUID, CREATED, MODIFIED, FIELDS)


def _official(payload: bytes = OFFICIAL_PAYLOAD, zip_bytes: bytes | None = None, **overrides: object) -> bytes:
    """A container shaped like AFAS's samples: a deflated ZIP, a proprietary payload, a 192-character signature."""
    if zip_bytes is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("ExternalData", payload)
        zip_bytes = buffer.getvalue()
    data = write_gcn(
        connector=str(overrides.get("connector", "SH_AUDIT_Plannen")),
        guid=str(overrides.get("guid", GUID)),
        created=overrides.get("created", CREATED),  # type: ignore[arg-type]
        modified=MODIFIED,
        external_data=b"placeholder",
        signature="A" * 192,
        product="Pay",
        system="Hr",
    )
    # Swap the stored placeholder ZIP for the deflated one (element 14 is the only byte array).
    marker = struct.pack("<HHII", 0x2011, 1, 0, 0)[:4]
    start = data.index(marker)
    (old_len,) = struct.unpack_from("<I", data, start + 4)
    return data[:start] + struct.pack("<HHII", 0x2011, 1, len(zip_bytes), 0) + zip_bytes + data[start + 12 + old_len :]


def test_stand_in_round_trip() -> None:
    definition = read_gcn(_valid())
    assert definition.connector == "SBQ_BTW"
    assert definition.guid == GUID
    assert (definition.created, definition.modified) == (CREATED, MODIFIED)
    assert definition.stand_in is True
    assert definition.fields == FIELDS


def test_official_shaped_file_reads_without_fields() -> None:
    definition = read_gcn(_official())
    assert (definition.connector, definition.guid, definition.stand_in, definition.fields) == (
        "SH_AUDIT_Plannen",
        GUID,
        False,
        None,
    )
    assert definition.created == CREATED


def test_stand_in_is_clearly_marked_inside() -> None:
    data = _valid()
    assert STAND_IN_SIGNATURE.encode() in data
    assert b"SBQ-STAND-IN-NOT-SIGNED" in base64.b64decode(STAND_IN_SIGNATURE)
    payload = base64.b64decode(stand_in_external_data("SBQ_BTW", FIELDS))
    assert b'"sbq-stand-in":1' in payload and b'"connector":"SBQ_BTW"' in payload


def test_writer_is_deterministic() -> None:
    assert _valid() == _valid()


def _expect(data: bytes, fragment: str, name: str = "SBQ_BTW.gcn") -> GcnError:
    with pytest.raises(GcnError) as err:
        read_gcn(data, name=name)
    assert fragment in err.value.message.en
    assert err.value.message.en.startswith(f"{name} is not an AFAS GetConnector file (")
    assert err.value.message.nl.startswith(f"{name} is geen AFAS GetConnector-bestand (")
    return err.value


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "unknown file structure"),
        (b"<?xml version='1.0'?><GetConnector/>", "unknown file structure"),
        (b"PK\x03\x04" + b"\x00" * 40, "unknown file structure"),
        (struct.pack("<HHII", 0x200C, 1, 16, 0) + b"\x00" * 64, "unknown file structure"),
        (struct.pack("<HHII", 0x200C, 1, 17, 0), "cut off"),
        (struct.pack("<HHII", 0x200C, 1, 17, 0) + struct.pack("<Hi", 8, 8), "element 0"),
    ],
)
def test_wrong_files_are_rejected(data: bytes, fragment: str) -> None:
    _expect(data, fragment)


def test_trailing_bytes_are_rejected() -> None:
    _expect(_valid() + b"\x00", "after the definition")


def test_truncated_file_is_rejected() -> None:
    _expect(_valid()[:-1], "cut off")


def test_message_without_a_name() -> None:
    with pytest.raises(GcnError) as err:
        read_gcn(b"nonsense")
    assert err.value.message.en.startswith("This file is not an AFAS GetConnector file")
    assert err.value.message.nl.startswith("Dit bestand is geen AFAS GetConnector-bestand")


@pytest.mark.parametrize("guid", ["D88607F538BA4610A164DFCFA39D92B", "Z88607F538BA4610A164DFCFA39D92B8", ""])
def test_bad_guid_is_rejected(guid: str) -> None:
    _expect(_official(guid=guid), "definition ID")


@pytest.mark.parametrize("connector", ["", "SBQ BTW", "1SBQ", "SBQ_BTW;drop"])
def test_bad_connector_name_is_rejected(connector: str) -> None:
    _expect(_official(connector=connector), "connector name")


@pytest.mark.parametrize("created", [datetime(1900, 1, 1), datetime(1985, 5, 1), datetime(2100, 1, 2)])
def test_implausible_dates_are_rejected(created: datetime) -> None:
    _expect(_official(created=created), "implausible date in element 4")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -1.0, 1e300])
def test_non_finite_dates_are_rejected(value: float) -> None:
    data = _valid()
    ole = struct.pack("<Hd", 7, datetime_to_ole(CREATED))
    assert data.count(ole) == 1
    _expect(data.replace(ole, struct.pack("<Hd", 7, value)), "implausible date")


def test_zip_without_external_data_is_rejected() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Other", b"x")
    _expect(_official(zip_bytes=buffer.getvalue()), "ZIP with ExternalData")


def test_non_zip_payload_is_rejected() -> None:
    _expect(_official(zip_bytes=b"not a zip at all"), "ZIP with ExternalData")


def test_zip_with_bad_crc_is_rejected() -> None:
    data = _valid()
    # The stand-in ZIP is stored, so its payload bytes appear verbatim: flip one of them.
    payload = stand_in_external_data("SBQ_BTW", FIELDS)
    at = data.index(payload) + 10
    flipped = data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]
    _expect(flipped, "ZIP with ExternalData")


def test_oversized_input_is_rejected_without_parsing() -> None:
    _expect(_valid() + b"\x00" * MAX_FILE_BYTES, "far too large")


def test_damaged_stand_in_payload_is_rejected() -> None:
    wrong_name = stand_in_external_data("SBQ_Other", FIELDS)
    data = write_gcn(connector="SBQ_BTW", guid=GUID, created=CREATED, modified=MODIFIED, external_data=wrong_name)
    _expect(data, "stand-in definition is damaged")
    bad_type = stand_in_external_data("SBQ_BTW", [GcnField("X", "money", "x", "x")])
    data = write_gcn(connector="SBQ_BTW", guid=GUID, created=CREATED, modified=MODIFIED, external_data=bad_type)
    _expect(data, "stand-in definition is damaged")


def test_non_bytes_input_is_rejected() -> None:
    with pytest.raises(GcnError):
        read_gcn("not bytes")  # type: ignore[arg-type]


# --- Property tests: no input may raise anything but GcnError. ---------------------------------------------


def _read_or_gcn_error(data: bytes) -> None:
    try:
        read_gcn(data, name="x.gcn")
    except GcnError as exc:
        assert exc.message.en and exc.message.nl


FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_raise_only_gcn_error(data: bytes) -> None:
    _read_or_gcn_error(data)


@FAST
@given(st.binary(max_size=512))
def test_arbitrary_bytes_after_a_valid_header_raise_only_gcn_error(tail: bytes) -> None:
    _read_or_gcn_error(struct.pack("<HHII", 0x200C, 1, 17, 0) + tail)


@FAST
@given(st.sampled_from([_valid(), _official()]).flatmap(lambda d: st.tuples(st.just(d), st.integers(0, len(d)))))
def test_truncations_raise_gcn_error(case: tuple[bytes, int]) -> None:
    data, cut = case
    if cut == len(data):
        read_gcn(data)
        return
    with pytest.raises(GcnError):
        read_gcn(data[:cut])


@FAST
@given(
    st.sampled_from([_valid(), _official()]).flatmap(
        lambda d: st.tuples(
            st.just(d), st.lists(st.tuples(st.integers(0, len(d) - 1), st.integers(1, 255)), min_size=1, max_size=4)
        )
    )
)
def test_byte_flips_raise_only_gcn_error(case: tuple[bytes, list[tuple[int, int]]]) -> None:
    data, flips = case
    mutable = bytearray(data)
    for at, mask in flips:
        mutable[at] ^= mask
    _read_or_gcn_error(bytes(mutable))


@FAST
@given(st.binary(max_size=1024))
def test_arbitrary_zip_payload_raises_only_gcn_error(zip_bytes: bytes) -> None:
    _read_or_gcn_error(_official(zip_bytes=zip_bytes))


@FAST
@given(st.binary(max_size=512))
def test_arbitrary_external_data_reads_or_raises_gcn_error(payload: bytes) -> None:
    _read_or_gcn_error(write_gcn(connector="SBQ_BTW", guid=GUID, created=CREATED, modified=MODIFIED,
                                 external_data=base64.b64encode(payload)))  # fmt: skip
