<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AnalyticsWindow</name>
    <message>
        <source>Analytics — LLMProxy</source>
        <translation>Analysen — LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>&amp;Gruppieren nach:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read the spend and the budgets again</source>
        <translation>Ausgaben und Budgets neu lesen</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the table&apos;s rows as a CSV file</source>
        <translation>Die Zeilen der Tabelle als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tabelle</translation>
    </message>
    <message>
        <source>Spend per day and group</source>
        <translation>Ausgaben pro Tag und Gruppe</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>BlocksChart</name>
    <message>
        <source>Blocks per minute over the last hour: %1 in total</source>
        <translation>Blockierungen pro Minute in der letzten Stunde: insgesamt %1</translation>
    </message>
    <message>
        <source>Blocks per minute, last hour</source>
        <translation>Blockierungen pro Minute, letzte Stunde</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Maskiert</translation>
    </message>
    <message>
        <source>Nothing blocked or masked in the last hour</source>
        <translation>In der letzten Stunde wurde nichts blockiert oder maskiert</translation>
    </message>
</context>
<context>
    <name>ConnectToolDialog</name>
    <message>
        <source>Connect a tool — LLMProxy</source>
        <translation>Werkzeug verbinden — LLMProxy</translation>
    </message>
    <message>
        <source>Coding tools</source>
        <translation>Programmierwerkzeuge</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>About this tool</source>
        <translation>Über dieses Werkzeug</translation>
    </message>
    <message>
        <source>Gateway &amp;URL:</source>
        <translation>Gateway-&amp;URL:</translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation>Gateway-URL</translation>
    </message>
    <message>
        <source>Proxy &amp;key:</source>
        <translation>Proxy-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Proxy key</source>
        <translation>Proxy-Schlüssel</translation>
    </message>
    <message>
        <source>About the key</source>
        <translation>Zum Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Settings for the tool</source>
        <translation>Einstellungen für das Werkzeug</translation>
    </message>
    <message>
        <source>The tool&apos;s config file</source>
        <translation>Konfigurationsdatei des Werkzeugs</translation>
    </message>
    <message>
        <source>Config file</source>
        <translation>Konfigurationsdatei</translation>
    </message>
    <message>
        <source>&amp;Write config</source>
        <translation>&amp;Konfiguration schreiben</translation>
    </message>
    <message>
        <source>U&amp;ndo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Result of writing the config file</source>
        <translation>Ergebnis des Schreibens der Konfigurationsdatei</translation>
    </message>
    <message>
        <source>Send a &amp;test request</source>
        <translation>&amp;Testanfrage senden</translation>
    </message>
    <message>
        <source>Result of the test request</source>
        <translation>Ergebnis der Testanfrage</translation>
    </message>
    <message>
        <source>Create a key for this tool</source>
        <translation>Schlüssel für dieses Werkzeug erstellen</translation>
    </message>
    <message>
        <source>Create a client key named after the tool, kept by the gateway as a digest, and put it here</source>
        <translation>Einen nach dem Werkzeug benannten Client-Schlüssel erstellen, den das Gateway nur als Hashwert speichert, und hier einsetzen</translation>
    </message>
</context>
<context>
    <name>DecisionDetail</name>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Maskiert</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 durch %2</translation>
    </message>
    <message>
        <source>What matched</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>No detail recorded.</source>
        <translation>Keine Details aufgezeichnet.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Select a decision to see why it was made.</source>
        <translation>Wählen Sie eine Entscheidung aus, um zu sehen, warum sie getroffen wurde.</translation>
    </message>
</context>
<context>
    <name>DecisionFeed</name>
    <message>
        <source>block</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Decisions of the security guards, newest first</source>
        <translation>Entscheidungen der Sicherheitsfilter, neueste zuerst</translation>
    </message>
    <message>
        <source>mask</source>
        <translation>maskiert</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>markiert</translation>
    </message>
    <message>
        <source>No request was blocked, masked or flagged so far.</source>
        <translation>Bisher wurde keine Anfrage blockiert, maskiert oder markiert.</translation>
    </message>
    <message>
        <source>Nothing has happened yet.
Every block, mask and flag of the security guards appears here as requests come in.</source>
        <translation>Bisher ist nichts passiert.
Jede Blockierung, Maskierung und Markierung der Sicherheitsfilter erscheint hier, sobald Anfragen eintreffen.</translation>
    </message>
</context>
<context>
    <name>EndpointsWindow</name>
    <message>
        <source>Endpoints — LLMProxy</source>
        <translation>Endpunkte — LLMProxy</translation>
    </message>
    <message>
        <source>Add endpoint</source>
        <translation>Endpunkt hinzufügen</translation>
    </message>
    <message>
        <source>Edit endpoint</source>
        <translation>Endpunkt bearbeiten</translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>Endpunkt löschen</translation>
    </message>
    <message>
        <source>Enable or disable endpoint</source>
        <translation>Endpunkt aktivieren oder deaktivieren</translation>
    </message>
    <message>
        <source>Move endpoint up</source>
        <translation>Endpunkt nach oben verschieben</translation>
    </message>
    <message>
        <source>Move endpoint down</source>
        <translation>Endpunkt nach unten verschieben</translation>
    </message>
    <message>
        <source>Test endpoint now</source>
        <translation>Endpunkt jetzt testen</translation>
    </message>
    <message>
        <source>Reset circuit breaker</source>
        <translation>Schutzschalter zurücksetzen</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Selected endpoint</source>
        <translation>Ausgewählter Endpunkt</translation>
    </message>
    <message>
        <source>Endpoint details</source>
        <translation>Details zum Endpunkt</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Letzte Aktion</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>EngineController</name>
    <message>
        <source>No answer in time.</source>
        <translation>Keine rechtzeitige Antwort.</translation>
    </message>
    <message>
        <source>This provider has no list of models.</source>
        <translation>Dieser Anbieter hat keine Modellliste.</translation>
    </message>
    <message>
        <source>A keychain entry name has 1 to 128 letters, digits and -_.:@/.</source>
        <translation>Der Name eines Schlüsselbund-Eintrags besteht aus 1 bis 128 Buchstaben, Ziffern und -_.:@/.</translation>
    </message>
    <message>
        <source>%1 did not take the key.</source>
        <translation>%1 hat den Schlüssel nicht angenommen.</translation>
    </message>
    <message>
        <source>An endpoint named &quot;%1&quot; exists already.</source>
        <translation>Ein Endpunkt namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>There is no endpoint &quot;%1&quot;.</source>
        <translation>Es gibt keinen Endpunkt „%1“.</translation>
    </message>
    <message>
        <source>This endpoint cannot be tested with a chat request.</source>
        <translation>Dieser Endpunkt lässt sich nicht mit einer Chat-Anfrage testen.</translation>
    </message>
</context>
<context>
    <name>FirstRunDonePage</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>LLMProxy routes requests to this endpoint from now on.</source>
        <translation>LLMProxy leitet Anfragen ab jetzt an diesen Endpunkt.</translation>
    </message>
    <message>
        <source>What was configured</source>
        <translation>Was eingerichtet wurde</translation>
    </message>
    <message>
        <source>Give tools this &amp;base URL:</source>
        <translation>Geben Sie Werkzeugen diese &amp;Basis-URL:</translation>
    </message>
    <message>
        <source>Base URL for tools</source>
        <translation>Basis-URL für Werkzeuge</translation>
    </message>
    <message>
        <source>Copy the base URL</source>
        <translation>Basis-URL kopieren</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Connect a coding tool</source>
        <translation>Ein Programmierwerkzeug verbinden</translation>
    </message>
    <message>
        <source>Connect a &amp;tool…</source>
        <translation>&amp;Werkzeug verbinden…</translation>
    </message>
</context>
<context>
    <name>FirstRunKeyPage</name>
    <message>
        <source>Your API key</source>
        <translation>Ihr API-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Paste the key here</source>
        <translation>Schlüssel hier einfügen</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>S&amp;how key</source>
        <translation>Schlüssel an&amp;zeigen</translation>
    </message>
    <message>
        <source>Store the key in the system keychain</source>
        <translation>Schlüssel im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>Keep it in the system &amp;keychain (recommended)</source>
        <translation>Im Schlüssel&amp;bund des Systems aufbewahren (empfohlen)</translation>
    </message>
    <message>
        <source>Entry &amp;name:</source>
        <translation>Eintrags&amp;name:</translation>
    </message>
    <message>
        <source>Keychain entry name</source>
        <translation>Name des Schlüsselbund-Eintrags</translation>
    </message>
    <message>
        <source>Read the key from an environment variable</source>
        <translation>Schlüssel aus einer Umgebungsvariable lesen</translation>
    </message>
    <message>
        <source>Read it from an &amp;environment variable</source>
        <translation>Aus einer &amp;Umgebungsvariable lesen</translation>
    </message>
    <message>
        <source>&amp;Variable:</source>
        <translation>&amp;Variable:</translation>
    </message>
    <message>
        <source>Environment variable name</source>
        <translation>Name der Umgebungsvariable</translation>
    </message>
    <message>
        <source>Key status</source>
        <translation>Schlüsselstatus</translation>
    </message>
</context>
<context>
    <name>Guards</name>
    <message>
        <source>Flood guard</source>
        <translation>Flutschutz</translation>
    </message>
    <message>
        <source>Refuses requests with too many messages, too much text or a repetition flood.</source>
        <translation>Weist Anfragen mit zu vielen Nachrichten, zu viel Text oder einer Flut von Wiederholungen ab.</translation>
    </message>
    <message>
        <source>Request firewall</source>
        <translation>Anfrage-Firewall</translation>
    </message>
    <message>
        <source>Blocks known attack signatures in normalised text and in base64, hex, URL, ROT13 and escaped spans.</source>
        <translation>Blockiert bekannte Angriffssignaturen in normalisiertem Text sowie in Base64-, Hex-, URL-, ROT13- und Escape-kodierten Abschnitten.</translation>
    </message>
    <message>
        <source>Injection scoring</source>
        <translation>Injection-Bewertung</translation>
    </message>
    <message>
        <source>Blocks prompt injection by patterns in 17 languages, structure, similarity to known attacks and a learned classifier.</source>
        <translation>Blockiert Prompt-Injection anhand von Mustern in 17 Sprachen, Struktur, Ähnlichkeit zu bekannten Angriffen und einem trainierten Klassifikator.</translation>
    </message>
    <message>
        <source>Multi-turn trajectory</source>
        <translation>Mehrrunden-Verlauf</translation>
    </message>
    <message>
        <source>Blocks a conversation whose recent user turns together build up an attack.</source>
        <translation>Blockiert ein Gespräch, dessen letzte Benutzerbeiträge zusammen einen Angriff aufbauen.</translation>
    </message>
    <message>
        <source>Threat ledger</source>
        <translation>Bedrohungsregister</translation>
    </message>
    <message>
        <source>Refuses the borderline requests of a key or remote address that keeps sending suspicious ones.</source>
        <translation>Weist grenzwertige Anfragen eines Schlüssels oder einer entfernten Adresse ab, von denen immer wieder verdächtige Anfragen kommen.</translation>
    </message>
    <message>
        <source>PII and secrets</source>
        <translation>PII und Geheimnisse</translation>
    </message>
    <message>
        <source>Masks e-mail addresses, phone numbers, cards, IBANs, SSNs and secrets before a request leaves, and restores them in the answer.</source>
        <translation>Maskiert E-Mail-Adressen, Telefonnummern, Kartennummern, IBANs, SSNs und Geheimnisse, bevor eine Anfrage weitergeht, und stellt sie in der Antwort wieder her.</translation>
    </message>
    <message>
        <source>Response sanitizer</source>
        <translation>Antwortbereinigung</translation>
    </message>
    <message>
        <source>Removes invisible and bidirectional control characters from answers and flags look-alike words.</source>
        <translation>Entfernt unsichtbare und bidirektionale Steuerzeichen aus Antworten und markiert täuschend ähnliche Wörter.</translation>
    </message>
    <message>
        <source>Link sanitizer</source>
        <translation>Link-Bereinigung</translation>
    </message>
    <message>
        <source>Replaces links to blocked domains in answers.</source>
        <translation>Ersetzt Links auf gesperrte Domains in Antworten.</translation>
    </message>
    <message>
        <source>System-prompt leak guard</source>
        <translation>Schutz vor Systemprompt-Lecks</translation>
    </message>
    <message>
        <source>Stops an answer that repeats the operator&apos;s system prompt or its canary token.</source>
        <translation>Stoppt eine Antwort, die den Systemprompt des Betreibers oder dessen Canary-Token wiedergibt.</translation>
    </message>
    <message>
        <source>Response signing</source>
        <translation>Antwortsignatur</translation>
    </message>
    <message>
        <source>Signs every answer with HMAC-SHA256 when LLM_PROXY_SIGNING_KEY is set.</source>
        <translation>Signiert jede Antwort mit HMAC-SHA256, wenn LLM_PROXY_SIGNING_KEY gesetzt ist.</translation>
    </message>
</context>
<context>
    <name>GuardsWindow</name>
    <message>
        <source>Security guards — LLMProxy</source>
        <translation>Sicherheitsfilter — LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Security guards on</source>
        <translation>Sicherheits&amp;filter an</translation>
    </message>
    <message>
        <source>Master switch: every request and response guard at once</source>
        <translation>Hauptschalter: alle Anfrage- und Antwortfilter auf einmal</translation>
    </message>
    <message>
        <source>Security state</source>
        <translation>Sicherheitsstatus</translation>
    </message>
    <message>
        <source>Back to configuration</source>
        <translation>Zurück zur Konfiguration</translation>
    </message>
    <message>
        <source>Requests scanned and scan time</source>
        <translation>Geprüfte Anfragen und Prüfzeit</translation>
    </message>
    <message>
        <source>Switches apply at once. &lt;i&gt;Back to configuration&lt;/i&gt; returns a guard to what the configuration file says.</source>
        <translation>Schalter wirken sofort. &lt;i&gt;Zurück zur Konfiguration&lt;/i&gt; setzt einen Filter auf den Wert aus der Konfigurationsdatei zurück.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>Request history — LLMProxy</source>
        <translation>Anfrageverlauf — LLMProxy</translation>
    </message>
    <message>
        <source>Search request ID, model or error</source>
        <translation>Anfrage-ID, Modell oder Fehler suchen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Only the requests made with the client key of this name</source>
        <translation>Nur die Anfragen, die mit dem Client-Schlüssel dieses Namens gestellt wurden</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Only the requests that asked for or were served by the model of this name</source>
        <translation>Nur die Anfragen, die das Modell dieses Namens angefordert haben oder von ihm bedient wurden</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Load the newest requests again</source>
        <translation>Die neuesten Anfragen erneut laden</translation>
    </message>
    <message>
        <source>Stored requests</source>
        <translation>Gespeicherte Anfragen</translation>
    </message>
    <message>
        <source>Request details</source>
        <translation>Anfragedetails</translation>
    </message>
    <message>
        <source>Select a request to see all it recorded.</source>
        <translation>Wählen Sie eine Anfrage aus, um alles zu sehen, was zu ihr aufgezeichnet wurde.</translation>
    </message>
    <message>
        <source>&amp;Copy request ID</source>
        <translation>Anfrage-ID &amp;kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Mitverfolgen</translation>
    </message>
    <message>
        <source>Show new requests as they are stored, while the table is scrolled to the top</source>
        <translation>Neue Anfragen anzeigen, sobald sie gespeichert sind, solange die Tabelle ganz oben steht</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Listen URL</source>
        <translation>Empfangsadresse</translation>
    </message>
    <message>
        <source>Proxy state</source>
        <translation>Proxy-Status</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>URL &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the base URL to the clipboard</source>
        <translation>Basis-URL in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Ausprobieren</translation>
    </message>
    <message>
        <source>Client configuration example</source>
        <translation>Beispiel für die Client-Konfiguration</translation>
    </message>
    <message>
        <source>Copy e&amp;xample</source>
        <translation>&amp;Beispiel kopieren</translation>
    </message>
    <message>
        <source>Copy the example commands to the clipboard</source>
        <translation>Beispielbefehle in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Setup hint</source>
        <translation>Einrichtungshinweis</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Anfrageprotokoll</translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation>Not-Aus</translation>
    </message>
    <message>
        <source>&lt;b&gt;All traffic is stopped.&lt;/b&gt; The kill switch refuses every inference request with 503 until you resume traffic.</source>
        <translation>&lt;b&gt;Der gesamte Datenverkehr ist gestoppt.&lt;/b&gt; Der Not-Aus beantwortet jede Inferenzanfrage mit 503, bis Sie den Datenverkehr fortsetzen.</translation>
    </message>
    <message>
        <source>Resume &amp;traffic</source>
        <translation>Datenverkehr &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Release the kill switch and serve requests again</source>
        <translation>Not-Aus lösen und Anfragen wieder bedienen</translation>
    </message>
    <message>
        <source>Double-click a request to see it in the request history</source>
        <translation>Doppelklicken Sie auf eine Anfrage, um sie im Anfrageverlauf zu sehen</translation>
    </message>
    <message>
        <source>Search the &amp;history…</source>
        <translation>&amp;Verlauf durchsuchen…</translation>
    </message>
    <message>
        <source>Every stored request, with filters, search and details</source>
        <translation>Alle gespeicherten Anfragen, mit Filtern, Suche und Details</translation>
    </message>
