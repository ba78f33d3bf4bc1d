"""Where in AFAS each defect is fixed. Every menu path, tab, button and label comes from connectors/afas.toml
(wizard.data.screens()): this module only says what to do there."""

from __future__ import annotations

from wizard.afas.errors import AfasProblem, Problem
from wizard.data import screens
from wizard.domain.afas_screens import AfasPath
from wizard.domain.manifest import ConnectorSpec, GcnFile
from wizard.domain.smartbooqing import HELPDESK_MAIL
from wizard.domain.text import Text

HELPDESK = HELPDESK_MAIL
_YOUR_APP = Text(en="the SmartBooqing app connector", nl="de app connector voor SmartBooqing")


def app_path(app: str | None) -> AfasPath:
    """The way to the app connector: its list in AFAS's menu, then the app connector (by name, or described)."""
    return screens().app_connector_list.menu.then(app or _YOUR_APP)


def auth_type_path(app: str | None) -> Text:
    """Where the app connector's Authenticatietype is set."""
    return app_path(app).then(screens().app_connector.fields.auth_type).text


def client_secret_path(app: str | None) -> Text:
    """Where the app connector's OAuth client secret is made (which tab is UNCONFIRMED, afas-oauth.md §6.1)."""
    return app_path(app).then(screens().app_connector.fields.client_secret).text


def auth_type_values() -> dict[str, Text]:
    """The Authenticatietype values as a sentence shows them: 'Hybride (Hybrid)' for English readers."""
    types = screens().app_connector.auth_types
    return {"classic": types.classic.glossed, "hybrid": types.hybrid.glossed, "oauth": types.oauth.glossed}


def _auth_type_remedy(app: str | None) -> Text:
    values = auth_type_values()
    return Text(
        en="In AFAS: {path}: choose {oauth} (or {hybrid} while the classic token must keep working), not "
        "'{classic}', and let AFAS make an OAuth client id and OAuth client secret.",
        nl="In AFAS: {path}: kies {oauth} (of {hybrid} zolang het klassieke token moet blijven werken), "
        "niet '{classic}', en laat AFAS een OAuth client id en OAuth client secret aanmaken.",
    ).format(path=auth_type_path(app), **values)


def _new_secret(app: str | None) -> Text:
    return Text(
        en="create a new secret in AFAS ({path}), paste it here and give it to SmartBooqing; then revoke the old one.",
        nl="maak een nieuw secret aan in AFAS ({path}), plak het hier en geef het aan SmartBooqing; trek daarna het "
        "oude in.",
    ).format(path=client_secret_path(app))


def renew_expired_secret(app: str | None) -> Text:
    """What to do with a client secret past its date (the refusal says it expired): a new one, as usual."""
    return Text(en="Renew it: ", nl="Vernieuw het: ") + _new_secret(app)


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
            "helpdesk ({hd}).",
            nl="Staat hij niet in de lijst? Deze connector wordt door AFAS of een partner geïnstalleerd: neem "
            "contact op met de SmartBooqing-helpdesk ({hd}).",
        ).format(hd=HELPDESK)
    return text


