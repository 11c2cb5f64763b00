<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>AnalyticsWindow</name>
    <message>
        <source>Analytics — LLMProxy</source>
        <translation>Analisi — LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primo giorno</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Ultimo giorno</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>Ra&amp;ggruppa per:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ggiorna</translation>
    </message>
    <message>
        <source>Read the spend and the budgets again</source>
        <translation>Rileggi la spesa e i budget</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Esporta CSV…</translation>
    </message>
    <message>
        <source>Save the table&apos;s rows as a CSV file</source>
        <translation>Salva le righe della tabella come file CSV</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tabella</translation>
    </message>
    <message>
        <source>Spend per day and group</source>
        <translation>Spesa per giorno e gruppo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
</context>
<context>
    <name>BlocksChart</name>
    <message>
        <source>Blocks per minute over the last hour: %1 in total</source>
        <translation>Blocchi al minuto nell’ultima ora: %1 in totale</translation>
    </message>
    <message>
        <source>Blocks per minute, last hour</source>
        <translation>Blocchi al minuto, ultima ora</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloccate</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Mascherate</translation>
    </message>
    <message>
        <source>Nothing blocked or masked in the last hour</source>
        <translation>Niente è stato bloccato o mascherato nell’ultima ora</translation>
    </message>
</context>
<context>
    <name>ConnectToolDialog</name>
    <message>
        <source>Connect a tool — LLMProxy</source>
        <translation>Collega uno strumento — LLMProxy</translation>
    </message>
    <message>
        <source>Coding tools</source>
        <translation>Strumenti di programmazione</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Strumento</translation>
    </message>
    <message>
        <source>About this tool</source>
        <translation>Informazioni su questo strumento</translation>
    </message>
    <message>
        <source>Gateway &amp;URL:</source>
        <translation>&amp;URL del gateway:</translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation>URL del gateway</translation>
    </message>
    <message>
        <source>Proxy &amp;key:</source>
        <translation>&amp;Chiave del proxy:</translation>
    </message>
    <message>
        <source>Proxy key</source>
        <translation>Chiave del proxy</translation>
    </message>
    <message>
        <source>About the key</source>
        <translation>Informazioni sulla chiave</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modello:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Settings for the tool</source>
        <translation>Impostazioni per lo strumento</translation>
    </message>
    <message>
        <source>The tool&apos;s config file</source>
        <translation>File di configurazione dello strumento</translation>
    </message>
    <message>
        <source>Config file</source>
        <translation>File di configurazione</translation>
    </message>
    <message>
        <source>&amp;Write config</source>
        <translation>&amp;Scrivi configurazione</translation>
    </message>
    <message>
        <source>U&amp;ndo</source>
        <translation>A&amp;nnulla</translation>
    </message>
    <message>
        <source>Result of writing the config file</source>
        <translation>Esito della scrittura del file di configurazione</translation>
    </message>
    <message>
        <source>Send a &amp;test request</source>
        <translation>Invia una richiesta di &amp;prova</translation>
    </message>
    <message>
        <source>Result of the test request</source>
        <translation>Esito della richiesta di prova</translation>
    </message>
    <message>
        <source>Create a key for this tool</source>
        <translation>Crea una chiave per questo strumento</translation>
    </message>
    <message>
        <source>Create a client key named after the tool, kept by the gateway as a digest, and put it here</source>
        <translation>Crea una chiave client con il nome dello strumento, conservata dal gateway come impronta, e inseriscila qui</translation>
    </message>
</context>
<context>
    <name>DecisionDetail</name>
    <message>
        <source>Blocked</source>
        <translation>Bloccato</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Mascherato</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Segnalato</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Perché</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 da %2</translation>
    </message>
    <message>
        <source>What matched</source>
        <translation>Corrispondenza</translation>
    </message>
    <message>
        <source>No detail recorded.</source>
        <translation>Nessun dettaglio registrato.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punteggio</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Chiave</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuna</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Richiesta</translation>
    </message>
    <message>
        <source>Select a decision to see why it was made.</source>
        <translation>Seleziona una decisione per vedere perché è stata presa.</translation>
    </message>
</context>
<context>
    <name>DecisionFeed</name>
    <message>
        <source>block</source>
        <translation>bloccato</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisioni</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Chiave</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Livello</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punteggio</translation>
    </message>
    <message>
        <source>Decisions of the security guards, newest first</source>
        <translation>Decisioni dei filtri di sicurezza, dalla più recente</translation>
    </message>
    <message>
        <source>mask</source>
        <translation>mascherato</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>segnalato</translation>
    </message>
    <message>
        <source>No request was blocked, masked or flagged so far.</source>
        <translation>Finora nessuna richiesta è stata bloccata, mascherata o segnalata.</translation>
    </message>
    <message>
        <source>Nothing has happened yet.
Every block, mask and flag of the security guards appears here as requests come in.</source>
        <translation>Non è ancora successo nulla.
Ogni blocco, mascheramento e segnalazione dei filtri di sicurezza compare qui man mano che arrivano le richieste.</translation>
    </message>
</context>
<context>
    <name>EndpointsWindow</name>
    <message>
        <source>Endpoints — LLMProxy</source>
        <translation>Endpoint — LLMProxy</translation>
    </message>
    <message>
        <source>Add endpoint</source>
        <translation>Aggiungi endpoint</translation>
    </message>
    <message>
        <source>Edit endpoint</source>
        <translation>Modifica endpoint</translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>Elimina endpoint</translation>
    </message>
    <message>
        <source>Enable or disable endpoint</source>
        <translation>Attiva o disattiva endpoint</translation>
    </message>
    <message>
        <source>Move endpoint up</source>
        <translation>Sposta endpoint in alto</translation>
    </message>
    <message>
        <source>Move endpoint down</source>
        <translation>Sposta endpoint in basso</translation>
    </message>
    <message>
        <source>Test endpoint now</source>
        <translation>Testa endpoint ora</translation>
    </message>
    <message>
        <source>Reset circuit breaker</source>
        <translation>Reimposta circuit breaker</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Selected endpoint</source>
        <translation>Endpoint selezionato</translation>
    </message>
    <message>
        <source>Endpoint details</source>
        <translation>Dettagli dell’endpoint</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Ultima azione</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
</context>
<context>
    <name>EngineController</name>
    <message>
        <source>No answer in time.</source>
        <translation>Nessuna risposta in tempo utile.</translation>
    </message>
    <message>
        <source>This provider has no list of models.</source>
        <translation>Questo provider non ha un elenco di modelli.</translation>
    </message>
    <message>
        <source>A keychain entry name has 1 to 128 letters, digits and -_.:@/.</source>
        <translation>Il nome di una voce del portachiavi ha da 1 a 128 lettere, cifre e -_.:@/.</translation>
    </message>
    <message>
        <source>%1 did not take the key.</source>
        <translation>%1 non ha accettato la chiave.</translation>
    </message>
    <message>
        <source>An endpoint named &quot;%1&quot; exists already.</source>
        <translation>Esiste già un endpoint di nome «%1».</translation>
    </message>
    <message>
        <source>There is no endpoint &quot;%1&quot;.</source>
        <translation>Non esiste alcun endpoint «%1».</translation>
    </message>
    <message>
        <source>This endpoint cannot be tested with a chat request.</source>
        <translation>Questo endpoint non può essere testato con una richiesta di chat.</translation>
    </message>
</context>
<context>
    <name>FirstRunDonePage</name>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>LLMProxy routes requests to this endpoint from now on.</source>
        <translation>D’ora in poi LLMProxy inoltra le richieste a questo endpoint.</translation>
    </message>
    <message>
        <source>What was configured</source>
        <translation>Cosa è stato configurato</translation>
    </message>
    <message>
        <source>Give tools this &amp;base URL:</source>
        <translation>Dai agli strumenti questo &amp;URL di base:</translation>
    </message>
    <message>
        <source>Base URL for tools</source>
        <translation>URL di base per gli strumenti</translation>
    </message>
    <message>
        <source>Copy the base URL</source>
        <translation>Copia l’URL di base</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copia</translation>
    </message>
    <message>
        <source>Connect a coding tool</source>
        <translation>Collega uno strumento di programmazione</translation>
    </message>
    <message>
        <source>Connect a &amp;tool…</source>
        <translation>Collega uno &amp;strumento…</translation>
    </message>
</context>
<context>
    <name>FirstRunKeyPage</name>
    <message>
        <source>Your API key</source>
        <translation>La tua chiave API</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Chiave:</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chiave API</translation>
    </message>
    <message>
        <source>Paste the key here</source>
        <translation>Incolla qui la chiave</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>Mostra la chiave</translation>
    </message>
    <message>
        <source>S&amp;how key</source>
        <translation>&amp;Mostra chiave</translation>
    </message>
    <message>
        <source>Store the key in the system keychain</source>
        <translation>Salva la chiave nel portachiavi di sistema</translation>
    </message>
    <message>
        <source>Keep it in the system &amp;keychain (recommended)</source>
        <translation>Conservala nel &amp;portachiavi di sistema (consigliato)</translation>
    </message>
    <message>
        <source>Entry &amp;name:</source>
        <translation>&amp;Nome della voce:</translation>
    </message>
    <message>
        <source>Keychain entry name</source>
        <translation>Nome della voce del portachiavi</translation>
    </message>
    <message>
        <source>Read the key from an environment variable</source>
        <translation>Leggi la chiave da una variabile d’ambiente</translation>
    </message>
    <message>
        <source>Read it from an &amp;environment variable</source>
        <translation>Leggila da una variabile d’&amp;ambiente</translation>
    </message>
    <message>
        <source>&amp;Variable:</source>
        <translation>&amp;Variabile:</translation>
    </message>
    <message>
        <source>Environment variable name</source>
        <translation>Nome della variabile d’ambiente</translation>
    </message>
    <message>
        <source>Key status</source>
        <translation>Stato della chiave</translation>
    </message>
</context>
<context>
    <name>Guards</name>
    <message>
        <source>Flood guard</source>
        <translation>Protezione anti-flood</translation>
    </message>
    <message>
        <source>Refuses requests with too many messages, too much text or a repetition flood.</source>
        <translation>Rifiuta le richieste con troppi messaggi, troppo testo o una raffica di ripetizioni.</translation>
    </message>
    <message>
        <source>Request firewall</source>
        <translation>Firewall delle richieste</translation>
    </message>
    <message>
        <source>Blocks known attack signatures in normalised text and in base64, hex, URL, ROT13 and escaped spans.</source>
        <translation>Blocca firme di attacco note nel testo normalizzato e nei tratti in base64, esadecimale, URL, ROT13 o con escape.</translation>
    </message>
    <message>
        <source>Injection scoring</source>
        <translation>Punteggio di injection</translation>
    </message>
    <message>
        <source>Blocks prompt injection by patterns in 17 languages, structure, similarity to known attacks and a learned classifier.</source>
        <translation>Blocca la prompt injection tramite pattern in 17 lingue, struttura, somiglianza con attacchi noti e un classificatore addestrato.</translation>
    </message>
    <message>
        <source>Multi-turn trajectory</source>
        <translation>Traiettoria multi-turno</translation>
    </message>
    <message>
        <source>Blocks a conversation whose recent user turns together build up an attack.</source>
        <translation>Blocca una conversazione i cui turni recenti dell’utente, nel loro insieme, costruiscono un attacco.</translation>
    </message>
    <message>
        <source>Threat ledger</source>
        <translation>Registro delle minacce</translation>
    </message>
    <message>
        <source>Refuses the borderline requests of a key or remote address that keeps sending suspicious ones.</source>
        <translation>Rifiuta le richieste al limite di una chiave o di un indirizzo remoto che continua a inviarne di sospette.</translation>
    </message>
    <message>
        <source>PII and secrets</source>
        <translation>PII e segreti</translation>
    </message>
    <message>
        <source>Masks e-mail addresses, phone numbers, cards, IBANs, SSNs and secrets before a request leaves, and restores them in the answer.</source>
        <translation>Maschera indirizzi e-mail, numeri di telefono, carte, IBAN, SSN e segreti prima dell’invio di una richiesta, e li ripristina nella risposta.</translation>
    </message>
    <message>
        <source>Response sanitizer</source>
        <translation>Pulizia delle risposte</translation>
    </message>
    <message>
        <source>Removes invisible and bidirectional control characters from answers and flags look-alike words.</source>
        <translation>Rimuove dalle risposte i caratteri di controllo invisibili e bidirezionali e segnala le parole dall’aspetto ingannevole.</translation>
    </message>
    <message>
        <source>Link sanitizer</source>
        <translation>Pulizia dei link</translation>
    </message>
    <message>
        <source>Replaces links to blocked domains in answers.</source>
        <translation>Sostituisce nelle risposte i link a domini bloccati.</translation>
    </message>
    <message>
        <source>System-prompt leak guard</source>
        <translation>Protezione dalla fuga del prompt di sistema</translation>
    </message>
    <message>
        <source>Stops an answer that repeats the operator&apos;s system prompt or its canary token.</source>
        <translation>Ferma una risposta che ripete il prompt di sistema dell’operatore o il suo token canary.</translation>
    </message>
    <message>
        <source>Response signing</source>
        <translation>Firma delle risposte</translation>
    </message>
    <message>
        <source>Signs every answer with HMAC-SHA256 when LLM_PROXY_SIGNING_KEY is set.</source>
        <translation>Firma ogni risposta con HMAC-SHA256 quando LLM_PROXY_SIGNING_KEY è impostata.</translation>
    </message>