</context>
<context>
    <name>ModelsWindow</name>
    <message>
        <source>Models and routing — LLMProxy</source>
        <translation>Modelle und Routing — LLMProxy</translation>
    </message>
    <message>
        <source>Changes made here apply at once and are kept in the data directory across restarts. The configuration file is not rewritten: its aliases and chains come back with “Revert all changes made here”.</source>
        <translation>Änderungen hier wirken sofort und bleiben über Neustarts hinweg im Datenverzeichnis erhalten. Die Konfigurationsdatei wird nicht umgeschrieben: Deren Aliase und Ketten kehren mit „Alle hier vorgenommenen Änderungen zurücksetzen“ zurück.</translation>
    </message>
    <message>
        <source>About changes</source>
        <translation>Über Änderungen</translation>
    </message>
    <message>
        <source>Models and routing</source>
        <translation>Modelle und Routing</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelle</translation>
    </message>
    <message>
        <source>Every model the enabled endpoints serve, the aliases that name it and its fallback chain.</source>
        <translation>Jedes Modell, das die aktivierten Endpunkte bereitstellen, die Aliase, die es benennen, und seine Fallback-Kette.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Every model served, with its endpoints, aliases and fallback chain</source>
        <translation>Jedes bereitgestellte Modell mit seinen Endpunkten, Aliasen und seiner Fallback-Kette</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>Bereitgestellt von</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliase</translation>
    </message>
    <message>
        <source>Fallback chain</source>
        <translation>Fallback-Kette</translation>
    </message>
    <message>
        <source>A&amp;liases</source>
        <translation>A&amp;liase</translation>
    </message>
    <message>
        <source>A request for an alias is served by its target model. An alias name may be a pattern such as claude-* .</source>
        <translation>Eine Anfrage für einen Alias wird von seinem Zielmodell bedient. Ein Aliasname kann ein Muster sein, etwa claude-* .</translation>
    </message>
    <message>
        <source>Alias name or pattern, target model and where the alias comes from</source>
        <translation>Aliasname oder Muster, Zielmodell und Herkunft des Alias</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Add alias</source>
        <translation>Alias hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the selected alias</source>
        <translation>Ausgewählten Alias bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected alias</source>
        <translation>Ausgewählten Alias entfernen</translation>
    </message>
    <message>
        <source>&amp;Fallback chains</source>
        <translation>&amp;Fallback-Ketten</translation>
    </message>
    <message>
        <source>When every endpoint of a model fails, its fallback chain is tried hop by hop.</source>
        <translation>Wenn alle Endpunkte eines Modells ausfallen, wird seine Fallback-Kette Stufe für Stufe versucht.</translation>
    </message>
    <message>
        <source>Fallback chains</source>
        <translation>Fallback-Ketten</translation>
    </message>
    <message>
        <source>Model, the hops tried when it fails and where the chain comes from</source>
        <translation>Modell, die bei einem Ausfall versuchten Stufen und Herkunft der Kette</translation>
    </message>
    <message>
        <source>Add fallback chain</source>
        <translation>Fallback-Kette hinzufügen</translation>
    </message>
    <message>
        <source>Edit the selected fallback chain</source>
        <translation>Ausgewählte Fallback-Kette bearbeiten</translation>
    </message>
    <message>
        <source>Remove the selected fallback chain</source>
        <translation>Ausgewählte Fallback-Kette entfernen</translation>
    </message>
    <message>
        <source>Route &amp;overrides</source>
        <translation>Routing-&amp;Vorgaben</translation>
    </message>
    <message>
        <source>Send every request of a kind of tool to one model, whatever model it asks for. A client key restricted to other models is never moved, and an override whose model nothing serves is passed over.</source>
        <translation>Jede Anfrage einer Art von Werkzeug an ein bestimmtes Modell senden, egal welches Modell sie anfordert. Ein Client-Schlüssel, der auf andere Modelle beschränkt ist, wird nie umgeleitet, und eine Vorgabe, deren Modell von keinem Endpunkt bereitgestellt wird, wird übergangen.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Claude Code (Messages API):</source>
        <translation>Claude Code (Messages API):</translation>
    </message>
    <message>
        <source>Claude Code: model</source>
        <translation>Claude Code: Modell</translation>
    </message>
    <message>
        <source>As requested, or the model every request of these tools is served by</source>
        <translation>Wie angefordert, oder das Modell, das jede Anfrage dieser Werkzeuge bedient</translation>
    </message>
    <message>
        <source>Claude Code: endpoint</source>
        <translation>Claude Code: Endpunkt</translation>
    </message>
    <message>
        <source>Try this endpoint first, or let the model&apos;s own routing choose</source>
        <translation>Diesen Endpunkt zuerst versuchen oder das Routing des Modells selbst wählen lassen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Claude Code: apply</source>
        <translation>Claude Code: übernehmen</translation>
    </message>
    <message>
        <source>Codex (Responses API):</source>
        <translation>Codex (Responses API):</translation>
    </message>
    <message>
        <source>Codex: model</source>
        <translation>Codex: Modell</translation>
    </message>
    <message>
        <source>Codex: endpoint</source>
        <translation>Codex: Endpunkt</translation>
    </message>
    <message>
        <source>Codex: apply</source>
        <translation>Codex: übernehmen</translation>
    </message>
    <message>
        <source>Other tools (Chat Completions):</source>
        <translation>Andere Werkzeuge (Chat Completions):</translation>
    </message>
    <message>
        <source>Other tools: model</source>
        <translation>Andere Werkzeuge: Modell</translation>
    </message>
    <message>
        <source>Other tools: endpoint</source>
        <translation>Andere Werkzeuge: Endpunkt</translation>
    </message>
    <message>
        <source>Other tools: apply</source>
        <translation>Andere Werkzeuge: übernehmen</translation>
    </message>
    <message>
        <source>Route override result</source>
        <translation>Ergebnis der Routing-Vorgabe</translation>
    </message>
    <message>
        <source>Result of the last change</source>
        <translation>Ergebnis der letzten Änderung</translation>
    </message>
    <message>
        <source>Re&amp;vert all changes made here</source>
        <translation>Alle hier vorgenommenen Änderungen &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Revert all changes made here</source>
        <translation>Alle hier vorgenommenen Änderungen zurücksetzen</translation>
    </message>
    <message>
        <source>Drop every alias, fallback chain and route override changed here: the configuration file applies again</source>
        <translation>Alle hier geänderten Aliase, Fallback-Ketten und Routing-Vorgaben verwerfen: Die Konfigurationsdatei gilt wieder</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>PlaygroundWindow</name>
    <message>
        <source>Playground — LLMProxy</source>
        <translation>Playground — LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>A model the gateway offers, or any model name or alias to try</source>
        <translation>Ein Modell, das das Gateway anbietet, oder ein beliebiger Modellname oder Alias zum Ausprobieren</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Re&amp;fresh models</source>
        <translation>Modelle &amp;aktualisieren</translation>
    </message>
    <message>
        <source>Ask the gateway again which models it offers</source>
        <translation>Das Gateway erneut nach seinen Modellen fragen</translation>
    </message>
    <message>
        <source>Refresh models</source>
        <translation>Modelle aktualisieren</translation>
    </message>
    <message>
        <source>Model list status</source>
        <translation>Status der Modellliste</translation>
    </message>
    <message>
        <source>Gateway &amp;key:</source>
        <translation>Gateway-Schl&amp;üssel:</translation>
    </message>
    <message>
        <source>The gateway requires a client key: paste one of yours (kept only while this window is open)</source>
        <translation>Das Gateway verlangt einen Client-Schlüssel: Fügen Sie einen Ihrer Schlüssel ein (nur gespeichert, solange dieses Fenster offen ist)</translation>
    </message>
    <message>
        <source>Gateway key</source>
        <translation>Gateway-Schlüssel</translation>
    </message>
    <message>
        <source>S&amp;ystem prompt:</source>
        <translation>S&amp;ystemprompt:</translation>
    </message>
    <message>
        <source>Optional instructions sent as the system message</source>
        <translation>Optionale Anweisungen, als Systemnachricht gesendet</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>The prompts sent in this window and the answers, with the route, tokens, cost and security decisions of each</source>
        <translation>Die in diesem Fenster gesendeten Prompts und die Antworten, jeweils mit Route, Tokens, Kosten und Sicherheitsentscheidungen</translation>
    </message>
    <message>
        <source>&amp;Prompt (Ctrl+Enter sends):</source>
        <translation>&amp;Prompt (Strg+Eingabe sendet):</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Request status</source>
        <translation>Anfragestatus</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Forget the exchanges shown above</source>
        <translation>Den oben gezeigten Verlauf verwerfen</translation>
    </message>
    <message>
        <source>Clear conversation</source>
        <translation>Unterhaltung leeren</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;topp</translation>
    </message>
    <message>
        <source>Stop the answer now (the gateway cancels the upstream request)</source>
        <translation>Antwort jetzt abbrechen (das Gateway bricht die Upstream-Anfrage ab)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send the prompt through the gateway (Ctrl+Enter)</source>
        <translation>Prompt über das Gateway senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>Settings — LLMProxy</source>
        <translation>Einstellungen — LLMProxy</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Start bei Anmeldung</translation>
    </message>
    <message>
        <source>Logging and data</source>
        <translation>Protokoll und Daten</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>Konfigurationsdatei</translation>
    </message>
    <message>
        <source>Settings page</source>
        <translation>Einstellungsseite</translation>
    </message>
    <message>
        <source>Listening now</source>
        <translation>Derzeit empfangsbereit</translation>
    </message>
    <message>
        <source>&amp;Allow other machines on the local network</source>
        <translation>Andere Rechner im lokalen Netz &amp;zulassen</translation>
    </message>
    <message>
        <source>Allow other machines on the local network</source>
        <translation>Andere Rechner im lokalen Netz zulassen</translation>
    </message>
    <message>
        <source>Listen on every network interface instead of this computer only</source>
        <translation>Auf allen Netzwerkschnittstellen empfangen statt nur auf diesem Rechner</translation>
    </message>
    <message>
        <source>Listen &amp;address:</source>
        <translation>Empfangs&amp;adresse:</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Empfangsadresse</translation>
    </message>
    <message>
        <source>An IP address of this computer: 0.0.0.0 is every IPv4 interface, :: every IPv6 one</source>
        <translation>Eine IP-Adresse dieses Rechners: 0.0.0.0 steht für alle IPv4-Schnittstellen, :: für alle IPv6-Schnittstellen</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>About the local network</source>
        <translation>Zum lokalen Netzwerk</translation>
    </message>
    <message>
        <source>Server settings status</source>
        <translation>Status der Servereinstellungen</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>Über&amp;nehmen</translation>
    </message>
    <message>
        <source>Apply server settings</source>
        <translation>Servereinstellungen übernehmen</translation>
    </message>
    <message>
        <source>Write the listen address and port into the configuration file and reload it</source>
        <translation>Empfangsadresse und Port in die Konfigurationsdatei schreiben und sie neu laden</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Undo server changes</source>
        <translation>Serveränderungen verwerfen</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>System follows the desktop, also when it switches between light and dark while LLMProxy runs. Light and Dark use the same colours on every desktop.</source>
        <translation>„System“ folgt der Arbeitsumgebung, auch wenn sie während der Laufzeit von LLMProxy zwischen hell und dunkel wechselt. „Hell“ und „Dunkel“ verwenden in jeder Arbeitsumgebung dieselben Farben.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The windows change language at once. Log messages and the configuration file stay in English.</source>
        <translation>Die Fenster wechseln sofort die Sprache. Protokollmeldungen und die Konfigurationsdatei bleiben auf Englisch.</translation>
    </message>
    <message>
        <source>&amp;Start LLMProxy when I log in</source>
        <translation>LLMProxy bei der Anmeldung &amp;starten</translation>
    </message>
    <message>
        <source>Start LLMProxy when I log in</source>
        <translation>LLMProxy bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Where the login entry is kept</source>
        <translation>Ort des Anmeldeeintrags</translation>
    </message>
    <message>
        <source>Start at login status</source>
        <translation>Status des Starts bei Anmeldung</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Protokollierung</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Stufe:</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Protokollstufe</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Log format</source>
        <translation>Protokollformat</translation>
    </message>
    <message>
        <source>Include request and response &amp;bodies</source>
        <translation>Anfrage- und Antwort&amp;inhalte aufnehmen</translation>
    </message>
    <message>
        <source>Include request and response bodies</source>
        <translation>Anfrage- und Antwortinhalte aufnehmen</translation>
    </message>
    <message>
        <source>Prompts and answers appear in the log; API keys are always redacted</source>
        <translation>Prompts und Antworten erscheinen im Protokoll; API-Schlüssel werden immer unkenntlich gemacht</translation>
    </message>
    <message>
        <source>Where the log goes</source>
        <translation>Ziel des Protokolls</translation>
    </message>
    <message>
        <source>Logging settings status</source>
        <translation>Status der Protokolleinstellungen</translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>Apply logging settings</source>
        <translation>Protokolleinstellungen übernehmen</translation>
    </message>
    <message>
        <source>Write the logging settings into the configuration file and reload it</source>
        <translation>Protokolleinstellungen in die Konfigurationsdatei schreiben und sie neu laden</translation>
    </message>
    <message>
        <source>U&amp;ndo changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Undo logging changes</source>
        <translation>Protokolländerungen verwerfen</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Datenverzeichnis</translation>
    </message>
    <message>
        <source>Endpoints added in the window (registry.json), the guard switches (features.json) and today&apos;s spend (budget.json) are kept here.</source>
        <translation>Hier liegen die im Fenster hinzugefügten Endpunkte (registry.json), die Filterschalter (features.json) und die heutigen Ausgaben (budget.json).</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>Open the data directory</source>
        <translation>Datenverzeichnis öffnen</translation>
    </message>
    <message>
        <source>Configuration text</source>
        <translation>Konfigurationstext</translation>
    </message>
    <message>
        <source>Problems in the configuration</source>
        <translation>Probleme in der Konfiguration</translation>
    </message>
    <message>
        <source>Choose a problem to go to its line</source>
        <translation>Wählen Sie ein Problem, um zu seiner Zeile zu springen</translation>
    </message>
    <message>
        <source>Configuration status</source>
        <translation>Konfigurationsstatus</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Validate the configuration text</source>
        <translation>Konfigurationstext prüfen</translation>
    </message>
    <message>
        <source>Check the text as LLMProxy would load it, without saving</source>
        <translation>Den Text so prüfen, wie LLMProxy ihn laden würde, ohne zu speichern</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>Apply the configuration text</source>
        <translation>Konfigurationstext übernehmen</translation>
    </message>
    <message>
        <source>Save the text (the previous file is kept as a backup) and reload it</source>
        <translation>Text speichern (die bisherige Datei bleibt als Sicherung erhalten) und neu laden</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Revert to the file</source>
        <translation>Auf die Datei zurücksetzen</translation>
    </message>
    <message>
        <source>Put the file&apos;s text back into the editor</source>
        <translation>Den Text der Datei wieder in den Editor laden</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>Einstellungen schließen</translation>
    </message>
    <message>
        <source>Client keys</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Clients send one of these keys to use the proxy. Keys created here are kept only as a digest: a key is shown once, when it is created. Keys from the configuration file are changed there.</source>
        <translation>Clients senden einen dieser Schlüssel, um den Proxy zu nutzen. Hier erstellte Schlüssel werden nur als Hashwert gespeichert: Ein Schlüssel wird nur einmal angezeigt, wenn er erstellt wird. Schlüssel aus der Konfigurationsdatei werden dort geändert.</translation>
    </message>
    <message>
        <source>About client keys</source>
        <translation>Zu Client-Schlüsseln</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Starts with</source>
        <translation>Beginnt mit</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Client keys status</source>
        <translation>Status der Client-Schlüssel</translation>
    </message>
    <message>
        <source>The key just created</source>
        <translation>Der soeben erstellte Schlüssel</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the key just created</source>
        <translation>Den soeben erstellten Schlüssel kopieren</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>New key name</source>
        <translation>Name des neuen Schlüssels</translation>
    </message>
    <message>
        <source>e.g. laptop or claude-code</source>
        <translation>z. B. laptop oder claude-code</translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation>Schlüssel &amp;erstellen</translation>
    </message>
    <message>
        <source>Create a client key</source>
        <translation>Einen Client-Schlüssel erstellen</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Revoke the selected key</source>
        <translation>Den ausgewählten Schlüssel widerrufen</translation>
    </message>
