"""The connectors a fresh simulated environment already has: AFAS's standard ones and the partner ones.

Field lists of the standard GetConnectors follow AFAS's own OpenAPI specs (AFASSoftware/OASContent,
OpenApiSpecs/profit/en/*.json); each list names the spec it came from. The partner connectors (CaseWare_*,
Precal_*, DDI_*) have no public definition (afas-api.md §5.2): their fields are modelled on the nearest standard
connector named in the comment, and are our assumption.
"""

from __future__ import annotations

from wizard.domain.manifest import Manifest
from wizard.sim.data import CONNECTOR_SOURCES
from wizard.sim.model import DataType, FieldDef, GetDefinition, UpdateDefinition, UpdateObject

_F = tuple[str, DataType, str, str]


def _fields(spec: list[_F]) -> list[FieldDef]:
    out = []
    for field_id, data_type, nl, en in spec:
        length = {"string": 50, "int": 9, "decimal": 12, "date": 0, "boolean": 0, "blob": 0}[data_type]
        out.append(
            FieldDef(
                id=field_id,
                data_type=data_type,
                label_nl=nl,
                label_en=en,
                length=length,
                decimals=2 if data_type == "decimal" else 0,
                control_type={"date": 4, "boolean": 3}.get(data_type, 1),
            )
        )
    return out


# --- standard AFAS GetConnectors ------------------------------------------------------------------------------

# OAS "Dossiers en bijlagen en workflows.json" (6.6.9; unchanged in 7.7.10), /connectors/Profit_Subjects
# ("WordConnect_Dossieritems"): all 31 row fields with the spec's names and JSON types (integer -> int, boolean ->
# boolean, string -> string; the four dates are strings in the spec and "date" in metainfo). The To* fields are
# booleans (descriptions "ToInkooprelatie", "ToVerkooprelatie", ...), not relation numbers, and the connector has
# no attachment fields (those are Profit_Subject_Attachments). Dutch labels are ours. tests/sim/test_oas.py checks
# the answers against the spec.
PROFIT_SUBJECTS: list[_F] = [
    ("TypeId", "int", "Type dossieritem", "Dossier type"),
    ("SubjectId", "int", "Dossieritem", "Dossier id"),
    ("DateCreated", "date", "Datum aanmaak", "Submission date"),
    ("Subject", "string", "Onderwerp", "Subject"),
    ("Comment", "string", "Toelichting", "Comment"),
    ("Status", "string", "Status", "Status"),
    ("Number", "int", "Nummer", "Number"),
    ("FeV1", "int", "Kenmerkwaarde 1", "Feature value 1"),
    ("FeV2", "int", "Kenmerkwaarde 2", "Feature value 2"),
    ("FeV3", "int", "Kenmerkwaarde 3", "Feature value 3"),
    ("OrgPersId", "string", "Organisatie/persoon", "OrgPersId"),
    ("ContactNr", "int", "Contact", "Contact id"),
    ("ToEmployer", "boolean", "Naar werkgever", "To employer"),
    ("ToDebtor", "boolean", "Naar verkooprelatie", "To sales relation"),
    ("ToCreditor", "boolean", "Naar inkooprelatie", "To purchase relation"),
    ("ToOrgPers", "boolean", "Naar organisatie/persoon", "To organisation/person"),
    ("ToEmployee", "boolean", "Naar medewerker", "To employee"),
    ("ToApplicant", "boolean", "Naar sollicitant", "To applicant"),
    ("Project", "string", "Project", "Project"),
    ("Campagne", "int", "Campagne", "Campaign"),
    ("Source", "int", "Oorzaak", "Cause"),
    ("Responsible", "string", "Verantwoordelijke", "Resp. person"),
    ("StartDate", "date", "Begindatum", "Start date"),
    ("EndDate", "date", "Einddatum", "End date"),
    ("Afgehandeld", "boolean", "Afgehandeld", "Completed"),
    ("Datum_afgehandeld", "date", "Datum afgehandeld", "Date completed"),
    ("Bron", "string", "Bron", "Source"),
    ("Type_actie", "string", "Type actie", "Action type"),
    ("Prioriteit", "string", "Prioriteit", "Priority"),
    ("WFstatus", "string", "Workflowstatus", "Workflow status"),
    ("WFClosed", "string", "Workflow afgerond", "Workflow completed"),
]