</context>
<context>
    <name>GuardsWindow</name>
    <message>
        <source>Security guards — LLMProxy</source>
        <translation>Filtri di sicurezza — LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Security guards on</source>
        <translation>&amp;Filtri di sicurezza attivi</translation>
    </message>
    <message>
        <source>Master switch: every request and response guard at once</source>
        <translation>Interruttore generale: tutti i filtri di richieste e risposte insieme</translation>
    </message>
    <message>
        <source>Security state</source>
        <translation>Stato della sicurezza</translation>
    </message>
    <message>
        <source>Back to configuration</source>
        <translation>Torna alla configurazione</translation>
    </message>
    <message>
        <source>Requests scanned and scan time</source>
        <translation>Richieste analizzate e tempo di analisi</translation>
    </message>
    <message>
        <source>Switches apply at once. &lt;i&gt;Back to configuration&lt;/i&gt; returns a guard to what the configuration file says.</source>
        <translation>Gli interruttori hanno effetto subito. &lt;i&gt;Torna alla configurazione&lt;/i&gt; riporta un filtro a quanto indicato nel file di configurazione.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>Request history — LLMProxy</source>
        <translation>Cronologia delle richieste — LLMProxy</translation>
    </message>
    <message>
        <source>Search request ID, model or error</source>
        <translation>Cerca ID richiesta, modello o errore</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Ricerca</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Stato:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Chiave client</translation>
    </message>
    <message>
        <source>Only the requests made with the client key of this name</source>
        <translation>Solo le richieste fatte con la chiave client con questo nome</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Only the requests that asked for or were served by the model of this name</source>
        <translation>Solo le richieste che hanno chiesto il modello con questo nome o che ne sono state servite</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aggiorna</translation>
    </message>
    <message>
        <source>Load the newest requests again</source>
        <translation>Ricarica le richieste più recenti</translation>
    </message>
    <message>
        <source>Stored requests</source>
        <translation>Richieste salvate</translation>
    </message>
    <message>
        <source>Request details</source>
        <translation>Dettagli della richiesta</translation>
    </message>
    <message>
        <source>Select a request to see all it recorded.</source>
        <translation>Seleziona una richiesta per vedere tutto ciò che ne è stato registrato.</translation>
    </message>
    <message>
        <source>&amp;Copy request ID</source>
        <translation>&amp;Copia ID richiesta</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Segui</translation>
    </message>
    <message>
        <source>Show new requests as they are stored, while the table is scrolled to the top</source>
        <translation>Mostra le nuove richieste appena salvate, finché la tabella è scorsa fino in cima</translation>
    </message>
</context>
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
    <message>
        <source>Double-click a request to see it in the request history</source>
        <translation>Fai doppio clic su una richiesta per vederla nella cronologia delle richieste</translation>
    </message>
    <message>
        <source>Search the &amp;history…</source>
        <translation>Cerca nella &amp;cronologia…</translation>
    </message>
    <message>
        <source>Every stored request, with filters, search and details</source>
        <translation>Tutte le richieste salvate, con filtri, ricerca e dettagli</translation>
    </message>
</context>
<context>
    <name>ModelsWindow</name>
    <message>
        <source>Models and routing — LLMProxy</source>
        <translation>Modelli e instradamento — LLMProxy</translation>
    </message>
    <message>
        <source>Changes made here apply at once and are kept in the data directory across restarts. The configuration file is not rewritten: its aliases and chains come back with “Revert all changes made here”.</source>
        <translation>Le modifiche fatte qui hanno effetto subito e sono conservate nella cartella dei dati anche dopo un riavvio. Il file di configurazione non viene riscritto: i suoi alias e le sue catene tornano con «Annulla tutte le modifiche fatte qui».</translation>
    </message>
    <message>
        <source>About changes</source>
        <translation>Informazioni sulle modifiche</translation>
    </message>
    <message>
        <source>Models and routing</source>
        <translation>Modelli e instradamento</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelli</translation>
    </message>
    <message>
        <source>Every model the enabled endpoints serve, the aliases that name it and its fallback chain.</source>
        <translation>Ogni modello servito dagli endpoint attivi, gli alias che lo indicano e la sua catena di fallback.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelli</translation>
    </message>
    <message>
        <source>Every model served, with its endpoints, aliases and fallback chain</source>
        <translation>Ogni modello servito, con i suoi endpoint, alias e catena di fallback</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>Servito da</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Fallback chain</source>
        <translation>Catena di fallback</translation>
    </message>
    <message>
        <source>A&amp;liases</source>
        <translation>A&amp;lias</translation>
    </message>
    <message>
        <source>A request for an alias is served by its target model. An alias name may be a pattern such as claude-* .</source>
        <translation>Una richiesta per un alias viene servita dal suo modello di destinazione. Il nome di un alias può essere uno schema come claude-* .</translation>
    </message>
    <message>
        <source>Alias name or pattern, target model and where the alias comes from</source>
        <translation>Nome o schema dell’alias, modello di destinazione e origine dell’alias</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Aggiungi…</translation>
    </message>
    <message>
        <source>Add alias</source>
        <translation>Aggiungi alias</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifica…</translation>
    </message>
    <message>
        <source>Edit the selected alias</source>
        <translation>Modifica l’alias selezionato</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Rimuovi</translation>
    </message>
    <message>
        <source>Remove the selected alias</source>
        <translation>Rimuovi l’alias selezionato</translation>
    </message>
    <message>
        <source>&amp;Fallback chains</source>
        <translation>Catene di &amp;fallback</translation>
    </message>
    <message>
        <source>When every endpoint of a model fails, its fallback chain is tried hop by hop.</source>
        <translation>Quando tutti gli endpoint di un modello falliscono, la sua catena di fallback viene provata passaggio per passaggio.</translation>
    </message>
    <message>
        <source>Fallback chains</source>
        <translation>Catene di fallback</translation>
    </message>
    <message>
        <source>Model, the hops tried when it fails and where the chain comes from</source>
        <translation>Modello, passaggi provati quando fallisce e origine della catena</translation>
    </message>
    <message>
        <source>Add fallback chain</source>
        <translation>Aggiungi catena di fallback</translation>
    </message>
    <message>
        <source>Edit the selected fallback chain</source>
        <translation>Modifica la catena di fallback selezionata</translation>
    </message>
    <message>
        <source>Remove the selected fallback chain</source>
        <translation>Rimuovi la catena di fallback selezionata</translation>
    </message>
    <message>
        <source>Route &amp;overrides</source>
        <translation>Reindirizzamenti di &amp;instradamento</translation>
    </message>
    <message>
        <source>Send every request of a kind of tool to one model, whatever model it asks for. A client key restricted to other models is never moved, and an override whose model nothing serves is passed over.</source>
        <translation>Invia ogni richiesta di un tipo di strumento a un solo modello, qualunque modello chieda. Una chiave client limitata ad altri modelli non viene mai spostata, e un reindirizzamento il cui modello non è servito da nessuno viene ignorato.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Claude Code (Messages API):</source>
        <translation>Claude Code (Messages API):</translation>
    </message>
    <message>
        <source>Claude Code: model</source>
        <translation>Claude Code: modello</translation>
    </message>
    <message>
        <source>As requested, or the model every request of these tools is served by</source>
        <translation>Come richiesto, oppure il modello che serve ogni richiesta di questi strumenti</translation>
    </message>
    <message>
        <source>Claude Code: endpoint</source>
        <translation>Claude Code: endpoint</translation>
    </message>
    <message>
        <source>Try this endpoint first, or let the model&apos;s own routing choose</source>
        <translation>Prova prima questo endpoint, oppure lascia scegliere all’instradamento del modello</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Applica</translation>
    </message>
    <message>
        <source>Claude Code: apply</source>
        <translation>Claude Code: applica</translation>
    </message>
    <message>
        <source>Codex (Responses API):</source>
        <translation>Codex (Responses API):</translation>
    </message>
    <message>
        <source>Codex: model</source>
        <translation>Codex: modello</translation>
    </message>
    <message>
        <source>Codex: endpoint</source>
        <translation>Codex: endpoint</translation>
    </message>
    <message>
        <source>Codex: apply</source>
        <translation>Codex: applica</translation>
    </message>
    <message>
        <source>Other tools (Chat Completions):</source>
        <translation>Altri strumenti (Chat Completions):</translation>
    </message>
    <message>
        <source>Other tools: model</source>
        <translation>Altri strumenti: modello</translation>
    </message>
    <message>
        <source>Other tools: endpoint</source>
        <translation>Altri strumenti: endpoint</translation>
    </message>
    <message>
        <source>Other tools: apply</source>
        <translation>Altri strumenti: applica</translation>
    </message>
    <message>
        <source>Route override result</source>
        <translation>Risultato del reindirizzamento</translation>
    </message>
    <message>
        <source>Result of the last change</source>
        <translation>Risultato dell’ultima modifica</translation>
    </message>
    <message>
        <source>Re&amp;vert all changes made here</source>
        <translation>A&amp;nnulla tutte le modifiche fatte qui</translation>
    </message>
    <message>
        <source>Revert all changes made here</source>
        <translation>Annulla tutte le modifiche fatte qui</translation>
    </message>
    <message>
        <source>Drop every alias, fallback chain and route override changed here: the configuration file applies again</source>
        <translation>Scarta ogni alias, catena di fallback e reindirizzamento modificato qui: torna a valere il file di configurazione</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
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
        <translation>&amp;Modello:</translation>
    </message>
    <message>
        <source>A model the gateway offers, or any model name or alias to try</source>
        <translation>Un modello offerto dal gateway, o qualsiasi nome di modello o alias da provare</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Re&amp;fresh models</source>
        <translation>&amp;Aggiorna modelli</translation>
    </message>
    <message>
        <source>Ask the gateway again which models it offers</source>
        <translation>Chiedi di nuovo al gateway quali modelli offre</translation>
    </message>
    <message>
        <source>Refresh models</source>
        <translation>Aggiorna modelli</translation>
    </message>
    <message>
        <source>Model list status</source>
        <translation>Stato dell’elenco dei modelli</translation>
    </message>
    <message>
        <source>Gateway &amp;key:</source>
        <translation>&amp;Chiave del gateway:</translation>
    </message>
    <message>
        <source>The gateway requires a client key: paste one of yours (kept only while this window is open)</source>
        <translation>Il gateway richiede una chiave client: incolla una delle tue (conservata solo finché questa finestra è aperta)</translation>
    </message>
    <message>
        <source>Gateway key</source>
        <translation>Chiave del gateway</translation>
    </message>
    <message>
        <source>S&amp;ystem prompt:</source>
        <translation>Prompt di s&amp;istema:</translation>
    </message>
    <message>
        <source>Optional instructions sent as the system message</source>
        <translation>Istruzioni facoltative inviate come messaggio di sistema</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt di sistema</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversazione</translation>
    </message>
    <message>
        <source>The prompts sent in this window and the answers, with the route, tokens, cost and security decisions of each</source>
        <translation>I prompt inviati in questa finestra e le risposte, ciascuno con percorso, token, costo e decisioni di sicurezza</translation>
    </message>
    <message>
        <source>&amp;Prompt (Ctrl+Enter sends):</source>
        <translation>&amp;Prompt (Ctrl+Invio invia):</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Request status</source>
        <translation>Stato della richiesta</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Svuota</translation>
    </message>
    <message>
        <source>Forget the exchanges shown above</source>
        <translation>Dimentica gli scambi mostrati sopra</translation>
    </message>
    <message>
        <source>Clear conversation</source>
        <translation>Svuota la conversazione</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Ferma</translation>
    </message>
    <message>
        <source>Stop the answer now (the gateway cancels the upstream request)</source>
        <translation>Ferma subito la risposta (il gateway annulla la richiesta a monte)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Ferma</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>In&amp;via</translation>
    </message>
    <message>
        <source>Send the prompt through the gateway (Ctrl+Enter)</source>
        <translation>Invia il prompt attraverso il gateway (Ctrl+Invio)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Invia</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>Settings — LLMProxy</source>
        <translation>Impostazioni — LLMProxy</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Pagine delle impostazioni</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Aspetto</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Avvio all’accesso</translation>
    </message>
    <message>
        <source>Logging and data</source>
        <translation>Registrazione e dati</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>File di configurazione</translation>
    </message>
    <message>
        <source>Settings page</source>
        <translation>Pagina delle impostazioni</translation>
    </message>
    <message>
        <source>Listening now</source>
        <translation>In ascolto ora</translation>
    </message>
    <message>
        <source>&amp;Allow other machines on the local network</source>
        <translation>Consenti altri computer della rete &amp;locale</translation>
    </message>
    <message>
        <source>Allow other machines on the local network</source>
        <translation>Consenti altri computer della rete locale</translation>
    </message>
    <message>
        <source>Listen on every network interface instead of this computer only</source>
        <translation>Ascolta su tutte le interfacce di rete invece che solo su questo computer</translation>
    </message>
    <message>
        <source>Listen &amp;address:</source>
        <translation>&amp;Indirizzo di ascolto:</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Indirizzo di ascolto</translation>
    </message>
    <message>
        <source>An IP address of this computer: 0.0.0.0 is every IPv4 interface, :: every IPv6 one</source>
        <translation>Un indirizzo IP di questo computer: 0.0.0.0 indica tutte le interfacce IPv4, :: tutte quelle IPv6</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Porta:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>About the local network</source>
        <translation>Informazioni sulla rete locale</translation>
    </message>
    <message>
        <source>Server settings status</source>
        <translation>Stato delle impostazioni del server</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>&amp;Applica</translation>
    </message>
    <message>
        <source>Apply server settings</source>
        <translation>Applica le impostazioni del server</translation>
    </message>
    <message>
        <source>Write the listen address and port into the configuration file and reload it</source>
        <translation>Scrivi l’indirizzo di ascolto e la porta nel file di configurazione e ricaricalo</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>A&amp;nnulla modifiche</translation>
    </message>
    <message>
        <source>Undo server changes</source>
        <translation>Annulla le modifiche del server</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>System follows the desktop, also when it switches between light and dark while LLMProxy runs. Light and Dark use the same colours on every desktop.</source>
        <translation>Sistema segue il desktop, anche quando passa da chiaro a scuro mentre LLMProxy è in esecuzione. Chiaro e Scuro usano gli stessi colori su ogni desktop.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Lingua:</translation>
    </message>
    <message>
        <source>The windows change language at once. Log messages and the configuration file stay in English.</source>
        <translation>Le finestre cambiano lingua subito. I messaggi di log e il file di configurazione restano in inglese.</translation>
    </message>
    <message>
        <source>&amp;Start LLMProxy when I log in</source>
        <translation>&amp;Avvia LLMProxy quando accedo</translation>
    </message>
    <message>
        <source>Start LLMProxy when I log in</source>
        <translation>Avvia LLMProxy quando accedo</translation>
    </message>
    <message>
        <source>Where the login entry is kept</source>
        <translation>Dove si trova la voce di avvio</translation>
    </message>
    <message>
        <source>Start at login status</source>
        <translation>Stato dell’avvio all’accesso</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Registrazione</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Livello:</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Livello di log</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>Log format</source>
        <translation>Formato del log</translation>
    </message>
    <message>
        <source>Include request and response &amp;bodies</source>
        <translation>Includi il &amp;corpo di richieste e risposte</translation>
    </message>
    <message>
        <source>Include request and response bodies</source>
        <translation>Includi il corpo di richieste e risposte</translation>
    </message>
    <message>
        <source>Prompts and answers appear in the log; API keys are always redacted</source>
        <translation>Prompt e risposte compaiono nel log; le chiavi API sono sempre oscurate</translation>
    </message>
    <message>
        <source>Where the log goes</source>
        <translation>Destinazione del log</translation>
    </message>
    <message>
        <source>Logging settings status</source>
        <translation>Stato delle impostazioni di log</translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation>&amp;Applica</translation>
    </message>
    <message>
        <source>Apply logging settings</source>
        <translation>Applica le impostazioni di log</translation>
    </message>
    <message>
        <source>Write the logging settings into the configuration file and reload it</source>
        <translation>Scrivi le impostazioni di log nel file di configurazione e ricaricalo</translation>
    </message>
    <message>
        <source>U&amp;ndo changes</source>
        <translation>A&amp;nnulla modifiche</translation>
    </message>
    <message>
        <source>Undo logging changes</source>
        <translation>Annulla le modifiche del log</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Cartella dei dati</translation>
    </message>
    <message>
        <source>Endpoints added in the window (registry.json), the guard switches (features.json) and today&apos;s spend (budget.json) are kept here.</source>
        <translation>Qui sono conservati gli endpoint aggiunti nella finestra (registry.json), gli interruttori dei filtri (features.json) e la spesa di oggi (budget.json).</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Apr&amp;i</translation>
    </message>
    <message>
        <source>Open the data directory</source>
        <translation>Apri la cartella dei dati</translation>
    </message>
    <message>
        <source>Configuration text</source>
        <translation>Testo della configurazione</translation>
    </message>
    <message>
        <source>Problems in the configuration</source>
        <translation>Problemi nella configurazione</translation>
    </message>
    <message>
        <source>Choose a problem to go to its line</source>
        <translation>Scegli un problema per andare alla sua riga</translation>
    </message>
    <message>
        <source>Configuration status</source>
        <translation>Stato della configurazione</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>&amp;Verifica</translation>
    </message>
    <message>
        <source>Validate the configuration text</source>
        <translation>Verifica il testo della configurazione</translation>
    </message>
    <message>
        <source>Check the text as LLMProxy would load it, without saving</source>
        <translation>Controlla il testo come lo caricherebbe LLMProxy, senza salvare</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Applica</translation>
    </message>
    <message>
        <source>Apply the configuration text</source>
        <translation>Applica il testo della configurazione</translation>
    </message>
    <message>
        <source>Save the text (the previous file is kept as a backup) and reload it</source>
        <translation>Salva il testo (il file precedente viene conservato come backup) e ricaricalo</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Ripristina</translation>
    </message>
    <message>
        <source>Revert to the file</source>
        <translation>Ripristina dal file</translation>
    </message>
    <message>
        <source>Put the file&apos;s text back into the editor</source>
        <translation>Riporta nell’editor il testo del file</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>Chiudi le impostazioni</translation>
    </message>
    <message>
        <source>Client keys</source>
        <translation>Chiavi client</translation>
    </message>
    <message>
        <source>Clients send one of these keys to use the proxy. Keys created here are kept only as a digest: a key is shown once, when it is created. Keys from the configuration file are changed there.</source>
        <translation>I client inviano una di queste chiavi per usare il proxy. Le chiavi create qui sono conservate solo come impronta: una chiave viene mostrata una sola volta, quando viene creata. Le chiavi del file di configurazione si modificano lì.</translation>
    </message>
    <message>
        <source>About client keys</source>
        <translation>Informazioni sulle chiavi client</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Starts with</source>
        <translation>Inizia con</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creata</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelli</translation>
    </message>
    <message>
        <source>Client keys status</source>
        <translation>Stato delle chiavi client</translation>
    </message>
    <message>
        <source>The key just created</source>
        <translation>La chiave appena creata</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>C&amp;opia</translation>
    </message>
    <message>
        <source>Copy the key just created</source>
        <translation>Copia la chiave appena creata</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>New key name</source>
        <translation>Nome della nuova chiave</translation>
    </message>
    <message>
        <source>e.g. laptop or claude-code</source>
        <translation>ad es. laptop o claude-code</translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation>&amp;Crea chiave</translation>
    </message>
    <message>
        <source>Create a client key</source>
        <translation>Crea una chiave client</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Revoca</translation>
    </message>
    <message>
        <source>Revoke the selected key</source>
        <translation>Revoca la chiave selezionata</translation>
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
        <translation>I filtri di sicurezza sono disattivati: le richieste raggiungono i provider senza controlli. Attivali nella finestra Filtri di sicurezza.</translation>
    </message>
    <message>
        <source>Requests scanned</source>
        <translation>Richieste analizzate</translation>
    </message>
    <message>
        <source>since start</source>
        <translation>dall’avvio</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloccate</translation>
    </message>
    <message>
        <source>%1 % of scanned</source>
        <translation>%1 % delle analizzate</translation>
    </message>
    <message>
        <source>refused before the provider</source>
        <translation>rifiutate prima del provider</translation>
    </message>
    <message>
        <source>PII and secrets masked</source>
        <translation>PII e segreti mascherati</translation>
    </message>
    <message>
        <source>restored in the answers</source>
        <translation>ripristinati nelle risposte</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Segnalate</translation>
    </message>
    <message>
        <source>suspicious, let through</source>
        <translation>sospette, lasciate passare</translation>
    </message>
    <message>
        <source>Scan time (median)</source>
        <translation>Tempo di analisi (mediana)</translation>
    </message>
    <message>
        <source>p95 %1 · p99 %2</source>
        <translation>p95 %1 · p99 %2</translation>
    </message>
    <message>
        <source>per request, once one is scanned</source>
        <translation>per richiesta, appena una viene analizzata</translation>
    </message>
    <message>
        <source>By layer</source>
        <translation>Per livello</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Livello</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Mascherate</translation>
    </message>
