<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the base URL to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client configuration example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy e&amp;xample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the example commands to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;All traffic is stopped.&lt;/b&gt; The kill switch refuses every inference request with 503 until you resume traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume &amp;traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release the kill switch and serve requests again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::DesktopShell</name>
    <message>
        <source>LLMProxy keeps running in the system tray. Choose Quit in its menu to stop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open LLMProxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer inference requests with 503 until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About LLMProxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About LLMProxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;LLMProxy %1&lt;/b&gt;&lt;p&gt;A security gateway for LLM traffic: one OpenAI-compatible endpoint in front of local and hosted models.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop all traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch: refuse every inference request at once, until you release it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;configuration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the configuration file; Reload configuration applies it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No configuration file is in use; start LLMProxy with --config FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application opens %1; edit it with any text editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1. Save it, then choose Reload configuration to apply it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointModel</name>
    <message>
        <source>any model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open — retrying with the next request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open — retrying in %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open — retrying in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half-open — testing one request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled — failures in a row: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the configuration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added through the admin API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key: set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick to stop routing requests here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick to route requests here again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serves any model it is asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched off: no request is routed here until it is enabled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circuit breaker open (failures in a row: %1): requests skip this endpoint until a test request succeeds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circuit breaker half-open: one test request is on its way; its success closes the breaker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circuit breaker closed: requests are routed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last health check succeeded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last health check failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found running on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health checks are off for this endpoint (probe: false).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No request has been answered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests: %1, failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick an endpoint to route requests to it, untick it to switch it off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled or disabled, and the state of the circuit breaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of the last health check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving average of the time successful requests took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving average of the share of requests that succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests answered by this endpoint since LLMProxy started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::MainWindow</name>
    <message>
        <source>Copy base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy example commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy is not accepting connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inference requests are answered with 503 until you resume the proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint is configured: inference requests are answered with 503.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarding requests to the configured endpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a configuration file with an &lt;code&gt;endpoints:&lt;/code&gt; section and start LLMProxy with &lt;code&gt;--config FILE&lt;/code&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or set &lt;code&gt;LLM_PROXY_ENDPOINT_&amp;lt;NAME&amp;gt;_URL&lt;/code&gt;, &lt;code&gt;_MODELS&lt;/code&gt;, &lt;code&gt;_KEY&lt;/code&gt; and &lt;code&gt;_PROVIDER&lt;/code&gt; in the environment or in a &lt;code&gt;.env&lt;/code&gt; file, and restart LLMProxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or start a local server (Ollama, LM Studio, vLLM, llama.cpp) on its default port: LLMProxy detects it and offers it as an endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint is configured yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests to the proxy are answered with 503 until you add one:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration reloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration reloaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload failed, still using the previous configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configured and detected endpoints with their state, health, latency and success rate. The check box of a row switches the endpoint on or off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route requests to the selected endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;ndpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch on: every inference request is refused with 503 until you resume traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every endpoint is switched off: inference requests are answered with 503 until you tick one in the endpoint list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every enabled endpoint is failing (circuit breaker open or health check failed): requests fail until one recovers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an endpoint under &lt;code&gt;endpoints:&lt;/code&gt; in %1 (&lt;i&gt;Open configuration file&lt;/i&gt; creates it with examples), save it, then choose &lt;i&gt;Reload configuration&lt;/i&gt; (%2): it applies the file without a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests missing from the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log could not keep up: these requests were served but are not listed (the proxy&apos;s log output counts them too).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::RequestLogModel</name>
    <message>
        <source>%1 (stream)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway overhead: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 attempts: retried or fell back to another endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the request was sent upstream, when it was retried or fell back to another endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested model %1, served by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::TrayIcon</name>
    <message>
        <source>Not listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onboarding: no endpoint configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All traffic stopped (kill switch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every endpoint is down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
