<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AppConnectorPage</name>
    <message>
        <source>Create the app connector</source>
        <translation>De app connector aanmaken</translation>
    </message>
    <message>
        <source>The app connector is the door through which SmartBooqing reaches your AFAS data.</source>
        <translation>Via de app connector komt SmartBooqing bij uw gegevens in AFAS.</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;{field}&lt;/b&gt;: leave it unticked; you create the token in the next step, &apos;{token_step}&apos;. (Ticked anyway? Then the dialog shows a token at its end: copy it, you paste it in the next step.)&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;{field}&lt;/b&gt;: laat dit uit staan; het token maakt u aan in de volgende stap, &apos;{token_step}&apos;. (Toch aangevinkt? Dan toont het venster aan het eind een token: kopieer het, u plakt het in de volgende stap.)&lt;/li&gt;</translation>
    </message>
    <message>
        <source>Then click &lt;b&gt;{ok}&lt;/b&gt;. If the dialog offers &lt;b&gt;{next}&lt;/b&gt; and walks on to screens for &lt;b&gt;{get}&lt;/b&gt; and &lt;b&gt;{update}&lt;/b&gt;, skip them: click &lt;b&gt;{finish}&lt;/b&gt; as soon as it is offered. You link the connectors two steps later, where the wizard sees each link itself once the login details are stored. Already linked some in the dialog? Fine: that step will find them.</source>
        <translation>Klik daarna op &lt;b&gt;{ok}&lt;/b&gt;. Biedt het venster &lt;b&gt;{next}&lt;/b&gt; en gaat het verder met schermen voor &lt;b&gt;{get}&lt;/b&gt; en &lt;b&gt;{update}&lt;/b&gt;? Sla die over: klik op &lt;b&gt;{finish}&lt;/b&gt; zodra die knop er is. U koppelt de connectoren twee stappen later; daar ziet de wizard zelf elke koppeling zodra de inloggegevens bewaard zijn. Hebt u er in het venster toch al een paar gekoppeld? Geen probleem: die stap vindt ze.</translation>
    </message>
    <message>
        <source>Done in AFAS (tick the first; the others are ticked when AFAS accepts the login details in the next step):</source>
        <translation>Gedaan in AFAS (vink de eerste aan; de andere worden aangevinkt zodra AFAS de inloggegevens in de volgende stap accepteert):</translation>
    </message>
    <message>
        <source>{blocked} is unticked</source>
        <translation>Het vinkje bij {blocked} staat uit</translation>
    </message>
    <message>
        <source>1. Open the dialog &apos;{title}&apos;</source>
        <translation>1. Open het venster &apos;{title}&apos;</translation>
    </message>
    <message>
        <source>✖ The check could not log in: AFAS refused the login details. The most likely cause is here: &apos;{blocked}&apos; is still ticked, or the app connector cannot be used (not saved, deleted, or &apos;{field}&apos; is not &apos;{value}&apos;). Open the app connector in AFAS ({path}), untick &apos;{blocked}&apos;, click &apos;{save}&apos;, tick it below and check again. If all of this is right, the login details themselves may be wrong: see step &apos;{token_step}&apos;.</source>
        <translation>✖ De controle kon niet inloggen: AFAS weigerde de inloggegevens. De meest waarschijnlijke oorzaak staat hier: &apos;{blocked}&apos; is nog aangevinkt, of de app connector is niet bruikbaar (niet opgeslagen, verwijderd, of &apos;{field}&apos; is niet &apos;{value}&apos;). Open de app connector in AFAS ({path}), vink &apos;{blocked}&apos; uit, klik op &apos;{save}&apos;, vink het hieronder aan en controleer opnieuw. Klopt dit allemaal, dan kloppen de inloggegevens zelf misschien niet: zie stap &apos;{token_step}&apos;.</translation>
    </message>
    <message>
        <source>In AFAS Profit go to &lt;b&gt;{path}&lt;/b&gt; and click &lt;b&gt;{new}&lt;/b&gt;. The dialog &lt;b&gt;{title}&lt;/b&gt; opens. Open the list of the field &lt;b&gt;{field}&lt;/b&gt;: which choices does it show?</source>
        <translation>Ga in AFAS Profit naar &lt;b&gt;{path}&lt;/b&gt; en klik op &lt;b&gt;{new}&lt;/b&gt;. Het venster &lt;b&gt;{title}&lt;/b&gt; opent. Klap de lijst van het veld &lt;b&gt;{field}&lt;/b&gt; open: welke keuzes staan erin?</translation>
    </message>
    <message>
        <source>&amp;{oauth} is one of the choices (recommended: every new connection uses it)</source>
        <translation>De lijst bevat &amp;{oauth} (aanbevolen: elke nieuwe koppeling gebruikt dit)</translation>
    </message>
    <message>
        <source>{field}: {oauth} is offered</source>
        <translation>{field}: {oauth} staat in de lijst</translation>
    </message>
    <message>
        <source>Only &amp;{classic}, or there is no field {field}</source>
        <translation>De lijst bevat alleen &amp;{classic}, of het veld {field} ontbreekt</translation>
    </message>
    <message>
        <source>{field}: only {classic} is offered</source>
        <translation>{field}: alleen {classic} staat in de lijst</translation>
    </message>
    <message>
        <source>2. Fill in the dialog &apos;{title}&apos;</source>
        <translation>2. Vul het venster &apos;{title}&apos; in</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;{field}&lt;/b&gt;: the name below.&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;{field}&lt;/b&gt;: de naam hieronder.&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;{field}&lt;/b&gt;: choose &lt;b&gt;{value}&lt;/b&gt;.&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;{field}&lt;/b&gt;: kies &lt;b&gt;{value}&lt;/b&gt;.&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;{field}&lt;/b&gt;: leave it unticked if it is shown; OAuth needs no user token.&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;{field}&lt;/b&gt;: laat dit uit staan als het er is; OAuth heeft geen gebruikerstoken nodig.&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;b&gt;{new_group}&lt;/b&gt; and &lt;b&gt;{new_user}&lt;/b&gt;, if the dialog asks: leave them off and choose the existing &lt;b&gt;{group}&lt;/b&gt; shown below.&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;{new_group}&lt;/b&gt; en &lt;b&gt;{new_user}&lt;/b&gt;, als het venster ernaar vraagt: laat die uit staan en kies de bestaande &lt;b&gt;{group}&lt;/b&gt; hieronder.&lt;/li&gt;</translation>
    </message>
    <message>
        <source>3. In the app connector&apos;s properties (&apos;{title}&apos;)</source>
        <translation>3. In de eigenschappen van de app connector (&apos;{title}&apos;)</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;On the tab &lt;b&gt;{tab}&lt;/b&gt;, check that &lt;b&gt;{field}&lt;/b&gt; shows &lt;b&gt;{value}&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Untick &lt;b&gt;{blocked}&lt;/b&gt; (AFAS blocks every new app connector) and click &lt;b&gt;{save}&lt;/b&gt;.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;Controleer op het tabblad &lt;b&gt;{tab}&lt;/b&gt; dat bij &lt;b&gt;{field}&lt;/b&gt; &lt;b&gt;{value}&lt;/b&gt; staat.&lt;/li&gt;&lt;li&gt;Zet het vinkje bij &lt;b&gt;{blocked}&lt;/b&gt; uit (AFAS blokkeert elke nieuwe app connector) en klik op &lt;b&gt;{save}&lt;/b&gt;.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>The app connector &apos;{name}&apos; exists, with user group {group}</source>
        <translation>De app connector &apos;{name}&apos; bestaat, met gebruikersgroep {group}</translation>
    </message>
    <message>
        <source>{field} is {value}</source>
        <translation>{field} staat op {value}</translation>
    </message>
    <message>
        <source>Every AFAS organisation needs its own app connector, with its own client id and client secret. If you manage several organisations, run this wizard once for each.</source>
        <translation>Elke AFAS-organisatie heeft een eigen app connector nodig, met een eigen client id en client secret. Beheert u meerdere organisaties, doorloop deze wizard dan voor elke organisatie.</translation>
    </message>
    <message>
        <source>Every AFAS organisation needs its own app connector and token. If you manage several organisations, run this wizard once for each.</source>
        <translation>Elke AFAS-organisatie heeft een eigen app connector en token nodig. Beheert u meerdere organisaties, doorloop deze wizard dan voor elke organisatie.</translation>
    </message>
    <message>
        <source>Your AFAS does not offer OAuth yet, so this wizard sets up a classic user token. AFAS ends classic tokens on {expiry} and stops such app connectors after {sunset}. Once your AFAS offers OAuth (Profit 9), run this wizard again with &apos;Check an existing connection&apos; to move over.</source>
        <translation>Uw AFAS biedt OAuth nog niet aan, dus deze wizard richt een klassiek gebruikerstoken in. AFAS beëindigt klassieke tokens op {expiry} en zet zulke app connectors na {sunset} stop. Zodra uw AFAS OAuth aanbiedt (Profit 9), start u deze wizard opnieuw met &apos;Een bestaande koppeling controleren&apos; om over te stappen.</translation>
    </message>
    <message>
        <source>tick &apos;{item}&apos; once AFAS shows the app connector</source>
        <translation>vink &apos;{item}&apos; aan zodra AFAS de app connector toont</translation>
    </message>
</context>
<context>
    <name>CheckRow</name>
    <message>
        <source>Could not be checked now</source>
        <translation>Nu niet te controleren</translation>
    </message>
    <message>
        <source>Good to know: {remedy}</source>
        <translation>Goed om te weten: {remedy}</translation>
    </message>
    <message>
        <source>What to do: {remedy}</source>
        <translation>Wat te doen: {remedy}</translation>
    </message>
    <message>
        <source>AFAS log reference: {ref}</source>
        <translation>AFAS-logboekreferentie: {ref}</translation>
    </message>