</context>
<context>
    <name>llmproxy::AliasDialog</name>
    <message>
        <source>Add alias</source>
        <translation>Aggiungi alias</translation>
    </message>
    <message>
        <source>Edit alias</source>
        <translation>Modifica alias</translation>
    </message>
    <message>
        <source>Alias name or pattern</source>
        <translation>Nome o schema dell’alias</translation>
    </message>
    <message>
        <source>e.g. fast or claude-*</source>
        <translation>ad es. fast o claude-*</translation>
    </message>
    <message>
        <source>Target model</source>
        <translation>Modello di destinazione</translation>
    </message>
    <message>
        <source>Why the alias was not set</source>
        <translation>Perché l’alias non è stato impostato</translation>
    </message>
    <message>
        <source>&amp;Name or pattern:</source>
        <translation>&amp;Nome o schema:</translation>
    </message>
    <message>
        <source>&amp;Target model:</source>
        <translation>Modello di &amp;destinazione:</translation>
    </message>
    <message>
        <source>A request for this name (or any name the pattern matches) is served by the target model. The target must be a model name, not a pattern.</source>
        <translation>Una richiesta per questo nome (o per qualsiasi nome corrispondente allo schema) viene servita dal modello di destinazione. La destinazione deve essere un nome di modello, non uno schema.</translation>
    </message>
    <message>
        <source>Not set: %1</source>
        <translation>Non impostato: %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::AnalyticsWindow</name>
    <message>
        <source>Today</source>
        <translation>Oggi</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Ultimi 7 giorni</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Ultimi 30 giorni</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Intervallo personalizzato</translation>
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
        <source>Client key</source>
        <translation>Chiave client</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>&amp;Spend per day</source>
        <translation>&amp;Spesa per giorno</translation>
    </message>
    <message>
        <source>T&amp;okens per day</source>
        <translation>T&amp;oken per giorno</translation>
    </message>
    <message>
        <source>Cost per re&amp;quest</source>
        <translation>Costo per ri&amp;chiesta</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(sconosciuto)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Altri</translation>
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
        <source>Average cost per request (USD)</source>
        <translation>Costo medio per richiesta (USD)</translation>
    </message>
    <message>
        <source>Cost per request</source>
        <translation>Costo per richiesta</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Giorno</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Richieste</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Costo (USD)</translation>
    </message>
    <message>
        <source>Estimated (USD)</source>
        <translation>Stimato (USD)</translation>
    </message>
    <message>
        <source>Total: $%1 · %2 requests · %3 tokens in · %4 tokens out · %5 per request</source>
        <translation>Totale: $%1 · %2 richieste · %3 token in ingresso · %4 token in uscita · %5 per richiesta</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Caricamento…</translation>
    </message>
    <message>
        <source>No spend recorded from %1 to %2.</source>
        <translation>Nessuna spesa registrata dal %1 al %2.</translation>
    </message>
    <message>
        <source>Spend from %1 to %2, days of %3 · updated %4</source>
        <translation>Spesa dal %1 al %2, giorni di %3 · aggiornata %4</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message>
        <source>Export spend as CSV</source>
        <translation>Esporta la spesa come CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>File CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Salvato %1.</translation>
    </message>
    <message>
        <source>Spend per month (USD) · %1</source>
        <translation>Spesa per mese (USD) · %1</translation>
    </message>
    <message>
        <source>Spend per day (USD) · %1</source>
        <translation>Spesa per giorno (USD) · %1</translation>
    </message>
    <message>
        <source>Tokens per month</source>
        <translation>Token per mese</translation>
    </message>
    <message>
        <source>Tokens per day</source>
        <translation>Token per giorno</translation>
    </message>
</context>
<context>
    <name>llmproxy::Autostart</name>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>Impossibile creare la cartella di %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message>
        <source>Cannot change %1.</source>
        <translation>Impossibile modificare %1.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Impossibile rimuovere %1.</translation>
    </message>
