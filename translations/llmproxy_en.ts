<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnalyticsWindow</name>
    <message>
        <source>Analytics — LLMProxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the spend and the budgets again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the table&apos;s rows as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend per day and group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlocksChart</name>
    <message>
        <source>Blocks per minute over the last hour: %1 in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks per minute, last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing blocked or masked in the last hour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectToolDialog</name>
    <message>
        <source>Connect a tool — LLMProxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coding tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About this tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings for the tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tool&apos;s config file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;ndo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of writing the config file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a &amp;test request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of the test request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a key for this tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a client key named after the tool, kept by the gateway as a digest, and put it here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDetail</name>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No detail recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a decision to see why it was made.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionFeed</name>
    <message>
        <source>block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions of the security guards, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No request was blocked, masked or flagged so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has happened yet.
Every block, mask and flag of the security guards appears here as requests come in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndpointsWindow</name>
    <message>
        <source>Endpoints — LLMProxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable or disable endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move endpoint up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move endpoint down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test endpoint now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset circuit breaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EngineController</name>
    <message>
        <source>No answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This provider has no list of models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A keychain entry name has 1 to 128 letters, digits and -_.:@/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not take the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An endpoint named &quot;%1&quot; exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no endpoint &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This endpoint cannot be tested with a chat request.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDonePage</name>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLMProxy routes requests to this endpoint from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give tools this &amp;base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL for tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a coding tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a &amp;tool…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunKeyPage</name>
    <message>
        <source>Your API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the key here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the key in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it in the system &amp;keychain (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain entry name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the key from an environment variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read it from an &amp;environment variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Variable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variable name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Guards</name>
    <message>
        <source>Flood guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuses requests with too many messages, too much text or a repetition flood.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request firewall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks known attack signatures in normalised text and in base64, hex, URL, ROT13 and escaped spans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injection scoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks prompt injection by patterns in 17 languages, structure, similarity to known attacks and a learned classifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-turn trajectory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks a conversation whose recent user turns together build up an attack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threat ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuses the borderline requests of a key or remote address that keeps sending suspicious ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PII and secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masks e-mail addresses, phone numbers, cards, IBANs, SSNs and secrets before a request leaves, and restores them in the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response sanitizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes invisible and bidirectional control characters from answers and flags look-alike words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link sanitizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces links to blocked domains in answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System-prompt leak guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops an answer that repeats the operator&apos;s system prompt or its canary token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs every answer with HMAC-SHA256 when LLM_PROXY_SIGNING_KEY is set.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuardsWindow</name>
    <message>
        <source>Security guards — LLMProxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Security guards on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Master switch: every request and response guard at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests scanned and scan time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switches apply at once. &lt;i&gt;Back to configuration&lt;/i&gt; returns a guard to what the configuration file says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>Request history — LLMProxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search request ID, model or error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the requests made with the client key of this name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the requests that asked for or were served by the model of this name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the newest requests again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a request to see all it recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy request ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show new requests as they are stored, while the table is scrolled to the top</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <message>
        <source>Double-click a request to see it in the request history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the &amp;history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every stored request, with filters, search and details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelsWindow</name>
    <message>
        <source>Models and routing — LLMProxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes made here apply at once and are kept in the data directory across restarts. The configuration file is not rewritten: its aliases and chains come back with “Revert all changes made here”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models and routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every model the enabled endpoints serve, the aliases that name it and its fallback chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every model served, with its endpoints, aliases and fallback chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;liases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request for an alias is served by its target model. An alias name may be a pattern such as claude-* .</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias name or pattern, target model and where the alias comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fallback chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When every endpoint of a model fails, its fallback chain is tried hop by hop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model, the hops tried when it fails and where the chain comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add fallback chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected fallback chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected fallback chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route &amp;overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send every request of a kind of tool to one model, whatever model it asks for. A client key restricted to other models is never moved, and an override whose model nothing serves is passed over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claude Code (Messages API):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claude Code: model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As requested, or the model every request of these tools is served by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claude Code: endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try this endpoint first, or let the model&apos;s own routing choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claude Code: apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codex (Responses API):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codex: model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codex: endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codex: apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other tools (Chat Completions):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other tools: model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other tools: endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other tools: apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route override result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of the last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert all changes made here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert all changes made here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop every alias, fallback chain and route override changed here: the configuration file applies again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaygroundWindow</name>
    <message>
        <source>Playground — LLMProxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model the gateway offers, or any model name or alias to try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the gateway again which models it offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model list status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway requires a client key: paste one of yours (kept only while this window is open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ystem prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional instructions sent as the system message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompts sent in this window and the answers, with the route, tokens, cost and security decisions of each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prompt (Ctrl+Enter sends):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the exchanges shown above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the answer now (the gateway cancels the upstream request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the prompt through the gateway (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>Settings — LLMProxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging and data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Allow other machines on the local network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow other machines on the local network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on every network interface instead of this computer only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An IP address of this computer: 0.0.0.0 is every IPv4 interface, :: every IPv6 one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the local network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server settings status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply server settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the listen address and port into the configuration file and reload it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo server changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System follows the desktop, also when it switches between light and dark while LLMProxy runs. Light and Dark use the same colours on every desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The windows change language at once. Log messages and the configuration file stay in English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start LLMProxy when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start LLMProxy when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the login entry is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include request and response &amp;bodies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include request and response bodies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompts and answers appear in the log; API keys are always redacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the log goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging settings status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply logging settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the logging settings into the configuration file and reload it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;ndo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo logging changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints added in the window (registry.json), the guard switches (features.json) and today&apos;s spend (budget.json) are kept here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems in the configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a problem to go to its line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate the configuration text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the text as LLMProxy would load it, without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the configuration text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the text (the previous file is kept as a backup) and reload it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert to the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the file&apos;s text back into the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients send one of these keys to use the proxy. Keys created here are kept only as a digest: a key is shown once, when it is created. Keys from the configuration file are changed there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About client keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client keys status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key just created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key just created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. laptop or claude-code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the selected key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThreatsView</name>
    <message>
        <source>%1 µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The security guards are switched off: requests reach the providers unchecked. Switch them on in the Guards window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused before the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PII and secrets masked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restored in the answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspicious, let through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan time (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 %1 · p99 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per request, once one is scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::AliasDialog</name>
    <message>
        <source>Add alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias name or pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. fast or claude-*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the alias was not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name or pattern:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Target model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request for this name (or any name the pattern matches) is served by the target model. The target must be a model name, not a pattern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::AnalyticsWindow</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Spend per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;okens per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per re&amp;quest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
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
        <source>Average cost per request (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: $%1 · %2 requests · %3 tokens in · %4 tokens out · %5 per request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No spend recorded from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend from %1 to %2, days of %3 · updated %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export spend as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend per month (USD) · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend per day (USD) · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::Autostart</name>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot change %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::BudgetGaugeBar</name>
    <message>
        <source>Global daily budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 spent of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 spent, no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warns at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resets %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key “%1”, this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key “%1”, today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team “%1”, this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team “%1”, today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all gateways, as of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::CommandPalette</name>
    <message>
        <source>No command matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a command&apos;s name; Up and Down choose, Enter runs it, Escape closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::ConnectToolDialog</name>
    <message>
        <source>Write config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the config change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a test request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key the tool sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a model the gateway serves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This gateway asks for a proxy key: enter one of its keys (LLM_PROXY_API_KEYS or a named client key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This gateway asks for no key; tools that insist on one get “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claude Code speaks the Anthropic Messages API at the root URL. Name a model here, or map the Claude model names it asks for with model_aliases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codex speaks the OpenAI Responses API; LLMProxy becomes its model provider “llmproxy”. Codex Desktop signed in with ChatGPT ignores it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cursor sends requests from its own servers: the gateway must be reachable from the internet (a tunnel or a public address, with proxy keys set). Enter that public URL above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds a model named “LLMProxy” to Continue&apos;s models; Continue reloads the file when it changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The openai/ prefix tells Aider to use the OpenAI API; the model after it is what LLMProxy routes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Cline&apos;s settings choose the API provider “OpenAI Compatible”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zed does not discover models for this provider: the models listed here are written. Zed asks for the key in its Agent panel, or takes it from LLMPROXY_API_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VS Code&apos;s Custom Endpoint provider: chat and agent go through LLMProxy, completions stay with GitHub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 (Write config merges this into the file):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or from a shell:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the tool&apos;s settings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 keeps these settings itself: copy them into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model first: %1 needs one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has these settings; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed %1; the previous file is saved as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1, which LLMProxy had created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 as it was before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway URL is not a valid http:// or https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending POST %1 as %2 would…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 — it works. The model answered: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require keys from every client?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This gateway asks for no key today. Once a key exists, every client must send one: tools set up without a key stop working until they get one (create one for each, or add it to their configuration).

Create the key for %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the client key “%1”. It is shown only now: the gateway keeps a digest. Write config puts it into the tool&apos;s configuration.</source>
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
    <message>
        <source>&amp;Threats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the security guards blocked, masked and flagged, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security &amp;guards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch the security guards on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a &amp;tool…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point Claude Code, Codex, Cursor, Continue, Aider, Cline, Zed or Copilot at LLMProxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;layground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a prompt through the gateway and see the route, tokens, cost and security decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command &amp;palette…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find and run any command by typing part of its name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All endpoints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, edit, reorder, test and switch endpoints, and see each one&apos;s statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models and routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every model with its endpoints; aliases, fallback chains and route overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a &amp;provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setup wizard: a cloud provider with its key, or a model server on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen address, client keys, theme, language, start at login, logging and the configuration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys clients send to use the proxy: create and revoke them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every request the gateway kept: search and filter them by status, period and key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analytics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend over time by model, provider, key or team; tokens, cost per request and budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit and &amp;GDPR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the audit chain; export or erase a person&apos;s data in the audit ledger</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointEditDialog</name>
    <message>
        <source>Edit endpoint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This endpoint was added in LLMProxy: every setting can be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This endpoint comes from %1. Only its priority and weight can be changed here; they are kept over the configured values, also after a restart. Change the other settings there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated; empty = any model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower is preferred: requests go to the lowest priority that is up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the requests among endpoints of the same priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the current key (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s usual variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable or keychain entry name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. GROQ_API_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. llmproxy/groq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;API version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure OpenAI only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input price per million tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cost per 1M input tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check its health on a schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the change was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the environment variable that holds the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the keychain entry that holds the key.</source>
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
    <name>llmproxy::EndpointsWindow</name>
    <message>
        <source>the configuration file (config.yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local discovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this window or the admin API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open (retry in %1 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open (next request tries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half-open</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Closed (%n failure(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain entry %1 (no key found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variable %1 (not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a key in the configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an endpoint with the setup wizard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected endpoint&apos;s settings (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected endpoint (only endpoints added in LLMProxy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefer the selected endpoint over the one above it (changes priorities)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefer the endpoint below over the selected one (changes priorities)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected endpoint&apos;s health check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset breaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the circuit breaker: requests go to the endpoint again at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every endpoint in routing order, lowest priority first. Enter edits the selected one, Delete removes it, the context menu has every action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route requests to the selected endpoint again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop routing requests to the selected endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comes from %1: disable it instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint yet. Add one to start routing requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an endpoint to see its statistics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>priority %1, weight %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (checked at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered, %2 failed, success rate %3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>average %1; p50 %2, p95 %3 over its last %n request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no recent requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none among the recent requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 comes from %2 — disable it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the endpoint %1? Requests already on it finish; new ones go elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 moved up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 moved down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1… its health shows in the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circuit breaker of %1 closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::EngineController</name>
    <message>
        <source>A key name has 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client key named “%1” exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key “%1” comes from the configuration file; remove it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client key is named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request history is off: server.storage.enabled is false, or there is no data directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request history cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend analytics need the store: server.storage.enabled is false, or there is no data directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day of the range must not be after its last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report covers at most %1 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spend rollups cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit ledger is off: it needs the store (server.storage.enabled and a data directory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit ledger is off: it needs a database and a ledger secret (LLM_PROXY_AUDIT_SECRET; see docs/audit.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit ledger cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::FallbackChainDialog</name>
    <message>
        <source>Add fallback chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit fallback chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hops, tried in this order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hop endpoint or provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hop model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;hop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move hop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the chain was not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hops, tried in this order when every endpoint of the model fails:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint or provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;odel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the endpoint or provider of the hop first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::FirstRunWizard</name>
    <message>
        <source>Where should requests go?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a cloud provider, or a model server running on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;cloud provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a cloud provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;local server on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a local server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local servers found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scan again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan again for local servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… (this provider needs your own URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get a key at &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for Ollama, LM Studio, vLLM and llama.cpp on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no models yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No local model server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Found %n local server(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>LLMProxy sends this key to %1 with every request it forwards there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the key in the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is in the system keychain as &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain could not store the key: %1&lt;br&gt;There may be no keychain service on this computer. Use an environment variable instead: set it before LLMProxy starts; the key is not written anywhere by LLMProxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1 in the environment LLMProxy starts in. The key you paste above is only used to fetch the model list now; it is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the models LLMProxy should send to this endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model list status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model name to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another model name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 serves these models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without the key here, the model list cannot be fetched: type the model names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider lists no models: type the model names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) available.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The model list could not be fetched: %1&lt;br&gt;You can still type model names below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLMProxy adds the endpoint and sends it a short real request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model to test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the test request again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the endpoint &quot;%1&quot;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint could not be added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test request to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It works. The model answered in %1:&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider refused the key. Go Back to fix it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go Back to change the settings, or Test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request failed: %1&lt;br&gt;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (local server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system keychain, entry &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint &lt;b&gt;%1&lt;/b&gt;: %2 at %3&lt;br&gt;Models: %4&lt;br&gt;Key: %5&lt;br&gt;It is saved and listed in the main window; the Endpoints window changes it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up LLMProxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First-run wizard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::GuardsWindow</name>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched off by %1 in the environment: the environment wins, so it cannot be switched on here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a signing key: set LLM_PROXY_SIGNING_KEY and restart LLMProxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched off in the configuration file (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched on here, as in the configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched off here, as in the configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched on here; the configuration says off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched off here; the configuration says on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running while the security guards are switched off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 scanned · %2 blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: back to configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guards switched on below inspect every request and answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests reach the providers unchecked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration switches the security guards on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration switches the security guards off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched on here; the configuration (security.enabled) says off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched off here; the configuration (security.enabled) says on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched off in the configuration (security.enabled: false).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests scanned, %2 blocked. Scan time per request: median %3, p95 %4, p99 %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running: the security guards are switched off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 masked · %2 flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch %1 on or off now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration switches it on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration switches it off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::HistoryWindow</name>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Successful (2xx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client errors (4xx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server errors (5xx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked by a guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(stream)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway overhead</source>
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
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(estimated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stored request matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching requests: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first %1 only: narrow the filters to see the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scroll down for more</source>
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
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::ModelsWindow</name>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>health unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>config.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alias of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(any model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No enabled endpoint serves a model yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias %1 → %2 set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias %1 removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback chain of %1 set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback chain of %1 removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These requests go to the model they ask for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These requests now go to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These requests now go to %1 on %2 first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert all changes made here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop every alias, fallback chain and route override changed in this window or through the admin API? The configuration file&apos;s routing applies again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file&apos;s routing applies again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name or pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hops</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::PlaygroundWindow</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model, type a prompt and press Send: the request goes through the gateway like any client&apos;s, and the answer streams in here with the route it took, its tokens, cost and any security decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway is not listening, so it offers no models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the gateway for its models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway requires a client key: enter one of its keys above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused this key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the gateway&apos;s models: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway offers no model yet: add an endpoint to the configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 model offered by the gateway at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 models offered by the gateway at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway is not listening, so nothing can be sent. Check the main window&apos;s state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You → %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streaming from %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collecting the gateway&apos;s figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped after %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route: none (answered by the gateway itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route: endpoint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route: endpoint %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serving %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after %1 attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens: %1 in, %2 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens: not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost: unknown (no usage or no price for this model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway overhead before the answer began: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway overhead: %1 (%2 before the answer began)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway overhead: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security: blocked by %1, code %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security: 1 value masked before the request left (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security: %1 values masked before the request left (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security: values masked by %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security: flagged by %1, %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security: blocked by %1, code %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked by the gateway&apos;s security guards (%1): %2 (code %3, HTTP %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway answered HTTP %1: %2 (code %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer stopped with an error: %1 (code %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the gateway at %1: %2. Is the proxy running and listening?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the gateway broke: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stream ended without its final [DONE] event: the answer may be incomplete.</source>
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
    <name>llmproxy::RouteMenu</name>
    <message>
        <source>Claude Code (Anthropic Messages API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codex (Responses API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other tools (Chat Completions API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Route coding tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send every request of a coding tool to one model, whatever it asks for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As requested (no override)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more in the Models window</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint lists its models</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::SecurityWindow</name>
    <message>
        <source>Security — LLMProxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every audited event is chained to the one before it by a hash. Verifying walks the chain from its checkpoint to its newest entry and reports the first entry that was changed, removed or inserted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify audit chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data (GDPR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person&apos;s data in the audit ledger is sealed with keys of their own. Export saves all of it as JSON; Erase destroys their keys, so it can never be read again, while the chain still verifies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key name, user or IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save everything the audit ledger holds about this person as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;rase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy this person&apos;s keys: their data in the audit ledger can no longer be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified since this window opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ The chain is empty: nothing has been audited yet (checked in %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ The chain is intact: %1 entries checked in %2; the newest is entry %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ The chain is broken at entry %1 (%2: %3). %4 entries before it were checked in %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase “%1” from the audit ledger?

Their keys are destroyed: the names, addresses and personal details in every audit entry about them can never be read again, by anyone, and no export will contain them. The entries themselves stay, so the chain still verifies. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is erased: %2 keys destroyed; %3 entries held their data. The erasure is entry %4 of the chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the data of “%1” to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::SettingsWindow</name>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot keep a backup of %1 as %2; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug: everything, for finding a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info: requests and changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: only what needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: only failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text: one readable line per event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON: one object per line, for log collectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log goes to the standard error output: the terminal that started LLMProxy, or the system journal when it runs as a service. The configuration has no log file of its own; redirect the output to keep one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Off: only programs on this computer can use the proxy (127.0.0.1). On: other machines on your network reach it at this computer&apos;s address.&lt;/p&gt;&lt;p&gt;They could then spend your provider accounts, so LLMProxy listens beyond this computer only when clients must send a proxy key: set &lt;code&gt;LLM_PROXY_API_KEYS&lt;/code&gt; (comma-separated keys) in the environment or in &lt;code&gt;.env&lt;/code&gt;, or add keys under &lt;code&gt;server.auth.keys&lt;/code&gt; in the configuration file. Without a key it refuses to start. The proxy speaks plain HTTP: on a network you do not trust, put a TLS reverse proxy in front of it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: nothing is kept between runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No configuration file is in use; start LLMProxy with --config FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy is not listening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening now on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file has errors; correct them on the Configuration file page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an IP address: use 0.0.0.0 (every IPv4 interface), :: (every IPv6 interface) or one of this computer&apos;s addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proxy key is configured, so LLMProxy would refuse to listen beyond this computer. Set LLM_PROXY_API_KEYS or add keys under server.auth.keys first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the listen address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment or the command line sets %1; the file&apos;s value is not used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A changed address or port takes effect after LLMProxy restarts: reloading the configuration does not move the listener.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot change the configuration file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its layout could not be kept, so it was written anew without its comments; the previous file is %1.bak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved, the file is unchanged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Reloaded: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The reload failed, the previous configuration stays in force: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new address takes effect after LLMProxy restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLMProxy starts when you log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLMProxy no longer starts when you log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in %1, which starts %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file manager opens %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 error; choose it to go to its line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 errors; choose one to go to its line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied: the text has errors and the file is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The editor shows the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no client key: every program that can reach the proxy may use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key comes from the configuration file; remove it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the client key “%1”. Copy it now: it is not shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the client key “%1”? Programs that use it are refused from their next request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked the client key “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmproxy::ThreatsWindow</name>
    <message>
        <source>Threats — LLMProxy</source>
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
    <message>
        <source>&amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which events show a desktop notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint down or back up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request blocked by a security guard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks not shown since the last notification: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint changes not shown since the last notification: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not answering; requests go to the other endpoints, if any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint back up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 guard blocked a request (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint down: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request was blocked in the last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily budget warning or limit reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today: %1 of %2 budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today: %1 spent (no daily budget)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily budget reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s spend of %1 reached the daily budget of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s spend of %1 passed the warning level of %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