</context>
<context>
    <name>ConnectorFilesPage</name>
    <message>
        <source>SmartBooqing&apos;s connector files</source>
        <translation>De connectorbestanden van SmartBooqing</translation>
    </message>
    <message>
        <source>Save the connector files on this computer, so you can import them into AFAS.</source>
        <translation>Sla de connectorbestanden op deze computer op, zodat u ze in AFAS kunt importeren.</translation>
    </message>
    <message>
        <source>SmartBooqing reads your administration through {n} GetConnectors of its own. Save the {n} &lt;b&gt;.gcn&lt;/b&gt; files in a folder; in the next step you import them into AFAS.</source>
        <translation>SmartBooqing leest uw administratie via {n} eigen GetConnectoren. Sla de {n} &lt;b&gt;.gcn&lt;/b&gt;-bestanden op in een map; in de volgende stap importeert u ze in AFAS.</translation>
    </message>
    <message>
        <source>Folder for the connector files</source>
        <translation>Map voor de connectorbestanden</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>&amp;Map:</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Bladeren…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Kies een map</translation>
    </message>
    <message>
        <source>&amp;Save the {n} files</source>
        <translation>De {n} bestanden &amp;opslaan</translation>
    </message>
    <message>
        <source>O&amp;pen the folder</source>
        <translation>Map o&amp;penen</translation>
    </message>
    <message>
        <source>Where AFAS will find the files</source>
        <translation>Waar AFAS de bestanden vindt</translation>
    </message>
    <message>
        <source>The Profit app over Remote Desktop shows the drives of this computer as &lt;b&gt;\\Client\C$\…&lt;/b&gt; in its import dialog. Copy a path below into the file name box of &lt;b&gt;{dialog}&lt;/b&gt;.</source>
        <translation>De Profit-app via Extern bureaublad toont de schijven van deze computer als &lt;b&gt;\\Client\C$\…&lt;/b&gt; in het importvenster. Kopieer hieronder een pad naar het vak Bestandsnaam van &lt;b&gt;{dialog}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>In the browser, the import dialog &lt;b&gt;{dialog}&lt;/b&gt; opens your browser&apos;s own file picker: go to this folder on this computer. A path below can be pasted into its file name box.</source>
        <translation>Werkt u in de browser? Dan opent &lt;b&gt;{dialog}&lt;/b&gt; het venster van uw browser om een bestand te kiezen. Ga daarin naar deze map op deze computer, of plak een pad van hieronder in het vak Bestandsnaam.</translation>
    </message>
    <message>
        <source>save the files first (the button above)</source>
        <translation>sla eerst de bestanden op (de knop hierboven)</translation>
    </message>
    <message>
        <source>Suggested here and not in Documents: {reason}</source>
        <translation>Voorgesteld hier en niet in Documenten: {reason}</translation>
    </message>
    <message>
        <source>⚠ Development version: these files are stand-ins made for testing, not SmartBooqing&apos;s official connectors. They work with the simulated AFAS only. Do not import them into a real AFAS environment.</source>
        <translation>⚠ Ontwikkelversie: dit zijn vervangende testbestanden, niet de officiële connectoren van SmartBooqing. Ze werken alleen met de gesimuleerde AFAS. Importeer ze niet in een echte AFAS-omgeving.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Done: AFAS is ready for SmartBooqing</source>
        <translation>Klaar: AFAS is gereed voor SmartBooqing</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Hoe verder</translation>
    </message>
    <message>
        <source>SmartBooqing portal</source>
        <translation>SmartBooqing-portaal</translation>
    </message>
    <message>
        <source>The new client secret is in use and the old one is revoked.</source>
        <translation>Het nieuwe client secret is in gebruik en het oude is ingetrokken.</translation>
    </message>
    <message>
        <source>The check found no problems. One last step happens in the SmartBooqing portal.</source>
        <translation>De controle vond geen problemen. Eén laatste stap doet u in het SmartBooqing-portaal.</translation>
    </message>
    <message>
        <source>Not finished yet: report for the helpdesk</source>
        <translation>Nog niet klaar: rapport voor de helpdesk</translation>
    </message>
    <message>
        <source>The check still finds problems. Fix them with the steps, or send this report to the helpdesk.</source>
        <translation>De controle vindt nog problemen. Los ze op met de stappen, of stuur dit rapport naar de helpdesk.</translation>
    </message>
    <message>
        <source>The new login details (SmartBooqing received them during the move)</source>
        <translation>De nieuwe inloggegevens (SmartBooqing kreeg ze tijdens de overstap)</translation>
    </message>
    <message>
        <source>The new client secret (SmartBooqing received it during the renewal)</source>
        <translation>Het nieuwe client secret (SmartBooqing kreeg het tijdens het vernieuwen)</translation>
    </message>
    <message>
        <source>Give SmartBooqing the login details</source>
        <translation>Geef SmartBooqing de inloggegevens</translation>
    </message>
    <message>
        <source>Rene&amp;w the client secret now</source>
        <translation>Client secret nu vernieu&amp;wen</translation>
    </message>
    <message>
        <source>Save a calendar reminder of the next deadline</source>
        <translation>Een agendaherinnering van de volgende vervaldatum opslaan</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;Open the {portal} and create the administration (or open it).&lt;/li&gt;&lt;li&gt;Where the portal asks for the &lt;b&gt;{client_id}&lt;/b&gt;, click &lt;b&gt;Copy the client id&lt;/b&gt; and paste it.&lt;/li&gt;&lt;li&gt;Where it asks for the &lt;b&gt;{client_secret}&lt;/b&gt;, click &lt;b&gt;Copy the client secret&lt;/b&gt; and paste it. The clipboard is cleared after 60 seconds.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;Open het {portal} en maak de administratie aan (of open haar).&lt;/li&gt;&lt;li&gt;Waar het portaal om de &lt;b&gt;{client_id}&lt;/b&gt; vraagt: klik op &lt;b&gt;Client id kopiëren&lt;/b&gt; en plak hem daar.&lt;/li&gt;&lt;li&gt;Waar het om het &lt;b&gt;{client_secret}&lt;/b&gt; vraagt: klik op &lt;b&gt;Client secret kopiëren&lt;/b&gt; en plak het daar. Het klembord wordt na 60 seconden leeggemaakt.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy the client secret</source>
        <translation>Client secret &amp;kopiëren</translation>
    </message>
    <message>
        <source>Done: this connection now uses OAuth</source>
        <translation>Klaar: deze koppeling gebruikt nu OAuth</translation>
    </message>
    <message>
        <source>SmartBooqing uses the new client id and secret; AFAS refuses the classic token from now on.</source>
        <translation>SmartBooqing gebruikt de nieuwe client id en het nieuwe secret; AFAS weigert het klassieke token voortaan.</translation>
    </message>
    <message>
        <source>The client secret expires on {date}, in {n} days: too soon for a calendar reminder. Renew it now; AFAS accepts the old and the new secret side by side while SmartBooqing switches.</source>
        <translation>Het client secret verloopt op {date}, over {n} dagen: te snel voor een herinnering in uw agenda. Vernieuw het nu; AFAS accepteert het oude en het nieuwe secret naast elkaar zolang SmartBooqing overstapt.</translation>
    </message>
    <message>
        <source>Put the client secret&apos;s expiry date, {date}, in your calendar: a reminder 30 days before, with an alarm a week earlier.</source>
        <translation>Zet de vervaldatum van het client secret, {date}, in uw agenda: een herinnering 30 dagen ervoor, met een melding een week eerder.</translation>
    </message>
    <message>
        <source>Put the move to OAuth in your calendar: classic tokens expire on {date}. A reminder 30 days before, with an alarm a week earlier.</source>
        <translation>Zet de overstap op OAuth in uw agenda: klassieke tokens verlopen op {date}. Een herinnering 30 dagen ervoor, met een melding een week eerder.</translation>
    </message>
    <message>
        <source>You confirmed in the {portal} that this administration uses the new client id, and the wizard proved that AFAS now refuses the classic token. There is nothing more to do in the portal. Should SmartBooqing ask for the login details again, copy them here.</source>
        <translation>U hebt in het {portal} bevestigd dat deze administratie de nieuwe client id gebruikt, en de wizard heeft aangetoond dat AFAS het klassieke token nu weigert. In het portaal hoeft u niets meer te doen. Vraagt SmartBooqing later opnieuw om de inloggegevens, kopieer ze dan hier.</translation>
    </message>
    <message>
        <source>Copy the client secret for the SmartBooqing portal</source>
        <translation>Client secret kopiëren voor het SmartBooqing-portaal</translation>
    </message>
    <message>
        <source>Copy the client i&amp;d</source>
        <translation>Client &amp;id kopiëren</translation>
    </message>
    <message>
        <source>Copy the client id for the SmartBooqing portal</source>
        <translation>Client id kopiëren voor het SmartBooqing-portaal</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;Open the {portal} and create the administration (or open it).&lt;/li&gt;&lt;li&gt;When the portal asks for the AFAS token, click &lt;b&gt;Copy the token&lt;/b&gt; and paste it there. The clipboard is cleared after 60 seconds.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;Open het {portal} en maak de administratie aan (of open haar).&lt;/li&gt;&lt;li&gt;Vraagt het portaal om het AFAS-token, klik dan op &lt;b&gt;Token kopiëren&lt;/b&gt; en plak het daar. Het klembord wordt na 60 seconden leeggemaakt.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy the token</source>
        <translation>Token &amp;kopiëren</translation>
    </message>
    <message>
        <source>Copy the token for the SmartBooqing portal</source>
        <translation>Token kopiëren voor het SmartBooqing-portaal</translation>
    </message>
    <message>
        <source>Report for the helpdesk</source>
        <translation>Rapport voor de helpdesk</translation>
    </message>
    <message>
        <source>Copy the report and paste it into a mail to {mail}, or save it and attach the file. It contains the check&apos;s results, never your client secret or token.</source>
        <translation>Kopieer het rapport en plak het in een mail aan {mail}, of sla het op en voeg het bestand bij. Het bevat de uitkomsten van de controle, nooit uw client secret of token.</translation>
    </message>
    <message>
        <source>Copy the &amp;report</source>
        <translation>&amp;Rapport kopiëren</translation>
    </message>
    <message>
        <source>Copy the report for the helpdesk</source>
        <translation>Rapport voor de helpdesk kopiëren</translation>
    </message>
    <message>
        <source>&amp;Save the report…</source>
        <translation>Rapport op&amp;slaan…</translation>
    </message>
    <message>
        <source>Save the report for the helpdesk as a file</source>
        <translation>Rapport voor de helpdesk als bestand opslaan</translation>
    </message>
    <message>
        <source>Back to the c&amp;heck</source>
        <translation>&amp;Naar de controle</translation>
    </message>
    <message>
        <source>SmartBooqing then reads your ledger accounts, VAT codes, creditors and debtors from AFAS. Questions? Mail {mail}.</source>
        <translation>Daarna leest SmartBooqing uw grootboekrekeningen, btw-codes, crediteuren en debiteuren uit AFAS. Vragen? Mail naar {mail}.</translation>
    </message>
    <message>
        <source>Questions? Mail {mail}.</source>
        <translation>Vragen? Mail naar {mail}.</translation>
    </message>
    <message>
        <source>Move to OAuth</source>
        <translation>Overstappen op OAuth</translation>
    </message>
    <message>
        <source>This connection still uses a classic token. AFAS ends classic tokens on {expiry}; app connectors that still use them stop after {sunset}. If your AFAS offers {field} &lt;b&gt;{hybrid}&lt;/b&gt;, you can move this connection to OAuth now, step by step, without interrupting SmartBooqing.</source>
        <translation>Deze koppeling gebruikt nog een klassiek token. AFAS beëindigt klassieke tokens op {expiry}; app connectors die ze nog gebruiken, stoppen na {sunset}. Biedt uw AFAS bij {field} &lt;b&gt;{hybrid}&lt;/b&gt; aan, dan kunt u deze koppeling nu stap voor stap overzetten op OAuth, zonder dat SmartBooqing stilvalt.</translation>
    </message>
    <message>
        <source>&amp;Move to OAuth now</source>
        <translation>Nu overstappen op &amp;OAuth</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Omgeving</translation>
    </message>
    <message>
        <source>Login with</source>
        <translation>Inloggen met</translation>
    </message>
    <message>
        <source>OAuth client id and client secret</source>
        <translation>OAuth client id en client secret</translation>
    </message>
    <message>
        <source>Client secret valid until</source>
        <translation>Client secret geldig tot</translation>
    </message>
    <message>
        <source>Classic user token</source>
        <translation>Klassiek gebruikerstoken</translation>
    </message>
    <message>
        <source>Stored in</source>
        <translation>Bewaard in</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Uitkomsten</translation>
    </message>
    <message>
        <source>The report is on the clipboard: paste it into your mail.</source>
        <translation>Het rapport staat op het klembord: plak het in uw mail.</translation>
    </message>
    <message>
        <source>Save the calendar reminder</source>
        <translation>De agendaherinnering opslaan</translation>
    </message>
    <message>
        <source>Reminder saved: {path}. Open it to add it to Outlook, Apple Calendar or Google Calendar.</source>
        <translation>Herinnering opgeslagen: {path}. Open het bestand om het toe te voegen aan Outlook, Apple Agenda of Google Agenda.</translation>
    </message>
    <message>
        <source>Save the report for the helpdesk</source>
        <translation>Rapport voor de helpdesk opslaan</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Controle</translation>
    </message>
    <message>
        <source>Reminder in my c&amp;alendar…</source>
        <translation>Herinnering in mijn &amp;agenda…</translation>
    </message>
    <message>
        <source>Good to know: AFAS ends classic tokens on {expiry}; app connectors that still use them stop after {sunset}. SmartBooqing will tell you in time how to switch.</source>
        <translation>Goed om te weten: AFAS beëindigt klassieke tokens op {expiry}; app connectors die ze nog gebruiken, stoppen na {sunset}. SmartBooqing laat u op tijd weten hoe u overstapt.</translation>
    </message>
    <message>
        <source>The client id is on the clipboard.</source>
        <translation>De client id staat op het klembord.</translation>
    </message>
    <message>
        <source>The client secret is on the clipboard. It is cleared in 60 seconds, unless you copy something else.</source>
        <translation>Het client secret staat op het klembord. Over 60 seconden wordt het leeggemaakt, tenzij u intussen iets anders kopieert.</translation>
    </message>
    <message>
        <source>The token is on the clipboard. It is cleared in 60 seconds, unless you copy something else.</source>
        <translation>Het token staat op het klembord. Over 60 seconden wordt het leeggemaakt, tenzij u intussen iets anders kopieert.</translation>
    </message>
