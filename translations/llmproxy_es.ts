<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
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
</context>
</TS>
