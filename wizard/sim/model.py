"""The stateful model of ONE simulated AFAS Profit environment.

Everything the setup guide asks a user to do inside AFAS changes this model (import a definition, create the app
connector, link connectors, create a token, set dossier destinations); the HTTP layer (`wizard.sim.app`) only reads
it, plus the request log and the write counter it appends to. The model is shared between the server thread and
the test or GUI thread, so every access goes through `SimEnvironment.lock`.

Behaviour that AFAS does not document (afas-api.md marks it UNCONFIRMED) is a `SimSettings` field, so a client can
be tested against every variant.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from pydantic import SecretStr

from wizard.domain.credentials import ClassicToken
from wizard.domain.oauth import OAuthClientCredentials, oauth_client_credentials
from wizard.sim.oauth import SimOAuth
from wizard.sim.setting import setting

ENV_ID = "O12345AA"  # AFAS's own documentation example
DEFAULT_USER = "12345.sbq"
MAX_LATENCY_MS = 10_000  # injected latency; above it a client times out anyway, and a huge value would hang calls
DataType = Literal["string", "int", "decimal", "date", "boolean", "blob"]
Destination = Literal["Optioneel", "Verplicht", "Niet toegestaan", "Een van deze verplicht"]
DESTINATIONS: tuple[str, ...] = ("Optioneel", "Verplicht", "Niet toegestaan", "Een van deze verplicht")
PURCHASE_INVOICE = "Inkooprelatie + inkoopfactuur"
SALES_INVOICE = "Verkooprelatie + verkoopfactuur"
SPECIAL_CONNECTORS: tuple[str, ...] = (
    "AppConnectorReport",
    "AppConnectorSubject",
    "AppConnectorVersion",
    "GetXMLSchema",
)


@dataclass
class FieldDef:
    """One field of a GetConnector (or UpdateConnector) definition."""

    id: str
    data_type: DataType = "string"
    label_nl: str = ""
    label_en: str = ""
    length: int = 0
    decimals: int = 0
    control_type: int = 0
    mandatory: bool = False
    primary_key: bool = False
    code: str = ""  # metainfo `fieldId` (AFAS's internal code, e.g. "U001" or "UnCo"); "" = numbered U001...

    def label(self, lang: str) -> str:
        return (self.label_nl if lang == "nl" else self.label_en) or self.id


@dataclass
class GetDefinition:
    id: str
    description_nl: str
    description_en: str
    fields: list[FieldDef]
    source: str = "afas"  # "afas", "partner", "smartbooqing" (imported from a .gcn)
    rows: str = ""  # the sample-data source its rows come from (wizard.sim.data); "" = none
    guid: str = ""
    imported_from: str = ""
    blocked: bool = False

    def description(self, lang: str) -> str:
        return self.description_nl if lang == "nl" else self.description_en

    def field(self, field_id: str) -> FieldDef | None:
        wanted = field_id.lower()
        return next((f for f in self.fields if f.id.lower() == wanted), None)


@dataclass
class UpdateObject:
    name: str
    fields: list[FieldDef] = field(default_factory=list)
    objects: list[UpdateObject] = field(default_factory=list)


@dataclass
class UpdateDefinition:
    id: str
    description_nl: str
    description_en: str
    root: str  # the JSON root element (FiEntries posts `FiEntryPar`, afas-api.md §5.1)
    fields: list[FieldDef]
    objects: list[UpdateObject] = field(default_factory=list)
    result_keys: tuple[str, ...] = ()  # what a 201 `results` object carries

    def description(self, lang: str) -> str:
        return self.description_nl if lang == "nl" else self.description_en


@dataclass
class UserToken:
    user: str
    data: str = field(repr=False)
    description: str
    created: dt.datetime
    expires: dt.date | None = None  # None = no expiry ("Geldigheidsduur tokens" empty)
    revoked: bool = False  # deleted in AFAS: the holder still has it, AFAS no longer accepts it

    def valid_on(self, day: dt.date) -> bool:
        return not self.revoked and (self.expires is None or day <= self.expires)

    def classic(self) -> ClassicToken:
        return ClassicToken(data=SecretStr(self.data))


@dataclass
class AppConnector:
    description: str
    user_group: str
    blocked: bool = True  # "A new app connector is automatically blocked" (afas-api.md §4.2)
    type: str = "Onderhoud door klant"
    # The user the app connector's calls run as under OAuth: "runs under the user configured on the app connector"
    # (afas-oauth.md §1.3); UNCONFIRMED which field that is, here the connector user the quick wizard creates.
    # The Authenticatietype lives in SimEnvironment.oauth (one source of truth for classic/hybrid/oauth).
    user: str = DEFAULT_USER
    token_validity_days: int | None = None  # "Geldigheidsduur tokens"
    ip_restricted: bool = False
    allowed_ips: list[str] = field(default_factory=lambda: ["185.46.182.0/24"])
    api_key: str = field(default_factory=lambda: secrets.token_hex(16).upper(), repr=False)
    environment_key: str = field(default_factory=lambda: secrets.token_hex(16).upper(), repr=False)
    get_connectors: list[str] = field(default_factory=list)
    update_connectors: list[str] = field(default_factory=list)
    special_connectors: list[str] = field(default_factory=list)

    def links(self, kind: str) -> list[str]:
        return {"get": self.get_connectors, "update": self.update_connectors, "special": self.special_connectors}[kind]

    def has(self, kind: str, connector_id: str) -> bool:
        wanted = connector_id.lower()
        return any(c.lower() == wanted for c in self.links(kind))


@dataclass
class SimUser:
    id: str
    name: str
    email: str
    groups: list[str]


@dataclass
class DossierType:
    id: int
    description: str
    link_file: bool
    destinations: dict[str, str]
    comment: str = ""
    use_features: bool = False
    without_feature: bool = True
    visible_insite: bool = True


@dataclass
class SimSettings:
    """AFAS behaviour that is UNCONFIRMED (afas-api.md §10): each variant can be chosen per environment."""

    language: Literal["nl", "en"] = setting(
        "nl", "the environment's base language: the language of AFAS's messages without Accept-Language"
    )
    profit_version: str = setting("22.22.5", "what /profitversion answers (the OAS example)")
    # A GetConnector that is not linked (or does not exist). Default 500 with the documented "niet ondersteund"
    # message: tim-online captured such a body from live traffic, and 401s are documented with empty bodies.
    unlinked_get: Literal[401, 500] = setting(
        500,
        'a GetConnector not linked or unknown: 500 "GetConnector niet ondersteund voor deze app…" (as captured '
        "live) or an empty 401 (AFAS help 120612)",
    )
    unlinked_update: Literal[401, 500] = setting(
        500, 'the same for /metainfo/update/{id} and writes ("Deze UpdateConnector wordt niet ondersteund…")'
    )
    # Where linked special connectors appear in /metainfo. "custom": a `customConnectors` list, as in the example
    # of OAS "Financiële Inrichting.json" (spec 7.7.10, commit 2f270c66: AppConnectorReport, AppConnectorSubject);
    # "none": not listed; "get": mixed into getConnectors.
    specials_in_metainfo: Literal["custom", "none", "get"] = setting(
        "custom",
        "linked special connectors in /metainfo: a customConnectors list (the OAS example), absent, or mixed into "
        "getConnectors",
    )
    # A special connector that is not on the Connectoren tab. 401 fits the OAS description of 401
    # ("valid token but no access to this endpoint").
    unlinked_special: Literal[401, 403, 404, 500] = setting(
        401, "the status for a special connector probed without being on the Connectoren tab"
    )
    blocked_app_connector: Literal[401, 403] = setting(  # most likely 401 (afas-api.md §4.2)
        401, 'the status for a blocked ("Geblokkeerd") app connector'
    )
    token_expiry_style: Literal["date", "zero"] = setting(
        "date", 'info.tokenExpiry for a token with an expiry date: the date, or always "0"'
    )
    primary_key_as: Literal["bool", "string"] = setting(
        "bool", 'the type of primaryKey in update metainfo: true or "true" (client libraries read either)'
    )
    subject_types_readable: Literal["linked", "always"] = setting(
        "linked", "whether Profit_SubjectTypes answers without being linked"
    )
    # Real Profit_SubjectTypes has no destination fields (OAS); True adds DestPurchaseInvoice/DestSalesInvoice.
    subject_type_destinations: bool = setting(
        False,
        "adds DestPurchaseInvoice/DestSalesInvoice to Profit_SubjectTypes: not AFAS fields (the destinations are "
        "only enforced on KnSubject POSTs)",
    )
    retry_after: int = setting(7200, "the seconds in a 503's Retry-After during maintenance (the OAS example)")


@dataclass
class SimFaults:
    """Injected trouble; all off by default."""

    latency_ms: int = 0
    maintenance: bool = False
    drop_connection: bool = False  # close the socket without any response
    malformed_body: bool = False  # 200 with a body that is not valid JSON


@dataclass
class LogEntry:
    seq: int
    time: str
    method: str
    path: str
    query: str
    status: int
    has_auth: bool
    integration_id: str | None = None
    soap_action: str | None = None
    data_id: str | None = None
    write: bool = False
    connector: str | None = None
    latency_ms: int = 0  # injected delay applied to this request
    note: str = ""


@dataclass
class Attachment:
    subject_id: int
    file_id: str
    filename: str
    mimetype: str
    data: bytes


@dataclass
class SimEnvironment:
    """One AFAS environment. Mutate only while holding `lock` (the server thread reads it concurrently)."""

    env_id: str = ENV_ID
    scenario: str = "custom"
    settings: SimSettings = field(default_factory=SimSettings)
    faults: SimFaults = field(default_factory=SimFaults)
    get_definitions: dict[str, GetDefinition] = field(default_factory=dict)  # key: lower-case id
    update_definitions: dict[str, UpdateDefinition] = field(default_factory=dict)
    app_connector: AppConnector | None = None
    users: dict[str, SimUser] = field(default_factory=dict)
    tokens: list[UserToken] = field(default_factory=list)
    client_token: str | None = field(default=None, repr=False)  # the token the scenario's client holds
    dossier_types: dict[int, DossierType] = field(default_factory=dict)
    attachments: list[Attachment] = field(default_factory=list)
    reports: dict[str, str] = field(default_factory=dict)  # report GUID -> description
    otp_outbox: list[dict[str, str]] = field(default_factory=list, repr=False)  # the "e-mails" with OTPs
    log: list[LogEntry] = field(default_factory=list)
    writes: int = 0
    write_bodies: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)
    today: dt.date | None = None  # None = the real date; fixed in tests of expiry
    # The app connector's Authenticatietype and OAuth client (classic until a scenario or the admin changes it).
    oauth: SimOAuth = field(default_factory=SimOAuth, repr=False)

    def __post_init__(self) -> None:
        self.attach_oauth(self.oauth)

    def attach_oauth(self, oauth: SimOAuth) -> None:
        """Make `oauth` this environment's OAuth side: its date, its Geblokkeerd and its lock are the environment's
        (one lock, so no two-lock ordering between the REST checks and the OAuth state)."""
        oauth.today = self.current_date
        oauth.blocked_source = lambda: self.app_connector is not None and self.app_connector.blocked
        oauth.lock = self.lock
        self.oauth = oauth

    # --- queries -------------------------------------------------------------------------------------------

    def current_date(self) -> dt.date:
        return self.today or dt.date.today()

    def get_definition(self, connector_id: str) -> GetDefinition | None:
        return self.get_definitions.get(connector_id.lower())

    def update_definition(self, connector_id: str) -> UpdateDefinition | None:
        return self.update_definitions.get(connector_id.lower())

    def find_token(self, data: str) -> UserToken | None:
        wanted = data.strip().upper()
        return next((t for t in self.tokens if secrets.compare_digest(t.data, wanted)), None)

    @property
    def token(self) -> ClassicToken | None:
        """The token the scenario's client holds (None until one is created)."""
        with self.lock:
            return ClassicToken(data=SecretStr(self.client_token)) if self.client_token else None

    @property
    def oauth_credentials(self) -> OAuthClientCredentials | None:
        """The OAuth client id and secret the scenario's client holds (None until a secret is created)."""
        held = self.oauth.held()
        if held is None:
            return None
        client_id, secret, expires = held
        return oauth_client_credentials(client_id, secret, expires)

    # --- the guide's steps ------------------------------------------------------------------------------------

    def add_get_definition(self, definition: GetDefinition) -> bool:
        """Register (or replace, like AFAS's import of an existing name) a definition; True when it is new."""
        with self.lock:
            key = definition.id.lower()
            new = key not in self.get_definitions
            old = self.get_definitions.get(key)
            if old is not None:
                definition.blocked = old.blocked
            self.get_definitions[key] = definition
            return new

    def create_app_connector(self, description: str, user_group: str) -> tuple[AppConnector, bool]:
        """Create the app connector (blocked, like AFAS); a second call renames it and keeps its links."""
        with self.lock:
            if self.app_connector is not None:
                self.app_connector.description = description
                self.app_connector.user_group = user_group
                return self.app_connector, False
            self.app_connector = AppConnector(description=description, user_group=user_group)
            return self.app_connector, True

    def create_user_token(self, user: str, description: str = "") -> UserToken:
        with self.lock:
            app = self.app_connector
            if app is None:
                raise SimStepError("no-app-connector")
            if user not in self.users:
                raise SimStepError("unknown-user")
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
            expires = (
                self.current_date() + dt.timedelta(days=app.token_validity_days) if app.token_validity_days else None
            )
            token = UserToken(
                user=user,
                data=secrets.token_hex(32).upper(),
                description=description or app.description,
                created=now,
                expires=expires,
            )
            self.tokens.append(token)
            self.client_token = token.data
            return token

    def record(self, entry: LogEntry) -> None:
        with self.lock:
            self.log.append(entry)

    def next_seq(self) -> int:
        with self.lock:
            return len(self.log) + 1

    # --- a JSON view without secrets ------------------------------------------------------------------------

    def dump(self) -> dict[str, Any]:
        with self.lock:
            app = self.app_connector
            return {
                "env_id": self.env_id,
                "scenario": self.scenario,
                "settings": asdict(self.settings),
                "faults": asdict(self.faults),
                "get_definitions": [
                    {
                        "id": d.id,
                        "source": d.source,
                        "blocked": d.blocked,
                        "imported_from": d.imported_from,
                        "guid": d.guid,
                        "fields": [f.id for f in d.fields],
                    }
                    for d in self.get_definitions.values()
                ],
                "update_definitions": [d.id for d in self.update_definitions.values()],
                "app_connector": None
                if app is None
                else {
                    "description": app.description,
                    "user_group": app.user_group,
                    "blocked": app.blocked,
                    "type": app.type,
                    "auth_type": self.oauth.auth_type,
                    "user": app.user,
                    "token_validity_days": app.token_validity_days,
                    "ip_restricted": app.ip_restricted,
                    "allowed_ips": list(app.allowed_ips),
                    "get_connectors": list(app.get_connectors),
                    "update_connectors": list(app.update_connectors),
                    "special_connectors": list(app.special_connectors),
                },
                "users": [asdict(u) for u in self.users.values()],
                # Never the token data: only what AFAS's token list shows.
                "tokens": [
                    {
                        "user": t.user,
                        "description": t.description,
                        "created": t.created.isoformat(),
                        "expires": t.expires.isoformat() if t.expires else None,
                        "revoked": t.revoked,
                        "fingerprint": "…" + t.data[-4:],
                    }
                    for t in self.tokens
                ],
                "has_client_token": self.client_token is not None,
                "oauth": self.oauth.snapshot(),  # never a secret: its id, dates, state and last 4 characters
                "dossier_types": [
                    {"id": t.id, "description": t.description, "link_file": t.link_file, "destinations": t.destinations}
                    for t in self.dossier_types.values()
                ],
                "writes": self.writes,
                "requests": len(self.log),
            }


class SimStepError(Exception):
    """An admin step that AFAS would refuse (e.g. a token before the app connector exists); code names it."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code if not detail else f"{code}: {detail}")
        self.code = code
        self.detail = detail