</context>
<context>
    <name>DossierPage</name>
    <message>
        <source>Allow invoice documents as attachments</source>
        <translation>Factuurdocumenten als bijlage toestaan</translation>
    </message>
    <message>
        <source>SmartBooqing attaches the invoice document to the booking as a dossier item.</source>
        <translation>SmartBooqing voegt het factuurdocument als dossieritem toe aan de boeking.</translation>
    </message>
    <message>
        <source>AFAS accepts the attachment only if the dossier item type allows it for purchase and sales invoices. Check this setting once per AFAS organisation.</source>
        <translation>AFAS accepteert de bijlage alleen als het type dossieritem dat toestaat voor inkoop- en verkoopfacturen. Controleer deze instelling eenmalig per AFAS-organisatie.</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;In AFAS Profit go to &lt;b&gt;{path}&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Find the type your invoice documents are filed as. Only a type with &lt;b&gt;Link file&lt;/b&gt; ticked in the list can carry a document, for example {types}. Not sure which one? Check each of these.&lt;/li&gt;&lt;li&gt;Open its properties and go to the tab &lt;b&gt;{tab}&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Set the destination to &lt;b&gt;{optional}&lt;/b&gt; for &lt;b&gt;{purchase}&lt;/b&gt; and for &lt;b&gt;{sales}&lt;/b&gt;, then click &lt;b&gt;{ok}&lt;/b&gt;.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;Ga in AFAS Profit naar &lt;b&gt;{path}&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Zoek het type waaronder uw factuurdocumenten worden opgeslagen. Alleen een type met &lt;b&gt;Link file&lt;/b&gt; (bijlage koppelen) aangevinkt in de lijst kan een document dragen, bijvoorbeeld {types}. Weet u niet welk? Controleer ze allemaal.&lt;/li&gt;&lt;li&gt;Open de eigenschappen en ga naar het tabblad &lt;b&gt;{tab}&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Zet de bestemming op &lt;b&gt;{optional}&lt;/b&gt; bij &lt;b&gt;{purchase}&lt;/b&gt; en bij &lt;b&gt;{sales}&lt;/b&gt; en klik op &lt;b&gt;{ok}&lt;/b&gt;.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>ℹ The check cannot read this setting from AFAS, so it shows it as &lt;b&gt;Check yourself&lt;/b&gt;: only your ticks here say it is done. Not allowed yet? Then SmartBooqing can book the invoice, but cannot attach the document.</source>
        <translation>ℹ De controle kan deze instelling niet uit AFAS lezen en toont haar daarom als &lt;b&gt;Zelf controleren&lt;/b&gt;: alleen uw vinkjes hier zeggen dat het gedaan is. Nog niet toegestaan? Dan kan SmartBooqing de factuur boeken, maar het document niet als bijlage meesturen.</translation>
    </message>
    <message>
        <source>Checked in AFAS:</source>
        <translation>Gecontroleerd in AFAS:</translation>
    </message>
</context>
<context>
    <name>EnvironmentPage</name>
    <message>
        <source>Your AFAS environment</source>
        <translation>Uw AFAS-omgeving</translation>
    </message>
    <message>
        <source>Which AFAS Profit environment should SmartBooqing connect to?</source>
        <translation>Met welke AFAS Profit-omgeving moet SmartBooqing verbinden?</translation>
    </message>
    <message>
        <source>&amp;Organisation name:</source>
        <translation>Naam &amp;organisatie:</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>Naam organisatie</translation>
    </message>
    <message>
        <source>e.g. Bakery De Vries Ltd</source>
        <translation>bijv. Bakkerij De Vries B.V.</translation>
    </message>
    <message>
        <source>For your own overview and the helpdesk&apos;s. It is not sent to AFAS.</source>
        <translation>Voor uw eigen overzicht en dat van de helpdesk. Dit gaat niet naar AFAS.</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>O&amp;mgeving:</translation>
    </message>
    <message>
        <source>AFAS environment</source>
        <translation>AFAS-omgeving</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <source>Environment type</source>
        <translation>Type omgeving</translation>
    </message>
    <message>
        <source>&amp;Advanced: AFAS Profit runs on your own server</source>
        <translation>&amp;Geavanceerd: AFAS Profit draait op een eigen server</translation>
    </message>
    <message>
        <source>AFAS Profit runs on your own server</source>
        <translation>AFAS Profit draait op een eigen server</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>Adres van de &amp;server:</translation>
    </message>
    <message>
        <source>Address of your own AFAS Profit server</source>
        <translation>Internetadres van uw eigen AFAS Profit-server</translation>
    </message>
    <message>
        <source>How do you open AFAS Profit?</source>
        <translation>Hoe opent u AFAS Profit?</translation>
    </message>
    <message>
        <source>In a &amp;web browser</source>
        <translation>In een &amp;browser</translation>
    </message>
    <message>
        <source>As the Profit a&amp;pp over Remote Desktop</source>
        <translation>Als Profit-&amp;app via Extern bureaublad</translation>
    </message>
    <message>
        <source>This decides which file paths the import step shows: the browser reads the folders of this computer; the Profit app over Remote Desktop sees them as \\Client\C$\…</source>
        <translation>Dit bepaalt welke bestandspaden de importstap toont: de browser leest de mappen van deze computer; de Profit-app via Extern bureaublad ziet ze als \\Client\C$\…</translation>
    </message>
    <message>
        <source>Environment {env}; SmartBooqing will use {url}</source>
        <translation>Omgeving {env}; SmartBooqing gebruikt {url}</translation>
    </message>
    <message>
        <source>fill in a name for the organisation</source>
        <translation>vul nog een naam in voor de organisatie</translation>
    </message>
    <message>
        <source>correct the AFAS environment</source>
        <translation>verbeter de AFAS-omgeving</translation>
    </message>
    <message>
        <source>fill in the AFAS environment</source>
        <translation>vul nog de AFAS-omgeving in</translation>
    </message>
</context>
<context>
    <name>FixFlow</name>
    <message>
        <source>Check &amp;again</source>
        <translation>Opnieuw cont&amp;roleren</translation>
    </message>
    <message>
        <source>Check again: run the check and go back to its results</source>
        <translation>Opnieuw controleren: voer de controle uit en ga terug naar de uitkomst</translation>
    </message>
    <message>
        <source>✖ The check found {n} missing here. They are unticked and marked below.</source>
        <translation>✖ Volgens de controle ontbreken hier {n}. Ze staan hieronder uitgevinkt en gemarkeerd.</translation>
    </message>
    <message>
        <source>✖ The check found {n} missing here: {names}. They are unticked and marked below.</source>
        <translation>✖ Volgens de controle ontbreken hier {n}: {names}. Ze staan hieronder uitgevinkt en gemarkeerd.</translation>
    </message>
    <message>
        <source>Do them in AFAS: this list ticks each one as AFAS shows it. Then check again.</source>
        <translation>Koppel ze in AFAS: deze lijst vinkt elk zelf aan zodra AFAS het toont. Controleer daarna opnieuw.</translation>
    </message>
    <message>
        <source>Do them in AFAS, tick them, then check again.</source>
        <translation>Regel ze in AFAS, vink ze aan en controleer opnieuw.</translation>
    </message>
    <message>
        <source>✖ The check found the definition {name} blocked in AFAS. It was imported, so importing it again does not help: unblock it. In AFAS: {path}: untick {blocked} and save, then check again.</source>
        <translation>✖ De controle vond de definitie {name} geblokkeerd in AFAS. Hij is wel geïmporteerd, dus opnieuw importeren helpt niet: hef de blokkering op. In AFAS: {path}: vink {blocked} uit en sla op; controleer daarna opnieuw.</translation>
    </message>
    <message>
        <source>blocked in AFAS according to the check</source>
        <translation>geblokkeerd in AFAS volgens de controle</translation>
    </message>
    <message>
        <source>missing according to the check</source>
        <translation>ontbreekt volgens de controle</translation>
    </message>
    <message>
        <source>Next is not possible yet: {reason}</source>
        <translation>Volgende kan nog niet: {reason}</translation>
    </message>
    <message>
        <source>You may also go to the check now: it shows what is still missing.</source>
        <translation>U mag ook nu al naar de controle: die laat zien wat nog ontbreekt.</translation>
    </message>
    <message>
        <source>{done} of {total} ticked. Do the others in AFAS: this list ticks each one as AFAS shows it.</source>
        <translation>{done} van {total} aangevinkt. Koppel de andere in AFAS: deze lijst vinkt elk zelf aan zodra AFAS het toont.</translation>
    </message>
    <message>
        <source>{done} of {total} ticked. Tick each one when it is done in AFAS.</source>
        <translation>{done} van {total} aangevinkt. Vink elk onderdeel aan zodra het in AFAS gedaan is.</translation>
    </message>
