"""AFAS Profit's screens as validated data: menu paths, breadcrumbs, tabs, buttons and labels in AFAS's own Dutch.

The facts live in `connectors/afas.toml`; this module holds the models and parses text (no I/O). Read them through
the loader, never by spelling a label or a path in Python:

    from wizard.data import afas, screens
    screens().getconnector_list.menu.nl                 # 'Algemeen › Uitvoer › Beheer › GetConnector'
    screens().app_connector_list.menu.then("SmartBooqing").nl  # a path plus the item to open in its list
    screens().app_connector.tabs.tokens.nl              # 'Gebruikerstokens' (`.en` is the English gloss)
    screens().app_connector.tab_for("get").nl           # the tab a connector kind is linked on: 'GetConnectoren'
    screens().screen("dossier_item_types").title.nl     # any screen by its key in afas.toml
    afas().probe("AppConnectorSubject")                 # how verification asks for a special connector

A path is a tuple of labels; `join_path` is the one place that puts the separator (` › `) between them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from wizard.domain.manifest import Kind, Manifest, ManifestError
from wizard.domain.text import Text

SEPARATOR = " › "


def join_path(parts: Iterable[str]) -> str:
    """The one function that joins AFAS labels into a path a user follows."""
    return SEPARATOR.join(parts)


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Label(_Strict):
    """One label exactly as AFAS shows it (`nl`) and its English gloss (`en`).

    A path may also hold a name the customer chose (an app connector, a connector id: `plain`) or a description
    in the reader's language ("the user's group": `placeholder`), which a sentence shows translated.
    """

    nl: str
    en: str
    placeholder: bool = False

    @classmethod
    def plain(cls, value: str) -> Label:
        """A name that is not AFAS's wording (an app connector's description, a connector id): the same in both."""
        return cls(nl=value, en=value)

    @classmethod
    def describing(cls, text: Text) -> Label:
        """A step described in the reader's language, e.g. 'the user's group' / 'groep van de gebruiker'."""
        return cls(nl=text.nl, en=text.en, placeholder=True)

    @property
    def glossed(self) -> Text:
        """'Omschrijving (Description)' for English readers, 'Omschrijving' for Dutch ones."""
        same = self.nl.casefold() == self.en.casefold()
        return Text(en=self.nl if same else f"{self.nl} ({self.en})", nl=self.nl)

    def __str__(self) -> str:
        return self.nl


class AfasPath(_Strict):
    """A way through AFAS's menus or a breadcrumb: the labels in order."""

    labels: tuple[Label, ...] = ()

    @property
    def nl(self) -> str:
        return join_path(label.nl for label in self.labels)

    @property
    def en(self) -> str:
        return join_path(label.en for label in self.labels)

    @property
    def text(self) -> Text:
        """The path as a sentence shows it: AFAS's Dutch labels in both languages (the screens are Dutch),
        descriptive placeholders in the reader's language."""
        return Text(
            en=join_path(label.en if label.placeholder else label.nl for label in self.labels),
            nl=join_path(label.nl for label in self.labels),
        )

    def then(self, *more: Label | str | Text) -> AfasPath:
        """This path continued: by labels (tabs, buttons), plain names (an app connector, a connector id) or a
        description in the reader's language (Text)."""
        extra = tuple(
            item if isinstance(item, Label) else Label.describing(item) if isinstance(item, Text) else Label.plain(item)
            for item in more
        )
        return AfasPath(labels=self.labels + extra)

    def __str__(self) -> str:
        return self.nl


class Screen(_Strict):
    title: Label
    menu: AfasPath = AfasPath()  # from Profit's main menu; empty for a screen opened from another one
    breadcrumb: AfasPath = AfasPath()
    note: str = ""


class AppConnectorListButtons(_Strict):
    new: Label


class AppConnectorListScreen(Screen):
    buttons: AppConnectorListButtons


