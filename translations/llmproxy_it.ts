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
    <message>
        <source>Kill switch</source>
        <translation>Interruttore di emergenza</translation>
    </message>
    <message>
        <source>&lt;b&gt;All traffic is stopped.&lt;/b&gt; The kill switch refuses every inference request with 503 until you resume traffic.</source>
        <translation>&lt;b&gt;Tutto il traffico è bloccato.&lt;/b&gt; L’interruttore di emergenza rifiuta ogni richiesta di inferenza con 503 finché non riprendi il traffico.</translation>
    </message>
    <message>
        <source>Resume &amp;traffic</source>
        <translation>&amp;Riprendi il traffico</translation>
    </message>
    <message>
        <source>Release the kill switch and serve requests again</source>
        <translation>Disattiva l’interruttore di emergenza e servi di nuovo le richieste</translation>
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
    <message>
        <source>&amp;Stop all traffic</source>
        <translation>&amp;Blocca tutto il traffico</translation>
    </message>
    <message>
        <source>Kill switch: refuse every inference request at once, until you release it</source>
        <translation>Interruttore di emergenza: rifiuta subito ogni richiesta di inferenza finché non lo disattivi</translation>
    </message>
    <message>
        <source>Open &amp;configuration file</source>
        <translation>Apri il file di &amp;configurazione</translation>
    </message>
    <message>
        <source>Edit the configuration file; Reload configuration applies it</source>
        <translation>Modifica il file di configurazione; «Ricarica configurazione» lo applica</translation>
    </message>
    <message>
        <source>No configuration file is in use; start LLMProxy with --config FILE.</source>
        <translation>Nessun file di configurazione in uso; avvia LLMProxy con --config FILE.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>Impossibile creare %1: %2</translation>
    </message>
    <message>
        <source>No application opens %1; edit it with any text editor.</source>
        <translation>Nessuna applicazione apre %1; modificalo con un qualsiasi editor di testo.</translation>
    </message>
    <message>
        <source>Opened %1. Save it, then choose Reload configuration to apply it.</source>
        <translation>%1 aperto. Salvalo, poi scegli «Ricarica configurazione» per applicarlo.</translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointModel</name>
    <message>
        <source>any model</source>
        <translation>qualsiasi modello</translation>
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
        <source>Models</source>
        <translation>Modelli</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salute</translation>
    </message>
    <message>
        <source>Open — retrying with the next request</source>
        <translation>Aperto — nuovo tentativo alla prossima richiesta</translation>
    </message>
    <message>
        <source>Open — retrying in %1 min</source>
        <translation>Aperto — nuovo tentativo tra %1 min</translation>
    </message>
    <message>
        <source>Open — retrying in %1 s</source>
        <translation>Aperto — nuovo tentativo tra %1 s</translation>
    </message>
    <message>
        <source>Half-open — testing one request</source>
        <translation>Semiaperto — una richiesta di prova in corso</translation>
    </message>
    <message>
        <source>Enabled — failures in a row: %1</source>
        <translation>Attivato — errori consecutivi: %1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Attivato</translation>
    </message>
    <message>
        <source>From the configuration file</source>
        <translation>Dal file di configurazione</translation>
    </message>
    <message>
        <source>From the environment</source>
        <translation>Dall’ambiente</translation>
    </message>
    <message>
        <source>Detected on this machine</source>
        <translation>Rilevato su questo computer</translation>
    </message>
    <message>
        <source>Added through the admin API</source>
        <translation>Aggiunto tramite l’API di amministrazione</translation>
    </message>
    <message>
        <source>API key: set</source>
        <translation>Chiave API: impostata</translation>
    </message>
    <message>
        <source>API key: none</source>
        <translation>Chiave API: nessuna</translation>
    </message>
    <message>
        <source>Untick to stop routing requests here.</source>
        <translation>Togli la spunta per non inoltrare più richieste qui.</translation>
    </message>
    <message>
        <source>Tick to route requests here again.</source>
        <translation>Metti la spunta per inoltrare di nuovo richieste qui.</translation>
    </message>
    <message>
        <source>Serves any model it is asked for.</source>
        <translation>Serve qualsiasi modello richiesto.</translation>
    </message>
    <message>
        <source>Switched off: no request is routed here until it is enabled again.</source>
        <translation>Disattivato: nessuna richiesta viene inoltrata qui finché non viene riattivato.</translation>
    </message>
    <message>
        <source>Circuit breaker open (failures in a row: %1): requests skip this endpoint until a test request succeeds.</source>
        <translation>Circuit breaker aperto (errori consecutivi: %1): le richieste saltano questo endpoint finché una richiesta di prova non riesce.</translation>
    </message>
    <message>
        <source>Circuit breaker half-open: one test request is on its way; its success closes the breaker.</source>
        <translation>Circuit breaker semiaperto: una richiesta di prova è in corso; se riesce, il circuit breaker si chiude.</translation>
    </message>
    <message>
        <source>Circuit breaker closed: requests are routed here.</source>
        <translation>Circuit breaker chiuso: le richieste vengono inoltrate qui.</translation>
    </message>
    <message>
        <source>The last health check succeeded.</source>
        <translation>L’ultimo controllo di salute è riuscito.</translation>
    </message>
    <message>
        <source>The last health check failed.</source>
        <translation>L’ultimo controllo di salute non è riuscito.</translation>
    </message>
    <message>
        <source>Found running on this machine.</source>
        <translation>Trovato in esecuzione su questo computer.</translation>
    </message>
    <message>
        <source>Health checks are off for this endpoint (probe: false).</source>
        <translation>I controlli di stato sono disattivati per questo endpoint (probe: false).</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Non ancora controllato.</translation>
    </message>
    <message>
        <source>No request has been answered yet.</source>
        <translation>Nessuna richiesta ha ancora ricevuto risposta.</translation>
    </message>
    <message>
        <source>Requests: %1, failed: %2</source>
        <translation>Richieste: %1, non riuscite: %2</translation>
    </message>
    <message>
        <source>Tick an endpoint to route requests to it, untick it to switch it off</source>
        <translation>Metti la spunta su un endpoint per inoltrargli richieste, toglila per disattivarlo</translation>
    </message>
    <message>
        <source>Enabled or disabled, and the state of the circuit breaker</source>
        <translation>Attivato o disattivato, e lo stato del circuit breaker</translation>
    </message>
    <message>
        <source>Result of the last health check</source>
        <translation>Esito dell’ultimo controllo di salute</translation>
    </message>
    <message>
        <source>Moving average of the time successful requests took</source>
        <translation>Media mobile della durata delle richieste riuscite</translation>
    </message>
    <message>
        <source>Moving average of the share of requests that succeeded</source>
        <translation>Media mobile della quota di richieste riuscite</translation>
    </message>
    <message>
        <source>Requests answered by this endpoint since LLMProxy started</source>
        <translation>Richieste servite da questo endpoint dall’avvio di LLMProxy</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenza</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Successo</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Richieste</translation>
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
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Attivato</translation>
    </message>
    <message>
        <source>Configured and detected endpoints with their state, health, latency and success rate. The check box of a row switches the endpoint on or off.</source>
        <translation>Endpoint configurati e rilevati con stato, salute, latenza e percentuale di successo. La casella di ogni riga attiva o disattiva l’endpoint.</translation>
    </message>
    <message>
        <source>Route requests to the selected endpoint</source>
        <translation>Inoltra le richieste all’endpoint selezionato</translation>
    </message>
    <message>
        <source>E&amp;ndpoint</source>
        <translation>E&amp;ndpoint</translation>
    </message>
    <message>
        <source>Traffic stopped</source>
        <translation>Traffico bloccato</translation>
    </message>
    <message>
        <source>Kill switch on: every inference request is refused with 503 until you resume traffic.</source>
        <translation>Interruttore di emergenza attivo: ogni richiesta di inferenza viene rifiutata con 503 finché non riprendi il traffico.</translation>
    </message>
    <message>
        <source>No endpoint enabled</source>
        <translation>Nessun endpoint attivo</translation>
    </message>
    <message>
        <source>Every endpoint is switched off: inference requests are answered with 503 until you tick one in the endpoint list.</source>
        <translation>Tutti gli endpoint sono disattivati: le richieste di inferenza ricevono 503 finché non ne spunti uno nell’elenco.</translation>
    </message>
    <message>
        <source>Endpoints down</source>
        <translation>Endpoint non disponibili</translation>
    </message>
    <message>
        <source>Every enabled endpoint is failing (circuit breaker open or health check failed): requests fail until one recovers.</source>
        <translation>Ogni endpoint attivo fallisce (interruttore aperto o controllo di salute fallito): le richieste falliscono finché uno non si riprende.</translation>
    </message>
    <message>
        <source>Add an endpoint under &lt;code&gt;endpoints:&lt;/code&gt; in %1 (&lt;i&gt;Open configuration file&lt;/i&gt; creates it with examples), save it, then choose &lt;i&gt;Reload configuration&lt;/i&gt; (%2): it applies the file without a restart.</source>
        <translation>Aggiungi un endpoint sotto &lt;code&gt;endpoints:&lt;/code&gt; in %1 (&lt;i&gt;Apri il file di configurazione&lt;/i&gt; lo crea con degli esempi), salvalo, poi scegli &lt;i&gt;Ricarica configurazione&lt;/i&gt; (%2): applica il file senza riavviare.</translation>
    </message>
    <message>
        <source>%1 requests missing from the log</source>
        <translation>%1 richieste mancanti dal registro</translation>
    </message>
    <message>
        <source>The log could not keep up: these requests were served but are not listed (the proxy&apos;s log output counts them too).</source>
        <translation>Il registro non ha tenuto il passo: queste richieste sono state servite ma non sono elencate (anche l’output di log del proxy le conta).</translation>
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
        <source>Client key: %1</source>
        <translation>Chiave client: %1</translation>
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
    <message>
        <source>%1 attempts: retried or fell back to another endpoint</source>
        <translation>%1 tentativi: ripetuta o dirottata su un altro endpoint</translation>
    </message>
    <message>
        <source>How often the request was sent upstream, when it was retried or fell back to another endpoint</source>
        <translation>Quante volte la richiesta è stata inviata a monte, quando è stata ripetuta o dirottata su un altro endpoint</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentativi</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Provider: %1</translation>
    </message>
    <message>
        <source>Requested model %1, served by %2</source>
        <translation>Modello richiesto %1, servito da %2</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Errore</translation>
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
    <message>
        <source>All traffic stopped (kill switch)</source>
        <translation>Tutto il traffico bloccato (interruttore di emergenza)</translation>
    </message>
    <message>
        <source>No endpoint enabled</source>
        <translation>Nessun endpoint attivo</translation>
    </message>
    <message>
        <source>Every endpoint is down</source>
        <translation>Tutti gli endpoint sono non disponibili</translation>
    </message>
</context>
</TS>