</context>
<context>
    <name>Helpdesk</name>
    <message>
        <source>Version {version} ({build})</source>
        <translation>Versie {version} ({build})</translation>
    </message>
    <message>
        <source>About and info for the helpdesk</source>
        <translation>Over dit programma en info voor de helpdesk</translation>
    </message>
    <message>
        <source>SmartBooqing mark</source>
        <translation>Logo van SmartBooqing</translation>
    </message>
    <message>
        <source>Questions? Mail the SmartBooqing helpdesk at &lt;a href=&apos;mailto:{mail}&apos;&gt;{mail}&lt;/a&gt; and paste the info below.</source>
        <translation>Vragen? Mail de SmartBooqing-helpdesk op &lt;a href=&apos;mailto:{mail}&apos;&gt;{mail}&lt;/a&gt; en plak de info hieronder in uw mail.</translation>
    </message>
    <message>
        <source>Info for the helpdesk (no passwords or tokens):</source>
        <translation>Info voor de helpdesk (geen wachtwoorden of tokens):</translation>
    </message>
    <message>
        <source>Info for the helpdesk</source>
        <translation>Info voor de helpdesk</translation>
    </message>
    <message>
        <source>Co&amp;py info</source>
        <translation>Info &amp;kopiëren</translation>
    </message>
    <message>
        <source>Copy the info for the helpdesk</source>
        <translation>De info voor de helpdesk kopiëren</translation>
    </message>
    <message>
        <source>&amp;Export for the helpdesk…</source>
        <translation>&amp;Exporteren voor de helpdesk…</translation>
    </message>
    <message>
        <source>Export the info, the last report and the log as one zip file</source>
        <translation>De info, het laatste rapport en het logbestand als één zipbestand exporteren</translation>
    </message>
    <message>
        <source>Copied: paste it into your e-mail.</source>
        <translation>Gekopieerd: plak het in uw e-mail.</translation>
    </message>
    <message>
        <source>Export for the helpdesk</source>
        <translation>Exporteren voor de helpdesk</translation>
    </message>
    <message>
        <source>Zip files (*.zip)</source>
        <translation>Zipbestanden (*.zip)</translation>
    </message>
    <message>
        <source>The export could not be written: {reason}</source>
        <translation>De export kon niet worden opgeslagen: {reason}</translation>
    </message>
    <message>
        <source>Saved: {path}. Attach this file to your e-mail.</source>
        <translation>Opgeslagen: {path}. Voeg dit bestand bij uw e-mail.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import the connectors into AFAS</source>
        <translation>De connectoren in AFAS importeren</translation>
    </message>
    <message>
        <source>Import the files in AFAS Profit and tick here when AFAS has accepted them.</source>
        <translation>Importeer de bestanden in AFAS Profit en vink hier aan zodra AFAS ze heeft geaccepteerd.</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;In AFAS Profit go to &lt;b&gt;{path}&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Click &lt;b&gt;{action}&lt;/b&gt; (Ctrl+5).&lt;/li&gt;&lt;li&gt;In &lt;b&gt;{dialog}&lt;/b&gt; click &lt;b&gt;{folder}&lt;/b&gt; and choose the folder below: AFAS imports all {n} files at once. (Or click &lt;b&gt;{file}&lt;/b&gt; for one file at a time.)&lt;/li&gt;&lt;li&gt;Click &lt;b&gt;{finish}&lt;/b&gt;.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;Ga in AFAS Profit naar &lt;b&gt;{path}&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Klik op &lt;b&gt;{action}&lt;/b&gt; (Ctrl+5).&lt;/li&gt;&lt;li&gt;Klik in &lt;b&gt;{dialog}&lt;/b&gt; op &lt;b&gt;{folder}&lt;/b&gt; en kies de map hieronder: AFAS importeert alle {n} bestanden in één keer. (Of klik op &lt;b&gt;{file}&lt;/b&gt; voor één bestand tegelijk.)&lt;/li&gt;&lt;li&gt;Klik op &lt;b&gt;{finish}&lt;/b&gt;.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>Copy the folder path for the import dialog</source>
        <translation>Het pad van de map kopiëren voor het importvenster</translation>
    </message>
    <message>
        <source>All {n} files are imported (with {folder})</source>
        <translation>Alle {n} bestanden zijn geïmporteerd (met {folder})</translation>
    </message>
    <message>
        <source>Or tick each file imported one at a time:</source>
        <translation>Of vink elk bestand aan dat u los hebt geïmporteerd:</translation>
    </message>
    <message>
        <source>You open Profit as the app over Remote Desktop: it sees this computer&apos;s drives as \\Client.</source>
        <translation>U opent Profit als app via Extern bureaublad: die ziet de schijven van deze computer als \\Client.</translation>
    </message>
    <message>
        <source>You open Profit in your browser, so its file picker shows this computer&apos;s own folders.</source>
        <translation>U opent Profit in uw browser, dus de bestandskiezer toont de eigen mappen van deze computer.</translation>
    </message>
    <message>
        <source>The folder with the files: {folder}</source>
        <translation>De map met de bestanden: {folder}</translation>
    </message>
    <message>
        <source>(Change this in step 2.)</source>
        <translation>(Dit wijzigt u in stap 2.)</translation>
    </message>
    <message>
        <source>Afterwards the list in &lt;b&gt;{list}&lt;/b&gt; shows connectors starting with &lt;b&gt;SBQ_&lt;/b&gt;, such as SBQ_BTW and SBQ_Crediteuren.</source>
        <translation>Daarna staan in de lijst van &lt;b&gt;{list}&lt;/b&gt; connectoren die met &lt;b&gt;SBQ_&lt;/b&gt; beginnen, zoals SBQ_BTW en SBQ_Crediteuren.</translation>
    </message>
</context>
<context>
    <name>LinkConnectorsPage</name>
    <message>
        <source>Link the connectors to the app connector</source>
        <translation>De connectoren aan de app connector koppelen</translation>
    </message>
    <message>
        <source>SmartBooqing can use only the connectors you link here.</source>
        <translation>SmartBooqing kan alleen de connectoren gebruiken die u hier koppelt.</translation>
    </message>
    <message>
        <source>Open the app connector (&lt;b&gt;{path}&lt;/b&gt;, double-click it). On each tab on the left (&lt;b&gt;{get}&lt;/b&gt;, &lt;b&gt;{update}&lt;/b&gt;, &lt;b&gt;{special}&lt;/b&gt;) click &lt;b&gt;{new}&lt;/b&gt;, select the connectors below and click &lt;b&gt;{finish}&lt;/b&gt;.</source>
        <translation>Open de app connector (&lt;b&gt;{path}&lt;/b&gt;, dubbelklik erop). Klik op elk tabblad links (&lt;b&gt;{get}&lt;/b&gt;, &lt;b&gt;{update}&lt;/b&gt;, &lt;b&gt;{special}&lt;/b&gt;) op &lt;b&gt;{new}&lt;/b&gt;, selecteer de connectoren hieronder en klik op &lt;b&gt;{finish}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Tab {tab} ({n})</source>
        <translation>Tabblad {tab} ({n})</translation>
    </message>
    <message>
        <source>from a partner (see below the list)</source>
        <translation>van een partner (zie onder de lijst)</translation>
    </message>
    <message>
        <source>A connector marked &apos;from a partner&apos; exists only where AFAS or that partner installed it. If one is missing from your list in AFAS, contact the SmartBooqing helpdesk at {mail}.</source>
        <translation>Een connector &apos;van een partner&apos; bestaat alleen waar AFAS of die partner hem heeft geïnstalleerd. Ontbreekt er een in uw lijst in AFAS, neem dan contact op met de SmartBooqing-helpdesk: {mail}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;When all are linked:&lt;/b&gt; click &lt;b&gt;{ok}&lt;/b&gt; (or &lt;b&gt;{save}&lt;/b&gt;) to close the app connector, so AFAS saves it.</source>
        <translation>&lt;b&gt;Als alles gekoppeld is:&lt;/b&gt; klik op &lt;b&gt;{ok}&lt;/b&gt; (of &lt;b&gt;{save}&lt;/b&gt;) om de app connector te sluiten, zodat AFAS hem opslaat.</translation>
    </message>
    <message>
        <source>With a user token, SmartBooqing reads as that token&apos;s user: it must belong to the app connector&apos;s &lt;b&gt;{group}&lt;/b&gt; and have rights on these connectors.</source>
        <translation>Met een gebruikerstoken leest SmartBooqing als de gebruiker van dat token: die moet bij de &lt;b&gt;{group}&lt;/b&gt; van de app connector horen en rechten hebben op deze connectoren.</translation>
    </message>
    <message>
        <source>The live check paused after 15 minutes without a change. Tick a box or open this step again to start it.</source>
        <translation>De live controle is gepauzeerd na 15 minuten zonder wijziging. Vink een vakje aan of open deze stap opnieuw om hem te starten.</translation>
    </message>
    <message>
        <source>The live check could not read AFAS: {problem} It tries again shortly.</source>
        <translation>De live controle kon AFAS niet lezen: {problem} Hij probeert het zo opnieuw.</translation>
    </message>
    <message>
        <source>AFAS lists {seen} of these {total} connectors; the others are not linked yet.</source>
        <translation>AFAS toont {seen} van deze {total} connectoren; de andere zijn nog niet gekoppeld.</translation>
    </message>
    <message>
        <source>AFAS lists {seen} of these {total} connectors; still missing: {names}.</source>
        <translation>AFAS toont {seen} van deze {total} connectoren; nog niet gekoppeld: {names}.</translation>
    </message>
    <message>
        <source>AFAS lists all {total} connectors it can show.</source>
        <translation>AFAS toont alle {total} connectoren die het kan laten zien.</translation>
    </message>
    <message>
        <source>AFAS does not show these over its API, so tick them yourself once they are linked: {names}.</source>
        <translation>Deze toont AFAS niet via de API; vink ze zelf aan zodra ze gekoppeld zijn: {names}.</translation>
    </message>
    <message>
        <source>Once the login details are stored (step &apos;{step}&apos;), this list ticks itself as AFAS shows each link. Until then, tick each one yourself.</source>
        <translation>Zodra de inloggegevens bewaard zijn (stap &apos;{step}&apos;), vinkt deze lijst zichzelf aan zodra AFAS een koppeling toont. Tot die tijd vinkt u ze zelf aan.</translation>
    </message>
    <message>
        <source>The wizard reads AFAS every few seconds and ticks each connector it finds. AFAS shows a link once the app connector is saved ({ok}).</source>
        <translation>De wizard leest AFAS om de paar seconden en vinkt elke connector aan die hij vindt. AFAS toont een koppeling zodra de app connector is opgeslagen ({ok}).</translation>
    </message>
