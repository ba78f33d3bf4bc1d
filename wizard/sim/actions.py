"""The steps of the setup guide, performed on the simulated environment (used by scenarios and the admin API)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from wizard.data import load_manifest
from wizard.domain.gcn import GcnError, read_gcn
from wizard.domain.manifest import Manifest
from wizard.domain.text import Text
from wizard.sim.data import CONNECTOR_SOURCES
from wizard.sim.model import (
    DESTINATIONS,
    MAX_LATENCY_MS,
    PURCHASE_INVOICE,
    SALES_INVOICE,
    SPECIAL_CONNECTORS,
    FieldDef,
    GetDefinition,
    SimEnvironment,
    SimFaults,
    SimSettings,
    SimStepError,
)
from wizard.sim.oauth import AUTH_TYPES, SimOAuthError
from wizard.sim.oauth_admin import update_fields


class GcnImportError(SimStepError):
    """AFAS refuses the import; `message` is what Profit's import dialog would say."""

    def __init__(self, message: Text, detail: str = "") -> None:
        super().__init__("invalid-gcn", detail)
        self.message = message


def import_gcn(env: SimEnvironment, file_name: str, data: bytes, manifest: Manifest | None = None) -> GetDefinition:
    """Import a `.gcn` like Profit's Getconnector beheren uitgebreid > Importeren; returns the definition.

    A stand-in carries its field list; an official file's payload is proprietary, so its fields are taken from the
    manifest's required_fields (type string) - enough for the metainfo and rows the verification looks at.
    """
    try:
        gcn = read_gcn(data, name=file_name)
    except GcnError as exc:
        # Profit's own wording for an unreadable import file is not documented; this follows its style.
        raise GcnImportError(
            Text(
                en="The file '{f}' cannot be imported: it is not a valid definition file. ",
                nl="Het bestand '{f}' kan niet worden geïmporteerd: het is geen geldig definitiebestand. ",
            ).format(f=file_name or "?")
            + exc.message,
            detail=exc.detail,
        ) from exc
    manifest = manifest or load_manifest()
    if gcn.fields is not None:
        fields = [
            FieldDef(id=f.id, data_type=f.data_type, label_nl=f.label_nl, label_en=f.label_en, length=50)  # type: ignore[arg-type]
            for f in gcn.fields
        ]
    else:
        try:
            required = manifest.connector(gcn.connector).required_fields
        except KeyError:
            required = ()
        fields = [FieldDef(id=name, data_type="string", label_nl=name, label_en=name, length=50) for name in required]
    spec_nl = spec_en = gcn.connector
    try:
        spec = manifest.connector(gcn.connector)
        spec_nl, spec_en = spec.description_nl, spec.description_en
    except KeyError:
        pass
    definition = GetDefinition(
        id=gcn.connector,
        description_nl=spec_nl,
        description_en=spec_en,
        fields=fields,
        source="smartbooqing",
        rows=CONNECTOR_SOURCES.get(gcn.connector.lower(), ""),
        guid=gcn.guid,
        imported_from=file_name,
    )
    env.add_get_definition(definition)
    return definition


def link(env: SimEnvironment, kind: str, connector_id: str) -> str:
    """Add a connector to the app connector's tab; returns the canonical id. Idempotent."""
    with env.lock:
        app = env.app_connector
        if app is None:
            raise SimStepError("no-app-connector")
        if kind == "get":
            found = env.get_definition(connector_id)
            canonical = found.id if found else None
        elif kind == "update":
            update = env.update_definition(connector_id)
            canonical = update.id if update else None
        elif kind == "special":
            canonical = next((s for s in SPECIAL_CONNECTORS if s.lower() == connector_id.lower()), None)
        else:
            raise SimStepError("bad-kind", kind)
        if canonical is None:
            # In AFAS the selection list only offers what exists: an unimported connector cannot be linked.
            raise SimStepError("unknown-connector", f"{kind}:{connector_id}")
        if not app.has(kind, canonical):
            app.links(kind).append(canonical)
        return canonical


def unlink(env: SimEnvironment, kind: str, connector_id: str) -> None:
    with env.lock:
        app = env.app_connector
        if app is None:
            raise SimStepError("no-app-connector")
        if kind not in ("get", "update", "special"):
            raise SimStepError("bad-kind", kind)
        links = app.links(kind)
        links[:] = [c for c in links if c.lower() != connector_id.lower()]


def set_blocked(env: SimEnvironment, blocked: bool) -> None:
    with env.lock:
        if env.app_connector is None:
            raise SimStepError("no-app-connector")
        env.app_connector.blocked = blocked


def set_dossier_destinations(
    env: SimEnvironment, purchase_invoice: str, sales_invoice: str, type_id: int | None = None
) -> None:
    """Set the two destinations the guide names on one dossier item type (default: every type with LinkFile)."""
    for value in (purchase_invoice, sales_invoice):
        if value not in DESTINATIONS:
            raise SimStepError("bad-destination", value)
    with env.lock:
        if type_id is not None and type_id not in env.dossier_types:
            raise SimStepError("unknown-dossier-type", str(type_id))
        targets = (
            [env.dossier_types[type_id]]
            if type_id is not None
            else [t for t in env.dossier_types.values() if t.link_file]
        )
        for item_type in targets:
            item_type.destinations[PURCHASE_INVOICE] = purchase_invoice
            item_type.destinations[SALES_INVOICE] = sales_invoice


