<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
</context>
</TS>