</context>
<context>
    <name>llmproxy::BudgetGaugeBar</name>
    <message>
        <source>Global daily budget</source>
        <translation>Budget giornaliero globale</translation>
    </message>
    <message>
        <source>%1 spent of %2</source>
        <translation>%1 spesi su %2</translation>
    </message>
    <message>
        <source>%1 spent, no limit</source>
        <translation>%1 spesi, nessun limite</translation>
    </message>
    <message>
        <source>%1 reserved</source>
        <translation>%1 riservati</translation>
    </message>
    <message>
        <source>warns at %1</source>
        <translation>avviso a %1</translation>
    </message>
    <message>
        <source>resets %1 (%2)</source>
        <translation>si azzera il %1 (%2)</translation>
    </message>
    <message>
        <source>Key “%1”, this month</source>
        <translation>Chiave «%1», questo mese</translation>
    </message>
    <message>
        <source>Key “%1”, today</source>
        <translation>Chiave «%1», oggi</translation>
    </message>
    <message>
        <source>Team “%1”, this month</source>
        <translation>Team «%1», questo mese</translation>
    </message>
    <message>
        <source>Team “%1”, today</source>
        <translation>Team «%1», oggi</translation>
    </message>
    <message>
        <source>all gateways, as of %1</source>
        <translation>tutti i gateway, alle %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::CommandPalette</name>
    <message>
        <source>No command matches.</source>
        <translation>Nessun comando corrisponde.</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>Palette dei comandi</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>Digita un comando…</translation>
    </message>
    <message>
        <source>Filter commands</source>
        <translation>Filtra i comandi</translation>
    </message>
    <message>
        <source>Type part of a command&apos;s name; Up and Down choose, Enter runs it, Escape closes.</source>
        <translation>Digita parte del nome di un comando; Su e Giù scelgono, Invio lo esegue, Esc chiude.</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Comandi</translation>
    </message>
    <message>
        <source>%1 (on)</source>
        <translation>%1 (attivo)</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (disattivo)</translation>
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
        <translation>Scrivi configurazione</translation>
    </message>
    <message>
        <source>Undo the config change</source>
        <translation>Annulla la modifica alla configurazione</translation>
    </message>
    <message>
        <source>Send a test request</source>
        <translation>Invia una richiesta di prova</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>the key the tool sends</source>
        <translation>la chiave inviata dallo strumento</translation>
    </message>
    <message>
        <source>a model the gateway serves</source>
        <translation>un modello servito dal gateway</translation>
    </message>
    <message>
        <source>This gateway asks for a proxy key: enter one of its keys (LLM_PROXY_API_KEYS or a named client key).</source>
        <translation>Questo gateway chiede una chiave del proxy: inserisci una delle sue chiavi (LLM_PROXY_API_KEYS o una chiave client con nome).</translation>
    </message>
    <message>
        <source>This gateway asks for no key; tools that insist on one get “%1”.</source>
        <translation>Questo gateway non chiede alcuna chiave; gli strumenti che ne pretendono una ricevono «%1».</translation>
    </message>
    <message>
        <source>Claude Code speaks the Anthropic Messages API at the root URL. Name a model here, or map the Claude model names it asks for with model_aliases.</source>
        <translation>Claude Code usa l’API Messages di Anthropic all’URL radice. Indica qui un modello, oppure mappa con model_aliases i nomi dei modelli Claude che richiede.</translation>
    </message>
    <message>
        <source>Codex speaks the OpenAI Responses API; LLMProxy becomes its model provider “llmproxy”. Codex Desktop signed in with ChatGPT ignores it.</source>
        <translation>Codex usa l’API Responses di OpenAI; LLMProxy diventa il suo provider di modelli «llmproxy». Codex Desktop con accesso tramite ChatGPT lo ignora.</translation>
    </message>
    <message>
        <source>Cursor sends requests from its own servers: the gateway must be reachable from the internet (a tunnel or a public address, with proxy keys set). Enter that public URL above.</source>
        <translation>Cursor invia le richieste dai propri server: il gateway deve essere raggiungibile da internet (un tunnel o un indirizzo pubblico, con le chiavi del proxy impostate). Inserisci quell’URL pubblico qui sopra.</translation>
    </message>
    <message>
        <source>Adds a model named “LLMProxy” to Continue&apos;s models; Continue reloads the file when it changes.</source>
        <translation>Aggiunge un modello chiamato «LLMProxy» ai modelli di Continue; Continue ricarica il file quando cambia.</translation>
    </message>
    <message>
        <source>The openai/ prefix tells Aider to use the OpenAI API; the model after it is what LLMProxy routes.</source>
        <translation>Il prefisso openai/ indica ad Aider di usare l’API OpenAI; il modello che segue è quello che LLMProxy instrada.</translation>
    </message>
    <message>
        <source>In Cline&apos;s settings choose the API provider “OpenAI Compatible”.</source>
        <translation>Nelle impostazioni di Cline scegli il provider API «OpenAI Compatible».</translation>
    </message>
    <message>
        <source>Zed does not discover models for this provider: the models listed here are written. Zed asks for the key in its Agent panel, or takes it from LLMPROXY_API_KEY.</source>
        <translation>Zed non rileva i modelli di questo provider: vengono scritti i modelli elencati qui. Zed chiede la chiave nel suo pannello Agent, oppure la prende da LLMPROXY_API_KEY.</translation>
    </message>
    <message>
        <source>VS Code&apos;s Custom Endpoint provider: chat and agent go through LLMProxy, completions stay with GitHub.</source>
        <translation>Provider Custom Endpoint di VS Code: chat e agente passano per LLMProxy, i completamenti restano a GitHub.</translation>
    </message>
    <message>
        <source>In %1 (Write config merges this into the file):</source>
        <translation>In %1 («Scrivi configurazione» lo unisce al file):</translation>
    </message>
    <message>
        <source>Or from a shell:</source>
        <translation>Oppure da una shell:</translation>
    </message>
    <message>
        <source>Then run:</source>
        <translation>Poi esegui:</translation>
    </message>
    <message>
        <source>In the tool&apos;s settings:</source>
        <translation>Nelle impostazioni dello strumento:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copia</translation>
    </message>
    <message>
        <source>Copy: %1</source>
        <translation>Copia: %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiato</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>%1 keeps these settings itself: copy them into it.</source>
        <translation>%1 gestisce da sé queste impostazioni: copiale al suo interno.</translation>
    </message>
    <message>
        <source>Choose a model first: %1 needs one.</source>
        <translation>Scegli prima un modello: %1 ne ha bisogno.</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>Non scritto: %1</translation>
    </message>
    <message>
        <source>%1 already has these settings; nothing was written.</source>
        <translation>%1 ha già queste impostazioni; non è stato scritto nulla.</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>%1 creato.</translation>
    </message>
    <message>
        <source>Changed %1; the previous file is saved as %2.</source>
        <translation>%1 modificato; il file precedente è salvato come %2.</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(rimosso)</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avviso: %1</translation>
    </message>
    <message>
        <source>Not undone: %1</source>
        <translation>Non annullato: %1</translation>
    </message>
    <message>
        <source>Removed %1, which LLMProxy had created.</source>
        <translation>Rimosso %1, che era stato creato da LLMProxy.</translation>
    </message>
    <message>
        <source>Restored %1 as it was before.</source>
        <translation>%1 ripristinato com’era prima.</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Scegli prima un modello.</translation>
    </message>
    <message>
        <source>The gateway URL is not a valid http:// or https:// address.</source>
        <translation>L’URL del gateway non è un indirizzo http:// o https:// valido.</translation>
    </message>
    <message>
        <source>Sending POST %1 as %2 would…</source>
        <translation>Invio di POST %1 come farebbe %2…</translation>
    </message>
    <message>
        <source>No answer from %1: %2</source>
        <translation>Nessuna risposta da %1: %2</translation>
    </message>
    <message>
        <source>HTTP %1 — it works. The model answered: “%2”</source>
        <translation>HTTP %1 — funziona. Il modello ha risposto: «%2»</translation>
    </message>
    <message>
        <source>HTTP %1 — %2</source>
        <translation>HTTP %1 — %2</translation>
    </message>
    <message>
        <source>Require keys from every client?</source>
        <translation>Richiedere chiavi da tutti i client?</translation>
    </message>
    <message>
        <source>This gateway asks for no key today. Once a key exists, every client must send one: tools set up without a key stop working until they get one (create one for each, or add it to their configuration).

Create the key for %1?</source>
        <translation>Questo gateway al momento non chiede alcuna chiave. Appena esiste una chiave, ogni client deve inviarne una: gli strumenti configurati senza chiave smettono di funzionare finché non ne ricevono una (creane una per ciascuno, o aggiungila alla loro configurazione).

