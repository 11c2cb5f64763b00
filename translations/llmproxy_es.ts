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
</context>
<context>
    <name>llmproxy::EndpointModel</name>
    <message>
        <source>any model</source>
        <translation>cualquier modelo</translation>
    </message>
    <message>
        <source>Config file</source>
        <translation>Archivo de configuración</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <source>Auto-detected</source>
        <translation>Detectado automáticamente</translation>
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
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salud</translation>
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
        <source>Add an endpoint under &lt;code&gt;endpoints:&lt;/code&gt; in %1, then choose &lt;i&gt;Reload configuration&lt;/i&gt; (%2).</source>
        <translation>Añade un endpoint bajo &lt;code&gt;endpoints:&lt;/code&gt; en %1 y elige &lt;i&gt;Recargar la configuración&lt;/i&gt; (%2).</translation>
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
        <source>Provider</source>
        <translation>Proveedor</translation>
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
</context>
</TS>
