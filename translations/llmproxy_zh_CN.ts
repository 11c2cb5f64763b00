<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalyticsWindow</name>
    <message>
        <source>Analytics — LLMProxy</source>
        <translation>分析 — LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>时间段(&amp;P)：</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>第一天</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>分组依据(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the spend and the budgets again</source>
        <translation>重新读取支出和预算</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the table&apos;s rows as a CSV file</source>
        <translation>将表格的行保存为 CSV 文件</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>表格(&amp;T)</translation>
    </message>
    <message>
        <source>Spend per day and group</source>
        <translation>按天和分组的支出</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>BlocksChart</name>
    <message>
        <source>Blocks per minute over the last hour: %1 in total</source>
        <translation>过去一小时每分钟的拦截数：共 %1 次</translation>
    </message>
    <message>
        <source>Blocks per minute, last hour</source>
        <translation>每分钟拦截数（过去一小时）</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>已拦截</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>已遮盖</translation>
    </message>
    <message>
        <source>Nothing blocked or masked in the last hour</source>
        <translation>过去一小时内没有拦截或遮盖</translation>
    </message>
</context>
<context>
    <name>ConnectToolDialog</name>
    <message>
        <source>Connect a tool — LLMProxy</source>
        <translation>连接工具 — LLMProxy</translation>
    </message>
    <message>
        <source>Coding tools</source>
        <translation>编程工具</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>About this tool</source>
        <translation>关于此工具</translation>
    </message>
    <message>
        <source>Gateway &amp;URL:</source>
        <translation>网关 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation>网关 URL</translation>
    </message>
    <message>
        <source>Proxy &amp;key:</source>
        <translation>代理密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Proxy key</source>
        <translation>代理密钥</translation>
    </message>
    <message>
        <source>About the key</source>
        <translation>关于密钥</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Settings for the tool</source>
        <translation>该工具的设置</translation>
    </message>
    <message>
        <source>The tool&apos;s config file</source>
        <translation>该工具的配置文件</translation>
    </message>
    <message>
        <source>Config file</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>&amp;Write config</source>
        <translation>写入配置(&amp;W)</translation>
    </message>
    <message>
        <source>U&amp;ndo</source>
        <translation>撤销(&amp;N)</translation>
    </message>
    <message>
        <source>Result of writing the config file</source>
        <translation>写入配置文件的结果</translation>
    </message>
    <message>
        <source>Send a &amp;test request</source>
        <translation>发送测试请求(&amp;T)</translation>
    </message>
    <message>
        <source>Result of the test request</source>
        <translation>测试请求的结果</translation>
    </message>
    <message>
        <source>Create a key for this tool</source>
        <translation>为此工具创建密钥</translation>
    </message>
    <message>
        <source>Create a client key named after the tool, kept by the gateway as a digest, and put it here</source>
        <translation>创建一个以该工具命名的客户端密钥（网关只保存其摘要），并填入此处</translation>
    </message>
</context>
<context>
    <name>DecisionDetail</name>
    <message>
        <source>Blocked</source>
        <translation>拦截</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>遮盖</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>已被 %2 %1</translation>
    </message>
    <message>
        <source>What matched</source>
        <translation>匹配内容</translation>
    </message>
    <message>
        <source>No detail recorded.</source>
        <translation>未记录详细信息。</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Select a decision to see why it was made.</source>
        <translation>选择一条决策以查看其原因。</translation>
    </message>
</context>
<context>
    <name>DecisionFeed</name>
    <message>
        <source>block</source>
        <translation>拦截</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>防护层</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Decisions of the security guards, newest first</source>
        <translation>安全防护的决策，最新的在前</translation>
    </message>
    <message>
        <source>mask</source>
        <translation>遮盖</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>No request was blocked, masked or flagged so far.</source>
        <translation>目前还没有请求被拦截、遮盖或标记。</translation>
    </message>
    <message>
        <source>Nothing has happened yet.
Every block, mask and flag of the security guards appears here as requests come in.</source>
        <translation>尚未发生任何事件。
随着请求到来，安全防护的每一次拦截、遮盖和标记都会显示在这里。</translation>
    </message>
</context>
<context>
    <name>EndpointsWindow</name>
    <message>
        <source>Endpoints — LLMProxy</source>
        <translation>端点 — LLMProxy</translation>
    </message>
    <message>
        <source>Add endpoint</source>
        <translation>添加端点</translation>
    </message>
    <message>
        <source>Edit endpoint</source>
        <translation>编辑端点</translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>删除端点</translation>
    </message>
    <message>
        <source>Enable or disable endpoint</source>
        <translation>启用或停用端点</translation>
    </message>
    <message>
        <source>Move endpoint up</source>
        <translation>上移端点</translation>
    </message>
    <message>
        <source>Move endpoint down</source>
        <translation>下移端点</translation>
    </message>
    <message>
        <source>Test endpoint now</source>
        <translation>立即测试端点</translation>
    </message>
    <message>
        <source>Reset circuit breaker</source>
        <translation>重置熔断器</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Selected endpoint</source>
        <translation>所选端点</translation>
    </message>
    <message>
        <source>Endpoint details</source>
        <translation>端点详情</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>上一次操作</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>EngineController</name>
    <message>
        <source>No answer in time.</source>
        <translation>未能及时响应。</translation>
    </message>
    <message>
        <source>This provider has no list of models.</source>
        <translation>此提供商没有模型列表。</translation>
    </message>
    <message>
        <source>A keychain entry name has 1 to 128 letters, digits and -_.:@/.</source>
        <translation>钥匙串条目名称由 1 到 128 个字母、数字和 -_.:@/ 组成。</translation>
    </message>
    <message>
        <source>%1 did not take the key.</source>
        <translation>%1 未接受该密钥。</translation>
    </message>
    <message>
        <source>An endpoint named &quot;%1&quot; exists already.</source>
        <translation>名为“%1”的端点已存在。</translation>
    </message>
    <message>
        <source>There is no endpoint &quot;%1&quot;.</source>
        <translation>不存在端点“%1”。</translation>
    </message>
    <message>
        <source>This endpoint cannot be tested with a chat request.</source>
        <translation>无法用聊天请求测试此端点。</translation>
    </message>
</context>
<context>
    <name>FirstRunDonePage</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>LLMProxy routes requests to this endpoint from now on.</source>
        <translation>从现在起，LLMProxy 会将请求路由到此端点。</translation>
    </message>
    <message>
        <source>What was configured</source>
        <translation>已配置的内容</translation>
    </message>
    <message>
        <source>Give tools this &amp;base URL:</source>
        <translation>向工具提供此基础 URL(&amp;B)：</translation>
    </message>
    <message>
        <source>Base URL for tools</source>
        <translation>供工具使用的基础 URL</translation>
    </message>
    <message>
        <source>Copy the base URL</source>
        <translation>复制基础 URL</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Connect a coding tool</source>
        <translation>连接编程工具</translation>
    </message>
    <message>
        <source>Connect a &amp;tool…</source>
        <translation>连接工具(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>FirstRunKeyPage</name>
    <message>
        <source>Your API key</source>
        <translation>你的 API 密钥</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Paste the key here</source>
        <translation>在此粘贴密钥</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>显示密钥</translation>
    </message>
    <message>
        <source>S&amp;how key</source>
        <translation>显示密钥(&amp;H)</translation>
    </message>
    <message>
        <source>Store the key in the system keychain</source>
        <translation>将密钥存储在系统钥匙串中</translation>
    </message>
    <message>
        <source>Keep it in the system &amp;keychain (recommended)</source>
        <translation>保存在系统钥匙串中（推荐）(&amp;K)</translation>
    </message>
    <message>
        <source>Entry &amp;name:</source>
        <translation>条目名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Keychain entry name</source>
        <translation>钥匙串条目名称</translation>
    </message>
    <message>
        <source>Read the key from an environment variable</source>
        <translation>从环境变量读取密钥</translation>
    </message>
    <message>
        <source>Read it from an &amp;environment variable</source>
        <translation>从环境变量读取(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Variable:</source>
        <translation>变量(&amp;V)：</translation>
    </message>
    <message>
        <source>Environment variable name</source>
        <translation>环境变量名称</translation>
    </message>
    <message>
        <source>Key status</source>
        <translation>密钥状态</translation>
    </message>
</context>
<context>
    <name>Guards</name>
    <message>
        <source>Flood guard</source>
        <translation>洪泛防护</translation>
    </message>
    <message>
        <source>Refuses requests with too many messages, too much text or a repetition flood.</source>
        <translation>拒绝消息过多、文本过长或大量重复的请求。</translation>
    </message>
    <message>
        <source>Request firewall</source>
        <translation>请求防火墙</translation>
    </message>
    <message>
        <source>Blocks known attack signatures in normalised text and in base64, hex, URL, ROT13 and escaped spans.</source>
        <translation>拦截规范化文本以及 base64、十六进制、URL、ROT13 和转义片段中的已知攻击特征。</translation>
    </message>
    <message>
        <source>Injection scoring</source>
        <translation>注入评分</translation>
    </message>
    <message>
        <source>Blocks prompt injection by patterns in 17 languages, structure, similarity to known attacks and a learned classifier.</source>
        <translation>依据 17 种语言的模式、结构、与已知攻击的相似度以及训练所得的分类器拦截提示词注入。</translation>
    </message>
    <message>
        <source>Multi-turn trajectory</source>
        <translation>多轮对话轨迹</translation>
    </message>
    <message>
        <source>Blocks a conversation whose recent user turns together build up an attack.</source>
        <translation>拦截最近几轮用户消息合起来构成攻击的对话。</translation>
    </message>
    <message>
        <source>Threat ledger</source>
        <translation>威胁台账</translation>
    </message>
    <message>
        <source>Refuses the borderline requests of a key or remote address that keeps sending suspicious ones.</source>
        <translation>对于不断发送可疑请求的密钥或远程地址，拒绝其处于临界状态的请求。</translation>
    </message>
    <message>
        <source>PII and secrets</source>
        <translation>PII 和机密</translation>
    </message>
    <message>
        <source>Masks e-mail addresses, phone numbers, cards, IBANs, SSNs and secrets before a request leaves, and restores them in the answer.</source>
        <translation>在请求发出前遮盖电子邮件地址、电话号码、卡号、IBAN、SSN 和机密，并在回答中还原。</translation>
    </message>
    <message>
        <source>Response sanitizer</source>
        <translation>响应净化</translation>
    </message>
    <message>
        <source>Removes invisible and bidirectional control characters from answers and flags look-alike words.</source>
        <translation>从回答中移除不可见字符和双向控制字符，并标记形似易混淆的词。</translation>
    </message>
    <message>
        <source>Link sanitizer</source>
        <translation>链接净化</translation>
    </message>
    <message>
        <source>Replaces links to blocked domains in answers.</source>
        <translation>替换回答中指向被屏蔽域名的链接。</translation>
    </message>
    <message>
        <source>System-prompt leak guard</source>
        <translation>系统提示词泄露防护</translation>
    </message>
    <message>
        <source>Stops an answer that repeats the operator&apos;s system prompt or its canary token.</source>
        <translation>阻止复述运营者系统提示词或其金丝雀令牌的回答。</translation>
    </message>
    <message>
        <source>Response signing</source>
        <translation>响应签名</translation>
    </message>
    <message>
        <source>Signs every answer with HMAC-SHA256 when LLM_PROXY_SIGNING_KEY is set.</source>
        <translation>设置了 LLM_PROXY_SIGNING_KEY 时，用 HMAC-SHA256 为每个回答签名。</translation>
    </message>
</context>
<context>
    <name>GuardsWindow</name>
    <message>
        <source>Security guards — LLMProxy</source>
        <translation>安全防护 — LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Security guards on</source>
        <translation>启用安全防护(&amp;S)</translation>
    </message>
    <message>
        <source>Master switch: every request and response guard at once</source>
        <translation>总开关：同时控制所有请求和响应防护</translation>
    </message>
    <message>
        <source>Security state</source>
        <translation>安全状态</translation>
    </message>
    <message>
        <source>Back to configuration</source>
        <translation>恢复为配置</translation>
    </message>
    <message>
        <source>Requests scanned and scan time</source>
        <translation>已扫描请求数和扫描耗时</translation>
    </message>
    <message>
        <source>Switches apply at once. &lt;i&gt;Back to configuration&lt;/i&gt; returns a guard to what the configuration file says.</source>
        <translation>开关立即生效。&lt;i&gt;恢复为配置&lt;/i&gt;会将防护恢复为配置文件中的设置。</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>Request history — LLMProxy</source>
        <translation>请求历史 — LLMProxy</translation>
    </message>
    <message>
        <source>Search request ID, model or error</source>
        <translation>搜索请求 ID、模型或错误</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>时间范围(&amp;P)：</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>Only the requests made with the client key of this name</source>
        <translation>仅显示使用此名称的客户端密钥发出的请求</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Only the requests that asked for or were served by the model of this name</source>
        <translation>仅显示请求了此名称的模型或由该模型处理的请求</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Load the newest requests again</source>
        <translation>重新加载最新的请求</translation>
    </message>
    <message>
        <source>Stored requests</source>
        <translation>已存储的请求</translation>
    </message>
    <message>
        <source>Request details</source>
        <translation>请求详情</translation>
    </message>
    <message>
        <source>Select a request to see all it recorded.</source>
        <translation>选择一个请求以查看为它记录的全部信息。</translation>
    </message>
    <message>
        <source>&amp;Copy request ID</source>
        <translation>复制请求 ID(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>跟踪(&amp;F)</translation>
    </message>
    <message>
        <source>Show new requests as they are stored, while the table is scrolled to the top</source>
        <translation>表格滚动到顶部时，新请求一经保存即显示</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Listen URL</source>
        <translation>监听 URL</translation>
    </message>
    <message>
        <source>Proxy state</source>
        <translation>代理状态</translation>
    </message>
    <message>
        <source>&amp;Copy URL</source>
        <translation>复制 URL(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the base URL to the clipboard</source>
        <translation>将基础 URL 复制到剪贴板</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>试一试</translation>
    </message>
    <message>
        <source>Client configuration example</source>
        <translation>客户端配置示例</translation>
    </message>
    <message>
        <source>Copy e&amp;xample</source>
        <translation>复制示例(&amp;X)</translation>
    </message>
    <message>
        <source>Copy the example commands to the clipboard</source>
        <translation>将示例命令复制到剪贴板</translation>
    </message>
    <message>
        <source>Setup hint</source>
        <translation>设置提示</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>请求日志</translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation>紧急停止开关</translation>
    </message>
    <message>
        <source>&lt;b&gt;All traffic is stopped.&lt;/b&gt; The kill switch refuses every inference request with 503 until you resume traffic.</source>
        <translation>&lt;b&gt;所有流量已停止。&lt;/b&gt;在你恢复流量之前，紧急停止开关会以 503 拒绝每个推理请求。</translation>
    </message>
    <message>
        <source>Resume &amp;traffic</source>
        <translation>恢复流量(&amp;T)</translation>
    </message>
    <message>
        <source>Release the kill switch and serve requests again</source>
        <translation>解除紧急停止并重新处理请求</translation>
    </message>
    <message>
        <source>Double-click a request to see it in the request history</source>
        <translation>双击某个请求，在请求历史中查看它</translation>
    </message>
    <message>
        <source>Search the &amp;history…</source>
        <translation>搜索历史(&amp;H)…</translation>
    </message>
    <message>
        <source>Every stored request, with filters, search and details</source>
        <translation>所有已保存的请求，带筛选、搜索和详情</translation>
    </message>
</context>
<context>
    <name>ModelsWindow</name>
    <message>
        <source>Models and routing — LLMProxy</source>
        <translation>模型与路由 — LLMProxy</translation>
    </message>
    <message>
        <source>Changes made here apply at once and are kept in the data directory across restarts. The configuration file is not rewritten: its aliases and chains come back with “Revert all changes made here”.</source>
        <translation>在此所做的更改会立即生效，并保存在数据目录中，重启后依然保留。配置文件不会被改写：使用“还原在此所做的所有更改”即可恢复其中的别名和回退链。</translation>
    </message>
    <message>
        <source>About changes</source>
        <translation>关于更改</translation>
    </message>
    <message>
        <source>Models and routing</source>
        <translation>模型与路由</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>Every model the enabled endpoints serve, the aliases that name it and its fallback chain.</source>
        <translation>已启用端点提供的每个模型、指向它的别名及其回退链。</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Every model served, with its endpoints, aliases and fallback chain</source>
        <translation>提供的每个模型，及其端点、别名和回退链</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>提供者</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Fallback chain</source>
        <translation>回退链</translation>
    </message>
    <message>
        <source>A&amp;liases</source>
        <translation>别名(&amp;L)</translation>
    </message>
    <message>
        <source>A request for an alias is served by its target model. An alias name may be a pattern such as claude-* .</source>
        <translation>对别名的请求由其目标模型处理。别名可以是 claude-* 这样的模式。</translation>
    </message>
    <message>
        <source>Alias name or pattern, target model and where the alias comes from</source>
        <translation>别名名称或模式、目标模型以及别名的来源</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add alias</source>
        <translation>添加别名</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected alias</source>
        <translation>编辑所选别名</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected alias</source>
        <translation>移除所选别名</translation>
    </message>
    <message>
        <source>&amp;Fallback chains</source>
        <translation>回退链(&amp;F)</translation>
    </message>
    <message>
        <source>When every endpoint of a model fails, its fallback chain is tried hop by hop.</source>
        <translation>当某个模型的所有端点都失败时，会逐跳尝试其回退链。</translation>
    </message>
    <message>
        <source>Fallback chains</source>
        <translation>回退链</translation>
    </message>
    <message>
        <source>Model, the hops tried when it fails and where the chain comes from</source>
        <translation>模型、它失败时依次尝试的跳以及回退链的来源</translation>
    </message>
    <message>
        <source>Add fallback chain</source>
        <translation>添加回退链</translation>
    </message>
    <message>
        <source>Edit the selected fallback chain</source>
        <translation>编辑所选回退链</translation>
    </message>
    <message>
        <source>Remove the selected fallback chain</source>
        <translation>移除所选回退链</translation>
    </message>
    <message>
        <source>Route &amp;overrides</source>
        <translation>路由覆盖(&amp;O)</translation>
    </message>
    <message>
        <source>Send every request of a kind of tool to one model, whatever model it asks for. A client key restricted to other models is never moved, and an override whose model nothing serves is passed over.</source>
        <translation>将某类工具的所有请求都发送到同一个模型，无论它请求的是哪个模型。限定于其他模型的客户端密钥永远不会被转移；若覆盖的模型没有任何端点提供，则会跳过该覆盖。</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Claude Code (Messages API):</source>
        <translation>Claude Code（Messages API）：</translation>
    </message>
    <message>
        <source>Claude Code: model</source>
        <translation>Claude Code：模型</translation>
    </message>
    <message>
        <source>As requested, or the model every request of these tools is served by</source>
        <translation>按请求，或指定这些工具的所有请求都由哪个模型处理</translation>
    </message>
    <message>
        <source>Claude Code: endpoint</source>
        <translation>Claude Code：端点</translation>
    </message>
    <message>
        <source>Try this endpoint first, or let the model&apos;s own routing choose</source>
        <translation>优先尝试此端点，或由模型自身的路由来选择</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Claude Code: apply</source>
        <translation>Claude Code：应用</translation>
    </message>
    <message>
        <source>Codex (Responses API):</source>
        <translation>Codex（Responses API）：</translation>
    </message>
    <message>
        <source>Codex: model</source>
        <translation>Codex：模型</translation>
    </message>
    <message>
        <source>Codex: endpoint</source>
        <translation>Codex：端点</translation>
    </message>
    <message>
        <source>Codex: apply</source>
        <translation>Codex：应用</translation>
    </message>
    <message>
        <source>Other tools (Chat Completions):</source>
        <translation>其他工具（Chat Completions）：</translation>
    </message>
    <message>
        <source>Other tools: model</source>
        <translation>其他工具：模型</translation>
    </message>
    <message>
        <source>Other tools: endpoint</source>
        <translation>其他工具：端点</translation>
    </message>
    <message>
        <source>Other tools: apply</source>
        <translation>其他工具：应用</translation>
    </message>
    <message>
        <source>Route override result</source>
        <translation>路由覆盖结果</translation>
    </message>
    <message>
        <source>Result of the last change</source>
        <translation>上一次更改的结果</translation>
    </message>
    <message>
        <source>Re&amp;vert all changes made here</source>
        <translation>还原在此所做的所有更改(&amp;V)</translation>
    </message>
    <message>
        <source>Revert all changes made here</source>
        <translation>还原在此所做的所有更改</translation>
    </message>
    <message>
        <source>Drop every alias, fallback chain and route override changed here: the configuration file applies again</source>
        <translation>丢弃在此更改的所有别名、回退链和路由覆盖：配置文件将重新生效</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PlaygroundWindow</name>
    <message>
        <source>Playground — LLMProxy</source>
        <translation>试验场 — LLMProxy</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>A model the gateway offers, or any model name or alias to try</source>
        <translation>网关提供的模型，或任意要尝试的模型名称或别名</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Re&amp;fresh models</source>
        <translation>刷新模型(&amp;F)</translation>
    </message>
    <message>
        <source>Ask the gateway again which models it offers</source>
        <translation>重新向网关查询其提供的模型</translation>
    </message>
    <message>
        <source>Refresh models</source>
        <translation>刷新模型</translation>
    </message>
    <message>
        <source>Model list status</source>
        <translation>模型列表状态</translation>
    </message>
    <message>
        <source>Gateway &amp;key:</source>
        <translation>网关密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>The gateway requires a client key: paste one of yours (kept only while this window is open)</source>
        <translation>网关需要客户端密钥：粘贴你的一个密钥（仅在此窗口打开期间保留）</translation>
    </message>
    <message>
        <source>Gateway key</source>
        <translation>网关密钥</translation>
    </message>
    <message>
        <source>S&amp;ystem prompt:</source>
        <translation>系统提示词(&amp;Y)：</translation>
    </message>
    <message>
        <source>Optional instructions sent as the system message</source>
        <translation>作为系统消息发送的可选指令</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>The prompts sent in this window and the answers, with the route, tokens, cost and security decisions of each</source>
        <translation>在此窗口中发送的提示词及其回答，并附带每次的路由、令牌、费用和安全决策</translation>
    </message>
    <message>
        <source>&amp;Prompt (Ctrl+Enter sends):</source>
        <translation>提示词（Ctrl+Enter 发送）(&amp;P)：</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Request status</source>
        <translation>请求状态</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <source>Forget the exchanges shown above</source>
        <translation>清除上方显示的对话</translation>
    </message>
    <message>
        <source>Clear conversation</source>
        <translation>清空对话</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop the answer now (the gateway cancels the upstream request)</source>
        <translation>立即停止回答（网关会取消上游请求）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Send the prompt through the gateway (Ctrl+Enter)</source>
        <translation>通过网关发送提示词（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>Settings — LLMProxy</source>
        <translation>设置 — LLMProxy</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>设置页面</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>登录时启动</translation>
    </message>
    <message>
        <source>Logging and data</source>
        <translation>日志和数据</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>Settings page</source>
        <translation>设置页面</translation>
    </message>
    <message>
        <source>Listening now</source>
        <translation>当前监听</translation>
    </message>
    <message>
        <source>&amp;Allow other machines on the local network</source>
        <translation>允许本地网络中的其他计算机(&amp;A)</translation>
    </message>
    <message>
        <source>Allow other machines on the local network</source>
        <translation>允许本地网络中的其他计算机</translation>
    </message>
    <message>
        <source>Listen on every network interface instead of this computer only</source>
        <translation>在所有网络接口上监听，而不仅限于本机</translation>
    </message>
    <message>
        <source>Listen &amp;address:</source>
        <translation>监听地址(&amp;D)：</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>An IP address of this computer: 0.0.0.0 is every IPv4 interface, :: every IPv6 one</source>
        <translation>本机的 IP 地址：0.0.0.0 表示所有 IPv4 接口，:: 表示所有 IPv6 接口</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>About the local network</source>
        <translation>关于本地网络</translation>
    </message>
    <message>
        <source>Server settings status</source>
        <translation>服务器设置状态</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>应用(&amp;Y)</translation>
    </message>
    <message>
        <source>Apply server settings</source>
        <translation>应用服务器设置</translation>
    </message>
    <message>
        <source>Write the listen address and port into the configuration file and reload it</source>
        <translation>将监听地址和端口写入配置文件并重新加载</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>撤销更改(&amp;U)</translation>
    </message>
    <message>
        <source>Undo server changes</source>
        <translation>撤销服务器更改</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>System follows the desktop, also when it switches between light and dark while LLMProxy runs. Light and Dark use the same colours on every desktop.</source>
        <translation>“系统”跟随桌面设置，LLMProxy 运行期间桌面在浅色与深色之间切换时也会跟随。“浅色”和“深色”在所有桌面上使用相同的颜色。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The windows change language at once. Log messages and the configuration file stay in English.</source>
        <translation>窗口会立即切换语言。日志消息和配置文件仍为英文。</translation>
    </message>
    <message>
        <source>&amp;Start LLMProxy when I log in</source>
        <translation>登录时启动 LLMProxy(&amp;S)</translation>
    </message>
    <message>
        <source>Start LLMProxy when I log in</source>
        <translation>登录时启动 LLMProxy</translation>
    </message>
    <message>
        <source>Where the login entry is kept</source>
        <translation>登录启动项的保存位置</translation>
    </message>
    <message>
        <source>Start at login status</source>
        <translation>登录时启动状态</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>级别(&amp;L)：</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>日志级别</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Log format</source>
        <translation>日志格式</translation>
    </message>
    <message>
        <source>Include request and response &amp;bodies</source>
        <translation>包含请求和响应正文(&amp;B)</translation>
    </message>
    <message>
        <source>Include request and response bodies</source>
        <translation>包含请求和响应正文</translation>
    </message>
    <message>
        <source>Prompts and answers appear in the log; API keys are always redacted</source>
        <translation>提示词和回答会出现在日志中；API 密钥始终会被隐去</translation>
    </message>
    <message>
        <source>Where the log goes</source>
        <translation>日志输出位置</translation>
    </message>
    <message>
        <source>Logging settings status</source>
        <translation>日志设置状态</translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation>应用(&amp;Y)</translation>
    </message>
    <message>
        <source>Apply logging settings</source>
        <translation>应用日志设置</translation>
    </message>
    <message>
        <source>Write the logging settings into the configuration file and reload it</source>
        <translation>将日志设置写入配置文件并重新加载</translation>
    </message>
    <message>
        <source>U&amp;ndo changes</source>
        <translation>撤销更改(&amp;N)</translation>
    </message>
    <message>
        <source>Undo logging changes</source>
        <translation>撤销日志更改</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Endpoints added in the window (registry.json), the guard switches (features.json) and today&apos;s spend (budget.json) are kept here.</source>
        <translation>在窗口中添加的端点（registry.json）、防护开关（features.json）和今日花费（budget.json）都保存在这里。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open the data directory</source>
        <translation>打开数据目录</translation>
    </message>
    <message>
        <source>Configuration text</source>
        <translation>配置文本</translation>
    </message>
    <message>
        <source>Problems in the configuration</source>
        <translation>配置中的问题</translation>
    </message>
    <message>
        <source>Choose a problem to go to its line</source>
        <translation>选择一个问题以跳转到其所在行</translation>
    </message>
    <message>
        <source>Configuration status</source>
        <translation>配置状态</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>验证(&amp;V)</translation>
    </message>
    <message>
        <source>Validate the configuration text</source>
        <translation>验证配置文本</translation>
    </message>
    <message>
        <source>Check the text as LLMProxy would load it, without saving</source>
        <translation>按 LLMProxy 加载的方式检查文本，但不保存</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Apply the configuration text</source>
        <translation>应用配置文本</translation>
    </message>
    <message>
        <source>Save the text (the previous file is kept as a backup) and reload it</source>
        <translation>保存文本（之前的文件会保留为备份）并重新加载</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>Revert to the file</source>
        <translation>还原为文件内容</translation>
    </message>
    <message>
        <source>Put the file&apos;s text back into the editor</source>
        <translation>将文件中的文本放回编辑器</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>关闭设置</translation>
    </message>
    <message>
        <source>Client keys</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>Clients send one of these keys to use the proxy. Keys created here are kept only as a digest: a key is shown once, when it is created. Keys from the configuration file are changed there.</source>
        <translation>客户端发送其中一个密钥即可使用代理。在此创建的密钥只保存摘要：密钥仅在创建时显示一次。来自配置文件的密钥需在配置文件中修改。</translation>
    </message>
    <message>
        <source>About client keys</source>
        <translation>关于客户端密钥</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Starts with</source>
        <translation>开头为</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Client keys status</source>
        <translation>客户端密钥状态</translation>
    </message>
    <message>
        <source>The key just created</source>
        <translation>刚创建的密钥</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>复制(&amp;O)</translation>
    </message>
    <message>
        <source>Copy the key just created</source>
        <translation>复制刚创建的密钥</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>New key name</source>
        <translation>新密钥名称</translation>
    </message>
    <message>
        <source>e.g. laptop or claude-code</source>
        <translation>例如 laptop 或 claude-code</translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation>创建密钥(&amp;C)</translation>
    </message>
    <message>
        <source>Create a client key</source>
        <translation>创建客户端密钥</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>吊销(&amp;R)</translation>
    </message>
    <message>
        <source>Revoke the selected key</source>
        <translation>吊销所选密钥</translation>
    </message>
</context>
<context>
    <name>ThreatsView</name>
    <message>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>The security guards are switched off: requests reach the providers unchecked. Switch them on in the Guards window.</source>
        <translation>安全防护已关闭：请求未经检查直接到达提供商。请在“安全防护”窗口中开启。</translation>
    </message>
    <message>
        <source>Requests scanned</source>
        <translation>已扫描请求</translation>
    </message>
    <message>
        <source>since start</source>
        <translation>自启动以来</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>已拦截</translation>
    </message>
    <message>
        <source>%1 % of scanned</source>
        <translation>占已扫描的 %1%</translation>
    </message>
    <message>
        <source>refused before the provider</source>
        <translation>在到达提供商之前被拒绝</translation>
    </message>
    <message>
        <source>PII and secrets masked</source>
        <translation>已遮盖的 PII 和机密</translation>
    </message>
    <message>
        <source>restored in the answers</source>
        <translation>在回答中还原</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>suspicious, let through</source>
        <translation>可疑，但已放行</translation>
    </message>
    <message>
        <source>Scan time (median)</source>
        <translation>扫描耗时（中位数）</translation>
    </message>
    <message>
        <source>p95 %1 · p99 %2</source>
        <translation>p95 %1 · p99 %2</translation>
    </message>
    <message>
        <source>per request, once one is scanned</source>
        <translation>每个请求的耗时，扫描首个请求后显示</translation>
    </message>
    <message>
        <source>By layer</source>
        <translation>按防护层</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>防护层</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>已遮盖</translation>
    </message>
</context>
<context>
    <name>llmproxy::AliasDialog</name>
    <message>
        <source>Add alias</source>
        <translation>添加别名</translation>
    </message>
    <message>
        <source>Edit alias</source>
        <translation>编辑别名</translation>
    </message>
    <message>
        <source>Alias name or pattern</source>
        <translation>别名名称或模式</translation>
    </message>
    <message>
        <source>e.g. fast or claude-*</source>
        <translation>例如 fast 或 claude-*</translation>
    </message>
    <message>
        <source>Target model</source>
        <translation>目标模型</translation>
    </message>
    <message>
        <source>Why the alias was not set</source>
        <translation>未能设置别名的原因</translation>
    </message>
    <message>
        <source>&amp;Name or pattern:</source>
        <translation>名称或模式(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Target model:</source>
        <translation>目标模型(&amp;T)：</translation>
    </message>
    <message>
        <source>A request for this name (or any name the pattern matches) is served by the target model. The target must be a model name, not a pattern.</source>
        <translation>对此名称（或与该模式匹配的任何名称）的请求由目标模型处理。目标必须是模型名称，而不能是模式。</translation>
    </message>
    <message>
        <source>Not set: %1</source>
        <translation>未设置：%1</translation>
    </message>
</context>
<context>
    <name>llmproxy::AnalyticsWindow</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供商</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>&amp;Spend per day</source>
        <translation>每日支出(&amp;S)</translation>
    </message>
    <message>
        <source>T&amp;okens per day</source>
        <translation>每日令牌(&amp;O)</translation>
    </message>
    <message>
        <source>Cost per re&amp;quest</source>
        <translation>每次请求成本(&amp;Q)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>输入令牌</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>输出令牌</translation>
    </message>
    <message>
        <source>Average cost per request (USD)</source>
        <translation>每次请求的平均成本（美元）</translation>
    </message>
    <message>
        <source>Cost per request</source>
        <translation>每次请求成本</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>成本（美元）</translation>
    </message>
    <message>
        <source>Estimated (USD)</source>
        <translation>估算（美元）</translation>
    </message>
    <message>
        <source>Total: $%1 · %2 requests · %3 tokens in · %4 tokens out · %5 per request</source>
        <translation>合计：$%1 · %2 次请求 · 输入令牌 %3 · 输出令牌 %4 · 每次请求 %5</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No spend recorded from %1 to %2.</source>
        <translation>%1 至 %2 期间没有记录到支出。</translation>
    </message>
    <message>
        <source>Spend from %1 to %2, days of %3 · updated %4</source>
        <translation>%1 至 %2 的支出，按 %3 计日 · 更新于 %4</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export spend as CSV</source>
        <translation>将支出导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Spend per month (USD) · %1</source>
        <translation>每月支出（美元）· %1</translation>
    </message>
    <message>
        <source>Spend per day (USD) · %1</source>
        <translation>每日支出（美元）· %1</translation>
    </message>
    <message>
        <source>Tokens per month</source>
        <translation>每月令牌</translation>
    </message>
    <message>
        <source>Tokens per day</source>
        <translation>每日令牌</translation>
    </message>
</context>
<context>
    <name>llmproxy::Autostart</name>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>无法创建 %1 所在的文件夹。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot change %1.</source>
        <translation>无法修改 %1。</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
</context>
<context>
    <name>llmproxy::BudgetGaugeBar</name>
    <message>
        <source>Global daily budget</source>
        <translation>全局每日预算</translation>
    </message>
    <message>
        <source>%1 spent of %2</source>
        <translation>已花费 %1 / %2</translation>
    </message>
    <message>
        <source>%1 spent, no limit</source>
        <translation>已花费 %1，无上限</translation>
    </message>
    <message>
        <source>%1 reserved</source>
        <translation>已预留 %1</translation>
    </message>
    <message>
        <source>warns at %1</source>
        <translation>达到 %1 时警告</translation>
    </message>
    <message>
        <source>resets %1 (%2)</source>
        <translation>于 %1（%2）重置</translation>
    </message>
    <message>
        <source>Key “%1”, this month</source>
        <translation>密钥“%1”，本月</translation>
    </message>
    <message>
        <source>Key “%1”, today</source>
        <translation>密钥“%1”，今天</translation>
    </message>
    <message>
        <source>Team “%1”, this month</source>
        <translation>团队“%1”，本月</translation>
    </message>
    <message>
        <source>Team “%1”, today</source>
        <translation>团队“%1”，今天</translation>
    </message>
    <message>
        <source>all gateways, as of %1</source>
        <translation>所有网关，截至 %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::CommandPalette</name>
    <message>
        <source>No command matches.</source>
        <translation>没有匹配的命令。</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>输入命令…</translation>
    </message>
    <message>
        <source>Filter commands</source>
        <translation>筛选命令</translation>
    </message>
    <message>
        <source>Type part of a command&apos;s name; Up and Down choose, Enter runs it, Escape closes.</source>
        <translation>输入命令名称的一部分；上下方向键选择，Enter 执行，Esc 关闭。</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>%1 (on)</source>
        <translation>%1（开）</translation>
    </message>
    <message>
        <source>%1 (off)</source>
        <translation>%1（关）</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>位于 %1</translation>
    </message>
</context>
<context>
    <name>llmproxy::ConnectToolDialog</name>
    <message>
        <source>Write config</source>
        <translation>写入配置</translation>
    </message>
    <message>
        <source>Undo the config change</source>
        <translation>撤销配置更改</translation>
    </message>
    <message>
        <source>Send a test request</source>
        <translation>发送测试请求</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>the key the tool sends</source>
        <translation>工具发送的密钥</translation>
    </message>
    <message>
        <source>a model the gateway serves</source>
        <translation>网关提供的模型</translation>
    </message>
    <message>
        <source>This gateway asks for a proxy key: enter one of its keys (LLM_PROXY_API_KEYS or a named client key).</source>
        <translation>此网关需要代理密钥：请输入它的一个密钥（LLM_PROXY_API_KEYS 或具名的客户端密钥）。</translation>
    </message>
    <message>
        <source>This gateway asks for no key; tools that insist on one get “%1”.</source>
        <translation>此网关不需要密钥；坚持要求密钥的工具会得到“%1”。</translation>
    </message>
    <message>
        <source>Claude Code speaks the Anthropic Messages API at the root URL. Name a model here, or map the Claude model names it asks for with model_aliases.</source>
        <translation>Claude Code 在根 URL 上使用 Anthropic Messages API。请在此指定模型，或用 model_aliases 映射它请求的 Claude 模型名称。</translation>
    </message>
    <message>
        <source>Codex speaks the OpenAI Responses API; LLMProxy becomes its model provider “llmproxy”. Codex Desktop signed in with ChatGPT ignores it.</source>
        <translation>Codex 使用 OpenAI Responses API；LLMProxy 会成为它的模型提供商“llmproxy”。使用 ChatGPT 登录的 Codex Desktop 会忽略它。</translation>
    </message>
    <message>
        <source>Cursor sends requests from its own servers: the gateway must be reachable from the internet (a tunnel or a public address, with proxy keys set). Enter that public URL above.</source>
        <translation>Cursor 从它自己的服务器发送请求：网关必须能从互联网访问（通过隧道或公网地址，并设置代理密钥）。请在上方输入该公网 URL。</translation>
    </message>
    <message>
        <source>Adds a model named “LLMProxy” to Continue&apos;s models; Continue reloads the file when it changes.</source>
        <translation>向 Continue 的模型中添加一个名为“LLMProxy”的模型；文件变化时 Continue 会重新加载。</translation>
    </message>
    <message>
        <source>The openai/ prefix tells Aider to use the OpenAI API; the model after it is what LLMProxy routes.</source>
        <translation>openai/ 前缀告诉 Aider 使用 OpenAI API；其后的模型就是 LLMProxy 要路由的模型。</translation>
    </message>
    <message>
        <source>In Cline&apos;s settings choose the API provider “OpenAI Compatible”.</source>
        <translation>在 Cline 的设置中选择 API 提供商“OpenAI Compatible”。</translation>
    </message>
    <message>
        <source>Zed does not discover models for this provider: the models listed here are written. Zed asks for the key in its Agent panel, or takes it from LLMPROXY_API_KEY.</source>
        <translation>Zed 不会自动发现此提供商的模型：这里列出的模型会被写入。Zed 会在其 Agent 面板中询问密钥，或从 LLMPROXY_API_KEY 读取。</translation>
    </message>
    <message>
        <source>VS Code&apos;s Custom Endpoint provider: chat and agent go through LLMProxy, completions stay with GitHub.</source>
        <translation>VS Code 的 Custom Endpoint 提供商：聊天和智能体经由 LLMProxy，代码补全仍由 GitHub 提供。</translation>
    </message>
    <message>
        <source>In %1 (Write config merges this into the file):</source>
        <translation>在 %1 中（“写入配置”会将其合并到文件中）：</translation>
    </message>
    <message>
        <source>Or from a shell:</source>
        <translation>或在 shell 中：</translation>
    </message>
    <message>
        <source>Then run:</source>
        <translation>然后运行：</translation>
    </message>
    <message>
        <source>In the tool&apos;s settings:</source>
        <translation>在该工具的设置中：</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy: %1</source>
        <translation>复制：%1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>%1 keeps these settings itself: copy them into it.</source>
        <translation>%1 自行保存这些设置：请将它们复制进去。</translation>
    </message>
    <message>
        <source>Choose a model first: %1 needs one.</source>
        <translation>请先选择模型：%1 需要一个模型。</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>未写入：%1</translation>
    </message>
    <message>
        <source>%1 already has these settings; nothing was written.</source>
        <translation>%1 已包含这些设置；未写入任何内容。</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>已创建 %1。</translation>
    </message>
    <message>
        <source>Changed %1; the previous file is saved as %2.</source>
        <translation>已修改 %1；之前的文件已保存为 %2。</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Not undone: %1</source>
        <translation>未撤销：%1</translation>
    </message>
    <message>
        <source>Removed %1, which LLMProxy had created.</source>
        <translation>已删除由 LLMProxy 创建的 %1。</translation>
    </message>
    <message>
        <source>Restored %1 as it was before.</source>
        <translation>已将 %1 恢复为之前的状态。</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>请先选择模型。</translation>
    </message>
    <message>
        <source>The gateway URL is not a valid http:// or https:// address.</source>
        <translation>网关 URL 不是有效的 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <source>Sending POST %1 as %2 would…</source>
        <translation>正在像 %2 那样发送 POST %1…</translation>
    </message>
    <message>
        <source>No answer from %1: %2</source>
        <translation>%1 没有响应：%2</translation>
    </message>
    <message>
        <source>HTTP %1 — it works. The model answered: “%2”</source>
        <translation>HTTP %1 — 工作正常。模型回答：“%2”</translation>
    </message>
    <message>
        <source>HTTP %1 — %2</source>
        <translation>HTTP %1 — %2</translation>
    </message>
    <message>
        <source>Require keys from every client?</source>
        <translation>要求所有客户端都提供密钥？</translation>
    </message>
    <message>
        <source>This gateway asks for no key today. Once a key exists, every client must send one: tools set up without a key stop working until they get one (create one for each, or add it to their configuration).

Create the key for %1?</source>
        <translation>此网关目前不需要任何密钥。一旦存在密钥，每个客户端都必须发送密钥：未配置密钥的工具将无法工作，直到它们获得密钥为止（为每个工具各创建一个，或将其添加到它们的配置中）。

要为 %1 创建密钥吗？</translation>
    </message>
    <message>
        <source>Created the client key “%1”. It is shown only now: the gateway keeps a digest. Write config puts it into the tool&apos;s configuration.</source>
        <translation>已创建客户端密钥“%1”。它只在此时显示：网关仅保存其摘要。“写入配置”会将它写入该工具的配置。</translation>
    </message>
</context>
<context>
    <name>llmproxy::DesktopShell</name>
    <message>
        <source>LLMProxy keeps running in the system tray. Choose Quit in its menu to stop it.</source>
        <translation>LLMProxy 会在系统托盘中继续运行。在其菜单中选择“退出”即可停止。</translation>
    </message>
    <message>
        <source>&amp;Open LLMProxy</source>
        <translation>打开 LLMProxy(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Pause proxy</source>
        <translation>暂停代理(&amp;P)</translation>
    </message>
    <message>
        <source>Answer inference requests with 503 until resumed</source>
        <translation>在恢复之前以 503 响应推理请求</translation>
    </message>
    <message>
        <source>&amp;Reload configuration</source>
        <translation>重新加载配置(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy base URL</source>
        <translation>复制基础 URL(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About LLMProxy</source>
        <translation>关于 LLMProxy(&amp;A)</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard.</source>
        <translation>已将 %1 复制到剪贴板。</translation>
    </message>
    <message>
        <source>About LLMProxy</source>
        <translation>关于 LLMProxy</translation>
    </message>
    <message>
        <source>&lt;b&gt;LLMProxy %1&lt;/b&gt;&lt;p&gt;A security gateway for LLM traffic: one OpenAI-compatible endpoint in front of local and hosted models.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;b&gt;LLMProxy %1&lt;/b&gt;&lt;p&gt;面向 LLM 流量的安全网关：在本地和托管模型之前提供一个兼容 OpenAI 的端点。&lt;/p&gt;&lt;p&gt;依据 GNU 通用公共许可证第 3 版或更高版本授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Stop all traffic</source>
        <translation>停止所有流量(&amp;S)</translation>
    </message>
    <message>
        <source>Kill switch: refuse every inference request at once, until you release it</source>
        <translation>紧急停止：立即拒绝每个推理请求，直到你解除它</translation>
    </message>
    <message>
        <source>Open &amp;configuration file</source>
        <translation>打开配置文件(&amp;C)</translation>
    </message>
    <message>
        <source>Edit the configuration file; Reload configuration applies it</source>
        <translation>编辑配置文件；“重新加载配置”会应用它</translation>
    </message>
    <message>
        <source>No configuration file is in use; start LLMProxy with --config FILE.</source>
        <translation>未使用配置文件；请使用 --config FILE 启动 LLMProxy。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>No application opens %1; edit it with any text editor.</source>
        <translation>没有应用程序可以打开 %1；请用任意文本编辑器编辑它。</translation>
    </message>
    <message>
        <source>Opened %1. Save it, then choose Reload configuration to apply it.</source>
        <translation>已打开 %1。保存后选择“重新加载配置”即可应用。</translation>
    </message>
    <message>
        <source>&amp;Threats</source>
        <translation>威胁(&amp;T)</translation>
    </message>
    <message>
        <source>What the security guards blocked, masked and flagged, and why</source>
        <translation>安全防护拦截、遮盖和标记了什么，以及原因</translation>
    </message>
    <message>
        <source>Security &amp;guards</source>
        <translation>安全防护(&amp;G)</translation>
    </message>
    <message>
        <source>Switch the security guards on or off</source>
        <translation>开启或关闭安全防护</translation>
    </message>
    <message>
        <source>Connect a &amp;tool…</source>
        <translation>连接工具(&amp;T)…</translation>
    </message>
    <message>
        <source>Point Claude Code, Codex, Cursor, Continue, Aider, Cline, Zed or Copilot at LLMProxy</source>
        <translation>让 Claude Code、Codex、Cursor、Continue、Aider、Cline、Zed 或 Copilot 使用 LLMProxy</translation>
    </message>
    <message>
        <source>P&amp;layground</source>
        <translation>试验场(&amp;L)</translation>
    </message>
    <message>
        <source>Send a prompt through the gateway and see the route, tokens, cost and security decisions</source>
        <translation>通过网关发送提示词，并查看路由、令牌、费用和安全决策</translation>
    </message>
    <message>
        <source>Command &amp;palette…</source>
        <translation>命令面板(&amp;P)…</translation>
    </message>
    <message>
        <source>Find and run any command by typing part of its name</source>
        <translation>输入名称的一部分即可查找并运行任意命令</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>设置(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;All endpoints…</source>
        <translation>所有端点(&amp;A)…</translation>
    </message>
    <message>
        <source>Add, edit, reorder, test and switch endpoints, and see each one&apos;s statistics</source>
        <translation>添加、编辑、排序、测试和启用/停用端点，并查看每个端点的统计信息</translation>
    </message>
    <message>
        <source>&amp;Models and routing</source>
        <translation>模型与路由(&amp;M)</translation>
    </message>
    <message>
        <source>Every model with its endpoints; aliases, fallback chains and route overrides</source>
        <translation>每个模型及其端点；别名、回退链和路由覆盖</translation>
    </message>
    <message>
        <source>Add a &amp;provider…</source>
        <translation>添加提供商(&amp;P)…</translation>
    </message>
    <message>
        <source>The setup wizard: a cloud provider with its key, or a model server on this computer</source>
        <translation>设置向导：带密钥的云提供商，或本机上的模型服务器</translation>
    </message>
    <message>
        <source>Listen address, client keys, theme, language, start at login, logging and the configuration file</source>
        <translation>监听地址、客户端密钥、主题、语言、登录时启动、日志和配置文件</translation>
    </message>
    <message>
        <source>Client &amp;keys…</source>
        <translation>客户端密钥(&amp;K)…</translation>
    </message>
    <message>
        <source>The keys clients send to use the proxy: create and revoke them</source>
        <translation>客户端使用代理时发送的密钥：创建和吊销密钥</translation>
    </message>
    <message>
        <source>Request &amp;history</source>
        <translation>请求历史(&amp;H)</translation>
    </message>
    <message>
        <source>Every request the gateway kept: search and filter them by status, period and key</source>
        <translation>网关保存的所有请求：可按状态、时间范围和密钥进行搜索和筛选</translation>
    </message>
    <message>
        <source>&amp;Analytics</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>Spend over time by model, provider, key or team; tokens, cost per request and budgets</source>
        <translation>按模型、提供商、密钥或团队查看随时间变化的支出；令牌、每次请求成本和预算</translation>
    </message>
    <message>
        <source>Audit and &amp;GDPR</source>
        <translation>审计与 GDPR(&amp;G)</translation>
    </message>
    <message>
        <source>Verify the audit chain; export or erase a person&apos;s data in the audit ledger</source>
        <translation>验证审计链；导出或删除审计账本中某个人的数据</translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointEditDialog</name>
    <message>
        <source>Edit endpoint %1</source>
        <translation>编辑端点 %1</translation>
    </message>
    <message>
        <source>This endpoint was added in LLMProxy: every setting can be changed here.</source>
        <translation>此端点是在 LLMProxy 中添加的：所有设置都可以在此更改。</translation>
    </message>
    <message>
        <source>This endpoint comes from %1. Only its priority and weight can be changed here; they are kept over the configured values, also after a restart. Change the other settings there.</source>
        <translation>此端点来自 %1。此处只能更改其优先级和权重；它们会覆盖配置的值，重启后也依然有效。其他设置请在那里更改。</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>提供商(&amp;P)：</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供商</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>基础 URL(&amp;B)：</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>&amp;Models:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Comma-separated; empty = any model</source>
        <translation>以逗号分隔；留空 = 任意模型</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Lower is preferred: requests go to the lowest priority that is up</source>
        <translation>数值越小越优先：请求会发往可用端点中优先级数值最小的那个</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>优先级(&amp;R)：</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Share of the requests among endpoints of the same priority</source>
        <translation>在相同优先级的端点之间分配请求的比例</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>权重(&amp;W)：</translation>
    </message>
    <message>
        <source>Key source</source>
        <translation>密钥来源</translation>
    </message>
    <message>
        <source>Keep the current key (%1)</source>
        <translation>保留当前密钥（%1）</translation>
    </message>
    <message>
        <source>The provider&apos;s usual variable</source>
        <translation>该提供商的常用变量</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Keychain entry</source>
        <translation>钥匙串条目</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Variable or keychain entry name</source>
        <translation>变量或钥匙串条目名称</translation>
    </message>
    <message>
        <source>Key &amp;name:</source>
        <translation>密钥名称(&amp;N)：</translation>
    </message>
    <message>
        <source>e.g. GROQ_API_KEY</source>
        <translation>例如 GROQ_API_KEY</translation>
    </message>
    <message>
        <source>e.g. llmproxy/groq</source>
        <translation>例如 llmproxy/groq</translation>
    </message>
    <message>
        <source>&amp;API version:</source>
        <translation>API 版本(&amp;A)：</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>Azure OpenAI only</source>
        <translation>仅限 Azure OpenAI</translation>
    </message>
    <message>
        <source>Input price per million tokens</source>
        <translation>每百万输入令牌的价格</translation>
    </message>
    <message>
        <source>&amp;Cost per 1M input tokens:</source>
        <translation>每 1M 输入令牌的费用(&amp;C)：</translation>
    </message>
    <message>
        <source>Check its health on a schedule</source>
        <translation>定期检查其健康状态</translation>
    </message>
    <message>
        <source>Why the change was refused</source>
        <translation>更改被拒绝的原因</translation>
    </message>
    <message>
        <source>Name the environment variable that holds the key.</source>
        <translation>请指定保存密钥的环境变量。</translation>
    </message>
    <message>
        <source>Name the keychain entry that holds the key.</source>
        <translation>请指定保存密钥的钥匙串条目。</translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointModel</name>
    <message>
        <source>any model</source>
        <translation>任意模型</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供商</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <source>Open — retrying with the next request</source>
        <translation>已熔断 — 下一个请求将重试</translation>
    </message>
    <message>
        <source>Open — retrying in %1 min</source>
        <translation>已熔断 — %1 分钟后重试</translation>
    </message>
    <message>
        <source>Open — retrying in %1 s</source>
        <translation>已熔断 — %1 秒后重试</translation>
    </message>
    <message>
        <source>Half-open — testing one request</source>
        <translation>半开 — 正在用一个请求测试</translation>
    </message>
    <message>
        <source>Enabled — failures in a row: %1</source>
        <translation>已启用 — 连续失败：%1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>From the configuration file</source>
        <translation>来自配置文件</translation>
    </message>
    <message>
        <source>From the environment</source>
        <translation>来自环境变量</translation>
    </message>
    <message>
        <source>Detected on this machine</source>
        <translation>在本机检测到</translation>
    </message>
    <message>
        <source>Added through the admin API</source>
        <translation>通过管理 API 添加</translation>
    </message>
    <message>
        <source>API key: set</source>
        <translation>API 密钥：已设置</translation>
    </message>
    <message>
        <source>API key: none</source>
        <translation>API 密钥：无</translation>
    </message>
    <message>
        <source>Untick to stop routing requests here.</source>
        <translation>取消勾选即可停止向此处转发请求。</translation>
    </message>
    <message>
        <source>Tick to route requests here again.</source>
        <translation>勾选即可重新向此处转发请求。</translation>
    </message>
    <message>
        <source>Serves any model it is asked for.</source>
        <translation>可处理所请求的任意模型。</translation>
    </message>
    <message>
        <source>Switched off: no request is routed here until it is enabled again.</source>
        <translation>已关闭：在重新启用之前，不会有请求转发到这里。</translation>
    </message>
    <message>
        <source>Circuit breaker open (failures in a row: %1): requests skip this endpoint until a test request succeeds.</source>
        <translation>熔断器已断开（连续失败：%1）：在一个测试请求成功之前，请求会跳过此端点。</translation>
    </message>
    <message>
        <source>Circuit breaker half-open: one test request is on its way; its success closes the breaker.</source>
        <translation>熔断器半开：一个测试请求正在进行；成功后熔断器将闭合。</translation>
    </message>
    <message>
        <source>Circuit breaker closed: requests are routed here.</source>
        <translation>熔断器闭合：请求会转发到这里。</translation>
    </message>
    <message>
        <source>The last health check succeeded.</source>
        <translation>最近一次健康检查成功。</translation>
    </message>
    <message>
        <source>The last health check failed.</source>
        <translation>最近一次健康检查失败。</translation>
    </message>
    <message>
        <source>Found running on this machine.</source>
        <translation>在本机上发现正在运行。</translation>
    </message>
    <message>
        <source>Health checks are off for this endpoint (probe: false).</source>
        <translation>此端点的健康检查已关闭（probe: false）。</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message>
        <source>No request has been answered yet.</source>
        <translation>尚未应答任何请求。</translation>
    </message>
    <message>
        <source>Requests: %1, failed: %2</source>
        <translation>请求：%1，失败：%2</translation>
    </message>
    <message>
        <source>Tick an endpoint to route requests to it, untick it to switch it off</source>
        <translation>勾选端点即可向其转发请求，取消勾选即可将其关闭</translation>
    </message>
    <message>
        <source>Enabled or disabled, and the state of the circuit breaker</source>
        <translation>已启用或已禁用，以及熔断器状态</translation>
    </message>
    <message>
        <source>Result of the last health check</source>
        <translation>最近一次健康检查的结果</translation>
    </message>
    <message>
        <source>Moving average of the time successful requests took</source>
        <translation>成功请求耗时的移动平均值</translation>
    </message>
    <message>
        <source>Moving average of the share of requests that succeeded</source>
        <translation>成功请求所占比例的移动平均值</translation>
    </message>
    <message>
        <source>Requests answered by this endpoint since LLMProxy started</source>
        <translation>自 LLMProxy 启动以来此端点应答的请求数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功率</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
</context>
<context>
    <name>llmproxy::EndpointsWindow</name>
    <message>
        <source>the configuration file (config.yaml)</source>
        <translation>配置文件（config.yaml）</translation>
    </message>
    <message>
        <source>the environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>local discovery</source>
        <translation>本地发现</translation>
    </message>
    <message>
        <source>this window or the admin API</source>
        <translation>此窗口或管理 API</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Open (retry in %1 s)</source>
        <translation>断开（%1 秒后重试）</translation>
    </message>
    <message>
        <source>Open (next request tries)</source>
        <translation>断开（下一个请求将尝试）</translation>
    </message>
    <message>
        <source>Half-open</source>
        <translation>半开</translation>
    </message>
    <message numerus="yes">
        <source>Closed (%n failure(s))</source>
        <translation>
            <numerusform>闭合（%n 次失败）</numerusform>
        </translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>闭合</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>不健康</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
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
        <translation>%2 出现 %1</translation>
    </message>
    <message>
        <source>keychain entry %1</source>
        <translation>钥匙串条目 %1</translation>
    </message>
    <message>
        <source>keychain entry %1 (no key found)</source>
        <translation>钥匙串条目 %1（未找到密钥）</translation>
    </message>
    <message>
        <source>variable %1</source>
        <translation>变量 %1</translation>
    </message>
    <message>
        <source>variable %1 (not set)</source>
        <translation>变量 %1（未设置）</translation>
    </message>
    <message>
        <source>a key in the configuration</source>
        <translation>配置中的密钥</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add an endpoint with the setup wizard</source>
        <translation>使用设置向导添加端点</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Change the selected endpoint&apos;s settings (Enter)</source>
        <translation>更改所选端点的设置（Enter）</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Remove the selected endpoint (only endpoints added in LLMProxy)</source>
        <translation>删除所选端点（仅限在 LLMProxy 中添加的端点）</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Prefer the selected endpoint over the one above it (changes priorities)</source>
        <translation>让所选端点优先于其上方的端点（会更改优先级）</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Prefer the endpoint below over the selected one (changes priorities)</source>
        <translation>让下方的端点优先于所选端点（会更改优先级）</translation>
    </message>
    <message>
        <source>&amp;Test now</source>
        <translation>立即测试(&amp;T)</translation>
    </message>
    <message>
        <source>Run the selected endpoint&apos;s health check now</source>
        <translation>立即对所选端点运行健康检查</translation>
    </message>
    <message>
        <source>&amp;Reset breaker</source>
        <translation>重置熔断器(&amp;R)</translation>
    </message>
    <message>
        <source>Close the circuit breaker: requests go to the endpoint again at once</source>
        <translation>闭合熔断器：请求会立即重新发往该端点</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供商</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Breaker</source>
        <translation>熔断器</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状态</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误数</translation>
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
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Every endpoint in routing order, lowest priority first. Enter edits the selected one, Delete removes it, the context menu has every action.</source>
        <translation>按路由顺序列出的所有端点，优先级数值最小的在前。按 Enter 编辑所选端点，按 Delete 删除，右键菜单中包含所有操作。</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>启用(&amp;N)</translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation>停用(&amp;B)</translation>
    </message>
    <message>
        <source>Route requests to the selected endpoint again</source>
        <translation>重新将请求路由到所选端点</translation>
    </message>
    <message>
        <source>Stop routing requests to the selected endpoint</source>
        <translation>停止将请求路由到所选端点</translation>
    </message>
    <message>
        <source>Comes from %1: disable it instead</source>
        <translation>来自 %1：请改为停用它</translation>
    </message>
    <message>
        <source>No endpoint yet. Add one to start routing requests.</source>
        <translation>还没有端点。添加一个端点即可开始路由请求。</translation>
    </message>
    <message>
        <source>Select an endpoint to see its statistics.</source>
        <translation>选择一个端点以查看其统计信息。</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>%1 — %2 at %3</source>
        <translation>%1 — %2，位于 %3</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>any model</source>
        <translation>任意模型</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>priority %1, weight %2, %3</source>
        <translation>优先级 %1，权重 %2，%3</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>熔断器</translation>
    </message>
    <message>
        <source>%1 (checked at %2)</source>
        <translation>%1（检查于 %2）</translation>
    </message>
    <message>
        <source>%1 answered, %2 failed, success rate %3 %</source>
        <translation>%1 个已响应，%2 个失败，成功率 %3 %</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message numerus="yes">
        <source>average %1; p50 %2, p95 %3 over its last %n request(s)</source>
        <translation>
            <numerusform>平均 %1；最近 %n 个请求的 p50 为 %2，p95 为 %3</numerusform>
        </translation>
    </message>
    <message>
        <source>no recent requests</source>
        <translation>没有最近的请求</translation>
    </message>
    <message>
        <source>none among the recent requests</source>
        <translation>最近的请求中没有</translation>
    </message>
    <message>
        <source>%1 changed.</source>
        <translation>已更改 %1。</translation>
    </message>
    <message>
        <source>%1 comes from %2 — disable it instead.</source>
        <translation>%1 来自 %2 — 请改为停用它。</translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>删除端点</translation>
    </message>
    <message>
        <source>Delete the endpoint %1? Requests already on it finish; new ones go elsewhere.</source>
        <translation>要删除端点 %1 吗？已在其上进行的请求会完成；新的请求会发往其他端点。</translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>%1 disabled.</source>
        <translation>已停用 %1。</translation>
    </message>
    <message>
        <source>%1 enabled.</source>
        <translation>已启用 %1。</translation>
    </message>
    <message>
        <source>%1 moved up.</source>
        <translation>已上移 %1。</translation>
    </message>
    <message>
        <source>%1 moved down.</source>
        <translation>已下移 %1。</translation>
    </message>
    <message>
        <source>Checking %1… its health shows in the table.</source>
        <translation>正在检查 %1… 其健康状态会显示在表格中。</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 closed.</source>
        <translation>%1 的熔断器已闭合。</translation>
    </message>
</context>
<context>
    <name>llmproxy::EngineController</name>
    <message>
        <source>A key name has 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>密钥名称由 1 到 64 个字母、数字、“.”、“_”或“-”组成。</translation>
    </message>
    <message>
        <source>A client key named “%1” exists already.</source>
        <translation>名为“%1”的客户端密钥已存在。</translation>
    </message>
    <message>
        <source>The key could not be created.</source>
        <translation>无法创建密钥。</translation>
    </message>
    <message>
        <source>The key “%1” comes from the configuration file; remove it there.</source>
        <translation>密钥“%1”来自配置文件；请在配置文件中删除它。</translation>
    </message>
    <message>
        <source>No client key is named “%1”.</source>
        <translation>没有名为“%1”的客户端密钥。</translation>
    </message>
    <message>
        <source>The request history is off: server.storage.enabled is false, or there is no data directory.</source>
        <translation>请求历史已关闭：server.storage.enabled 为 false，或没有数据目录。</translation>
    </message>
    <message>
        <source>The request history cannot be read: %1</source>
        <translation>无法读取请求历史：%1</translation>
    </message>
    <message>
        <source>Spend analytics need the store: server.storage.enabled is false, or there is no data directory.</source>
        <translation>支出分析需要存储：server.storage.enabled 为 false，或没有数据目录。</translation>
    </message>
    <message>
        <source>The first day of the range must not be after its last day.</source>
        <translation>范围的第一天不能晚于最后一天。</translation>
    </message>
    <message>
        <source>A report covers at most %1 days.</source>
        <translation>一份报告最多涵盖 %1 天。</translation>
    </message>
    <message>
        <source>The spend rollups cannot be read: %1</source>
        <translation>无法读取支出汇总：%1</translation>
    </message>
    <message>
        <source>The audit ledger is off: it needs the store (server.storage.enabled and a data directory).</source>
        <translation>审计账本已关闭：它需要存储（server.storage.enabled 和数据目录）。</translation>
    </message>
    <message>
        <source>The audit ledger is off: it needs a database and a ledger secret (LLM_PROXY_AUDIT_SECRET; see docs/audit.md).</source>
        <translation>审计账本已关闭：它需要数据库和账本密钥（LLM_PROXY_AUDIT_SECRET；参见 docs/audit.md）。</translation>
    </message>
    <message>
        <source>The audit ledger cannot be used: %1</source>
        <translation>无法使用审计账本：%1</translation>
    </message>
</context>
<context>
    <name>llmproxy::FallbackChainDialog</name>
    <message>
        <source>Add fallback chain</source>
        <translation>添加回退链</translation>
    </message>
    <message>
        <source>Edit fallback chain</source>
        <translation>编辑回退链</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Hops, tried in this order</source>
        <translation>跳，按此顺序尝试</translation>
    </message>
    <message>
        <source>Hop endpoint or provider</source>
        <translation>跳的端点或提供商</translation>
    </message>
    <message>
        <source>Hop model</source>
        <translation>跳的模型</translation>
    </message>
    <message>
        <source>the same model</source>
        <translation>相同模型</translation>
    </message>
    <message>
        <source>Add &amp;hop</source>
        <translation>添加跳(&amp;H)</translation>
    </message>
    <message>
        <source>Re&amp;move hop</source>
        <translation>移除跳(&amp;M)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Why the chain was not set</source>
        <translation>未能设置回退链的原因</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>Hops, tried in this order when every endpoint of the model fails:</source>
        <translation>当该模型的所有端点都失败时，按此顺序尝试的跳：</translation>
    </message>
    <message>
        <source>&amp;Endpoint or provider:</source>
        <translation>端点或提供商(&amp;E)：</translation>
    </message>
    <message>
        <source>M&amp;odel:</source>
        <translation>模型(&amp;O)：</translation>
    </message>
    <message>
        <source>Choose the endpoint or provider of the hop first.</source>
        <translation>请先选择该跳的端点或提供商。</translation>
    </message>
    <message>
        <source>Not set: %1</source>
        <translation>未设置：%1</translation>
    </message>
</context>
<context>
    <name>llmproxy::FirstRunWizard</name>
    <message>
        <source>Where should requests go?</source>
        <translation>请求应发往哪里？</translation>
    </message>
    <message>
        <source>Choose a cloud provider, or a model server running on this computer.</source>
        <translation>选择一个云提供商，或在本机上运行的模型服务器。</translation>
    </message>
    <message>
        <source>A &amp;cloud provider</source>
        <translation>云提供商(&amp;C)</translation>
    </message>
    <message>
        <source>Use a cloud provider</source>
        <translation>使用云提供商</translation>
    </message>
    <message>
        <source>Cloud provider</source>
        <translation>云提供商</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>A &amp;local server on this computer</source>
        <translation>本机上的本地服务器(&amp;L)</translation>
    </message>
    <message>
        <source>Use a local server</source>
        <translation>使用本地服务器</translation>
    </message>
    <message>
        <source>Local servers found</source>
        <translation>找到的本地服务器</translation>
    </message>
    <message>
        <source>&amp;Scan again</source>
        <translation>重新扫描(&amp;S)</translation>
    </message>
    <message>
        <source>Scan again for local servers</source>
        <translation>重新扫描本地服务器</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>提供商(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>基础 URL(&amp;B)：</translation>
    </message>
    <message>
        <source>https://… (this provider needs your own URL)</source>
        <translation>https://…（此提供商需要你自己的 URL）</translation>
    </message>
    <message>
        <source>Get a key at &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>在 &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; 获取密钥</translation>
    </message>
    <message>
        <source>Looking for Ollama, LM Studio, vLLM and llama.cpp on this computer…</source>
        <translation>正在本机上查找 Ollama、LM Studio、vLLM 和 llama.cpp…</translation>
    </message>
    <message>
        <source>no models yet</source>
        <translation>暂无模型</translation>
    </message>
    <message>
        <source>%1 at %2 — %3</source>
        <translation>%1，位于 %2 — %3</translation>
    </message>
    <message>
        <source>Loaded now: %1</source>
        <translation>当前已加载：%1</translation>
    </message>
    <message>
        <source>No local model server is running.</source>
        <translation>没有正在运行的本地模型服务器。</translation>
    </message>
    <message numerus="yes">
        <source>Found %n local server(s).</source>
        <translation>
            <numerusform>找到 %n 个本地服务器。</numerusform>
        </translation>
    </message>
    <message>
        <source>LLMProxy sends this key to %1 with every request it forwards there.</source>
        <translation>LLMProxy 转发到 %1 的每个请求都会附带此密钥。</translation>
    </message>
    <message>
        <source>Storing the key in the system keychain…</source>
        <translation>正在将密钥存储到系统钥匙串…</translation>
    </message>
    <message>
        <source>The key is in the system keychain as &quot;%1&quot;.</source>
        <translation>密钥已存储在系统钥匙串中，名称为“%1”。</translation>
    </message>
    <message>
        <source>The system keychain could not store the key: %1&lt;br&gt;There may be no keychain service on this computer. Use an environment variable instead: set it before LLMProxy starts; the key is not written anywhere by LLMProxy.</source>
        <translation>系统钥匙串无法存储密钥：%1&lt;br&gt;本机可能没有钥匙串服务。请改用环境变量：在 LLMProxy 启动前设置它；LLMProxy 不会将密钥写入任何地方。</translation>
    </message>
    <message>
        <source>Set %1 in the environment LLMProxy starts in. The key you paste above is only used to fetch the model list now; it is not saved.</source>
        <translation>请在 LLMProxy 启动时所在的环境中设置 %1。你在上方粘贴的密钥仅用于现在获取模型列表，不会被保存。</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Check the models LLMProxy should send to this endpoint.</source>
        <translation>勾选 LLMProxy 应发送到此端点的模型。</translation>
    </message>
    <message>
        <source>Model list status</source>
        <translation>模型列表状态</translation>
    </message>
    <message>
        <source>Model name to add</source>
        <translation>要添加的模型名称</translation>
    </message>
    <message>
        <source>Another model name</source>
        <translation>其他模型名称</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add the model</source>
        <translation>添加该模型</translation>
    </message>
    <message>
        <source>%1 serves these models.</source>
        <translation>%1 提供以下模型。</translation>
    </message>
    <message>
        <source>Without the key here, the model list cannot be fetched: type the model names.</source>
        <translation>此处没有密钥，无法获取模型列表：请输入模型名称。</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>正在向 %1 查询其模型…</translation>
    </message>
    <message>
        <source>The provider lists no models: type the model names.</source>
        <translation>该提供商未列出任何模型：请输入模型名称。</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) available.</source>
        <translation>
            <numerusform>有 %n 个模型可用。</numerusform>
        </translation>
    </message>
    <message>
        <source>The model list could not be fetched: %1&lt;br&gt;You can still type model names below.</source>
        <translation>无法获取模型列表：%1&lt;br&gt;你仍可以在下方输入模型名称。</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>LLMProxy adds the endpoint and sends it a short real request.</source>
        <translation>LLMProxy 会添加该端点，并向其发送一个简短的真实请求。</translation>
    </message>
    <message>
        <source>Model to test</source>
        <translation>要测试的模型</translation>
    </message>
    <message>
        <source>Test &amp;again</source>
        <translation>再次测试(&amp;A)</translation>
    </message>
    <message>
        <source>Send the test request again</source>
        <translation>再次发送测试请求</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>测试结果</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>Adding the endpoint &quot;%1&quot;…</source>
        <translation>正在添加端点“%1”…</translation>
    </message>
    <message>
        <source>The endpoint could not be added: %1</source>
        <translation>无法添加端点：%1</translation>
    </message>
    <message>
        <source>Sending a test request to %1…</source>
        <translation>正在向 %1 发送测试请求…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>It works. The model answered in %1:&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;</source>
        <translation>运行正常。模型在 %1 内作出回答：&lt;br&gt;&lt;i&gt;%2&lt;/i&gt;</translation>
    </message>
    <message>
        <source>The provider refused the key. Go Back to fix it.</source>
        <translation>提供商拒绝了该密钥。请点击“上一步”进行修正。</translation>
    </message>
    <message>
        <source>Go Back to change the settings, or Test again.</source>
        <translation>请点击“上一步”更改设置，或点击“再次测试”。</translation>
    </message>
    <message>
        <source>The request failed: %1&lt;br&gt;%2</source>
        <translation>请求失败：%1&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>none (local server)</source>
        <translation>无（本地服务器）</translation>
    </message>
    <message>
        <source>system keychain, entry &quot;%1&quot;</source>
        <translation>系统钥匙串，条目“%1”</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>环境变量 %1</translation>
    </message>
    <message>
        <source>Endpoint &lt;b&gt;%1&lt;/b&gt;: %2 at %3&lt;br&gt;Models: %4&lt;br&gt;Key: %5&lt;br&gt;It is saved and listed in the main window; the Endpoints window changes it later.</source>
        <translation>端点 &lt;b&gt;%1&lt;/b&gt;：%2，位于 %3&lt;br&gt;模型：%4&lt;br&gt;密钥：%5&lt;br&gt;它已保存并列在主窗口中；以后可在“端点”窗口中更改。</translation>
    </message>
    <message>
        <source>Set up LLMProxy</source>
        <translation>设置 LLMProxy</translation>
    </message>
    <message>
        <source>First-run wizard</source>
        <translation>首次运行向导</translation>
    </message>
</context>
<context>
    <name>llmproxy::GuardsWindow</name>
    <message>
        <source>On</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Switched off by %1 in the environment: the environment wins, so it cannot be switched on here.</source>
        <translation>已被环境变量 %1 关闭：环境变量优先，因此无法在此开启。</translation>
    </message>
    <message>
        <source>Needs a signing key: set LLM_PROXY_SIGNING_KEY and restart LLMProxy.</source>
        <translation>需要签名密钥：请设置 LLM_PROXY_SIGNING_KEY 并重启 LLMProxy。</translation>
    </message>
    <message>
        <source>Switched off in the configuration file (%1).</source>
        <translation>已在配置文件中关闭（%1）。</translation>
    </message>
    <message>
        <source>Switched on here, as in the configuration.</source>
        <translation>已在此开启，与配置一致。</translation>
    </message>
    <message>
        <source>Switched off here, as in the configuration.</source>
        <translation>已在此关闭，与配置一致。</translation>
    </message>
    <message>
        <source>Switched on here; the configuration says off.</source>
        <translation>已在此开启；配置为关闭。</translation>
    </message>
    <message>
        <source>Switched off here; the configuration says on.</source>
        <translation>已在此关闭；配置为开启。</translation>
    </message>
    <message>
        <source>Not running while the security guards are switched off.</source>
        <translation>安全防护关闭期间不运行。</translation>
    </message>
    <message>
        <source>%1 scanned · %2 blocked</source>
        <translation>已扫描 %1 · 已拦截 %2</translation>
    </message>
    <message>
        <source>%1 state</source>
        <translation>%1 状态</translation>
    </message>
    <message>
        <source>%1 counters</source>
        <translation>%1 计数</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>%1 enabled</source>
        <translation>%1 已启用</translation>
    </message>
    <message>
        <source>Back to configuration</source>
        <translation>恢复为配置</translation>
    </message>
    <message>
        <source>%1: back to configuration</source>
        <translation>%1：恢复为配置</translation>
    </message>
    <message>
        <source>The guards switched on below inspect every request and answer.</source>
        <translation>下方已开启的防护会检查每个请求和回答。</translation>
    </message>
    <message>
        <source>Requests reach the providers unchecked.</source>
        <translation>请求未经检查直接到达提供商。</translation>
    </message>
    <message>
        <source>The configuration switches the security guards on.</source>
        <translation>配置开启了安全防护。</translation>
    </message>
    <message>
        <source>The configuration switches the security guards off.</source>
        <translation>配置关闭了安全防护。</translation>
    </message>
    <message>
        <source>Switched on here; the configuration (security.enabled) says off.</source>
        <translation>已在此开启；配置（security.enabled）为关闭。</translation>
    </message>
    <message>
        <source>Switched off here; the configuration (security.enabled) says on.</source>
        <translation>已在此关闭；配置（security.enabled）为开启。</translation>
    </message>
    <message>
        <source>Switched off in the configuration (security.enabled: false).</source>
        <translation>已在配置中关闭（security.enabled: false）。</translation>
    </message>
    <message>
        <source>%1 requests scanned, %2 blocked. Scan time per request: median %3, p95 %4, p99 %5.</source>
        <translation>已扫描 %1 个请求，拦截 %2 个。每个请求的扫描耗时：中位数 %3，p95 %4，p99 %5。</translation>
    </message>
    <message>
        <source>Running now.</source>
        <translation>正在运行。</translation>
    </message>
    <message>
        <source>Not running: the security guards are switched off.</source>
        <translation>未运行：安全防护已关闭。</translation>
    </message>
    <message>
        <source>Not running.</source>
        <translation>未运行。</translation>
    </message>
    <message>
        <source>%1 masked · %2 flagged</source>
        <translation>已遮盖 %1 · 已标记 %2</translation>
    </message>
    <message>
        <source>Switch %1 on or off now</source>
        <translation>立即开启或关闭 %1</translation>
    </message>
    <message>
        <source>The configuration switches it on.</source>
        <translation>配置将其开启。</translation>
    </message>
    <message>
        <source>The configuration switches it off.</source>
        <translation>配置将其关闭。</translation>
    </message>
</context>
<context>
    <name>llmproxy::HistoryWindow</name>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Successful (2xx)</source>
        <translation>成功（2xx）</translation>
    </message>
    <message>
        <source>Client errors (4xx)</source>
        <translation>客户端错误（4xx）</translation>
    </message>
    <message>
        <source>Server errors (5xx)</source>
        <translation>服务器错误（5xx）</translation>
    </message>
    <message>
        <source>Blocked by a guard</source>
        <translation>被安全防护拦截</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>(stream)</source>
        <translation>（流式）</translation>
    </message>
    <message>
        <source>Client API</source>
        <translation>客户端 API</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Model asked for</source>
        <translation>请求的模型</translation>
    </message>
    <message>
        <source>Model served</source>
        <translation>实际提供的模型</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供商</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>拦截的防护</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>首个令牌耗时</translation>
    </message>
    <message>
        <source>Gateway overhead</source>
        <translation>网关开销</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>输入令牌</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>输出令牌</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>(estimated)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No stored request matches.</source>
        <translation>没有匹配的已存储请求。</translation>
    </message>
    <message>
        <source>Matching requests: %1</source>
        <translation>匹配的请求：%1</translation>
    </message>
    <message>
        <source>shown: %1</source>
        <translation>已显示：%1</translation>
    </message>
    <message>
        <source>the first %1 only: narrow the filters to see the others</source>
        <translation>仅显示前 %1 条：缩小筛选范围以查看其余请求</translation>
    </message>
    <message>
        <source>scroll down for more</source>
        <translation>向下滚动以查看更多</translation>
    </message>
</context>
<context>
    <name>llmproxy::MainWindow</name>
    <message>
        <source>Copy base URL</source>
        <translation>复制基础 URL</translation>
    </message>
    <message>
        <source>Copy example commands</source>
        <translation>复制示例命令</translation>
    </message>
    <message>
        <source>&amp;Proxy</source>
        <translation>代理(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>未监听</translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation>未监听</translation>
    </message>
    <message>
        <source>The proxy is not accepting connections.</source>
        <translation>代理未在接受连接。</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Inference requests are answered with 503 until you resume the proxy.</source>
        <translation>在你恢复代理之前，推理请求将收到 503。</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>初始设置</translation>
    </message>
    <message>
        <source>No endpoint is configured: inference requests are answered with 503.</source>
        <translation>未配置端点：推理请求将收到 503。</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Forwarding requests to the configured endpoints.</source>
        <translation>正在将请求转发到已配置的端点。</translation>
    </message>
    <message>
        <source>Create a configuration file with an &lt;code&gt;endpoints:&lt;/code&gt; section and start LLMProxy with &lt;code&gt;--config FILE&lt;/code&gt;.</source>
        <translation>创建一个包含 &lt;code&gt;endpoints:&lt;/code&gt; 部分的配置文件，并使用 &lt;code&gt;--config 文件&lt;/code&gt; 启动 LLMProxy。</translation>
    </message>
    <message>
        <source>Or set &lt;code&gt;LLM_PROXY_ENDPOINT_&amp;lt;NAME&amp;gt;_URL&lt;/code&gt;, &lt;code&gt;_MODELS&lt;/code&gt;, &lt;code&gt;_KEY&lt;/code&gt; and &lt;code&gt;_PROVIDER&lt;/code&gt; in the environment or in a &lt;code&gt;.env&lt;/code&gt; file, and restart LLMProxy.</source>
        <translation>或者在环境变量或 &lt;code&gt;.env&lt;/code&gt; 文件中设置 &lt;code&gt;LLM_PROXY_ENDPOINT_&amp;lt;NAME&amp;gt;_URL&lt;/code&gt;、&lt;code&gt;_MODELS&lt;/code&gt;、&lt;code&gt;_KEY&lt;/code&gt; 和 &lt;code&gt;_PROVIDER&lt;/code&gt;，然后重启 LLMProxy。</translation>
    </message>
    <message>
        <source>Or start a local server (Ollama, LM Studio, vLLM, llama.cpp) on its default port: LLMProxy detects it and offers it as an endpoint.</source>
        <translation>或者在默认端口上启动本地服务器（Ollama、LM Studio、vLLM、llama.cpp）：LLMProxy 会检测到它并将其作为端点提供。</translation>
    </message>
    <message>
        <source>No endpoint is configured yet.</source>
        <translation>尚未配置任何端点。</translation>
    </message>
    <message>
        <source>Requests to the proxy are answered with 503 until you add one:</source>
        <translation>在你添加端点之前，发往代理的请求将收到 503：</translation>
    </message>
    <message>
        <source>Configuration reloaded.</source>
        <translation>配置已重新加载。</translation>
    </message>
    <message>
        <source>Configuration reloaded: %1</source>
        <translation>配置已重新加载：%1</translation>
    </message>
    <message>
        <source>Reload failed, still using the previous configuration: %1</source>
        <translation>重新加载失败，仍在使用之前的配置：%1</translation>
    </message>
    <message>
        <source>Example copied to the clipboard.</source>
        <translation>示例已复制到剪贴板。</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>已启用(&amp;E)</translation>
    </message>
    <message>
        <source>Configured and detected endpoints with their state, health, latency and success rate. The check box of a row switches the endpoint on or off.</source>
        <translation>已配置和检测到的端点及其状态、健康状态、延迟和成功率。每行的复选框用于启用或关闭该端点。</translation>
    </message>
    <message>
        <source>Route requests to the selected endpoint</source>
        <translation>向所选端点转发请求</translation>
    </message>
    <message>
        <source>E&amp;ndpoint</source>
        <translation>端点(&amp;N)</translation>
    </message>
    <message>
        <source>Traffic stopped</source>
        <translation>流量已停止</translation>
    </message>
    <message>
        <source>Kill switch on: every inference request is refused with 503 until you resume traffic.</source>
        <translation>紧急停止已开启：在你恢复流量之前，每个推理请求都会以 503 被拒绝。</translation>
    </message>
    <message>
        <source>No endpoint enabled</source>
        <translation>没有启用的端点</translation>
    </message>
    <message>
        <source>Every endpoint is switched off: inference requests are answered with 503 until you tick one in the endpoint list.</source>
        <translation>所有端点均已关闭：在端点列表中勾选一个之前，推理请求都会得到 503。</translation>
    </message>
    <message>
        <source>Endpoints down</source>
        <translation>端点不可用</translation>
    </message>
    <message>
        <source>Every enabled endpoint is failing (circuit breaker open or health check failed): requests fail until one recovers.</source>
        <translation>所有已启用的端点都在失败（熔断器打开或健康检查失败）：在其中一个恢复之前，请求都会失败。</translation>
    </message>
    <message>
        <source>Add an endpoint under &lt;code&gt;endpoints:&lt;/code&gt; in %1 (&lt;i&gt;Open configuration file&lt;/i&gt; creates it with examples), save it, then choose &lt;i&gt;Reload configuration&lt;/i&gt; (%2): it applies the file without a restart.</source>
        <translation>在 %1 的 &lt;code&gt;endpoints:&lt;/code&gt; 下添加一个端点（&lt;i&gt;打开配置文件&lt;/i&gt;会创建带示例的文件），保存后选择&lt;i&gt;重新加载配置&lt;/i&gt;（%2）：无需重启即可应用该文件。</translation>
    </message>
    <message>
        <source>%1 requests missing from the log</source>
        <translation>日志中缺少 %1 个请求</translation>
    </message>
    <message>
        <source>The log could not keep up: these requests were served but are not listed (the proxy&apos;s log output counts them too).</source>
        <translation>日志未能跟上：这些请求已处理但未列出（代理的日志输出也会统计它们）。</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>安全(&amp;S)</translation>
    </message>
</context>
<context>
    <name>llmproxy::ModelsWindow</name>
    <message>
        <source>up</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>down</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>health unknown</source>
        <translation>健康状态未知</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Changed here</source>
        <translation>在此更改</translation>
    </message>
    <message>
        <source>config.yaml</source>
        <translation>config.yaml</translation>
    </message>
    <message>
        <source>alias of %1</source>
        <translation>%1 的别名</translation>
    </message>
    <message>
        <source>(any model)</source>
        <translation>（任意模型）</translation>
    </message>
    <message>
        <source>No enabled endpoint serves a model yet.</source>
        <translation>还没有已启用的端点提供模型。</translation>
    </message>
    <message>
        <source>As requested</source>
        <translation>按请求</translation>
    </message>
    <message>
        <source>Any endpoint</source>
        <translation>任意端点</translation>
    </message>
    <message>
        <source>Alias %1 → %2 set.</source>
        <translation>已设置别名 %1 → %2。</translation>
    </message>
    <message>
        <source>Alias %1 removed.</source>
        <translation>已移除别名 %1。</translation>
    </message>
    <message>
        <source>Fallback chain of %1 set.</source>
        <translation>已设置 %1 的回退链。</translation>
    </message>
    <message>
        <source>Fallback chain of %1 removed.</source>
        <translation>已移除 %1 的回退链。</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>未更改：%1</translation>
    </message>
    <message>
        <source>These requests go to the model they ask for.</source>
        <translation>这些请求会发往它们所请求的模型。</translation>
    </message>
    <message>
        <source>These requests now go to %1.</source>
        <translation>这些请求现在会发往 %1。</translation>
    </message>
    <message>
        <source>These requests now go to %1 on %2 first.</source>
        <translation>这些请求现在会优先发往 %2 上的 %1。</translation>
    </message>
    <message>
        <source>Revert all changes made here</source>
        <translation>还原在此所做的所有更改</translation>
    </message>
    <message>
        <source>Drop every alias, fallback chain and route override changed in this window or through the admin API? The configuration file&apos;s routing applies again.</source>
        <translation>要丢弃在此窗口中或通过管理 API 更改的所有别名、回退链和路由覆盖吗？配置文件中的路由将重新生效。</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>The configuration file&apos;s routing applies again.</source>
        <translation>配置文件中的路由已重新生效。</translation>
    </message>
    <message>
        <source>Name or pattern</source>
        <translation>名称或模式</translation>
    </message>
    <message>
        <source>Target model</source>
        <translation>目标模型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Hops</source>
        <translation>跳</translation>
    </message>
</context>
<context>
    <name>llmproxy::PlaygroundWindow</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Choose a model, type a prompt and press Send: the request goes through the gateway like any client&apos;s, and the answer streams in here with the route it took, its tokens, cost and any security decision.</source>
        <translation>选择模型、输入提示词并点击“发送”：请求会像任何客户端的请求一样经过网关，回答会以流式方式显示在这里，并附带它经过的路由、令牌、费用以及任何安全决策。</translation>
    </message>
    <message>
        <source>The gateway is not listening, so it offers no models.</source>
        <translation>网关未在监听，因此不提供任何模型。</translation>
    </message>
    <message>
        <source>Asking the gateway for its models…</source>
        <translation>正在向网关查询模型…</translation>
    </message>
    <message>
        <source>The gateway requires a client key: enter one of its keys above.</source>
        <translation>网关需要客户端密钥：请在上方输入它的一个密钥。</translation>
    </message>
    <message>
        <source>The gateway refused this key: %1</source>
        <translation>网关拒绝了此密钥：%1</translation>
    </message>
    <message>
        <source>Cannot list the gateway&apos;s models: %1</source>
        <translation>无法列出网关的模型：%1</translation>
    </message>
    <message>
        <source>The gateway offers no model yet: add an endpoint to the configuration.</source>
        <translation>网关尚未提供任何模型：请在配置中添加端点。</translation>
    </message>
    <message>
        <source>1 model offered by the gateway at %1.</source>
        <translation>%1 处的网关提供了 1 个模型。</translation>
    </message>
    <message>
        <source>%1 models offered by the gateway at %2.</source>
        <translation>%2 处的网关提供了 %1 个模型。</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>请先选择模型。</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>请先输入提示词。</translation>
    </message>
    <message>
        <source>The gateway is not listening, so nothing can be sent. Check the main window&apos;s state.</source>
        <translation>网关未在监听，因此无法发送任何内容。请检查主窗口中的状态。</translation>
    </message>
    <message>
        <source>You → %1</source>
        <translation>你 → %1</translation>
    </message>
    <message>
        <source>System: %1</source>
        <translation>系统：%1</translation>
    </message>
    <message>
        <source>Waiting for %1…</source>
        <translation>正在等待 %1…</translation>
    </message>
    <message>
        <source>Streaming from %1…</source>
        <translation>正在从 %1 接收流…</translation>
    </message>
    <message>
        <source>Collecting the gateway&apos;s figures…</source>
        <translation>正在收集网关的统计数据…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Stopped after %1.</source>
        <translation>%1 后停止。</translation>
    </message>
    <message>
        <source>Answered in %1.</source>
        <translation>用时 %1 完成回答。</translation>
    </message>
    <message>
        <source>Route: none (answered by the gateway itself)</source>
        <translation>路由：无（由网关自身回答）</translation>
    </message>
    <message>
        <source>Route: endpoint %1</source>
        <translation>路由：端点 %1</translation>
    </message>
    <message>
        <source>Route: endpoint %1 (%2)</source>
        <translation>路由：端点 %1（%2）</translation>
    </message>
    <message>
        <source>serving %1</source>
        <translation>实际模型 %1</translation>
    </message>
    <message>
        <source>after %1 attempts</source>
        <translation>经过 %1 次尝试</translation>
    </message>
    <message>
        <source>Tokens: %1 in, %2 out</source>
        <translation>令牌：输入 %1，输出 %2</translation>
    </message>
    <message>
        <source>Tokens: not reported</source>
        <translation>令牌：未报告</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>费用：%1</translation>
    </message>
    <message>
        <source>Cost: unknown (no usage or no price for this model)</source>
        <translation>费用：未知（没有用量数据或此模型没有价格）</translation>
    </message>
    <message>
        <source>Gateway overhead before the answer began: %1</source>
        <translation>回答开始前的网关开销：%1</translation>
    </message>
    <message>
        <source>Gateway overhead: %1 (%2 before the answer began)</source>
        <translation>网关开销：%1（回答开始前 %2）</translation>
    </message>
    <message>
        <source>Gateway overhead: %1</source>
        <translation>网关开销：%1</translation>
    </message>
    <message>
        <source>First token: %1</source>
        <translation>首个令牌：%1</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>总计：%1</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>请求 %1</translation>
    </message>
    <message>
        <source>Security: blocked by %1, code %2%3</source>
        <translation>安全：被 %1 拦截，代码 %2%3</translation>
    </message>
    <message>
        <source>Security: 1 value masked before the request left (%1)</source>
        <translation>安全：请求发出前已遮盖 1 个值（%1）</translation>
    </message>
    <message>
        <source>Security: %1 values masked before the request left (%2)</source>
        <translation>安全：请求发出前已遮盖 %1 个值（%2）</translation>
    </message>
    <message>
        <source>Security: values masked by %1%2</source>
        <translation>安全：%1 遮盖了值%2</translation>
    </message>
    <message>
        <source>Security: flagged by %1, %2%3</source>
        <translation>安全：被 %1 标记，%2%3</translation>
    </message>
    <message>
        <source>Security: blocked by %1, code %2</source>
        <translation>安全：被 %1 拦截，代码 %2</translation>
    </message>
    <message>
        <source>Blocked by the gateway&apos;s security guards (%1): %2 (code %3, HTTP %4).</source>
        <translation>被网关的安全防护拦截（%1）：%2（代码 %3，HTTP %4）。</translation>
    </message>
    <message>
        <source>The gateway answered HTTP %1: %2 (code %3).</source>
        <translation>网关返回 HTTP %1：%2（代码 %3）。</translation>
    </message>
    <message>
        <source>The answer stopped with an error: %1 (code %2).</source>
        <translation>回答因错误而中止：%1（代码 %2）。</translation>
    </message>
    <message>
        <source>Cannot reach the gateway at %1: %2. Is the proxy running and listening?</source>
        <translation>无法连接到 %1 处的网关：%2。代理是否正在运行并监听？</translation>
    </message>
    <message>
        <source>The connection to the gateway broke: %1.</source>
        <translation>与网关的连接已中断：%1。</translation>
    </message>
    <message>
        <source>The stream ended without its final [DONE] event: the answer may be incomplete.</source>
        <translation>流在没有最终 [DONE] 事件的情况下结束：回答可能不完整。</translation>
    </message>
</context>
<context>
    <name>llmproxy::RequestLogModel</name>
    <message>
        <source>%1 (stream)</source>
        <translation>%1（流式）</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>请求 %1</translation>
    </message>
    <message>
        <source>Client key: %1</source>
        <translation>客户端密钥：%1</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>端点：%1</translation>
    </message>
    <message>
        <source>Gateway overhead: %1 ms</source>
        <translation>网关开销：%1 毫秒</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>延迟（毫秒）</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>输入令牌</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>输出令牌</translation>
    </message>
    <message>
        <source>%1 attempts: retried or fell back to another endpoint</source>
        <translation>%1 次尝试：已重试或回退到另一个端点</translation>
    </message>
    <message>
        <source>How often the request was sent upstream, when it was retried or fell back to another endpoint</source>
        <translation>请求被重试或回退到另一个端点时，发送到上游的次数</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>提供商：%1</translation>
    </message>
    <message>
        <source>Requested model %1, served by %2</source>
        <translation>请求的模型 %1，由 %2 提供</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>llmproxy::RouteMenu</name>
    <message>
        <source>Claude Code (Anthropic Messages API)</source>
        <translation>Claude Code（Anthropic Messages API）</translation>
    </message>
    <message>
        <source>Codex (Responses API)</source>
        <translation>Codex（Responses API）</translation>
    </message>
    <message>
        <source>Other tools (Chat Completions API)</source>
        <translation>其他工具（Chat Completions API）</translation>
    </message>
    <message>
        <source>&amp;Route coding tools</source>
        <translation>路由编程工具(&amp;R)</translation>
    </message>
    <message>
        <source>Send every request of a coding tool to one model, whatever it asks for</source>
        <translation>将某个编程工具的所有请求都发送到同一个模型，无论它请求的是什么</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>As requested (no override)</source>
        <translation>按请求（无覆盖）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more in the Models window</source>
        <translation>
            <numerusform>另有 %n 个，见“模型”窗口</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>No endpoint lists its models</source>
        <translation>没有端点列出其模型</translation>
    </message>
</context>
<context>
    <name>llmproxy::SecurityWindow</name>
    <message>
        <source>Security — LLMProxy</source>
        <translation>安全 — LLMProxy</translation>
    </message>
    <message>
        <source>Audit chain</source>
        <translation>审计链</translation>
    </message>
    <message>
        <source>Every audited event is chained to the one before it by a hash. Verifying walks the chain from its checkpoint to its newest entry and reports the first entry that was changed, removed or inserted.</source>
        <translation>每个审计事件都通过哈希与前一个事件相连。验证会从检查点遍历到最新条目，并报告第一个被修改、删除或插入的条目。</translation>
    </message>
    <message>
        <source>&amp;Verify audit chain</source>
        <translation>验证审计链(&amp;V)</translation>
    </message>
    <message>
        <source>Personal data (GDPR)</source>
        <translation>个人数据（GDPR）</translation>
    </message>
    <message>
        <source>A person&apos;s data in the audit ledger is sealed with keys of their own. Export saves all of it as JSON; Erase destroys their keys, so it can never be read again, while the chain still verifies.</source>
        <translation>审计账本中某个人的数据由其专属密钥加密封存。导出会将其全部保存为 JSON；删除会销毁其密钥，使这些数据再也无法读取，而审计链仍可验证。</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <source>Key name, user or IP address</source>
        <translation>密钥名称、用户或 IP 地址</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Save everything the audit ledger holds about this person as JSON</source>
        <translation>将审计账本中关于此人的全部内容保存为 JSON</translation>
    </message>
    <message>
        <source>E&amp;rase…</source>
        <translation>删除(&amp;R)…</translation>
    </message>
    <message>
        <source>Destroy this person&apos;s keys: their data in the audit ledger can no longer be read</source>
        <translation>销毁此人的密钥：其在审计账本中的数据将无法再读取</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Not verified since this window opened.</source>
        <translation>自此窗口打开以来尚未验证。</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>✔ The chain is empty: nothing has been audited yet (checked in %1).</source>
        <translation>✔ 审计链为空：尚未审计任何内容（验证用时 %1）。</translation>
    </message>
    <message>
        <source>✔ The chain is intact: %1 entries checked in %2; the newest is entry %3.</source>
        <translation>✔ 审计链完整：用时 %2 验证了 %1 个条目；最新的是条目 %3。</translation>
    </message>
    <message>
        <source>✘ The chain is broken at entry %1 (%2: %3). %4 entries before it were checked in %5.</source>
        <translation>✘ 审计链在条目 %1 处断裂（%2：%3）。在它之前的 %4 个条目已验证，用时 %5。</translation>
    </message>
    <message>
        <source>Erase “%1” from the audit ledger?

Their keys are destroyed: the names, addresses and personal details in every audit entry about them can never be read again, by anyone, and no export will contain them. The entries themselves stay, so the chain still verifies. This cannot be undone.</source>
        <translation>要从审计账本中删除“%1”吗？

其密钥将被销毁：所有与其相关的审计条目中的姓名、地址和个人详情将再也无法被任何人读取，任何导出也不会包含它们。条目本身会保留，因此审计链仍可验证。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>删除个人数据</translation>
    </message>
    <message>
        <source>Erase “%1”</source>
        <translation>删除“%1”</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <source>“%1” is erased: %2 keys destroyed; %3 entries held their data. The erasure is entry %4 of the chain.</source>
        <translation>“%1”已删除：销毁了 %2 个密钥；%3 个条目含有其数据。此次删除是审计链的条目 %4。</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>导出个人数据</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved the data of “%1” to %2.</source>
        <translation>已将“%1”的数据保存到 %2。</translation>
    </message>
</context>
<context>
    <name>llmproxy::SettingsWindow</name>
    <message>
        <source>Cannot create the folder of %1.</source>
        <translation>无法创建 %1 所在的文件夹。</translation>
    </message>
    <message>
        <source>Cannot keep a backup of %1 as %2; nothing was saved.</source>
        <translation>无法将 %1 备份为 %2；未保存任何内容。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>系统语言（%1）</translation>
    </message>
    <message>
        <source>Debug: everything, for finding a problem</source>
        <translation>调试：全部内容，用于排查问题</translation>
    </message>
    <message>
        <source>Info: requests and changes</source>
        <translation>信息：请求和更改</translation>
    </message>
    <message>
        <source>Warning: only what needs attention</source>
        <translation>警告：仅需要注意的内容</translation>
    </message>
    <message>
        <source>Error: only failures</source>
        <translation>错误：仅失败</translation>
    </message>
    <message>
        <source>Text: one readable line per event</source>
        <translation>文本：每个事件一行可读文本</translation>
    </message>
    <message>
        <source>JSON: one object per line, for log collectors</source>
        <translation>JSON：每行一个对象，供日志收集器使用</translation>
    </message>
    <message>
        <source>The log goes to the standard error output: the terminal that started LLMProxy, or the system journal when it runs as a service. The configuration has no log file of its own; redirect the output to keep one.</source>
        <translation>日志输出到标准错误：即启动 LLMProxy 的终端，或作为服务运行时的系统日志（journal）。配置中没有单独的日志文件；如需保留，请重定向输出。</translation>
    </message>
    <message>
        <source>&lt;p&gt;Off: only programs on this computer can use the proxy (127.0.0.1). On: other machines on your network reach it at this computer&apos;s address.&lt;/p&gt;&lt;p&gt;They could then spend your provider accounts, so LLMProxy listens beyond this computer only when clients must send a proxy key: set &lt;code&gt;LLM_PROXY_API_KEYS&lt;/code&gt; (comma-separated keys) in the environment or in &lt;code&gt;.env&lt;/code&gt;, or add keys under &lt;code&gt;server.auth.keys&lt;/code&gt; in the configuration file. Without a key it refuses to start. The proxy speaks plain HTTP: on a network you do not trust, put a TLS reverse proxy in front of it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;关闭：只有本机上的程序可以使用代理（127.0.0.1）。开启：你网络中的其他计算机可以通过本机地址访问它。&lt;/p&gt;&lt;p&gt;这样它们可能会消耗你的提供商账户，因此只有在客户端必须发送代理密钥时，LLMProxy 才会在本机之外监听：请在环境变量或 &lt;code&gt;.env&lt;/code&gt; 中设置 &lt;code&gt;LLM_PROXY_API_KEYS&lt;/code&gt;（以逗号分隔的密钥），或在配置文件的 &lt;code&gt;server.auth.keys&lt;/code&gt; 下添加密钥。没有密钥时它会拒绝启动。代理使用未加密的 HTTP：在不受信任的网络中，请在它前面放置 TLS 反向代理。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none: nothing is kept between runs</source>
        <translation>无：运行之间不保留任何内容</translation>
    </message>
    <message>
        <source>No configuration file is in use; start LLMProxy with --config FILE.</source>
        <translation>未使用配置文件；请使用 --config FILE 启动 LLMProxy。</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The proxy is not listening.</source>
        <translation>代理未在监听。</translation>
    </message>
    <message>
        <source>Listening now on %1.</source>
        <translation>当前正在 %1 上监听。</translation>
    </message>
    <message>
        <source>The configuration file has errors; correct them on the Configuration file page first.</source>
        <translation>配置文件有错误；请先在“配置文件”页面中更正。</translation>
    </message>
    <message>
        <source>%1 is not an IP address: use 0.0.0.0 (every IPv4 interface), :: (every IPv6 interface) or one of this computer&apos;s addresses.</source>
        <translation>%1 不是 IP 地址：请使用 0.0.0.0（所有 IPv4 接口）、::（所有 IPv6 接口）或本机的某个地址。</translation>
    </message>
    <message>
        <source>No proxy key is configured, so LLMProxy would refuse to listen beyond this computer. Set LLM_PROXY_API_KEYS or add keys under server.auth.keys first.</source>
        <translation>未配置代理密钥，因此 LLMProxy 会拒绝在本机之外监听。请先设置 LLM_PROXY_API_KEYS，或在 server.auth.keys 下添加密钥。</translation>
    </message>
    <message>
        <source>the listen address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>the port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>The environment or the command line sets %1; the file&apos;s value is not used.</source>
        <translation>环境变量或命令行设置了%1；不会使用文件中的值。</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>A changed address or port takes effect after LLMProxy restarts: reloading the configuration does not move the listener.</source>
        <translation>更改后的地址或端口会在 LLMProxy 重启后生效：重新加载配置不会改变监听位置。</translation>
    </message>
    <message>
        <source>Cannot change the configuration file: %1</source>
        <translation>无法修改配置文件：%1</translation>
    </message>
    <message>
        <source>Its layout could not be kept, so it was written anew without its comments; the previous file is %1.bak.</source>
        <translation>无法保留其原有格式，因此已重新写入且不含注释；之前的文件为 %1.bak。</translation>
    </message>
    <message>
        <source>Not saved, the file is unchanged: %1</source>
        <translation>未保存，文件未更改：%1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Reloading…</source>
        <translation>正在重新加载…</translation>
    </message>
    <message>
        <source>%1 Reloaded: %2.</source>
        <translation>%1 已重新加载：%2。</translation>
    </message>
    <message>
        <source>%1 The reload failed, the previous configuration stays in force: %2</source>
        <translation>%1 重新加载失败，之前的配置仍然有效：%2</translation>
    </message>
    <message>
        <source>The new address takes effect after LLMProxy restarts.</source>
        <translation>新地址会在 LLMProxy 重启后生效。</translation>
    </message>
    <message>
        <source>LLMProxy starts when you log in.</source>
        <translation>LLMProxy 会在你登录时启动。</translation>
    </message>
    <message>
        <source>LLMProxy no longer starts when you log in.</source>
        <translation>LLMProxy 不再在你登录时启动。</translation>
    </message>
    <message>
        <source>Kept in %1, which starts %2.</source>
        <translation>保存在 %1 中，它会启动 %2。</translation>
    </message>
    <message>
        <source>No file manager opens %1.</source>
        <translation>没有文件管理器可以打开 %1。</translation>
    </message>
    <message>
        <source>1 error; choose it to go to its line.</source>
        <translation>1 个错误；选择它以跳转到所在行。</translation>
    </message>
    <message>
        <source>%1 errors; choose one to go to its line.</source>
        <translation>%1 个错误；选择其中一个以跳转到所在行。</translation>
    </message>
    <message>
        <source>Not applied: the text has errors and the file is unchanged.</source>
        <translation>未应用：文本有错误，文件未更改。</translation>
    </message>
    <message>
        <source>The editor shows the file again.</source>
        <translation>编辑器已重新显示文件内容。</translation>
    </message>
    <message>
        <source>Created here</source>
        <translation>在此创建</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>Every model</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <source>There is no client key: every program that can reach the proxy may use it.</source>
        <translation>没有客户端密钥：任何能访问代理的程序都可以使用它。</translation>
    </message>
    <message>
        <source>This key comes from the configuration file; remove it there.</source>
        <translation>此密钥来自配置文件；请在配置文件中删除它。</translation>
    </message>
    <message>
        <source>Created the client key “%1”. Copy it now: it is not shown again.</source>
        <translation>已创建客户端密钥“%1”。请立即复制：它不会再次显示。</translation>
    </message>
    <message>
        <source>Revoke client key</source>
        <translation>吊销客户端密钥</translation>
    </message>
    <message>
        <source>Revoke the client key “%1”? Programs that use it are refused from their next request.</source>
        <translation>要吊销客户端密钥“%1”吗？使用它的程序从下一个请求起将被拒绝。</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>Revoked the client key “%1”.</source>
        <translation>已吊销客户端密钥“%1”。</translation>
    </message>
</context>
<context>
    <name>llmproxy::ThreatsWindow</name>
    <message>
        <source>Threats — LLMProxy</source>
        <translation>威胁 — LLMProxy</translation>
    </message>
</context>
<context>
    <name>llmproxy::TrayIcon</name>
    <message>
        <source>Not listening</source>
        <translation>未监听</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Onboarding: no endpoint configured</source>
        <translation>初始设置：未配置端点</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>All traffic stopped (kill switch)</source>
        <translation>所有流量已停止（紧急停止）</translation>
    </message>
    <message>
        <source>No endpoint enabled</source>
        <translation>没有启用的端点</translation>
    </message>
    <message>
        <source>Every endpoint is down</source>
        <translation>所有端点均不可用</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>通知(&amp;N)</translation>
    </message>
    <message>
        <source>Which events show a desktop notification</source>
        <translation>哪些事件显示桌面通知</translation>
    </message>
    <message>
        <source>Endpoint down or back up</source>
        <translation>端点故障或恢复</translation>
    </message>
    <message>
        <source>Request blocked by a security guard</source>
        <translation>请求被安全防护拦截</translation>
    </message>
    <message>
        <source>Blocks not shown since the last notification: %1</source>
        <translation>自上次通知以来未显示的拦截：%1</translation>
    </message>
    <message>
        <source>Endpoint changes not shown since the last notification: %1</source>
        <translation>自上次通知以来未显示的端点变化：%1</translation>
    </message>
    <message>
        <source>Endpoint down</source>
        <translation>端点故障</translation>
    </message>
    <message>
        <source>%1 is not answering; requests go to the other endpoints, if any.</source>
        <translation>%1 没有响应；请求将转发到其他端点（如有）。</translation>
    </message>
    <message>
        <source>Endpoint back up</source>
        <translation>端点已恢复</translation>
    </message>
    <message>
        <source>%1 answers again.</source>
        <translation>%1 已恢复响应。</translation>
    </message>
    <message>
        <source>Request blocked</source>
        <translation>请求已拦截</translation>
    </message>
    <message>
        <source>The %1 guard blocked a request (%2).</source>
        <translation>防护 %1 拦截了一个请求（%2）。</translation>
    </message>
    <message>
        <source>Endpoint down: %1</source>
        <translation>端点故障：%1</translation>
    </message>
    <message>
        <source>A request was blocked in the last minute</source>
        <translation>最近一分钟内有请求被拦截</translation>
    </message>
    <message>
        <source>Daily budget warning or limit reached</source>
        <translation>达到每日预算警告线或上限</translation>
    </message>
    <message>
        <source>Today: %1 of %2 budget</source>
        <translation>今日：%1 / 预算 %2</translation>
    </message>
    <message>
        <source>Today: %1 spent (no daily budget)</source>
        <translation>今日：已花费 %1（无每日预算）</translation>
    </message>
    <message>
        <source>Daily budget reached</source>
        <translation>已达每日预算</translation>
    </message>
    <message>
        <source>Today&apos;s spend of %1 reached the daily budget of %2.</source>
        <translation>今日花费 %1 已达到每日预算 %2。</translation>
    </message>
    <message>
        <source>Budget warning</source>
        <translation>预算警告</translation>
    </message>
    <message>
        <source>Today&apos;s spend of %1 passed the warning level of %2.</source>
        <translation>今日花费 %1 已超过警告线 %2。</translation>
    </message>
</context>
</TS>