Creare la chiave per %1?</translation>
    </message>
    <message>
        <source>Created the client key “%1”. It is shown only now: the gateway keeps a digest. Write config puts it into the tool&apos;s configuration.</source>
        <translation>Chiave client «%1» creata. Viene mostrata solo ora: il gateway ne conserva un’impronta. Scrivi configurazione la inserisce nella configurazione dello strumento.</translation>
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
    <message>
        <source>&amp;Threats</source>
        <translation>&amp;Minacce</translation>
    </message>
    <message>
        <source>What the security guards blocked, masked and flagged, and why</source>
        <translation>Cosa i filtri di sicurezza hanno bloccato, mascherato e segnalato, e perché</translation>
    </message>
    <message>
        <source>Security &amp;guards</source>
        <translation>&amp;Filtri di sicurezza</translation>
    </message>
    <message>
        <source>Switch the security guards on or off</source>
        <translation>Attiva o disattiva i filtri di sicurezza</translation>
    </message>
    <message>
        <source>Connect a &amp;tool…</source>
        <translation>Collega uno &amp;strumento…</translation>
    </message>
    <message>
        <source>Point Claude Code, Codex, Cursor, Continue, Aider, Cline, Zed or Copilot at LLMProxy</source>
        <translation>Indirizza Claude Code, Codex, Cursor, Continue, Aider, Cline, Zed o Copilot verso LLMProxy</translation>
    </message>
    <message>
        <source>P&amp;layground</source>
        <translation>P&amp;layground</translation>
    </message>
    <message>
        <source>Send a prompt through the gateway and see the route, tokens, cost and security decisions</source>
        <translation>Invia un prompt attraverso il gateway e vedi percorso, token, costo e decisioni di sicurezza</translation>
    </message>
    <message>
        <source>Command &amp;palette…</source>
        <translation>&amp;Palette dei comandi…</translation>
    </message>
    <message>
        <source>Find and run any command by typing part of its name</source>
        <translation>Trova ed esegui qualsiasi comando digitando parte del suo nome</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Impostazioni…</translation>
    </message>
    <message>
        <source>&amp;All endpoints…</source>
        <translation>&amp;Tutti gli endpoint…</translation>
    </message>
    <message>
        <source>Add, edit, reorder, test and switch endpoints, and see each one&apos;s statistics</source>
        <translation>Aggiungi, modifica, riordina, testa e attiva o disattiva gli endpoint, e consulta le statistiche di ciascuno</translation>
    </message>
    <message>
        <source>&amp;Models and routing</source>
        <translation>&amp;Modelli e instradamento</translation>
    </message>
    <message>
        <source>Every model with its endpoints; aliases, fallback chains and route overrides</source>
        <translation>Ogni modello con i suoi endpoint; alias, catene di fallback e reindirizzamenti</translation>
    </message>
    <message>
        <source>Add a &amp;provider…</source>
        <translation>Aggiungi un &amp;provider…</translation>
    </message>
    <message>
        <source>The setup wizard: a cloud provider with its key, or a model server on this computer</source>
        <translation>La procedura guidata: un provider cloud con la sua chiave, o un server di modelli su questo computer</translation>
    </message>
    <message>
        <source>Listen address, client keys, theme, language, start at login, logging and the configuration file</source>
        <translation>Indirizzo di ascolto, chiavi client, tema, lingua, avvio all’accesso, registrazione e file di configurazione</translation>
    </message>
    <message>
        <source>Client &amp;keys…</source>
        <translation>&amp;Chiavi client…</translation>
    </message>
    <message>
        <source>The keys clients send to use the proxy: create and revoke them</source>
        <translation>Le chiavi che i client inviano per usare il proxy: creale e revocale</translation>
    </message>
    <message>
        <source>Request &amp;history</source>
        <translation>Cr&amp;onologia delle richieste</translation>
    </message>
    <message>
        <source>Every request the gateway kept: search and filter them by status, period and key</source>
        <translation>Tutte le richieste conservate dal gateway: cercale e filtrale per stato, periodo e chiave</translation>
    </message>
    <message>
        <source>&amp;Analytics</source>
        <translation>&amp;Analisi</translation>
    </message>
    <message>
        <source>Spend over time by model, provider, key or team; tokens, cost per request and budgets</source>
        <translation>Spesa nel tempo per modello, provider, chiave o team; token, costo per richiesta e budget</translation>
    </message>
    <message>
        <source>Audit and &amp;GDPR</source>
        <translation>Audit e &amp;GDPR</translation>
    </message>
    <message>
        <source>Verify the audit chain; export or erase a person&apos;s data in the audit ledger</source>
        <translation>Verifica la catena di audit; esporta o cancella i dati di una persona nel registro di audit</translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointEditDialog</name>
    <message>
        <source>Edit endpoint %1</source>
        <translation>Modifica endpoint %1</translation>
    </message>
    <message>
        <source>This endpoint was added in LLMProxy: every setting can be changed here.</source>
        <translation>Questo endpoint è stato aggiunto in LLMProxy: qui puoi modificare ogni impostazione.</translation>
    </message>
    <message>
        <source>This endpoint comes from %1. Only its priority and weight can be changed here; they are kept over the configured values, also after a restart. Change the other settings there.</source>
        <translation>L’origine di questo endpoint è %1. Qui puoi modificare solo priorità e peso; prevalgono sui valori configurati, anche dopo un riavvio. Modifica le altre impostazioni lì.</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Provider:</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;URL di base:</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL di base</translation>
    </message>
    <message>
        <source>&amp;Models:</source>
        <translation>&amp;Modelli:</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelli</translation>
    </message>
    <message>
        <source>Comma-separated; empty = any model</source>
        <translation>Separati da virgole; vuoto = qualsiasi modello</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorità</translation>
    </message>
    <message>
        <source>Lower is preferred: requests go to the lowest priority that is up</source>
        <translation>Più basso è preferito: le richieste vanno alla priorità più bassa disponibile</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>P&amp;riorità:</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Share of the requests among endpoints of the same priority</source>
        <translation>Quota delle richieste tra gli endpoint con la stessa priorità</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>P&amp;eso:</translation>
    </message>
    <message>
        <source>Key source</source>
        <translation>Origine della chiave</translation>
    </message>
    <message>
        <source>Keep the current key (%1)</source>
        <translation>Mantieni la chiave attuale (%1)</translation>
    </message>
    <message>
        <source>The provider&apos;s usual variable</source>
        <translation>La variabile abituale del provider</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>Variabile d’ambiente</translation>
    </message>
    <message>
        <source>Keychain entry</source>
        <translation>Voce del portachiavi</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Chiave:</translation>
    </message>
    <message>
        <source>Variable or keychain entry name</source>
        <translation>Nome della variabile o della voce del portachiavi</translation>
    </message>
    <message>
        <source>Key &amp;name:</source>
        <translation>&amp;Nome della chiave:</translation>
    </message>
    <message>
        <source>e.g. GROQ_API_KEY</source>
        <translation>ad es. GROQ_API_KEY</translation>
    </message>
    <message>
        <source>e.g. llmproxy/groq</source>
        <translation>ad es. llmproxy/groq</translation>
    </message>
    <message>
        <source>&amp;API version:</source>
        <translation>&amp;Versione API:</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>Versione API</translation>
    </message>
    <message>
        <source>Azure OpenAI only</source>
        <translation>Solo Azure OpenAI</translation>
    </message>
    <message>
        <source>Input price per million tokens</source>
        <translation>Prezzo in ingresso per milione di token</translation>
    </message>
    <message>
        <source>&amp;Cost per 1M input tokens:</source>
        <translation>C&amp;osto per 1M di token in ingresso:</translation>
    </message>
    <message>
        <source>Check its health on a schedule</source>
        <translation>Controllane lo stato periodicamente</translation>
    </message>
    <message>
        <source>Why the change was refused</source>
        <translation>Perché la modifica è stata rifiutata</translation>
    </message>
    <message>
        <source>Name the environment variable that holds the key.</source>
        <translation>Indica la variabile d’ambiente che contiene la chiave.</translation>
    </message>
    <message>
        <source>Name the keychain entry that holds the key.</source>
        <translation>Indica la voce del portachiavi che contiene la chiave.</translation>
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
    <name>llmproxy::EndpointsWindow</name>
    <message>
        <source>the configuration file (config.yaml)</source>
        <translation>il file di configurazione (config.yaml)</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>l’ambiente</translation>
    </message>
    <message>
        <source>local discovery</source>
        <translation>il rilevamento locale</translation>
    </message>
    <message>
        <source>this window or the admin API</source>
        <translation>questa finestra o l’API di amministrazione</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Open (retry in %1 s)</source>
        <translation>Aperto (nuovo tentativo tra %1 s)</translation>
    </message>
    <message>
        <source>Open (next request tries)</source>
        <translation>Aperto (ci prova la prossima richiesta)</translation>
    </message>
    <message>
        <source>Half-open</source>
        <translation>Semiaperto</translation>
    </message>
    <message numerus="yes">
        <source>Closed (%n failure(s))</source>
        <translation>
            <numerusform>Chiuso (%n fallimento)</numerusform>
            <numerusform>Chiuso (%n fallimenti)</numerusform>
        </translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Chiuso</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Funzionante</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Non funzionante</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Non controllato</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Sconosciuto</translation>
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
        <translation>%1 alle %2</translation>
    </message>
    <message>
        <source>keychain entry %1</source>
        <translation>voce del portachiavi %1</translation>
    </message>
    <message>
        <source>keychain entry %1 (no key found)</source>
        <translation>voce del portachiavi %1 (nessuna chiave trovata)</translation>
    </message>
    <message>
        <source>variable %1</source>
        <translation>variabile %1</translation>
    </message>
    <message>
        <source>variable %1 (not set)</source>
        <translation>variabile %1 (non impostata)</translation>
    </message>
    <message>
        <source>a key in the configuration</source>
        <translation>una chiave nella configurazione</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuna</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Aggiungi…</translation>
    </message>
    <message>
        <source>Add an endpoint with the setup wizard</source>
        <translation>Aggiungi un endpoint con la procedura guidata</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifica…</translation>
    </message>
    <message>
        <source>Change the selected endpoint&apos;s settings (Enter)</source>
        <translation>Modifica le impostazioni dell’endpoint selezionato (Invio)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Elimina</translation>
    </message>
    <message>
        <source>Remove the selected endpoint (only endpoints added in LLMProxy)</source>
        <translation>Rimuovi l’endpoint selezionato (solo endpoint aggiunti in LLMProxy)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Sposta in &amp;alto</translation>
    </message>
    <message>
        <source>Prefer the selected endpoint over the one above it (changes priorities)</source>
        <translation>Preferisci l’endpoint selezionato a quello sopra (cambia le priorità)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Sposta in &amp;basso</translation>
    </message>
    <message>
        <source>Prefer the endpoint below over the selected one (changes priorities)</source>
        <translation>Preferisci l’endpoint sotto a quello selezionato (cambia le priorità)</translation>
    </message>
    <message>
        <source>&amp;Test now</source>
        <translation>&amp;Testa ora</translation>
    </message>
    <message>
        <source>Run the selected endpoint&apos;s health check now</source>
        <translation>Esegui ora il controllo di salute dell’endpoint selezionato</translation>
    </message>
    <message>
        <source>&amp;Reset breaker</source>
        <translation>&amp;Reimposta breaker</translation>
    </message>
    <message>
        <source>Close the circuit breaker: requests go to the endpoint again at once</source>
        <translation>Chiudi il circuit breaker: le richieste tornano subito all’endpoint</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
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
        <source>Priority</source>
        <translation>Priorità</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <source>Breaker</source>
        <translation>Breaker</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salute</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Richieste</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errori</translation>
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
        <translation>Ultimo errore</translation>
    </message>
    <message>
        <source>Every endpoint in routing order, lowest priority first. Enter edits the selected one, Delete removes it, the context menu has every action.</source>
        <translation>Tutti gli endpoint in ordine di instradamento, priorità più bassa per prima. Invio modifica quello selezionato, Canc lo rimuove, il menu contestuale ha tutte le azioni.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>qualsiasi</translation>
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
        <source>From %1</source>
        <translation>Origine: %1</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>Atti&amp;va</translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation>&amp;Disattiva</translation>
    </message>
    <message>
        <source>Route requests to the selected endpoint again</source>
        <translation>Inoltra di nuovo le richieste all’endpoint selezionato</translation>
    </message>
    <message>
        <source>Stop routing requests to the selected endpoint</source>
        <translation>Smetti di inoltrare richieste all’endpoint selezionato</translation>
    </message>
    <message>
        <source>Comes from %1: disable it instead</source>
        <translation>Origine: %1; disattivalo invece</translation>
    </message>
    <message>
        <source>No endpoint yet. Add one to start routing requests.</source>
        <translation>Ancora nessun endpoint. Aggiungine uno per iniziare a inoltrare richieste.</translation>
    </message>
    <message>
        <source>Select an endpoint to see its statistics.</source>
        <translation>Seleziona un endpoint per vederne le statistiche.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>%1 — %2 at %3</source>
        <translation>%1 — %2 su %3</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>any model</source>
        <translation>qualsiasi modello</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Chiave</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Instradamento</translation>
    </message>
    <message>
        <source>priority %1, weight %2, %3</source>
        <translation>priorità %1, peso %2, %3</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>attivo</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disattivato</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Circuit breaker</translation>
    </message>
    <message>
        <source>%1 (checked at %2)</source>
        <translation>%1 (controllato alle %2)</translation>
    </message>
    <message>
        <source>%1 answered, %2 failed, success rate %3 %</source>
        <translation>%1 con risposta, %2 fallite, tasso di successo %3 %</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenza</translation>
    </message>
    <message numerus="yes">
        <source>average %1; p50 %2, p95 %3 over its last %n request(s)</source>
        <translation>
            <numerusform>media %1; p50 %2, p95 %3 su %n richiesta recente</numerusform>
            <numerusform>media %1; p50 %2, p95 %3 sulle sue %n richieste più recenti</numerusform>
        </translation>
    </message>
    <message>
        <source>no recent requests</source>
        <translation>nessuna richiesta recente</translation>
    </message>
    <message>
        <source>none among the recent requests</source>
        <translation>nessuno tra le richieste recenti</translation>
    </message>
    <message>
        <source>%1 changed.</source>
        <translation>%1 modificato.</translation>
    </message>
    <message>
        <source>%1 comes from %2 — disable it instead.</source>
        <translation>L’origine di %1 è %2 — disattivalo invece.</translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>Elimina endpoint</translation>
    </message>
    <message>
        <source>Delete the endpoint %1? Requests already on it finish; new ones go elsewhere.</source>
        <translation>Eliminare l’endpoint %1? Le richieste già in corso terminano; quelle nuove vanno altrove.</translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation>%1 eliminato.</translation>
    </message>
    <message>
        <source>%1 disabled.</source>
        <translation>%1 disattivato.</translation>
    </message>
    <message>
        <source>%1 enabled.</source>
        <translation>%1 attivato.</translation>
    </message>
    <message>
        <source>%1 moved up.</source>
        <translation>%1 spostato in alto.</translation>
    </message>
    <message>
        <source>%1 moved down.</source>
        <translation>%1 spostato in basso.</translation>
    </message>
    <message>
        <source>Checking %1… its health shows in the table.</source>
        <translation>Controllo di %1 in corso… il suo stato di salute compare nella tabella.</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 closed.</source>
        <translation>Circuit breaker di %1 chiuso.</translation>
    </message>