</context>
<context>
    <name>ThreatsView</name>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>The security guards are switched off: requests reach the providers unchecked. Switch them on in the Guards window.</source>
        <translation>Die Sicherheitsfilter sind ausgeschaltet: Anfragen erreichen die Anbieter ungeprüft. Schalten Sie sie im Fenster „Sicherheitsfilter“ ein.</translation>
    </message>
    <message>
        <source>Requests scanned</source>
        <translation>Geprüfte Anfragen</translation>
    </message>
    <message>
        <source>since start</source>
        <translation>seit dem Start</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>%1 % of scanned</source>
        <translation>%1 % der geprüften</translation>
    </message>
    <message>
        <source>refused before the provider</source>
        <translation>vor dem Anbieter abgewiesen</translation>
    </message>
    <message>
        <source>PII and secrets masked</source>
        <translation>Maskierte PII und Geheimnisse</translation>
    </message>
    <message>
        <source>restored in the answers</source>
        <translation>in den Antworten wiederhergestellt</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>suspicious, let through</source>
        <translation>verdächtig, durchgelassen</translation>
    </message>
    <message>
        <source>Scan time (median)</source>
        <translation>Prüfzeit (Median)</translation>
    </message>
    <message>
        <source>p95 %1 · p99 %2</source>
        <translation>p95 %1 · p99 %2</translation>
    </message>
    <message>
        <source>per request, once one is scanned</source>
        <translation>pro Anfrage, sobald eine geprüft wurde</translation>
    </message>
    <message>
        <source>By layer</source>
        <translation>Nach Ebene</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Maskiert</translation>
    </message>
</context>
<context>
    <name>llmproxy::AliasDialog</name>
    <message>
        <source>Add alias</source>
        <translation>Alias hinzufügen</translation>
    </message>
    <message>
        <source>Edit alias</source>
        <translation>Alias bearbeiten</translation>
    </message>
    <message>
        <source>Alias name or pattern</source>
        <translation>Aliasname oder Muster</translation>
    </message>
    <message>
        <source>e.g. fast or claude-*</source>
        <translation>z. B. fast oder claude-*</translation>
    </message>
    <message>
        <source>Target model</source>
        <translation>Zielmodell</translation>
    </message>
    <message>
        <source>Why the alias was not set</source>
        <translation>Warum der Alias nicht gesetzt wurde</translation>
    </message>
    <message>
        <source>&amp;Name or pattern:</source>
        <translation>&amp;Name oder Muster:</translation>
    </message>
    <message>
        <source>&amp;Target model:</source>
        <translation>&amp;Zielmodell:</translation>
    </message>
    <message>
        <source>A request for this name (or any name the pattern matches) is served by the target model. The target must be a model name, not a pattern.</source>
        <translation>Eine Anfrage für diesen Namen (oder jeden Namen, auf den das Muster passt) wird vom Zielmodell bedient. Das Ziel muss ein Modellname sein, kein Muster.</translation>
    </message>
    <message>
        <source>Not set: %1</source>
        <translation>Nicht gesetzt: %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::AnalyticsWindow</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>&amp;Spend per day</source>
        <translation>&amp;Ausgaben pro Tag</translation>
    </message>
    <message>
        <source>T&amp;okens per day</source>
        <translation>T&amp;okens pro Tag</translation>
    </message>
    <message>
        <source>Cost per re&amp;quest</source>
        <translation>Kosten pro An&amp;frage</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Eingabe-Tokens</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>Average cost per request (USD)</source>
        <translation>Durchschnittliche Kosten pro Anfrage (USD)</translation>
    </message>
    <message>
        <source>Cost per request</source>
        <translation>Kosten pro Anfrage</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <source>Estimated (USD)</source>
        <translation>Geschätzt (USD)</translation>
    </message>
    <message>
        <source>Total: $%1 · %2 requests · %3 tokens in · %4 tokens out · %5 per request</source>
        <translation>Gesamt: $%1 · %2 Anfragen · %3 Eingabe-Tokens · %4 Ausgabe-Tokens · %5 pro Anfrage</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No spend recorded from %1 to %2.</source>
        <translation>Von %1 bis %2 wurden keine Ausgaben erfasst.</translation>
    </message>
    <message>
        <source>Spend from %1 to %2, days of %3 · updated %4</source>
        <translation>Ausgaben von %1 bis %2, Tage in %3 · aktualisiert %4</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export spend as CSV</source>
        <translation>Ausgaben als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Spend per month (USD) · %1</source>
        <translation>Ausgaben pro Monat (USD) · %1</translation>
    </message>
    <message>
        <source>Spend per day (USD) · %1</source>
        <translation>Ausgaben pro Tag (USD) · %1</translation>
    </message>
    <message>
        <source>Tokens per month</source>
        <translation>Tokens pro Monat</translation>
    </message>
    <message>
        <source>Tokens per day</source>
        <translation>Tokens pro Tag</translation>
    </message>
</context>
<context>
    <name>llmproxy::Autostart</name>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>Der Ordner für %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot change %1.</source>
        <translation>%1 kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>%1 kann nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>llmproxy::BudgetGaugeBar</name>
    <message>
        <source>Global daily budget</source>
        <translation>Globales Tagesbudget</translation>
    </message>
    <message>
        <source>%1 spent of %2</source>
        <translation>%1 von %2 ausgegeben</translation>
    </message>
    <message>
        <source>%1 spent, no limit</source>
        <translation>%1 ausgegeben, kein Limit</translation>
    </message>
    <message>
        <source>%1 reserved</source>
        <translation>%1 reserviert</translation>
    </message>
    <message>
        <source>warns at %1</source>
        <translation>Warnung ab %1</translation>
    </message>
    <message>
        <source>resets %1 (%2)</source>
        <translation>wird zurückgesetzt am %1 (%2)</translation>
    </message>
    <message>
        <source>Key “%1”, this month</source>
        <translation>Schlüssel „%1“, diesen Monat</translation>
    </message>
    <message>
        <source>Key “%1”, today</source>
        <translation>Schlüssel „%1“, heute</translation>
    </message>
    <message>
        <source>Team “%1”, this month</source>
        <translation>Team „%1“, diesen Monat</translation>
    </message>
    <message>
        <source>Team “%1”, today</source>
        <translation>Team „%1“, heute</translation>
    </message>
    <message>
        <source>all gateways, as of %1</source>
        <translation>alle Gateways, Stand %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::CommandPalette</name>
    <message>
        <source>No command matches.</source>
        <translation>Kein Befehl passt.</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>Befehl eingeben…</translation>
    </message>
    <message>
        <source>Filter commands</source>
        <translation>Befehle filtern</translation>
    </message>
    <message>
        <source>Type part of a command&apos;s name; Up and Down choose, Enter runs it, Escape closes.</source>
        <translation>Geben Sie einen Teil des Befehlsnamens ein; Auf und Ab wählen, Eingabe führt aus, Esc schließt.</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>%1 (on)</source>
        <translation>%1 (an)</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (aus)</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::ConnectToolDialog</name>
    <message>
        <source>Write config</source>
        <translation>Konfiguration schreiben</translation>
    </message>
    <message>
        <source>Undo the config change</source>
        <translation>Konfigurationsänderung rückgängig machen</translation>
    </message>
    <message>
        <source>Send a test request</source>
        <translation>Testanfrage senden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>the key the tool sends</source>
        <translation>der Schlüssel, den das Werkzeug sendet</translation>
    </message>
    <message>
        <source>a model the gateway serves</source>
        <translation>ein Modell, das das Gateway bedient</translation>
    </message>
    <message>
        <source>This gateway asks for a proxy key: enter one of its keys (LLM_PROXY_API_KEYS or a named client key).</source>
        <translation>Dieses Gateway verlangt einen Proxy-Schlüssel: Geben Sie einen seiner Schlüssel ein (LLM_PROXY_API_KEYS oder einen benannten Client-Schlüssel).</translation>
    </message>
    <message>
        <source>This gateway asks for no key; tools that insist on one get “%1”.</source>
        <translation>Dieses Gateway verlangt keinen Schlüssel; Werkzeuge, die auf einem bestehen, erhalten „%1“.</translation>
    </message>
    <message>
        <source>Claude Code speaks the Anthropic Messages API at the root URL. Name a model here, or map the Claude model names it asks for with model_aliases.</source>
        <translation>Claude Code spricht die Anthropic Messages API unter der Stamm-URL. Geben Sie hier ein Modell an oder bilden Sie die angefragten Claude-Modellnamen mit model_aliases ab.</translation>
    </message>
    <message>
        <source>Codex speaks the OpenAI Responses API; LLMProxy becomes its model provider “llmproxy”. Codex Desktop signed in with ChatGPT ignores it.</source>
        <translation>Codex spricht die OpenAI Responses API; LLMProxy wird sein Modellanbieter „llmproxy“. Codex Desktop ignoriert ihn, wenn es mit ChatGPT angemeldet ist.</translation>
    </message>
    <message>
        <source>Cursor sends requests from its own servers: the gateway must be reachable from the internet (a tunnel or a public address, with proxy keys set). Enter that public URL above.</source>
        <translation>Cursor sendet Anfragen von seinen eigenen Servern: Das Gateway muss aus dem Internet erreichbar sein (über einen Tunnel oder eine öffentliche Adresse, mit gesetzten Proxy-Schlüsseln). Geben Sie diese öffentliche URL oben ein.</translation>
    </message>
    <message>
        <source>Adds a model named “LLMProxy” to Continue&apos;s models; Continue reloads the file when it changes.</source>
        <translation>Fügt den Modellen von Continue ein Modell namens „LLMProxy“ hinzu; Continue lädt die Datei bei Änderungen neu.</translation>
    </message>
    <message>
        <source>The openai/ prefix tells Aider to use the OpenAI API; the model after it is what LLMProxy routes.</source>
        <translation>Das Präfix openai/ weist Aider an, die OpenAI API zu verwenden; das Modell danach ist das, was LLMProxy weiterleitet.</translation>
    </message>
    <message>
        <source>In Cline&apos;s settings choose the API provider “OpenAI Compatible”.</source>
        <translation>Wählen Sie in den Einstellungen von Cline den API-Anbieter „OpenAI Compatible“.</translation>
    </message>
    <message>
        <source>Zed does not discover models for this provider: the models listed here are written. Zed asks for the key in its Agent panel, or takes it from LLMPROXY_API_KEY.</source>
        <translation>Zed erkennt für diesen Anbieter keine Modelle: Die hier aufgeführten Modelle werden eingetragen. Zed fragt im Agent-Panel nach dem Schlüssel oder liest ihn aus LLMPROXY_API_KEY.</translation>
    </message>
    <message>
        <source>VS Code&apos;s Custom Endpoint provider: chat and agent go through LLMProxy, completions stay with GitHub.</source>
        <translation>Anbieter „Custom Endpoint“ von VS Code: Chat und Agent laufen über LLMProxy, Vervollständigungen bleiben bei GitHub.</translation>
    </message>
    <message>
        <source>In %1 (Write config merges this into the file):</source>
        <translation>In %1 (wird mit „Konfiguration schreiben“ eingetragen):</translation>
    </message>
    <message>
        <source>Or from a shell:</source>
        <translation>Oder in einer Shell:</translation>
    </message>
    <message>
        <source>Then run:</source>
        <translation>Dann ausführen:</translation>
    </message>
    <message>
        <source>In the tool&apos;s settings:</source>
        <translation>In den Einstellungen des Werkzeugs:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy: %1</source>
        <translation>Kopieren: %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>%1 keeps these settings itself: copy them into it.</source>
        <translation>%1 verwaltet diese Einstellungen selbst: Kopieren Sie sie hinein.</translation>
    </message>
    <message>
        <source>Choose a model first: %1 needs one.</source>
        <translation>Wählen Sie zuerst ein Modell: %1 braucht eines.</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>Nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>%1 already has these settings; nothing was written.</source>
        <translation>%1 hat diese Einstellungen bereits; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>%1 angelegt.</translation>
    </message>
    <message>
        <source>Changed %1; the previous file is saved as %2.</source>
        <translation>%1 geändert; die bisherige Datei ist als %2 gesichert.</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(entfernt)</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Not undone: %1</source>
        <translation>Nicht rückgängig gemacht: %1</translation>
    </message>
    <message>
        <source>Removed %1, which LLMProxy had created.</source>
        <translation>%1 entfernt, das LLMProxy angelegt hatte.</translation>
    </message>
    <message>
        <source>Restored %1 as it was before.</source>
        <translation>%1 im vorherigen Zustand wiederhergestellt.</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Wählen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>The gateway URL is not a valid http:// or https:// address.</source>
        <translation>Die Gateway-URL ist keine gültige http://- oder https://-Adresse.</translation>
    </message>
    <message>
        <source>Sending POST %1 as %2 would…</source>
        <translation>POST %1 wird so gesendet, wie %2 es täte…</translation>
    </message>
    <message>
        <source>No answer from %1: %2</source>
        <translation>Keine Antwort von %1: %2</translation>
    </message>
    <message>
        <source>HTTP %1 — it works. The model answered: “%2”</source>
        <translation>HTTP %1 — es funktioniert. Das Modell antwortete: „%2“</translation>
    </message>
    <message>
        <source>HTTP %1 — %2</source>
        <translation>HTTP %1 — %2</translation>
    </message>
    <message>
        <source>Require keys from every client?</source>
        <translation>Schlüssel von allen Clients verlangen?</translation>
    </message>
    <message>
        <source>This gateway asks for no key today. Once a key exists, every client must send one: tools set up without a key stop working until they get one (create one for each, or add it to their configuration).

