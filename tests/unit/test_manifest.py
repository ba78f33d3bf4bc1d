from __future__ import annotations

import tomllib

import pytest

from wizard.domain.manifest import ManifestError, load_manifest, manifest_path, parse_manifest


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