</context>
<context>
    <name>llmproxy::EngineController</name>
    <message>
        <source>A key name has 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Il nome di una chiave ha da 1 a 64 lettere, cifre, «.», «_» o «-».</translation>
    </message>
    <message>
        <source>A client key named “%1” exists already.</source>
        <translation>Esiste già una chiave client di nome «%1».</translation>
    </message>
    <message>
        <source>The key could not be created.</source>
        <translation>Impossibile creare la chiave.</translation>
    </message>
    <message>
        <source>The key “%1” comes from the configuration file; remove it there.</source>
        <translation>La chiave «%1» proviene dal file di configurazione; rimuovila da lì.</translation>
    </message>
    <message>
        <source>No client key is named “%1”.</source>
        <translation>Nessuna chiave client si chiama «%1».</translation>
    </message>
    <message>
        <source>The request history is off: server.storage.enabled is false, or there is no data directory.</source>
        <translation>La cronologia delle richieste è disattivata: server.storage.enabled è false oppure non c’è una cartella dei dati.</translation>
    </message>
    <message>
        <source>The request history cannot be read: %1</source>
        <translation>Impossibile leggere la cronologia delle richieste: %1</translation>
    </message>
    <message>
        <source>Spend analytics need the store: server.storage.enabled is false, or there is no data directory.</source>
        <translation>Le analisi della spesa richiedono l’archivio: server.storage.enabled è false, oppure non c’è una directory dei dati.</translation>
    </message>
    <message>
        <source>The first day of the range must not be after its last day.</source>
        <translation>Il primo giorno dell’intervallo non può essere successivo all’ultimo.</translation>
    </message>
    <message>
        <source>A report covers at most %1 days.</source>
        <translation>Un report copre al massimo %1 giorni.</translation>
    </message>
    <message>
        <source>The spend rollups cannot be read: %1</source>
        <translation>I totali della spesa non possono essere letti: %1</translation>
    </message>
    <message>
        <source>The audit ledger is off: it needs the store (server.storage.enabled and a data directory).</source>
        <translation>Il registro di audit è disattivato: richiede l’archivio (server.storage.enabled e una directory dei dati).</translation>
    </message>
    <message>
        <source>The audit ledger is off: it needs a database and a ledger secret (LLM_PROXY_AUDIT_SECRET; see docs/audit.md).</source>
        <translation>Il registro di audit è disattivato: richiede un database e un segreto del registro (LLM_PROXY_AUDIT_SECRET; vedi docs/audit.md).</translation>
    </message>
    <message>
        <source>The audit ledger cannot be used: %1</source>
        <translation>Il registro di audit non può essere usato: %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::FallbackChainDialog</name>
    <message>
        <source>Add fallback chain</source>
        <translation>Aggiungi catena di fallback</translation>
    </message>
    <message>
        <source>Edit fallback chain</source>
        <translation>Modifica catena di fallback</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Hops, tried in this order</source>
        <translation>Passaggi, provati in quest’ordine</translation>
    </message>
    <message>
        <source>Hop endpoint or provider</source>
        <translation>Endpoint o provider del passaggio</translation>
    </message>
    <message>
        <source>Hop model</source>
        <translation>Modello del passaggio</translation>
    </message>
    <message>
        <source>the same model</source>
        <translation>lo stesso modello</translation>
    </message>
    <message>
        <source>Add &amp;hop</source>
        <translation>Aggiungi &amp;passaggio</translation>
    </message>
    <message>
        <source>Re&amp;move hop</source>
        <translation>Ri&amp;muovi passaggio</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Sposta in &amp;alto</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Sposta in &amp;basso</translation>
    </message>
    <message>
        <source>Why the chain was not set</source>
        <translation>Perché la catena non è stata impostata</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modello:</translation>
    </message>
    <message>
        <source>Hops, tried in this order when every endpoint of the model fails:</source>
        <translation>Passaggi, provati in quest’ordine quando tutti gli endpoint del modello falliscono:</translation>
    </message>
    <message>
        <source>&amp;Endpoint or provider:</source>
        <translation>&amp;Endpoint o provider:</translation>
    </message>
    <message>
        <source>M&amp;odel:</source>
        <translation>M&amp;odello:</translation>
    </message>
    <message>
        <source>Choose the endpoint or provider of the hop first.</source>
        <translation>Scegli prima l’endpoint o il provider del passaggio.</translation>
    </message>
    <message>
        <source>Not set: %1</source>
        <translation>Non impostata: %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::FirstRunWizard</name>
    <message>
        <source>Where should requests go?</source>
        <translation>Dove devono andare le richieste?</translation>
    </message>
    <message>
        <source>Choose a cloud provider, or a model server running on this computer.</source>
        <translation>Scegli un provider cloud, o un server di modelli in esecuzione su questo computer.</translation>
    </message>
    <message>
        <source>A &amp;cloud provider</source>
        <translation>Un provider &amp;cloud</translation>
    </message>
    <message>
        <source>Use a cloud provider</source>
        <translation>Usa un provider cloud</translation>
    </message>
    <message>
        <source>Cloud provider</source>
        <translation>Provider cloud</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL di base</translation>
    </message>
    <message>
        <source>A &amp;local server on this computer</source>
        <translation>Un server &amp;locale su questo computer</translation>
    </message>
    <message>
        <source>Use a local server</source>
        <translation>Usa un server locale</translation>
    </message>
    <message>
        <source>Local servers found</source>
        <translation>Server locali trovati</translation>
    </message>
    <message>
        <source>&amp;Scan again</source>
        <translation>&amp;Cerca di nuovo</translation>
    </message>
    <message>
        <source>Scan again for local servers</source>
        <translation>Cerca di nuovo server locali</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Provider:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;URL di base:</translation>
    </message>
    <message>
        <source>https://… (this provider needs your own URL)</source>
        <translation>https://… (questo provider richiede un tuo URL)</translation>
    </message>
    <message>
        <source>Get a key at &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Ottieni una chiave su &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Looking for Ollama, LM Studio, vLLM and llama.cpp on this computer…</source>
        <translation>Ricerca di Ollama, LM Studio, vLLM e llama.cpp su questo computer…</translation>
    </message>
    <message>
        <source>no models yet</source>
        <translation>ancora nessun modello</translation>
    </message>
    <message>
        <source>%1 at %2 — %3</source>
        <translation>%1 su %2 — %3</translation>
    </message>
    <message>
        <source>Loaded now: %1</source>
        <translation>Caricati ora: %1</translation>
    </message>
    <message>
        <source>No local model server is running.</source>
        <translation>Nessun server di modelli locale è in esecuzione.</translation>
    </message>
    <message numerus="yes">
        <source>Found %n local server(s).</source>
        <translation>
            <numerusform>Trovato %n server locale.</numerusform>
            <numerusform>Trovati %n server locali.</numerusform>
        </translation>
    </message>
    <message>
        <source>LLMProxy sends this key to %1 with every request it forwards there.</source>
        <translation>LLMProxy invia questa chiave a %1 con ogni richiesta che vi inoltra.</translation>
    </message>
    <message>
        <source>Storing the key in the system keychain…</source>
        <translation>Salvataggio della chiave nel portachiavi di sistema…</translation>
    </message>
    <message>
        <source>The key is in the system keychain as &quot;%1&quot;.</source>
        <translation>La chiave è nel portachiavi di sistema come «%1».</translation>
    </message>
    <message>
        <source>The system keychain could not store the key: %1&lt;br&gt;There may be no keychain service on this computer. Use an environment variable instead: set it before LLMProxy starts; the key is not written anywhere by LLMProxy.</source>
        <translation>Il portachiavi di sistema non ha potuto salvare la chiave: %1&lt;br&gt;Forse su questo computer non c’è alcun servizio portachiavi. Usa invece una variabile d’ambiente: impostala prima dell’avvio di LLMProxy; LLMProxy non scrive la chiave da nessuna parte.</translation>
    </message>
    <message>
        <source>Set %1 in the environment LLMProxy starts in. The key you paste above is only used to fetch the model list now; it is not saved.</source>
        <translation>Imposta %1 nell’ambiente in cui si avvia LLMProxy. La chiave incollata sopra serve solo a recuperare ora l’elenco dei modelli; non viene salvata.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelli</translation>
    </message>
    <message>
        <source>Check the models LLMProxy should send to this endpoint.</source>
        <translation>Spunta i modelli che LLMProxy deve inviare a questo endpoint.</translation>
    </message>
    <message>
        <source>Model list status</source>
        <translation>Stato dell’elenco dei modelli</translation>
    </message>
    <message>
        <source>Model name to add</source>
        <translation>Nome del modello da aggiungere</translation>
    </message>
    <message>
        <source>Another model name</source>
        <translation>Un altro nome di modello</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Aggiungi</translation>
    </message>
    <message>
        <source>Add the model</source>
        <translation>Aggiungi il modello</translation>
    </message>
    <message>
        <source>%1 serves these models.</source>
        <translation>%1 serve questi modelli.</translation>
    </message>
    <message>
        <source>Without the key here, the model list cannot be fetched: type the model names.</source>
        <translation>Senza la chiave qui, l’elenco dei modelli non può essere recuperato: digita i nomi dei modelli.</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>Richiesta dei modelli a %1…</translation>
    </message>
    <message>
        <source>The provider lists no models: type the model names.</source>
        <translation>Il provider non elenca alcun modello: digita i nomi dei modelli.</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) available.</source>
        <translation>
            <numerusform>%n modello disponibile.</numerusform>
            <numerusform>%n modelli disponibili.</numerusform>
        </translation>
    </message>
    <message>
        <source>The model list could not be fetched: %1&lt;br&gt;You can still type model names below.</source>
        <translation>Impossibile recuperare l’elenco dei modelli: %1&lt;br&gt;Puoi comunque digitare i nomi dei modelli qui sotto.</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>LLMProxy adds the endpoint and sends it a short real request.</source>
        <translation>LLMProxy aggiunge l’endpoint e gli invia una breve richiesta reale.</translation>
    </message>
    <message>
        <source>Model to test</source>
        <translation>Modello da testare</translation>
    </message>
    <message>
        <source>Test &amp;again</source>
        <translation>&amp;Testa di nuovo</translation>
    </message>
    <message>
        <source>Send the test request again</source>
        <translation>Invia di nuovo la richiesta di test</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Risultato del test</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modello:</translation>
    </message>
    <message>
        <source>Adding the endpoint &quot;%1&quot;…</source>
        <translation>Aggiunta dell’endpoint «%1»…</translation>
    </message>
    <message>
        <source>The endpoint could not be added: %1</source>
        <translation>Impossibile aggiungere l’endpoint: %1</translation>
    </message>
    <message>
        <source>Sending a test request to %1…</source>
        <translation>Invio di una richiesta di test a %1…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>It works. The model answered in %1:&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;</source>
        <translation>Funziona. Il modello ha risposto in %1:&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;</translation>
    </message>
    <message>
        <source>The provider refused the key. Go Back to fix it.</source>
        <translation>Il provider ha rifiutato la chiave. Torna indietro per correggerla.</translation>
    </message>
    <message>
        <source>Go Back to change the settings, or Test again.</source>
        <translation>Torna indietro per cambiare le impostazioni, oppure testa di nuovo.</translation>
    </message>
    <message>
        <source>The request failed: %1&lt;br&gt;%2</source>
        <translation>La richiesta non è riuscita: %1&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>none (local server)</source>
        <translation>nessuna (server locale)</translation>
    </message>
    <message>
        <source>system keychain, entry &quot;%1&quot;</source>
        <translation>portachiavi di sistema, voce «%1»</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>variabile d’ambiente %1</translation>
    </message>
    <message>
        <source>Endpoint &lt;b&gt;%1&lt;/b&gt;: %2 at %3&lt;br&gt;Models: %4&lt;br&gt;Key: %5&lt;br&gt;It is saved and listed in the main window; the Endpoints window changes it later.</source>
        <translation>Endpoint &lt;b&gt;%1&lt;/b&gt;: %2 su %3&lt;br&gt;Modelli: %4&lt;br&gt;Chiave: %5&lt;br&gt;È salvato ed elencato nella finestra principale; in seguito puoi modificarlo nella finestra Endpoint.</translation>
    </message>
    <message>
        <source>Set up LLMProxy</source>
        <translation>Configura LLMProxy</translation>
    </message>
    <message>
        <source>First-run wizard</source>
        <translation>Procedura guidata del primo avvio</translation>
    </message>
</context>
<context>
    <name>llmproxy::GuardsWindow</name>
    <message>
        <source>On</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Disattivo</translation>
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
        <translation>Disattivato da %1 nell’ambiente: l’ambiente ha la precedenza, quindi non si può attivare qui.</translation>
    </message>
    <message>
        <source>Needs a signing key: set LLM_PROXY_SIGNING_KEY and restart LLMProxy.</source>
        <translation>Richiede una chiave di firma: imposta LLM_PROXY_SIGNING_KEY e riavvia LLMProxy.</translation>
    </message>
    <message>
        <source>Switched off in the configuration file (%1).</source>
        <translation>Disattivato nel file di configurazione (%1).</translation>
    </message>
    <message>
        <source>Switched on here, as in the configuration.</source>
        <translation>Attivato qui, come nella configurazione.</translation>
    </message>
    <message>
        <source>Switched off here, as in the configuration.</source>
        <translation>Disattivato qui, come nella configurazione.</translation>
    </message>
    <message>
        <source>Switched on here; the configuration says off.</source>
        <translation>Attivato qui; la configurazione indica disattivato.</translation>
    </message>
    <message>
        <source>Switched off here; the configuration says on.</source>
        <translation>Disattivato qui; la configurazione indica attivato.</translation>
    </message>
    <message>
        <source>Not running while the security guards are switched off.</source>
        <translation>Non attivo finché i filtri di sicurezza sono disattivati.</translation>
    </message>
    <message>
        <source>%1 scanned · %2 blocked</source>
        <translation>%1 analizzate · %2 bloccate</translation>
    </message>
    <message>
        <source>%1 state</source>
        <translation>Stato di %1</translation>
    </message>
    <message>
        <source>%1 counters</source>
        <translation>Contatori di %1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Attivato</translation>
    </message>
    <message>
        <source>%1 enabled</source>
        <translation>%1 attivato</translation>
    </message>
    <message>
        <source>Back to configuration</source>
        <translation>Torna alla configurazione</translation>
    </message>
    <message>
        <source>%1: back to configuration</source>
        <translation>%1: torna alla configurazione</translation>
    </message>
    <message>
        <source>The guards switched on below inspect every request and answer.</source>
        <translation>I filtri attivati qui sotto ispezionano ogni richiesta e risposta.</translation>
    </message>
    <message>
        <source>Requests reach the providers unchecked.</source>
        <translation>Le richieste raggiungono i provider senza controlli.</translation>
    </message>
    <message>
        <source>The configuration switches the security guards on.</source>
        <translation>La configurazione attiva i filtri di sicurezza.</translation>
    </message>
    <message>
        <source>The configuration switches the security guards off.</source>
        <translation>La configurazione disattiva i filtri di sicurezza.</translation>
    </message>
    <message>
        <source>Switched on here; the configuration (security.enabled) says off.</source>
        <translation>Attivato qui; la configurazione (security.enabled) indica disattivato.</translation>
    </message>
    <message>
        <source>Switched off here; the configuration (security.enabled) says on.</source>
        <translation>Disattivato qui; la configurazione (security.enabled) indica attivato.</translation>
    </message>
    <message>
        <source>Switched off in the configuration (security.enabled: false).</source>
        <translation>Disattivato nella configurazione (security.enabled: false).</translation>
    </message>
    <message>
        <source>%1 requests scanned, %2 blocked. Scan time per request: median %3, p95 %4, p99 %5.</source>
        <translation>%1 richieste analizzate, %2 bloccate. Tempo di analisi per richiesta: mediana %3, p95 %4, p99 %5.</translation>
    </message>
    <message>
        <source>Running now.</source>
        <translation>In esecuzione.</translation>
    </message>
    <message>
        <source>Not running: the security guards are switched off.</source>
        <translation>Non attivo: i filtri di sicurezza sono disattivati.</translation>
    </message>
    <message>
        <source>Not running.</source>
        <translation>Non attivo.</translation>
    </message>
    <message>
        <source>%1 masked · %2 flagged</source>
        <translation>%1 mascherate · %2 segnalate</translation>
    </message>
    <message>
        <source>Switch %1 on or off now</source>
        <translation>Attiva o disattiva %1 ora</translation>
    </message>
    <message>
        <source>The configuration switches it on.</source>
        <translation>La configurazione lo attiva.</translation>
    </message>
    <message>
        <source>The configuration switches it off.</source>
        <translation>La configurazione lo disattiva.</translation>
    </message>
</context>
<context>
    <name>llmproxy::HistoryWindow</name>
    <message>
        <source>Any</source>
        <translation>Qualsiasi</translation>
    </message>
    <message>
        <source>Successful (2xx)</source>
        <translation>Riuscite (2xx)</translation>
    </message>
    <message>
        <source>Client errors (4xx)</source>
        <translation>Errori del client (4xx)</translation>
    </message>
    <message>
        <source>Server errors (5xx)</source>
        <translation>Errori del server (5xx)</translation>
    </message>
    <message>
        <source>Blocked by a guard</source>
        <translation>Bloccate da un filtro di sicurezza</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Ultima ora</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Ultime 24 ore</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Ultimi 7 giorni</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Ultimi 30 giorni</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Dall’inizio</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>ID richiesta</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Richiesta</translation>
    </message>
    <message>
        <source>(stream)</source>
        <translation>(stream)</translation>
    </message>
    <message>
        <source>Client API</source>
        <translation>API del client</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Chiave client</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Model asked for</source>
        <translation>Modello richiesto</translation>
    </message>
    <message>
        <source>Model served</source>
        <translation>Modello servito</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Errore</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Bloccata da</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentativi</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenza</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Tempo al primo token</translation>
    </message>
    <message>
        <source>Gateway overhead</source>
        <translation>Overhead del gateway</translation>
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
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <source>(estimated)</source>
        <translation>(stimato)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Caricamento…</translation>
    </message>
    <message>
        <source>No stored request matches.</source>
        <translation>Nessuna richiesta salvata corrisponde.</translation>
    </message>
    <message>
        <source>Matching requests: %1</source>
        <translation>Richieste corrispondenti: %1</translation>
    </message>
    <message>
        <source>shown: %1</source>
        <translation>mostrate: %1</translation>
    </message>
    <message>
        <source>the first %1 only: narrow the filters to see the others</source>
        <translation>solo le prime %1: restringi i filtri per vedere le altre</translation>
    </message>
    <message>
        <source>scroll down for more</source>
        <translation>scorri verso il basso per vederne altre</translation>
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
    <message>
        <source>&amp;Tools</source>
        <translation>S&amp;trumenti</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>&amp;Sicurezza</translation>
    </message>