def set_definition_blocked(env: SimEnvironment, connector_id: str, blocked: bool) -> None:
    with env.lock:
        definition = env.get_definition(connector_id)
        if definition is None:
            raise SimStepError("unknown-connector", connector_id)
        definition.blocked = blocked


def set_faults(env: SimEnvironment, **faults: Any) -> None:
    """Fault injection. Besides SimFaults' fields: ip_restricted, token_expired, token_expires_on (ISO date or
    None), token_revoked, blocked_definitions (list of ids: exactly these are blocked), app_blocked, auth_type
    (classic/hybrid/oauth: "oauth" refuses classic tokens), token_validity_days (for tokens created later)."""
    names = {f.name for f in dataclasses.fields(SimFaults)}
    with env.lock:
        for key, value in faults.items():
            if key == "latency_ms":
                if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_LATENCY_MS:
                    raise SimStepError("bad-fault", f"latency_ms must be 0..{MAX_LATENCY_MS}")
                env.faults.latency_ms = value
            elif key in names:
                setattr(env.faults, key, bool(value))
            elif key == "ip_restricted":
                if env.app_connector is None:
                    raise SimStepError("no-app-connector")
                env.app_connector.ip_restricted = bool(value)
            elif key == "app_blocked":
                set_blocked(env, bool(value))
            elif key in ("auth_type", "token_validity_days"):
                if env.app_connector is None:
                    raise SimStepError("no-app-connector")
                if key == "auth_type":
                    if value not in AUTH_TYPES:
                        raise SimStepError("bad-fault", f"auth_type={value!r}")
                    env.oauth.set_auth_type(value)
                else:
                    env.app_connector.token_validity_days = int(value) if value else None
            elif key in ("token_expired", "token_expires_on"):
                token = next((t for t in env.tokens if t.data == env.client_token), None)
                if token is None:
                    raise SimStepError("no-token")
                if key == "token_expired":
                    token.expires = env.current_date() - dt.timedelta(days=1) if value else None
                else:
                    try:
                        token.expires = dt.date.fromisoformat(str(value)) if value else None
                    except ValueError:
                        raise SimStepError("bad-fault", f"token_expires_on={value!r}") from None
            elif key == "token_revoked":
                for token in env.tokens:
                    if token.data == env.client_token:
                        token.revoked = bool(value)
            elif key == "blocked_definitions":
                wanted = {str(v).lower() for v in value or []}
                unknown = wanted - set(env.get_definitions)
                if unknown:
                    raise SimStepError("unknown-connector", ", ".join(sorted(unknown)))
                for definition in env.get_definitions.values():
                    definition.blocked = definition.id.lower() in wanted
            else:
                raise SimStepError("unknown-fault", key)


def set_settings(env: SimEnvironment, **settings: Any) -> None:
    """Choose among the UNCONFIRMED AFAS behaviours (SimSettings); values are checked against the allowed ones."""
    allowed = {f.name: f for f in dataclasses.fields(SimSettings)}
    with env.lock:
        candidate = dataclasses.asdict(env.settings)
        for key, value in settings.items():
            if key not in allowed:
                raise SimStepError("unknown-setting", key)
            candidate[key] = value
        checked = _check_settings(candidate)
        env.settings = SimSettings(**checked)


_CHOICES: dict[str, tuple[Any, ...]] = {
    "language": ("nl", "en"),
    "unlinked_get": (401, 500),
    "unlinked_update": (401, 500),
    "unlinked_special": (401, 403, 404, 500),
    "blocked_app_connector": (401, 403),
    "token_expiry_style": ("date", "zero"),
    "primary_key_as": ("bool", "string"),
    "subject_types_readable": ("linked", "always"),
    "specials_in_metainfo": ("custom", "none", "get"),
}


def _check_settings(values: dict[str, Any]) -> dict[str, Any]:
    for key, choices in _CHOICES.items():
        value = values[key]
        if isinstance(choices[0], int):
            try:
                value = int(value)
            except (TypeError, ValueError):
                raise SimStepError("bad-setting", f"{key}={value!r}") from None
        if value not in choices:
            raise SimStepError("bad-setting", f"{key}={value!r}")
        values[key] = value
    if not isinstance(values["subject_type_destinations"], bool):
        raise SimStepError("bad-setting", f"subject_type_destinations={values['subject_type_destinations']!r}")
    values["retry_after"] = int(values["retry_after"])
    values["profit_version"] = str(values["profit_version"])
    return values


def set_oauth_settings(env: SimEnvironment, **settings: Any) -> None:
    """Choose among the UNCONFIRMED OAuth behaviours (`wizard.sim.oauth.OAuthSimSettings`), all or nothing."""
    try:
        with env.lock:
            update_fields(env.oauth.settings, settings)
    except SimOAuthError as exc:
        raise SimStepError(exc.code, str(exc)) from None