# OAS "Dossiers en bijlagen en workflows.json", /connectors/Profit_SubjectTypes: 20 row fields. Most are booleans
# in the spec - they say whether a dossier item of this type uses that field (Comment, SubjectText, Responsible,
# StartDate, ...), not the field's value.
PROFIT_SUBJECT_TYPES: list[_F] = [
    ("SubjectTypeId", "int", "Type dossieritem", "Subject type"),
    ("Description", "string", "Omschrijving", "Description"),
    ("Comment", "boolean", "Toelichting", "Comment"),
    ("SubjectText", "boolean", "Onderwerp", "Subject"),
    ("Responsible", "boolean", "Verantwoordelijke", "Responsible"),
    ("StartDate", "boolean", "Begindatum", "Start date"),
    ("EndDate", "boolean", "Einddatum", "End date"),
    ("Completed", "boolean", "Afgehandeld", "Completed"),
    ("DateCompleted", "boolean", "Datum afgehandeld", "Date completed"),
    ("ResponsibleMandatory", "boolean", "Verantwoordelijke verplicht", "Responsible mandatory"),
    ("UseFeatures", "boolean", "Kenmerken gebruiken", "Use features"),
    ("OnlyExistingFeatures", "boolean", "Alleen bestaande kenmerken", "Only existing features"),
    ("WithoutFeature", "boolean", "Zonder kenmerk", "Without feature"),
    ("Confedential", "boolean", "Vertrouwelijk", "Confidential"),
    ("LinkFile", "boolean", "Bijlage koppelen", "Link file"),
    ("EditMode", "string", "Bewerkmodus", "Edit mode"),
    ("VisibleOutsite", "boolean", "Zichtbaar in OutSite", "Visible in OutSite"),
    ("VisibleInsite", "boolean", "Zichtbaar in InSite", "Visible in InSite"),
    ("UseNumber", "boolean", "Nummering", "Use number"),
    ("LastNumber", "int", "Laatste nummer", "Last number"),
]
# Not AFAS fields: only with SimSettings.subject_type_destinations (our destination settings, made readable).
SUBJECT_TYPE_DESTINATIONS: list[_F] = [
    ("DestPurchaseInvoice", "string", "Bestemming inkooprelatie + inkoopfactuur", "Destination purchase invoice"),
    ("DestSalesInvoice", "string", "Bestemming verkooprelatie + verkoopfactuur", "Destination sales invoice"),
]

