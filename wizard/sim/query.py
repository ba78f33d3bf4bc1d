"""GetConnector query semantics: paging, filters (operators 1-15, `,` = AND, `;` = OR, filterjson), sorting.

Sources: afas-api.md §3.1 (OAS get-connector docs, troubleshooting, PracticalAfas quirk notes).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wizard.sim.model import FieldDef, GetDefinition

Row = dict[str, Any]
DEFAULT_TAKE = 100


class QueryError(Exception):
    """A functional error AFAS answers with a 500 body; `kind` picks the message."""

    def __init__(self, kind: str, field_id: str = "") -> None:
        super().__init__(f"{kind} {field_id}".strip())
        self.kind = kind  # "unexpected" | "field"
        self.field_id = field_id


@dataclass(frozen=True)
class Condition:
    field: FieldDef
    operator: int
    value: str


def _to_int(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return int(text.strip())
    except ValueError:
        return None


def paging(params: dict[str, str]) -> tuple[int, int, bool]:
    """(skip, take, all_rows). `skip=-1&take=-1` = all rows; `take=-1` with any other skip = unexpected error;
    `take=0` returns one row and a skip below -1 or not a number counts as 0 (PracticalAfas, tested 2017)."""
    skip = _to_int(params.get("skip"))
    take = _to_int(params.get("take"))
    skip = 0 if skip is None or skip < -1 else skip
    take = DEFAULT_TAKE if take is None else take
    if take == -1:
        if skip == -1:
            return -1, -1, True
        raise QueryError("unexpected")
    if take < -1:
        raise QueryError("unexpected")
    return skip, take, False


def coerce(value: Any, data_type: str) -> Any:
    """A sample value in the JSON type AFAS uses for the field's data type; None stays null."""
    if value is None:
        return None
    try:
        if data_type == "int":
            return int(value)
        if data_type == "decimal":
            return float(value)
        if data_type == "boolean":
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "ja", "yes")
    except (TypeError, ValueError):
        return None
    if data_type == "string":
        if isinstance(value, bool):
            return "1" if value else "0"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    return value


def project(definition: GetDefinition, rows: list[Row], extra: list[FieldDef] | None = None) -> list[Row]:
    fields = definition.fields + (extra or [])
    out = []
    for row in rows:
        lowered = {k.lower(): v for k, v in row.items()}
        out.append({f.id: coerce(lowered.get(f.id.lower()), f.data_type) for f in fields})
    return out


def _resolve(fields: list[FieldDef], field_id: str) -> FieldDef:
    wanted = field_id.strip().lower()
    for field in fields:
        if field.id.lower() == wanted:
            return field
    raise QueryError("field", field_id.strip())


def _typed(value: str, data_type: str) -> Any:
    text = value.strip()
    if data_type == "int":
        number = _to_int(text)
        return number if number is not None else text
    if data_type == "decimal":
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return text
    if data_type == "boolean":
        return text.lower() in ("1", "true", "ja", "yes", "-1")
    if data_type == "date":
        return text[:10]
    return text.lower()


def _cell(value: Any, data_type: str) -> Any:
    if value is None:
        return None
    if data_type == "date":
        return str(value)[:10]
    if data_type == "string":
        return str(value).lower()
    return value


def _compare(op: int, cell: Any, wanted: Any) -> bool:
    try:
        if op == 1:
            return bool(cell == wanted)
        if op == 7:
            return bool(cell != wanted)
        if op == 2:
            return bool(cell >= wanted)
        if op == 3:
            return bool(cell <= wanted)
        if op == 4:
            return bool(cell > wanted)
        if op == 5:
            return bool(cell < wanted)
    except TypeError:  # e.g. an int field compared with a non-numeric filter value: no match, like SQL
        return False
    raise QueryError("unexpected")


_TEXT_OPS: dict[int, Callable[[str, str], bool]] = {
    6: lambda c, w: w in c,
    11: lambda c, w: w not in c,
    10: lambda c, w: c.startswith(w),
    12: lambda c, w: not c.startswith(w),
    13: lambda c, w: c.endswith(w),
    14: lambda c, w: not c.endswith(w),
    15: lambda c, w: w in c,  # quick filter ("Sf"): a contains search
}