Create the key for %1?</source>
        <translation>Dieses Gateway verlangt derzeit keinen Schlüssel. Sobald ein Schlüssel existiert, muss jeder Client einen senden: Werkzeuge, die ohne Schlüssel eingerichtet wurden, funktionieren nicht mehr, bis sie einen erhalten (erstellen Sie für jedes einen oder tragen Sie ihn in deren Konfiguration ein).

Schlüssel für %1 erstellen?</translation>
    </message>
    <message>
        <source>Created the client key “%1”. It is shown only now: the gateway keeps a digest. Write config puts it into the tool&apos;s configuration.</source>
        <translation>Client-Schlüssel „%1“ erstellt. Er wird nur jetzt angezeigt: Das Gateway speichert nur einen Hashwert. „Konfiguration schreiben“ trägt ihn in die Konfiguration des Werkzeugs ein.</translation>
    </message>
</context>
<context>
    <name>llmproxy::DesktopShell</name>
    <message>
        <source>LLMProxy keeps running in the system tray. Choose Quit in its menu to stop it.</source>
        <translation>LLMProxy läuft im Infobereich der Kontrollleiste weiter. Wählen Sie dort im Menü „Beenden“, um es zu stoppen.</translation>
    </message>
    <message>
        <source>&amp;Open LLMProxy</source>
        <translation>LLMProxy ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Pause proxy</source>
        <translation>Proxy &amp;pausieren</translation>
    </message>
    <message>
        <source>Answer inference requests with 503 until resumed</source>
        <translation>Inferenzanfragen bis zur Fortsetzung mit 503 beantworten</translation>
    </message>
    <message>
        <source>&amp;Reload configuration</source>
        <translation>Konfiguration &amp;neu laden</translation>
    </message>
    <message>
        <source>&amp;Copy base URL</source>
        <translation>Basis-URL &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About LLMProxy</source>
        <translation>&amp;Über LLMProxy</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard.</source>
        <translation>%1 in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>About LLMProxy</source>
        <translation>Über LLMProxy</translation>
    </message>
    <message>
        <source>&lt;b&gt;LLMProxy %1&lt;/b&gt;&lt;p&gt;A security gateway for LLM traffic: one OpenAI-compatible endpoint in front of local and hosted models.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;b&gt;LLMProxy %1&lt;/b&gt;&lt;p&gt;Ein Sicherheits-Gateway für LLM-Datenverkehr: ein OpenAI-kompatibler Endpunkt vor lokalen und gehosteten Modellen.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder neuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Stop all traffic</source>
        <translation>Gesamten Datenverkehr &amp;stoppen</translation>
    </message>
    <message>
        <source>Kill switch: refuse every inference request at once, until you release it</source>
        <translation>Not-Aus: jede Inferenzanfrage sofort ablehnen, bis Sie ihn lösen</translation>
    </message>
    <message>
        <source>Open &amp;configuration file</source>
        <translation>&amp;Konfigurationsdatei öffnen</translation>
    </message>
    <message>
        <source>Edit the configuration file; Reload configuration applies it</source>
        <translation>Konfigurationsdatei bearbeiten; „Konfiguration neu laden“ wendet sie an</translation>
    </message>
    <message>
        <source>No configuration file is in use; start LLMProxy with --config FILE.</source>
        <translation>Es wird keine Konfigurationsdatei verwendet; starten Sie LLMProxy mit --config DATEI.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>No application opens %1; edit it with any text editor.</source>
        <translation>Keine Anwendung öffnet %1; bearbeiten Sie die Datei mit einem beliebigen Texteditor.</translation>
    </message>
    <message>
        <source>Opened %1. Save it, then choose Reload configuration to apply it.</source>
        <translation>%1 geöffnet. Speichern Sie die Datei und wählen Sie dann „Konfiguration neu laden“, um sie anzuwenden.</translation>
    </message>
    <message>
        <source>&amp;Threats</source>
        <translation>&amp;Bedrohungen</translation>
    </message>
    <message>
        <source>What the security guards blocked, masked and flagged, and why</source>
        <translation>Was die Sicherheitsfilter blockiert, maskiert und markiert haben, und warum</translation>
    </message>
    <message>
        <source>Security &amp;guards</source>
        <translation>Sicherheits&amp;filter</translation>
    </message>
    <message>
        <source>Switch the security guards on or off</source>
        <translation>Sicherheitsfilter ein- oder ausschalten</translation>
    </message>
    <message>
        <source>Connect a &amp;tool…</source>
        <translation>&amp;Werkzeug verbinden…</translation>
    </message>
    <message>
        <source>Point Claude Code, Codex, Cursor, Continue, Aider, Cline, Zed or Copilot at LLMProxy</source>
        <translation>Claude Code, Codex, Cursor, Continue, Aider, Cline, Zed oder Copilot auf LLMProxy einrichten</translation>
    </message>
    <message>
        <source>P&amp;layground</source>
        <translation>P&amp;layground</translation>
    </message>
    <message>
        <source>Send a prompt through the gateway and see the route, tokens, cost and security decisions</source>
        <translation>Einen Prompt über das Gateway senden und Route, Tokens, Kosten und Sicherheitsentscheidungen sehen</translation>
    </message>
    <message>
        <source>Command &amp;palette…</source>
        <translation>&amp;Befehlspalette…</translation>
    </message>
    <message>
        <source>Find and run any command by typing part of its name</source>
        <translation>Jeden Befehl finden und ausführen, indem Sie einen Teil seines Namens eingeben</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;All endpoints…</source>
        <translation>&amp;Alle Endpunkte…</translation>
    </message>
    <message>
        <source>Add, edit, reorder, test and switch endpoints, and see each one&apos;s statistics</source>
        <translation>Endpunkte hinzufügen, bearbeiten, neu anordnen, testen und ein- oder ausschalten sowie die Statistik jedes Endpunkts ansehen</translation>
    </message>
    <message>
        <source>&amp;Models and routing</source>
        <translation>&amp;Modelle und Routing</translation>
    </message>
    <message>
        <source>Every model with its endpoints; aliases, fallback chains and route overrides</source>
        <translation>Jedes Modell mit seinen Endpunkten; Aliase, Fallback-Ketten und Routing-Vorgaben</translation>
    </message>
    <message>
        <source>Add a &amp;provider…</source>
        <translation>An&amp;bieter hinzufügen…</translation>
    </message>
    <message>
        <source>The setup wizard: a cloud provider with its key, or a model server on this computer</source>
        <translation>Der Einrichtungsassistent: ein Cloud-Anbieter mit seinem Schlüssel oder ein Modellserver auf diesem Rechner</translation>
    </message>
    <message>
        <source>Listen address, client keys, theme, language, start at login, logging and the configuration file</source>
        <translation>Empfangsadresse, Client-Schlüssel, Design, Sprache, Start bei Anmeldung, Protokollierung und die Konfigurationsdatei</translation>
    </message>
    <message>
        <source>Client &amp;keys…</source>
        <translation>Client-&amp;Schlüssel…</translation>
    </message>
    <message>
        <source>The keys clients send to use the proxy: create and revoke them</source>
        <translation>Die Schlüssel, die Clients zur Nutzung des Proxys senden: erstellen und widerrufen</translation>
    </message>
    <message>
        <source>Request &amp;history</source>
        <translation>Anfrage&amp;verlauf</translation>
    </message>
    <message>
        <source>Every request the gateway kept: search and filter them by status, period and key</source>
        <translation>Jede vom Gateway gespeicherte Anfrage: nach Status, Zeitraum und Schlüssel suchen und filtern</translation>
    </message>
    <message>
        <source>&amp;Analytics</source>
        <translation>&amp;Analysen</translation>
    </message>
    <message>
        <source>Spend over time by model, provider, key or team; tokens, cost per request and budgets</source>
        <translation>Ausgaben im Zeitverlauf nach Modell, Anbieter, Schlüssel oder Team; Tokens, Kosten pro Anfrage und Budgets</translation>
    </message>
    <message>
        <source>Audit and &amp;GDPR</source>
        <translation>Audit und &amp;DSGVO</translation>
    </message>
    <message>
        <source>Verify the audit chain; export or erase a person&apos;s data in the audit ledger</source>
        <translation>Die Audit-Kette prüfen; die Daten einer Person im Audit-Protokoll exportieren oder löschen</translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointEditDialog</name>
    <message>
        <source>Edit endpoint %1</source>
        <translation>Endpunkt %1 bearbeiten</translation>
    </message>
    <message>
        <source>This endpoint was added in LLMProxy: every setting can be changed here.</source>
        <translation>Dieser Endpunkt wurde in LLMProxy hinzugefügt: Jede Einstellung kann hier geändert werden.</translation>
    </message>
    <message>
        <source>This endpoint comes from %1. Only its priority and weight can be changed here; they are kept over the configured values, also after a restart. Change the other settings there.</source>
        <translation>Dieser Endpunkt stammt aus %1. Hier können nur Priorität und Gewichtung geändert werden; sie haben Vorrang vor den konfigurierten Werten, auch nach einem Neustart. Ändern Sie die übrigen Einstellungen dort.</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>&amp;Models:</source>
        <translation>&amp;Modelle:</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Comma-separated; empty = any model</source>
        <translation>Kommagetrennt; leer = beliebiges Modell</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Lower is preferred: requests go to the lowest priority that is up</source>
        <translation>Niedriger wird bevorzugt: Anfragen gehen an die niedrigste Priorität, die verfügbar ist</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>P&amp;riorität:</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewichtung</translation>
    </message>
    <message>
        <source>Share of the requests among endpoints of the same priority</source>
        <translation>Anteil an den Anfragen unter Endpunkten gleicher Priorität</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>&amp;Gewichtung:</translation>
    </message>
    <message>
        <source>Key source</source>
        <translation>Schlüsselquelle</translation>
    </message>
    <message>
        <source>Keep the current key (%1)</source>
        <translation>Aktuellen Schlüssel behalten (%1)</translation>
    </message>
    <message>
        <source>The provider&apos;s usual variable</source>
        <translation>Die übliche Variable des Anbieters</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>Keychain entry</source>
        <translation>Schlüsselbund-Eintrag</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Variable or keychain entry name</source>
        <translation>Name der Variable oder des Schlüsselbund-Eintrags</translation>
    </message>
    <message>
        <source>Key &amp;name:</source>
        <translation>Schlüssel&amp;name:</translation>
    </message>
    <message>
        <source>e.g. GROQ_API_KEY</source>
        <translation>z. B. GROQ_API_KEY</translation>
    </message>
    <message>
        <source>e.g. llmproxy/groq</source>
        <translation>z. B. llmproxy/groq</translation>
    </message>
    <message>
        <source>&amp;API version:</source>
        <translation>API-&amp;Version:</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API-Version</translation>
    </message>
    <message>
        <source>Azure OpenAI only</source>
        <translation>Nur Azure OpenAI</translation>
    </message>
    <message>
        <source>Input price per million tokens</source>
        <translation>Eingabepreis pro Million Tokens</translation>
    </message>
    <message>
        <source>&amp;Cost per 1M input tokens:</source>
        <translation>&amp;Kosten pro 1 Mio. Eingabe-Tokens:</translation>
    </message>
    <message>
        <source>Check its health on a schedule</source>
        <translation>Zustand regelmäßig prüfen</translation>
    </message>
    <message>
        <source>Why the change was refused</source>
        <translation>Warum die Änderung abgelehnt wurde</translation>
    </message>
    <message>
        <source>Name the environment variable that holds the key.</source>
        <translation>Geben Sie die Umgebungsvariable an, die den Schlüssel enthält.</translation>
    </message>
    <message>
        <source>Name the keychain entry that holds the key.</source>
        <translation>Geben Sie den Schlüsselbund-Eintrag an, der den Schlüssel enthält.</translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointModel</name>
    <message>
        <source>any model</source>
        <translation>jedes Modell</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Erreichbar</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Open — retrying with the next request</source>
        <translation>Offen — nächste Anfrage versucht es erneut</translation>
    </message>
    <message>
        <source>Open — retrying in %1 min</source>
        <translation>Offen — neuer Versuch in %1 min</translation>
    </message>
    <message>
        <source>Open — retrying in %1 s</source>
        <translation>Offen — neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>Half-open — testing one request</source>
        <translation>Halb offen — eine Testanfrage läuft</translation>
    </message>
    <message>
        <source>Enabled — failures in a row: %1</source>
        <translation>Aktiviert — Fehler in Folge: %1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>From the configuration file</source>
        <translation>Aus der Konfigurationsdatei</translation>
    </message>
    <message>
        <source>From the environment</source>
        <translation>Aus der Umgebung</translation>
    </message>
    <message>
        <source>Detected on this machine</source>
        <translation>Auf diesem Rechner erkannt</translation>
    </message>
    <message>
        <source>Added through the admin API</source>
        <translation>Über die Admin-API hinzugefügt</translation>
    </message>
    <message>
        <source>API key: set</source>
        <translation>API-Schlüssel: gesetzt</translation>
    </message>
    <message>
        <source>API key: none</source>
        <translation>API-Schlüssel: keiner</translation>
    </message>
    <message>
        <source>Untick to stop routing requests here.</source>
        <translation>Häkchen entfernen, um keine Anfragen mehr hierher zu leiten.</translation>
    </message>
    <message>
        <source>Tick to route requests here again.</source>
        <translation>Häkchen setzen, um wieder Anfragen hierher zu leiten.</translation>
    </message>
    <message>
        <source>Serves any model it is asked for.</source>
        <translation>Bedient jedes angefragte Modell.</translation>
    </message>
    <message>
        <source>Switched off: no request is routed here until it is enabled again.</source>
        <translation>Ausgeschaltet: Hierher wird keine Anfrage geleitet, bis der Endpunkt wieder aktiviert ist.</translation>
    </message>
    <message>
        <source>Circuit breaker open (failures in a row: %1): requests skip this endpoint until a test request succeeds.</source>
        <translation>Schutzschalter offen (Fehler in Folge: %1): Anfragen überspringen diesen Endpunkt, bis eine Testanfrage gelingt.</translation>
    </message>
    <message>
        <source>Circuit breaker half-open: one test request is on its way; its success closes the breaker.</source>
        <translation>Schutzschalter halb offen: Eine Testanfrage läuft; gelingt sie, schließt der Schalter.</translation>
    </message>
    <message>
        <source>Circuit breaker closed: requests are routed here.</source>
        <translation>Schutzschalter geschlossen: Anfragen werden hierher geleitet.</translation>
    </message>
    <message>
        <source>The last health check succeeded.</source>
        <translation>Die letzte Zustandsprüfung war erfolgreich.</translation>
    </message>
    <message>
        <source>The last health check failed.</source>
        <translation>Die letzte Zustandsprüfung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Found running on this machine.</source>
        <translation>Läuft auf diesem Rechner.</translation>
    </message>
    <message>
        <source>Health checks are off for this endpoint (probe: false).</source>
        <translation>Für diesen Endpunkt sind die Zustandsprüfungen ausgeschaltet (probe: false).</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <source>No request has been answered yet.</source>
        <translation>Bisher wurde keine Anfrage beantwortet.</translation>
    </message>
    <message>
        <source>Requests: %1, failed: %2</source>
        <translation>Anfragen: %1, fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Tick an endpoint to route requests to it, untick it to switch it off</source>
        <translation>Häkchen setzen, um Anfragen an einen Endpunkt zu leiten; Häkchen entfernen, um ihn auszuschalten</translation>
    </message>
    <message>
        <source>Enabled or disabled, and the state of the circuit breaker</source>
        <translation>Aktiviert oder deaktiviert, und der Zustand des Schutzschalters</translation>
    </message>
    <message>
        <source>Result of the last health check</source>
        <translation>Ergebnis der letzten Zustandsprüfung</translation>
    </message>
    <message>
        <source>Moving average of the time successful requests took</source>
        <translation>Gleitender Mittelwert der Dauer erfolgreicher Anfragen</translation>
    </message>
    <message>
        <source>Moving average of the share of requests that succeeded</source>
        <translation>Gleitender Mittelwert des Anteils erfolgreicher Anfragen</translation>
    </message>
    <message>
        <source>Requests answered by this endpoint since LLMProxy started</source>
        <translation>Von diesem Endpunkt beantwortete Anfragen seit dem Start von LLMProxy</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointsWindow</name>
    <message>
        <source>the configuration file (config.yaml)</source>
        <translation>der Konfigurationsdatei (config.yaml)</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>der Umgebung</translation>
    </message>
    <message>
        <source>local discovery</source>
        <translation>der lokalen Erkennung</translation>
    </message>
    <message>
        <source>this window or the admin API</source>
        <translation>diesem Fenster oder der Admin-API</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Open (retry in %1 s)</source>
        <translation>Offen (neuer Versuch in %1 s)</translation>
    </message>
    <message>
        <source>Open (next request tries)</source>
        <translation>Offen (nächste Anfrage versucht es)</translation>
    </message>
    <message>
        <source>Half-open</source>
        <translation>Halb offen</translation>
    </message>
    <message numerus="yes">
        <source>Closed (%n failure(s))</source>
        <translation>
            <numerusform>Geschlossen (%n Fehlschlag)</numerusform>
            <numerusform>Geschlossen (%n Fehlschläge)</numerusform>
        </translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Gestört</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>keychain entry %1</source>
        <translation>Schlüsselbund-Eintrag %1</translation>
    </message>
    <message>
        <source>keychain entry %1 (no key found)</source>
        <translation>Schlüsselbund-Eintrag %1 (kein Schlüssel gefunden)</translation>
    </message>
    <message>
        <source>variable %1</source>
        <translation>Variable %1</translation>
    </message>
    <message>
        <source>variable %1 (not set)</source>
        <translation>Variable %1 (nicht gesetzt)</translation>
    </message>
    <message>
        <source>a key in the configuration</source>
        <translation>ein Schlüssel in der Konfiguration</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Add an endpoint with the setup wizard</source>
        <translation>Endpunkt mit dem Einrichtungsassistenten hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Change the selected endpoint&apos;s settings (Enter)</source>
        <translation>Einstellungen des ausgewählten Endpunkts ändern (Eingabetaste)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Remove the selected endpoint (only endpoints added in LLMProxy)</source>
        <translation>Ausgewählten Endpunkt entfernen (nur in LLMProxy hinzugefügte Endpunkte)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Prefer the selected endpoint over the one above it (changes priorities)</source>
        <translation>Ausgewählten Endpunkt dem darüber vorziehen (ändert Prioritäten)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Prefer the endpoint below over the selected one (changes priorities)</source>
        <translation>Den Endpunkt darunter dem ausgewählten vorziehen (ändert Prioritäten)</translation>
    </message>
    <message>
        <source>&amp;Test now</source>
        <translation>Jetzt &amp;testen</translation>
    </message>
    <message>
        <source>Run the selected endpoint&apos;s health check now</source>
        <translation>Zustandsprüfung des ausgewählten Endpunkts jetzt ausführen</translation>
    </message>
    <message>
        <source>&amp;Reset breaker</source>
        <translation>Schutzschalter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Close the circuit breaker: requests go to the endpoint again at once</source>
        <translation>Schutzschalter schließen: Anfragen gehen sofort wieder an den Endpunkt</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewichtung</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Breaker</source>
        <translation>Schutzschalter</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Every endpoint in routing order, lowest priority first. Enter edits the selected one, Delete removes it, the context menu has every action.</source>
        <translation>Alle Endpunkte in Routing-Reihenfolge, niedrigste Priorität zuerst. Die Eingabetaste bearbeitet den ausgewählten, Entf entfernt ihn, das Kontextmenü enthält alle Aktionen.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Aus %1</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Route requests to the selected endpoint again</source>
        <translation>Wieder Anfragen an den ausgewählten Endpunkt leiten</translation>
    </message>
    <message>
        <source>Stop routing requests to the selected endpoint</source>
        <translation>Keine Anfragen mehr an den ausgewählten Endpunkt leiten</translation>
    </message>
    <message>
        <source>Comes from %1: disable it instead</source>
        <translation>Stammt aus %1: deaktivieren Sie ihn stattdessen</translation>
    </message>
    <message>
        <source>No endpoint yet. Add one to start routing requests.</source>
        <translation>Noch kein Endpunkt. Fügen Sie einen hinzu, um Anfragen weiterzuleiten.</translation>
    </message>
    <message>
        <source>Select an endpoint to see its statistics.</source>
        <translation>Wählen Sie einen Endpunkt aus, um seine Statistik zu sehen.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>%1 — %2 at %3</source>
        <translation>%1 — %2 unter %3</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>Stammt aus</translation>
    </message>
    <message>
        <source>any model</source>
        <translation>beliebiges Modell</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>priority %1, weight %2, %3</source>
        <translation>Priorität %1, Gewichtung %2, %3</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Schutzschalter</translation>
    </message>
    <message>
        <source>%1 (checked at %2)</source>
        <translation>%1 (geprüft um %2)</translation>
    </message>
    <message>
        <source>%1 answered, %2 failed, success rate %3 %</source>
        <translation>%1 beantwortet, %2 fehlgeschlagen, Erfolgsquote %3 %</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message numerus="yes">
        <source>average %1; p50 %2, p95 %3 over its last %n request(s)</source>
        <translation>
            <numerusform>Durchschnitt %1; p50 %2, p95 %3 bei %n zuletzt bearbeiteter Anfrage</numerusform>
            <numerusform>Durchschnitt %1; p50 %2, p95 %3 bei den %n zuletzt bearbeiteten Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>no recent requests</source>
        <translation>keine Anfragen in letzter Zeit</translation>
    </message>
    <message>
        <source>none among the recent requests</source>
        <translation>keiner unter den letzten Anfragen</translation>
    </message>
    <message>
        <source>%1 changed.</source>
        <translation>%1 geändert.</translation>
    </message>
    <message>
        <source>%1 comes from %2 — disable it instead.</source>
        <translation>%1 stammt aus %2 — deaktivieren Sie ihn stattdessen.</translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>Endpunkt löschen</translation>
    </message>
    <message>
        <source>Delete the endpoint %1? Requests already on it finish; new ones go elsewhere.</source>
        <translation>Endpunkt %1 löschen? Bereits laufende Anfragen werden abgeschlossen; neue gehen an andere Endpunkte.</translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>%1 disabled.</source>
        <translation>%1 deaktiviert.</translation>
    </message>
    <message>
        <source>%1 enabled.</source>
        <translation>%1 aktiviert.</translation>
    </message>
    <message>
        <source>%1 moved up.</source>
        <translation>%1 nach oben verschoben.</translation>
    </message>
    <message>
        <source>%1 moved down.</source>
        <translation>%1 nach unten verschoben.</translation>
    </message>
    <message>
        <source>Checking %1… its health shows in the table.</source>
        <translation>%1 wird geprüft… Der Zustand erscheint in der Tabelle.</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 closed.</source>
        <translation>Schutzschalter von %1 geschlossen.</translation>
    </message>