</context>
<context>
    <name>llmproxy::ModelsWindow</name>
    <message>
        <source>up</source>
        <translation>funzionante</translation>
    </message>
    <message>
        <source>down</source>
        <translation>non funzionante</translation>
    </message>
    <message>
        <source>health unknown</source>
        <translation>salute sconosciuta</translation>
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
        <translation>Modificato qui</translation>
    </message>
    <message>
        <source>config.yaml</source>
        <translation>config.yaml</translation>
    </message>
    <message>
        <source>alias of %1</source>
        <translation>alias di %1</translation>
    </message>
    <message>
        <source>(any model)</source>
        <translation>(qualsiasi modello)</translation>
    </message>
    <message>
        <source>No enabled endpoint serves a model yet.</source>
        <translation>Nessun endpoint attivo serve ancora un modello.</translation>
    </message>
    <message>
        <source>As requested</source>
        <translation>Come richiesto</translation>
    </message>
    <message>
        <source>Any endpoint</source>
        <translation>Qualsiasi endpoint</translation>
    </message>
    <message>
        <source>Alias %1 → %2 set.</source>
        <translation>Alias %1 → %2 impostato.</translation>
    </message>
    <message>
        <source>Alias %1 removed.</source>
        <translation>Alias %1 rimosso.</translation>
    </message>
    <message>
        <source>Fallback chain of %1 set.</source>
        <translation>Catena di fallback di %1 impostata.</translation>
    </message>
    <message>
        <source>Fallback chain of %1 removed.</source>
        <translation>Catena di fallback di %1 rimossa.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Non modificato: %1</translation>
    </message>
    <message>
        <source>These requests go to the model they ask for.</source>
        <translation>Queste richieste vanno al modello che chiedono.</translation>
    </message>
    <message>
        <source>These requests now go to %1.</source>
        <translation>Queste richieste ora vanno a %1.</translation>
    </message>
    <message>
        <source>These requests now go to %1 on %2 first.</source>
        <translation>Queste richieste ora vanno prima a %1 su %2.</translation>
    </message>
    <message>
        <source>Revert all changes made here</source>
        <translation>Annulla tutte le modifiche fatte qui</translation>
    </message>
    <message>
        <source>Drop every alias, fallback chain and route override changed in this window or through the admin API? The configuration file&apos;s routing applies again.</source>
        <translation>Scartare ogni alias, catena di fallback e reindirizzamento modificato in questa finestra o tramite l’API di amministrazione? Torna a valere l’instradamento del file di configurazione.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Annulla modifiche</translation>
    </message>
    <message>
        <source>The configuration file&apos;s routing applies again.</source>
        <translation>Torna a valere l’instradamento del file di configurazione.</translation>
    </message>
    <message>
        <source>Name or pattern</source>
        <translation>Nome o schema</translation>
    </message>
    <message>
        <source>Target model</source>
        <translation>Modello di destinazione</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Hops</source>
        <translation>Passaggi</translation>
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
        <translation>Scegli un modello, digita un prompt e premi Invia: la richiesta passa per il gateway come quella di qualsiasi client, e la risposta arriva qui in streaming con il percorso seguito, i token, il costo e ogni decisione di sicurezza.</translation>
    </message>
    <message>
        <source>The gateway is not listening, so it offers no models.</source>
        <translation>Il gateway non è in ascolto, quindi non offre modelli.</translation>
    </message>
    <message>
        <source>Asking the gateway for its models…</source>
        <translation>Richiesta dei modelli al gateway…</translation>
    </message>
    <message>
        <source>The gateway requires a client key: enter one of its keys above.</source>
        <translation>Il gateway richiede una chiave client: inserisci una delle sue chiavi qui sopra.</translation>
    </message>
    <message>
        <source>The gateway refused this key: %1</source>
        <translation>Il gateway ha rifiutato questa chiave: %1</translation>
    </message>
    <message>
        <source>Cannot list the gateway&apos;s models: %1</source>
        <translation>Impossibile elencare i modelli del gateway: %1</translation>
    </message>
    <message>
        <source>The gateway offers no model yet: add an endpoint to the configuration.</source>
        <translation>Il gateway non offre ancora modelli: aggiungi un endpoint alla configurazione.</translation>
    </message>
    <message>
        <source>1 model offered by the gateway at %1.</source>
        <translation>1 modello offerto dal gateway su %1.</translation>
    </message>
    <message>
        <source>%1 models offered by the gateway at %2.</source>
        <translation>%1 modelli offerti dal gateway su %2.</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Scegli prima un modello.</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>Digita prima un prompt.</translation>
    </message>
    <message>
        <source>The gateway is not listening, so nothing can be sent. Check the main window&apos;s state.</source>
        <translation>Il gateway non è in ascolto, quindi non si può inviare nulla. Controlla lo stato nella finestra principale.</translation>
    </message>
    <message>
        <source>You → %1</source>
        <translation>Tu → %1</translation>
    </message>
    <message>
        <source>System: %1</source>
        <translation>Sistema: %1</translation>
    </message>
    <message>
        <source>Waiting for %1…</source>
        <translation>In attesa di %1…</translation>
    </message>
    <message>
        <source>Streaming from %1…</source>
        <translation>Ricezione da %1…</translation>
    </message>
    <message>
        <source>Collecting the gateway&apos;s figures…</source>
        <translation>Raccolta dei dati del gateway…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Fermato.</translation>
    </message>
    <message>
        <source>Stopped after %1.</source>
        <translation>Fermato dopo %1.</translation>
    </message>
    <message>
        <source>Answered in %1.</source>
        <translation>Risposta in %1.</translation>
    </message>
    <message>
        <source>Route: none (answered by the gateway itself)</source>
        <translation>Percorso: nessuno (ha risposto il gateway stesso)</translation>
    </message>
    <message>
        <source>Route: endpoint %1</source>
        <translation>Percorso: endpoint %1</translation>
    </message>
    <message>
        <source>Route: endpoint %1 (%2)</source>
        <translation>Percorso: endpoint %1 (%2)</translation>
    </message>
    <message>
        <source>serving %1</source>
        <translation>che serve %1</translation>
    </message>
    <message>
        <source>after %1 attempts</source>
        <translation>dopo %1 tentativi</translation>
    </message>
    <message>
        <source>Tokens: %1 in, %2 out</source>
        <translation>Token: %1 in ingresso, %2 in uscita</translation>
    </message>
    <message>
        <source>Tokens: not reported</source>
        <translation>Token: non riportati</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>Costo: %1</translation>
    </message>
    <message>
        <source>Cost: unknown (no usage or no price for this model)</source>
        <translation>Costo: sconosciuto (nessun dato di utilizzo o nessun prezzo per questo modello)</translation>
    </message>
    <message>
        <source>Gateway overhead before the answer began: %1</source>
        <translation>Overhead del gateway prima dell’inizio della risposta: %1</translation>
    </message>
    <message>
        <source>Gateway overhead: %1 (%2 before the answer began)</source>
        <translation>Overhead del gateway: %1 (%2 prima dell’inizio della risposta)</translation>
    </message>
    <message>
        <source>Gateway overhead: %1</source>
        <translation>Overhead del gateway: %1</translation>
    </message>
    <message>
        <source>First token: %1</source>
        <translation>Primo token: %1</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Totale: %1</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Richiesta %1</translation>
    </message>
    <message>
        <source>Security: blocked by %1, code %2%3</source>
        <translation>Sicurezza: bloccato da %1, codice %2%3</translation>
    </message>
    <message>
        <source>Security: 1 value masked before the request left (%1)</source>
        <translation>Sicurezza: 1 valore mascherato prima dell’invio della richiesta (%1)</translation>
    </message>
    <message>
        <source>Security: %1 values masked before the request left (%2)</source>
        <translation>Sicurezza: %1 valori mascherati prima dell’invio della richiesta (%2)</translation>
    </message>
    <message>
        <source>Security: values masked by %1%2</source>
        <translation>Sicurezza: valori mascherati da %1%2</translation>
    </message>
    <message>
        <source>Security: flagged by %1, %2%3</source>
        <translation>Sicurezza: segnalato da %1, %2%3</translation>
    </message>
    <message>
        <source>Security: blocked by %1, code %2</source>
        <translation>Sicurezza: bloccato da %1, codice %2</translation>
    </message>
    <message>
        <source>Blocked by the gateway&apos;s security guards (%1): %2 (code %3, HTTP %4).</source>
        <translation>Bloccato dai filtri di sicurezza del gateway (%1): %2 (codice %3, HTTP %4).</translation>
    </message>
    <message>
        <source>The gateway answered HTTP %1: %2 (code %3).</source>
        <translation>Il gateway ha risposto HTTP %1: %2 (codice %3).</translation>
    </message>
    <message>
        <source>The answer stopped with an error: %1 (code %2).</source>
        <translation>La risposta si è interrotta con un errore: %1 (codice %2).</translation>
    </message>
    <message>
        <source>Cannot reach the gateway at %1: %2. Is the proxy running and listening?</source>
        <translation>Impossibile raggiungere il gateway su %1: %2. Il proxy è in esecuzione e in ascolto?</translation>
    </message>
    <message>
        <source>The connection to the gateway broke: %1.</source>
        <translation>La connessione al gateway si è interrotta: %1.</translation>
    </message>
    <message>
        <source>The stream ended without its final [DONE] event: the answer may be incomplete.</source>
        <translation>Lo stream è terminato senza l’evento finale [DONE]: la risposta potrebbe essere incompleta.</translation>
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
        <translation>Altri strumenti (Chat Completions API)</translation>
    </message>
    <message>
        <source>&amp;Route coding tools</source>
        <translation>&amp;Reindirizza gli strumenti di programmazione</translation>
    </message>
    <message>
        <source>Send every request of a coding tool to one model, whatever it asks for</source>
        <translation>Invia ogni richiesta di uno strumento di programmazione a un solo modello, qualunque cosa chieda</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>As requested (no override)</source>
        <translation>Come richiesto (nessun reindirizzamento)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more in the Models window</source>
        <translation>
            <numerusform>%n altro nella finestra Modelli</numerusform>
            <numerusform>altri %n nella finestra Modelli</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 su %2</translation>
    </message>
    <message>
        <source>No endpoint lists its models</source>
        <translation>Nessun endpoint elenca i suoi modelli</translation>
    </message>
</context>
<context>
    <name>llmproxy::SecurityWindow</name>
    <message>
        <source>Security — LLMProxy</source>
        <translation>Sicurezza — LLMProxy</translation>
    </message>
    <message>
        <source>Audit chain</source>
        <translation>Catena di audit</translation>
    </message>
    <message>
        <source>Every audited event is chained to the one before it by a hash. Verifying walks the chain from its checkpoint to its newest entry and reports the first entry that was changed, removed or inserted.</source>
        <translation>Ogni evento registrato è concatenato al precedente tramite un hash. La verifica percorre la catena dal suo checkpoint fino alla voce più recente e segnala la prima voce modificata, rimossa o inserita.</translation>
    </message>
    <message>
        <source>&amp;Verify audit chain</source>
        <translation>&amp;Verifica la catena di audit</translation>
    </message>
    <message>
        <source>Personal data (GDPR)</source>
        <translation>Dati personali (GDPR)</translation>
    </message>
    <message>
        <source>A person&apos;s data in the audit ledger is sealed with keys of their own. Export saves all of it as JSON; Erase destroys their keys, so it can never be read again, while the chain still verifies.</source>
        <translation>I dati di una persona nel registro di audit sono sigillati con chiavi proprie. Esporta li salva tutti in JSON; Cancella distrugge le sue chiavi, così non potranno mai più essere letti, mentre la catena resta verificabile.</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Persona:</translation>
    </message>
    <message>
        <source>Key name, user or IP address</source>
        <translation>Nome della chiave, utente o indirizzo IP</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Esporta…</translation>
    </message>
    <message>
        <source>Save everything the audit ledger holds about this person as JSON</source>
        <translation>Salva in JSON tutto ciò che il registro di audit contiene su questa persona</translation>
    </message>
    <message>
        <source>E&amp;rase…</source>
        <translation>&amp;Cancella…</translation>
    </message>
    <message>
        <source>Destroy this person&apos;s keys: their data in the audit ledger can no longer be read</source>
        <translation>Distruggi le chiavi di questa persona: i suoi dati nel registro di audit non potranno più essere letti</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <source>Not verified since this window opened.</source>
        <translation>Non verificata da quando questa finestra è stata aperta.</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Verifica in corso…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>✔ The chain is empty: nothing has been audited yet (checked in %1).</source>
        <translation>✔ La catena è vuota: non è stato ancora registrato nulla (verificata in %1).</translation>
    </message>
    <message>
        <source>✔ The chain is intact: %1 entries checked in %2; the newest is entry %3.</source>
        <translation>✔ La catena è integra: %1 voci verificate in %2; la più recente è la voce %3.</translation>
    </message>
    <message>
        <source>✘ The chain is broken at entry %1 (%2: %3). %4 entries before it were checked in %5.</source>
        <translation>✘ La catena è interrotta alla voce %1 (%2: %3). %4 voci precedenti sono state verificate in %5.</translation>
    </message>
    <message>
        <source>Erase “%1” from the audit ledger?

