<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AnalyticsWindow</name>
    <message>
        <source>Analytics — LLMProxy</source>
        <translation>Análisis — LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>A&amp;grupar por:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Read the spend and the budgets again</source>
        <translation>Volver a leer el gasto y los presupuestos</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>Save the table&apos;s rows as a CSV file</source>
        <translation>Guardar las filas de la tabla como archivo CSV</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Presupuestos</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tabla</translation>
    </message>
    <message>
        <source>Spend per day and group</source>
        <translation>Gasto por día y grupo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>BlocksChart</name>
    <message>
        <source>Blocks per minute over the last hour: %1 in total</source>
        <translation>Bloqueos por minuto en la última hora: %1 en total</translation>
    </message>
    <message>
        <source>Blocks per minute, last hour</source>
        <translation>Bloqueos por minuto, última hora</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueadas</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Enmascaradas</translation>
    </message>
    <message>
        <source>Nothing blocked or masked in the last hour</source>
        <translation>Nada bloqueado ni enmascarado en la última hora</translation>
    </message>
</context>
<context>
    <name>ConnectToolDialog</name>
    <message>
        <source>Connect a tool — LLMProxy</source>
        <translation>Conectar una herramienta — LLMProxy</translation>
    </message>
    <message>
        <source>Coding tools</source>
        <translation>Herramientas de programación</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Herramienta</translation>
    </message>
    <message>
        <source>About this tool</source>
        <translation>Acerca de esta herramienta</translation>
    </message>
    <message>
        <source>Gateway &amp;URL:</source>
        <translation>&amp;URL de la pasarela:</translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation>URL de la pasarela</translation>
    </message>
    <message>
        <source>Proxy &amp;key:</source>
        <translation>&amp;Clave del proxy:</translation>
    </message>
    <message>
        <source>Proxy key</source>
        <translation>Clave del proxy</translation>
    </message>
    <message>
        <source>About the key</source>
        <translation>Acerca de la clave</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Settings for the tool</source>
        <translation>Ajustes para la herramienta</translation>
    </message>
    <message>
        <source>The tool&apos;s config file</source>
        <translation>Archivo de configuración de la herramienta</translation>
    </message>
    <message>
        <source>Config file</source>
        <translation>Archivo de configuración</translation>
    </message>
    <message>
        <source>&amp;Write config</source>
        <translation>&amp;Escribir configuración</translation>
    </message>
    <message>
        <source>U&amp;ndo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Result of writing the config file</source>
        <translation>Resultado de escribir el archivo de configuración</translation>
    </message>
    <message>
        <source>Send a &amp;test request</source>
        <translation>Enviar solicitud de &amp;prueba</translation>
    </message>
    <message>
        <source>Result of the test request</source>
        <translation>Resultado de la solicitud de prueba</translation>
    </message>
    <message>
        <source>Create a key for this tool</source>
        <translation>Crear una clave para esta herramienta</translation>
    </message>
    <message>
        <source>Create a client key named after the tool, kept by the gateway as a digest, and put it here</source>
        <translation>Crear una clave de cliente con el nombre de la herramienta, que la pasarela guarda como hash, y ponerla aquí</translation>
    </message>
</context>
<context>
    <name>DecisionDetail</name>
    <message>
        <source>Blocked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Enmascarado</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Marcado</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>What matched</source>
        <translation>Coincidencia</translation>
    </message>
    <message>
        <source>No detail recorded.</source>
        <translation>No se registró ningún detalle.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Select a decision to see why it was made.</source>
        <translation>Selecciona una decisión para ver por qué se tomó.</translation>
    </message>
</context>
<context>
    <name>DecisionFeed</name>
    <message>
        <source>block</source>
        <translation>bloqueado</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisiones</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Capa</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Decisions of the security guards, newest first</source>
        <translation>Decisiones de los filtros de seguridad, las más recientes primero</translation>
    </message>
    <message>
        <source>mask</source>
        <translation>enmascarado</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>marcado</translation>
    </message>
    <message>
        <source>No request was blocked, masked or flagged so far.</source>
        <translation>Hasta ahora no se ha bloqueado, enmascarado ni marcado ninguna solicitud.</translation>
    </message>
    <message>
        <source>Nothing has happened yet.
Every block, mask and flag of the security guards appears here as requests come in.</source>
        <translation>Todavía no ha pasado nada.
Cada bloqueo, enmascaramiento y marca de los filtros de seguridad aparece aquí a medida que llegan las solicitudes.</translation>
    </message>
</context>
<context>
    <name>EndpointsWindow</name>
    <message>
        <source>Endpoints — LLMProxy</source>
        <translation>Endpoints — LLMProxy</translation>
    </message>
    <message>
        <source>Add endpoint</source>
        <translation>Añadir endpoint</translation>
    </message>
    <message>
        <source>Edit endpoint</source>
        <translation>Editar endpoint</translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>Eliminar endpoint</translation>
    </message>
    <message>
        <source>Enable or disable endpoint</source>
        <translation>Activar o desactivar endpoint</translation>
    </message>
    <message>
        <source>Move endpoint up</source>
        <translation>Subir endpoint</translation>
    </message>
    <message>
        <source>Move endpoint down</source>
        <translation>Bajar endpoint</translation>
    </message>
    <message>
        <source>Test endpoint now</source>
        <translation>Probar endpoint ahora</translation>
    </message>
    <message>
        <source>Reset circuit breaker</source>
        <translation>Restablecer disyuntor</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <source>Selected endpoint</source>
        <translation>Endpoint seleccionado</translation>
    </message>
    <message>
        <source>Endpoint details</source>
        <translation>Detalles del endpoint</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Última acción</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>EngineController</name>
    <message>
        <source>No answer in time.</source>
        <translation>No hubo respuesta a tiempo.</translation>
    </message>
    <message>
        <source>This provider has no list of models.</source>
        <translation>Este proveedor no tiene una lista de modelos.</translation>
    </message>
    <message>
        <source>A keychain entry name has 1 to 128 letters, digits and -_.:@/.</source>
        <translation>El nombre de una entrada del llavero tiene de 1 a 128 letras, dígitos y -_.:@/.</translation>
    </message>
    <message>
        <source>%1 did not take the key.</source>
        <translation>%1 no aceptó la clave.</translation>
    </message>
    <message>
        <source>An endpoint named &quot;%1&quot; exists already.</source>
        <translation>Ya existe un endpoint llamado «%1».</translation>
    </message>
    <message>
        <source>There is no endpoint &quot;%1&quot;.</source>
        <translation>No existe el endpoint «%1».</translation>
    </message>
    <message>
        <source>This endpoint cannot be tested with a chat request.</source>
        <translation>Este endpoint no se puede probar con una solicitud de chat.</translation>
    </message>
</context>
<context>
    <name>FirstRunDonePage</name>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>LLMProxy routes requests to this endpoint from now on.</source>
        <translation>A partir de ahora, LLMProxy envía solicitudes a este endpoint.</translation>
    </message>
    <message>
        <source>What was configured</source>
        <translation>Qué se ha configurado</translation>
    </message>
    <message>
        <source>Give tools this &amp;base URL:</source>
        <translation>Indica a las herramientas esta &amp;URL base:</translation>
    </message>
    <message>
        <source>Base URL for tools</source>
        <translation>URL base para las herramientas</translation>
    </message>
    <message>
        <source>Copy the base URL</source>
        <translation>Copiar la URL base</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Connect a coding tool</source>
        <translation>Conectar una herramienta de programación</translation>
    </message>
    <message>
        <source>Connect a &amp;tool…</source>
        <translation>Conectar una &amp;herramienta…</translation>
    </message>
</context>
<context>
    <name>FirstRunKeyPage</name>
    <message>
        <source>Your API key</source>
        <translation>Tu clave de API</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clave:</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Paste the key here</source>
        <translation>Pega aquí la clave</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>Mostrar la clave</translation>
    </message>
    <message>
        <source>S&amp;how key</source>
        <translation>&amp;Mostrar clave</translation>
    </message>
    <message>
        <source>Store the key in the system keychain</source>
        <translation>Guardar la clave en el llavero del sistema</translation>
    </message>
    <message>
        <source>Keep it in the system &amp;keychain (recommended)</source>
        <translation>Guardarla en el &amp;llavero del sistema (recomendado)</translation>
    </message>
    <message>
        <source>Entry &amp;name:</source>
        <translation>&amp;Nombre de la entrada:</translation>
    </message>
    <message>
        <source>Keychain entry name</source>
        <translation>Nombre de la entrada del llavero</translation>
    </message>
    <message>
        <source>Read the key from an environment variable</source>
        <translation>Leer la clave de una variable de entorno</translation>
    </message>
    <message>
        <source>Read it from an &amp;environment variable</source>
        <translation>Leerla de una variable de &amp;entorno</translation>
    </message>
    <message>
        <source>&amp;Variable:</source>
        <translation>&amp;Variable:</translation>
    </message>
    <message>
        <source>Environment variable name</source>
        <translation>Nombre de la variable de entorno</translation>
    </message>
    <message>
        <source>Key status</source>
        <translation>Estado de la clave</translation>
    </message>
</context>
<context>
    <name>Guards</name>
    <message>
        <source>Flood guard</source>
        <translation>Protección contra saturación</translation>
    </message>
    <message>
        <source>Refuses requests with too many messages, too much text or a repetition flood.</source>
        <translation>Rechaza solicitudes con demasiados mensajes, demasiado texto o una avalancha de repeticiones.</translation>
    </message>
    <message>
        <source>Request firewall</source>
        <translation>Cortafuegos de solicitudes</translation>
    </message>
    <message>
        <source>Blocks known attack signatures in normalised text and in base64, hex, URL, ROT13 and escaped spans.</source>
        <translation>Bloquea firmas de ataque conocidas en el texto normalizado y en fragmentos en base64, hexadecimal, URL, ROT13 o con escapes.</translation>
    </message>
    <message>
        <source>Injection scoring</source>
        <translation>Puntuación de inyección</translation>
    </message>
    <message>
        <source>Blocks prompt injection by patterns in 17 languages, structure, similarity to known attacks and a learned classifier.</source>
        <translation>Bloquea la inyección de prompts mediante patrones en 17 idiomas, la estructura, la similitud con ataques conocidos y un clasificador entrenado.</translation>
    </message>
    <message>
        <source>Multi-turn trajectory</source>
        <translation>Trayectoria multiturno</translation>
    </message>
    <message>
        <source>Blocks a conversation whose recent user turns together build up an attack.</source>
        <translation>Bloquea una conversación cuyos turnos recientes del usuario construyen juntos un ataque.</translation>
    </message>
    <message>
        <source>Threat ledger</source>
        <translation>Registro de amenazas</translation>
    </message>
    <message>
        <source>Refuses the borderline requests of a key or remote address that keeps sending suspicious ones.</source>
        <translation>Rechaza las solicitudes dudosas de una clave o dirección remota que no deja de enviar solicitudes sospechosas.</translation>
    </message>
    <message>
        <source>PII and secrets</source>
        <translation>PII y secretos</translation>
    </message>
    <message>
        <source>Masks e-mail addresses, phone numbers, cards, IBANs, SSNs and secrets before a request leaves, and restores them in the answer.</source>
        <translation>Enmascara direcciones de correo electrónico, números de teléfono, tarjetas, IBAN, SSN y secretos antes de que salga una solicitud, y los restaura en la respuesta.</translation>
    </message>
    <message>
        <source>Response sanitizer</source>
        <translation>Saneamiento de respuestas</translation>
    </message>
    <message>
        <source>Removes invisible and bidirectional control characters from answers and flags look-alike words.</source>
        <translation>Elimina de las respuestas los caracteres de control invisibles y bidireccionales, y marca las palabras de aspecto engañoso.</translation>
    </message>
    <message>
        <source>Link sanitizer</source>
        <translation>Saneamiento de enlaces</translation>
    </message>
    <message>
        <source>Replaces links to blocked domains in answers.</source>
        <translation>Sustituye en las respuestas los enlaces a dominios bloqueados.</translation>
    </message>
    <message>
        <source>System-prompt leak guard</source>
        <translation>Protección contra filtración del prompt del sistema</translation>
    </message>
    <message>
        <source>Stops an answer that repeats the operator&apos;s system prompt or its canary token.</source>
        <translation>Detiene una respuesta que repite el prompt del sistema del operador o su token canario.</translation>
    </message>
    <message>
        <source>Response signing</source>
        <translation>Firma de respuestas</translation>
    </message>
    <message>
        <source>Signs every answer with HMAC-SHA256 when LLM_PROXY_SIGNING_KEY is set.</source>
        <translation>Firma cada respuesta con HMAC-SHA256 cuando LLM_PROXY_SIGNING_KEY está definida.</translation>
    </message>
</context>
<context>
    <name>GuardsWindow</name>
    <message>
        <source>Security guards — LLMProxy</source>
        <translation>Filtros de seguridad — LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Security guards on</source>
        <translation>&amp;Filtros de seguridad activados</translation>
    </message>
    <message>
        <source>Master switch: every request and response guard at once</source>
        <translation>Interruptor general: todos los filtros de solicitudes y respuestas a la vez</translation>
    </message>
    <message>
        <source>Security state</source>
        <translation>Estado de seguridad</translation>
    </message>
    <message>
        <source>Back to configuration</source>
        <translation>Volver a la configuración</translation>
    </message>
    <message>
        <source>Requests scanned and scan time</source>
        <translation>Solicitudes analizadas y tiempo de análisis</translation>
    </message>
    <message>
        <source>Switches apply at once. &lt;i&gt;Back to configuration&lt;/i&gt; returns a guard to what the configuration file says.</source>
        <translation>Los interruptores se aplican al instante. &lt;i&gt;Volver a la configuración&lt;/i&gt; devuelve un filtro a lo que indica el archivo de configuración.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>Request history — LLMProxy</source>
        <translation>Historial de solicitudes — LLMProxy</translation>
    </message>
    <message>
        <source>Search request ID, model or error</source>
        <translation>Buscar ID de solicitud, modelo o error</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Clave de cliente</translation>
    </message>
    <message>
        <source>Only the requests made with the client key of this name</source>
        <translation>Solo las solicitudes hechas con la clave de cliente de este nombre</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Only the requests that asked for or were served by the model of this name</source>
        <translation>Solo las solicitudes que pidieron el modelo de este nombre o que este sirvió</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Load the newest requests again</source>
        <translation>Volver a cargar las solicitudes más recientes</translation>
    </message>
    <message>
        <source>Stored requests</source>
        <translation>Solicitudes guardadas</translation>
    </message>
    <message>
        <source>Request details</source>
        <translation>Detalles de la solicitud</translation>
    </message>
    <message>
        <source>Select a request to see all it recorded.</source>
        <translation>Selecciona una solicitud para ver todo lo que se registró de ella.</translation>
    </message>
    <message>
        <source>&amp;Copy request ID</source>
        <translation>&amp;Copiar ID de solicitud</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Seguir</translation>
    </message>
    <message>
        <source>Show new requests as they are stored, while the table is scrolled to the top</source>
        <translation>Mostrar las solicitudes nuevas en cuanto se guardan, mientras la tabla está desplazada arriba del todo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>Listen URL</source>
        <translation>URL de escucha</translation>
    </message>
    <message>
        <source>Proxy state</source>
        <translation>Estado del proxy</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>&amp;Copiar URL</translation>
    </message>
    <message>
        <source>Copy the base URL to the clipboard</source>
        <translation>Copiar la URL base al portapapeles</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Pruébalo</translation>
    </message>
    <message>
        <source>Client configuration example</source>
        <translation>Ejemplo de configuración del cliente</translation>
    </message>
    <message>
        <source>Copy e&amp;xample</source>
        <translation>Copiar e&amp;jemplo</translation>
    </message>
    <message>
        <source>Copy the example commands to the clipboard</source>
        <translation>Copiar los comandos de ejemplo al portapapeles</translation>
    </message>
    <message>
        <source>Setup hint</source>
        <translation>Ayuda de configuración</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Registro de solicitudes</translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation>Interruptor de emergencia</translation>
    </message>
    <message>
        <source>&lt;b&gt;All traffic is stopped.&lt;/b&gt; The kill switch refuses every inference request with 503 until you resume traffic.</source>
        <translation>&lt;b&gt;Todo el tráfico está detenido.&lt;/b&gt; El interruptor de emergencia rechaza cada solicitud de inferencia con 503 hasta que reanudes el tráfico.</translation>
    </message>
    <message>
        <source>Resume &amp;traffic</source>
        <translation>&amp;Reanudar el tráfico</translation>
    </message>
    <message>
        <source>Release the kill switch and serve requests again</source>
        <translation>Desactivar el interruptor de emergencia y volver a atender solicitudes</translation>
    </message>
    <message>
        <source>Double-click a request to see it in the request history</source>
        <translation>Haga doble clic en una solicitud para verla en el historial de solicitudes</translation>
    </message>
    <message>
        <source>Search the &amp;history…</source>
        <translation>Buscar en el &amp;historial…</translation>
    </message>
    <message>
        <source>Every stored request, with filters, search and details</source>
        <translation>Todas las solicitudes guardadas, con filtros, búsqueda y detalles</translation>
    </message>