</context>
<context>
    <name>llmproxy::EngineController</name>
    <message>
        <source>A key name has 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Ein Schlüsselname besteht aus 1 bis 64 Buchstaben, Ziffern, „.“, „_“ oder „-“.</translation>
    </message>
    <message>
        <source>A client key named “%1” exists already.</source>
        <translation>Ein Client-Schlüssel namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>The key could not be created.</source>
        <translation>Der Schlüssel konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>The key “%1” comes from the configuration file; remove it there.</source>
        <translation>Der Schlüssel „%1“ stammt aus der Konfigurationsdatei; entfernen Sie ihn dort.</translation>
    </message>
    <message>
        <source>No client key is named “%1”.</source>
        <translation>Es gibt keinen Client-Schlüssel namens „%1“.</translation>
    </message>
    <message>
        <source>The request history is off: server.storage.enabled is false, or there is no data directory.</source>
        <translation>Der Anfrageverlauf ist ausgeschaltet: server.storage.enabled ist false, oder es gibt kein Datenverzeichnis.</translation>
    </message>
    <message>
        <source>The request history cannot be read: %1</source>
        <translation>Der Anfrageverlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Spend analytics need the store: server.storage.enabled is false, or there is no data directory.</source>
        <translation>Ausgabenanalysen brauchen den Speicher: server.storage.enabled ist false, oder es gibt kein Datenverzeichnis.</translation>
    </message>
    <message>
        <source>The first day of the range must not be after its last day.</source>
        <translation>Der erste Tag des Zeitraums darf nicht nach seinem letzten Tag liegen.</translation>
    </message>
    <message>
        <source>A report covers at most %1 days.</source>
        <translation>Ein Bericht umfasst höchstens %1 Tage.</translation>
    </message>
    <message>
        <source>The spend rollups cannot be read: %1</source>
        <translation>Die Ausgabensummen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The audit ledger is off: it needs the store (server.storage.enabled and a data directory).</source>
        <translation>Das Audit-Protokoll ist aus: Es braucht den Speicher (server.storage.enabled und ein Datenverzeichnis).</translation>
    </message>
    <message>
        <source>The audit ledger is off: it needs a database and a ledger secret (LLM_PROXY_AUDIT_SECRET; see docs/audit.md).</source>
        <translation>Das Audit-Protokoll ist aus: Es braucht eine Datenbank und ein Protokollgeheimnis (LLM_PROXY_AUDIT_SECRET; siehe docs/audit.md).</translation>
    </message>
    <message>
        <source>The audit ledger cannot be used: %1</source>
        <translation>Das Audit-Protokoll kann nicht verwendet werden: %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::FallbackChainDialog</name>
    <message>
        <source>Add fallback chain</source>
        <translation>Fallback-Kette hinzufügen</translation>
    </message>
    <message>
        <source>Edit fallback chain</source>
        <translation>Fallback-Kette bearbeiten</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Hops, tried in this order</source>
        <translation>Stufen, in dieser Reihenfolge versucht</translation>
    </message>
    <message>
        <source>Hop endpoint or provider</source>
        <translation>Endpunkt oder Anbieter der Stufe</translation>
    </message>
    <message>
        <source>Hop model</source>
        <translation>Modell der Stufe</translation>
    </message>
    <message>
        <source>the same model</source>
        <translation>dasselbe Modell</translation>
    </message>
    <message>
        <source>Add &amp;hop</source>
        <translation>&amp;Stufe hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move hop</source>
        <translation>Stufe ent&amp;fernen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Why the chain was not set</source>
        <translation>Warum die Kette nicht gesetzt wurde</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>Hops, tried in this order when every endpoint of the model fails:</source>
        <translation>Stufen, in dieser Reihenfolge versucht, wenn alle Endpunkte des Modells ausfallen:</translation>
    </message>
    <message>
        <source>&amp;Endpoint or provider:</source>
        <translation>&amp;Endpunkt oder Anbieter:</translation>
    </message>
    <message>
        <source>M&amp;odel:</source>
        <translation>M&amp;odell:</translation>
    </message>
    <message>
        <source>Choose the endpoint or provider of the hop first.</source>
        <translation>Wählen Sie zuerst den Endpunkt oder Anbieter der Stufe.</translation>
    </message>
    <message>
        <source>Not set: %1</source>
        <translation>Nicht gesetzt: %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::FirstRunWizard</name>
    <message>
        <source>Where should requests go?</source>
        <translation>Wohin sollen Anfragen gehen?</translation>
    </message>
    <message>
        <source>Choose a cloud provider, or a model server running on this computer.</source>
        <translation>Wählen Sie einen Cloud-Anbieter oder einen Modellserver, der auf diesem Rechner läuft.</translation>
    </message>
    <message>
        <source>A &amp;cloud provider</source>
        <translation>Ein &amp;Cloud-Anbieter</translation>
    </message>
    <message>
        <source>Use a cloud provider</source>
        <translation>Einen Cloud-Anbieter verwenden</translation>
    </message>
    <message>
        <source>Cloud provider</source>
        <translation>Cloud-Anbieter</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>A &amp;local server on this computer</source>
        <translation>Ein &amp;lokaler Server auf diesem Rechner</translation>
    </message>
    <message>
        <source>Use a local server</source>
        <translation>Einen lokalen Server verwenden</translation>
    </message>
    <message>
        <source>Local servers found</source>
        <translation>Gefundene lokale Server</translation>
    </message>
    <message>
        <source>&amp;Scan again</source>
        <translation>E&amp;rneut suchen</translation>
    </message>
    <message>
        <source>Scan again for local servers</source>
        <translation>Erneut nach lokalen Servern suchen</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>https://… (this provider needs your own URL)</source>
        <translation>https://… (dieser Anbieter braucht Ihre eigene URL)</translation>
    </message>
    <message>
        <source>Get a key at &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Schlüssel erhalten Sie unter &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Looking for Ollama, LM Studio, vLLM and llama.cpp on this computer…</source>
        <translation>Suche nach Ollama, LM Studio, vLLM und llama.cpp auf diesem Rechner…</translation>
    </message>
    <message>
        <source>no models yet</source>
        <translation>noch keine Modelle</translation>
    </message>
    <message>
        <source>%1 at %2 — %3</source>
        <translation>%1 unter %2 — %3</translation>
    </message>
    <message>
        <source>Loaded now: %1</source>
        <translation>Jetzt geladen: %1</translation>
    </message>
    <message>
        <source>No local model server is running.</source>
        <translation>Es läuft kein lokaler Modellserver.</translation>
    </message>
    <message numerus="yes">
        <source>Found %n local server(s).</source>
        <translation>
            <numerusform>%n lokaler Server gefunden.</numerusform>
            <numerusform>%n lokale Server gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>LLMProxy sends this key to %1 with every request it forwards there.</source>
        <translation>LLMProxy sendet diesen Schlüssel bei jeder Anfrage, die es dorthin weiterleitet, an %1.</translation>
    </message>
    <message>
        <source>Storing the key in the system keychain…</source>
        <translation>Schlüssel wird im Schlüsselbund des Systems gespeichert…</translation>
    </message>
    <message>
        <source>The key is in the system keychain as &quot;%1&quot;.</source>
        <translation>Der Schlüssel liegt im Schlüsselbund des Systems als „%1“.</translation>
    </message>
    <message>
        <source>The system keychain could not store the key: %1&lt;br&gt;There may be no keychain service on this computer. Use an environment variable instead: set it before LLMProxy starts; the key is not written anywhere by LLMProxy.</source>
        <translation>Der Schlüsselbund des Systems konnte den Schlüssel nicht speichern: %1&lt;br&gt;Möglicherweise gibt es auf diesem Rechner keinen Schlüsselbund-Dienst. Verwenden Sie stattdessen eine Umgebungsvariable: Setzen Sie sie, bevor LLMProxy startet; LLMProxy schreibt den Schlüssel nirgendwohin.</translation>
    </message>
    <message>
        <source>Set %1 in the environment LLMProxy starts in. The key you paste above is only used to fetch the model list now; it is not saved.</source>
        <translation>Setzen Sie %1 in der Umgebung, in der LLMProxy startet. Der oben eingefügte Schlüssel wird nur jetzt zum Abrufen der Modellliste verwendet; er wird nicht gespeichert.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Check the models LLMProxy should send to this endpoint.</source>
        <translation>Wählen Sie die Modelle aus, die LLMProxy an diesen Endpunkt senden soll.</translation>
    </message>
    <message>
        <source>Model list status</source>
        <translation>Status der Modellliste</translation>
    </message>
    <message>
        <source>Model name to add</source>
        <translation>Hinzuzufügender Modellname</translation>
    </message>
    <message>
        <source>Another model name</source>
        <translation>Weiterer Modellname</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add the model</source>
        <translation>Modell hinzufügen</translation>
    </message>
    <message>
        <source>%1 serves these models.</source>
        <translation>%1 stellt diese Modelle bereit.</translation>
    </message>
    <message>
        <source>Without the key here, the model list cannot be fetched: type the model names.</source>
        <translation>Ohne den Schlüssel hier kann die Modellliste nicht abgerufen werden: Geben Sie die Modellnamen ein.</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>%1 wird nach seinen Modellen gefragt…</translation>
    </message>
    <message>
        <source>The provider lists no models: type the model names.</source>
        <translation>Der Anbieter listet keine Modelle auf: Geben Sie die Modellnamen ein.</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) available.</source>
        <translation>
            <numerusform>%n Modell verfügbar.</numerusform>
            <numerusform>%n Modelle verfügbar.</numerusform>
        </translation>
    </message>
    <message>
        <source>The model list could not be fetched: %1&lt;br&gt;You can still type model names below.</source>
        <translation>Die Modellliste konnte nicht abgerufen werden: %1&lt;br&gt;Sie können unten trotzdem Modellnamen eingeben.</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>LLMProxy adds the endpoint and sends it a short real request.</source>
        <translation>LLMProxy fügt den Endpunkt hinzu und sendet ihm eine kurze echte Anfrage.</translation>
    </message>
    <message>
        <source>Model to test</source>
        <translation>Zu testendes Modell</translation>
    </message>
    <message>
        <source>Test &amp;again</source>
        <translation>&amp;Erneut testen</translation>
    </message>
    <message>
        <source>Send the test request again</source>
        <translation>Testanfrage erneut senden</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Testergebnis</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>Adding the endpoint &quot;%1&quot;…</source>
        <translation>Endpunkt „%1“ wird hinzugefügt…</translation>
    </message>
    <message>
        <source>The endpoint could not be added: %1</source>
        <translation>Der Endpunkt konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>Sending a test request to %1…</source>
        <translation>Testanfrage an %1 wird gesendet…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>It works. The model answered in %1:&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;</source>
        <translation>Es funktioniert. Das Modell hat in %1 geantwortet:&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;</translation>
    </message>
    <message>
        <source>The provider refused the key. Go Back to fix it.</source>
        <translation>Der Anbieter hat den Schlüssel abgelehnt. Gehen Sie zurück, um ihn zu korrigieren.</translation>
    </message>
    <message>
        <source>Go Back to change the settings, or Test again.</source>
        <translation>Gehen Sie zurück, um die Einstellungen zu ändern, oder testen Sie erneut.</translation>
    </message>
    <message>
        <source>The request failed: %1&lt;br&gt;%2</source>
        <translation>Die Anfrage ist fehlgeschlagen: %1&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>none (local server)</source>
        <translation>keiner (lokaler Server)</translation>
    </message>
    <message>
        <source>system keychain, entry &quot;%1&quot;</source>
        <translation>Schlüsselbund des Systems, Eintrag „%1“</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>Umgebungsvariable %1</translation>
    </message>
    <message>
        <source>Endpoint &lt;b&gt;%1&lt;/b&gt;: %2 at %3&lt;br&gt;Models: %4&lt;br&gt;Key: %5&lt;br&gt;It is saved and listed in the main window; the Endpoints window changes it later.</source>
        <translation>Endpunkt &lt;b&gt;%1&lt;/b&gt;: %2 unter %3&lt;br&gt;Modelle: %4&lt;br&gt;Schlüssel: %5&lt;br&gt;Er ist gespeichert und im Hauptfenster aufgeführt; im Fenster „Endpunkte“ können Sie ihn später ändern.</translation>
    </message>
    <message>
        <source>Set up LLMProxy</source>
        <translation>LLMProxy einrichten</translation>
    </message>
    <message>
        <source>First-run wizard</source>
        <translation>Einrichtungsassistent</translation>
    </message>