class NewAppConnectorFields(_Strict):
    description: Label
    user_group: Label
    # The "Nieuw" dialog as a partner's current guide shows it (afas-oauth.md §1.1, S14).
    auth_type: Label
    generate_token: Label
    new_user_group: Label
    new_user: Label


class OkButton(_Strict):
    ok: Label


class NewAppConnectorButtons(_Strict):
    ok: Label
    # The dialog is a wizard of its own ("Stap 1 van 3"); how it moves on and ends is UNCONFIRMED (see the toml).
    next: Label
    finish: Label


class NewAppConnectorScreen(Screen):
    fields: NewAppConnectorFields
    buttons: NewAppConnectorButtons


class AppConnectorTabs(_Strict):
    general: Label
    get: Label
    update: Label
    special: Label
    tokens: Label
    ip: Label
    log: Label


class AppConnectorFields(_Strict):
    blocked: Label
    description: Label
    user_group: Label
    auth_type: Label
    client_id: Label
    client_secret: Label


class AuthTypes(_Strict):
    """The values of the app connector's Authenticatietype (afas-oauth.md §1.2)."""

    classic: Label
    hybrid: Label
    oauth: Label


class AppConnectorButtons(_Strict):
    new: Label
    finish: Label
    ok: Label
    save_close: Label


class AppConnectorScreen(Screen):
    tabs: AppConnectorTabs
    fields: AppConnectorFields
    buttons: AppConnectorButtons
    auth_types: AuthTypes

    def tab_for(self, kind: Kind) -> Label:
        """The tab of the app connector on which connectors of `kind` are linked."""
        return {"get": self.tabs.get, "update": self.tabs.update, "special": self.tabs.special}[kind]


class NewUserTokenFields(_Strict):
    description: Label


class NewUserTokenButtons(_Strict):
    next: Label
    copy_token: Label
    finish: Label


class NewUserTokenScreen(Screen):
    fields: NewUserTokenFields
    buttons: NewUserTokenButtons


class GetConnectorListButtons(_Strict):
    new: Label
    definition: Label
    more_actions: Label
    import_action: Label


class BlockedField(_Strict):
    blocked: Label


class GetConnectorListScreen(Screen):
    buttons: GetConnectorListButtons
    fields: BlockedField


class ImportDefinitionsButtons(_Strict):
    file: Label
    folder: Label  # "Map": every file of one folder at once
    finish: Label


class ImportDefinitionsScreen(Screen):
    buttons: ImportDefinitionsButtons


class AuthorisationToolFields(_Strict):
    filter_authorisation: Label


class AuthorisationToolScreen(Screen):
    fields: AuthorisationToolFields


class DossierTabs(_Strict):
    destination: Label


class DossierFields(_Strict):
    optional: Label
    purchase: Label
    sales: Label


class DossierTypeExample(_Strict):
    """A dossier item type as the guide's list shows it: number, name, and whether a file can be linked to it."""

    id: int
    name: str
    link_file: bool


class DossierItemTypesScreen(Screen):
    tabs: DossierTabs
    fields: DossierFields
    buttons: OkButton
    examples: list[DossierTypeExample] = []


class Screens(_Strict):
    app_connector_list: AppConnectorListScreen
    new_app_connector: NewAppConnectorScreen
    app_connector: AppConnectorScreen
    new_user_token: NewUserTokenScreen
    getconnector_list: GetConnectorListScreen
    import_definitions: ImportDefinitionsScreen
    authorisation_tool: AuthorisationToolScreen
    dossier_item_types: DossierItemTypesScreen

    def screen(self, key: str) -> Screen:
        """A screen by its key in afas.toml (e.g. "getconnector_list"); KeyError for an unknown one."""
        value = getattr(self, key, None) if key in type(self).model_fields else None
        if not isinstance(value, Screen):
            raise KeyError(key)
        return value


# How a special connector's probe answer is read (see connectors/afas.toml).
Answer = Literal["version", "absent-file", "xml-schema"]