def matches(row: Row, cond: Condition) -> bool:
    value = row.get(cond.field.id)
    if cond.operator == 8:  # empty: still needs a value in the URL, which is ignored
        return value is None or value == ""
    if cond.operator == 9:
        return not (value is None or value == "")
    if value is None:  # SQL: NULL matches no comparison
        return False
    if cond.operator in _TEXT_OPS:
        wanted = cond.value.strip().strip("%").lower()  # libraries send contains values as %value%
        return _TEXT_OPS[cond.operator](str(_cell(value, "string")), wanted)
    return _compare(cond.operator, _cell(value, cond.field.data_type), _typed(cond.value, cond.field.data_type))


def parse_filters(fields: list[FieldDef], params: dict[str, str]) -> list[list[Condition]]:
    """OR-groups of AND-conditions. Unknown field: QueryError('field'); malformed lists: QueryError('unexpected')."""
    if "filterjson" in params:
        return _parse_filter_json(fields, params["filterjson"])
    ids = params.get("filterfieldids")
    if not ids:
        return []
    values = params.get("filtervalues", "")
    operators = params.get("operatortypes")
    id_groups = [g.split(",") for g in ids.split(";")]
    value_groups = [g.split(",") for g in values.split(";")]
    op_groups = [g.split(",") for g in operators.split(";")] if operators else [["1"] * len(g) for g in id_groups]
    if len(id_groups) != len(value_groups) or len(id_groups) != len(op_groups):
        raise QueryError("unexpected")
    groups = []
    for id_group, value_group, op_group in zip(id_groups, value_groups, op_groups, strict=True):
        if len(id_group) != len(value_group) or len(id_group) != len(op_group):
            raise QueryError("unexpected")
        group = []
        for field_id, value, op in zip(id_group, value_group, op_group, strict=True):
            field = _resolve(fields, field_id)
            operator = _to_int(op)
            if operator is None or not 1 <= operator <= 15:
                raise QueryError("unexpected")
            group.append(Condition(field, operator, value))
        groups.append(group)
    return groups


def _parse_filter_json(fields: list[FieldDef], text: str) -> list[list[Condition]]:
    try:
        document = json.loads(text)
        filters = document["Filters"]["Filter"]
        if isinstance(filters, dict):
            filters = [filters]
        groups = []
        for entry in filters:
            items = entry["Field"]
            if isinstance(items, dict):
                items = [items]
            group = []
            for item in items:
                field = _resolve(fields, str(item["@FieldId"]))
                operator = int(item.get("@OperatorType", 1))
                if not 1 <= operator <= 15:
                    raise QueryError("unexpected")
                group.append(Condition(field, operator, str(item.get("#text", ""))))
            groups.append(group)
        return groups
    except QueryError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise QueryError("unexpected") from exc


def parse_order(fields: list[FieldDef], params: dict[str, str]) -> list[tuple[FieldDef, bool]]:
    text = params.get("orderbyfieldids", "")
    order = []
    for part in text.split(","):
        name = part.strip()
        if not name:
            continue
        descending = name.startswith("-")
        order.append((_resolve(fields, name.lstrip("-+")), descending))
    return order


def _row_key(field: FieldDef, row: Row) -> tuple[bool, Any]:
    value = row.get(field.id)
    return (False, 0) if value is None else (True, _cell(value, field.data_type))


def run(rows: list[Row], fields: list[FieldDef], params: dict[str, str]) -> tuple[int, int, list[Row]]:
    """Apply a GetConnector query to projected rows; returns the echoed skip, take and the page."""
    groups = parse_filters(fields, params)
    order = parse_order(fields, params)
    skip, take, everything = paging(params)
    selected = [r for r in rows if not groups or any(all(matches(r, c) for c in g) for g in groups)]
    for field, descending in reversed(order):  # stable sorts, last key first
        # SQL Server sorts NULL first ascending; keep the value types apart so mixed cells never compare.
        selected.sort(key=functools.partial(_row_key, field), reverse=descending)
    if everything:
        return skip, take, selected
    count = 1 if take == 0 else take
    return skip, take, selected[skip : skip + count]