</context>
<context>
    <name>llmproxy::GuardsWindow</name>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Switched off by %1 in the environment: the environment wins, so it cannot be switched on here.</source>
        <translation>Durch %1 in der Umgebung ausgeschaltet: Die Umgebung hat Vorrang, daher lässt er sich hier nicht einschalten.</translation>
    </message>
    <message>
        <source>Needs a signing key: set LLM_PROXY_SIGNING_KEY and restart LLMProxy.</source>
        <translation>Benötigt einen Signaturschlüssel: Setzen Sie LLM_PROXY_SIGNING_KEY und starten Sie LLMProxy neu.</translation>
    </message>
    <message>
        <source>Switched off in the configuration file (%1).</source>
        <translation>In der Konfigurationsdatei ausgeschaltet (%1).</translation>
    </message>
    <message>
        <source>Switched on here, as in the configuration.</source>
        <translation>Hier eingeschaltet, wie in der Konfiguration.</translation>
    </message>
    <message>
        <source>Switched off here, as in the configuration.</source>
        <translation>Hier ausgeschaltet, wie in der Konfiguration.</translation>
    </message>
    <message>
        <source>Switched on here; the configuration says off.</source>
        <translation>Hier eingeschaltet; laut Konfiguration aus.</translation>
    </message>
    <message>
        <source>Switched off here; the configuration says on.</source>
        <translation>Hier ausgeschaltet; laut Konfiguration an.</translation>
    </message>
    <message>
        <source>Not running while the security guards are switched off.</source>
        <translation>Inaktiv, solange die Sicherheitsfilter ausgeschaltet sind.</translation>
    </message>
    <message>
        <source>%1 scanned · %2 blocked</source>
        <translation>%1 geprüft · %2 blockiert</translation>
    </message>
    <message>
        <source>%1 state</source>
        <translation>Status von %1</translation>
    </message>
    <message>
        <source>%1 counters</source>
        <translation>Zähler von %1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>%1 enabled</source>
        <translation>%1 aktiviert</translation>
    </message>
    <message>
        <source>Back to configuration</source>
        <translation>Zurück zur Konfiguration</translation>
    </message>
    <message>
        <source>%1: back to configuration</source>
        <translation>%1: zurück zur Konfiguration</translation>
    </message>
    <message>
        <source>The guards switched on below inspect every request and answer.</source>
        <translation>Die unten eingeschalteten Filter prüfen jede Anfrage und Antwort.</translation>
    </message>
    <message>
        <source>Requests reach the providers unchecked.</source>
        <translation>Anfragen erreichen die Anbieter ungeprüft.</translation>
    </message>
    <message>
        <source>The configuration switches the security guards on.</source>
        <translation>Die Konfiguration schaltet die Sicherheitsfilter ein.</translation>
    </message>
    <message>
        <source>The configuration switches the security guards off.</source>
        <translation>Die Konfiguration schaltet die Sicherheitsfilter aus.</translation>
    </message>
    <message>
        <source>Switched on here; the configuration (security.enabled) says off.</source>
        <translation>Hier eingeschaltet; laut Konfiguration (security.enabled) aus.</translation>
    </message>
    <message>
        <source>Switched off here; the configuration (security.enabled) says on.</source>
        <translation>Hier ausgeschaltet; laut Konfiguration (security.enabled) an.</translation>
    </message>
    <message>
        <source>Switched off in the configuration (security.enabled: false).</source>
        <translation>In der Konfiguration ausgeschaltet (security.enabled: false).</translation>
    </message>
    <message>
        <source>%1 requests scanned, %2 blocked. Scan time per request: median %3, p95 %4, p99 %5.</source>
        <translation>%1 Anfragen geprüft, %2 blockiert. Prüfzeit pro Anfrage: Median %3, p95 %4, p99 %5.</translation>
    </message>
    <message>
        <source>Running now.</source>
        <translation>Läuft gerade.</translation>
    </message>
    <message>
        <source>Not running: the security guards are switched off.</source>
        <translation>Inaktiv: Die Sicherheitsfilter sind ausgeschaltet.</translation>
    </message>
    <message>
        <source>Not running.</source>
        <translation>Inaktiv.</translation>
    </message>
    <message>
        <source>%1 masked · %2 flagged</source>
        <translation>%1 maskiert · %2 markiert</translation>
    </message>
    <message>
        <source>Switch %1 on or off now</source>
        <translation>%1 jetzt ein- oder ausschalten</translation>
    </message>
    <message>
        <source>The configuration switches it on.</source>
        <translation>Die Konfiguration schaltet ihn ein.</translation>
    </message>
    <message>
        <source>The configuration switches it off.</source>
        <translation>Die Konfiguration schaltet ihn aus.</translation>
    </message>
</context>
<context>
    <name>llmproxy::HistoryWindow</name>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>Successful (2xx)</source>
        <translation>Erfolgreich (2xx)</translation>
    </message>
    <message>
        <source>Client errors (4xx)</source>
        <translation>Client-Fehler (4xx)</translation>
    </message>
    <message>
        <source>Server errors (5xx)</source>
        <translation>Serverfehler (5xx)</translation>
    </message>
    <message>
        <source>Blocked by a guard</source>
        <translation>Von einem Sicherheitsfilter blockiert</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>(stream)</source>
        <translation>(Stream)</translation>
    </message>
    <message>
        <source>Client API</source>
        <translation>Client-API</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Model asked for</source>
        <translation>Angefragtes Modell</translation>
    </message>
    <message>
        <source>Model served</source>
        <translation>Bereitgestelltes Modell</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Blockiert durch</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Zeit bis zum ersten Token</translation>
    </message>
    <message>
        <source>Gateway overhead</source>
        <translation>Gateway-Overhead</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Eingabe-Tokens</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>(estimated)</source>
        <translation>(geschätzt)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No stored request matches.</source>
        <translation>Keine gespeicherte Anfrage passt.</translation>
    </message>
    <message>
        <source>Matching requests: %1</source>
        <translation>Passende Anfragen: %1</translation>
    </message>
    <message>
        <source>shown: %1</source>
        <translation>angezeigt: %1</translation>
    </message>
    <message>
        <source>the first %1 only: narrow the filters to see the others</source>
        <translation>nur die ersten %1: Schränken Sie die Filter ein, um die übrigen zu sehen</translation>
    </message>
    <message>
        <source>scroll down for more</source>
        <translation>für weitere nach unten scrollen</translation>
    </message>
</context>
<context>
    <name>llmproxy::MainWindow</name>
    <message>
        <source>Copy base URL</source>
        <translation>Basis-URL kopieren</translation>
    </message>
    <message>
        <source>Copy example commands</source>
        <translation>Beispielbefehle kopieren</translation>
    </message>
    <message>
        <source>&amp;Proxy</source>
        <translation>&amp;Proxy</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>nicht empfangsbereit</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Nicht empfangsbereit</translation>
    </message>
    <message>
        <source>The proxy is not accepting connections.</source>
        <translation>Der Proxy nimmt keine Verbindungen an.</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Inference requests are answered with 503 until you resume the proxy.</source>
        <translation>Inferenzanfragen werden mit 503 beantwortet, bis Sie den Proxy fortsetzen.</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Ersteinrichtung</translation>
    </message>
    <message>
        <source>No endpoint is configured: inference requests are answered with 503.</source>
        <translation>Kein Endpunkt konfiguriert: Inferenzanfragen werden mit 503 beantwortet.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Forwarding requests to the configured endpoints.</source>
        <translation>Anfragen werden an die konfigurierten Endpunkte weitergeleitet.</translation>
    </message>
    <message>
        <source>Create a configuration file with an &lt;code&gt;endpoints:&lt;/code&gt; section and start LLMProxy with &lt;code&gt;--config FILE&lt;/code&gt;.</source>
        <translation>Legen Sie eine Konfigurationsdatei mit einem Abschnitt &lt;code&gt;endpoints:&lt;/code&gt; an und starten Sie LLMProxy mit &lt;code&gt;--config DATEI&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Or set &lt;code&gt;LLM_PROXY_ENDPOINT_&amp;lt;NAME&amp;gt;_URL&lt;/code&gt;, &lt;code&gt;_MODELS&lt;/code&gt;, &lt;code&gt;_KEY&lt;/code&gt; and &lt;code&gt;_PROVIDER&lt;/code&gt; in the environment or in a &lt;code&gt;.env&lt;/code&gt; file, and restart LLMProxy.</source>
        <translation>Oder setzen Sie &lt;code&gt;LLM_PROXY_ENDPOINT_&amp;lt;NAME&amp;gt;_URL&lt;/code&gt;, &lt;code&gt;_MODELS&lt;/code&gt;, &lt;code&gt;_KEY&lt;/code&gt; und &lt;code&gt;_PROVIDER&lt;/code&gt; in der Umgebung oder in einer &lt;code&gt;.env&lt;/code&gt;-Datei und starten Sie LLMProxy neu.</translation>
    </message>
    <message>
        <source>Or start a local server (Ollama, LM Studio, vLLM, llama.cpp) on its default port: LLMProxy detects it and offers it as an endpoint.</source>
        <translation>Oder starten Sie einen lokalen Server (Ollama, LM Studio, vLLM, llama.cpp) auf seinem Standardport: LLMProxy erkennt ihn und bietet ihn als Endpunkt an.</translation>
    </message>
    <message>
        <source>No endpoint is configured yet.</source>
        <translation>Es ist noch kein Endpunkt konfiguriert.</translation>
    </message>
    <message>
        <source>Requests to the proxy are answered with 503 until you add one:</source>
        <translation>Anfragen an den Proxy werden mit 503 beantwortet, bis Sie einen hinzufügen:</translation>
    </message>
    <message>
        <source>Configuration reloaded.</source>
        <translation>Konfiguration neu geladen.</translation>
    </message>
    <message>
        <source>Configuration reloaded: %1</source>
        <translation>Konfiguration neu geladen: %1</translation>
    </message>
    <message>
        <source>Reload failed, still using the previous configuration: %1</source>
        <translation>Neuladen fehlgeschlagen, die bisherige Konfiguration bleibt aktiv: %1</translation>
    </message>
    <message>
        <source>Example copied to the clipboard.</source>
        <translation>Beispiel in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Aktiviert</translation>
    </message>
    <message>
        <source>Configured and detected endpoints with their state, health, latency and success rate. The check box of a row switches the endpoint on or off.</source>
        <translation>Konfigurierte und erkannte Endpunkte mit Status, Zustand, Latenz und Erfolgsquote. Das Kontrollkästchen einer Zeile schaltet den Endpunkt ein oder aus.</translation>
    </message>
    <message>
        <source>Route requests to the selected endpoint</source>
        <translation>Anfragen an den ausgewählten Endpunkt leiten</translation>
    </message>
    <message>
        <source>E&amp;ndpoint</source>
        <translation>E&amp;ndpunkt</translation>
    </message>
    <message>
        <source>Traffic stopped</source>
        <translation>Verkehr gestoppt</translation>
    </message>
    <message>
        <source>Kill switch on: every inference request is refused with 503 until you resume traffic.</source>
        <translation>Not-Aus aktiv: Jede Inferenzanfrage wird mit 503 abgelehnt, bis Sie den Datenverkehr fortsetzen.</translation>
    </message>
    <message>
        <source>No endpoint enabled</source>
        <translation>Kein Endpunkt aktiviert</translation>
    </message>
    <message>
        <source>Every endpoint is switched off: inference requests are answered with 503 until you tick one in the endpoint list.</source>
        <translation>Alle Endpunkte sind ausgeschaltet: Inferenzanfragen werden mit 503 beantwortet, bis Sie einen in der Endpunktliste anhaken.</translation>
    </message>
    <message>
        <source>Endpoints down</source>
        <translation>Endpunkte ausgefallen</translation>
    </message>
    <message>
        <source>Every enabled endpoint is failing (circuit breaker open or health check failed): requests fail until one recovers.</source>
        <translation>Jeder aktivierte Endpunkt schlägt fehl (Schutzschalter offen oder Zustandsprüfung fehlgeschlagen): Anfragen scheitern, bis sich einer erholt.</translation>
    </message>
    <message>
        <source>Add an endpoint under &lt;code&gt;endpoints:&lt;/code&gt; in %1 (&lt;i&gt;Open configuration file&lt;/i&gt; creates it with examples), save it, then choose &lt;i&gt;Reload configuration&lt;/i&gt; (%2): it applies the file without a restart.</source>
        <translation>Fügen Sie in %1 unter &lt;code&gt;endpoints:&lt;/code&gt; einen Endpunkt hinzu (&lt;i&gt;Konfigurationsdatei öffnen&lt;/i&gt; legt sie mit Beispielen an), speichern Sie und wählen Sie dann &lt;i&gt;Konfiguration neu laden&lt;/i&gt; (%2): Das wendet die Datei ohne Neustart an.</translation>
    </message>
    <message>
        <source>%1 requests missing from the log</source>
        <translation>%1 Anfragen fehlen im Protokoll</translation>
    </message>
    <message>
        <source>The log could not keep up: these requests were served but are not listed (the proxy&apos;s log output counts them too).</source>
        <translation>Das Protokoll kam nicht hinterher: Diese Anfragen wurden bedient, sind aber nicht aufgeführt (die Protokollausgabe des Proxys zählt sie ebenfalls).</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>&amp;Sicherheit</translation>
    </message>
