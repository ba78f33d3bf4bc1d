"""Where in AFAS each defect is fixed. Every menu path, tab, button and label comes from connectors/afas.toml
(wizard.data.screens()): this module only says what to do there."""

from __future__ import annotations

from wizard.data import screens
from wizard.domain.afas_screens import AfasPath
from wizard.domain.manifest import ConnectorSpec, GcnFile
from wizard.domain.text import Text


def app_path(app: str) -> AfasPath:
    """The way to the app connector `app`: its list in the menu, then the app connector itself."""
    return screens().app_connector_list.menu.then(app)


def link(app: str, spec: ConnectorSpec, gcn: GcnFile | None) -> Text:
    s = screens()
    path = app_path(app).then(s.app_connector.tab_for(spec.kind), s.app_connector.buttons.new, spec.id)
    text = Text(en="In AFAS: {path}. ", nl="In AFAS: {path}. ").format(path=path.text)
    if spec.source == "smartbooqing" and gcn is not None:
        return text + Text(
            en="Not in the list? Import {file} first (step 'Import into AFAS').",
            nl="Staat hij niet in de lijst? Importeer eerst {file} (stap 'Importeren in AFAS').",
        ).format(file=gcn.file)
    if spec.source == "partner":
        return text + Text(
            en="Not in the list? This connector is installed by AFAS or a partner: contact the SmartBooqing "
            "helpdesk (helpdesk@smartbooqing.com).",
            nl="Staat hij niet in de lijst? Deze connector wordt door AFAS of een partner geïnstalleerd: neem "
            "contact op met de SmartBooqing-helpdesk (helpdesk@smartbooqing.com).",
        )
    return text


def unblock_definition(connector_id: str) -> Text:
    g = screens().getconnector_list
    path = g.menu.then(g.title, connector_id, g.buttons.definition)
    return Text(
        en="In AFAS: {path}: untick {blocked} and save. If AFAS blocked it under its fair-use policy, contact AFAS "
        "support first.",
        nl="In AFAS: {path}: vink {blocked} uit en sla op. Heeft AFAS hem geblokkeerd (fair use), neem dan eerst "
        "contact op met AFAS.",
    ).format(path=path.text, blocked=g.fields.blocked.nl)


def reimport(gcn: GcnFile) -> Text:
    g = screens().getconnector_list
    path = g.menu.then(g.title, g.buttons.more_actions, g.buttons.import_action)
    return Text(
        en="The imported definition is outdated. Import {file} again ({path}) and answer 'overwrite'.",
        nl="De geïmporteerde definitie is verouderd. Importeer {file} opnieuw ({path}) en kies 'overschrijven'.",
    ).format(file=gcn.file, path=path.text)


def filter_authorisation(connector_id: str) -> Text:
    tool = screens().authorisation_tool
    group = Text(en="the user's group", nl="groep van de gebruiker")
    path = tool.menu.then(group, tool.fields.filter_authorisation)
    return Text(
        en="{id} returned no rows. That is fine for an empty administration; otherwise the token's user lacks "
        "filter authorisation ({path}).",
        nl="{id} gaf geen regels terug. Voor een lege administratie is dat goed; anders mist de gebruiker van het "
        "token filterautorisatie ({path}).",
    ).format(id=connector_id, path=path.text)


def token_rejected(app: str, env: str, more: Text | None = None) -> Text:
    """What to check when AFAS rejects a classic token; `more` adds a numbered item before "If unsure"."""
    a = screens().app_connector
    checks = Text(
        en="Check, in this order: (1) the app connector is not blocked: {app_path}: untick {blocked}; (2) the token "
        "belongs to this environment ({env}) and type; (3) the token still exists: {tokens}.",
        nl="Controleer in deze volgorde: (1) de app connector is niet geblokkeerd: {app_path}: vink {blocked} uit; "
        "(2) het token hoort bij deze omgeving ({env}) en dit type; (3) het token bestaat nog: {tokens}.",
    ).format(
        app_path=app_path(app).text,
        blocked=a.fields.blocked.nl,
        env=env,
        tokens=app_path(app).then(a.tabs.tokens).text,
    )
    if more is not None:
        checks += more
    return checks + Text(
        en=" If unsure, create a new token there ({new}) and paste it.",
        nl=" Twijfel? Maak daar een nieuw token ({new}) en plak dat.",
    ).format(new=a.buttons.new.nl)


def ip_restricted(app: str) -> Text:
    path = app_path(app).then(screens().app_connector.tabs.ip)
    return Text(
        en="The app connector only accepts calls from certain addresses: {path}. Allow this computer's public "
        "address while you check. If you deliberately restricted it to SmartBooqing's servers, a check from this "
        "computer is not possible: that is expected, not a defect.",
        nl="De app connector accepteert alleen aanroepen van bepaalde adressen: {path}. Sta het openbare adres van "
        "deze computer toe zolang u controleert. Hebt u bewust beperkt tot de servers van SmartBooqing, dan kan deze "
        "computer niet controleren: dat is verwacht, geen fout.",
    ).format(path=path.text)


def attachments(app: str, connector_id: str) -> Text:
    s = screens()
    link_path = app_path(app).then(s.app_connector.tabs.update, s.app_connector.buttons.new, connector_id)
    d = s.dossier_item_types
    return Text(
        en="Link the UpdateConnector {id} ({link}), then check the dossier item type: {dossier}: {optional} for "
        "{purchase} and {sales}.",
        nl="Koppel de UpdateConnector {id} ({link}) en controleer daarna het type dossieritem: {dossier}: "
        "{optional} bij {purchase} en {sales}.",
    ).format(
        id=connector_id,
        link=link_path.text,
        dossier=d.menu.then(d.tabs.destination).text,
        optional=f"'{d.fields.optional.nl}'",
        purchase=d.fields.purchase.nl,
        sales=d.fields.sales.nl,
    )


def new_token(app: str) -> Text:
    a = screens().app_connector
    path = app_path(app).then(a.tabs.tokens, a.buttons.new)
    return Text(
        en="Create a new token before then: {path}, and give it to SmartBooqing.",
        nl="Maak daarvoor een nieuw token: {path}, en geef het aan SmartBooqing.",
    ).format(path=path.text)


MAINTENANCE = Text(
    en="AFAS is in maintenance. Try again later; afasstatus.nl shows when it ends.",
    nl="AFAS is in onderhoud. Probeer het later opnieuw; afasstatus.nl toont wanneer het klaar is.",
)

UNREACHABLE = Text(
    en="Check the internet connection, the environment number and type, and any proxy or firewall. For a custom "
    "URL, check that it is right.",
    nl="Controleer de internetverbinding, het omgevingsnummer en -type, en een eventuele proxy of firewall. "
    "Controleer bij een eigen URL of die klopt.",
)

UNRECOGNISED = Text(
    en="Give the technical detail below (with the log reference) to your AFAS administrator or the SmartBooqing "
    "helpdesk.",
    nl="Geef het technische detail hieronder (met de logreferentie) aan uw AFAS-beheerder of de SmartBooqing-helpdesk.",
)

SUNSET = Text(
    en="AFAS ends classic tokens: they expire on 1 May 2027 and stop working after 31 August 2027 (AFAS moves to "
    "OAuth). SmartBooqing will tell you how to switch; nothing to do today.",
    nl="AFAS stopt met klassieke tokens: ze verlopen op 1 mei 2027 en werken na 31 augustus 2027 niet meer (AFAS "
    "stapt over op OAuth). SmartBooqing laat weten hoe u overstapt; vandaag hoeft u niets te doen.",
)
