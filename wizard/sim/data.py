"""A little believable bookkeeping for the simulated environment: two administrations and their master data.

Each source yields rows keyed by every field id a connector in the catalog may declare (the SmartBooqing stand-in
ids, the standard AFAS ids, the partner ids); a connector returns only the fields its definition declares and
`null` for a declared field that no source knows (AFAS returns empty fields as null, afas-api.md §3.1).
All names are invented.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wizard.sim.model import PURCHASE_INVOICE, SALES_INVOICE, SimEnvironment

Row = dict[str, Any]

_ADMINISTRATIONS: list[Row] = [
    {
        "AdministrationId": 1,
        "UnitId": 1,
        "Unit": 1,
        "AdminId": 1,
        "AdminNm": "Voorbeeld Holding B.V.",
        "AdminCd": "VBH",
        "Description": "Voorbeeld Holding B.V.",
        "CocNumber": "90000001",
        "VatNumber": "NL000099998B57",
        "Currency": "EUR",
        "FiscalYear": 2026,
        "FiscalYearStartMonth": 1,
        "CountryId": "NL",
        "Blocked": False,
    },
    {
        "AdministrationId": 2,
        "UnitId": 2,
        "Unit": 2,
        "AdminId": 2,
        "AdminNm": "Voorbeeld Werkmaatschappij B.V.",
        "AdminCd": "VBW",
        "Description": "Voorbeeld Werkmaatschappij B.V.",
        "CocNumber": "90000002",
        "VatNumber": "NL000099997B01",
        "Currency": "EUR",
        "FiscalYear": 2026,
        "FiscalYearStartMonth": 1,
        "CountryId": "NL",
        "Blocked": False,
    },
]

# (code, description, percentage, type) - Dutch rates.
_VAT = [
    ("0", "Geen btw", 0.0, "Geen"),
    ("1", "Btw hoog", 21.0, "Hoog"),
    ("2", "Btw laag", 9.0, "Laag"),
    ("3", "Btw nul", 0.0, "Nul"),
    ("4", "Btw verlegd", 0.0, "Verlegd"),
    ("5", "Intracommunautaire levering", 0.0, "ICP"),
    ("6", "Buiten de EU", 0.0, "Export"),
]

# (account, description, type, vat code, debit/credit, balance or P&L)
_LEDGER = [
    ("0100", "Gebouwen", "Balans", "", "D"),
    ("1100", "Bank", "Balans", "", "D"),
    ("1300", "Debiteuren", "Balans", "", "D"),
    ("1600", "Crediteuren", "Balans", "", "C"),
    ("1510", "Te betalen btw hoog", "Balans", "", "C"),
    ("1520", "Voorbelasting", "Balans", "", "D"),
    ("4000", "Kantoorbenodigdheden", "Winst en verlies", "1", "D"),
    ("4100", "Huur", "Winst en verlies", "0", "D"),
    ("4200", "Reiskosten", "Winst en verlies", "2", "D"),
    ("4300", "Telefoon en internet", "Winst en verlies", "1", "D"),
    ("4400", "Advieskosten", "Winst en verlies", "1", "D"),
    ("8000", "Omzet hoog", "Winst en verlies", "1", "C"),
    ("8100", "Omzet laag", "Winst en verlies", "2", "C"),
]

_CREDITORS = [
    ("70001", "Kantoorhuis Noord B.V.", "NL000011112B01", "91000001", "NL02ABNA0000000001", "30", "EUR", False),
    ("70002", "Reisbureau Zuid V.O.F.", "NL000011113B01", "91000002", "NL02ABNA0000000002", "14", "EUR", False),
    ("70003", "Telecom Oost B.V.", "NL000011114B01", "91000003", "NL02ABNA0000000003", "30", "EUR", False),
    ("70004", "Adviesgroep West", "NL000011115B01", "91000004", "NL02ABNA0000000004", "60", "EUR", False),
    ("70005", "Oude Leverancier B.V.", None, "91000005", None, "30", "EUR", True),
    ("70006", "Software Europe GmbH", "DE000011116", None, "DE02100500000000000006", "30", "EUR", False),
]

_DEBTORS = [
    ("10001", "Klant Alfa B.V.", "NL000022221B01", "92000001", "NL02RABO0000000011", "14", "EUR", False),
    ("10002", "Klant Bravo B.V.", "NL000022222B01", "92000002", "NL02RABO0000000012", "30", "EUR", False),
    ("10003", "Stichting Charlie", None, "92000003", "NL02RABO0000000013", "30", "EUR", False),
    ("10004", "Delta Ltd", "GB000022224", None, None, "30", "GBP", False),
    ("10005", "Echo Vereniging", None, "92000005", "NL02RABO0000000015", "8", "EUR", True),
]

# (axis id, axis description, code, description, blocked)
_COST_CENTRES = [
    ("01", "Kostenplaats", "100", "Directie", False),
    ("01", "Kostenplaats", "200", "Verkoop", False),
    ("01", "Kostenplaats", "300", "Inkoop", False),
    ("01", "Kostenplaats", "900", "Vervallen", True),
    ("02", "Kostendrager", "P01", "Project Noord", False),
    ("02", "Kostendrager", "P02", "Project Zuid", False),
]

_CURRENCIES = [("EUR", "Euro", 1.0), ("USD", "Amerikaanse dollar", 1.08), ("GBP", "Brits pond", 0.86)]
_JOURNALS = [
    ("10", "Bank", "Bank"),
    ("60", "Inkoop", "Inkoop"),
    ("70", "Verkoop", "Verkoop"),
    ("90", "Memoriaal", "Memoriaal"),
]
_COUNTRIES = [
    ("NL", "Nederland"),
    ("BE", "België"),
    ("DE", "Duitsland"),
    ("GB", "Verenigd Koninkrijk"),
    ("FR", "Frankrijk"),
]
_PAYMENT_TERMS = [("8", "8 dagen", 8), ("14", "14 dagen", 14), ("30", "30 dagen", 30), ("60", "60 dagen", 60)]


def _date(value: str) -> str:
    # AFAS writes a Z but means Amsterdam local time (afas-api.md §3.1); we mimic the shape.
    return f"{value}T00:00:00Z"


def administrations(_env: SimEnvironment) -> list[Row]:
    return [dict(row) for row in _ADMINISTRATIONS]


def vat_codes(_env: SimEnvironment) -> list[Row]:
    rows = []
    for unit in (1, 2):
        for code, description, pct, vat_type in _VAT:
            rows.append(
                {
                    "AdministrationId": unit,
                    "UnitId": unit,
                    "VatCode": code,
                    "VatId": code,
                    "Description": description,
                    "VatPercentage": pct,
                    "Percentage": pct,
                    "VatType": vat_type,
                    "VatAccount": "1510" if pct else None,
                    "ValidFrom": _date("2019-01-01" if code == "2" else "2012-01-01"),
                    "Blocked": False,
                }
            )
    return rows


def ledger_accounts(_env: SimEnvironment) -> list[Row]:
    rows = []
    for unit in (1, 2):
        for account, description, account_type, vat, side in _LEDGER:
            rows.append(
                {
                    "AdministrationId": unit,
                    "UnitId": unit,
                    "AccountNumber": account,
                    "AccountNo": account,
                    "Account": account,
                    "Description": description,
                    "AccountType": {"1300": "Debiteuren", "1600": "Crediteuren"}.get(account, "Grootboekrekening"),
                    "BalanceType": account_type,
                    "VatCode": vat or None,
                    "DebitCredit": side,
                    "CostCentreRequired": account.startswith("4"),
                    "Blocked": False,
                }
            )
    return rows


def _relations(table: list[tuple[Any, ...]], kind: str) -> list[Row]:
    rows = []
    for rid, name, vat, coc, iban, terms, currency, blocked in table:
        rows.append(
            {
                f"{kind}Id": rid,
                f"{kind}Name": name,
                "Name": name,
                "AdministrationId": 1,
                "VatNumber": vat,
                "CocNumber": coc,
                "Iban": iban,
                "PaymentCondition": terms,
                "Currency": currency,
                "CountryId": iban[:2] if iban else "NL",
                "DefaultAccount": "4000" if kind == "Creditor" else "8000",
                "DefaultVatCode": "1",
                "EmailAddress": f"administratie@{rid}.example.invalid",
                "Blocked": blocked,
            }
        )
    return rows


def creditors(_env: SimEnvironment) -> list[Row]:
    return _relations(_CREDITORS, "Creditor")


def debtors(_env: SimEnvironment) -> list[Row]:
    return _relations(_DEBTORS, "Debtor")


def cost_centres(_env: SimEnvironment) -> list[Row]:
    rows = []
    for unit in (1, 2):
        for axis, axis_description, code, description, blocked in _COST_CENTRES:
            rows.append(
                {
                    "AdministrationId": unit,
                    "AxisId": axis,
                    "AxisDescription": axis_description,
                    "CostCentreId": code,
                    "CostCentreDescription": description,
                    "CostCentreType": "Kostenplaats" if axis == "01" else "Kostendrager",
                    "Code": code,
                    "Description": description,
                    "Blocked": blocked,
                }
            )
    return rows


def cost_carriers(env: SimEnvironment) -> list[Row]:
    return [
        {**row, "CostCarrierId": row["CostCentreId"], "CostCarrierDescription": row["CostCentreDescription"]}
        for row in cost_centres(env)
        if row["AxisId"] == "02"
    ]


def transactions(_env: SimEnvironment) -> list[Row]:
    rows: list[Row] = []
    entries = [
        ("60", "70001", "INK-2026-0001", "2026-01-15", "4000", 121.0, "1"),
        ("60", "70002", "INK-2026-0002", "2026-02-03", "4200", 436.0, "2"),
        ("60", "70003", "INK-2026-0003", "2026-02-28", "4300", 60.5, "1"),
        ("60", "70004", "INK-2026-0004", "2026-03-10", "4400", 1815.0, "1"),
        ("70", "10001", "VF-2026-0001", "2026-01-31", "8000", 2420.0, "1"),
        ("70", "10002", "VF-2026-0002", "2026-02-27", "8100", 109.0, "2"),
    ]
    for number, (journal, relation, invoice, day, account, amount, vat) in enumerate(entries, start=1):
        purchase = journal == "60"
        rows.append(
            {
                "AdministrationId": 1,
                "UnitId": 1,
                "EntryNumber": 26000 + number,
                "InvoiceNumber": invoice,
                "EntryDate": _date(day),
                "JournalId": journal,
                "AccountNumber": account,
                "RelationId": relation,
                "CreditorId": relation if purchase else None,
                "DebtorId": None if purchase else relation,
                "AmountDebit": amount if purchase else 0.0,
                "AmountCredit": 0.0 if purchase else amount,
                "VatCode": vat,
                "Description": f"Factuur {invoice}",
                "Year": 2026,
                "Period": int(day[5:7]),
            }
        )
    return rows


def periods(_env: SimEnvironment) -> list[Row]:
    rows = []
    for unit in (1, 2):
        for month in range(1, 13):
            last = 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31
            rows.append(
                {
                    "AdministrationId": unit,
                    "Unit": unit,
                    "Year": 2026,
                    "Period": month,
                    "PeriodDesc": f"Periode {month}",
                    "DateFrom": _date(f"2026-{month:02d}-01"),
                    "DateTo": _date(f"2026-{month:02d}-{last:02d}"),
                    "Blocked": month < 3,
                }
            )
    return rows


def currencies(_env: SimEnvironment) -> list[Row]:
    return [{"CurrencyId": c, "Currency": c, "Description": d, "Rate": r, "Blocked": False} for c, d, r in _CURRENCIES]


def journals(_env: SimEnvironment) -> list[Row]:
    return [
        {"UnitId": u, "AdministrationId": u, "JournalId": j, "Description": d, "JournalType": t, "Blocked": False}
        for u in (1, 2)
        for j, d, t in _JOURNALS
    ]


def countries(_env: SimEnvironment) -> list[Row]:
    return [{"CoId": c, "Co": d, "CountryId": c, "Description": d} for c, d in _COUNTRIES]


def payment_terms(_env: SimEnvironment) -> list[Row]:
    return [
        {"PaymentConditionId": c, "PaymentCondition": c, "Description": d, "Days": n, "Blocked": False}
        for c, d, n in _PAYMENT_TERMS
    ]


def subject_types(env: SimEnvironment) -> list[Row]:
    with env.lock:
        types = list(env.dossier_types.values())
    return [
        {
            "SubjectTypeId": t.id,
            "Description": t.description,
            # The spec's flags: which fields a dossier item of this type uses.
            "Comment": bool(t.comment),
            "SubjectText": True,
            "Responsible": True,
            "StartDate": False,
            "EndDate": False,
            "Completed": True,
            "DateCompleted": True,
            "ResponsibleMandatory": False,
            "UseFeatures": t.use_features,
            "OnlyExistingFeatures": False,
            "WithoutFeature": t.without_feature,
            "Confedential": False,  # sic: AFAS's field id
            "LinkFile": t.link_file,
            "EditMode": None,
            "VisibleOutsite": False,
            "VisibleInsite": t.visible_insite,
            "UseNumber": False,
            "LastNumber": None,
            "DestPurchaseInvoice": t.destinations.get(PURCHASE_INVOICE),
            "DestSalesInvoice": t.destinations.get(SALES_INVOICE),
        }
        for t in sorted(types, key=lambda t: t.id)
    ]


def subjects(_env: SimEnvironment) -> list[Row]:
    # Profit_Subjects has no attachment fields (Profit_Subject_Attachments lists those); To* say where an item
    # is filed (purchase relation, sales relation, ...), as booleans.
    rows = []
    items = [
        (1001, 3, "Inkoopfactuur INK-2026-0001", "2026-01-15", "creditor"),
        (1002, 3, "Inkoopfactuur INK-2026-0002", "2026-02-03", "creditor"),
        (1003, 4, "Notitie jaarafsluiting", "2026-02-10", ""),
        (1004, 3, "Verkoopfactuur VF-2026-0001", "2026-01-31", "debtor"),
    ]
    for sid, type_id, subject, day, filed_at in items:
        rows.append(
            {
                "TypeId": type_id,
                "SubjectId": sid,
                "DateCreated": _date(day),
                "Subject": subject,
                "Comment": None,
                "Status": None,
                "Number": sid,
                "FeV1": None,
                "FeV2": None,
                "FeV3": None,
                "OrgPersId": None,
                "ContactNr": None,
                "ToEmployer": False,
                "ToDebtor": filed_at == "debtor",
                "ToCreditor": filed_at == "creditor",
                "ToOrgPers": False,
                "ToEmployee": False,
                "ToApplicant": False,
                "Project": None,
                "Campagne": None,
                "Source": None,
                "Responsible": "12345.sbq",
                "StartDate": None,
                "EndDate": None,
                "Afgehandeld": filed_at != "",
                "Datum_afgehandeld": _date(day) if filed_at else None,
                "Bron": None,
                "Type_actie": None,
                "Prioriteit": None,
                "WFstatus": None,
                "WFClosed": None,
            }
        )
    return rows


SOURCES: dict[str, Callable[[SimEnvironment], list[Row]]] = {
    "administrations": administrations,
    "vat": vat_codes,
    "ledger": ledger_accounts,
    "creditors": creditors,
    "debtors": debtors,
    "costcentres": cost_centres,
    "costcarriers": cost_carriers,
    "transactions": transactions,
    "periods": periods,
    "currencies": currencies,
    "journals": journals,
    "countries": countries,
    "payment_terms": payment_terms,
    "subject_types": subject_types,
    "subjects": subjects,
}

# Which sample source feeds which connector (also for .gcn imports, matched by connector id).
CONNECTOR_SOURCES: dict[str, str] = {
    "sbq_administratie": "administrations",
    "sbq_btw": "vat",
    "sbq_crediteuren": "creditors",
    "sbq_debiteuren": "debtors",
    "sbq_transactie": "transactions",
    "sbq_kostenplaatsen_all": "costcentres",
    "sbq_grootboekrekeningen": "ledger",
    "caseware_periods": "periods",
    "precal_valuta": "currencies",
    "precal_dagboeken": "journals",
    "precal_landen": "countries",
    "precal_betaalvoorwaarde": "payment_terms",
    "ddi_profit_kostenplaatsen": "costcentres",
    "ddi_profit_kostendragers": "costcarriers",
    "profit_subjects": "subjects",
    "profit_subjecttypes": "subject_types",
    "profit_administrations": "administrations",
    "profit_vat_code": "vat",
}


def rows_for(env: SimEnvironment, source: str) -> list[Row]:
    producer = SOURCES.get(source)
    return producer(env) if producer else []