</context>
<context>
    <name>llmproxy::ModelsWindow</name>
    <message>
        <source>up</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>health unknown</source>
        <translation>Zustand unbekannt</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Changed here</source>
        <translation>Hier geändert</translation>
    </message>
    <message>
        <source>config.yaml</source>
        <translation>config.yaml</translation>
    </message>
    <message>
        <source>alias of %1</source>
        <translation>Alias von %1</translation>
    </message>
    <message>
        <source>(any model)</source>
        <translation>(beliebiges Modell)</translation>
    </message>
    <message>
        <source>No enabled endpoint serves a model yet.</source>
        <translation>Noch kein aktivierter Endpunkt stellt ein Modell bereit.</translation>
    </message>
    <message>
        <source>As requested</source>
        <translation>Wie angefordert</translation>
    </message>
    <message>
        <source>Any endpoint</source>
        <translation>Beliebiger Endpunkt</translation>
    </message>
    <message>
        <source>Alias %1 → %2 set.</source>
        <translation>Alias %1 → %2 gesetzt.</translation>
    </message>
    <message>
        <source>Alias %1 removed.</source>
        <translation>Alias %1 entfernt.</translation>
    </message>
    <message>
        <source>Fallback chain of %1 set.</source>
        <translation>Fallback-Kette von %1 gesetzt.</translation>
    </message>
    <message>
        <source>Fallback chain of %1 removed.</source>
        <translation>Fallback-Kette von %1 entfernt.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
    <message>
        <source>These requests go to the model they ask for.</source>
        <translation>Diese Anfragen gehen an das Modell, das sie anfordern.</translation>
    </message>
    <message>
        <source>These requests now go to %1.</source>
        <translation>Diese Anfragen gehen jetzt an %1.</translation>
    </message>
    <message>
        <source>These requests now go to %1 on %2 first.</source>
        <translation>Diese Anfragen gehen jetzt zuerst an %1 auf %2.</translation>
    </message>
    <message>
        <source>Revert all changes made here</source>
        <translation>Alle hier vorgenommenen Änderungen zurücksetzen</translation>
    </message>
    <message>
        <source>Drop every alias, fallback chain and route override changed in this window or through the admin API? The configuration file&apos;s routing applies again.</source>
        <translation>Alle Aliase, Fallback-Ketten und Routing-Vorgaben verwerfen, die in diesem Fenster oder über die Admin-API geändert wurden? Das Routing der Konfigurationsdatei gilt dann wieder.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>The configuration file&apos;s routing applies again.</source>
        <translation>Das Routing der Konfigurationsdatei gilt wieder.</translation>
    </message>
    <message>
        <source>Name or pattern</source>
        <translation>Name oder Muster</translation>
    </message>
    <message>
        <source>Target model</source>
        <translation>Zielmodell</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Hops</source>
        <translation>Stufen</translation>
    </message>
</context>
<context>
    <name>llmproxy::PlaygroundWindow</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Choose a model, type a prompt and press Send: the request goes through the gateway like any client&apos;s, and the answer streams in here with the route it took, its tokens, cost and any security decision.</source>
        <translation>Wählen Sie ein Modell, geben Sie einen Prompt ein und drücken Sie „Senden“: Die Anfrage läuft wie die jedes Clients über das Gateway, und die Antwort erscheint hier fortlaufend mit ihrer Route, ihren Tokens, Kosten und etwaigen Sicherheitsentscheidungen.</translation>
    </message>
    <message>
        <source>The gateway is not listening, so it offers no models.</source>
        <translation>Das Gateway ist nicht empfangsbereit und bietet daher keine Modelle an.</translation>
    </message>
    <message>
        <source>Asking the gateway for its models…</source>
        <translation>Das Gateway wird nach seinen Modellen gefragt…</translation>
    </message>
    <message>
        <source>The gateway requires a client key: enter one of its keys above.</source>
        <translation>Das Gateway verlangt einen Client-Schlüssel: Geben Sie oben einen seiner Schlüssel ein.</translation>
    </message>
    <message>
        <source>The gateway refused this key: %1</source>
        <translation>Das Gateway hat diesen Schlüssel abgelehnt: %1</translation>
    </message>
    <message>
        <source>Cannot list the gateway&apos;s models: %1</source>
        <translation>Die Modelle des Gateways können nicht abgerufen werden: %1</translation>
    </message>
    <message>
        <source>The gateway offers no model yet: add an endpoint to the configuration.</source>
        <translation>Das Gateway bietet noch kein Modell an: Fügen Sie der Konfiguration einen Endpunkt hinzu.</translation>
    </message>
    <message>
        <source>1 model offered by the gateway at %1.</source>
        <translation>1 Modell vom Gateway unter %1 angeboten.</translation>
    </message>
    <message>
        <source>%1 models offered by the gateway at %2.</source>
        <translation>%1 Modelle vom Gateway unter %2 angeboten.</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Wählen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>Geben Sie zuerst einen Prompt ein.</translation>
    </message>
    <message>
        <source>The gateway is not listening, so nothing can be sent. Check the main window&apos;s state.</source>
        <translation>Das Gateway ist nicht empfangsbereit, daher kann nichts gesendet werden. Prüfen Sie den Status im Hauptfenster.</translation>
    </message>
    <message>
        <source>You → %1</source>
        <translation>Sie → %1</translation>
    </message>
    <message>
        <source>System: %1</source>
        <translation>System: %1</translation>
    </message>
    <message>
        <source>Waiting for %1…</source>
        <translation>Warten auf %1…</translation>
    </message>
    <message>
        <source>Streaming from %1…</source>
        <translation>Stream von %1…</translation>
    </message>
    <message>
        <source>Collecting the gateway&apos;s figures…</source>
        <translation>Die Kennzahlen des Gateways werden gesammelt…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>Stopped after %1.</source>
        <translation>Nach %1 gestoppt.</translation>
    </message>
    <message>
        <source>Answered in %1.</source>
        <translation>In %1 beantwortet.</translation>
    </message>
    <message>
        <source>Route: none (answered by the gateway itself)</source>
        <translation>Route: keine (vom Gateway selbst beantwortet)</translation>
    </message>
    <message>
        <source>Route: endpoint %1</source>
        <translation>Route: Endpunkt %1</translation>
    </message>
    <message>
        <source>Route: endpoint %1 (%2)</source>
        <translation>Route: Endpunkt %1 (%2)</translation>
    </message>
    <message>
        <source>serving %1</source>
        <translation>liefert %1</translation>
    </message>
    <message>
        <source>after %1 attempts</source>
        <translation>nach %1 Versuchen</translation>
    </message>
    <message>
        <source>Tokens: %1 in, %2 out</source>
        <translation>Tokens: %1 Eingabe, %2 Ausgabe</translation>
    </message>
    <message>
        <source>Tokens: not reported</source>
        <translation>Tokens: nicht gemeldet</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>Kosten: %1</translation>
    </message>
    <message>
        <source>Cost: unknown (no usage or no price for this model)</source>
        <translation>Kosten: unbekannt (keine Nutzungsdaten oder kein Preis für dieses Modell)</translation>
    </message>
    <message>
        <source>Gateway overhead before the answer began: %1</source>
        <translation>Gateway-Overhead vor Beginn der Antwort: %1</translation>
    </message>
    <message>
        <source>Gateway overhead: %1 (%2 before the answer began)</source>
        <translation>Gateway-Overhead: %1 (%2 vor Beginn der Antwort)</translation>
    </message>
    <message>
        <source>Gateway overhead: %1</source>
        <translation>Gateway-Overhead: %1</translation>
    </message>
    <message>
        <source>First token: %1</source>
        <translation>Erstes Token: %1</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Gesamt: %1</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Anfrage %1</translation>
    </message>
    <message>
        <source>Security: blocked by %1, code %2%3</source>
        <translation>Sicherheit: blockiert durch %1, Code %2%3</translation>
    </message>
    <message>
        <source>Security: 1 value masked before the request left (%1)</source>
        <translation>Sicherheit: 1 Wert maskiert, bevor die Anfrage weiterging (%1)</translation>
    </message>
    <message>
        <source>Security: %1 values masked before the request left (%2)</source>
        <translation>Sicherheit: %1 Werte maskiert, bevor die Anfrage weiterging (%2)</translation>
    </message>
    <message>
        <source>Security: values masked by %1%2</source>
        <translation>Sicherheit: Werte maskiert durch %1%2</translation>
    </message>
    <message>
        <source>Security: flagged by %1, %2%3</source>
        <translation>Sicherheit: markiert durch %1, %2%3</translation>
    </message>
    <message>
        <source>Security: blocked by %1, code %2</source>
        <translation>Sicherheit: blockiert durch %1, Code %2</translation>
    </message>
    <message>
        <source>Blocked by the gateway&apos;s security guards (%1): %2 (code %3, HTTP %4).</source>
        <translation>Von den Sicherheitsfiltern des Gateways blockiert (%1): %2 (Code %3, HTTP %4).</translation>
    </message>
    <message>
        <source>The gateway answered HTTP %1: %2 (code %3).</source>
        <translation>Das Gateway antwortete mit HTTP %1: %2 (Code %3).</translation>
    </message>
    <message>
        <source>The answer stopped with an error: %1 (code %2).</source>
        <translation>Die Antwort brach mit einem Fehler ab: %1 (Code %2).</translation>
    </message>
    <message>
        <source>Cannot reach the gateway at %1: %2. Is the proxy running and listening?</source>
        <translation>Das Gateway unter %1 ist nicht erreichbar: %2. Läuft der Proxy und ist er empfangsbereit?</translation>
    </message>
    <message>
        <source>The connection to the gateway broke: %1.</source>
        <translation>Die Verbindung zum Gateway ist abgebrochen: %1.</translation>
    </message>
    <message>
        <source>The stream ended without its final [DONE] event: the answer may be incomplete.</source>
        <translation>Der Stream endete ohne das abschließende [DONE]-Ereignis: Die Antwort ist möglicherweise unvollständig.</translation>
    </message>
</context>
<context>
    <name>llmproxy::RequestLogModel</name>
    <message>
        <source>%1 (stream)</source>
        <translation>%1 (Stream)</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Anfrage %1</translation>
    </message>
    <message>
        <source>Client key: %1</source>
        <translation>Client-Schlüssel: %1</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>Endpunkt: %1</translation>
    </message>
    <message>
        <source>Gateway overhead: %1 ms</source>
        <translation>Gateway-Overhead: %1 ms</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Eingabe-Tokens</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>%1 attempts: retried or fell back to another endpoint</source>
        <translation>%1 Versuche: wiederholt oder auf einen anderen Endpunkt ausgewichen</translation>
    </message>
    <message>
        <source>How often the request was sent upstream, when it was retried or fell back to another endpoint</source>
        <translation>Wie oft die Anfrage an den Upstream ging, wenn sie wiederholt wurde oder auf einen anderen Endpunkt auswich</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Anbieter: %1</translation>
    </message>
    <message>
        <source>Requested model %1, served by %2</source>
        <translation>Angefragtes Modell %1, bedient von %2</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>llmproxy::RouteMenu</name>
    <message>
        <source>Claude Code (Anthropic Messages API)</source>
        <translation>Claude Code (Anthropic Messages API)</translation>
    </message>
    <message>
        <source>Codex (Responses API)</source>
        <translation>Codex (Responses API)</translation>
    </message>
    <message>
        <source>Other tools (Chat Completions API)</source>
        <translation>Andere Werkzeuge (Chat Completions API)</translation>
    </message>
    <message>
        <source>&amp;Route coding tools</source>
        <translation>Programmierwerkzeuge &amp;umleiten</translation>
    </message>
    <message>
        <source>Send every request of a coding tool to one model, whatever it asks for</source>
        <translation>Jede Anfrage eines Programmierwerkzeugs an ein bestimmtes Modell senden, egal was es anfordert</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>As requested (no override)</source>
        <translation>Wie angefordert (keine Vorgabe)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more in the Models window</source>
        <translation>
            <numerusform>%n weiteres im Fenster „Modelle“</numerusform>
            <numerusform>%n weitere im Fenster „Modelle“</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>No endpoint lists its models</source>
        <translation>Kein Endpunkt listet seine Modelle auf</translation>
    </message>
</context>
<context>
    <name>llmproxy::SecurityWindow</name>
    <message>
        <source>Security — LLMProxy</source>
        <translation>Sicherheit — LLMProxy</translation>
    </message>
    <message>
        <source>Audit chain</source>
        <translation>Audit-Kette</translation>
    </message>
    <message>
        <source>Every audited event is chained to the one before it by a hash. Verifying walks the chain from its checkpoint to its newest entry and reports the first entry that was changed, removed or inserted.</source>
        <translation>Jedes protokollierte Ereignis ist über einen Hash mit dem vorherigen verkettet. Die Prüfung durchläuft die Kette von ihrem Prüfpunkt bis zum neuesten Eintrag und meldet den ersten Eintrag, der geändert, entfernt oder eingefügt wurde.</translation>
    </message>
    <message>
        <source>&amp;Verify audit chain</source>
        <translation>Audit-Kette &amp;prüfen</translation>
    </message>
    <message>
        <source>Personal data (GDPR)</source>
        <translation>Personenbezogene Daten (DSGVO)</translation>
    </message>
    <message>
        <source>A person&apos;s data in the audit ledger is sealed with keys of their own. Export saves all of it as JSON; Erase destroys their keys, so it can never be read again, while the chain still verifies.</source>
        <translation>Die Daten einer Person im Audit-Protokoll sind mit eigenen Schlüsseln versiegelt. Exportieren speichert sie vollständig als JSON; Löschen vernichtet die Schlüssel, sodass die Daten nie wieder gelesen werden können, während die Kette weiterhin prüfbar bleibt.</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>Key name, user or IP address</source>
        <translation>Schlüsselname, Benutzer oder IP-Adresse</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Save everything the audit ledger holds about this person as JSON</source>
        <translation>Alles, was das Audit-Protokoll über diese Person enthält, als JSON speichern</translation>
    </message>
    <message>
        <source>E&amp;rase…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Destroy this person&apos;s keys: their data in the audit ledger can no longer be read</source>
        <translation>Die Schlüssel dieser Person vernichten: Ihre Daten im Audit-Protokoll können nicht mehr gelesen werden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Not verified since this window opened.</source>
        <translation>Seit dem Öffnen dieses Fensters nicht geprüft.</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>✔ The chain is empty: nothing has been audited yet (checked in %1).</source>
        <translation>✔ Die Kette ist leer: Noch wurde nichts protokolliert (geprüft in %1).</translation>
    </message>
    <message>
        <source>✔ The chain is intact: %1 entries checked in %2; the newest is entry %3.</source>
        <translation>✔ Die Kette ist intakt: %1 Einträge in %2 geprüft; der neueste ist Eintrag %3.</translation>
    </message>
    <message>
        <source>✘ The chain is broken at entry %1 (%2: %3). %4 entries before it were checked in %5.</source>
        <translation>✘ Die Kette ist bei Eintrag %1 unterbrochen (%2: %3). %4 Einträge davor wurden in %5 geprüft.</translation>
    </message>
    <message>
        <source>Erase “%1” from the audit ledger?

