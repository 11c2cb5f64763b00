<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>MainWindow</name>
    <message>
        <source>Base URL</source>
        <translation>URL di base</translation>
    </message>
    <message>
        <source>Listen URL</source>
        <translation>URL di ascolto</translation>
    </message>
    <message>
        <source>Proxy state</source>
        <translation>Stato del proxy</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>&amp;Copia URL</translation>
    </message>
    <message>
        <source>Copy the base URL to the clipboard</source>
        <translation>Copia l’URL di base negli appunti</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Prova</translation>
    </message>
    <message>
        <source>Client configuration example</source>
        <translation>Esempio di configurazione del client</translation>
    </message>
    <message>
        <source>Copy e&amp;xample</source>
        <translation>Copia &amp;esempio</translation>
    </message>
    <message>
        <source>Copy the example commands to the clipboard</source>
        <translation>Copia i comandi di esempio negli appunti</translation>
    </message>
    <message>
        <source>Setup hint</source>
        <translation>Suggerimento di configurazione</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Richieste</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Registro delle richieste</translation>
    </message>
</context>
<context>
    <name>llmproxy::DesktopShell</name>
    <message>
        <source>LLMProxy keeps running in the system tray. Choose Quit in its menu to stop it.</source>
        <translation>LLMProxy continua a funzionare nell’area di notifica. Scegli Esci dal suo menu per fermarlo.</translation>
    </message>
    <message>
        <source>&amp;Open LLMProxy</source>
        <translation>&amp;Apri LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Pause proxy</source>
        <translation>&amp;Sospendi il proxy</translation>
    </message>
    <message>
        <source>Answer inference requests with 503 until resumed</source>
        <translation>Rispondi alle richieste di inferenza con 503 fino alla ripresa</translation>
    </message>
    <message>
        <source>&amp;Reload configuration</source>
        <translation>&amp;Ricarica la configurazione</translation>
    </message>
    <message>
        <source>&amp;Copy base URL</source>
        <translation>&amp;Copia URL di base</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;About LLMProxy</source>
        <translation>&amp;Informazioni su LLMProxy</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard.</source>
        <translation>%1 copiato negli appunti.</translation>
    </message>
    <message>
        <source>About LLMProxy</source>
        <translation>Informazioni su LLMProxy</translation>
    </message>
    <message>
        <source>&lt;b&gt;LLMProxy %1&lt;/b&gt;&lt;p&gt;A security gateway for LLM traffic: one OpenAI-compatible endpoint in front of local and hosted models.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;b&gt;LLMProxy %1&lt;/b&gt;&lt;p&gt;Un gateway di sicurezza per il traffico LLM: un unico endpoint compatibile con OpenAI davanti a modelli locali e ospitati.&lt;/p&gt;&lt;p&gt;Distribuito con licenza GNU General Public License, versione 3 o successiva.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointModel</name>
    <message>
        <source>any model</source>
        <translation>qualsiasi modello</translation>
    </message>
    <message>
        <source>Config file</source>
        <translation>File di configurazione</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Ambiente</translation>
    </message>
    <message>
        <source>Auto-detected</source>
        <translation>Rilevato automaticamente</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sì</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disattivato</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Non raggiungibile</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Sconosciuto</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL di base</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelli</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chiave API</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salute</translation>
    </message>
