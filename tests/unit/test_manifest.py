from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from wizard.data import afas, afas_path, load_manifest, manifest_path, screens
from wizard.domain.afas_screens import AfasData, parse_afas_data
from wizard.domain.manifest import ManifestError, parse_manifest

# The setup guide's OCR text lives beside the repository (../shared/seed), not in it: on a clean clone it is absent.
GUIDE = next(
    (
        p / "shared" / "seed" / "smartbooqing-afas-setup-guide.txt"
        for p in Path(__file__).resolve().parents
        if (p / "shared" / "seed" / "smartbooqing-afas-setup-guide.txt").is_file()
    ),
    None,
)


def _raw() -> dict[str, object]:
    return tomllib.loads(manifest_path().read_text(encoding="utf-8"))


def test_manifest_lists_what_the_guide_asks() -> None:
    m = load_manifest()
    assert len(m.gcn_files) == 7
    assert [c.id for c in m.get_connectors] == [
        "CaseWare_Periods", "Precal_Valuta", "Precal_Dagboeken", "Precal_Landen", "Precal_Betaalvoorwaarde",
        "SBQ_Administratie", "SBQ_BTW", "SBQ_Crediteuren", "SBQ_Debiteuren", "SBQ_Transactie",
        "SBQ_Kostenplaatsen_All", "SBQ_Grootboekrekeningen", "Profit_Subjects",
        "DDI_Profit_Kostenplaatsen", "DDI_Profit_Kostendragers",
    ]  # fmt: skip
    assert [c.id for c in m.update_connectors] == [
        "FiEntries", "FiInvoice", "KnPurchaseRelationOrg", "KnSalesRelationOrg", "KnSubject"
    ]  # fmt: skip
    assert [c.id for c in m.special_connectors] == [
        "AppConnectorReport", "AppConnectorSubject", "AppConnectorVersion", "GetXMLSchema"
    ]  # fmt: skip
    assert m.gcn_for("SBQ_Kostenplaatsen_All").file == "SBQ_Custom_Kostenplaatsen.gcn"  # type: ignore[union-attr]
    assert m.gcn_for("SBQ_Transactie").file == "SBQ_Transaction_History.gcn"  # type: ignore[union-attr]
    assert all(c.description_nl and c.description_en for c in m.connectors)


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (lambda d: d["get_connectors"].append(dict(d["get_connectors"][0])), "duplicate connector id"),
        (lambda d: d["gcn_files"].append(dict(d["gcn_files"][0])), "duplicate file"),
        (lambda d: d["gcn_files"][0].update(connector="SBQ_Other"), "not a SmartBooqing GetConnector"),
        (lambda d: d["gcn_files"].pop(), "no .gcn file defines it"),
        (lambda d: d["get_connectors"][5].update(required_fields=[]), "lists no required_fields"),
        (lambda d: d["gcn_files"][0].update(sha256="xyz"), "String should match pattern"),
        (lambda d: d["get_connectors"][0].update(source="other"), "Input should be"),
    ],
)
def test_inconsistent_manifest_is_rejected(mutate, fragment: str) -> None:
    from wizard.domain.manifest import Manifest

    data = _raw()
    mutate(data)
    with pytest.raises(ValueError, match=fragment):
        Manifest.model_validate(data)


def test_unparseable_manifest_gives_a_user_message() -> None:
    with pytest.raises(ManifestError) as err:
        parse_manifest("schema_version = [")
    assert "Reinstall" in err.value.message.en and "opnieuw" in err.value.message.nl


# --- connectors/afas.toml: AFAS's screens and the special connectors' probes --------------------------------------


def _afas_raw() -> dict[str, Any]:
    return tomllib.loads(afas_path().read_text(encoding="utf-8"))


def test_afas_paths_follow_the_guides_menu_screenshots() -> None:
    s = screens()
    # The guide's "Algemeen" menu: App connector in the Beheer column; GetConnector in the Uitvoer column's
    # "Beheer >" submenu, opening the list "Getconnector beheren uitgebreid".
    assert s.app_connector_list.menu.nl == "Algemeen › Beheer › App connector"
    assert s.getconnector_list.menu.nl == "Algemeen › Uitvoer › Beheer › GetConnector"
    assert s.getconnector_list.title.nl == "Getconnector beheren uitgebreid"
    assert s.dossier_item_types.menu.nl == "CRM › Dossier › Inrichting › Type dossieritem"
    assert s.app_connector_list.menu.then("SmartBooqing", s.app_connector.tabs.tokens).nl == (
        "Algemeen › Beheer › App connector › SmartBooqing › Gebruikerstokens"
    )
    assert s.getconnector_list.menu.en == "General › Output › Management › GetConnector"
    assert s.screen("getconnector_list") is s.getconnector_list
    with pytest.raises(KeyError):
        s.screen("nope")


def test_every_tab_per_connector_kind_is_named() -> None:
    tabs = screens().app_connector
    assert [tabs.tab_for(k).nl for k in ("get", "update", "special")] == [
        "GetConnectoren",
        "UpdateConnectoren",
        "Connectoren",
    ]
    assert tabs.tabs.tokens.glossed.en == "Gebruikerstokens (User tokens)"
    assert tabs.tabs.tokens.glossed.nl == "Gebruikerstokens"


@pytest.mark.skipif(GUIDE is None, reason="the setup guide's OCR text is not beside this checkout")
def test_every_afas_label_is_in_the_guides_screenshots_or_its_screen_says_so() -> None:
    assert GUIDE is not None
    guide = GUIDE.read_text(encoding="utf-8").casefold()
    data = _afas_raw()
    notes = " ".join(str(screen.get("note", "")) for screen in data["screens"].values()).casefold()
    unseen = [nl for nl in data["glossary"] if nl.casefold() not in guide and nl.casefold() not in notes]
    assert unseen == []


def test_every_special_connector_has_a_probe_and_every_probe_a_connector() -> None:
    data = afas()
    assert data.check_against(load_manifest()) == []
    assert data.probe("appconnectorsubject") is not None
    assert data.special_for_endpoint("FileConnector") == "AppConnectorSubject"
    assert data.probe("NoSuchConnector") is None


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (lambda d: d["screens"]["getconnector_list"]["menu"].append("Beheerr"), "'Beheerr' is not in [glossary]"),
        (lambda d: d["glossary"].update({"Ongebruikt": "Unused"}), "'Ongebruikt' is used by no screen"),
        (lambda d: d["screens"]["app_connector"]["tabs"].pop("tokens"), "tokens"),
        (lambda d: d["special_connectors"]["AppConnectorVersion"].update(probe="other"), "must start with"),
        (lambda d: d["special_connectors"]["GetXMLSchema"].pop("soap_service"), "needs soap_service"),
        (lambda d: d["special_connectors"]["GetXMLSchema"].update(answer="guess"), "Input should be"),
    ],
)
def test_inconsistent_afas_data_is_rejected(mutate: Any, fragment: str) -> None:
    data = _afas_raw()
    mutate(data)
    with pytest.raises(ValueError, match=re.escape(fragment)):
        AfasData.model_validate(data)


def test_unparseable_afas_data_gives_a_user_message() -> None:
    with pytest.raises(ManifestError) as err:
        parse_afas_data("schema_version = [")
    assert "Reinstall" in err.value.message.en and "opnieuw" in err.value.message.nl