Their keys are destroyed: the names, addresses and personal details in every audit entry about them can never be read again, by anyone, and no export will contain them. The entries themselves stay, so the chain still verifies. This cannot be undone.</source>
        <translation>„%1“ aus dem Audit-Protokoll löschen?

Die Schlüssel der Person werden vernichtet: Namen, Adressen und persönliche Angaben in allen Audit-Einträgen über sie können von niemandem je wieder gelesen werden, und kein Export wird sie enthalten. Die Einträge selbst bleiben, sodass die Kette weiterhin prüfbar ist. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>Personenbezogene Daten löschen</translation>
    </message>
    <message>
        <source>Erase “%1”</source>
        <translation>„%1“ löschen</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <source>“%1” is erased: %2 keys destroyed; %3 entries held their data. The erasure is entry %4 of the chain.</source>
        <translation>„%1“ ist gelöscht: %2 Schlüssel vernichtet; %3 Einträge enthielten die Daten. Die Löschung ist Eintrag %4 der Kette.</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>Personenbezogene Daten exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved the data of “%1” to %2.</source>
        <translation>Die Daten von „%1“ wurden in %2 gespeichert.</translation>
    </message>
</context>
<context>
    <name>llmproxy::SettingsWindow</name>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>Der Ordner für %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot keep a backup of %1 as %2; nothing was saved.</source>
        <translation>Von %1 kann keine Sicherung als %2 angelegt werden; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
    <message>
        <source>Debug: everything, for finding a problem</source>
        <translation>Debug: alles, zur Fehlersuche</translation>
    </message>
    <message>
        <source>Info: requests and changes</source>
        <translation>Info: Anfragen und Änderungen</translation>
    </message>
    <message>
        <source>Warning: only what needs attention</source>
        <translation>Warnung: nur, was Aufmerksamkeit braucht</translation>
    </message>
    <message>
        <source>Error: only failures</source>
        <translation>Fehler: nur Fehlschläge</translation>
    </message>
    <message>
        <source>Text: one readable line per event</source>
        <translation>Text: eine lesbare Zeile pro Ereignis</translation>
    </message>
    <message>
        <source>JSON: one object per line, for log collectors</source>
        <translation>JSON: ein Objekt pro Zeile, für Log-Sammler</translation>
    </message>
    <message>
        <source>The log goes to the standard error output: the terminal that started LLMProxy, or the system journal when it runs as a service. The configuration has no log file of its own; redirect the output to keep one.</source>
        <translation>Das Protokoll geht an die Standardfehlerausgabe: das Terminal, in dem LLMProxy gestartet wurde, oder das Systemjournal, wenn es als Dienst läuft. Die Konfiguration kennt keine eigene Protokolldatei; leiten Sie die Ausgabe um, um eine zu erhalten.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Off: only programs on this computer can use the proxy (127.0.0.1). On: other machines on your network reach it at this computer&apos;s address.&lt;/p&gt;&lt;p&gt;They could then spend your provider accounts, so LLMProxy listens beyond this computer only when clients must send a proxy key: set &lt;code&gt;LLM_PROXY_API_KEYS&lt;/code&gt; (comma-separated keys) in the environment or in &lt;code&gt;.env&lt;/code&gt;, or add keys under &lt;code&gt;server.auth.keys&lt;/code&gt; in the configuration file. Without a key it refuses to start. The proxy speaks plain HTTP: on a network you do not trust, put a TLS reverse proxy in front of it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aus: Nur Programme auf diesem Rechner können den Proxy nutzen (127.0.0.1). An: Andere Rechner in Ihrem Netzwerk erreichen ihn unter der Adresse dieses Rechners.&lt;/p&gt;&lt;p&gt;Sie könnten dann Ihre Anbieterkonten belasten, daher empfängt LLMProxy über diesen Rechner hinaus nur, wenn Clients einen Proxy-Schlüssel senden müssen: Setzen Sie &lt;code&gt;LLM_PROXY_API_KEYS&lt;/code&gt; (kommagetrennte Schlüssel) in der Umgebung oder in &lt;code&gt;.env&lt;/code&gt;, oder fügen Sie Schlüssel unter &lt;code&gt;server.auth.keys&lt;/code&gt; in der Konfigurationsdatei hinzu. Ohne Schlüssel verweigert es den Start. Der Proxy spricht unverschlüsseltes HTTP: In einem Netzwerk, dem Sie nicht vertrauen, schalten Sie einen TLS-Reverse-Proxy davor.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none: nothing is kept between runs</source>
        <translation>keines: zwischen den Starts wird nichts aufbewahrt</translation>
    </message>
    <message>
        <source>No configuration file is in use; start LLMProxy with --config FILE.</source>
        <translation>Es wird keine Konfigurationsdatei verwendet; starten Sie LLMProxy mit --config DATEI.</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The proxy is not listening.</source>
        <translation>Der Proxy ist nicht empfangsbereit.</translation>
    </message>
    <message>
        <source>Listening now on %1.</source>
        <translation>Empfängt derzeit auf %1.</translation>
    </message>
    <message>
        <source>The configuration file has errors; correct them on the Configuration file page first.</source>
        <translation>Die Konfigurationsdatei enthält Fehler; korrigieren Sie diese zuerst auf der Seite „Konfigurationsdatei“.</translation>
    </message>
    <message>
        <source>%1 is not an IP address: use 0.0.0.0 (every IPv4 interface), :: (every IPv6 interface) or one of this computer&apos;s addresses.</source>
        <translation>%1 ist keine IP-Adresse: Verwenden Sie 0.0.0.0 (alle IPv4-Schnittstellen), :: (alle IPv6-Schnittstellen) oder eine der Adressen dieses Rechners.</translation>
    </message>
    <message>
        <source>No proxy key is configured, so LLMProxy would refuse to listen beyond this computer. Set LLM_PROXY_API_KEYS or add keys under server.auth.keys first.</source>
        <translation>Es ist kein Proxy-Schlüssel konfiguriert, daher würde LLMProxy nicht über diesen Rechner hinaus empfangen. Setzen Sie zuerst LLM_PROXY_API_KEYS oder fügen Sie Schlüssel unter server.auth.keys hinzu.</translation>
    </message>
    <message>
        <source>the listen address</source>
        <translation>die Empfangsadresse</translation>
    </message>
    <message>
        <source>the port</source>
        <translation>den Port</translation>
    </message>
    <message>
        <source>The environment or the command line sets %1; the file&apos;s value is not used.</source>
        <translation>Die Umgebung oder die Befehlszeile legt %1 fest; der Wert aus der Datei wird nicht verwendet.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>A changed address or port takes effect after LLMProxy restarts: reloading the configuration does not move the listener.</source>
        <translation>Eine geänderte Adresse oder ein geänderter Port wirkt erst nach einem Neustart von LLMProxy: Das Neuladen der Konfiguration verlegt den Listener nicht.</translation>
    </message>
    <message>
        <source>Cannot change the configuration file: %1</source>
        <translation>Die Konfigurationsdatei kann nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Its layout could not be kept, so it was written anew without its comments; the previous file is %1.bak.</source>
        <translation>Ihr Aufbau ließ sich nicht erhalten, daher wurde sie ohne Kommentare neu geschrieben; die bisherige Datei ist %1.bak.</translation>
    </message>
    <message>
        <source>Not saved, the file is unchanged: %1</source>
        <translation>Nicht gespeichert, die Datei ist unverändert: %1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <source>Reloading…</source>
        <translation>Wird neu geladen…</translation>
    </message>
    <message>
        <source>%1 Reloaded: %2.</source>
        <translation>%1 Neu geladen: %2.</translation>
    </message>
    <message>
        <source>%1 The reload failed, the previous configuration stays in force: %2</source>
        <translation>%1 Das Neuladen ist fehlgeschlagen, die bisherige Konfiguration bleibt aktiv: %2</translation>
    </message>
    <message>
        <source>The new address takes effect after LLMProxy restarts.</source>
        <translation>Die neue Adresse wirkt nach einem Neustart von LLMProxy.</translation>
    </message>
    <message>
        <source>LLMProxy starts when you log in.</source>
        <translation>LLMProxy startet bei Ihrer Anmeldung.</translation>
    </message>
    <message>
        <source>LLMProxy no longer starts when you log in.</source>
        <translation>LLMProxy startet nicht mehr bei Ihrer Anmeldung.</translation>
    </message>
    <message>
        <source>Kept in %1, which starts %2.</source>
        <translation>Abgelegt in %1, das %2 startet.</translation>
    </message>
    <message>
        <source>No file manager opens %1.</source>
        <translation>Kein Dateimanager öffnet %1.</translation>
    </message>
    <message>
        <source>1 error; choose it to go to its line.</source>
        <translation>1 Fehler; wählen Sie ihn, um zu seiner Zeile zu springen.</translation>
    </message>
    <message>
        <source>%1 errors; choose one to go to its line.</source>
        <translation>%1 Fehler; wählen Sie einen, um zu seiner Zeile zu springen.</translation>
    </message>
    <message>
        <source>Not applied: the text has errors and the file is unchanged.</source>
        <translation>Nicht übernommen: Der Text enthält Fehler, die Datei ist unverändert.</translation>
    </message>
    <message>
        <source>The editor shows the file again.</source>
        <translation>Der Editor zeigt wieder die Datei.</translation>
    </message>
    <message>
        <source>Created here</source>
        <translation>Hier erstellt</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>Konfigurationsdatei</translation>
    </message>
    <message>
        <source>Every model</source>
        <translation>Alle Modelle</translation>
    </message>
    <message>
        <source>There is no client key: every program that can reach the proxy may use it.</source>
        <translation>Es gibt keinen Client-Schlüssel: Jedes Programm, das den Proxy erreicht, darf ihn nutzen.</translation>
    </message>
    <message>
        <source>This key comes from the configuration file; remove it there.</source>
        <translation>Dieser Schlüssel stammt aus der Konfigurationsdatei; entfernen Sie ihn dort.</translation>
    </message>
    <message>
        <source>Created the client key “%1”. Copy it now: it is not shown again.</source>
        <translation>Client-Schlüssel „%1“ erstellt. Kopieren Sie ihn jetzt: Er wird nicht noch einmal angezeigt.</translation>
    </message>
    <message>
        <source>Revoke client key</source>
        <translation>Client-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Revoke the client key “%1”? Programs that use it are refused from their next request.</source>
        <translation>Client-Schlüssel „%1“ widerrufen? Programme, die ihn verwenden, werden ab ihrer nächsten Anfrage abgewiesen.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Revoked the client key “%1”.</source>
        <translation>Client-Schlüssel „%1“ widerrufen.</translation>
    </message>
</context>
<context>
    <name>llmproxy::ThreatsWindow</name>
    <message>
        <source>Threats — LLMProxy</source>
        <translation>Bedrohungen — LLMProxy</translation>
    </message>
</context>
<context>
    <name>llmproxy::TrayIcon</name>
    <message>
        <source>Not listening</source>
        <translation>Nicht empfangsbereit</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Onboarding: no endpoint configured</source>
        <translation>Ersteinrichtung: kein Endpunkt konfiguriert</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>All traffic stopped (kill switch)</source>
        <translation>Gesamter Datenverkehr gestoppt (Not-Aus)</translation>
    </message>
    <message>
        <source>No endpoint enabled</source>
        <translation>Kein Endpunkt aktiviert</translation>
    </message>
    <message>
        <source>Every endpoint is down</source>
        <translation>Alle Endpunkte sind ausgefallen</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>Which events show a desktop notification</source>
        <translation>Welche Ereignisse eine Desktop-Benachrichtigung anzeigen</translation>
    </message>
    <message>
        <source>Endpoint down or back up</source>
        <translation>Endpunkt ausgefallen oder wieder erreichbar</translation>
    </message>
    <message>
        <source>Request blocked by a security guard</source>
        <translation>Anfrage von einem Sicherheitswächter blockiert</translation>
    </message>
    <message>
        <source>Blocks not shown since the last notification: %1</source>
        <translation>Seit der letzten Benachrichtigung nicht angezeigte Blockierungen: %1</translation>
    </message>
    <message>
        <source>Endpoint changes not shown since the last notification: %1</source>
        <translation>Seit der letzten Benachrichtigung nicht angezeigte Endpunktänderungen: %1</translation>
    </message>
    <message>
        <source>Endpoint down</source>
        <translation>Endpunkt ausgefallen</translation>
    </message>
    <message>
        <source>%1 is not answering; requests go to the other endpoints, if any.</source>
        <translation>%1 antwortet nicht; Anfragen gehen an die anderen Endpunkte, sofern vorhanden.</translation>
    </message>
    <message>
        <source>Endpoint back up</source>
        <translation>Endpunkt wieder erreichbar</translation>
    </message>
    <message>
        <source>%1 answers again.</source>
        <translation>%1 antwortet wieder.</translation>
    </message>
    <message>
        <source>Request blocked</source>
        <translation>Anfrage blockiert</translation>
    </message>
    <message>
        <source>The %1 guard blocked a request (%2).</source>
        <translation>Der Wächter %1 hat eine Anfrage blockiert (%2).</translation>
    </message>
    <message>
        <source>Endpoint down: %1</source>
        <translation>Endpunkt ausgefallen: %1</translation>
    </message>
    <message>
        <source>A request was blocked in the last minute</source>
        <translation>In der letzten Minute wurde eine Anfrage blockiert</translation>
    </message>
    <message>
        <source>Daily budget warning or limit reached</source>
        <translation>Warnschwelle oder Tagesbudget erreicht</translation>
    </message>
    <message>
        <source>Today: %1 of %2 budget</source>
        <translation>Heute: %1 von %2 Budget</translation>
    </message>
    <message>
        <source>Today: %1 spent (no daily budget)</source>
        <translation>Heute: %1 ausgegeben (kein Tagesbudget)</translation>
    </message>
    <message>
        <source>Daily budget reached</source>
        <translation>Tagesbudget erreicht</translation>
    </message>
    <message>
        <source>Today&apos;s spend of %1 reached the daily budget of %2.</source>
        <translation>Die heutigen Ausgaben von %1 haben das Tagesbudget von %2 erreicht.</translation>
    </message>
    <message>
        <source>Budget warning</source>
        <translation>Budgetwarnung</translation>
    </message>
    <message>
        <source>Today&apos;s spend of %1 passed the warning level of %2.</source>
        <translation>Die heutigen Ausgaben von %1 haben die Warnschwelle von %2 überschritten.</translation>
    </message>
</context>
</TS>