</context>
<context>
    <name>MigratePage</name>
    <message>
        <source>Move to OAuth</source>
        <translation>Overstappen op OAuth</translation>
    </message>
    <message>
        <source>Step by step from the classic token to OAuth, checked live at every step; SmartBooqing keeps working.</source>
        <translation>Stap voor stap van het klassieke token naar OAuth, bij elke stap live gecontroleerd; SmartBooqing blijft werken.</translation>
    </message>
    <message>
        <source>You keep the same app connector: its connectors and IP restrictions stay as they are. Each step opens when the one before it is checked. You need AFAS Profit 9 or later, where {field} offers &lt;b&gt;{hybrid}&lt;/b&gt;.</source>
        <translation>U houdt dezelfde app connector: de connectoren en IP-restricties blijven zoals ze zijn. Elke stap gaat open zodra de stap ervoor gecontroleerd is. U hebt AFAS Profit 9 of later nodig, waar {field} de keuze &lt;b&gt;{hybrid}&lt;/b&gt; heeft.</translation>
    </message>
    <message>
        <source>Set the app connector to {hybrid}</source>
        <translation>App connector op {hybrid} zetten</translation>
    </message>
    <message>
        <source>In AFAS open &lt;b&gt;{where}&lt;/b&gt;. On the tab &lt;b&gt;{tab}&lt;/b&gt; set &lt;b&gt;{field}&lt;/b&gt; to &lt;b&gt;{hybrid}&lt;/b&gt; and save. With {hybrid}, AFAS accepts the classic token and OAuth side by side.</source>
        <translation>Open in AFAS &lt;b&gt;{where}&lt;/b&gt;. Zet op het tabblad &lt;b&gt;{tab}&lt;/b&gt; het veld &lt;b&gt;{field}&lt;/b&gt; op &lt;b&gt;{hybrid}&lt;/b&gt; en sla op. Met {hybrid} accepteert AFAS het klassieke token en OAuth naast elkaar.</translation>
    </message>
    <message>
        <source>Check that the classic token still works</source>
        <translation>Controleren of het klassieke token nog werkt</translation>
    </message>
    <message>
        <source>Create the client secret</source>
        <translation>Client secret aanmaken</translation>
    </message>
    <message>
        <source>In the same app connector AFAS now shows the &lt;b&gt;{client_id}&lt;/b&gt;. Create the &lt;b&gt;{client_secret}&lt;/b&gt;: AFAS shows it &lt;b&gt;only once&lt;/b&gt;. Paste both below, with the date until which the secret is valid.</source>
        <translation>In dezelfde app connector toont AFAS nu de &lt;b&gt;{client_id}&lt;/b&gt;. Maak het &lt;b&gt;{client_secret}&lt;/b&gt; aan: AFAS toont het &lt;b&gt;maar één keer&lt;/b&gt;. Plak beide hieronder, met de datum tot wanneer het secret geldig is.</translation>
    </message>
    <message>
        <source>Use this client id and secret</source>
        <translation>Deze client id en dit secret gebruiken</translation>
    </message>
    <message>
        <source>Check OAuth while the classic token still works</source>
        <translation>OAuth controleren terwijl het klassieke token nog werkt</translation>
    </message>
    <message>
        <source>The wizard runs the whole check with the client id and secret, and checks that the classic token still works: together they prove that the app connector is on {hybrid}.</source>
        <translation>De wizard voert de hele controle uit met de client id en het secret, en controleert of het klassieke token nog werkt: samen bewijzen ze dat de app connector op {hybrid} staat.</translation>
    </message>
    <message>
        <source>Run the check</source>
        <translation>Controle uitvoeren</translation>
    </message>
    <message>
        <source>Give SmartBooqing the new client id and secret</source>
        <translation>SmartBooqing de nieuwe client id en het secret geven</translation>
    </message>
    <message>
        <source>In the SmartBooqing portal, replace the AFAS token of this administration by the client id and the client secret. The secret is cleared from the clipboard after 60 seconds.&lt;br&gt;&lt;b&gt;Why this must be done first:&lt;/b&gt; the next stage sets the app connector to {oauth}; from then on AFAS refuses the classic token, and SmartBooqing stops reading AFAS until it uses the new client id and secret. So before you go on, open the portal and confirm that this administration now shows the new client id.</source>
        <translation>Vervang in het SmartBooqing-portaal het AFAS-token van deze administratie door de client id en het client secret. Het secret wordt na 60 seconden van het klembord gehaald.&lt;br&gt;&lt;b&gt;Waarom dit eerst moet:&lt;/b&gt; de volgende stap zet de app connector op {oauth}; vanaf dan weigert AFAS het klassieke token, en SmartBooqing leest AFAS niet meer tot het de nieuwe client id en het secret gebruikt. Open daarom eerst het portaal en bevestig dat deze administratie nu de nieuwe client id toont.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Verder</translation>
    </message>
    <message>
        <source>Set the app connector to {oauth}</source>
        <translation>App connector op {oauth} zetten</translation>
    </message>
    <message>
        <source>In AFAS open &lt;b&gt;{where}&lt;/b&gt; again. On the tab &lt;b&gt;{tab}&lt;/b&gt; set &lt;b&gt;{field}&lt;/b&gt; to &lt;b&gt;{oauth}&lt;/b&gt; and save. From then on AFAS accepts only OAuth.</source>
        <translation>Open in AFAS opnieuw &lt;b&gt;{where}&lt;/b&gt;. Zet op het tabblad &lt;b&gt;{tab}&lt;/b&gt; het veld &lt;b&gt;{field}&lt;/b&gt; op &lt;b&gt;{oauth}&lt;/b&gt; en sla op. Vanaf dan accepteert AFAS alleen nog OAuth.</translation>
    </message>
    <message>
        <source>Check that OAuth still works</source>
        <translation>Controleren of OAuth nog werkt</translation>
    </message>
    <message>
        <source>Check that the classic token is refused</source>
        <translation>Controleren of het klassieke token geweigerd wordt</translation>
    </message>
    <message>
        <source>The wizard logs in once more with the classic token. AFAS must now refuse it and ask for OAuth: then nobody can use the old token any more.</source>
        <translation>De wizard logt nog één keer in met het klassieke token. AFAS moet het nu weigeren en om OAuth vragen: dan kan niemand het oude token meer gebruiken.</translation>
    </message>
    <message>
        <source>Check the classic token</source>
        <translation>Klassiek token controleren</translation>
    </message>
    <message>
        <source>Forget the classic token</source>
        <translation>Klassiek token vergeten</translation>
    </message>
    <message>
        <source>The wizard replaces the classic token in this computer&apos;s safe storage by the client id and secret. In AFAS you may delete the old user token on the tab &lt;b&gt;{tab}&lt;/b&gt;.</source>
        <translation>De wizard vervangt het klassieke token in de beveiligde opslag van deze computer door de client id en het secret. In AFAS kunt u het oude gebruikerstoken verwijderen op het tabblad &lt;b&gt;{tab}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Client i&amp;d:</source>
        <translation>Client &amp;id:</translation>
    </message>
    <message>
        <source>New OAuth client id</source>
        <translation>Nieuwe OAuth client id</translation>
    </message>
    <message>
        <source>Paste the client id here</source>
        <translation>Plak hier de client id</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client &amp;secret:</translation>
    </message>
    <message>
        <source>New OAuth client secret</source>
        <translation>Nieuw OAuth client secret</translation>
    </message>
    <message>
        <source>Paste the client secret here</source>
        <translation>Plak hier het client secret</translation>
    </message>
    <message>
        <source>Secret valid &amp;until:</source>
        <translation>Se&amp;cret geldig tot:</translation>
    </message>
    <message>
        <source>Client secret valid until</source>
        <translation>Client secret geldig tot</translation>
    </message>
    <message>
        <source>AFAS shows no e&amp;xpiry date</source>
        <translation>AFAS toont geen vervaldat&amp;um</translation>
    </message>
    <message>
        <source>AFAS shows no expiry date for the client secret</source>
        <translation>AFAS toont geen vervaldatum voor het client secret</translation>
    </message>
    <message>
        <source>Profit fills in 180 days from today unless your administrator chose otherwise.</source>
        <translation>Profit vult een datum 180 dagen na vandaag in, tenzij uw beheerder iets anders heeft gekozen.</translation>
    </message>
    <message>
        <source>Copy the client id</source>
        <translation>Client id kopiëren</translation>
    </message>
    <message>
        <source>Copy the new client id for the SmartBooqing portal</source>
        <translation>Nieuwe client id kopiëren voor het SmartBooqing-portaal</translation>
    </message>
    <message>
        <source>Copy the client secret</source>
        <translation>Client secret kopiëren</translation>
    </message>
    <message>
        <source>Copy the new client secret for the SmartBooqing portal</source>
        <translation>Nieuw client secret kopiëren voor het SmartBooqing-portaal</translation>
    </message>
    <message>
        <source>I see in the SmartBooqing p&amp;ortal that this administration uses the new client id</source>
        <translation>Ik zie in het SmartBooqing-p&amp;ortaal dat deze administratie de nieuwe client id gebruikt</translation>
    </message>
    <message>
        <source>I see in the SmartBooqing portal that this administration uses the new client id</source>
        <translation>Ik zie in het SmartBooqing-portaal dat deze administratie de nieuwe client id gebruikt</translation>
    </message>
    <message>
        <source>Hid&amp;e secret</source>
        <translation>Secret ver&amp;bergen</translation>
    </message>
    <message>
        <source>Sho&amp;w secret</source>
        <translation>Secret &amp;bekijken</translation>
    </message>
    <message>
        <source>Hide the client secret</source>
        <translation>Client secret verbergen</translation>
    </message>
    <message>
        <source>Show the client secret</source>
        <translation>Client secret bekijken</translation>
    </message>
    <message>
        <source>done</source>
        <translation>klaar</translation>
    </message>
    <message>
        <source>now</source>
        <translation>nu</translation>
    </message>
    <message>
        <source>later</source>
        <translation>straks</translation>
    </message>
    <message>
        <source>The client secret is on the clipboard. It is cleared in 60 seconds, unless you copy something else.</source>
        <translation>Het client secret staat op het klembord. Over 60 seconden wordt het leeggemaakt, tenzij u intussen iets anders kopieert.</translation>
    </message>
    <message>
        <source>The client id is on the clipboard.</source>
        <translation>De client id staat op het klembord.</translation>
    </message>
</context>
<context>
    <name>OAuthFields</name>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Pick the date AFAS shows from a calendar</source>
        <translation>Kies de datum die AFAS toont in een kalender</translation>
    </message>