</context>
<context>
    <name>llmproxy::MainWindow</name>
    <message>
        <source>Copy base URL</source>
        <translation>Copia URL di base</translation>
    </message>
    <message>
        <source>Copy example commands</source>
        <translation>Copia i comandi di esempio</translation>
    </message>
    <message>
        <source>&amp;Proxy</source>
        <translation>&amp;Proxy</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra degli strumenti principale</translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>non in ascolto</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Non in ascolto</translation>
    </message>
    <message>
        <source>The proxy is not accepting connections.</source>
        <translation>Il proxy non accetta connessioni.</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>In pausa</translation>
    </message>
    <message>
        <source>Inference requests are answered with 503 until you resume the proxy.</source>
        <translation>Le richieste di inferenza ricevono 503 finché non riprendi il proxy.</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Configurazione iniziale</translation>
    </message>
    <message>
        <source>No endpoint is configured: inference requests are answered with 503.</source>
        <translation>Nessun endpoint configurato: le richieste di inferenza ricevono 503.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>In esecuzione</translation>
    </message>
    <message>
        <source>Forwarding requests to the configured endpoints.</source>
        <translation>Le richieste vengono inoltrate agli endpoint configurati.</translation>
    </message>
    <message>
        <source>Create a configuration file with an &lt;code&gt;endpoints:&lt;/code&gt; section and start LLMProxy with &lt;code&gt;--config FILE&lt;/code&gt;.</source>
        <translation>Crea un file di configurazione con una sezione &lt;code&gt;endpoints:&lt;/code&gt; e avvia LLMProxy con &lt;code&gt;--config FILE&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Add an endpoint under &lt;code&gt;endpoints:&lt;/code&gt; in %1, then choose &lt;i&gt;Reload configuration&lt;/i&gt; (%2).</source>
        <translation>Aggiungi un endpoint sotto &lt;code&gt;endpoints:&lt;/code&gt; in %1, poi scegli &lt;i&gt;Ricarica la configurazione&lt;/i&gt; (%2).</translation>
    </message>
    <message>
        <source>Or set &lt;code&gt;LLM_PROXY_ENDPOINT_&amp;lt;NAME&amp;gt;_URL&lt;/code&gt;, &lt;code&gt;_MODELS&lt;/code&gt;, &lt;code&gt;_KEY&lt;/code&gt; and &lt;code&gt;_PROVIDER&lt;/code&gt; in the environment or in a &lt;code&gt;.env&lt;/code&gt; file, and restart LLMProxy.</source>
        <translation>Oppure imposta &lt;code&gt;LLM_PROXY_ENDPOINT_&amp;lt;NAME&amp;gt;_URL&lt;/code&gt;, &lt;code&gt;_MODELS&lt;/code&gt;, &lt;code&gt;_KEY&lt;/code&gt; e &lt;code&gt;_PROVIDER&lt;/code&gt; nell’ambiente o in un file &lt;code&gt;.env&lt;/code&gt; e riavvia LLMProxy.</translation>
    </message>
    <message>
        <source>Or start a local server (Ollama, LM Studio, vLLM, llama.cpp) on its default port: LLMProxy detects it and offers it as an endpoint.</source>
        <translation>Oppure avvia un server locale (Ollama, LM Studio, vLLM, llama.cpp) sulla sua porta predefinita: LLMProxy lo rileva e lo propone come endpoint.</translation>
    </message>
    <message>
        <source>No endpoint is configured yet.</source>
        <translation>Nessun endpoint è ancora configurato.</translation>
    </message>
    <message>
        <source>Requests to the proxy are answered with 503 until you add one:</source>
        <translation>Le richieste al proxy ricevono 503 finché non ne aggiungi uno:</translation>
    </message>
    <message>
        <source>Configuration reloaded.</source>
        <translation>Configurazione ricaricata.</translation>
    </message>
    <message>
        <source>Configuration reloaded: %1</source>
        <translation>Configurazione ricaricata: %1</translation>
    </message>
    <message>
        <source>Reload failed, still using the previous configuration: %1</source>
        <translation>Ricaricamento non riuscito, resta in uso la configurazione precedente: %1</translation>
    </message>
    <message>
        <source>Example copied to the clipboard.</source>
        <translation>Esempio copiato negli appunti.</translation>
    </message>
</context>
<context>
    <name>llmproxy::RequestLogModel</name>
    <message>
        <source>%1 (stream)</source>
        <translation>%1 (stream)</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Richiesta %1</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>Endpoint: %1</translation>
    </message>
    <message>
        <source>Gateway overhead: %1 ms</source>
        <translation>Overhead del gateway: %1 ms</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Errore: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Percorso</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenza (ms)</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Token in ingresso</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Token in uscita</translation>
    </message>
</context>
<context>
    <name>llmproxy::TrayIcon</name>
    <message>
        <source>Not listening</source>
        <translation>Non in ascolto</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>In pausa</translation>
    </message>
    <message>
        <source>Onboarding: no endpoint configured</source>
        <translation>Configurazione iniziale: nessun endpoint configurato</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>In esecuzione</translation>
    </message>
</context>
</TS>
