"""No Python module spells an AFAS menu path: they all come from connectors/afas.toml, joined in one place."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import wizard
from wizard.data import load_manifest, screens
from wizard.domain.afas_screens import SEPARATOR, join_path
from wizard.verify import remedies

PACKAGE = Path(wizard.__file__).parent
JOINER = PACKAGE / "domain" / "afas_screens.py"  # the one place that puts the separator between labels
# Pages are the guidance work's to convert (they are Qt-translated text); each entry must still need it, so the
# list can only shrink. Empty it when the pages read wizard.data.screens().
PENDING: set[str] = set()


def _pairs() -> set[tuple[str, str]]:
    """Every two neighbouring labels of a menu path or breadcrumb in the data."""
    s = screens()
    pairs: set[tuple[str, str]] = set()
    for key in type(s).model_fields:
        screen = s.screen(key)
        for path in (screen.menu, screen.breadcrumb):
            labels = [label.nl for label in path.labels]
            pairs.update(itertools.pairwise(labels))
    return pairs


def _spellings(text: str) -> list[str]:
    found = [m.group(0) for m in re.finditer(r".{0,30}›.{0,30}", text)]
    for first, second in _pairs():
        pattern = re.escape(first) + r"\s*(?:›|>|=>|→|&gt;)\s*" + re.escape(second)
        found += [m.group(0) for m in re.finditer(pattern, text)]
    return found


def test_no_python_module_spells_an_afas_menu_path() -> None:
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if path == JOINER:
            continue
        found = _spellings(path.read_text(encoding="utf-8"))
        if found and name not in PENDING:
            offenders[name] = found
        if name in PENDING:
            assert found, f"{name} no longer spells a path: remove it from PENDING"
    assert offenders == {}


def test_the_detector_finds_both_separators_and_the_old_wrong_path() -> None:
    assert _spellings("go to Algemeen > Beheer > GetConnector")  # the old, wrong path
    assert _spellings("Algemeen › App connector")
    assert not _spellings("AFAS Profit: open the app connector")


def test_remedies_use_the_corrected_paths_with_one_separator() -> None:
    s = screens()
    gcn_path = join_path(["Algemeen", "Uitvoer", "Beheer", "GetConnector", "Getconnector beheren uitgebreid"])
    assert s.getconnector_list.menu.then(s.getconnector_list.title).nl == gcn_path
    manifest = load_manifest()
    outdated = remedies.reimport(manifest.gcn_files[0])
    assert gcn_path + SEPARATOR + "Meer acties" + SEPARATOR + "Importeren" in outdated.en
    unblock = remedies.unblock_definition("SBQ_BTW")
    assert gcn_path + SEPARATOR + "SBQ_BTW" + SEPARATOR + "Definitie" in unblock.nl
    rejected = remedies.token_rejected("SmartBooqing", "O12345AA")
    assert "Algemeen › Beheer › App connector › SmartBooqing › Gebruikerstokens" in rejected.en
    assert ">" not in rejected.en + rejected.nl + outdated.nl + unblock.en
    # English readers get the path with AFAS's Dutch labels (the screens are Dutch) and a translated placeholder.
    empty = remedies.filter_authorisation("SBQ_BTW")
    assert "Algemeen › Beheer › Autorisatie tool › the user's group › Filterautorisatie" in empty.en
    assert "Algemeen › Beheer › Autorisatie tool › groep van de gebruiker › Filterautorisatie" in empty.nl