</context>
<context>
    <name>RenewPage</name>
    <message>
        <source>Renew the client secret</source>
        <translation>Client secret vernieuwen</translation>
    </message>
    <message>
        <source>A new secret replaces the expired one, checked live at every step; SmartBooqing works again once it has it.</source>
        <translation>Een nieuw secret vervangt het verlopen secret, bij elke stap live gecontroleerd; SmartBooqing werkt weer zodra het het nieuwe secret heeft.</translation>
    </message>
    <message>
        <source>A new secret replaces the old one, checked live at every step; SmartBooqing keeps working.</source>
        <translation>Een nieuw secret vervangt het oude, bij elke stap live gecontroleerd; SmartBooqing blijft werken.</translation>
    </message>
    <message>
        <source>The wizard does not know when the secret in use expires.</source>
        <translation>De wizard weet niet wanneer het huidige secret verloopt.</translation>
    </message>
    <message numerus="yes">
        <source>The secret in use expired %n day(s) ago: SmartBooqing cannot reach AFAS now.</source>
        <translation>
            <numerusform>Het huidige secret is %n dag geleden verlopen: SmartBooqing kan AFAS nu niet bereiken.</numerusform>
            <numerusform>Het huidige secret is %n dagen geleden verlopen: SmartBooqing kan AFAS nu niet bereiken.</numerusform>
        </translation>
    </message>
    <message>
        <source>The secret in use expires today.</source>
        <translation>Het huidige secret verloopt vandaag.</translation>
    </message>
    <message numerus="yes">
        <source>The secret in use expires in %n day(s).</source>
        <translation>
            <numerusform>Het huidige secret verloopt over %n dag.</numerusform>
            <numerusform>Het huidige secret verloopt over %n dagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>SmartBooqing works again once it has the new secret. You need an AFAS administrator. Each step opens when the one before it is checked.</source>
        <translation>SmartBooqing werkt weer zodra het het nieuwe secret heeft. U hebt een AFAS-beheerder nodig. Elke stap gaat open zodra de stap ervoor gecontroleerd is.</translation>
    </message>
    <message>
        <source>For a while AFAS accepts both the old and the new secret, so SmartBooqing keeps working while you switch. You need an AFAS administrator. Each step opens when the one before it is checked.</source>
        <translation>AFAS accepteert een tijdje zowel het oude als het nieuwe secret, zodat SmartBooqing blijft werken terwijl u wisselt. U hebt een AFAS-beheerder nodig. Elke stap gaat open zodra de stap ervoor gecontroleerd is.</translation>
    </message>
    <message>
        <source>Make a new client secret in AFAS</source>
        <translation>Een nieuw client secret aanmaken in AFAS</translation>
    </message>
    <message>
        <source>In AFAS open &lt;b&gt;{where}&lt;/b&gt; and generate a new &lt;b&gt;{secret}&lt;/b&gt; for this app connector. AFAS shows it &lt;b&gt;only once&lt;/b&gt;: keep AFAS open on that screen. Leave the old secret as it is for now. &lt;i&gt;AFAS does not document the exact name of the button for a new secret; it is in the app connector&apos;s OAuth settings, next to the secret&apos;s expiry date.&lt;/i&gt;</source>
        <translation>Open in AFAS &lt;b&gt;{where}&lt;/b&gt; en maak een nieuw &lt;b&gt;{secret}&lt;/b&gt; aan voor deze app connector. AFAS toont het &lt;b&gt;maar één keer&lt;/b&gt;: laat AFAS op dat scherm openstaan. Laat het oude secret voorlopig staan. &lt;i&gt;AFAS beschrijft niet hoe de knop voor een nieuw secret precies heet; hij staat bij de OAuth-instellingen van de app connector, naast de vervaldatum van het secret.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>I have the new secret on screen</source>
        <translation>Ik heb het nieuwe secret op het scherm</translation>
    </message>
    <message>
        <source>Paste the new secret</source>
        <translation>Het nieuwe secret plakken</translation>
    </message>
    <message>
        <source>Paste the new secret below and type its expiry date exactly as AFAS shows it. The wizard asks AFAS for one token with it, and checks that the old secret still works too.</source>
        <translation>Plak het nieuwe secret hieronder en typ de vervaldatum precies zoals AFAS die toont. De wizard vraagt er bij AFAS één token mee aan en controleert of het oude secret ook nog werkt.</translation>
    </message>
    <message>
        <source>Check the new secret</source>
        <translation>Het nieuwe secret controleren</translation>
    </message>
    <message>
        <source>Run the check with the new secret</source>
        <translation>De controle uitvoeren met het nieuwe secret</translation>
    </message>
    <message>
        <source>The wizard runs the whole check with the new secret, as SmartBooqing will use it.</source>
        <translation>De wizard voert de hele controle uit met het nieuwe secret, zoals SmartBooqing het gaat gebruiken.</translation>
    </message>
    <message>
        <source>Run the check</source>
        <translation>Controle uitvoeren</translation>
    </message>
    <message>
        <source>Give SmartBooqing the new secret</source>
        <translation>SmartBooqing het nieuwe secret geven</translation>
    </message>
    <message>
        <source>In the SmartBooqing portal, open the AFAS connection of this administration and replace the client secret by the new one. The client id stays the same. The secret is cleared from the clipboard after 60 seconds.</source>
        <translation>Open in het SmartBooqing-portaal de AFAS-koppeling van deze administratie en vervang het client secret door het nieuwe. De client id blijft hetzelfde. Het secret wordt na 60 seconden van het klembord gehaald.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Verder</translation>
    </message>
    <message>
        <source>Revoke the old secret in AFAS</source>
        <translation>Het oude secret intrekken in AFAS</translation>
    </message>
    <message>
        <source>In AFAS open &lt;b&gt;{where}&lt;/b&gt; again and revoke the &lt;b&gt;old&lt;/b&gt; {secret}: the one with the earlier expiry date, not the one you just made. Save.</source>
        <translation>Open in AFAS opnieuw &lt;b&gt;{where}&lt;/b&gt; en trek het &lt;b&gt;oude&lt;/b&gt; {secret} in: dat met de eerdere vervaldatum, niet het secret dat u net hebt aangemaakt. Sla op.</translation>
    </message>
    <message>
        <source>I revoked the old secret</source>
        <translation>Ik heb het oude secret ingetrokken</translation>
    </message>
    <message>
        <source>Check that the old secret is refused</source>
        <translation>Controleren dat het oude secret geweigerd wordt</translation>
    </message>
    <message>
        <source>The wizard asks AFAS for a token with the old secret. AFAS must now refuse it: then nobody can use the old secret any more.</source>
        <translation>De wizard vraagt bij AFAS een token aan met het oude secret. AFAS moet dat nu weigeren: dan kan niemand het oude secret nog gebruiken.</translation>
    </message>
    <message>
        <source>Check the old secret</source>
        <translation>Het oude secret controleren</translation>
    </message>
    <message>
        <source>Keep only the new secret</source>
        <translation>Alleen het nieuwe secret bewaren</translation>
    </message>
    <message>
        <source>The wizard replaces the old secret in this computer&apos;s safe storage by the new one and its expiry date.</source>
        <translation>De wizard vervangt het oude secret in de beveiligde opslag van deze computer door het nieuwe, met de vervaldatum.</translation>
    </message>
    <message>
        <source>Client id (unchanged)</source>
        <translation>Client id (ongewijzigd)</translation>
    </message>
    <message>
        <source>New client s&amp;ecret:</source>
        <translation>Nieuw client s&amp;ecret:</translation>
    </message>
    <message>
        <source>New OAuth client secret</source>
        <translation>Nieuw OAuth client secret</translation>
    </message>
    <message>
        <source>Paste the new client secret here</source>
        <translation>Plak hier het nieuwe client secret</translation>
    </message>
    <message>
        <source>Valid &amp;until:</source>
        <translation>Geldig t&amp;ot:</translation>
    </message>
    <message>
        <source>New client secret valid until</source>
        <translation>Nieuw client secret geldig tot</translation>
    </message>
    <message>
        <source>AFAS shows no e&amp;xpiry date</source>
        <translation>AFAS toont geen vervaldat&amp;um</translation>
    </message>
    <message>
        <source>AFAS shows no expiry date for the new client secret</source>
        <translation>AFAS toont geen vervaldatum voor het nieuwe client secret</translation>
    </message>
    <message>
        <source>The date AFAS shows next to the new secret in the app connector.</source>
        <translation>De datum die AFAS naast het nieuwe secret in de app connector toont.</translation>
    </message>
    <message>
        <source>Copy the new client secret</source>
        <translation>Nieuw client secret kopiëren</translation>
    </message>
    <message>
        <source>Copy the new client secret for the SmartBooqing portal</source>
        <translation>Nieuw client secret kopiëren voor het SmartBooqing-portaal</translation>
    </message>
    <message>
        <source>&amp;SmartBooqing uses the new client secret (I checked in the portal)</source>
        <translation>&amp;SmartBooqing gebruikt het nieuwe client secret (gecontroleerd in het portaal)</translation>
    </message>
    <message>
        <source>SmartBooqing uses the new client secret</source>
        <translation>SmartBooqing gebruikt het nieuwe client secret</translation>
    </message>
    <message>
        <source>Put the next renewal in your calendar: a reminder 30 days before the new secret expires, with an alarm a week before that.</source>
        <translation>Zet de volgende vernieuwing in uw agenda: een herinnering 30 dagen voordat het nieuwe secret verloopt, met een melding een week eerder.</translation>
    </message>
    <message>
        <source>Reminder in my c&amp;alendar…</source>
        <translation>Herinnering in mijn &amp;agenda…</translation>
    </message>
    <message>
        <source>Save a calendar reminder of the new secret&apos;s expiry</source>
        <translation>Een agendaherinnering van de vervaldatum van het nieuwe secret opslaan</translation>
    </message>
    <message>
        <source>Hid&amp;e secret</source>
        <translation>Secret ver&amp;bergen</translation>
    </message>
    <message>
        <source>Sho&amp;w secret</source>
        <translation>Secret &amp;bekijken</translation>
    </message>
    <message>
        <source>Hide the client secret</source>
        <translation>Client secret verbergen</translation>
    </message>
    <message>
        <source>Show the client secret</source>
        <translation>Client secret bekijken</translation>
    </message>
    <message>
        <source>done</source>
        <translation>klaar</translation>
    </message>
    <message>
        <source>now</source>
        <translation>nu</translation>
    </message>
    <message>
        <source>later</source>
        <translation>straks</translation>
    </message>
    <message>
        <source>Looks like a client secret.</source>
        <translation>Dit lijkt een client secret.</translation>
    </message>
    <message>
        <source>Save the calendar reminder</source>
        <translation>De agendaherinnering opslaan</translation>
    </message>
    <message>
        <source>The new secret is on the clipboard. It is cleared in 60 seconds, unless you copy something else.</source>
        <translation>Het nieuwe secret staat op het klembord. Over 60 seconden wordt het leeggemaakt, tenzij u intussen iets anders kopieert.</translation>
    </message>
    <message>
        <source>Reminder saved: {path}. Open it to add it to Outlook, Apple Calendar or Google Calendar.</source>
        <translation>Herinnering opgeslagen: {path}. Open het bestand om het toe te voegen aan Outlook, Apple Agenda of Google Agenda.</translation>
    </message>
</context>
<context>
    <name>StageBox</name>
    <message>
        <source>finish stage &apos;{stage}&apos; first</source>
        <translation>rond eerst stap &apos;{stage}&apos; af</translation>
    </message>
    <message>
        <source>Do this step in the simulated AFAS</source>
        <translation>Deze stap uitvoeren in de gesimuleerde AFAS</translation>
    </message>
    <message>
        <source>Step {n}: do it in the simulated AFAS</source>
        <translation>Stap {n}: uitvoeren in de gesimuleerde AFAS</translation>
    </message>
</context>
<context>
    <name>StatusLink</name>
    <message>
        <source>Contains a link to afasstatus.nl, AFAS&apos;s page about faults and maintenance: Enter opens it.</source>
        <translation>Bevat een link naar afasstatus.nl, de pagina van AFAS over storingen en onderhoud: Enter opent die.</translation>
    </message>
    <message>
        <source>Contains the helpdesk&apos;s e-mail address as a link: Enter starts an e-mail to it.</source>
        <translation>Bevat het e-mailadres van de helpdesk als link: Enter begint een e-mail aan de helpdesk.</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <source>wait until this is finished</source>
        <translation>wacht tot dit klaar is</translation>
    </message>
    <message>
        <source>{done} of {total} ticked; tick the others once they are done in AFAS</source>
        <translation>{done} van {total} aangevinkt; vink de andere aan zodra ze in AFAS gedaan zijn</translation>
    </message>
    <message>
        <source>this step is not finished yet</source>
        <translation>deze stap is nog niet af</translation>
    </message>
    <message>
        <source>In AFAS it looks like this:</source>
        <translation>Zo ziet het eruit in AFAS:</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>In this demo there is no real AFAS. The button below does this step for you in the simulated AFAS, exactly as you would do it by hand.</source>
        <translation>In deze demo is er geen echte AFAS. De knop hieronder voert deze stap voor u uit in de gesimuleerde AFAS, precies zoals u het met de hand zou doen.</translation>
    </message>
    <message>
        <source>Do this step in the simulated AFAS</source>
        <translation>Deze stap uitvoeren in de gesimuleerde AFAS</translation>
    </message>
    <message>
        <source>Next is not possible yet: {reason}</source>
        <translation>Volgende kan nog niet: {reason}</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>Even geduld…</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>Welcome</source>
        <translation>Welkom</translation>
    </message>
    <message>
        <source>AFAS environment</source>
        <translation>AFAS-omgeving</translation>
    </message>
    <message>
        <source>Connector files</source>
        <translation>Connectorbestanden</translation>
    </message>
    <message>
        <source>Import into AFAS</source>
        <translation>Importeren in AFAS</translation>
    </message>
    <message>
        <source>App connector</source>
        <translation>App connector</translation>
    </message>
    <message>
        <source>Link connectors</source>
        <translation>Connectoren koppelen</translation>
    </message>
    <message>
        <source>Login details</source>
        <translation>Inloggegevens</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Bijlagen</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Controle</translation>
    </message>
    <message>
        <source>Move to OAuth</source>
        <translation>Overstappen op OAuth</translation>
    </message>
    <message>
        <source>Renew the secret</source>
        <translation>Secret vernieuwen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