def unblock_definition(connector_id: str) -> Text:
    g = screens().getconnector_list
    path = g.menu.then(g.title, connector_id, g.buttons.definition)
    return Text(
        en="In AFAS: {path}: untick {blocked} and save. If AFAS blocked it because it was asked too much, "
        "contact AFAS support first.",
        nl="In AFAS: {path}: vink {blocked} uit en sla op. Heeft AFAS hem geblokkeerd omdat er te veel mee "
        "gevraagd werd, neem dan eerst contact op met AFAS.",
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


def _token_rejected_causes(app: str, env: str) -> list[Text]:
    """Why AFAS answers 401 to a classic token, most likely first for a new setup (a new app connector starts
    blocked)."""
    a = screens().app_connector
    tokens = app_path(app).then(a.tabs.tokens)
    return [
        Text(
            en="the app connector is not blocked: {app_path}: untick {blocked}",
            nl="de app connector is niet geblokkeerd: {app_path}: vink {blocked} uit",
        ).format(app_path=app_path(app).text, blocked=a.fields.blocked.nl),
        Text(
            en="the token belongs to this environment ({env}) and type",
            nl="het token hoort bij deze omgeving ({env}) en dit type",
        ).format(env=env),
        Text(en="the token still exists: {tokens}", nl="het token bestaat nog: {tokens}").format(tokens=tokens.text),
    ]


def token_rejected(app: str, env: str, more: Text | None = None) -> Text:
    """What to check when AFAS rejects a classic token, numbered (`more`: one more item, numbered after them),
    then what to do when unsure."""
    causes = _token_rejected_causes(app, env) + ([more] if more is not None else [])
    text = Text(en="Check, in this order: ", nl="Controleer in deze volgorde: ")
    for number, cause in enumerate(causes, start=1):
        text += Text(en="{sep}({n}) ", nl="{sep}({n}) ").format(sep="; " if number > 1 else "", n=number) + cause
    a = screens().app_connector
    return text + Text(
        en=". If unsure, create a new token at {tokens} ({new}) and paste it.",
        nl=". Bij twijfel: maak een nieuw token bij {tokens} ({new}) en plak dat.",
    ).format(tokens=app_path(app).then(a.tabs.tokens).text, new=a.buttons.new.nl)


def ip_restricted(app: str) -> Text:
    path = app_path(app).then(screens().app_connector.tabs.ip)
    return Text(
        en="The app connector only allows connections from certain addresses: {path}. Allow this computer's public "
        "address while you check. If you deliberately restricted it to SmartBooqing's servers, a check from this "
        "computer is not possible: that is expected, not a defect.",
        nl="De app connector laat alleen verbindingen van bepaalde adressen toe: {path}. Sta het openbare adres van "
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


# AFAS's maintenance message already names afasstatus.nl: the remedy adds what it means, not the same words again.
_MAINTENANCE = Text(
    en="Nothing to change in your setup: check again when the maintenance is over.",
    nl="Aan uw inrichting hoeft niets te veranderen: controleer opnieuw als het onderhoud voorbij is.",
)


def maintenance(retry_after: float | None) -> Text:
    """What maintenance means for the user, and how long AFAS expects it to last when its 503 said (Retry-After)."""
    if not retry_after:
        return _MAINTENANCE
    minutes = max(1, round(retry_after / 60))
    if minutes < 90:
        wait = Text(
            en=f"{minutes} minute{'s' * (minutes != 1)}", nl=f"{minutes} {'minuut' if minutes == 1 else 'minuten'}"
        )
    else:
        hours = round(minutes / 60)
        wait = Text(en=f"{hours} hour{'s' * (hours != 1)}", nl=f"{hours} uur")
    return _MAINTENANCE + Text(
        en=" AFAS expects to be back in about {wait}.",
        nl=" AFAS verwacht over ongeveer {wait} weer bereikbaar te zijn.",
    ).format(wait=wait)


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


def oauth_refused(problem: AfasProblem, app: str | None = None, secret_expired: Text | None = None) -> Text:
    """What to fix in AFAS when the token endpoint gave no access token. `secret_expired`: the long date the user
    gave for the secret, when it has passed (`wizard.verify.oauth_checks.secret_expired_on`)."""
    path = app_path(app)
    a = screens().app_connector
    kind = problem.kind
    if kind is Problem.INVALID_CLIENT:
        if secret_expired is not None:
            return Text(
                en="The client secret expired on {date}: ", nl="Het client secret is verlopen op {date}: "
            ).format(date=secret_expired) + _new_secret(app)
        return Text(
            en="Check, in this order: (1) the client id is the one at {cid}; (2) the client secret is the current one: "
            "not expired (Profit 9 shows its expiry date in the app connector) and not revoked; (3) the app "
            "connector is not blocked: {general}: untick {blocked}; (4) {auth_type} is {oauth} or {hybrid}; (5) "
            "the environment number and type (O/T/A) are those of this app connector. If unsure: ",
            nl="Controleer in deze volgorde: (1) de client id is die bij {cid}; (2) het client secret is het huidige: "
            "niet verlopen (Profit 9 toont de vervaldatum in de app connector) en niet ingetrokken; (3) de app "
            "connector is niet geblokkeerd: {general}: vink {blocked} uit; (4) {auth_type} staat op {oauth} of "
            "{hybrid}; (5) omgevingsnummer en -type (O/T/A) zijn die van deze app connector. Bij twijfel: ",
        ).format(
            cid=path.then(a.fields.client_id).text,
            general=path.then(a.tabs.general).text,
            blocked=a.fields.blocked.nl,
            auth_type=auth_type_path(app),
            **auth_type_values(),
        ) + _new_secret(app)
    if kind is Problem.UNAUTHORIZED_CLIENT:
        # Profit 8 may answer a wrong secret this way too (afas-oauth.md §2.3, UNCONFIRMED): say both.
        return (
            _auth_type_remedy(app)
            + Text(
                en=" If it already is, the client secret may be wrong or revoked: ",
                nl=" Staat het daar al op, dan is het client secret mogelijk onjuist of ingetrokken: ",
            )
            + _new_secret(app)
        )
    if kind is Problem.UNSUPPORTED_GRANT:
        return _auth_type_remedy(app)
    if kind is Problem.WRONG_ENVIRONMENT:
        return Text(
            en="The token was requested at {url}. Check the environment number and type (production O, test T, "
            "acceptance A): they must be those of the environment in which {path} was made.",
            nl="Het token is aangevraagd bij {url}. Controleer het omgevingsnummer en -type (productie O, test T, "
            "acceptatie A): die moeten horen bij de omgeving waarin {path} is gemaakt.",
        ).format(url=problem.url, path=path.text)
    if kind is Problem.INVALID_REQUEST:
        return Text(
            en="This Profit version may not accept the way the secret was sent. Try again with the secret in "
            "the request body (the default, not --client-auth basic); if that fails too, contact {hd}.",
            nl="Deze Profit-versie accepteert de manier waarop het secret werd meegestuurd mogelijk niet. Probeer "
            "opnieuw met het secret in de aanvraag (de standaard, niet --client-auth basic); lukt dat ook niet, "
            "neem dan contact op met {hd}.",
        ).format(hd=HELPDESK)
    if kind is Problem.DPOP_REQUIRED:
        return Text(
            en="SmartBooqing's server logs in with an OAuth client secret; no user logs in. In AFAS: {path}: set "
            "the app connector up for a server, with an OAuth client id and OAuth client secret, not for an app in "
            "which a user logs in. {auth_type}: {oauth} or {hybrid}.",
            nl="De server van SmartBooqing logt in met een OAuth client secret; er logt geen gebruiker in. In AFAS: "
            "{path}: richt de app connector in voor een server, met een OAuth client id en OAuth client secret, "
            "niet voor een app waarin een gebruiker zelf inlogt. {auth_type}: {oauth} of {hybrid}.",
        ).format(
            path=path.text,
            auth_type=a.fields.auth_type.glossed,
            oauth=a.auth_types.oauth.glossed,
            hybrid=a.auth_types.hybrid.glossed,
        )
    if kind is Problem.FORBIDDEN:
        return Text(
            en="The app connector only accepts certain addresses: {path}. Allow this computer's public address "
            "while you check.",
            nl="De app connector accepteert alleen bepaalde adressen: {path}. Sta het openbare adres van deze "
            "computer toe zolang u controleert.",
        ).format(path=path.then(a.tabs.ip).text)
    if kind is Problem.NOT_FOUND:
        return Text(
            en="Check the environment number and type. If they are right, this Profit version does not offer "
            "OAuth yet: set up the app connector with a classic token for now.",
            nl="Controleer omgevingsnummer en -type. Kloppen die, dan biedt deze Profit-versie nog geen OAuth: "
            "richt de app connector voorlopig in met een klassiek token.",
        )
    if kind is Problem.MAINTENANCE:
        return maintenance(problem.retry_after)
    return Text(
        en="Try again later; if this keeps happening, send the technical details to {hd}.",
        nl="Probeer het later opnieuw; blijft dit gebeuren, stuur dan de technische details naar {hd}.",
    ).format(hd=HELPDESK)


def rotate_secret(app: str | None) -> Text:
    """Replacing an OAuth client secret that expires soon, without an interruption."""
    return Text(
        en="Create a new secret in AFAS ({path}), give it to SmartBooqing, verify, then revoke the old one.",
        nl="Maak een nieuw secret aan in AFAS ({path}), geef het aan SmartBooqing, controleer, en trek daarna het "
        "oude in.",
    ).format(path=client_secret_path(app))


def switched_to_oauth(app: str | None) -> Text:
    """A classic token refused by an app connector whose WWW-Authenticate asks for OAuth."""
    return Text(
        en="AFAS asks for OAuth: this app connector no longer accepts classic tokens ({path} = {oauth}). Verify with "
        "the OAuth client id and secret instead, or, while moving SmartBooqing over, set it to {hybrid} so both work.",
        nl="AFAS vraagt om OAuth: deze app connector accepteert geen klassieke tokens meer ({path} = {oauth}). "
        "Controleer in plaats daarvan met de OAuth client id en het secret, of zet het op {hybrid} zolang "
        "SmartBooqing overstapt, zodat beide werken.",
    ).format(path=auth_type_path(app), **auth_type_values())


def classic_refused_use_oauth() -> Text:
    """What to do when storing a classic token meets an app connector on OAuth (the refusal says the fact)."""
    return Text(
        en="Set SmartBooqing up with OAuth instead: choose OAuth for the app connector and store its client id and "
        "client secret. Or, while SmartBooqing moves over, set {path} to {hybrid} so both work.",
        nl="Richt SmartBooqing in plaats daarvan in met OAuth: kies OAuth bij de app connector en bewaar de client id "
        "en het client secret. Of zet {path} op {hybrid} zolang SmartBooqing overstapt, zodat beide werken.",
    ).format(path=auth_type_path(None), **auth_type_values())


def classic_maybe_oauth() -> Text:
    """One more item for the classic 'token rejected' remedy when no header says why (Profit 8, or an empty 401)."""
    values = auth_type_values()
    return Text(
        en="{field} of the app connector is still {classic} or {hybrid}: under {oauth}, classic tokens are refused",
        nl="{field} van de app connector staat nog op {classic} of {hybrid}: onder {oauth} worden klassieke tokens "
        "geweigerd",
    ).format(field=screens().app_connector.fields.auth_type.glossed, **values)


def bearer_rejected(app: str | None) -> Text:
    """The remedy when AFAS issued an access token and then refused it (twice: the flow renews once)."""
    a = screens().app_connector
    return Text(
        en="AFAS issued an access token but refused it. Check the app connector is not blocked ({general}: untick "
        "{blocked}) and that {auth_type} is {oauth} or {hybrid}; if it keeps happening, send the technical detail to "
        "{hd}.",
        nl="AFAS gaf een toegangstoken maar weigerde het daarna. Controleer of de app connector niet geblokkeerd is "
        "({general}: vink {blocked} uit) en of {auth_type} op {oauth} of {hybrid} staat; blijft het gebeuren, stuur "
        "dan het technische detail naar {hd}.",
    ).format(
        hd=HELPDESK,
        general=app_path(app).then(a.tabs.general).text,
        blocked=a.fields.blocked.nl,
        auth_type=auth_type_path(app),
        **auth_type_values(),
    )
