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
</context>
<context>
    <name>llmproxy::EndpointModel</name>
    <message>
        <source>any model</source>
        <translation>jedes Modell</translation>
    </message>
    <message>
        <source>Config file</source>
        <translation>Konfigurationsdatei</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Auto-detected</source>
        <translation>Automatisch erkannt</translation>
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
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
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
        <source>Add an endpoint under &lt;code&gt;endpoints:&lt;/code&gt; in %1, then choose &lt;i&gt;Reload configuration&lt;/i&gt; (%2).</source>
        <translation>Fügen Sie in %1 unter &lt;code&gt;endpoints:&lt;/code&gt; einen Endpunkt hinzu und wählen Sie dann &lt;i&gt;Konfiguration neu laden&lt;/i&gt; (%2).</translation>
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
        <source>Provider</source>
        <translation>Anbieter</translation>
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
</context>
</TS>