</context>
<context>
    <name>TokenPage</name>
    <message>
        <source>Create and store the user token</source>
        <translation>Het gebruikerstoken aanmaken en bewaren</translation>
    </message>
    <message>
        <source>The token lets SmartBooqing log in to the app connector as one AFAS user.</source>
        <translation>Met het token logt SmartBooqing via de app connector in als één AFAS-gebruiker.</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;In the app connector, open the tab &lt;b&gt;{tab}&lt;/b&gt; and click &lt;b&gt;{new}&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Choose the AFAS user SmartBooqing works as. That user must belong to the app connector&apos;s user group (&lt;b&gt;{group}&lt;/b&gt;) and have rights on the connectors you link in the next step ({get}, {update}, {special}); rights are set in &lt;b&gt;{rights}&lt;/b&gt;. Usually that is the environment&apos;s administrator user: &lt;b&gt;{admin}&lt;/b&gt;. Fill in an &lt;b&gt;{description}&lt;/b&gt; (for example SmartBooqing) and click &lt;b&gt;{next}&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Click &lt;b&gt;{copy}&lt;/b&gt; and paste the token below. AFAS shows the token only once.&lt;/li&gt;&lt;li&gt;Then click &lt;b&gt;{finish}&lt;/b&gt; in AFAS. After that AFAS cannot show this token again, so paste it here first.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;Open in de app connector het tabblad &lt;b&gt;{tab}&lt;/b&gt; en klik op &lt;b&gt;{new}&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Kies de AFAS-gebruiker waarmee SmartBooqing werkt. Die gebruiker moet horen bij de gebruikersgroep van de app connector (&lt;b&gt;{group}&lt;/b&gt;) en rechten hebben op de connectoren die u in de volgende stap koppelt ({get}, {update}, {special}); rechten stelt u in via &lt;b&gt;{rights}&lt;/b&gt;. Meestal is dat de beheerder van de omgeving: &lt;b&gt;{admin}&lt;/b&gt;. Vul een &lt;b&gt;{description}&lt;/b&gt; in (bijvoorbeeld SmartBooqing) en klik op &lt;b&gt;{next}&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Klik op &lt;b&gt;{copy}&lt;/b&gt; en plak het token hieronder. AFAS toont het token maar één keer.&lt;/li&gt;&lt;li&gt;Klik daarna in AFAS op &lt;b&gt;{finish}&lt;/b&gt;. Daarna kan AFAS dit token niet meer tonen, dus plak het eerst hier.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>User &amp;token:</source>
        <translation>&amp;Gebruikerstoken:</translation>
    </message>
    <message>
        <source>User token</source>
        <translation>Gebruikerstoken</translation>
    </message>
    <message>
        <source>Paste the token here</source>
        <translation>Plak hier het token</translation>
    </message>
    <message>
        <source>Client i&amp;d:</source>
        <translation>Client &amp;id:</translation>
    </message>
    <message>
        <source>Type the date exactly as AFAS shows it with the secret. Older Profit versions (before Profit 9) show no expiry date: then tick the box.</source>
        <translation>Typ de datum precies zoals AFAS die bij het secret toont. Oudere Profit-versies (van vóór Profit 9) tonen geen vervaldatum: vink dan het vakje aan.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Store securely&lt;/b&gt; first asks AFAS once whether these details work. Details AFAS refuses are not stored; details that cannot be checked right now are stored and checked again at the end.</source>
        <translation>&lt;b&gt;Veilig bewaren&lt;/b&gt; vraagt AFAS eerst één keer of deze gegevens werken. Gegevens die AFAS weigert, worden niet bewaard; gegevens die nu niet te controleren zijn, worden bewaard en aan het eind opnieuw gecontroleerd.</translation>
    </message>
    <message>
        <source>Go to step &apos;{step}&apos;</source>
        <translation>Naar de stap &apos;{step}&apos;</translation>
    </message>
    <message>
        <source>&amp;Keep for this session only</source>
        <translation>Alleen voor &amp;deze sessie bewaren</translation>
    </message>
    <message>
        <source>Clipboard</source>
        <translation>Klembord</translation>
    </message>
    <message>
        <source>C&amp;lear the clipboard</source>
        <translation>K&amp;lembord leegmaken</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>Verb&amp;ergen</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>T&amp;onen</translation>
    </message>
    <message>
        <source>This has the form of an AFAS token. Storing it asks AFAS whether it works.</source>
        <translation>Dit heeft de vorm van een AFAS-token. Bij het bewaren vraagt de wizard AFAS of het werkt.</translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation>Token tonen</translation>
    </message>
    <message>
        <source>Paste the client id and client secret</source>
        <translation>De client id en het client secret plakken</translation>
    </message>
    <message>
        <source>With these two values SmartBooqing logs in to the app connector through OAuth.</source>
        <translation>Met deze twee gegevens logt SmartBooqing via OAuth in op de app connector.</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;When the app connector is saved with {field} &lt;b&gt;{oauth}&lt;/b&gt;, AFAS shows the &lt;b&gt;{client_id}&lt;/b&gt; and the &lt;b&gt;{client_secret}&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Copy each one and paste it below. AFAS shows the secret &lt;b&gt;only once&lt;/b&gt;: paste it before you close that screen.&lt;/li&gt;&lt;li&gt;Fill in the date until which the secret is valid, as AFAS shows it (normally 180 days from today). The wizard remembers it, so you are warned in time to create a new secret.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;Als de app connector is opgeslagen met {field} &lt;b&gt;{oauth}&lt;/b&gt;, toont AFAS de &lt;b&gt;{client_id}&lt;/b&gt; en het &lt;b&gt;{client_secret}&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Kopieer ze één voor één en plak ze hieronder. AFAS toont het secret &lt;b&gt;maar één keer&lt;/b&gt;: plak het voordat u dat scherm sluit.&lt;/li&gt;&lt;li&gt;Vul de datum in tot wanneer het secret geldig is, zoals AFAS die toont (normaal 180 dagen vanaf vandaag). De wizard onthoudt die, zodat u op tijd hoort dat u een nieuw secret moet aanmaken.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>your environment number and .admin</source>
        <translation>uw omgevingsnummer gevolgd door .admin</translation>
    </message>
    <message>
        <source>The wizard asks for the login details now: AFAS can make them as soon as the app connector exists, and with them stored the next step sees each link you make in AFAS and ticks it for you.</source>
        <translation>De wizard vraagt nu al om de inloggegevens: AFAS kan ze maken zodra de app connector bestaat. Zijn ze bewaard, dan ziet de volgende stap elke koppeling die u in AFAS maakt en vinkt die zelf voor u aan.</translation>
    </message>
    <message>
        <source>How does SmartBooqing log in to this app connector?</source>
        <translation>Hoe logt SmartBooqing in op deze app connector?</translation>
    </message>
    <message>
        <source>With a client id and client secret ({field} {oauth} or {hybrid})</source>
        <translation>Met een client id en client secret ({field} {oauth} of {hybrid})</translation>
    </message>
    <message>
        <source>With a user token ({field} {classic})</source>
        <translation>Met een gebruikerstoken ({field} {classic})</translation>
    </message>
    <message>
        <source>OAuth client id</source>
        <translation>OAuth client id</translation>
    </message>
    <message>
        <source>Paste the client id here</source>
        <translation>Plak hier de client id</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client &amp;secret:</translation>
    </message>
    <message>
        <source>OAuth client secret</source>
        <translation>OAuth client secret</translation>
    </message>
    <message>
        <source>Paste the client secret here</source>
        <translation>Plak hier het client secret</translation>
    </message>
    <message>
        <source>Secret valid &amp;until:</source>
        <translation>Se&amp;cret geldig tot:</translation>
    </message>
    <message>
        <source>Client secret valid until</source>
        <translation>Client secret geldig tot</translation>
    </message>
    <message>
        <source>AFAS shows no e&amp;xpiry date</source>
        <translation>AFAS toont geen vervaldat&amp;um</translation>
    </message>
    <message>
        <source>AFAS shows no expiry date for the client secret</source>
        <translation>AFAS toont geen vervaldatum voor het client secret</translation>
    </message>
    <message>
        <source>&amp;Store securely</source>
        <translation>Veilig be&amp;waren</translation>
    </message>
    <message>
        <source>&amp;Replace what is stored</source>
        <translation>Bewaarde gegevens ve&amp;rvangen</translation>
    </message>
    <message>
        <source>What you pasted may still be on your clipboard, and in a remote session also on the other computer&apos;s. Clear it once it is stored.</source>
        <translation>Wat u plakte, staat misschien nog op uw klembord, en in een sessie op afstand ook op dat van de andere computer. Maak het leeg zodra het bewaard is.</translation>
    </message>
    <message>
        <source>Hide the token</source>
        <translation>Token verbergen</translation>
    </message>
    <message>
        <source>Show the client secret</source>
        <translation>Client secret bekijken</translation>
    </message>
    <message>
        <source>Hide the client secret</source>
        <translation>Client secret verbergen</translation>
    </message>
    <message>
        <source>Hid&amp;e secret</source>
        <translation>Secret ver&amp;bergen</translation>
    </message>
    <message>
        <source>Sho&amp;w secret</source>
        <translation>Secret &amp;bekijken</translation>
    </message>
    <message>
        <source>choose above how SmartBooqing logs in</source>
        <translation>kies hierboven hoe SmartBooqing inlogt</translation>
    </message>
    <message>
        <source>AFAS refused these details: fix the cause in step &apos;{step}&apos; (the button above)</source>
        <translation>AFAS weigerde deze gegevens: los de oorzaak op in stap &apos;{step}&apos; (de knop hierboven)</translation>
    </message>
    <message>
        <source>AFAS refused these details: correct them as said above, then press &apos;{store}&apos; again</source>
        <translation>AFAS weigerde deze gegevens: verbeter ze zoals hierboven staat en klik opnieuw op &apos;{store}&apos;</translation>
    </message>
    <message>
        <source>paste the client id and client secret, then press &apos;{store}&apos;</source>
        <translation>plak het client id en het client secret en klik dan op &apos;{store}&apos;</translation>
    </message>
    <message>
        <source>paste the token, then press &apos;{store}&apos;</source>
        <translation>plak het token en klik dan op &apos;{store}&apos;</translation>
    </message>
    <message>
        <source>Client id and client secret for {env} stored ({where}).</source>
        <translation>Client id en client secret voor {env} bewaard ({where}).</translation>
    </message>
    <message>
        <source>Client id {id}; the secret ends in {end}.</source>
        <translation>Client id {id}; het secret eindigt op {end}.</translation>
    </message>
    <message>
        <source>Valid until {date}.</source>
        <translation>Geldig tot {date}.</translation>
    </message>
    <message>
        <source>Token for {env} stored ({where}).</source>
        <translation>Token voor {env} bewaard ({where}).</translation>
    </message>
    <message>
        <source>It ends in {end}.</source>
        <translation>Het eindigt op {end}.</translation>
    </message>
    <message>
        <source>The last check says AFAS refuses them: replace them with what AFAS shows now.</source>
        <translation>Volgens de laatste controle weigert AFAS ze: vervang ze door wat AFAS nu toont.</translation>
    </message>
    <message>
        <source>It is never written to a plain file. You can keep it for this session only: the check works, but you will have to paste it again next time.</source>
        <translation>Het wordt nooit in een gewoon bestand geschreven. U kunt het alleen voor deze sessie bewaren: de controle werkt, maar de volgende keer moet u het opnieuw plakken.</translation>
    </message>
    <message>
        <source>The clipboard is empty.</source>
        <translation>Het klembord is leeg.</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <source>Check the connection</source>
        <translation>De koppeling controleren</translation>
    </message>
    <message>
        <source>The wizard now checks every step live in your AFAS environment.</source>
        <translation>De wizard controleert nu elke stap rechtstreeks in uw AFAS-omgeving.</translation>
    </message>
    <message>
        <source>The check only reads from AFAS; it never changes anything. When something is missing, a button takes you to the step that fixes it.</source>
        <translation>De controle leest alleen uit AFAS; ze verandert nooit iets. Ontbreekt er iets, dan brengt een knop u naar de stap waar u het oplost.</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Opnieuw cont&amp;roleren</translation>
    </message>
    <message>
        <source>Sa&amp;ve the report…</source>
        <translation>Rapport op&amp;slaan…</translation>
    </message>
    <message>
        <source>AFAS at {url} could not be checked right now, so this says nothing about your setup. {n} checks were not done.</source>
        <translation>AFAS op {url} kon nu niet worden gecontroleerd; over uw inrichting zegt dit dus niets. {n} controles zijn niet gedaan.</translation>
    </message>
    <message>
        <source>Could not reach AFAS at {url}, so this says nothing about your setup. {n} checks were not done.</source>
        <translation>AFAS was niet te bereiken op {url}; over uw inrichting zegt dit dus niets. {n} controles zijn niet gedaan.</translation>
    </message>
    <message>
        <source>Setup step: {step}</source>
        <translation>Inrichtingsstap: {step}</translation>
    </message>
    <message>
        <source>Fix: {step}</source>
        <translation>Herstellen: {step}</translation>
    </message>
    <message>
        <source>Go to: {step}</source>
        <translation>Naar: {step}</translation>
    </message>
    <message>
        <source>{button} ({count} missing or wrong)</source>
        <translation>{button} ({count} ontbrekend of onjuist)</translation>
    </message>
    <message>
        <source>{button} (to check yourself)</source>
        <translation>{button} (zelf te controleren)</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Wat te doen</translation>
    </message>
    <message>
        <source>Every check</source>
        <translation>Alle controles</translation>
    </message>
    <message>
        <source>ℹ This connection uses a classic token, which AFAS stops accepting after {date}.</source>
        <translation>ℹ Deze koppeling gebruikt een klassiek token; AFAS accepteert dat na {date} niet meer.</translation>
    </message>
    <message>
        <source>&amp;Move to OAuth</source>
        <translation>&amp;Overstappen op OAuth</translation>
    </message>
    <message>
        <source>Checking {n} items…</source>
        <translation>{n} onderdelen controleren…</translation>
    </message>
    <message>
        <source>What to do: {remedy}</source>
        <translation>Wat te doen: {remedy}</translation>
    </message>
    <message>
        <source>No login details are stored for this environment yet, so the check cannot start. Store them in &apos;{step}&apos;, then come back.</source>
        <translation>Voor deze omgeving zijn nog geen inloggegevens bewaard, dus de controle kan niet beginnen. Bewaar ze in &apos;{step}&apos; en kom daarna terug.</translation>
    </message>
    <message>
        <source>{ok} of {n} checks passed.</source>
        <translation>{ok} van de {n} controles in orde.</translation>
    </message>
    <message>
        <source>{n} to check yourself</source>
        <translation>{n} zelf te controleren</translation>
    </message>
    <message>
        <source>{n} for your information</source>
        <translation>{n} ter informatie</translation>
    </message>
    <message>
        <source>{n} with a warning</source>
        <translation>{n} met een waarschuwing</translation>
    </message>
    <message>
        <source>See below: {items}.</source>
        <translation>Zie hieronder: {items}.</translation>
    </message>
    <message>
        <source>{bad} of {n} checks failed. Each button below takes you to the step that fixes it; then check again.</source>
        <translation>{bad} van de {n} controles mislukt. Elke knop hieronder brengt u naar de stap waar u het oplost; controleer daarna opnieuw.</translation>
    </message>
    <message>
        <source>What went wrong: {what}</source>
        <translation>Wat er misging: {what}</translation>
    </message>
    <message>
        <source>Technical detail: {detail}</source>
        <translation>Technisch detail: {detail}</translation>
    </message>
    <message>
        <source>Step {n}: {step}</source>
        <translation>Stap {n}: {step}</translation>
    </message>
    <message>
        <source>{n} missing according to the check; that step marks each one.</source>
        <translation>Volgens de controle ontbreken er {n}; die stap markeert ze allemaal.</translation>
    </message>
    <message>
        <source>Missing according to the check: {items}</source>
        <translation>Ontbreekt volgens de controle: {items}</translation>
    </message>
    <message>
        <source>Fix in step {n}: {step}</source>
        <translation>Herstellen in stap {n}: {step}</translation>
    </message>
    <message>
        <source>Go to step {n}: {step}</source>
        <translation>Naar stap {n}: {step}</translation>
    </message>
    <message>
        <source>To do soon</source>
        <translation>Binnenkort doen</translation>
    </message>
    <message>
        <source>Show the {n} checks that were not done</source>
        <translation>De {n} controles tonen die niet zijn gedaan</translation>
    </message>
    <message>
        <source>All {n} checks passed.</source>
        <translation>Alle {n} controles zijn geslaagd.</translation>
    </message>
    <message>
        <source>To check yourself</source>
        <translation>Zelf te controleren</translation>
    </message>
    <message>
        <source>wait until the check is finished</source>
        <translation>wacht tot de controle klaar is</translation>
    </message>
    <message>
        <source>store the login details first (the button above)</source>
        <translation>bewaar eerst de inloggegevens (de knop hierboven)</translation>
    </message>
    <message>
        <source>run the check with &apos;{again}&apos;</source>
        <translation>start de controle met &apos;{again}&apos;</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Rapport opslaan</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Connect AFAS Profit to SmartBooqing</source>
        <translation>AFAS Profit koppelen aan SmartBooqing</translation>
    </message>
    <message>
        <source>This wizard takes you through every step in AFAS and checks at the end that the connection works.</source>
        <translation>Deze wizard leidt u door elke stap in AFAS en controleert aan het eind of de koppeling werkt.</translation>
    </message>
    <message>
        <source>What you need</source>
        <translation>Wat u nodig hebt</translation>
    </message>
    <message>
        <source>SmartBooqing reads your administration from AFAS Profit and books invoices into it. For that, AFAS needs SmartBooqing&apos;s connectors and an app connector with its login details: an OAuth client id and client secret (or, in older AFAS versions, a user token).</source>
        <translation>SmartBooqing leest uw administratie uit AFAS Profit en boekt er facturen in. Daarvoor heeft AFAS de connectoren van SmartBooqing nodig en een app connector met inloggegevens: een OAuth client id en client secret (of, in oudere AFAS-versies, een gebruikerstoken).</translation>
    </message>
    <message>
        <source>&lt;ul&gt;&lt;li&gt;An AFAS Profit user with administrator rights (you create an app connector and its login details).&lt;/li&gt;&lt;li&gt;About 15 minutes.&lt;/li&gt;&lt;li&gt;AFAS Profit open in your browser or the Profit app, next to this window.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;ul&gt;&lt;li&gt;Een AFAS Profit-gebruiker met beheerrechten (u maakt een app connector en de inloggegevens aan).&lt;/li&gt;&lt;li&gt;Ongeveer 15 minuten.&lt;/li&gt;&lt;li&gt;AFAS Profit geopend in uw browser of de Profit-app, naast dit venster.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>T&amp;aal:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>What do you want to do?</source>
        <translation>Wat wilt u doen?</translation>
    </message>
    <message>
        <source>&amp;Set up a new connection (all steps)</source>
        <translation>Een nieuwe koppeling &amp;inrichten (alle stappen)</translation>
    </message>
    <message>
        <source>&amp;Check an existing connection</source>
        <translation>Een bestaande koppeling &amp;controleren</translation>
    </message>
    <message>
        <source>Only the environment, the login details and the check. A connection with a classic token can then move to OAuth.</source>
        <translation>Alleen de omgeving, de inloggegevens en de controle. Een koppeling met een klassiek token kan daarna overstappen op OAuth.</translation>
    </message>
    <message>
        <source>Rene&amp;w the client secret</source>
        <translation>Client secret ver&amp;nieuwen</translation>
    </message>
    <message>
        <source>A new OAuth client secret before the old one expires: made in AFAS, checked, given to SmartBooqing, and the old one revoked.</source>
        <translation>Een nieuw OAuth client secret voordat het oude verloopt: aangemaakt in AFAS, gecontroleerd, aan SmartBooqing gegeven, en het oude ingetrokken.</translation>
    </message>
    <message>
        <source>Continue where you left off</source>
        <translation>Verdergaan waar u was gebleven</translation>
    </message>
    <message>
        <source>Saved o&amp;rganisation:</source>
        <translation>Bewaarde &amp;organisatie:</translation>
    </message>
    <message>
        <source>Saved organisation</source>
        <translation>Bewaarde organisatie</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>Verder&amp;gaan</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>Copy the folder</source>
        <translation>Map kopiëren</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Pad kopiëren</translation>
    </message>
    <message>
        <source>Copy path of {value}</source>
        <translation>Pad van {value} kopiëren</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <source>Copy {value}</source>
        <translation>{value} kopiëren</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Let op</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Waarschuwing</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Copy for {where}</source>
        <translation>Kopiëren voor {where}</translation>
    </message>
    <message>
        <source>Copy {value} for {where}</source>
        <translation>{value} kopiëren voor {where}</translation>
    </message>
    <message>
        <source>Copies {value}; paste it in AFAS at {where}</source>
        <translation>Kopieert {value}; plak het in AFAS bij {where}</translation>
    </message>