# Models for the partner connectors: the standard connectors afas-api.md §5.2 found in the OAS specs.
PERIODS: list[_F] = [  # modelled on Profit_periods_per_administration (afas-api.md §5.2)
    ("Unit", "int", "Administratie", "Administration"),
    ("Year", "int", "Boekjaar", "Year"),
    ("Period", "int", "Periode", "Period"),
    ("PeriodDesc", "string", "Omschrijving periode", "Period description"),
    ("DateFrom", "date", "Begindatum", "Start date"),
    ("DateTo", "date", "Einddatum", "End date"),
    ("Blocked", "boolean", "Geblokkeerd", "Blocked"),
]
CURRENCIES: list[_F] = [  # modelled on Profit_Currency
    ("CurrencyId", "string", "Valuta", "Currency"),
    ("Description", "string", "Omschrijving", "Description"),
    ("Rate", "decimal", "Koers", "Rate"),
    ("Blocked", "boolean", "Geblokkeerd", "Blocked"),
]
JOURNALS: list[_F] = [  # modelled on Profit_Journals (UnitId, JournalId, Description, JournalType, Blocked)
    ("UnitId", "int", "Administratie", "Administration"),
    ("JournalId", "string", "Dagboek", "Journal"),
    ("Description", "string", "Omschrijving", "Description"),
    ("JournalType", "string", "Type dagboek", "Journal type"),
    ("Blocked", "boolean", "Geblokkeerd", "Blocked"),
]
COUNTRIES: list[_F] = [  # modelled on ProfitCountries (CoId, Co)
    ("CoId", "string", "Land", "Country"),
    ("Co", "string", "Omschrijving", "Description"),
]
PAYMENT_TERMS: list[_F] = [  # no standard connector exists (afas-api.md §5.2): our assumption
    ("PaymentConditionId", "string", "Betaalvoorwaarde", "Payment condition"),
    ("Description", "string", "Omschrijving", "Description"),
    ("Days", "int", "Aantal dagen", "Days"),
    ("Blocked", "boolean", "Geblokkeerd", "Blocked"),
]
COST_CENTRES: list[_F] = [  # the DDI connectors' fields are unknown: modelled on an allocation-code list
    ("AdministrationId", "int", "Administratie", "Administration"),
    ("AxisId", "string", "Verbijzonderingsas", "Allocation axis"),
    ("CostCentreId", "string", "Kostenplaats", "Cost centre"),
    ("CostCentreDescription", "string", "Omschrijving", "Description"),
    ("Blocked", "boolean", "Geblokkeerd", "Blocked"),
]
COST_CARRIERS: list[_F] = [
    ("AdministrationId", "int", "Administratie", "Administration"),
    ("CostCarrierId", "string", "Kostendrager", "Cost carrier"),
    ("CostCarrierDescription", "string", "Omschrijving", "Description"),
    ("Blocked", "boolean", "Geblokkeerd", "Blocked"),
]
# OAS "Financiële Inrichting.json" (7.7.10), /Metainfo/{Type}/{Endpoint} example: Profit_Administrations.
ADMINISTRATIONS: list[_F] = [
    ("AdminId", "int", "Administratie", "Administration"),
    ("AdminNm", "string", "Naam administratie", "Administration name"),
    ("AdminCd", "string", "Administratie", "Administration code"),
]
_ADMINISTRATION_META = {"AdminId": ("U002", 3, 5), "AdminNm": ("U001", 80, 1), "AdminCd": ("UnCo", 10, 1)}

VAT_CODE: list[_F] = [  # Profit_VAT_code exists (the guide's screenshot); its fields are our assumption
    ("VatId", "string", "Btw-code", "VAT code"),
    ("Description", "string", "Omschrijving", "Description"),
    ("Percentage", "decimal", "Percentage", "Percentage"),
    ("Blocked", "boolean", "Geblokkeerd", "Blocked"),
]

# id -> (nl, en, fields) for every non-SmartBooqing GetConnector the environment has from the start.
_EXTRA_GET: dict[str, tuple[str, str, list[_F]]] = {
    "Profit_SubjectTypes": ("Typen dossieritem", "Subject types", PROFIT_SUBJECT_TYPES),
    "Profit_Administrations": ("Administraties (Profit)", "Administrations (Profit)", ADMINISTRATIONS),
    "Profit_VAT_code": ("Btw-codes (Profit)", "VAT codes (Profit)", VAT_CODE),
}
_PARTNER_FIELDS: dict[str, list[_F]] = {
    "CaseWare_Periods": PERIODS,
    "Precal_Valuta": CURRENCIES,
    "Precal_Dagboeken": JOURNALS,
    "Precal_Landen": COUNTRIES,
    "Precal_Betaalvoorwaarde": PAYMENT_TERMS,
    "Profit_Subjects": PROFIT_SUBJECTS,
    "DDI_Profit_Kostenplaatsen": COST_CENTRES,
    "DDI_Profit_Kostendragers": COST_CARRIERS,
}


def standard_get_definitions(manifest: Manifest) -> list[GetDefinition]:
    out = []
    for spec in manifest.get_connectors:
        if spec.source == "smartbooqing":
            continue
        fields = _PARTNER_FIELDS.get(spec.id) or [("Id", "string", "Code", "Code")]
        out.append(
            GetDefinition(
                id=spec.id,
                description_nl=spec.description_nl,
                description_en=spec.description_en,
                fields=_fields(fields),
                source=spec.source,
                rows=CONNECTOR_SOURCES.get(spec.id.lower(), ""),
            )
        )
    for connector_id, (nl, en, fields) in _EXTRA_GET.items():
        out.append(
            GetDefinition(
                id=connector_id,
                description_nl=nl,
                description_en=en,
                fields=_fields(fields),
                rows=CONNECTOR_SOURCES.get(connector_id.lower(), ""),
            )
        )
    for definition in out:  # Profit_Administrations: the spec's exact codes, lengths and control types
        for field in definition.fields if definition.id == "Profit_Administrations" else []:
            field.code, field.length, field.control_type = _ADMINISTRATION_META[field.id]
    return out