class SpecialProbe(_Strict):
    """How verification asks AFAS, read-only, whether a special connector is linked."""

    answer: Answer
    rest: tuple[str, ...] = ()  # REST endpoints (first path segment) the connector unlocks
    probe: str = ""  # the REST path verification GETs
    soap_service: str = ""
    soap_data_id: str = ""

    @model_validator(mode="after")
    def _complete(self) -> SpecialProbe:
        if self.answer == "xml-schema":
            if not (self.soap_service and self.soap_data_id):
                raise ValueError("an xml-schema probe needs soap_service and soap_data_id")
        elif not self.probe or self.probe.split("/")[0] not in self.rest:
            raise ValueError(f"the probe {self.probe!r} must start with one of its rest endpoints {self.rest}")
        return self


class AfasData(_Strict):
    """The whole of connectors/afas.toml: the glossary, the screens and the special connectors' probes."""

    schema_version: Literal[1]
    glossary: dict[str, str]
    screens: Screens
    special_connectors: dict[str, SpecialProbe]

    @model_validator(mode="before")
    @classmethod
    def _labels_from_glossary(cls, data: object) -> object:
        """Screens name labels by their Dutch text; each must be in the glossary, and each glossary entry used."""
        if not isinstance(data, dict) or not isinstance(data.get("glossary"), dict):
            return data
        glossary: dict[str, Any] = data["glossary"]
        used: set[str] = set()
        unknown: list[str] = []

        def label(value: object) -> object:
            if not isinstance(value, str):
                return value
            used.add(value)
            if value not in glossary:
                unknown.append(value)
            return {"nl": value, "en": glossary.get(value, value)}

        screens = data.get("screens")
        if isinstance(screens, dict):
            converted: dict[str, object] = {}
            for key, screen in screens.items():
                if not isinstance(screen, dict):
                    converted[key] = screen
                    continue
                out: dict[str, object] = {}
                for name, value in screen.items():
                    if name == "note":
                        out[name] = value
                    elif name in ("menu", "breadcrumb") and isinstance(value, list):
                        out[name] = {"labels": [label(v) for v in value]}
                    elif isinstance(value, dict):
                        out[name] = {k: label(v) for k, v in value.items()}
                    else:
                        out[name] = label(value)
                converted[key] = out
            data = {**data, "screens": converted}
        problems = [f"label {v!r} is not in [glossary]" for v in sorted(set(unknown))]
        problems += [f"glossary entry {v!r} is used by no screen" for v in sorted(set(glossary) - used)]
        if problems:
            raise ValueError("; ".join(problems))
        return data

    def probe(self, connector_id: str) -> SpecialProbe | None:
        """The probe of a special connector (case-insensitive), or None when we know none."""
        wanted = connector_id.lower()
        return next((p for name, p in self.special_connectors.items() if name.lower() == wanted), None)

    def special_for_endpoint(self, endpoint: str) -> str | None:
        """Which special connector unlocks a REST endpoint (first path segment, case-insensitive)."""
        wanted = endpoint.lower()
        return next((n for n, p in self.special_connectors.items() if wanted in (r.lower() for r in p.rest)), None)

    def check_against(self, manifest: Manifest) -> list[str]:
        """What does not fit the manifest: a special connector without a probe, or a probe for none."""
        listed = {s.id for s in manifest.special_connectors}
        probed = set(self.special_connectors)
        return [f"special connector {i} has no probe in afas.toml" for i in sorted(listed - probed)] + [
            f"afas.toml probes {i}, which the manifest does not list" for i in sorted(probed - listed)
        ]


def parse_afas_data(text: str) -> AfasData:
    try:
        return AfasData.model_validate(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise ManifestError(
            Text(
                en="The AFAS screen data inside this program is damaged. Reinstall SmartBooqing AFAS Setup.",
                nl="De AFAS-schermgegevens in dit programma zijn beschadigd. "
                "Installeer SmartBooqing AFAS Setup opnieuw.",
            ),
            detail=str(exc),
        ) from exc
