"""Named starting points: a fresh environment, one set up exactly as the guide says (`wizard.sim.guide`), and ways
it goes wrong."""

from __future__ import annotations

import copy
import logging

from wizard.data import load_manifest
from wizard.domain.manifest import Manifest
from wizard.sim import actions, catalog
from wizard.sim.guide import apply_guide
from wizard.sim.model import (
    DEFAULT_USER,
    PURCHASE_INVOICE,
    SALES_INVOICE,
    Attachment,
    DossierType,
    SimEnvironment,
    SimStepError,
    SimUser,
)
from wizard.sim.oauth import build_oauth

log = logging.getLogger(__name__)

SCENARIOS: dict[str, str] = {
    "fresh": "Nothing done yet: no SmartBooqing imports, no app connector, no token.",
    "ready": "Every setup step done in AFAS; the client holds a valid token.",
    "missing-connectors": "Ready, but Precal_Landen, DDI_Profit_Kostendragers and KnSubject are not linked.",
    "token-invalid": "Ready, but the client's token was deleted in AFAS (401 on every call).",
    "ip-restricted": "Ready, but the app connector only allows AFAS's own IP range (403 on every call).",
    "maintenance": "Ready, but AFAS is in scheduled maintenance (503 with Retry-After).",
    "blocked-definition": "Ready, but the SBQ_Transactie definition is blocked (500 on its rows).",
    "slow": "Ready, with 150 ms latency on every request.",
    "oauth-ready": "Ready, with Authenticatietype OAuth: the client holds a client id and secret; classic refused.",
    "hybrid": "Ready, with Authenticatietype Hybride: the classic token and the OAuth client both work.",
    "oauth-secret-expired": "OAuth ready, but the client's secret expired yesterday (invalid_client).",
    "oauth-secret-expiring": "OAuth ready, but the client's secret expires in 10 days: time to renew it.",
}
# A scenario's Authenticatietype: the OAuth scenarios are `ready` plus `build_oauth(preset)`.
OAUTH_SCENARIOS = ("oauth-ready", "hybrid", "oauth-secret-expired", "oauth-secret-expiring")
# `build_scenario(name, auth=...)`: any scenario with the app connector on another Authenticatietype.
AUTH_PRESETS = {"classic": "classic", "hybrid": "hybrid", "oauth": "oauth-ready"}
SLOW_LATENCY_MS = 150
MISSING_GET = ("Precal_Landen", "DDI_Profit_Kostendragers")
MISSING_UPDATE = ("KnSubject",)
BLOCKED_DEFINITION = "SBQ_Transactie"
REPORT_GUID = "9F3E2A1B4C5D4E6F8A7B6C5D4E3F2A1B"
_SAMPLE_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


__all__ = [
    "AUTH_PRESETS",
    "OAUTH_SCENARIOS",
    "SCENARIOS",
    "UnknownScenarioError",
    "apply_guide",
    "base_environment",
    "build_scenario",
]


class UnknownScenarioError(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"unknown scenario {name!r}; choose one of: {', '.join(SCENARIOS)}")
        self.name = name


def base_environment(manifest: Manifest | None = None) -> SimEnvironment:
    """A Profit environment before anyone followed the guide: standard connectors, users, dossier types, data."""
    manifest = manifest or load_manifest()
    env = SimEnvironment(scenario="fresh")
    for definition in catalog.standard_get_definitions(manifest):
        env.get_definitions[definition.id.lower()] = definition
    for update in catalog.standard_update_definitions():
        env.update_definitions[update.id.lower()] = copy.deepcopy(update)
    for user in (
        SimUser(DEFAULT_USER, "SmartBooqing koppeling", "sbq@example.invalid", ["Alle Profit-gebruikers"]),
        SimUser("12345.admin", "Applicatiebeheerder", "beheer@example.invalid", ["Alle Profit-gebruikers", "APL"]),
    ):
        env.users[user.id] = user
    # AFAS's standard types (the guide's screenshot); none allows the purchase-invoice destination yet.
    not_yet = {PURCHASE_INVOICE: "Niet toegestaan", SALES_INVOICE: "Niet toegestaan"}
    for type_id, description, link_file in (
        (3, "Uitgaande post", True),
        (4, "Notitie", True),
        (5, "Document (Profit)", False),
        (7, "Actie", False),
        (11, "Contract (met crediteur)", True),
    ):
        env.dossier_types[type_id] = DossierType(type_id, description, link_file, dict(not_yet))
    env.attachments.append(
        Attachment(1001, "7CEE2C6B4A3F4F0A9D1E2B3C4D5E6F70", "INK-2026-0001.pdf", "application/pdf", _SAMPLE_PDF)
    )
    env.reports[REPORT_GUID] = "Openstaande posten crediteuren"
    return env


def build_scenario(name: str, manifest: Manifest | None = None, *, auth: str | None = None) -> SimEnvironment:
    """The named starting point. `auth` ("classic", "hybrid", "oauth") puts its app connector on that
    Authenticatietype with an OAuth client whose secret the scenario's client holds, so every fault can be had
    with OAuth too; "token-invalid" then also revokes that secret (the client's credential was deleted)."""
    if name not in SCENARIOS:
        raise UnknownScenarioError(name)
    if auth is not None and auth not in AUTH_PRESETS:
        raise ValueError(f"unknown authentication type {auth!r}; choose one of: {', '.join(AUTH_PRESETS)}")
    manifest = manifest or load_manifest()
    env = base_environment(manifest)
    env.scenario = name
    if name == "fresh":
        return env
    apply_guide(env, manifest)
    if name in OAUTH_SCENARIOS:
        env.attach_oauth(build_oauth(name))
    elif auth is not None:
        env.attach_oauth(build_oauth(AUTH_PRESETS[auth]))
    try:
        if name == "missing-connectors":
            for connector_id in MISSING_GET:
                actions.unlink(env, "get", connector_id)
            for connector_id in MISSING_UPDATE:
                actions.unlink(env, "update", connector_id)
        elif name == "token-invalid":
            actions.set_faults(env, token_revoked=True)
            if env.oauth.client is not None:
                env.oauth.revoke_secret()
        elif name == "ip-restricted":
            actions.set_faults(env, ip_restricted=True)
        elif name == "maintenance":
            actions.set_faults(env, maintenance=True)
        elif name == "blocked-definition":
            actions.set_definition_blocked(env, BLOCKED_DEFINITION, True)
        elif name == "slow":
            actions.set_faults(env, latency_ms=SLOW_LATENCY_MS)
    except SimStepError as exc:  # a manifest change broke a scenario: a defect, say which
        raise RuntimeError(f"scenario {name}: {exc}") from exc
    return env