</context>
<context>
    <name>ModelsWindow</name>
    <message>
        <source>Models and routing — LLMProxy</source>
        <translation>Modelos y enrutamiento — LLMProxy</translation>
    </message>
    <message>
        <source>Changes made here apply at once and are kept in the data directory across restarts. The configuration file is not rewritten: its aliases and chains come back with “Revert all changes made here”.</source>
        <translation>Los cambios hechos aquí se aplican al instante y se conservan en el directorio de datos entre reinicios. El archivo de configuración no se reescribe: sus alias y cadenas vuelven con «Revertir todos los cambios hechos aquí».</translation>
    </message>
    <message>
        <source>About changes</source>
        <translation>Acerca de los cambios</translation>
    </message>
    <message>
        <source>Models and routing</source>
        <translation>Modelos y enrutamiento</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modelos</translation>
    </message>
    <message>
        <source>Every model the enabled endpoints serve, the aliases that name it and its fallback chain.</source>
        <translation>Cada modelo que sirven los endpoints activados, los alias que lo nombran y su cadena de respaldo.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Every model served, with its endpoints, aliases and fallback chain</source>
        <translation>Cada modelo servido, con sus endpoints, alias y cadena de respaldo</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>Servido por</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Fallback chain</source>
        <translation>Cadena de respaldo</translation>
    </message>
    <message>
        <source>A&amp;liases</source>
        <translation>A&amp;lias</translation>
    </message>
    <message>
        <source>A request for an alias is served by its target model. An alias name may be a pattern such as claude-* .</source>
        <translation>Una solicitud a un alias la sirve su modelo de destino. El nombre de un alias puede ser un patrón como claude-* .</translation>
    </message>
    <message>
        <source>Alias name or pattern, target model and where the alias comes from</source>
        <translation>Nombre o patrón del alias, modelo de destino y origen del alias</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <source>Add alias</source>
        <translation>Añadir alias</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Edit the selected alias</source>
        <translation>Editar el alias seleccionado</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected alias</source>
        <translation>Quitar el alias seleccionado</translation>
    </message>
    <message>
        <source>&amp;Fallback chains</source>
        <translation>Cadenas de &amp;respaldo</translation>
    </message>
    <message>
        <source>When every endpoint of a model fails, its fallback chain is tried hop by hop.</source>
        <translation>Cuando fallan todos los endpoints de un modelo, se prueba su cadena de respaldo salto a salto.</translation>
    </message>
    <message>
        <source>Fallback chains</source>
        <translation>Cadenas de respaldo</translation>
    </message>
    <message>
        <source>Model, the hops tried when it fails and where the chain comes from</source>
        <translation>Modelo, los saltos que se prueban cuando falla y origen de la cadena</translation>
    </message>
    <message>
        <source>Add fallback chain</source>
        <translation>Añadir cadena de respaldo</translation>
    </message>
    <message>
        <source>Edit the selected fallback chain</source>
        <translation>Editar la cadena de respaldo seleccionada</translation>
    </message>
    <message>
        <source>Remove the selected fallback chain</source>
        <translation>Quitar la cadena de respaldo seleccionada</translation>
    </message>
    <message>
        <source>Route &amp;overrides</source>
        <translation>Rutas &amp;forzadas</translation>
    </message>
    <message>
        <source>Send every request of a kind of tool to one model, whatever model it asks for. A client key restricted to other models is never moved, and an override whose model nothing serves is passed over.</source>
        <translation>Envía todas las solicitudes de un tipo de herramienta a un único modelo, pida el modelo que pida. Una clave de cliente restringida a otros modelos nunca se redirige, y una ruta forzada cuyo modelo no sirve nadie se ignora.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Claude Code (Messages API):</source>
        <translation>Claude Code (API Messages):</translation>
    </message>
    <message>
        <source>Claude Code: model</source>
        <translation>Claude Code: modelo</translation>
    </message>
    <message>
        <source>As requested, or the model every request of these tools is served by</source>
        <translation>Según lo solicitado, o el modelo que atiende todas las solicitudes de estas herramientas</translation>
    </message>
    <message>
        <source>Claude Code: endpoint</source>
        <translation>Claude Code: endpoint</translation>
    </message>
    <message>
        <source>Try this endpoint first, or let the model&apos;s own routing choose</source>
        <translation>Probar primero este endpoint, o dejar que elija el enrutamiento propio del modelo</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Claude Code: apply</source>
        <translation>Claude Code: aplicar</translation>
    </message>
    <message>
        <source>Codex (Responses API):</source>
        <translation>Codex (API Responses):</translation>
    </message>
    <message>
        <source>Codex: model</source>
        <translation>Codex: modelo</translation>
    </message>
    <message>
        <source>Codex: endpoint</source>
        <translation>Codex: endpoint</translation>
    </message>
    <message>
        <source>Codex: apply</source>
        <translation>Codex: aplicar</translation>
    </message>
    <message>
        <source>Other tools (Chat Completions):</source>
        <translation>Otras herramientas (Chat Completions):</translation>
    </message>
    <message>
        <source>Other tools: model</source>
        <translation>Otras herramientas: modelo</translation>
    </message>
    <message>
        <source>Other tools: endpoint</source>
        <translation>Otras herramientas: endpoint</translation>
    </message>
    <message>
        <source>Other tools: apply</source>
        <translation>Otras herramientas: aplicar</translation>
    </message>
    <message>
        <source>Route override result</source>
        <translation>Resultado de la ruta forzada</translation>
    </message>
    <message>
        <source>Result of the last change</source>
        <translation>Resultado del último cambio</translation>
    </message>
    <message>
        <source>Re&amp;vert all changes made here</source>
        <translation>Re&amp;vertir todos los cambios hechos aquí</translation>
    </message>
    <message>
        <source>Revert all changes made here</source>
        <translation>Revertir todos los cambios hechos aquí</translation>
    </message>
    <message>
        <source>Drop every alias, fallback chain and route override changed here: the configuration file applies again</source>
        <translation>Descartar todos los alias, cadenas de respaldo y rutas forzadas cambiados aquí: vuelve a aplicarse el archivo de configuración</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>PlaygroundWindow</name>
    <message>
        <source>Playground — LLMProxy</source>
        <translation>Zona de pruebas — LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>A model the gateway offers, or any model name or alias to try</source>
        <translation>Un modelo que ofrece la pasarela, o cualquier nombre de modelo o alias que quieras probar</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Re&amp;fresh models</source>
        <translation>&amp;Actualizar modelos</translation>
    </message>
    <message>
        <source>Ask the gateway again which models it offers</source>
        <translation>Volver a preguntar a la pasarela qué modelos ofrece</translation>
    </message>
    <message>
        <source>Refresh models</source>
        <translation>Actualizar modelos</translation>
    </message>
    <message>
        <source>Model list status</source>
        <translation>Estado de la lista de modelos</translation>
    </message>
    <message>
        <source>Gateway &amp;key:</source>
        <translation>&amp;Clave de la pasarela:</translation>
    </message>
    <message>
        <source>The gateway requires a client key: paste one of yours (kept only while this window is open)</source>
        <translation>La pasarela exige una clave de cliente: pega una de las tuyas (solo se guarda mientras esta ventana esté abierta)</translation>
    </message>
    <message>
        <source>Gateway key</source>
        <translation>Clave de la pasarela</translation>
    </message>
    <message>
        <source>S&amp;ystem prompt:</source>
        <translation>Prompt del s&amp;istema:</translation>
    </message>
    <message>
        <source>Optional instructions sent as the system message</source>
        <translation>Instrucciones opcionales enviadas como mensaje del sistema</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt del sistema</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>The prompts sent in this window and the answers, with the route, tokens, cost and security decisions of each</source>
        <translation>Los prompts enviados en esta ventana y las respuestas, cada uno con su ruta, tokens, coste y decisiones de seguridad</translation>
    </message>
    <message>
        <source>&amp;Prompt (Ctrl+Enter sends):</source>
        <translation>&amp;Prompt (Ctrl+Intro envía):</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Request status</source>
        <translation>Estado de la solicitud</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Borrar</translation>
    </message>
    <message>
        <source>Forget the exchanges shown above</source>
        <translation>Olvidar los intercambios mostrados arriba</translation>
    </message>
    <message>
        <source>Clear conversation</source>
        <translation>Borrar la conversación</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>Stop the answer now (the gateway cancels the upstream request)</source>
        <translation>Detener la respuesta ahora (la pasarela cancela la solicitud al upstream)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>Send the prompt through the gateway (Ctrl+Enter)</source>
        <translation>Enviar el prompt a través de la pasarela (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>Settings — LLMProxy</source>
        <translation>Ajustes — LLMProxy</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Páginas de ajustes</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Inicio al iniciar sesión</translation>
    </message>
    <message>
        <source>Logging and data</source>
        <translation>Registro y datos</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>Archivo de configuración</translation>
    </message>
    <message>
        <source>Settings page</source>
        <translation>Página de ajustes</translation>
    </message>
    <message>
        <source>Listening now</source>
        <translation>Escuchando ahora</translation>
    </message>
    <message>
        <source>&amp;Allow other machines on the local network</source>
        <translation>Permitir otros equipos de la red &amp;local</translation>
    </message>
    <message>
        <source>Allow other machines on the local network</source>
        <translation>Permitir otros equipos de la red local</translation>
    </message>
    <message>
        <source>Listen on every network interface instead of this computer only</source>
        <translation>Escuchar en todas las interfaces de red en lugar de solo en este equipo</translation>
    </message>
    <message>
        <source>Listen &amp;address:</source>
        <translation>&amp;Dirección de escucha:</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Dirección de escucha</translation>
    </message>
    <message>
        <source>An IP address of this computer: 0.0.0.0 is every IPv4 interface, :: every IPv6 one</source>
        <translation>Una dirección IP de este equipo: 0.0.0.0 es cualquier interfaz IPv4, :: cualquier interfaz IPv6</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>About the local network</source>
        <translation>Acerca de la red local</translation>
    </message>
    <message>
        <source>Server settings status</source>
        <translation>Estado de los ajustes del servidor</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>&amp;Aplicar</translation>
    </message>
    <message>
        <source>Apply server settings</source>
        <translation>Aplicar los ajustes del servidor</translation>
    </message>
    <message>
        <source>Write the listen address and port into the configuration file and reload it</source>
        <translation>Escribir la dirección de escucha y el puerto en el archivo de configuración y recargarlo</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>Deshacer &amp;cambios</translation>
    </message>
    <message>
        <source>Undo server changes</source>
        <translation>Deshacer los cambios del servidor</translation>
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
        <translation>Sistema sigue al escritorio, también cuando cambia entre claro y oscuro mientras LLMProxy se ejecuta. Claro y Oscuro usan los mismos colores en cualquier escritorio.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>The windows change language at once. Log messages and the configuration file stay in English.</source>
        <translation>Las ventanas cambian de idioma al instante. Los mensajes del registro y el archivo de configuración siguen en inglés.</translation>
    </message>
    <message>
        <source>&amp;Start LLMProxy when I log in</source>
        <translation>&amp;Iniciar LLMProxy al iniciar sesión</translation>
    </message>
    <message>
        <source>Start LLMProxy when I log in</source>
        <translation>Iniciar LLMProxy al iniciar sesión</translation>
    </message>
    <message>
        <source>Where the login entry is kept</source>
        <translation>Dónde se guarda la entrada de inicio</translation>
    </message>
    <message>
        <source>Start at login status</source>
        <translation>Estado del inicio al iniciar sesión</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Nivel:</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Nivel de registro</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>Log format</source>
        <translation>Formato del registro</translation>
    </message>
    <message>
        <source>Include request and response &amp;bodies</source>
        <translation>Incluir los &amp;cuerpos de solicitudes y respuestas</translation>
    </message>
    <message>
        <source>Include request and response bodies</source>
        <translation>Incluir los cuerpos de solicitudes y respuestas</translation>
    </message>
    <message>
        <source>Prompts and answers appear in the log; API keys are always redacted</source>
        <translation>Los prompts y las respuestas aparecen en el registro; las claves de API siempre se ocultan</translation>
    </message>
    <message>
        <source>Where the log goes</source>
        <translation>Adónde va el registro</translation>
    </message>
    <message>
        <source>Logging settings status</source>
        <translation>Estado de los ajustes de registro</translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation>Apl&amp;icar</translation>
    </message>
    <message>
        <source>Apply logging settings</source>
        <translation>Aplicar los ajustes de registro</translation>
    </message>
    <message>
        <source>Write the logging settings into the configuration file and reload it</source>
        <translation>Escribir los ajustes de registro en el archivo de configuración y recargarlo</translation>
    </message>
    <message>
        <source>U&amp;ndo changes</source>
        <translation>&amp;Deshacer cambios</translation>
    </message>
    <message>
        <source>Undo logging changes</source>
        <translation>Deshacer los cambios del registro</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Directorio de datos</translation>
    </message>
    <message>
        <source>Endpoints added in the window (registry.json), the guard switches (features.json) and today&apos;s spend (budget.json) are kept here.</source>
        <translation>Aquí se guardan los endpoints añadidos en la ventana (registry.json), los interruptores de los filtros (features.json) y el gasto de hoy (budget.json).</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>Open the data directory</source>
        <translation>Abrir el directorio de datos</translation>
    </message>
    <message>
        <source>Configuration text</source>
        <translation>Texto de la configuración</translation>
    </message>
    <message>
        <source>Problems in the configuration</source>
        <translation>Problemas en la configuración</translation>
    </message>
    <message>
        <source>Choose a problem to go to its line</source>
        <translation>Elige un problema para ir a su línea</translation>
    </message>
    <message>
        <source>Configuration status</source>
        <translation>Estado de la configuración</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>&amp;Validar</translation>
    </message>
    <message>
        <source>Validate the configuration text</source>
        <translation>Validar el texto de la configuración</translation>
    </message>
    <message>
        <source>Check the text as LLMProxy would load it, without saving</source>
        <translation>Comprobar el texto tal como lo cargaría LLMProxy, sin guardar</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Aplicar</translation>
    </message>
    <message>
        <source>Apply the configuration text</source>
        <translation>Aplicar el texto de la configuración</translation>
    </message>
    <message>
        <source>Save the text (the previous file is kept as a backup) and reload it</source>
        <translation>Guardar el texto (el archivo anterior se conserva como copia de seguridad) y recargarlo</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Revertir</translation>
    </message>
    <message>
        <source>Revert to the file</source>
        <translation>Volver al archivo</translation>
    </message>
    <message>
        <source>Put the file&apos;s text back into the editor</source>
        <translation>Volver a poner el texto del archivo en el editor</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>Cerrar los ajustes</translation>
    </message>
    <message>
        <source>Client keys</source>
        <translation>Claves de cliente</translation>
    </message>
    <message>
        <source>Clients send one of these keys to use the proxy. Keys created here are kept only as a digest: a key is shown once, when it is created. Keys from the configuration file are changed there.</source>
        <translation>Los clientes envían una de estas claves para usar el proxy. Las claves creadas aquí solo se guardan como hash: una clave se muestra una sola vez, al crearla. Las claves del archivo de configuración se cambian allí.</translation>
    </message>
    <message>
        <source>About client keys</source>
        <translation>Acerca de las claves de cliente</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Starts with</source>
        <translation>Empieza por</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Client keys status</source>
        <translation>Estado de las claves de cliente</translation>
    </message>
    <message>
        <source>The key just created</source>
        <translation>La clave recién creada</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>C&amp;opiar</translation>
    </message>
    <message>
        <source>Copy the key just created</source>
        <translation>Copiar la clave recién creada</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>New key name</source>
        <translation>Nombre de la nueva clave</translation>
    </message>
    <message>
        <source>e.g. laptop or claude-code</source>
        <translation>p. ej., laptop o claude-code</translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation>&amp;Crear clave</translation>
    </message>
    <message>
        <source>Create a client key</source>
        <translation>Crear una clave de cliente</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Revocar</translation>
    </message>
    <message>
        <source>Revoke the selected key</source>
        <translation>Revocar la clave seleccionada</translation>
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
        <translation>Los filtros de seguridad están desactivados: las solicitudes llegan a los proveedores sin comprobar. Actívalos en la ventana Filtros de seguridad.</translation>
    </message>
    <message>
        <source>Requests scanned</source>
        <translation>Solicitudes analizadas</translation>
    </message>
    <message>
        <source>since start</source>
        <translation>desde el inicio</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueadas</translation>
    </message>
    <message>
        <source>%1 % of scanned</source>
        <translation>%1 % de las analizadas</translation>
    </message>
    <message>
        <source>refused before the provider</source>
        <translation>rechazadas antes del proveedor</translation>
    </message>
    <message>
        <source>PII and secrets masked</source>
        <translation>PII y secretos enmascarados</translation>
    </message>
    <message>
        <source>restored in the answers</source>
        <translation>restaurados en las respuestas</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Marcadas</translation>
    </message>
    <message>
        <source>suspicious, let through</source>
        <translation>sospechosas, dejadas pasar</translation>
    </message>
    <message>
        <source>Scan time (median)</source>
        <translation>Tiempo de análisis (mediana)</translation>
    </message>
    <message>
        <source>p95 %1 · p99 %2</source>
        <translation>p95 %1 · p99 %2</translation>
    </message>
    <message>
        <source>per request, once one is scanned</source>
        <translation>por solicitud, en cuanto se analice una</translation>
    </message>
    <message>
        <source>By layer</source>
        <translation>Por capa</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Capa</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>Enmascaradas</translation>
    </message>
</context>
<context>
    <name>llmproxy::AliasDialog</name>
    <message>
        <source>Add alias</source>
        <translation>Añadir alias</translation>
    </message>
    <message>
        <source>Edit alias</source>
        <translation>Editar alias</translation>
    </message>
    <message>
        <source>Alias name or pattern</source>
        <translation>Nombre o patrón del alias</translation>
    </message>
    <message>
        <source>e.g. fast or claude-*</source>
        <translation>p. ej., fast o claude-*</translation>
    </message>
    <message>
        <source>Target model</source>
        <translation>Modelo de destino</translation>
    </message>
    <message>
        <source>Why the alias was not set</source>
        <translation>Por qué no se estableció el alias</translation>
    </message>
    <message>
        <source>&amp;Name or pattern:</source>
        <translation>&amp;Nombre o patrón:</translation>
    </message>
    <message>
        <source>&amp;Target model:</source>
        <translation>Modelo de &amp;destino:</translation>
    </message>
    <message>
        <source>A request for this name (or any name the pattern matches) is served by the target model. The target must be a model name, not a pattern.</source>
        <translation>Una solicitud a este nombre (o a cualquier nombre que coincida con el patrón) la sirve el modelo de destino. El destino debe ser un nombre de modelo, no un patrón.</translation>
    </message>
    <message>
        <source>Not set: %1</source>
        <translation>No establecido: %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::AnalyticsWindow</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Rango personalizado</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Clave de cliente</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>&amp;Spend per day</source>
        <translation>&amp;Gasto por día</translation>
    </message>
    <message>
        <source>T&amp;okens per day</source>
        <translation>T&amp;okens por día</translation>
    </message>
    <message>
        <source>Cost per re&amp;quest</source>
        <translation>Coste por &amp;solicitud</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(desconocido)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Tokens de entrada</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Tokens de salida</translation>
    </message>
    <message>
        <source>Average cost per request (USD)</source>
        <translation>Coste medio por solicitud (USD)</translation>
    </message>
    <message>
        <source>Cost per request</source>
        <translation>Coste por solicitud</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>Coste (USD)</translation>
    </message>
    <message>
        <source>Estimated (USD)</source>
        <translation>Estimado (USD)</translation>
    </message>
    <message>
        <source>Total: $%1 · %2 requests · %3 tokens in · %4 tokens out · %5 per request</source>
        <translation>Total: $%1 · %2 solicitudes · %3 tokens de entrada · %4 tokens de salida · %5 por solicitud</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>No spend recorded from %1 to %2.</source>
        <translation>No hay gasto registrado del %1 al %2.</translation>
    </message>
    <message>
        <source>Spend from %1 to %2, days of %3 · updated %4</source>
        <translation>Gasto del %1 al %2, días de %3 · actualizado %4</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Export spend as CSV</source>
        <translation>Exportar el gasto como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Guardado %1.</translation>
    </message>
    <message>
        <source>Spend per month (USD) · %1</source>
        <translation>Gasto por mes (USD) · %1</translation>
    </message>
    <message>
        <source>Spend per day (USD) · %1</source>
        <translation>Gasto por día (USD) · %1</translation>
    </message>
    <message>
        <source>Tokens per month</source>
        <translation>Tokens por mes</translation>
    </message>
    <message>
        <source>Tokens per day</source>
        <translation>Tokens por día</translation>
    </message>
</context>
<context>
    <name>llmproxy::Autostart</name>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>No se puede crear la carpeta de %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Cannot change %1.</source>
        <translation>No se puede modificar %1.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>No se puede eliminar %1.</translation>
    </message>
</context>
<context>
    <name>llmproxy::BudgetGaugeBar</name>
    <message>
        <source>Global daily budget</source>
        <translation>Presupuesto diario global</translation>
    </message>
    <message>
        <source>%1 spent of %2</source>
        <translation>%1 gastado de %2</translation>
    </message>
    <message>
        <source>%1 spent, no limit</source>
        <translation>%1 gastado, sin límite</translation>
    </message>
    <message>
        <source>%1 reserved</source>
        <translation>%1 reservado</translation>
    </message>
    <message>
        <source>warns at %1</source>
        <translation>aviso a partir de %1</translation>
    </message>
    <message>
        <source>resets %1 (%2)</source>
        <translation>se reinicia el %1 (%2)</translation>
    </message>
    <message>
        <source>Key “%1”, this month</source>
        <translation>Clave «%1», este mes</translation>
    </message>
    <message>
        <source>Key “%1”, today</source>
        <translation>Clave «%1», hoy</translation>
    </message>
    <message>
        <source>Team “%1”, this month</source>
        <translation>Equipo «%1», este mes</translation>
    </message>
    <message>
        <source>Team “%1”, today</source>
        <translation>Equipo «%1», hoy</translation>
    </message>
    <message>
        <source>all gateways, as of %1</source>
        <translation>todas las pasarelas, a las %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::CommandPalette</name>
    <message>
        <source>No command matches.</source>
        <translation>Ningún comando coincide.</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>Paleta de comandos</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>Escribe un comando…</translation>
    </message>
    <message>
        <source>Filter commands</source>
        <translation>Filtrar comandos</translation>
    </message>
    <message>
        <source>Type part of a command&apos;s name; Up and Down choose, Enter runs it, Escape closes.</source>
        <translation>Escribe parte del nombre de un comando; Arriba y Abajo eligen, Intro lo ejecuta, Esc cierra.</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Comandos</translation>
    </message>
    <message>
        <source>%1 (on)</source>
        <translation>%1 (activado)</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1 (desactivado)</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::ConnectToolDialog</name>
    <message>
        <source>Write config</source>
        <translation>Escribir configuración</translation>
    </message>
    <message>
        <source>Undo the config change</source>
        <translation>Deshacer el cambio de configuración</translation>
    </message>
    <message>
        <source>Send a test request</source>
        <translation>Enviar una solicitud de prueba</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>the key the tool sends</source>
        <translation>la clave que envía la herramienta</translation>
    </message>
    <message>
        <source>a model the gateway serves</source>
        <translation>un modelo que sirve la pasarela</translation>
    </message>
    <message>
        <source>This gateway asks for a proxy key: enter one of its keys (LLM_PROXY_API_KEYS or a named client key).</source>
        <translation>Esta pasarela pide una clave del proxy: introduce una de sus claves (LLM_PROXY_API_KEYS o una clave de cliente con nombre).</translation>
    </message>
    <message>
        <source>This gateway asks for no key; tools that insist on one get “%1”.</source>
        <translation>Esta pasarela no pide clave; las herramientas que exigen una reciben «%1».</translation>
    </message>
    <message>
        <source>Claude Code speaks the Anthropic Messages API at the root URL. Name a model here, or map the Claude model names it asks for with model_aliases.</source>
        <translation>Claude Code usa la API Messages de Anthropic en la URL raíz. Indica aquí un modelo o asigna con model_aliases los nombres de modelos Claude que pide.</translation>
    </message>
    <message>
        <source>Codex speaks the OpenAI Responses API; LLMProxy becomes its model provider “llmproxy”. Codex Desktop signed in with ChatGPT ignores it.</source>
        <translation>Codex usa la API Responses de OpenAI; LLMProxy pasa a ser su proveedor de modelos «llmproxy». Codex Desktop con sesión iniciada en ChatGPT lo ignora.</translation>
    </message>
    <message>
        <source>Cursor sends requests from its own servers: the gateway must be reachable from the internet (a tunnel or a public address, with proxy keys set). Enter that public URL above.</source>
        <translation>Cursor envía las solicitudes desde sus propios servidores: la pasarela debe ser accesible desde internet (un túnel o una dirección pública, con claves del proxy definidas). Introduce esa URL pública arriba.</translation>
    </message>
    <message>
        <source>Adds a model named “LLMProxy” to Continue&apos;s models; Continue reloads the file when it changes.</source>
        <translation>Añade un modelo llamado «LLMProxy» a los modelos de Continue; Continue recarga el archivo cuando cambia.</translation>
    </message>
    <message>
        <source>The openai/ prefix tells Aider to use the OpenAI API; the model after it is what LLMProxy routes.</source>
        <translation>El prefijo openai/ indica a Aider que use la API de OpenAI; el modelo que sigue es el que enruta LLMProxy.</translation>
    </message>
    <message>
        <source>In Cline&apos;s settings choose the API provider “OpenAI Compatible”.</source>
        <translation>En los ajustes de Cline, elige el proveedor de API «OpenAI Compatible».</translation>
    </message>
    <message>
        <source>Zed does not discover models for this provider: the models listed here are written. Zed asks for the key in its Agent panel, or takes it from LLMPROXY_API_KEY.</source>
        <translation>Zed no descubre modelos para este proveedor: se escriben los modelos indicados aquí. Zed pide la clave en su panel Agent o la toma de LLMPROXY_API_KEY.</translation>
    </message>
    <message>
        <source>VS Code&apos;s Custom Endpoint provider: chat and agent go through LLMProxy, completions stay with GitHub.</source>
        <translation>Proveedor Custom Endpoint de VS Code: el chat y el agente pasan por LLMProxy; las sugerencias de código siguen en GitHub.</translation>
    </message>
    <message>
        <source>In %1 (Write config merges this into the file):</source>
        <translation>En %1 («Escribir configuración» lo combina con el archivo):</translation>
    </message>
    <message>
        <source>Or from a shell:</source>
        <translation>O desde una terminal:</translation>
    </message>
    <message>
        <source>Then run:</source>
        <translation>Después ejecuta:</translation>
    </message>
    <message>
        <source>In the tool&apos;s settings:</source>
        <translation>En los ajustes de la herramienta:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy: %1</source>
        <translation>Copiar: %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Archivo: %1</translation>
    </message>
    <message>
        <source>%1 keeps these settings itself: copy them into it.</source>
        <translation>%1 guarda estos ajustes por su cuenta: cópialos en él.</translation>
    </message>
    <message>
        <source>Choose a model first: %1 needs one.</source>
        <translation>Elige primero un modelo: %1 necesita uno.</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>No se ha escrito: %1</translation>
    </message>
    <message>
        <source>%1 already has these settings; nothing was written.</source>
        <translation>%1 ya tiene estos ajustes; no se ha escrito nada.</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>Se ha creado %1.</translation>
    </message>
    <message>
        <source>Changed %1; the previous file is saved as %2.</source>
        <translation>Se ha modificado %1; el archivo anterior se guardó como %2.</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(eliminado)</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Aviso: %1</translation>
    </message>
    <message>
        <source>Not undone: %1</source>
        <translation>No se ha deshecho: %1</translation>
    </message>
    <message>
        <source>Removed %1, which LLMProxy had created.</source>
        <translation>Se ha eliminado %1, que había creado LLMProxy.</translation>
    </message>
    <message>
        <source>Restored %1 as it was before.</source>
        <translation>Se ha restaurado %1 tal como estaba.</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Elige primero un modelo.</translation>
    </message>
    <message>
        <source>The gateway URL is not a valid http:// or https:// address.</source>
        <translation>La URL de la pasarela no es una dirección http:// o https:// válida.</translation>
    </message>
    <message>
        <source>Sending POST %1 as %2 would…</source>
        <translation>Enviando POST %1 como lo haría %2…</translation>
    </message>
    <message>
        <source>No answer from %1: %2</source>
        <translation>Sin respuesta de %1: %2</translation>
    </message>
    <message>
        <source>HTTP %1 — it works. The model answered: “%2”</source>
        <translation>HTTP %1 — funciona. El modelo respondió: «%2»</translation>
    </message>
    <message>
        <source>HTTP %1 — %2</source>
        <translation>HTTP %1 — %2</translation>
    </message>
    <message>
        <source>Require keys from every client?</source>
        <translation>¿Exigir claves a todos los clientes?</translation>
    </message>
    <message>
        <source>This gateway asks for no key today. Once a key exists, every client must send one: tools set up without a key stop working until they get one (create one for each, or add it to their configuration).

Create the key for %1?</source>
        <translation>Hoy esta pasarela no pide ninguna clave. En cuanto exista una clave, todos los clientes deberán enviar una: las herramientas configuradas sin clave dejarán de funcionar hasta que tengan una (crea una para cada una o añádela a su configuración).

¿Crear la clave para %1?</translation>
    </message>
    <message>
        <source>Created the client key “%1”. It is shown only now: the gateway keeps a digest. Write config puts it into the tool&apos;s configuration.</source>
        <translation>Se ha creado la clave de cliente «%1». Solo se muestra ahora: la pasarela guarda un hash. Escribir configuración la pone en la configuración de la herramienta.</translation>
    </message>
</context>
<context>
    <name>llmproxy::DesktopShell</name>
    <message>
        <source>LLMProxy keeps running in the system tray. Choose Quit in its menu to stop it.</source>
        <translation>LLMProxy sigue ejecutándose en la bandeja del sistema. Elige Salir en su menú para detenerlo.</translation>
    </message>
    <message>
        <source>&amp;Open LLMProxy</source>
        <translation>&amp;Abrir LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Pause proxy</source>
        <translation>&amp;Pausar el proxy</translation>
    </message>
    <message>
        <source>Answer inference requests with 503 until resumed</source>
        <translation>Responder con 503 a las solicitudes de inferencia hasta reanudar</translation>
    </message>
    <message>
        <source>&amp;Reload configuration</source>
        <translation>&amp;Recargar la configuración</translation>
    </message>
    <message>
        <source>&amp;Copy base URL</source>
        <translation>&amp;Copiar URL base</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;About LLMProxy</source>
        <translation>&amp;Acerca de LLMProxy</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard.</source>
        <translation>%1 copiado al portapapeles.</translation>
    </message>
    <message>
        <source>About LLMProxy</source>
        <translation>Acerca de LLMProxy</translation>
    </message>
    <message>
        <source>&lt;b&gt;LLMProxy %1&lt;/b&gt;&lt;p&gt;A security gateway for LLM traffic: one OpenAI-compatible endpoint in front of local and hosted models.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;b&gt;LLMProxy %1&lt;/b&gt;&lt;p&gt;Una pasarela de seguridad para el tráfico LLM: un único endpoint compatible con OpenAI delante de modelos locales y alojados.&lt;/p&gt;&lt;p&gt;Publicado bajo la Licencia Pública General de GNU, versión 3 o posterior.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Stop all traffic</source>
        <translation>&amp;Detener todo el tráfico</translation>
    </message>
    <message>
        <source>Kill switch: refuse every inference request at once, until you release it</source>
        <translation>Interruptor de emergencia: rechazar al instante cada solicitud de inferencia hasta que lo desactives</translation>
    </message>
    <message>
        <source>Open &amp;configuration file</source>
        <translation>Abrir el archivo de &amp;configuración</translation>
    </message>
    <message>
        <source>Edit the configuration file; Reload configuration applies it</source>
        <translation>Editar el archivo de configuración; «Recargar configuración» lo aplica</translation>
    </message>
    <message>
        <source>No configuration file is in use; start LLMProxy with --config FILE.</source>
        <translation>No se usa ningún archivo de configuración; inicie LLMProxy con --config ARCHIVO.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>No se puede crear %1: %2</translation>
    </message>
    <message>
        <source>No application opens %1; edit it with any text editor.</source>
        <translation>Ninguna aplicación abre %1; edítelo con cualquier editor de texto.</translation>
    </message>
    <message>
        <source>Opened %1. Save it, then choose Reload configuration to apply it.</source>
        <translation>%1 abierto. Guárdelo y elija «Recargar configuración» para aplicarlo.</translation>
    </message>
    <message>
        <source>&amp;Threats</source>
        <translation>&amp;Amenazas</translation>
    </message>
    <message>
        <source>What the security guards blocked, masked and flagged, and why</source>
        <translation>Lo que los filtros de seguridad bloquearon, enmascararon y marcaron, y por qué</translation>
    </message>
    <message>
        <source>Security &amp;guards</source>
        <translation>&amp;Filtros de seguridad</translation>
    </message>
    <message>
        <source>Switch the security guards on or off</source>
        <translation>Activar o desactivar los filtros de seguridad</translation>
    </message>
    <message>
        <source>Connect a &amp;tool…</source>
        <translation>Conectar una &amp;herramienta…</translation>
    </message>
    <message>
        <source>Point Claude Code, Codex, Cursor, Continue, Aider, Cline, Zed or Copilot at LLMProxy</source>
        <translation>Dirigir Claude Code, Codex, Cursor, Continue, Aider, Cline, Zed o Copilot a LLMProxy</translation>
    </message>
    <message>
        <source>P&amp;layground</source>
        <translation>&amp;Zona de pruebas</translation>
    </message>
    <message>
        <source>Send a prompt through the gateway and see the route, tokens, cost and security decisions</source>
        <translation>Enviar un prompt a través de la pasarela y ver la ruta, los tokens, el coste y las decisiones de seguridad</translation>
    </message>
    <message>
        <source>Command &amp;palette…</source>
        <translation>&amp;Paleta de comandos…</translation>
    </message>
    <message>
        <source>Find and run any command by typing part of its name</source>
        <translation>Buscar y ejecutar cualquier comando escribiendo parte de su nombre</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Ajustes…</translation>
    </message>
    <message>
        <source>&amp;All endpoints…</source>
        <translation>&amp;Todos los endpoints…</translation>
    </message>
    <message>
        <source>Add, edit, reorder, test and switch endpoints, and see each one&apos;s statistics</source>
        <translation>Añadir, editar, reordenar, probar y activar o desactivar endpoints, y ver las estadísticas de cada uno</translation>
    </message>
    <message>
        <source>&amp;Models and routing</source>
        <translation>&amp;Modelos y enrutamiento</translation>
    </message>
    <message>
        <source>Every model with its endpoints; aliases, fallback chains and route overrides</source>
        <translation>Cada modelo con sus endpoints; alias, cadenas de respaldo y rutas forzadas</translation>
    </message>
    <message>
        <source>Add a &amp;provider…</source>
        <translation>Añadir un &amp;proveedor…</translation>
    </message>
    <message>
        <source>The setup wizard: a cloud provider with its key, or a model server on this computer</source>
        <translation>El asistente de configuración: un proveedor en la nube con su clave, o un servidor de modelos en este equipo</translation>
    </message>
    <message>
        <source>Listen address, client keys, theme, language, start at login, logging and the configuration file</source>
        <translation>Dirección de escucha, claves de cliente, tema, idioma, inicio al iniciar sesión, registro y archivo de configuración</translation>
    </message>
    <message>
        <source>Client &amp;keys…</source>
        <translation>&amp;Claves de cliente…</translation>
    </message>
    <message>
        <source>The keys clients send to use the proxy: create and revoke them</source>
        <translation>Las claves que envían los clientes para usar el proxy: crearlas y revocarlas</translation>
    </message>
    <message>
        <source>Request &amp;history</source>
        <translation>H&amp;istorial de solicitudes</translation>
    </message>
    <message>
        <source>Every request the gateway kept: search and filter them by status, period and key</source>
        <translation>Todas las solicitudes que guardó la pasarela: búscalas y fíltralas por estado, periodo y clave</translation>
    </message>
    <message>
        <source>&amp;Analytics</source>
        <translation>&amp;Análisis</translation>
    </message>
    <message>
        <source>Spend over time by model, provider, key or team; tokens, cost per request and budgets</source>
        <translation>Gasto a lo largo del tiempo por modelo, proveedor, clave o equipo; tokens, coste por solicitud y presupuestos</translation>
    </message>
    <message>
        <source>Audit and &amp;GDPR</source>
        <translation>Auditoría y &amp;RGPD</translation>
    </message>
    <message>
        <source>Verify the audit chain; export or erase a person&apos;s data in the audit ledger</source>
        <translation>Verificar la cadena de auditoría; exportar o borrar los datos de una persona en el registro de auditoría</translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointEditDialog</name>
    <message>
        <source>Edit endpoint %1</source>
        <translation>Editar endpoint %1</translation>
    </message>
    <message>
        <source>This endpoint was added in LLMProxy: every setting can be changed here.</source>
        <translation>Este endpoint se añadió en LLMProxy: aquí se pueden cambiar todos sus ajustes.</translation>
    </message>
    <message>
        <source>This endpoint comes from %1. Only its priority and weight can be changed here; they are kept over the configured values, also after a restart. Change the other settings there.</source>
        <translation>Este endpoint procede de %1. Aquí solo se pueden cambiar su prioridad y su peso; se mantienen por encima de los valores configurados, también tras reiniciar. Cambia los demás ajustes allí.</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Proveedor:</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>URL &amp;base:</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>&amp;Models:</source>
        <translation>&amp;Modelos:</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Comma-separated; empty = any model</source>
        <translation>Separados por comas; vacío = cualquier modelo</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Lower is preferred: requests go to the lowest priority that is up</source>
        <translation>Cuanto menor, más preferido: las solicitudes van a la prioridad más baja que esté disponible</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>P&amp;rioridad:</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Share of the requests among endpoints of the same priority</source>
        <translation>Proporción de solicitudes entre endpoints de la misma prioridad</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>P&amp;eso:</translation>
    </message>
    <message>
        <source>Key source</source>
        <translation>Origen de la clave</translation>
    </message>
    <message>
        <source>Keep the current key (%1)</source>
        <translation>Conservar la clave actual (%1)</translation>
    </message>
    <message>
        <source>The provider&apos;s usual variable</source>
        <translation>La variable habitual del proveedor</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>Variable de entorno</translation>
    </message>
    <message>
        <source>Keychain entry</source>
        <translation>Entrada del llavero</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clave:</translation>
    </message>
    <message>
        <source>Variable or keychain entry name</source>
        <translation>Nombre de la variable o de la entrada del llavero</translation>
    </message>
    <message>
        <source>Key &amp;name:</source>
        <translation>&amp;Nombre de la clave:</translation>
    </message>
    <message>
        <source>e.g. GROQ_API_KEY</source>
        <translation>p. ej., GROQ_API_KEY</translation>
    </message>
    <message>
        <source>e.g. llmproxy/groq</source>
        <translation>p. ej., llmproxy/groq</translation>
    </message>
    <message>
        <source>&amp;API version:</source>
        <translation>&amp;Versión de la API:</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>Versión de la API</translation>
    </message>
    <message>
        <source>Azure OpenAI only</source>
        <translation>Solo Azure OpenAI</translation>
    </message>
    <message>
        <source>Input price per million tokens</source>
        <translation>Precio de entrada por millón de tokens</translation>
    </message>
    <message>
        <source>&amp;Cost per 1M input tokens:</source>
        <translation>&amp;Coste por 1M de tokens de entrada:</translation>
    </message>
    <message>
        <source>Check its health on a schedule</source>
        <translation>Comprobar su salud periódicamente</translation>
    </message>
    <message>
        <source>Why the change was refused</source>
        <translation>Por qué se rechazó el cambio</translation>
    </message>
    <message>
        <source>Name the environment variable that holds the key.</source>
        <translation>Indica la variable de entorno que contiene la clave.</translation>
    </message>
    <message>
        <source>Name the keychain entry that holds the key.</source>
        <translation>Indica la entrada del llavero que contiene la clave.</translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointModel</name>
    <message>
        <source>any model</source>
        <translation>cualquier modelo</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salud</translation>
    </message>
    <message>
        <source>Open — retrying with the next request</source>
        <translation>Abierto — se reintenta con la próxima solicitud</translation>
    </message>
    <message>
        <source>Open — retrying in %1 min</source>
        <translation>Abierto — reintento en %1 min</translation>
    </message>
    <message>
        <source>Open — retrying in %1 s</source>
        <translation>Abierto — reintento en %1 s</translation>
    </message>
    <message>
        <source>Half-open — testing one request</source>
        <translation>Semiabierto — probando con una solicitud</translation>
    </message>
    <message>
        <source>Enabled — failures in a row: %1</source>
        <translation>Activado — fallos seguidos: %1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>From the configuration file</source>
        <translation>Del archivo de configuración</translation>
    </message>
    <message>
        <source>From the environment</source>
        <translation>Del entorno</translation>
    </message>
    <message>
        <source>Detected on this machine</source>
        <translation>Detectado en este equipo</translation>
    </message>
    <message>
        <source>Added through the admin API</source>
        <translation>Añadido mediante la API de administración</translation>
    </message>
    <message>
        <source>API key: set</source>
        <translation>Clave de API: definida</translation>
    </message>
    <message>
        <source>API key: none</source>
        <translation>Clave de API: ninguna</translation>
    </message>
    <message>
        <source>Untick to stop routing requests here.</source>
        <translation>Desmarca para dejar de enviar solicitudes aquí.</translation>
    </message>
    <message>
        <source>Tick to route requests here again.</source>
        <translation>Marca para volver a enviar solicitudes aquí.</translation>
    </message>
    <message>
        <source>Serves any model it is asked for.</source>
        <translation>Atiende cualquier modelo que se le pida.</translation>
    </message>
    <message>
        <source>Switched off: no request is routed here until it is enabled again.</source>
        <translation>Desactivado: no se envía ninguna solicitud aquí hasta que se vuelva a activar.</translation>
    </message>
    <message>
        <source>Circuit breaker open (failures in a row: %1): requests skip this endpoint until a test request succeeds.</source>
        <translation>Disyuntor abierto (fallos seguidos: %1): las solicitudes omiten este endpoint hasta que una solicitud de prueba tenga éxito.</translation>
    </message>
    <message>
        <source>Circuit breaker half-open: one test request is on its way; its success closes the breaker.</source>
        <translation>Disyuntor semiabierto: hay una solicitud de prueba en curso; si tiene éxito, el disyuntor se cierra.</translation>
    </message>
    <message>
        <source>Circuit breaker closed: requests are routed here.</source>
        <translation>Disyuntor cerrado: las solicitudes se envían aquí.</translation>
    </message>
    <message>
        <source>The last health check succeeded.</source>
        <translation>La última comprobación de salud tuvo éxito.</translation>
    </message>
    <message>
        <source>The last health check failed.</source>
        <translation>La última comprobación de salud falló.</translation>
    </message>
    <message>
        <source>Found running on this machine.</source>
        <translation>Encontrado en ejecución en este equipo.</translation>
    </message>
    <message>
        <source>Health checks are off for this endpoint (probe: false).</source>
        <translation>Las comprobaciones de estado están desactivadas para este endpoint (probe: false).</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Aún no comprobado.</translation>
    </message>
    <message>
        <source>No request has been answered yet.</source>
        <translation>Aún no se ha respondido ninguna solicitud.</translation>
    </message>
    <message>
        <source>Requests: %1, failed: %2</source>
        <translation>Solicitudes: %1, fallidas: %2</translation>
    </message>
    <message>
        <source>Tick an endpoint to route requests to it, untick it to switch it off</source>
        <translation>Marca un endpoint para enviarle solicitudes; desmárcalo para desactivarlo</translation>
    </message>
    <message>
        <source>Enabled or disabled, and the state of the circuit breaker</source>
        <translation>Activado o desactivado, y el estado del disyuntor</translation>
    </message>
    <message>
        <source>Result of the last health check</source>
        <translation>Resultado de la última comprobación de salud</translation>
    </message>
    <message>
        <source>Moving average of the time successful requests took</source>
        <translation>Media móvil del tiempo de las solicitudes correctas</translation>
    </message>
    <message>
        <source>Moving average of the share of requests that succeeded</source>
        <translation>Media móvil de la proporción de solicitudes correctas</translation>
    </message>
    <message>
        <source>Requests answered by this endpoint since LLMProxy started</source>
        <translation>Solicitudes respondidas por este endpoint desde que se inició LLMProxy</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Éxito</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointsWindow</name>
    <message>
        <source>the configuration file (config.yaml)</source>
        <translation>el archivo de configuración (config.yaml)</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>el entorno</translation>
    </message>
    <message>
        <source>local discovery</source>
        <translation>la detección local</translation>
    </message>
    <message>
        <source>this window or the admin API</source>
        <translation>esta ventana o la API de administración</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Open (retry in %1 s)</source>
        <translation>Abierto (reintento en %1 s)</translation>
    </message>
    <message>
        <source>Open (next request tries)</source>
        <translation>Abierto (la próxima solicitud lo prueba)</translation>
    </message>
    <message>
        <source>Half-open</source>
        <translation>Semiabierto</translation>
    </message>
    <message numerus="yes">
        <source>Closed (%n failure(s))</source>
        <translation>
            <numerusform>Cerrado (%n fallo)</numerusform>
            <numerusform>Cerrado (%n fallos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>En buen estado</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>En mal estado</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Sin comprobar</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
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
        <translation>%1 a las %2</translation>
    </message>
    <message>
        <source>keychain entry %1</source>
        <translation>entrada del llavero %1</translation>
    </message>
    <message>
        <source>keychain entry %1 (no key found)</source>
        <translation>entrada del llavero %1 (no se encontró la clave)</translation>
    </message>
    <message>
        <source>variable %1</source>
        <translation>variable %1</translation>
    </message>
    <message>
        <source>variable %1 (not set)</source>
        <translation>variable %1 (no definida)</translation>
    </message>
    <message>
        <source>a key in the configuration</source>
        <translation>una clave en la configuración</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <source>Add an endpoint with the setup wizard</source>
        <translation>Añadir un endpoint con el asistente de configuración</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Change the selected endpoint&apos;s settings (Enter)</source>
        <translation>Cambiar los ajustes del endpoint seleccionado (Intro)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Remove the selected endpoint (only endpoints added in LLMProxy)</source>
        <translation>Eliminar el endpoint seleccionado (solo endpoints añadidos en LLMProxy)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Prefer the selected endpoint over the one above it (changes priorities)</source>
        <translation>Preferir el endpoint seleccionado al que está encima (cambia las prioridades)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <source>Prefer the endpoint below over the selected one (changes priorities)</source>
        <translation>Preferir el endpoint de abajo al seleccionado (cambia las prioridades)</translation>
    </message>
    <message>
        <source>&amp;Test now</source>
        <translation>&amp;Probar ahora</translation>
    </message>
    <message>
        <source>Run the selected endpoint&apos;s health check now</source>
        <translation>Ejecutar ahora la comprobación de salud del endpoint seleccionado</translation>
    </message>
    <message>
        <source>&amp;Reset breaker</source>
        <translation>&amp;Restablecer disyuntor</translation>
    </message>
    <message>
        <source>Close the circuit breaker: requests go to the endpoint again at once</source>
        <translation>Cerrar el disyuntor: las solicitudes vuelven a ir al endpoint de inmediato</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>Breaker</source>
        <translation>Disyuntor</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salud</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
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
        <translation>Último error</translation>
    </message>
    <message>
        <source>Every endpoint in routing order, lowest priority first. Enter edits the selected one, Delete removes it, the context menu has every action.</source>
        <translation>Todos los endpoints en orden de enrutamiento, primero la prioridad más baja. Intro edita el seleccionado, Supr lo elimina y el menú contextual tiene todas las acciones.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>De %1</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>&amp;Activar</translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>Route requests to the selected endpoint again</source>
        <translation>Volver a enviar solicitudes al endpoint seleccionado</translation>
    </message>
    <message>
        <source>Stop routing requests to the selected endpoint</source>
        <translation>Dejar de enviar solicitudes al endpoint seleccionado</translation>
    </message>
    <message>
        <source>Comes from %1: disable it instead</source>
        <translation>Procede de %1: desactívalo en su lugar</translation>
    </message>
    <message>
        <source>No endpoint yet. Add one to start routing requests.</source>
        <translation>Aún no hay ningún endpoint. Añade uno para empezar a enrutar solicitudes.</translation>
    </message>
    <message>
        <source>Select an endpoint to see its statistics.</source>
        <translation>Selecciona un endpoint para ver sus estadísticas.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>%1 — %2 at %3</source>
        <translation>%1 — %2 en %3</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>Procede de</translation>
    </message>
    <message>
        <source>any model</source>
        <translation>cualquier modelo</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Enrutamiento</translation>
    </message>
    <message>
        <source>priority %1, weight %2, %3</source>
        <translation>prioridad %1, peso %2, %3</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>activado</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Disyuntor</translation>
    </message>
    <message>
        <source>%1 (checked at %2)</source>
        <translation>%1 (comprobado a las %2)</translation>
    </message>
    <message>
        <source>%1 answered, %2 failed, success rate %3 %</source>
        <translation>%1 respondidas, %2 fallidas, tasa de éxito %3 %</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
    <message numerus="yes">
        <source>average %1; p50 %2, p95 %3 over its last %n request(s)</source>
        <translation>
            <numerusform>media %1; p50 %2, p95 %3 en su última %n solicitud</numerusform>
            <numerusform>media %1; p50 %2, p95 %3 en sus últimas %n solicitudes</numerusform>
        </translation>
    </message>
    <message>
        <source>no recent requests</source>
        <translation>no hay solicitudes recientes</translation>
    </message>
    <message>
        <source>none among the recent requests</source>
        <translation>ninguno entre las solicitudes recientes</translation>
    </message>
    <message>
        <source>%1 changed.</source>
        <translation>%1 modificado.</translation>
    </message>
    <message>
        <source>%1 comes from %2 — disable it instead.</source>
        <translation>%1 procede de %2: desactívalo en su lugar.</translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>Eliminar endpoint</translation>
    </message>
    <message>
        <source>Delete the endpoint %1? Requests already on it finish; new ones go elsewhere.</source>
        <translation>¿Eliminar el endpoint %1? Las solicitudes que ya están en curso en él terminan; las nuevas van a otro sitio.</translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation>%1 eliminado.</translation>
    </message>
    <message>
        <source>%1 disabled.</source>
        <translation>%1 desactivado.</translation>
    </message>
    <message>
        <source>%1 enabled.</source>
        <translation>%1 activado.</translation>
    </message>
    <message>
        <source>%1 moved up.</source>
        <translation>%1 subido.</translation>
    </message>
    <message>
        <source>%1 moved down.</source>
        <translation>%1 bajado.</translation>
    </message>
    <message>
        <source>Checking %1… its health shows in the table.</source>
        <translation>Comprobando %1… su salud aparece en la tabla.</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 closed.</source>
        <translation>Disyuntor de %1 cerrado.</translation>
    </message>
</context>
<context>
    <name>llmproxy::EngineController</name>
    <message>
        <source>A key name has 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Un nombre de clave tiene de 1 a 64 letras, dígitos, «.», «_» o «-».</translation>
    </message>
    <message>
        <source>A client key named “%1” exists already.</source>
        <translation>Ya existe una clave de cliente llamada «%1».</translation>
    </message>
    <message>
        <source>The key could not be created.</source>
        <translation>No se pudo crear la clave.</translation>
    </message>
    <message>
        <source>The key “%1” comes from the configuration file; remove it there.</source>
        <translation>La clave «%1» procede del archivo de configuración; elimínala allí.</translation>
    </message>
    <message>
        <source>No client key is named “%1”.</source>
        <translation>No hay ninguna clave de cliente llamada «%1».</translation>
    </message>
    <message>
        <source>The request history is off: server.storage.enabled is false, or there is no data directory.</source>
        <translation>El historial de solicitudes está desactivado: server.storage.enabled es false o no hay directorio de datos.</translation>
    </message>
    <message>
        <source>The request history cannot be read: %1</source>
        <translation>No se puede leer el historial de solicitudes: %1</translation>
    </message>
    <message>
        <source>Spend analytics need the store: server.storage.enabled is false, or there is no data directory.</source>
        <translation>El análisis de gasto necesita el almacén: server.storage.enabled es false, o no hay directorio de datos.</translation>
    </message>
    <message>
        <source>The first day of the range must not be after its last day.</source>
        <translation>El primer día del rango no puede ser posterior a su último día.</translation>
    </message>
    <message>
        <source>A report covers at most %1 days.</source>
        <translation>Un informe abarca como máximo %1 días.</translation>
    </message>
    <message>
        <source>The spend rollups cannot be read: %1</source>
        <translation>No se pueden leer los totales de gasto: %1</translation>
    </message>
    <message>
        <source>The audit ledger is off: it needs the store (server.storage.enabled and a data directory).</source>
        <translation>El registro de auditoría está desactivado: necesita el almacén (server.storage.enabled y un directorio de datos).</translation>
    </message>
    <message>
        <source>The audit ledger is off: it needs a database and a ledger secret (LLM_PROXY_AUDIT_SECRET; see docs/audit.md).</source>
        <translation>El registro de auditoría está desactivado: necesita una base de datos y un secreto del registro (LLM_PROXY_AUDIT_SECRET; véase docs/audit.md).</translation>
    </message>
    <message>
        <source>The audit ledger cannot be used: %1</source>
        <translation>No se puede usar el registro de auditoría: %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::FallbackChainDialog</name>
    <message>
        <source>Add fallback chain</source>
        <translation>Añadir cadena de respaldo</translation>
    </message>
    <message>
        <source>Edit fallback chain</source>
        <translation>Editar cadena de respaldo</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Hops, tried in this order</source>
        <translation>Saltos, probados en este orden</translation>
    </message>
    <message>
        <source>Hop endpoint or provider</source>
        <translation>Endpoint o proveedor del salto</translation>
    </message>
    <message>
        <source>Hop model</source>
        <translation>Modelo del salto</translation>
    </message>
    <message>
        <source>the same model</source>
        <translation>el mismo modelo</translation>
    </message>
    <message>
        <source>Add &amp;hop</source>
        <translation>Añadir &amp;salto</translation>
    </message>
    <message>
        <source>Re&amp;move hop</source>
        <translation>&amp;Quitar salto</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <source>Why the chain was not set</source>
        <translation>Por qué no se estableció la cadena</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>Hops, tried in this order when every endpoint of the model fails:</source>
        <translation>Saltos, probados en este orden cuando fallan todos los endpoints del modelo:</translation>
    </message>
    <message>
        <source>&amp;Endpoint or provider:</source>
        <translation>&amp;Endpoint o proveedor:</translation>
    </message>
    <message>
        <source>M&amp;odel:</source>
        <translation>M&amp;odelo:</translation>
    </message>
    <message>
        <source>Choose the endpoint or provider of the hop first.</source>
        <translation>Elige primero el endpoint o proveedor del salto.</translation>
    </message>
    <message>
        <source>Not set: %1</source>
        <translation>No establecida: %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::FirstRunWizard</name>
    <message>
        <source>Where should requests go?</source>
        <translation>¿Adónde deben ir las solicitudes?</translation>
    </message>
    <message>
        <source>Choose a cloud provider, or a model server running on this computer.</source>
        <translation>Elige un proveedor en la nube o un servidor de modelos que se ejecute en este equipo.</translation>
    </message>
    <message>
        <source>A &amp;cloud provider</source>
        <translation>Un proveedor en la &amp;nube</translation>
    </message>
    <message>
        <source>Use a cloud provider</source>
        <translation>Usar un proveedor en la nube</translation>
    </message>
    <message>
        <source>Cloud provider</source>
        <translation>Proveedor en la nube</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>A &amp;local server on this computer</source>
        <translation>Un servidor &amp;local en este equipo</translation>
    </message>
    <message>
        <source>Use a local server</source>
        <translation>Usar un servidor local</translation>
    </message>
    <message>
        <source>Local servers found</source>
        <translation>Servidores locales encontrados</translation>
    </message>
    <message>
        <source>&amp;Scan again</source>
        <translation>&amp;Buscar de nuevo</translation>
    </message>
    <message>
        <source>Scan again for local servers</source>
        <translation>Buscar de nuevo servidores locales</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Proveedor:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>URL &amp;base:</translation>
    </message>
    <message>
        <source>https://… (this provider needs your own URL)</source>
        <translation>https://… (este proveedor necesita tu propia URL)</translation>
    </message>
    <message>
        <source>Get a key at &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Consigue una clave en &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Looking for Ollama, LM Studio, vLLM and llama.cpp on this computer…</source>
        <translation>Buscando Ollama, LM Studio, vLLM y llama.cpp en este equipo…</translation>
    </message>
    <message>
        <source>no models yet</source>
        <translation>aún no hay modelos</translation>
    </message>
    <message>
        <source>%1 at %2 — %3</source>
        <translation>%1 en %2 — %3</translation>
    </message>
    <message>
        <source>Loaded now: %1</source>
        <translation>Cargados ahora: %1</translation>
    </message>
    <message>
        <source>No local model server is running.</source>
        <translation>No hay ningún servidor de modelos local en ejecución.</translation>
    </message>
    <message numerus="yes">
        <source>Found %n local server(s).</source>
        <translation>
            <numerusform>Se encontró %n servidor local.</numerusform>
            <numerusform>Se encontraron %n servidores locales.</numerusform>
        </translation>
    </message>
    <message>
        <source>LLMProxy sends this key to %1 with every request it forwards there.</source>
        <translation>LLMProxy envía esta clave a %1 con cada solicitud que reenvía allí.</translation>
    </message>
    <message>
        <source>Storing the key in the system keychain…</source>
        <translation>Guardando la clave en el llavero del sistema…</translation>
    </message>
    <message>
        <source>The key is in the system keychain as &quot;%1&quot;.</source>
        <translation>La clave está en el llavero del sistema como &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The system keychain could not store the key: %1&lt;br&gt;There may be no keychain service on this computer. Use an environment variable instead: set it before LLMProxy starts; the key is not written anywhere by LLMProxy.</source>
        <translation>El llavero del sistema no pudo guardar la clave: %1&lt;br&gt;Puede que no haya ningún servicio de llavero en este equipo. Usa una variable de entorno en su lugar: defínela antes de que se inicie LLMProxy; LLMProxy no escribe la clave en ningún sitio.</translation>
    </message>
    <message>
        <source>Set %1 in the environment LLMProxy starts in. The key you paste above is only used to fetch the model list now; it is not saved.</source>
        <translation>Define %1 en el entorno en el que se inicia LLMProxy. La clave que pegas arriba solo se usa para obtener ahora la lista de modelos; no se guarda.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Check the models LLMProxy should send to this endpoint.</source>
        <translation>Marca los modelos que LLMProxy debe enviar a este endpoint.</translation>
    </message>
    <message>
        <source>Model list status</source>
        <translation>Estado de la lista de modelos</translation>
    </message>
    <message>
        <source>Model name to add</source>
        <translation>Nombre del modelo que se va a añadir</translation>
    </message>
    <message>
        <source>Another model name</source>
        <translation>Otro nombre de modelo</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>Add the model</source>
        <translation>Añadir el modelo</translation>
    </message>
    <message>
        <source>%1 serves these models.</source>
        <translation>%1 sirve estos modelos.</translation>
    </message>
    <message>
        <source>Without the key here, the model list cannot be fetched: type the model names.</source>
        <translation>Sin la clave aquí no se puede obtener la lista de modelos: escribe los nombres de los modelos.</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>Pidiendo a %1 sus modelos…</translation>
    </message>
    <message>
        <source>The provider lists no models: type the model names.</source>
        <translation>El proveedor no muestra ningún modelo: escribe los nombres de los modelos.</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) available.</source>
        <translation>
            <numerusform>%n modelo disponible.</numerusform>
            <numerusform>%n modelos disponibles.</numerusform>
        </translation>
    </message>
    <message>
        <source>The model list could not be fetched: %1&lt;br&gt;You can still type model names below.</source>
        <translation>No se pudo obtener la lista de modelos: %1&lt;br&gt;Aun así, puedes escribir nombres de modelos abajo.</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>LLMProxy adds the endpoint and sends it a short real request.</source>
        <translation>LLMProxy añade el endpoint y le envía una breve solicitud real.</translation>
    </message>
    <message>
        <source>Model to test</source>
        <translation>Modelo que se va a probar</translation>
    </message>
    <message>
        <source>Test &amp;again</source>
        <translation>Probar de &amp;nuevo</translation>
    </message>
    <message>
        <source>Send the test request again</source>
        <translation>Enviar de nuevo la solicitud de prueba</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Resultado de la prueba</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>Adding the endpoint &quot;%1&quot;…</source>
        <translation>Añadiendo el endpoint &quot;%1&quot;…</translation>
    </message>
    <message>
        <source>The endpoint could not be added: %1</source>
        <translation>No se pudo añadir el endpoint: %1</translation>
    </message>
    <message>
        <source>Sending a test request to %1…</source>
        <translation>Enviando una solicitud de prueba a %1…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>It works. The model answered in %1:&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;</source>
        <translation>Funciona. El modelo respondió en %1:&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;</translation>
    </message>
    <message>
        <source>The provider refused the key. Go Back to fix it.</source>
        <translation>El proveedor rechazó la clave. Pulsa Atrás para corregirla.</translation>
    </message>
    <message>
        <source>Go Back to change the settings, or Test again.</source>
        <translation>Pulsa Atrás para cambiar los ajustes, o Probar de nuevo.</translation>
    </message>
    <message>
        <source>The request failed: %1&lt;br&gt;%2</source>
        <translation>La solicitud falló: %1&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>none (local server)</source>
        <translation>ninguna (servidor local)</translation>
    </message>
    <message>
        <source>system keychain, entry &quot;%1&quot;</source>
        <translation>llavero del sistema, entrada &quot;%1&quot;</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>variable de entorno %1</translation>
    </message>
    <message>
        <source>Endpoint &lt;b&gt;%1&lt;/b&gt;: %2 at %3&lt;br&gt;Models: %4&lt;br&gt;Key: %5&lt;br&gt;It is saved and listed in the main window; the Endpoints window changes it later.</source>
        <translation>Endpoint &lt;b&gt;%1&lt;/b&gt;: %2 en %3&lt;br&gt;Modelos: %4&lt;br&gt;Clave: %5&lt;br&gt;Está guardado y aparece en la ventana principal; más adelante puedes cambiarlo en la ventana Endpoints.</translation>
    </message>
    <message>
        <source>Set up LLMProxy</source>
        <translation>Configurar LLMProxy</translation>
    </message>
    <message>
        <source>First-run wizard</source>
        <translation>Asistente de primer inicio</translation>
    </message>
</context>
<context>
    <name>llmproxy::GuardsWindow</name>
    <message>
        <source>On</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
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
        <translation>Desactivado por %1 en el entorno: el entorno prevalece, así que no se puede activar aquí.</translation>
    </message>
    <message>
        <source>Needs a signing key: set LLM_PROXY_SIGNING_KEY and restart LLMProxy.</source>
        <translation>Necesita una clave de firma: define LLM_PROXY_SIGNING_KEY y reinicia LLMProxy.</translation>
    </message>
    <message>
        <source>Switched off in the configuration file (%1).</source>
        <translation>Desactivado en el archivo de configuración (%1).</translation>
    </message>
    <message>
        <source>Switched on here, as in the configuration.</source>
        <translation>Activado aquí, como en la configuración.</translation>
    </message>
    <message>
        <source>Switched off here, as in the configuration.</source>
        <translation>Desactivado aquí, como en la configuración.</translation>
    </message>
    <message>
        <source>Switched on here; the configuration says off.</source>
        <translation>Activado aquí; la configuración indica desactivado.</translation>
    </message>
    <message>
        <source>Switched off here; the configuration says on.</source>
        <translation>Desactivado aquí; la configuración indica activado.</translation>
    </message>
    <message>
        <source>Not running while the security guards are switched off.</source>
        <translation>No se ejecuta mientras los filtros de seguridad estén desactivados.</translation>
    </message>
    <message>
        <source>%1 scanned · %2 blocked</source>
        <translation>%1 analizadas · %2 bloqueadas</translation>
    </message>
    <message>
        <source>%1 state</source>
        <translation>Estado de %1</translation>
    </message>
    <message>
        <source>%1 counters</source>
        <translation>Contadores de %1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>%1 enabled</source>
        <translation>%1 activado</translation>
    </message>
    <message>
        <source>Back to configuration</source>
        <translation>Volver a la configuración</translation>
    </message>
    <message>
        <source>%1: back to configuration</source>
        <translation>%1: volver a la configuración</translation>
    </message>
    <message>
        <source>The guards switched on below inspect every request and answer.</source>
        <translation>Los filtros activados abajo inspeccionan cada solicitud y respuesta.</translation>
    </message>
    <message>
        <source>Requests reach the providers unchecked.</source>
        <translation>Las solicitudes llegan a los proveedores sin comprobar.</translation>
    </message>
    <message>
        <source>The configuration switches the security guards on.</source>
        <translation>La configuración activa los filtros de seguridad.</translation>
    </message>
    <message>
        <source>The configuration switches the security guards off.</source>
        <translation>La configuración desactiva los filtros de seguridad.</translation>
    </message>
    <message>
        <source>Switched on here; the configuration (security.enabled) says off.</source>
        <translation>Activado aquí; la configuración (security.enabled) indica desactivado.</translation>
    </message>
    <message>
        <source>Switched off here; the configuration (security.enabled) says on.</source>
        <translation>Desactivado aquí; la configuración (security.enabled) indica activado.</translation>
    </message>
    <message>
        <source>Switched off in the configuration (security.enabled: false).</source>
        <translation>Desactivado en la configuración (security.enabled: false).</translation>
    </message>
    <message>
        <source>%1 requests scanned, %2 blocked. Scan time per request: median %3, p95 %4, p99 %5.</source>
        <translation>%1 solicitudes analizadas, %2 bloqueadas. Tiempo de análisis por solicitud: mediana %3, p95 %4, p99 %5.</translation>
    </message>
    <message>
        <source>Running now.</source>
        <translation>En ejecución.</translation>
    </message>
    <message>
        <source>Not running: the security guards are switched off.</source>
        <translation>No se ejecuta: los filtros de seguridad están desactivados.</translation>
    </message>
    <message>
        <source>Not running.</source>
        <translation>No se ejecuta.</translation>
    </message>
    <message>
        <source>%1 masked · %2 flagged</source>
        <translation>%1 enmascaradas · %2 marcadas</translation>
    </message>
    <message>
        <source>Switch %1 on or off now</source>
        <translation>Activar o desactivar %1 ahora</translation>
    </message>
    <message>
        <source>The configuration switches it on.</source>
        <translation>La configuración lo activa.</translation>
    </message>
    <message>
        <source>The configuration switches it off.</source>
        <translation>La configuración lo desactiva.</translation>
    </message>
</context>
<context>
    <name>llmproxy::HistoryWindow</name>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>Successful (2xx)</source>
        <translation>Correctas (2xx)</translation>
    </message>
    <message>
        <source>Client errors (4xx)</source>
        <translation>Errores del cliente (4xx)</translation>
    </message>
    <message>
        <source>Server errors (5xx)</source>
        <translation>Errores del servidor (5xx)</translation>
    </message>
    <message>
        <source>Blocked by a guard</source>
        <translation>Bloqueadas por un filtro de seguridad</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Última hora</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Últimas 24 horas</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Desde el principio</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>ID de solicitud</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>(stream)</source>
        <translation>(flujo)</translation>
    </message>
    <message>
        <source>Client API</source>
        <translation>API del cliente</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Clave de cliente</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Model asked for</source>
        <translation>Modelo solicitado</translation>
    </message>
    <message>
        <source>Model served</source>
        <translation>Modelo servido</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Bloqueada por</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Tiempo hasta el primer token</translation>
    </message>
    <message>
        <source>Gateway overhead</source>
        <translation>Sobrecarga de la pasarela</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Tokens de entrada</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Tokens de salida</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coste</translation>
    </message>
    <message>
        <source>(estimated)</source>
        <translation>(estimado)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>No stored request matches.</source>
        <translation>Ninguna solicitud guardada coincide.</translation>
    </message>
    <message>
        <source>Matching requests: %1</source>
        <translation>Solicitudes coincidentes: %1</translation>
    </message>
    <message>
        <source>shown: %1</source>
        <translation>mostradas: %1</translation>
    </message>
    <message>
        <source>the first %1 only: narrow the filters to see the others</source>
        <translation>solo las primeras %1: restringe los filtros para ver las demás</translation>
    </message>
    <message>
        <source>scroll down for more</source>
        <translation>desplázate hacia abajo para ver más</translation>
    </message>
</context>
<context>
    <name>llmproxy::MainWindow</name>
    <message>
        <source>Copy base URL</source>
        <translation>Copiar URL base</translation>
    </message>
    <message>
        <source>Copy example commands</source>
        <translation>Copiar los comandos de ejemplo</translation>
    </message>
    <message>
        <source>&amp;Proxy</source>
        <translation>&amp;Proxy</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>sin escuchar</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>Sin escuchar</translation>
    </message>
    <message>
        <source>The proxy is not accepting connections.</source>
        <translation>El proxy no acepta conexiones.</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Inference requests are answered with 503 until you resume the proxy.</source>
        <translation>Las solicitudes de inferencia reciben 503 hasta que reanudes el proxy.</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Configuración inicial</translation>
    </message>
    <message>
        <source>No endpoint is configured: inference requests are answered with 503.</source>
        <translation>No hay ningún endpoint configurado: las solicitudes de inferencia reciben 503.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En ejecución</translation>
    </message>
    <message>
        <source>Forwarding requests to the configured endpoints.</source>
        <translation>Las solicitudes se reenvían a los endpoints configurados.</translation>
    </message>
    <message>
        <source>Create a configuration file with an &lt;code&gt;endpoints:&lt;/code&gt; section and start LLMProxy with &lt;code&gt;--config FILE&lt;/code&gt;.</source>
        <translation>Crea un archivo de configuración con una sección &lt;code&gt;endpoints:&lt;/code&gt; e inicia LLMProxy con &lt;code&gt;--config ARCHIVO&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Or set &lt;code&gt;LLM_PROXY_ENDPOINT_&amp;lt;NAME&amp;gt;_URL&lt;/code&gt;, &lt;code&gt;_MODELS&lt;/code&gt;, &lt;code&gt;_KEY&lt;/code&gt; and &lt;code&gt;_PROVIDER&lt;/code&gt; in the environment or in a &lt;code&gt;.env&lt;/code&gt; file, and restart LLMProxy.</source>
        <translation>O define &lt;code&gt;LLM_PROXY_ENDPOINT_&amp;lt;NAME&amp;gt;_URL&lt;/code&gt;, &lt;code&gt;_MODELS&lt;/code&gt;, &lt;code&gt;_KEY&lt;/code&gt; y &lt;code&gt;_PROVIDER&lt;/code&gt; en el entorno o en un archivo &lt;code&gt;.env&lt;/code&gt;, y reinicia LLMProxy.</translation>
    </message>
    <message>
        <source>Or start a local server (Ollama, LM Studio, vLLM, llama.cpp) on its default port: LLMProxy detects it and offers it as an endpoint.</source>
        <translation>O inicia un servidor local (Ollama, LM Studio, vLLM, llama.cpp) en su puerto predeterminado: LLMProxy lo detecta y lo ofrece como endpoint.</translation>
    </message>
    <message>
        <source>No endpoint is configured yet.</source>
        <translation>Todavía no hay ningún endpoint configurado.</translation>
    </message>
    <message>
        <source>Requests to the proxy are answered with 503 until you add one:</source>
        <translation>Las solicitudes al proxy reciben 503 hasta que añadas uno:</translation>
    </message>
    <message>
        <source>Configuration reloaded.</source>
        <translation>Configuración recargada.</translation>
    </message>
    <message>
        <source>Configuration reloaded: %1</source>
        <translation>Configuración recargada: %1</translation>
    </message>
    <message>
        <source>Reload failed, still using the previous configuration: %1</source>
        <translation>La recarga falló; se sigue usando la configuración anterior: %1</translation>
    </message>
    <message>
        <source>Example copied to the clipboard.</source>
        <translation>Ejemplo copiado al portapapeles.</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Activado</translation>
    </message>
    <message>
        <source>Configured and detected endpoints with their state, health, latency and success rate. The check box of a row switches the endpoint on or off.</source>
        <translation>Endpoints configurados y detectados con su estado, salud, latencia y tasa de éxito. La casilla de cada fila activa o desactiva el endpoint.</translation>
    </message>
    <message>
        <source>Route requests to the selected endpoint</source>
        <translation>Enviar solicitudes al endpoint seleccionado</translation>
    </message>
    <message>
        <source>E&amp;ndpoint</source>
        <translation>E&amp;ndpoint</translation>
    </message>
    <message>
        <source>Traffic stopped</source>
        <translation>Tráfico detenido</translation>
    </message>
    <message>
        <source>Kill switch on: every inference request is refused with 503 until you resume traffic.</source>
        <translation>Interruptor de emergencia activo: cada solicitud de inferencia se rechaza con 503 hasta que reanudes el tráfico.</translation>
    </message>
    <message>
        <source>No endpoint enabled</source>
        <translation>Ningún endpoint activado</translation>
    </message>
    <message>
        <source>Every endpoint is switched off: inference requests are answered with 503 until you tick one in the endpoint list.</source>
        <translation>Todos los endpoints están desactivados: las solicitudes de inferencia reciben 503 hasta que marque uno en la lista de endpoints.</translation>
    </message>
    <message>
        <source>Endpoints down</source>
        <translation>Endpoints caídos</translation>
    </message>
    <message>
        <source>Every enabled endpoint is failing (circuit breaker open or health check failed): requests fail until one recovers.</source>
        <translation>Todos los endpoints activados fallan (interruptor abierto o comprobación de salud fallida): las solicitudes fallan hasta que uno se recupere.</translation>
    </message>
    <message>
        <source>Add an endpoint under &lt;code&gt;endpoints:&lt;/code&gt; in %1 (&lt;i&gt;Open configuration file&lt;/i&gt; creates it with examples), save it, then choose &lt;i&gt;Reload configuration&lt;/i&gt; (%2): it applies the file without a restart.</source>
        <translation>Añada un endpoint bajo &lt;code&gt;endpoints:&lt;/code&gt; en %1 (&lt;i&gt;Abrir el archivo de configuración&lt;/i&gt; lo crea con ejemplos), guárdelo y elija &lt;i&gt;Recargar configuración&lt;/i&gt; (%2): aplica el archivo sin reiniciar.</translation>
    </message>
    <message>
        <source>%1 requests missing from the log</source>
        <translation>%1 solicitudes faltan en el registro</translation>
    </message>
    <message>
        <source>The log could not keep up: these requests were served but are not listed (the proxy&apos;s log output counts them too).</source>
        <translation>El registro no pudo seguir el ritmo: estas solicitudes se atendieron pero no aparecen (la salida de registro del proxy también las cuenta).</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>&amp;Seguridad</translation>
    </message>
</context>
<context>
    <name>llmproxy::ModelsWindow</name>
    <message>
        <source>up</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>down</source>
        <translation>no disponible</translation>
    </message>
    <message>
        <source>health unknown</source>
        <translation>salud desconocida</translation>
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
        <translation>Cambiado aquí</translation>
    </message>
    <message>
        <source>config.yaml</source>
        <translation>config.yaml</translation>
    </message>
    <message>
        <source>alias of %1</source>
        <translation>alias de %1</translation>
    </message>
    <message>
        <source>(any model)</source>
        <translation>(cualquier modelo)</translation>
    </message>
    <message>
        <source>No enabled endpoint serves a model yet.</source>
        <translation>Ningún endpoint activado sirve aún un modelo.</translation>
    </message>
    <message>
        <source>As requested</source>
        <translation>Según lo solicitado</translation>
    </message>
    <message>
        <source>Any endpoint</source>
        <translation>Cualquier endpoint</translation>
    </message>
    <message>
        <source>Alias %1 → %2 set.</source>
        <translation>Alias %1 → %2 establecido.</translation>
    </message>
    <message>
        <source>Alias %1 removed.</source>
        <translation>Alias %1 eliminado.</translation>
    </message>
    <message>
        <source>Fallback chain of %1 set.</source>
        <translation>Cadena de respaldo de %1 establecida.</translation>
    </message>
    <message>
        <source>Fallback chain of %1 removed.</source>
        <translation>Cadena de respaldo de %1 eliminada.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Sin cambios: %1</translation>
    </message>
    <message>
        <source>These requests go to the model they ask for.</source>
        <translation>Estas solicitudes van al modelo que piden.</translation>
    </message>
    <message>
        <source>These requests now go to %1.</source>
        <translation>Estas solicitudes van ahora a %1.</translation>
    </message>
    <message>
        <source>These requests now go to %1 on %2 first.</source>
        <translation>Estas solicitudes van ahora primero a %1 en %2.</translation>
    </message>
    <message>
        <source>Revert all changes made here</source>
        <translation>Revertir todos los cambios hechos aquí</translation>
    </message>
    <message>
        <source>Drop every alias, fallback chain and route override changed in this window or through the admin API? The configuration file&apos;s routing applies again.</source>
        <translation>¿Descartar todos los alias, cadenas de respaldo y rutas forzadas cambiados en esta ventana o mediante la API de administración? Vuelve a aplicarse el enrutamiento del archivo de configuración.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>The configuration file&apos;s routing applies again.</source>
        <translation>Vuelve a aplicarse el enrutamiento del archivo de configuración.</translation>
    </message>
    <message>
        <source>Name or pattern</source>
        <translation>Nombre o patrón</translation>
    </message>
    <message>
        <source>Target model</source>
        <translation>Modelo de destino</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Hops</source>
        <translation>Saltos</translation>
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
        <translation>Elige un modelo, escribe un prompt y pulsa Enviar: la solicitud pasa por la pasarela como la de cualquier cliente, y la respuesta llega aquí en streaming con la ruta que siguió, sus tokens, su coste y cualquier decisión de seguridad.</translation>
    </message>
    <message>
        <source>The gateway is not listening, so it offers no models.</source>
        <translation>La pasarela no está escuchando, así que no ofrece modelos.</translation>
    </message>
    <message>
        <source>Asking the gateway for its models…</source>
        <translation>Preguntando a la pasarela por sus modelos…</translation>
    </message>
    <message>
        <source>The gateway requires a client key: enter one of its keys above.</source>
        <translation>La pasarela exige una clave de cliente: introduce una de sus claves arriba.</translation>
    </message>
    <message>
        <source>The gateway refused this key: %1</source>
        <translation>La pasarela rechazó esta clave: %1</translation>
    </message>
    <message>
        <source>Cannot list the gateway&apos;s models: %1</source>
        <translation>No se pueden listar los modelos de la pasarela: %1</translation>
    </message>
    <message>
        <source>The gateway offers no model yet: add an endpoint to the configuration.</source>
        <translation>La pasarela aún no ofrece ningún modelo: añade un endpoint a la configuración.</translation>
    </message>
    <message>
        <source>1 model offered by the gateway at %1.</source>
        <translation>1 modelo ofrecido por la pasarela en %1.</translation>
    </message>
    <message>
        <source>%1 models offered by the gateway at %2.</source>
        <translation>%1 modelos ofrecidos por la pasarela en %2.</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>Elige primero un modelo.</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>Escribe primero un prompt.</translation>
    </message>
    <message>
        <source>The gateway is not listening, so nothing can be sent. Check the main window&apos;s state.</source>
        <translation>La pasarela no está escuchando, así que no se puede enviar nada. Comprueba el estado en la ventana principal.</translation>
    </message>
    <message>
        <source>You → %1</source>
        <translation>Tú → %1</translation>
    </message>
    <message>
        <source>System: %1</source>
        <translation>Sistema: %1</translation>
    </message>
    <message>
        <source>Waiting for %1…</source>
        <translation>Esperando a %1…</translation>
    </message>
    <message>
        <source>Streaming from %1…</source>
        <translation>Recibiendo de %1…</translation>
    </message>
    <message>
        <source>Collecting the gateway&apos;s figures…</source>
        <translation>Recopilando las cifras de la pasarela…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
    <message>
        <source>Stopped after %1.</source>
        <translation>Detenido tras %1.</translation>
    </message>
    <message>
        <source>Answered in %1.</source>
        <translation>Respondido en %1.</translation>
    </message>
    <message>
        <source>Route: none (answered by the gateway itself)</source>
        <translation>Ruta: ninguna (respondió la propia pasarela)</translation>
    </message>
    <message>
        <source>Route: endpoint %1</source>
        <translation>Ruta: endpoint %1</translation>
    </message>
    <message>
        <source>Route: endpoint %1 (%2)</source>
        <translation>Ruta: endpoint %1 (%2)</translation>
    </message>
    <message>
        <source>serving %1</source>
        <translation>que sirve %1</translation>
    </message>
    <message>
        <source>after %1 attempts</source>
        <translation>tras %1 intentos</translation>
    </message>
    <message>
        <source>Tokens: %1 in, %2 out</source>
        <translation>Tokens: %1 de entrada, %2 de salida</translation>
    </message>
    <message>
        <source>Tokens: not reported</source>
        <translation>Tokens: no informados</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>Coste: %1</translation>
    </message>
    <message>
        <source>Cost: unknown (no usage or no price for this model)</source>
        <translation>Coste: desconocido (sin datos de uso o sin precio para este modelo)</translation>
    </message>
    <message>
        <source>Gateway overhead before the answer began: %1</source>
        <translation>Sobrecarga de la pasarela antes de empezar la respuesta: %1</translation>
    </message>
    <message>
        <source>Gateway overhead: %1 (%2 before the answer began)</source>
        <translation>Sobrecarga de la pasarela: %1 (%2 antes de empezar la respuesta)</translation>
    </message>
    <message>
        <source>Gateway overhead: %1</source>
        <translation>Sobrecarga de la pasarela: %1</translation>
    </message>
    <message>
        <source>First token: %1</source>
        <translation>Primer token: %1</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Solicitud %1</translation>
    </message>
    <message>
        <source>Security: blocked by %1, code %2%3</source>
        <translation>Seguridad: bloqueado por %1, código %2%3</translation>
    </message>
    <message>
        <source>Security: 1 value masked before the request left (%1)</source>
        <translation>Seguridad: 1 valor enmascarado antes de que saliera la solicitud (%1)</translation>
    </message>
    <message>
        <source>Security: %1 values masked before the request left (%2)</source>
        <translation>Seguridad: %1 valores enmascarados antes de que saliera la solicitud (%2)</translation>
    </message>
    <message>
        <source>Security: values masked by %1%2</source>
        <translation>Seguridad: valores enmascarados por %1%2</translation>
    </message>
    <message>
        <source>Security: flagged by %1, %2%3</source>
        <translation>Seguridad: marcado por %1, %2%3</translation>
    </message>
    <message>
        <source>Security: blocked by %1, code %2</source>
        <translation>Seguridad: bloqueado por %1, código %2</translation>
    </message>
    <message>
        <source>Blocked by the gateway&apos;s security guards (%1): %2 (code %3, HTTP %4).</source>
        <translation>Bloqueado por los filtros de seguridad de la pasarela (%1): %2 (código %3, HTTP %4).</translation>
    </message>
    <message>
        <source>The gateway answered HTTP %1: %2 (code %3).</source>
        <translation>La pasarela respondió HTTP %1: %2 (código %3).</translation>
    </message>
    <message>
        <source>The answer stopped with an error: %1 (code %2).</source>
        <translation>La respuesta se detuvo con un error: %1 (código %2).</translation>
    </message>
    <message>
        <source>Cannot reach the gateway at %1: %2. Is the proxy running and listening?</source>
        <translation>No se puede contactar con la pasarela en %1: %2. ¿Está el proxy en ejecución y escuchando?</translation>
    </message>
    <message>
        <source>The connection to the gateway broke: %1.</source>
        <translation>Se cortó la conexión con la pasarela: %1.</translation>
    </message>
    <message>
        <source>The stream ended without its final [DONE] event: the answer may be incomplete.</source>
        <translation>El flujo terminó sin su evento final [DONE]: la respuesta puede estar incompleta.</translation>
    </message>
</context>
<context>
    <name>llmproxy::RequestLogModel</name>
    <message>
        <source>%1 (stream)</source>
        <translation>%1 (flujo)</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Solicitud %1</translation>
    </message>
    <message>
        <source>Client key: %1</source>
        <translation>Clave de cliente: %1</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>Endpoint: %1</translation>
    </message>
    <message>
        <source>Gateway overhead: %1 ms</source>
        <translation>Sobrecarga de la pasarela: %1 ms</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latencia (ms)</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Tokens de entrada</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Tokens de salida</translation>
    </message>
    <message>
        <source>%1 attempts: retried or fell back to another endpoint</source>
        <translation>%1 intentos: reintentada o desviada a otro endpoint</translation>
    </message>
    <message>
        <source>How often the request was sent upstream, when it was retried or fell back to another endpoint</source>
        <translation>Cuántas veces se envió la solicitud al upstream, cuando se reintentó o se desvió a otro endpoint</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Proveedor: %1</translation>
    </message>
    <message>
        <source>Requested model %1, served by %2</source>
        <translation>Modelo solicitado %1, servido por %2</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>llmproxy::RouteMenu</name>
    <message>
        <source>Claude Code (Anthropic Messages API)</source>
        <translation>Claude Code (API Messages de Anthropic)</translation>
    </message>
    <message>
        <source>Codex (Responses API)</source>
        <translation>Codex (API Responses)</translation>
    </message>
    <message>
        <source>Other tools (Chat Completions API)</source>
        <translation>Otras herramientas (API Chat Completions)</translation>
    </message>
    <message>
        <source>&amp;Route coding tools</source>
        <translation>&amp;Enrutar herramientas de programación</translation>
    </message>
    <message>
        <source>Send every request of a coding tool to one model, whatever it asks for</source>
        <translation>Enviar todas las solicitudes de una herramienta de programación a un único modelo, pida lo que pida</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>As requested (no override)</source>
        <translation>Según lo solicitado (sin ruta forzada)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more in the Models window</source>
        <translation>
            <numerusform>%n más en la ventana Modelos</numerusform>
            <numerusform>%n más en la ventana Modelos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>No endpoint lists its models</source>
        <translation>Ningún endpoint indica sus modelos</translation>
    </message>
</context>
<context>
    <name>llmproxy::SecurityWindow</name>
    <message>
        <source>Security — LLMProxy</source>
        <translation>Seguridad — LLMProxy</translation>
    </message>
    <message>
        <source>Audit chain</source>
        <translation>Cadena de auditoría</translation>
    </message>
    <message>
        <source>Every audited event is chained to the one before it by a hash. Verifying walks the chain from its checkpoint to its newest entry and reports the first entry that was changed, removed or inserted.</source>
        <translation>Cada evento auditado está encadenado al anterior mediante un hash. La verificación recorre la cadena desde su punto de control hasta su entrada más reciente e informa de la primera entrada modificada, eliminada o insertada.</translation>
    </message>
    <message>
        <source>&amp;Verify audit chain</source>
        <translation>&amp;Verificar la cadena de auditoría</translation>
    </message>
    <message>
        <source>Personal data (GDPR)</source>
        <translation>Datos personales (RGPD)</translation>
    </message>
    <message>
        <source>A person&apos;s data in the audit ledger is sealed with keys of their own. Export saves all of it as JSON; Erase destroys their keys, so it can never be read again, while the chain still verifies.</source>
        <translation>Los datos de una persona en el registro de auditoría están sellados con claves propias. Exportar los guarda todos como JSON; Borrar destruye sus claves, de modo que nunca podrán volver a leerse, y la cadena sigue verificándose.</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Persona:</translation>
    </message>
    <message>
        <source>Key name, user or IP address</source>
        <translation>Nombre de clave, usuario o dirección IP</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Save everything the audit ledger holds about this person as JSON</source>
        <translation>Guardar como JSON todo lo que el registro de auditoría contiene sobre esta persona</translation>
    </message>
    <message>
        <source>E&amp;rase…</source>
        <translation>&amp;Borrar…</translation>
    </message>
    <message>
        <source>Destroy this person&apos;s keys: their data in the audit ledger can no longer be read</source>
        <translation>Destruir las claves de esta persona: sus datos en el registro de auditoría ya no podrán leerse</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Not verified since this window opened.</source>
        <translation>No verificada desde que se abrió esta ventana.</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>✔ The chain is empty: nothing has been audited yet (checked in %1).</source>
        <translation>✔ La cadena está vacía: todavía no se ha auditado nada (verificada en %1).</translation>
    </message>
    <message>
        <source>✔ The chain is intact: %1 entries checked in %2; the newest is entry %3.</source>
        <translation>✔ La cadena está intacta: %1 entradas verificadas en %2; la más reciente es la entrada %3.</translation>
    </message>
    <message>
        <source>✘ The chain is broken at entry %1 (%2: %3). %4 entries before it were checked in %5.</source>
        <translation>✘ La cadena está rota en la entrada %1 (%2: %3). Se verificaron %4 entradas anteriores en %5.</translation>
    </message>
    <message>
        <source>Erase “%1” from the audit ledger?

Their keys are destroyed: the names, addresses and personal details in every audit entry about them can never be read again, by anyone, and no export will contain them. The entries themselves stay, so the chain still verifies. This cannot be undone.</source>
        <translation>¿Borrar «%1» del registro de auditoría?

Sus claves se destruyen: los nombres, direcciones y datos personales de cada entrada de auditoría sobre esta persona no podrán volver a leerse nunca, por nadie, y ninguna exportación los contendrá. Las entradas se conservan, por lo que la cadena sigue verificándose. Esto no se puede deshacer.</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>Borrar datos personales</translation>
    </message>
    <message>
        <source>Erase “%1”</source>
        <translation>Borrar «%1»</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Borrando…</translation>
    </message>
    <message>
        <source>“%1” is erased: %2 keys destroyed; %3 entries held their data. The erasure is entry %4 of the chain.</source>
        <translation>«%1» está borrado: %2 claves destruidas; %3 entradas contenían sus datos. El borrado es la entrada %4 de la cadena.</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>Exportar datos personales</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Saved the data of “%1” to %2.</source>
        <translation>Los datos de «%1» se guardaron en %2.</translation>
    </message>
</context>
<context>
    <name>llmproxy::SettingsWindow</name>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>No se puede crear la carpeta de %1.</translation>
    </message>
    <message>
        <source>Cannot keep a backup of %1 as %2; nothing was saved.</source>
        <translation>No se puede guardar una copia de seguridad de %1 como %2; no se ha guardado nada.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>Idioma del sistema (%1)</translation>
    </message>
    <message>
        <source>Debug: everything, for finding a problem</source>
        <translation>Depuración: todo, para encontrar un problema</translation>
    </message>
    <message>
        <source>Info: requests and changes</source>
        <translation>Información: solicitudes y cambios</translation>
    </message>
    <message>
        <source>Warning: only what needs attention</source>
        <translation>Aviso: solo lo que requiere atención</translation>
    </message>
    <message>
        <source>Error: only failures</source>
        <translation>Error: solo fallos</translation>
    </message>
    <message>
        <source>Text: one readable line per event</source>
        <translation>Texto: una línea legible por evento</translation>
    </message>
    <message>
        <source>JSON: one object per line, for log collectors</source>
        <translation>JSON: un objeto por línea, para recolectores de registros</translation>
    </message>
    <message>
        <source>The log goes to the standard error output: the terminal that started LLMProxy, or the system journal when it runs as a service. The configuration has no log file of its own; redirect the output to keep one.</source>
        <translation>El registro va a la salida de error estándar: la terminal que inició LLMProxy, o el journal del sistema cuando se ejecuta como servicio. La configuración no tiene un archivo de registro propio; redirige la salida para conservar uno.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Off: only programs on this computer can use the proxy (127.0.0.1). On: other machines on your network reach it at this computer&apos;s address.&lt;/p&gt;&lt;p&gt;They could then spend your provider accounts, so LLMProxy listens beyond this computer only when clients must send a proxy key: set &lt;code&gt;LLM_PROXY_API_KEYS&lt;/code&gt; (comma-separated keys) in the environment or in &lt;code&gt;.env&lt;/code&gt;, or add keys under &lt;code&gt;server.auth.keys&lt;/code&gt; in the configuration file. Without a key it refuses to start. The proxy speaks plain HTTP: on a network you do not trust, put a TLS reverse proxy in front of it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Desactivado: solo los programas de este equipo pueden usar el proxy (127.0.0.1). Activado: otros equipos de tu red lo alcanzan en la dirección de este equipo.&lt;/p&gt;&lt;p&gt;Podrían entonces gastar tus cuentas de proveedores, así que LLMProxy solo escucha más allá de este equipo cuando los clientes deben enviar una clave del proxy: define &lt;code&gt;LLM_PROXY_API_KEYS&lt;/code&gt; (claves separadas por comas) en el entorno o en &lt;code&gt;.env&lt;/code&gt;, o añade claves en &lt;code&gt;server.auth.keys&lt;/code&gt; en el archivo de configuración. Sin una clave se niega a arrancar. El proxy habla HTTP sin cifrar: en una red en la que no confíes, pon delante un proxy inverso con TLS.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none: nothing is kept between runs</source>
        <translation>ninguno: no se conserva nada entre ejecuciones</translation>
    </message>
    <message>
        <source>No configuration file is in use; start LLMProxy with --config FILE.</source>
        <translation>No se usa ningún archivo de configuración; inicia LLMProxy con --config ARCHIVO.</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Archivo: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>The proxy is not listening.</source>
        <translation>El proxy no está escuchando.</translation>
    </message>
    <message>
        <source>Listening now on %1.</source>
        <translation>Escuchando ahora en %1.</translation>
    </message>
    <message>
        <source>The configuration file has errors; correct them on the Configuration file page first.</source>
        <translation>El archivo de configuración tiene errores; corrígelos primero en la página Archivo de configuración.</translation>
    </message>
    <message>
        <source>%1 is not an IP address: use 0.0.0.0 (every IPv4 interface), :: (every IPv6 interface) or one of this computer&apos;s addresses.</source>
        <translation>%1 no es una dirección IP: usa 0.0.0.0 (todas las interfaces IPv4), :: (todas las interfaces IPv6) o una de las direcciones de este equipo.</translation>
    </message>
    <message>
        <source>No proxy key is configured, so LLMProxy would refuse to listen beyond this computer. Set LLM_PROXY_API_KEYS or add keys under server.auth.keys first.</source>
        <translation>No hay ninguna clave del proxy configurada, así que LLMProxy se negaría a escuchar más allá de este equipo. Define primero LLM_PROXY_API_KEYS o añade claves en server.auth.keys.</translation>
    </message>
    <message>
        <source>the listen address</source>
        <translation>la dirección de escucha</translation>
    </message>
    <message>
        <source>the port</source>
        <translation>el puerto</translation>
    </message>
    <message>
        <source>The environment or the command line sets %1; the file&apos;s value is not used.</source>
        <translation>El entorno o la línea de comandos fija %1; no se usa el valor del archivo.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>A changed address or port takes effect after LLMProxy restarts: reloading the configuration does not move the listener.</source>
        <translation>Un cambio de dirección o de puerto surte efecto tras reiniciar LLMProxy: recargar la configuración no cambia dónde se escucha.</translation>
    </message>
    <message>
        <source>Cannot change the configuration file: %1</source>
        <translation>No se puede modificar el archivo de configuración: %1</translation>
    </message>
    <message>
        <source>Its layout could not be kept, so it was written anew without its comments; the previous file is %1.bak.</source>
        <translation>No se pudo conservar su formato, así que se escribió de nuevo sin sus comentarios; el archivo anterior es %1.bak.</translation>
    </message>
    <message>
        <source>Not saved, the file is unchanged: %1</source>
        <translation>No se ha guardado, el archivo no ha cambiado: %1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
    <message>
        <source>Reloading…</source>
        <translation>Recargando…</translation>
    </message>
    <message>
        <source>%1 Reloaded: %2.</source>
        <translation>%1 Recargado: %2.</translation>
    </message>
    <message>
        <source>%1 The reload failed, the previous configuration stays in force: %2</source>
        <translation>%1 La recarga falló; sigue vigente la configuración anterior: %2</translation>
    </message>
    <message>
        <source>The new address takes effect after LLMProxy restarts.</source>
        <translation>La nueva dirección surte efecto tras reiniciar LLMProxy.</translation>
    </message>
    <message>
        <source>LLMProxy starts when you log in.</source>
        <translation>LLMProxy se inicia al iniciar sesión.</translation>
    </message>
    <message>
        <source>LLMProxy no longer starts when you log in.</source>
        <translation>LLMProxy ya no se inicia al iniciar sesión.</translation>
    </message>
    <message>
        <source>Kept in %1, which starts %2.</source>
        <translation>Guardado en %1, que inicia %2.</translation>
    </message>
    <message>
        <source>No file manager opens %1.</source>
        <translation>Ningún gestor de archivos abre %1.</translation>
    </message>
    <message>
        <source>1 error; choose it to go to its line.</source>
        <translation>1 error; elígelo para ir a su línea.</translation>
    </message>
    <message>
        <source>%1 errors; choose one to go to its line.</source>
        <translation>%1 errores; elige uno para ir a su línea.</translation>
    </message>
    <message>
        <source>Not applied: the text has errors and the file is unchanged.</source>
        <translation>No se ha aplicado: el texto tiene errores y el archivo no ha cambiado.</translation>
    </message>
    <message>
        <source>The editor shows the file again.</source>
        <translation>El editor vuelve a mostrar el archivo.</translation>
    </message>
    <message>
        <source>Created here</source>
        <translation>Creada aquí</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>Archivo de configuración</translation>
    </message>
    <message>
        <source>Every model</source>
        <translation>Todos los modelos</translation>
    </message>
    <message>
        <source>There is no client key: every program that can reach the proxy may use it.</source>
        <translation>No hay ninguna clave de cliente: cualquier programa que llegue al proxy puede usarlo.</translation>
    </message>
    <message>
        <source>This key comes from the configuration file; remove it there.</source>
        <translation>Esta clave procede del archivo de configuración; elimínala allí.</translation>
    </message>
    <message>
        <source>Created the client key “%1”. Copy it now: it is not shown again.</source>
        <translation>Se ha creado la clave de cliente «%1». Cópiala ahora: no se volverá a mostrar.</translation>
    </message>
    <message>
        <source>Revoke client key</source>
        <translation>Revocar clave de cliente</translation>
    </message>
    <message>
        <source>Revoke the client key “%1”? Programs that use it are refused from their next request.</source>
        <translation>¿Revocar la clave de cliente «%1»? Los programas que la usan serán rechazados a partir de su próxima solicitud.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>Revoked the client key “%1”.</source>
        <translation>Se ha revocado la clave de cliente «%1».</translation>
    </message>
</context>
<context>
    <name>llmproxy::ThreatsWindow</name>
    <message>
        <source>Threats — LLMProxy</source>
        <translation>Amenazas — LLMProxy</translation>
    </message>
</context>
<context>
    <name>llmproxy::TrayIcon</name>
    <message>
        <source>Not listening</source>
        <translation>Sin escuchar</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Onboarding: no endpoint configured</source>
        <translation>Configuración inicial: ningún endpoint configurado</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En ejecución</translation>
    </message>
    <message>
        <source>All traffic stopped (kill switch)</source>
        <translation>Todo el tráfico detenido (interruptor de emergencia)</translation>
    </message>
    <message>
        <source>No endpoint enabled</source>
        <translation>Ningún endpoint activado</translation>
    </message>
    <message>
        <source>Every endpoint is down</source>
        <translation>Todos los endpoints están caídos</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notificaciones</translation>
    </message>
    <message>
        <source>Which events show a desktop notification</source>
        <translation>Qué eventos muestran una notificación de escritorio</translation>
    </message>
    <message>
        <source>Endpoint down or back up</source>
        <translation>Endpoint caído o de nuevo activo</translation>
    </message>
    <message>
        <source>Request blocked by a security guard</source>
        <translation>Solicitud bloqueada por una protección de seguridad</translation>
    </message>
    <message>
        <source>Blocks not shown since the last notification: %1</source>
        <translation>Bloqueos no mostrados desde la última notificación: %1</translation>
    </message>
    <message>
        <source>Endpoint changes not shown since the last notification: %1</source>
        <translation>Cambios de endpoint no mostrados desde la última notificación: %1</translation>
    </message>
    <message>
        <source>Endpoint down</source>
        <translation>Endpoint caído</translation>
    </message>
    <message>
        <source>%1 is not answering; requests go to the other endpoints, if any.</source>
        <translation>%1 no responde; las solicitudes van a los demás endpoints, si los hay.</translation>
    </message>
    <message>
        <source>Endpoint back up</source>
        <translation>Endpoint de nuevo activo</translation>
    </message>
    <message>
        <source>%1 answers again.</source>
        <translation>%1 vuelve a responder.</translation>
    </message>
    <message>
        <source>Request blocked</source>
        <translation>Solicitud bloqueada</translation>
    </message>
    <message>
        <source>The %1 guard blocked a request (%2).</source>
        <translation>La protección %1 bloqueó una solicitud (%2).</translation>
    </message>
    <message>
        <source>Endpoint down: %1</source>
        <translation>Endpoint caído: %1</translation>
    </message>
    <message>
        <source>A request was blocked in the last minute</source>
        <translation>Se bloqueó una solicitud en el último minuto</translation>
    </message>
    <message>
        <source>Daily budget warning or limit reached</source>
        <translation>Aviso o límite del presupuesto diario alcanzado</translation>
    </message>
    <message>
        <source>Today: %1 of %2 budget</source>
        <translation>Hoy: %1 de %2 de presupuesto</translation>
    </message>
    <message>
        <source>Today: %1 spent (no daily budget)</source>
        <translation>Hoy: %1 gastado (sin presupuesto diario)</translation>
    </message>
    <message>
        <source>Daily budget reached</source>
        <translation>Presupuesto diario alcanzado</translation>
    </message>
    <message>
        <source>Today&apos;s spend of %1 reached the daily budget of %2.</source>
        <translation>El gasto de hoy, %1, alcanzó el presupuesto diario de %2.</translation>
    </message>
    <message>
        <source>Budget warning</source>
        <translation>Aviso de presupuesto</translation>
    </message>
    <message>
        <source>Today&apos;s spend of %1 passed the warning level of %2.</source>
        <translation>El gasto de hoy, %1, superó el nivel de aviso de %2.</translation>
    </message>
</context>
</TS>
