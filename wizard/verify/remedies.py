"""Where in AFAS each defect is fixed: the exact menu paths and Dutch labels from the setup guide."""

from __future__ import annotations

from wizard.domain.manifest import ConnectorSpec, GcnFile
from wizard.domain.text import Text

APP_PATH = "Algemeen > App connector > {app}"


def link(app: str, spec: ConnectorSpec, gcn: GcnFile | None) -> Text:
    tab = {"get": "GetConnectoren", "update": "UpdateConnectoren", "special": "Connectoren"}[spec.kind]
    path = f"{APP_PATH.format(app=app)} > {tab} > Nieuw > {spec.id}"
    text = Text(en="In AFAS: {path}. ", nl="In AFAS: {path}. ").format(path=path)
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
    return Text(
        en="In AFAS: Algemeen > Beheer > GetConnector > Getconnector beheren uitgebreid > {id} > Definitie: untick "
        "Geblokkeerd and save. If AFAS blocked it under its fair-use policy, contact AFAS support first.",
        nl="In AFAS: Algemeen > Beheer > GetConnector > Getconnector beheren uitgebreid > {id} > Definitie: vink "
        "Geblokkeerd uit en sla op. Heeft AFAS hem geblokkeerd (fair use), neem dan eerst contact op met AFAS.",
    ).format(id=connector_id)


def reimport(gcn: GcnFile) -> Text:
    return Text(
        en="The imported definition is outdated. Import {file} again (Algemeen > Beheer > GetConnector > Getconnector "
        "beheren uitgebreid > Meer acties > Importeren) and answer 'overwrite'.",
        nl="De geïmporteerde definitie is verouderd. Importeer {file} opnieuw (Algemeen > Beheer > GetConnector > "
        "Getconnector beheren uitgebreid > Meer acties > Importeren) en kies 'overschrijven'.",
    ).format(file=gcn.file)


def filter_authorisation(connector_id: str) -> Text:
    return Text(
        en="{id} returned no rows. That is fine for an empty administration; otherwise the token's user lacks "
        "filter authorisation (Algemeen > Beheer > Autorisatie tool > the user's group > Filterautorisatie).",
        nl="{id} gaf geen regels terug. Voor een lege administratie is dat goed; anders mist de gebruiker van het "
        "token filterautorisatie (Algemeen > Beheer > Autorisatie tool > groep van de gebruiker > Filterautorisatie).",
    ).format(id=connector_id)


TOKEN_REJECTED = Text(
    en="Check, in this order: (1) the app connector is not blocked: Algemeen > App connector > {app}: untick "
    "Geblokkeerd; (2) the token belongs to this environment ({env}) and type; (3) the token still exists: "
    "Algemeen > App connector > {app} > Gebruikerstokens. If unsure, create a new token there (Nieuw) and paste it.",
    nl="Controleer in deze volgorde: (1) de app connector is niet geblokkeerd: Algemeen > App connector > {app}: "
    "vink Geblokkeerd uit; (2) het token hoort bij deze omgeving ({env}) en dit type; (3) het token bestaat nog: "
    "Algemeen > App connector > {app} > Gebruikerstokens. Twijfel? Maak daar een nieuw token (Nieuw) en plak dat.",
)

IP_RESTRICTED = Text(
    en="The app connector only accepts calls from certain addresses: Algemeen > App connector > {app} > "
    "IP-restricties. Allow this computer's public address while you check. If you deliberately restricted it to "
    "SmartBooqing's servers, a check from this computer is not possible: that is expected, not a defect.",
    nl="De app connector accepteert alleen aanroepen van bepaalde adressen: Algemeen > App connector > {app} > "
    "IP-restricties. Sta het openbare adres van deze computer toe zolang u controleert. Hebt u bewust beperkt tot de "
    "servers van SmartBooqing, dan kan deze computer niet controleren: dat is verwacht, geen fout.",
)

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

ATTACHMENTS = Text(
    en="Link the UpdateConnector KnSubject ({path} > UpdateConnectoren > Nieuw > KnSubject), then check the dossier "
    "item type: CRM > Dossier > Inrichting > Type dossieritem > Bestemming: 'Optioneel' for Inkooprelatie + "
    "inkoopfactuur and Verkooprelatie + verkoopfactuur.",
    nl="Koppel de UpdateConnector KnSubject ({path} > UpdateConnectoren > Nieuw > KnSubject) en controleer daarna het "
    "type dossieritem: CRM > Dossier > Inrichting > Type dossieritem > Bestemming: 'Optioneel' bij Inkooprelatie + "
    "inkoopfactuur en Verkooprelatie + verkoopfactuur.",
)

NEW_TOKEN = Text(
    en="Create a new token before then: Algemeen > App connector > {app} > Gebruikerstokens > Nieuw, and give it to "
    "SmartBooqing.",
    nl="Maak daarvoor een nieuw token: Algemeen > App connector > {app} > Gebruikerstokens > Nieuw, en geef het aan "
    "SmartBooqing.",
)

SUNSET = Text(
    en="AFAS ends classic tokens: they expire on 1 May 2027 and stop working after 31 August 2027 (AFAS moves to "
    "OAuth). SmartBooqing will tell you how to switch; nothing to do today.",
    nl="AFAS stopt met klassieke tokens: ze verlopen op 1 mei 2027 en werken na 31 augustus 2027 niet meer (AFAS "
    "stapt over op OAuth). SmartBooqing laat weten hoe u overstapt; vandaag hoeft u niets te doen.",
)