def subject_type_destination_fields() -> list[FieldDef]:
    return _fields(SUBJECT_TYPE_DESTINATIONS)


# --- standard AFAS UpdateConnectors ---------------------------------------------------------------------------

_U = tuple[str, DataType, str, str, bool]  # id, type, nl, en, mandatory


def _ufields(spec: list[_U], key: str = "") -> list[FieldDef]:
    return [
        FieldDef(
            id=i,
            data_type=t,
            label_nl=nl,
            label_en=en,
            mandatory=m,
            primary_key=i == key,
            length={"string": 255, "int": 9, "decimal": 12}.get(t, 0),
            decimals=2 if t == "decimal" else 0,
        )
        for i, t, nl, en, m in spec
    ]


# OAS "Dossiers en bijlagen en workflows.json", KnSubject_POST schema (afas-api.md §8).
KN_SUBJECT = UpdateDefinition(
    id="KnSubject",
    description_nl="Dossier",
    description_en="Dossier",
    root="KnSubject",
    result_keys=("SbId",),
    fields=_ufields(
        [
            ("SbId", "int", "Dossieritem", "Subject", True),
            ("StId", "int", "Type dossieritem", "Subject type", True),
            ("Ds", "string", "Onderwerp", "Subject", True),
            ("Da", "date", "Datum", "Date", False),
            ("SbTx", "string", "Toelichting", "Comment", False),
            ("SbPa", "string", "Bijlage", "Attachment", False),
            ("FileId", "string", "Bijlage-id", "File id", False),
            ("FileStream", "blob", "Bestand", "File", False),
        ],
        key="SbId",
    ),
    objects=[
        UpdateObject(
            name="KnSubjectLink",
            fields=_ufields(
                [
                    ("SbId", "int", "Dossieritem", "Subject", True),
                    ("DoCRM", "boolean", "Bestemming CRM", "Destination CRM", False),
                    ("ToPR", "boolean", "Naar inkooprelatie", "To purchase relation", False),
                    ("ToSR", "boolean", "Naar verkooprelatie", "To sales relation", False),
                    ("SfTp", "int", "Type bestemming", "Destination type", False),
                    ("SfId", "string", "Bestemming", "Destination", False),
                    ("PiUn", "int", "Administratie inkoopfactuur", "Purchase invoice administration", False),
                    ("PiTp", "int", "Type inkoopfactuur", "Purchase invoice type", False),
                    ("PiId", "string", "Inkoopfactuur", "Purchase invoice", False),
                    ("SiUn", "int", "Administratie verkoopfactuur", "Sales invoice administration", False),
                    ("SiTp", "int", "Type verkoopfactuur", "Sales invoice type", False),
                    ("SiId", "string", "Verkoopfactuur", "Sales invoice", False),
                ],
                key="SbId",
            ),
        ),
        UpdateObject(
            name="KnSubjectAttachment",
            fields=_ufields(
                [
                    ("FileName", "string", "Bestandsnaam", "File name", True),
                    ("FileStream", "blob", "Bestand", "File", True),
                ]
            ),
        ),
    ],
)

