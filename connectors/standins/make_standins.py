#!/usr/bin/env python3
"""Write the development stand-ins connectors/SBQ_*.gcn from connectors/standins/fields.toml.

Deterministic: fixed dates, GUIDs derived from the connector name, a stored (not deflated) ZIP, so running it again
gives byte-identical files (tests/unit/test_bundle_consistency.py checks that). Entries that manifest.toml marks
origin = "official" are never overwritten.

    .venv/bin/python connectors/standins/make_standins.py            # write into connectors/, update the hashes
    .venv/bin/python connectors/standins/make_standins.py --out DIR  # write elsewhere, leave the manifest alone
    .venv/bin/python connectors/standins/make_standins.py --check    # exit 1 if connectors/ is out of date
"""

from __future__ import annotations

import argparse
import sys
import tomllib
import uuid
from datetime import datetime
from pathlib import Path

from wizard.domain.bundle import sha256_of, update_manifest_entry
from wizard.domain.gcn import GcnField, write_stand_in
from wizard.domain.manifest import Manifest, parse_manifest

HERE = Path(__file__).resolve().parent
CONNECTORS = HERE.parent
FIELDS = HERE / "fields.toml"

# Fixed, so regeneration is byte-identical. The namespace is this project's own constant, not an AFAS value.
CREATED = datetime(2026, 11, 2, 9, 0, 0)
MODIFIED = datetime(2026, 11, 2, 9, 30, 0)
GUID_NAMESPACE = uuid.UUID("5b0c6a2e-3f1d-4e4b-9a55-53425121d001")


def stand_in_guid(connector: str) -> str:
    """32 upper-case hex digits like AFAS's GUIDs, derived from the connector name (uuid5)."""
    return uuid.uuid5(GUID_NAMESPACE, f"sbq-stand-in:{connector}").hex.upper()


def load_fields(path: Path = FIELDS) -> dict[str, tuple[GcnField, ...]]:
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    if document.get("format") != 1:
        raise SystemExit(f"{path}: unsupported format {document.get('format')!r}")
    return {
        connector: tuple(GcnField(**entry) for entry in table["fields"])
        for connector, table in document["connectors"].items()
    }


def build_stand_ins(manifest: Manifest, fields: dict[str, tuple[GcnField, ...]]) -> dict[str, bytes]:
    """File name -> stand-in bytes for every manifest entry that is still a stand-in."""
    out: dict[str, bytes] = {}
    for spec in manifest.gcn_files:
        if spec.origin != "stand-in":
            continue
        if spec.connector not in fields:
            raise SystemExit(f"{FIELDS.name} has no field list for {spec.connector}")
        guid = stand_in_guid(spec.connector)
        out[spec.file] = write_stand_in(spec.connector, guid, CREATED, MODIFIED, fields[spec.connector])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, help="write the files here and leave manifest.toml unchanged")
    parser.add_argument("--check", action="store_true", help="only compare with connectors/; exit 1 on a difference")
    args = parser.parse_args(argv)
    manifest_file = CONNECTORS / "manifest.toml"
    text = manifest_file.read_bytes().decode("utf-8")
    manifest = parse_manifest(text)
    files = build_stand_ins(manifest, load_fields())
    if args.check:
        stale = [
            name
            for name, data in files.items()
            if not (CONNECTORS / name).is_file()
            or (CONNECTORS / name).read_bytes() != data
            or manifest.gcn_files[[g.file for g in manifest.gcn_files].index(name)].sha256 != sha256_of(data)
        ]
        for name in stale:
            print(f"out of date: {name}", file=sys.stderr)
        return 1 if stale else 0
    target = args.out or CONNECTORS
    target.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (target / name).write_bytes(data)
        print(f"{sha256_of(data)}  {target / name}")
        if args.out is None:
            text = update_manifest_entry(text, name, sha256=sha256_of(data), origin="stand-in")
    skipped = [g.file for g in manifest.gcn_files if g.origin != "stand-in"]
    for name in skipped:
        print(f"kept official file {name}")
    if args.out is None:
        manifest_file.write_bytes(text.encode("utf-8"))
        parse_manifest(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
