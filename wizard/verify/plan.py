"""The verification plan: which checks run, in which order, derived from the manifest before anything is sent."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.data import load_manifest
from wizard.domain.checks import CheckId, CheckKind
from wizard.domain.manifest import ConnectorSpec, Manifest
from wizard.domain.text import Text


@dataclass(frozen=True)
class PlannedCheck:
    id: CheckId
    title: Text
    spec: ConnectorSpec | None = None


def _title(spec: ConnectorSpec) -> Text:
    kind = {
        "get": Text(en="GetConnector", nl="GetConnector"),
        "update": Text(en="UpdateConnector", nl="UpdateConnector"),
        "special": Text(en="Connector", nl="Connector"),
    }[spec.kind]
    return kind + Text(en=" {id}: ", nl=" {id}: ").format(id=spec.id) + spec.description


def plan(manifest: Manifest) -> list[PlannedCheck]:
    """The token first (everything else depends on it), then one check per connector and the cross-cutting ones."""
    # "Login details" covers both credentials (a classic token or an OAuth client), as the wizard's step 6 says.
    login = Text(en="Login details and app connector", nl="Inloggegevens en app connector")
    checks = [PlannedCheck(CheckId.of(CheckKind.AUTH), login)]
    for spec in manifest.get_connectors:
        checks.append(PlannedCheck(CheckId.of(CheckKind.GET, spec.id), _title(spec), spec))
        if spec.required_fields:
            title = Text(
                en="Fields of {id} (the imported definition is the current one)",
                nl="Velden van {id} (de geïmporteerde definitie is de nieuwste)",
            ).format(id=spec.id)
            checks.append(PlannedCheck(CheckId.of(CheckKind.FIELDS, spec.id), title, spec))
    for spec in manifest.update_connectors:
        checks.append(PlannedCheck(CheckId.of(CheckKind.UPDATE, spec.id), _title(spec), spec))
    for spec in manifest.special_connectors:
        checks.append(PlannedCheck(CheckId.of(CheckKind.SPECIAL, spec.id), _title(spec), spec))
    if any(s.required_objects for s in manifest.update_connectors):
        checks.append(
            PlannedCheck(CheckId.of(CheckKind.ATTACHMENTS), Text(en="Ready for attachments", nl="Klaar voor bijlagen"))
        )
    # The token's or, with OAuth, the client secret's: named for both, as "login" above.
    expiry = Text(en="Expiry date of the login details", nl="Vervaldatum van de inloggegevens")
    checks.append(PlannedCheck(CheckId.of(CheckKind.TOKEN_EXPIRY), expiry))
    checks.append(
        PlannedCheck(
            CheckId.of(CheckKind.TOKEN_SUNSET), Text(en="Classic token end of life", nl="Einde klassieke tokens")
        )
    )
    return checks


def planned_checks(manifest: Manifest | None = None) -> list[tuple[CheckId, Text]]:
    """The ids and titles of every check, before anything runs (the GUI lists them as 'waiting')."""
    return [(c.id, c.title) for c in plan(manifest or load_manifest())]