# OAS "Mutaties.json", FiEntries: the JSON root is FiEntryPar (afas-api.md §5.1).
FI_ENTRIES = UpdateDefinition(
    id="FiEntries",
    description_nl="Financiële mutaties",
    description_en="Financial entries",
    root="FiEntryPar",
    result_keys=("EnNo", "UnId", "InId"),
    fields=_ufields(
        [
            ("Year", "int", "Boekjaar", "Year", True),
            ("Peri", "int", "Periode", "Period", True),
            ("UnId", "int", "Administratie", "Administration", True),
            ("JoCo", "string", "Dagboek", "Journal", True),
            ("AuNu", "boolean", "Automatisch nummeren", "Auto number", False),
        ]
    ),
    objects=[
        UpdateObject(
            name="FiEntries",
            fields=_ufields(
                [
                    ("VaAs", "string", "Kenmerk rekening", "Account type", True),
                    ("AcNr", "string", "Rekeningnummer", "Account number", True),
                    ("EnDa", "date", "Datum boeking", "Entry date", True),
                    ("BpDa", "date", "Boekstukdatum", "Voucher date", True),
                    ("BpNr", "string", "Boekstuknummer", "Voucher number", False),
                    ("InId", "string", "Factuurnummer", "Invoice number", False),
                    ("AmDe", "decimal", "Bedrag debet", "Amount debit", False),
                    ("AmCr", "decimal", "Bedrag credit", "Amount credit", False),
                    ("VaId", "string", "Btw-code", "VAT code", False),
                    ("DaEx", "date", "Vervaldatum", "Expiry date", False),
                    ("BlPa", "boolean", "Blokkeren voor betaling", "Block for payment", False),
                ]
            ),
            objects=[UpdateObject(name="FiDimEntries"), UpdateObject(name="FiPrjEntries")],
        )
    ],
)

# OAS "Mutaties.json" FiInvoice: PUT only.
FI_INVOICE = UpdateDefinition(
    id="FiInvoice",
    description_nl="Financiële factuur",
    description_en="Financial invoice",
    root="FiInvoice",
    fields=_ufields(
        [
            ("UnId", "int", "Administratie", "Administration", True),
            ("VaAd", "string", "Kenmerk rekening", "Account type", True),
            ("DcNr", "string", "Debiteur/crediteur", "Debtor/creditor", True),
            ("InId", "string", "Factuurnummer", "Invoice number", True),
            ("BlPa", "boolean", "Blokkeren voor betaling", "Block for payment", False),
            ("DuLe", "date", "Vervaldatum", "Due date", False),
        ],
        key="InId",
    ),
)


def _relation(update_id: str, key: str, nl: str, en: str) -> UpdateDefinition:
    # OAS "Inkoop.json" / "Verkoop.json" and "Organisaties en personen.json": nested KnOrganisation -> address.
    return UpdateDefinition(
        id=update_id,
        description_nl=nl,
        description_en=en,
        root=update_id,
        result_keys=(key, "BcCo"),
        fields=_ufields(
            [
                (key, "string", "Nummer", "Number", False),
                ("CuId", "string", "Valuta", "Currency", False),
                ("PaCd", "string", "Betaalvoorwaarde", "Payment condition", False),
                ("VaDu", "string", "Btw-plicht", "VAT liability", False),
                ("IsDb" if key == "DbId" else "IsCr", "boolean", "Is relatie", "Is relation", False),
            ],
            key=key,
        ),
        objects=[
            UpdateObject(
                name="KnOrganisation",
                fields=_ufields(
                    [
                        ("MatchOga", "int", "Organisatie vergelijken op", "Match organisation on", True),
                        ("BcCo", "string", "Nummer", "Number", False),
                        ("Nm", "string", "Naam", "Name", True),
                        ("CcNr", "string", "KvK-nummer", "CoC number", False),
                        ("FiNr", "string", "Fiscaalnummer", "Tax number", False),
                        ("PadAdr", "boolean", "Postadres is adres", "Postal address is address", False),
                        ("AutoNum", "boolean", "Autonummering", "Auto number", False),
                    ]
                ),
                objects=[UpdateObject(name="KnBasicAddressAdr"), UpdateObject(name="KnBankAccount")],
            )
        ],
    )


def standard_update_definitions() -> list[UpdateDefinition]:
    return [
        FI_ENTRIES,
        FI_INVOICE,
        _relation("KnPurchaseRelationOrg", "CrId", "Inkooprelatie organisatie", "Purchase relation organisation"),
        _relation("KnSalesRelationOrg", "DbId", "Verkooprelatie organisatie", "Sales relation organisation"),
        KN_SUBJECT,
    ]