</context>
<context>
    <name>WizardWindow</name>
    <message>
        <source>Steps</source>
        <translation>Stappen</translation>
    </message>
    <message>
        <source>current step</source>
        <translation>huidige stap</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>vraagt aandacht</translation>
    </message>
    <message>
        <source>done</source>
        <translation>klaar</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>nog te doen</translation>
    </message>
    <message>
        <source>Open this step</source>
        <translation>Deze stap openen</translation>
    </message>
    <message>
        <source>SmartBooqing AFAS Setup</source>
        <translation>SmartBooqing AFAS-koppeling</translation>
    </message>
    <message>
        <source>DEMO with a simulated AFAS</source>
        <translation>DEMO met een gesimuleerde AFAS</translation>
    </message>
    <message>
        <source>development build</source>
        <translation>ontwikkelversie</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Terug</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Volgende &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Voltooien</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>&amp;Info for the helpdesk</source>
        <translation>Info voor de &amp;helpdesk</translation>
    </message>
    <message>
        <source>&amp;Go to the check</source>
        <translation>Naar de co&amp;ntrole</translation>
    </message>
    <message>
        <source>Version, build and facts to send to the helpdesk</source>
        <translation>Versie, build en gegevens om naar de helpdesk te sturen</translation>
    </message>
    <message>
        <source>The check shows what is still missing</source>
        <translation>De controle laat zien wat nog ontbreekt</translation>
    </message>
    <message>
        <source>DEMO: a simulated AFAS. Your real AFAS is not touched.</source>
        <translation>DEMO: een gesimuleerde AFAS. Uw echte AFAS blijft onaangeroerd.</translation>
    </message>
    <message>
        <source>DEMO: nothing here touches a real AFAS environment. The AFAS steps happen in a simulated AFAS on this computer.</source>
        <translation>DEMO: hier wordt geen echte AFAS-omgeving aangeraakt. De stappen in AFAS gebeuren in een gesimuleerde AFAS op deze computer.</translation>
    </message>
    <message>
        <source>Stop the demo? Nothing of the demo is kept; start it again to see it from the start.</source>
        <translation>De demo stoppen? Van de demo wordt niets bewaard; start hem opnieuw om hem vanaf het begin te zien.</translation>
    </message>
    <message>
        <source>Stop for now? Your progress is kept on this computer (stored login details stay in its safe storage). Start SmartBooqing AFAS Setup again and choose your organisation to continue where you left off.</source>
        <translation>Nu stoppen? Uw voortgang blijft op deze computer bewaard (bewaarde inloggegevens blijven in de beveiligde opslag). Start SmartBooqing AFAS-koppeling opnieuw en kies uw organisatie om verder te gaan waar u was gebleven.</translation>
    </message>
    <message>
        <source>&amp;Stop for now</source>
        <translation>Nu &amp;stoppen</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Doorgaan</translation>
    </message>
</context>
</TS>
