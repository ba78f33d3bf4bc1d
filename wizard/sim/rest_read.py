"""REST reads: `/metainfo`, `/metainfo/{get|update}/{id}` and GetConnector rows `/connectors/{id}`."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from wizard.sim import query
from wizard.sim.afas_http import Call, Caller, empty, error, json_response
from wizard.sim.catalog import subject_type_destination_fields
from wizard.sim.data import rows_for
from wizard.sim.model import FieldDef, GetDefinition, SimEnvironment, UpdateDefinition, UpdateObject


def linked_get(env: SimEnvironment, connector_id: str) -> GetDefinition | None:
    """The definition if the app connector may read it (call under env.lock)."""
    definition = env.get_definition(connector_id)
    app = env.app_connector
    if definition is None or app is None:
        return None
    if app.has("get", definition.id):
        return definition
    if definition.id.lower() == "profit_subjecttypes" and env.settings.subject_types_readable == "always":
        return definition
    return None


def unlinked(call: Call, kind: str) -> Response:
    """AFAS's answer for a Get or Update connector that is not on the app connector (a setting decides which)."""
    settings = call.env.settings
    call.info.note = f"{kind} connector not in app connector"
    status = settings.unlinked_get if kind == "get" else settings.unlinked_update
    if status == 401:
        return empty(401)
    return error(call.lang, f"{kind}-unsupported")


def _extra_fields(env: SimEnvironment, definition: GetDefinition) -> list[FieldDef]:
    if definition.id.lower() == "profit_subjecttypes" and env.settings.subject_type_destinations:
        return subject_type_destination_fields()
    return []


def _token_expiry(env: SimEnvironment, caller: Caller) -> str:
    if caller.access is not None:  # a Bearer call: what tokenExpiry says under OAuth is a setting (UNCONFIRMED)
        return env.oauth.token_expiry(caller.access)
    token = caller.token
    if token is None or token.expires is None or env.settings.token_expiry_style == "zero":
        return "0"  # "0" appears to mean: no expiry (UNCONFIRMED)
    return f"{token.expires.isoformat()}T00:00:00"


async def metainfo(call: Call) -> Response:
    """GET /metainfo: what the app connector offers, and who the token belongs to."""
    env, lang, caller = call.env, call.lang, call.caller
    assert caller is not None  # Gate.AUTH
    with env.lock:
        app = env.app_connector
        assert app is not None  # authorise() checked it
        gets = [d for c in app.get_connectors if (d := env.get_definition(c))]
        updates = [u for c in app.update_connectors if (u := env.update_definition(c))]
        get_list = [{"id": d.id, "description": d.description(lang)} for d in gets]
        specials = [{"id": s, "description": s} for s in app.special_connectors]
        where = env.settings.specials_in_metainfo
        if where == "get":
            get_list += specials
        body: dict[str, Any] = {
            "updateConnectors": [{"id": u.id, "description": u.description(lang)} for u in updates],
            "getConnectors": get_list,
        }
        if where == "custom":
            body["customConnectors"] = specials
        body["info"] = {
            "envid": env.env_id,
            "appName": app.description,
            "group": f"{app.user_group} ({caller.user.upper()})",
            "tokenExpiry": _token_expiry(env, caller),
        }
    return json_response(body)


async def connector_metainfo(call: Call) -> Response:
    """GET /metainfo/{get|update}/{id}: the fields of one linked connector."""
    env, lang = call.env, call.lang
    kind, connector_id = call.path_param("kind").lower(), call.path_param("connector")
    call.info.connector = connector_id
    with env.lock:
        app = env.app_connector
        assert app is not None
        if kind == "get":
            definition = linked_get(env, connector_id)
            if definition is None:
                return unlinked(call, "get")
            fields = definition.fields + _extra_fields(env, definition)
            return json_response(
                {
                    "name": definition.id,
                    "description": definition.description(lang),
                    "fields": [
                        {
                            "id": f.id,
                            "fieldId": f.code or f"U{n:03d}",
                            "dataType": f.data_type,
                            "label": f.label(lang),
                            "length": f.length,
                            "controlType": f.control_type,
                            "decimals": f.decimals,
                            "decimalsFieldId": "",
                        }
                        for n, f in enumerate(fields, start=1)
                    ],
                }
            )
        if kind == "update":
            update = env.update_definition(connector_id)
            if update is None or not app.has("update", update.id):
                return unlinked(call, "update")
            return json_response(_update_meta(env, update, lang))
        return empty(404)


def _update_field(env: SimEnvironment, f: FieldDef, lang: str) -> dict[str, Any]:
    primary: bool | str = f.primary_key
    if env.settings.primary_key_as == "string":
        primary = "true" if f.primary_key else "false"
    return {
        "fieldId": f.id,
        "primaryKey": primary,
        "dataType": f.data_type,
        "label": f.label(lang),
        "mandatory": f.mandatory,
        "length": f.length,
        "controlType": f.control_type,
        "decimals": f.decimals,
        "decimalFieldId": "",  # sic: update metainfo says decimalFieldId, get metainfo decimalsFieldId
        "notzero": False,
        "values": [],
    }


def _update_object(env: SimEnvironment, obj: UpdateObject, lang: str) -> dict[str, Any]:
    return {
        "name": obj.name,
        "fields": [_update_field(env, f, lang) for f in obj.fields],
        "objects": [_update_object(env, o, lang) for o in obj.objects],
    }


def _update_meta(env: SimEnvironment, update: UpdateDefinition, lang: str) -> dict[str, Any]:
    return {
        "name": update.id,
        "id": update.id,
        "description": update.description(lang),
        "fields": [_update_field(env, f, lang) for f in update.fields],
        "objects": [_update_object(env, o, lang) for o in update.objects],
    }


async def rows(call: Call) -> Response:
    """GET /connectors/{id}: one page of rows, filtered and sorted like AFAS."""
    env = call.env
    connector_id = call.path_param("connector")
    call.info.connector = connector_id
    with env.lock:
        definition = linked_get(env, connector_id)
        if definition is None:
            return unlinked(call, "get")
        if definition.blocked:
            call.info.note = "definition blocked"
            return error(call.lang, "blocked")
        extra = _extra_fields(env, definition)
        projected = query.project(definition, rows_for(env, definition.rows), extra)
        fields = definition.fields + extra
    try:
        skip, take, page = query.run(projected, fields, call.params())
    except query.QueryError as exc:
        call.info.note = str(exc)
        return error(call.lang, exc.kind, x=exc.field_id)
    return json_response({"skip": skip, "take": take, "rows": page})


async def not_found(call: Call) -> Response:
    """A path AFAS does not serve (after the gate: a known head answers 401 first without a valid token)."""
    return empty(404)
