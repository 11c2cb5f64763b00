<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
</context>
</TS>