Their keys are destroyed: the names, addresses and personal details in every audit entry about them can never be read again, by anyone, and no export will contain them. The entries themselves stay, so the chain still verifies. This cannot be undone.</source>
        <translation>Cancellare «%1» dal registro di audit?

Le sue chiavi vengono distrutte: nomi, indirizzi e dati personali in ogni voce di audit che la riguarda non potranno mai più essere letti, da nessuno, e nessuna esportazione li conterrà. Le voci restano, quindi la catena resta verificabile. L’operazione non può essere annullata.</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>Cancella dati personali</translation>
    </message>
    <message>
        <source>Erase “%1”</source>
        <translation>Cancella «%1»</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Cancellazione…</translation>
    </message>
    <message>
        <source>“%1” is erased: %2 keys destroyed; %3 entries held their data. The erasure is entry %4 of the chain.</source>
        <translation>«%1» è cancellato: %2 chiavi distrutte; %3 voci contenevano i suoi dati. La cancellazione è la voce %4 della catena.</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>Esporta dati personali</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>File JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Esportazione…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message>
        <source>Saved the data of “%1” to %2.</source>
        <translation>I dati di «%1» sono stati salvati in %2.</translation>
    </message>
</context>
<context>
    <name>llmproxy::SettingsWindow</name>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>Impossibile creare la cartella di %1.</translation>
    </message>
    <message>
        <source>Cannot keep a backup of %1 as %2; nothing was saved.</source>
        <translation>Impossibile conservare un backup di %1 come %2; non è stato salvato nulla.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Chiaro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Scuro</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Lingua di sistema</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Lingua di sistema (%1)</translation>
    </message>
    <message>
        <source>Debug: everything, for finding a problem</source>
        <translation>Debug: tutto, per individuare un problema</translation>
    </message>
    <message>
        <source>Info: requests and changes</source>
        <translation>Info: richieste e modifiche</translation>
    </message>
    <message>
        <source>Warning: only what needs attention</source>
        <translation>Avviso: solo ciò che richiede attenzione</translation>
    </message>
    <message>
        <source>Error: only failures</source>
        <translation>Errore: solo i fallimenti</translation>
    </message>
    <message>
        <source>Text: one readable line per event</source>
        <translation>Testo: una riga leggibile per evento</translation>
    </message>
    <message>
        <source>JSON: one object per line, for log collectors</source>
        <translation>JSON: un oggetto per riga, per i raccoglitori di log</translation>
    </message>
    <message>
        <source>The log goes to the standard error output: the terminal that started LLMProxy, or the system journal when it runs as a service. The configuration has no log file of its own; redirect the output to keep one.</source>
        <translation>Il log va sullo standard error: il terminale che ha avviato LLMProxy, o il journal di sistema quando è in esecuzione come servizio. La configurazione non ha un file di log proprio; reindirizza l’output per conservarne uno.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Off: only programs on this computer can use the proxy (127.0.0.1). On: other machines on your network reach it at this computer&apos;s address.&lt;/p&gt;&lt;p&gt;They could then spend your provider accounts, so LLMProxy listens beyond this computer only when clients must send a proxy key: set &lt;code&gt;LLM_PROXY_API_KEYS&lt;/code&gt; (comma-separated keys) in the environment or in &lt;code&gt;.env&lt;/code&gt;, or add keys under &lt;code&gt;server.auth.keys&lt;/code&gt; in the configuration file. Without a key it refuses to start. The proxy speaks plain HTTP: on a network you do not trust, put a TLS reverse proxy in front of it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Disattivato: solo i programmi su questo computer possono usare il proxy (127.0.0.1). Attivato: gli altri computer della tua rete lo raggiungono all’indirizzo di questo computer.&lt;/p&gt;&lt;p&gt;Potrebbero così consumare i tuoi account presso i provider, quindi LLMProxy ascolta oltre questo computer solo se i client devono inviare una chiave del proxy: imposta &lt;code&gt;LLM_PROXY_API_KEYS&lt;/code&gt; (chiavi separate da virgole) nell’ambiente o in &lt;code&gt;.env&lt;/code&gt;, oppure aggiungi chiavi sotto &lt;code&gt;server.auth.keys&lt;/code&gt; nel file di configurazione. Senza una chiave si rifiuta di avviarsi. Il proxy usa HTTP in chiaro: su una rete di cui non ti fidi, mettici davanti un reverse proxy TLS.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none: nothing is kept between runs</source>
        <translation>nessuna: non viene conservato nulla tra un avvio e l’altro</translation>
    </message>
    <message>
        <source>No configuration file is in use; start LLMProxy with --config FILE.</source>
        <translation>Nessun file di configurazione in uso; avvia LLMProxy con --config FILE.</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossibile leggere %1: %2</translation>
    </message>
    <message>
        <source>The proxy is not listening.</source>
        <translation>Il proxy non è in ascolto.</translation>
    </message>
    <message>
        <source>Listening now on %1.</source>
        <translation>In ascolto su %1.</translation>
    </message>
    <message>
        <source>The configuration file has errors; correct them on the Configuration file page first.</source>
        <translation>Il file di configurazione contiene errori; correggili prima nella pagina File di configurazione.</translation>
    </message>
    <message>
        <source>%1 is not an IP address: use 0.0.0.0 (every IPv4 interface), :: (every IPv6 interface) or one of this computer&apos;s addresses.</source>
        <translation>%1 non è un indirizzo IP: usa 0.0.0.0 (tutte le interfacce IPv4), :: (tutte le interfacce IPv6) o uno degli indirizzi di questo computer.</translation>
    </message>
    <message>
        <source>No proxy key is configured, so LLMProxy would refuse to listen beyond this computer. Set LLM_PROXY_API_KEYS or add keys under server.auth.keys first.</source>
        <translation>Nessuna chiave del proxy è configurata, quindi LLMProxy si rifiuterebbe di ascoltare oltre questo computer. Imposta prima LLM_PROXY_API_KEYS o aggiungi chiavi sotto server.auth.keys.</translation>
    </message>
    <message>
        <source>the listen address</source>
        <translation>l’indirizzo di ascolto</translation>
    </message>
    <message>
        <source>the port</source>
        <translation>la porta</translation>
    </message>
    <message>
        <source>The environment or the command line sets %1; the file&apos;s value is not used.</source>
        <translation>L’ambiente o la riga di comando imposta %1; il valore del file non viene usato.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> e </translation>
    </message>
    <message>
        <source>A changed address or port takes effect after LLMProxy restarts: reloading the configuration does not move the listener.</source>
        <translation>Un indirizzo o una porta modificati hanno effetto dopo il riavvio di LLMProxy: ricaricare la configurazione non sposta l’ascolto.</translation>
    </message>
    <message>
        <source>Cannot change the configuration file: %1</source>
        <translation>Impossibile modificare il file di configurazione: %1</translation>
    </message>
    <message>
        <source>Its layout could not be kept, so it was written anew without its comments; the previous file is %1.bak.</source>
        <translation>Non è stato possibile mantenerne la struttura, quindi è stato riscritto senza i commenti; il file precedente è %1.bak.</translation>
    </message>
    <message>
        <source>Not saved, the file is unchanged: %1</source>
        <translation>Non salvato, il file non è cambiato: %1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Salvato in %1.</translation>
    </message>
    <message>
        <source>Reloading…</source>
        <translation>Ricaricamento…</translation>
    </message>
    <message>
        <source>%1 Reloaded: %2.</source>
        <translation>%1 Ricaricato: %2.</translation>
    </message>
    <message>
        <source>%1 The reload failed, the previous configuration stays in force: %2</source>
        <translation>%1 Il ricaricamento non è riuscito, resta in vigore la configurazione precedente: %2</translation>
    </message>
    <message>
        <source>The new address takes effect after LLMProxy restarts.</source>
        <translation>Il nuovo indirizzo ha effetto dopo il riavvio di LLMProxy.</translation>
    </message>
    <message>
        <source>LLMProxy starts when you log in.</source>
        <translation>LLMProxy si avvia quando accedi.</translation>
    </message>
    <message>
        <source>LLMProxy no longer starts when you log in.</source>
        <translation>LLMProxy non si avvia più quando accedi.</translation>
    </message>
    <message>
        <source>Kept in %1, which starts %2.</source>
        <translation>Salvato in %1, che avvia %2.</translation>
    </message>
    <message>
        <source>No file manager opens %1.</source>
        <translation>Nessun file manager apre %1.</translation>
    </message>
    <message>
        <source>1 error; choose it to go to its line.</source>
        <translation>1 errore; sceglilo per andare alla sua riga.</translation>
    </message>
    <message>
        <source>%1 errors; choose one to go to its line.</source>
        <translation>%1 errori; scegline uno per andare alla sua riga.</translation>
    </message>
    <message>
        <source>Not applied: the text has errors and the file is unchanged.</source>
        <translation>Non applicato: il testo contiene errori e il file non è cambiato.</translation>
    </message>
    <message>
        <source>The editor shows the file again.</source>
        <translation>L’editor mostra di nuovo il file.</translation>
    </message>
    <message>
        <source>Created here</source>
        <translation>Creata qui</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>File di configurazione</translation>
    </message>
    <message>
        <source>Every model</source>
        <translation>Tutti i modelli</translation>
    </message>
    <message>
        <source>There is no client key: every program that can reach the proxy may use it.</source>
        <translation>Non c’è alcuna chiave client: qualsiasi programma che raggiunge il proxy può usarlo.</translation>
    </message>
    <message>
        <source>This key comes from the configuration file; remove it there.</source>
        <translation>Questa chiave proviene dal file di configurazione; rimuovila da lì.</translation>
    </message>
    <message>
        <source>Created the client key “%1”. Copy it now: it is not shown again.</source>
        <translation>Chiave client «%1» creata. Copiala ora: non verrà più mostrata.</translation>
    </message>
    <message>
        <source>Revoke client key</source>
        <translation>Revoca chiave client</translation>
    </message>
    <message>
        <source>Revoke the client key “%1”? Programs that use it are refused from their next request.</source>
        <translation>Revocare la chiave client «%1»? I programmi che la usano verranno rifiutati a partire dalla loro prossima richiesta.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoca</translation>
    </message>
    <message>
        <source>Revoked the client key “%1”.</source>
        <translation>Chiave client «%1» revocata.</translation>
    </message>
</context>
<context>
    <name>llmproxy::ThreatsWindow</name>
    <message>
        <source>Threats — LLMProxy</source>
        <translation>Minacce — LLMProxy</translation>
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
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notifiche</translation>
    </message>
    <message>
        <source>Which events show a desktop notification</source>
        <translation>Quali eventi mostrano una notifica sul desktop</translation>
    </message>
    <message>
        <source>Endpoint down or back up</source>
        <translation>Endpoint non raggiungibile o di nuovo attivo</translation>
    </message>
    <message>
        <source>Request blocked by a security guard</source>
        <translation>Richiesta bloccata da una protezione di sicurezza</translation>
    </message>
    <message>
        <source>Blocks not shown since the last notification: %1</source>
        <translation>Blocchi non mostrati dall’ultima notifica: %1</translation>
    </message>
    <message>
        <source>Endpoint changes not shown since the last notification: %1</source>
        <translation>Modifiche di endpoint non mostrate dall’ultima notifica: %1</translation>
    </message>
    <message>
        <source>Endpoint down</source>
        <translation>Endpoint non raggiungibile</translation>
    </message>
    <message>
        <source>%1 is not answering; requests go to the other endpoints, if any.</source>
        <translation>%1 non risponde; le richieste vanno agli altri endpoint, se presenti.</translation>
    </message>
    <message>
        <source>Endpoint back up</source>
        <translation>Endpoint di nuovo attivo</translation>
    </message>
    <message>
        <source>%1 answers again.</source>
        <translation>%1 risponde di nuovo.</translation>
    </message>
    <message>
        <source>Request blocked</source>
        <translation>Richiesta bloccata</translation>
    </message>
    <message>
        <source>The %1 guard blocked a request (%2).</source>
        <translation>La protezione %1 ha bloccato una richiesta (%2).</translation>
    </message>
    <message>
        <source>Endpoint down: %1</source>
        <translation>Endpoint non raggiungibile: %1</translation>
    </message>
    <message>
        <source>A request was blocked in the last minute</source>
        <translation>Una richiesta è stata bloccata nell’ultimo minuto</translation>
    </message>
    <message>
        <source>Daily budget warning or limit reached</source>
        <translation>Soglia di avviso o budget giornaliero raggiunto</translation>
    </message>
    <message>
        <source>Today: %1 of %2 budget</source>
        <translation>Oggi: %1 su %2 di budget</translation>
    </message>
    <message>
        <source>Today: %1 spent (no daily budget)</source>
        <translation>Oggi: %1 spesi (nessun budget giornaliero)</translation>
    </message>
    <message>
        <source>Daily budget reached</source>
        <translation>Budget giornaliero raggiunto</translation>
    </message>
    <message>
        <source>Today&apos;s spend of %1 reached the daily budget of %2.</source>
        <translation>La spesa di oggi di %1 ha raggiunto il budget giornaliero di %2.</translation>
    </message>
    <message>
        <source>Budget warning</source>
        <translation>Avviso di budget</translation>
    </message>
    <message>
        <source>Today&apos;s spend of %1 passed the warning level of %2.</source>
        <translation>La spesa di oggi di %1 ha superato la soglia di avviso di %2.</translation>
    </message>
</context>
</TS>
