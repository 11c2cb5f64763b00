// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/clientsetup/clientconfigwriter.h"
#include "proxycore/clientsetup/clientsetup.h"
#include "proxycore/clientsetup/jsoncdocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;

/// The coding tools' settings and the writers that merge them into the tools' own files.
class TestClientSetup : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void everyToolHasSettings();
    void baseUrlsPerApi();
    void claudeMergesIntoExistingSettings();
    void claudeWarnsAboutAnApiKey();
    void zedKeepsCommentsAndTrailingCommas();
    void codexMergesIntoExistingToml();
    void codexReplacesItsOwnTable();
    void codexRefusesAnInlineProviderTable();
    void continueAddsAndReplacesItsModel();
    void aiderMergesTopLevelKeys();
    void unparsableFilesAreRefusedAndUntouched_data();
    void unparsableFilesAreRefusedAndUntouched();
    void backupAndUndoRestoreByteExact();
    void missingFileIsCreatedAndUndoRemovesIt();
    void undoRefusesAFileEditedSince();
    void secondWriteUndoesToTheOriginal();
    void testRequestsAsTheToolsSendThem();

private:
    static const ClientTool &tool(const char *id) { return *findClientTool(QString::fromLatin1(id)); }
    QString write(const char *relative, const QByteArray &content) const;
    QByteArray read(const char *relative) const;
    ClientConfigWriter writer() const { return ClientConfigWriter(m_home->path(), m_home->filePath(u"state"_s)); }

    ClientSetupValues m_values{QStringLiteral("http://127.0.0.1:8090/"),
                               QStringLiteral("sk-proxy-123456789"),
                               QStringLiteral("gpt-4o"),
                               {QStringLiteral("gpt-4o-mini")}};
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestClientSetup::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

QString TestClientSetup::write(const char *relative, const QByteArray &content) const
{
    QString path = m_home->filePath(QString::fromUtf8(relative));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

QByteArray TestClientSetup::read(const char *relative) const
{
    QFile file(m_home->filePath(QString::fromUtf8(relative)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

void TestClientSetup::everyToolHasSettings()
{
    QStringList ids;
    for (const ClientTool &t : clientTools()) {
        ids << t.id;
        const QList<SetupSnippet> snippets = setupSnippets(t, m_values);
        QVERIFY2(!snippets.isEmpty(), qPrintable(t.id));
        const QString all = [&] {
            QString s;
            for (const SetupSnippet &snippet : snippets)
                s += snippet.text;
            return s;
        }();
        QVERIFY2(all.contains(toolBaseUrl(t, m_values)), qPrintable(t.id));
        QVERIFY2(all.contains(QStringLiteral("sk-proxy-123456789")), qPrintable(t.id));
        if (!t.configFile.isEmpty())
            QCOMPARE(snippets.first().kind, SnippetKind::ConfigFile);
    }
    QCOMPARE(ids, (QStringList{u"claude-code"_s, u"codex"_s, u"cursor"_s, u"continue"_s, u"aider"_s, u"cline"_s,
                               u"zed"_s, u"copilot"_s}));
    QVERIFY(findClientTool(QStringLiteral("Claude-Code")));
    QVERIFY(!findClientTool(QStringLiteral("emacs")));
}

void TestClientSetup::baseUrlsPerApi()
{
    QCOMPARE(toolBaseUrl(tool("claude-code"), m_values), QStringLiteral("http://127.0.0.1:8090"));
    QCOMPARE(toolBaseUrl(tool("codex"), m_values), QStringLiteral("http://127.0.0.1:8090/v1"));
    ClientSetupValues v1 = m_values;
    v1.url = QStringLiteral("http://host:1/v1/");
    QCOMPARE(toolBaseUrl(tool("claude-code"), v1), QStringLiteral("http://host:1"));
    QCOMPARE(toolBaseUrl(tool("aider"), v1), QStringLiteral("http://host:1/v1"));
    ClientSetupValues noKey = m_values;
    noKey.key.clear();
    QCOMPARE(effectiveKey(noKey), QString::fromLatin1(kNoKeyPlaceholder));
}

void TestClientSetup::claudeMergesIntoExistingSettings()
{
    const QByteArray original = "{\n"
                                "    \"permissions\": {\"allow\": [\"Bash(ls)\"]},\n"
                                "    \"env\": {\n"
                                "        \"DISABLE_TELEMETRY\": \"1\",\n"
                                "        \"ANTHROPIC_BASE_URL\": \"https://old.example\"\n"
                                "    },\n"
                                "    \"theme\": \"dark\"\n"
                                "}\n";
    const ConfigWriteResult r = ClientConfigWriter::merge(tool("claude-code"), m_values, original, u"settings.json"_s);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QByteArray expected = "{\n"
                                "    \"permissions\": {\"allow\": [\"Bash(ls)\"]},\n"
                                "    \"env\": {\n"
                                "        \"DISABLE_TELEMETRY\": \"1\",\n"
                                "        \"ANTHROPIC_BASE_URL\": \"http://127.0.0.1:8090\",\n"
                                "        \"ANTHROPIC_AUTH_TOKEN\": \"sk-proxy-123456789\",\n"
                                "        \"ANTHROPIC_MODEL\": \"gpt-4o\",\n"
                                "        \"ANTHROPIC_DEFAULT_OPUS_MODEL\": \"gpt-4o\",\n"
                                "        \"ANTHROPIC_DEFAULT_SONNET_MODEL\": \"gpt-4o\",\n"
                                "        \"ANTHROPIC_DEFAULT_HAIKU_MODEL\": \"gpt-4o\"\n"
                                "    },\n"
                                "    \"theme\": \"dark\"\n"
                                "}\n";
    QCOMPARE(r.content, expected);
    QCOMPARE(r.changes.first().key, QStringLiteral("env.ANTHROPIC_BASE_URL"));
    QCOMPARE(r.changes.first().oldValue, QStringLiteral("https://old.example"));
    QCOMPARE(r.changes.at(1).newValue, QStringLiteral("sk-p…")); // keys are shown shortened
    QVERIFY(r.warnings.isEmpty());

    // Merging again changes nothing.
    const ConfigWriteResult again = ClientConfigWriter::merge(tool("claude-code"), m_values, r.content, u"s"_s);
    QVERIFY(again.ok && again.unchanged && again.changes.isEmpty());

    // Without an env object, one is added.
    const ConfigWriteResult fresh = ClientConfigWriter::merge(tool("claude-code"), m_values, "{\"a\": 1}", u"s"_s);
    QVERIFY2(fresh.ok, qPrintable(fresh.error));
    const QJsonObject env = QJsonDocument::fromJson(fresh.content).object().value(u"env").toObject();
    QCOMPARE(env.value(u"ANTHROPIC_BASE_URL").toString(), QStringLiteral("http://127.0.0.1:8090"));
    QCOMPARE(QJsonDocument::fromJson(fresh.content).object().value(u"a").toInt(), 1);
}

void TestClientSetup::claudeWarnsAboutAnApiKey()
{
    const ConfigWriteResult r =
        ClientConfigWriter::merge(tool("claude-code"), m_values,
                                  "{\"env\": {\"ANTHROPIC_API_KEY\": \"sk-ant-x\"}, \"apiKeyHelper\": \"x\"}", u"s"_s);
    QVERIFY(r.ok);
    QCOMPARE(r.warnings.size(), 2);
    QVERIFY(r.warnings.first().contains(QStringLiteral("ANTHROPIC_API_KEY")));
}

void TestClientSetup::zedKeepsCommentsAndTrailingCommas()
{
    const QByteArray original = "// Zed settings\n"
                                "{\n"
                                "  /* editor */\n"
                                "  \"ui_font_size\": 16, // bigger\n"
                                "  \"language_models\": {\n"
                                "    \"openai\": { \"api_url\": \"https://api.openai.com/v1\", },\n"
                                "  },\n"
                                "}\n";
    const ConfigWriteResult r = ClientConfigWriter::merge(tool("zed"), m_values, original, u"settings.json"_s);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.content.startsWith("// Zed settings\n{\n  /* editor */\n  \"ui_font_size\": 16, // bigger\n"));
    QVERIFY(r.content.contains("\"openai\": { \"api_url\": \"https://api.openai.com/v1\", },\n"));
    TextError error;
    const auto doc = JsoncDocument::parse(r.content, &error);
    QVERIFY2(doc, qPrintable(error.toString()));
    const QJsonObject ours =
        doc->value({u"language_models"_s, u"openai_compatible"_s, u"LLMProxy"_s}).value_or(QJsonValue()).toObject();
    QCOMPARE(ours.value(u"api_url").toString(), QStringLiteral("http://127.0.0.1:8090/v1"));
    QCOMPARE(ours.value(u"available_models").toArray().size(), 2);
    QCOMPARE(ours.value(u"available_models").toArray().at(1).toObject().value(u"name").toString(),
             QStringLiteral("gpt-4o-mini"));
    QCOMPARE(doc->value({u"ui_font_size"_s})->toInt(), 16);

    ClientSetupValues noModel = m_values;
    noModel.model.clear();
    noModel.models.clear();
    QVERIFY(!ClientConfigWriter::merge(tool("zed"), noModel, original, u"s"_s).ok);
}

void TestClientSetup::codexMergesIntoExistingToml()
{
    const QByteArray original = "# my codex\n"
                                "model = \"o3\"  # old\n"
                                "approval_policy = \"on-request\"\n"
                                "\n"
                                "[model_providers.other]\n"
                                "name = \"Other\"\n"
                                "base_url = \"https://other.example/v1\"\n"
                                "\n"
                                "[profiles.fast]\n"
                                "model = \"gpt-5-mini\"\n";
    const ConfigWriteResult r = ClientConfigWriter::merge(tool("codex"), m_values, original, u"config.toml"_s);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QByteArray expected = "# my codex\n"
                                "model_provider = \"llmproxy\"\n"
                                "\n"
                                "model = \"gpt-4o\"  # old\n"
                                "approval_policy = \"on-request\"\n"
                                "\n"
                                "[model_providers.other]\n"
                                "name = \"Other\"\n"
                                "base_url = \"https://other.example/v1\"\n"
                                "\n"
                                "[profiles.fast]\n"
                                "model = \"gpt-5-mini\"\n"
                                "\n"
                                "[model_providers.llmproxy]\n"
                                "name = \"LLMProxy\"\n"
                                "base_url = \"http://127.0.0.1:8090/v1\"\n"
                                "wire_api = \"responses\"\n"
                                "experimental_bearer_token = \"sk-proxy-123456789\"\n";
    QCOMPARE(r.content, expected);
    const ConfigWriteResult again = ClientConfigWriter::merge(tool("codex"), m_values, r.content, u"c"_s);
    QVERIFY2(again.ok && again.unchanged, qPrintable(again.error));

    const ConfigWriteResult empty = ClientConfigWriter::merge(tool("codex"), m_values, QByteArray(), u"c"_s);
    QVERIFY2(empty.ok, qPrintable(empty.error));
    QVERIFY(empty.content.startsWith("model = \"gpt-4o\"\nmodel_provider = \"llmproxy\"\n"));
}

void TestClientSetup::codexReplacesItsOwnTable()
{
    const QByteArray original = "model_provider = \"llmproxy\"\n"
                                "[model_providers.llmproxy]\n"
                                "name = \"LLMProxy\"\n"
                                "base_url = \"http://old:1/v1\" # was\n"
                                "env_key = \"LLMPROXY_KEY\"\n"
                                "request_max_retries = 2\n"
                                "[model_providers.llmproxy.http_headers]\n"
                                "X-Team = \"a\"\n";
    ClientSetupValues v = m_values;
    v.model.clear();
    const ConfigWriteResult r = ClientConfigWriter::merge(tool("codex"), v, original, u"config.toml"_s);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QByteArray expected = "model_provider = \"llmproxy\"\n"
                                "[model_providers.llmproxy]\n"
                                "wire_api = \"responses\"\n"
                                "experimental_bearer_token = \"sk-proxy-123456789\"\n"
                                "name = \"LLMProxy\"\n"
                                "base_url = \"http://127.0.0.1:8090/v1\" # was\n"
                                "request_max_retries = 2\n"
                                "[model_providers.llmproxy.http_headers]\n"
                                "X-Team = \"a\"\n";
    QCOMPARE(r.content, expected);
}

void TestClientSetup::codexRefusesAnInlineProviderTable()
{
    const QByteArray original = "model_providers = { other = { name = \"O\" } }\n";
    const ConfigWriteResult r = ClientConfigWriter::merge(tool("codex"), m_values, original, u"config.toml"_s);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("config.toml")), qPrintable(r.error));
}

void TestClientSetup::continueAddsAndReplacesItsModel()
{
    const QByteArray original = "name: My assistant\n"
                                "version: 1.0.0\n"
                                "models:\n"
                                "  # local\n"
                                "  - name: Ollama\n"
                                "    provider: ollama\n"
                                "    model: llama3\n"
                                "\n"
                                "context:\n"
                                "  - provider: code\n";
    const ConfigWriteResult r = ClientConfigWriter::merge(tool("continue"), m_values, original, u"config.yaml"_s);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QByteArray expected = "name: My assistant\n"
                                "version: 1.0.0\n"
                                "models:\n"
                                "  # local\n"
                                "  - name: Ollama\n"
                                "    provider: ollama\n"
                                "    model: llama3\n"
                                "  - name: \"LLMProxy\"\n"
                                "    provider: openai\n"
                                "    model: \"gpt-4o\"\n"
                                "    apiBase: \"http://127.0.0.1:8090/v1\"\n"
                                "    apiKey: \"sk-proxy-123456789\"\n"
                                "    roles: [chat, edit, apply]\n"
                                "\n"
                                "context:\n"
                                "  - provider: code\n";
    QCOMPARE(r.content, expected);

    // A second merge with another model replaces LLMProxy's entry, nothing else.
    ClientSetupValues other = m_values;
    other.model = QStringLiteral("claude-sonnet-4-5");
    const ConfigWriteResult again = ClientConfigWriter::merge(tool("continue"), other, r.content, u"config.yaml"_s);
    QVERIFY2(again.ok, qPrintable(again.error));
    QByteArray expectedAgain = expected;
    expectedAgain.replace("model: \"gpt-4o\"", "model: \"claude-sonnet-4-5\"");
    QCOMPARE(again.content, expectedAgain);

    const ConfigWriteResult empty = ClientConfigWriter::merge(tool("continue"), m_values, "models: []\n", u"c"_s);
    QVERIFY2(empty.ok, qPrintable(empty.error));
    QVERIFY(empty.content.startsWith("models:\n  - name: \"LLMProxy\"\n"));
}

void TestClientSetup::aiderMergesTopLevelKeys()
{
    const QByteArray original = "# aider\n"
                                "model: gpt-4\n"
                                "dark-mode: true\n"
                                "read:\n"
                                "  - CONVENTIONS.md\n";
    const ConfigWriteResult r = ClientConfigWriter::merge(tool("aider"), m_values, original, u".aider.conf.yml"_s);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QByteArray expected = "# aider\n"
                                "model: \"openai/gpt-4o\"\n"
                                "dark-mode: true\n"
                                "read:\n"
                                "  - CONVENTIONS.md\n"
                                "openai-api-base: \"http://127.0.0.1:8090/v1\"\n"
                                "openai-api-key: \"sk-proxy-123456789\"\n";
    QCOMPARE(r.content, expected);
    QVERIFY(ClientConfigWriter::merge(tool("aider"), m_values, r.content, u"a"_s).unchanged);
}

void TestClientSetup::unparsableFilesAreRefusedAndUntouched_data()
{
    QTest::addColumn<QString>("toolId");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("where");
    QTest::newRow("claude") << u"claude-code"_s << u".claude/settings.json"_s
                            << QByteArray("{\n  \"env\": {\n    \"A\": 1\n  \n") << u":5:1:"_s;
    QTest::newRow("zed") << u"zed"_s << u".config/zed/settings.json"_s << QByteArray("{\n  \"a\": tru\n}\n")
                         << u":2:"_s;
    QTest::newRow("codex") << u"codex"_s << u".codex/config.toml"_s << QByteArray("model = \"x\"\n[broken\n")
                           << u":2:"_s;
    QTest::newRow("continue") << u"continue"_s << u".continue/config.yaml"_s
                              << QByteArray("models:\n  - name: a\n   bad: [\n") << u":"_s;
    QTest::newRow("aider") << u"aider"_s << u".aider.conf.yml"_s << QByteArray("model: [a, b\n") << u":"_s;
    QTest::newRow("yaml list") << u"aider"_s << u".aider.conf.yml"_s << QByteArray("- a\n- b\n") << u"top level"_s;
}

void TestClientSetup::unparsableFilesAreRefusedAndUntouched()
{
    QFETCH(QString, toolId);
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, where);
    const QString path = write(file.toUtf8().constData(), content);
    const ConfigWriteResult r = writer().write(*findClientTool(toolId), m_values);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(path) && r.error.contains(where) && r.error.contains(QStringLiteral("unchanged")),
             qPrintable(r.error));
    QCOMPARE(read(file.toUtf8().constData()), content);
    QVERIFY(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden).size() == 1); // no backup either
    QVERIFY(!writer().canUndo(*findClientTool(toolId)));
}

void TestClientSetup::backupAndUndoRestoreByteExact()
{
    const QByteArray original = "{\r\n\t\"model\": \"opus\",   \"env\": {}\r\n}"; // odd but valid
    const QString path = write(".claude/settings.json", original);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const ConfigWriteResult r = writer().write(tool("claude-code"), m_values);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(!r.created);
    QVERIFY(QFileInfo(r.backupPath).fileName().startsWith(QStringLiteral("settings.json.llmproxy-")));
    QFile backup(r.backupPath);
    QVERIFY(backup.open(QIODevice::ReadOnly));
    QCOMPARE(backup.readAll(), original);
    QCOMPARE(read(".claude/settings.json"), r.content);
    // The file keeps its permissions.
    QCOMPARE(QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QVERIFY(QFileInfo(path).permissions() & QFileDevice::ReadOwner);
    QVERIFY(writer().canUndo(tool("claude-code")));

    const ConfigWriteResult undone = writer().undo(tool("claude-code"));
    QVERIFY2(undone.ok, qPrintable(undone.error));
    QCOMPARE(read(".claude/settings.json"), original);
    QVERIFY(!writer().canUndo(tool("claude-code")));
    QVERIFY(!writer().undo(tool("claude-code")).ok);
}

void TestClientSetup::missingFileIsCreatedAndUndoRemovesIt()
{
    const ConfigWriteResult r = writer().write(tool("codex"), m_values);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.created);
    QVERIFY(r.backupPath.isEmpty());
    const QString path = m_home->filePath(u".codex/config.toml"_s);
    QCOMPARE(r.path, path);
    QVERIFY(read(".codex/config.toml").contains("[model_providers.llmproxy]"));
    QCOMPARE(QFileInfo(path).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());

    const ConfigWriteResult undone = writer().undo(tool("codex"));
    QVERIFY2(undone.ok, qPrintable(undone.error));
    QVERIFY(undone.removed);
    QVERIFY(!QFileInfo::exists(path));
}

void TestClientSetup::undoRefusesAFileEditedSince()
{
    write(".aider.conf.yml", "dark-mode: true\n");
    QVERIFY(writer().write(tool("aider"), m_values).ok);
    QFile file(m_home->filePath(u".aider.conf.yml"_s));
    QVERIFY(file.open(QIODevice::Append));
    file.write("edited: yes\n");
    file.close();
    const QByteArray edited = read(".aider.conf.yml");
    const ConfigWriteResult r = writer().undo(tool("aider"));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("changed")), qPrintable(r.error));
    QCOMPARE(read(".aider.conf.yml"), edited);
}

void TestClientSetup::secondWriteUndoesToTheOriginal()
{
    const QByteArray original = "models:\n  - name: x\n    provider: ollama\n    model: y\n";
    write(".continue/config.yaml", original);
    QVERIFY(writer().write(tool("continue"), m_values).ok);
    ClientSetupValues other = m_values;
    other.model = QStringLiteral("other-model");
    const ConfigWriteResult second = writer().write(tool("continue"), other);
    QVERIFY2(second.ok, qPrintable(second.error));
    QVERIFY(read(".continue/config.yaml").contains("other-model"));
    QVERIFY(writer().undo(tool("continue")).ok);
    QCOMPARE(read(".continue/config.yaml"), original);
}

void TestClientSetup::testRequestsAsTheToolsSendThem()
{
    const auto header = [](const ToolTestRequest &r, const QByteArray &name) {
        for (const auto &[n, v] : r.headers) {
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return QByteArray();
    };
    const ToolTestRequest claude = toolTestRequest(tool("claude-code"), m_values);
    QCOMPARE(claude.path, QStringLiteral("/v1/messages"));
    QCOMPARE(header(claude, "anthropic-version"), QByteArray("2023-06-01"));
    QCOMPARE(header(claude, "authorization"), QByteArray("Bearer sk-proxy-123456789"));
    QCOMPARE(QJsonDocument::fromJson(claude.body).object().value(u"model").toString(), QStringLiteral("gpt-4o"));
    const ToolTestRequest codex = toolTestRequest(tool("codex"), m_values);
    QCOMPARE(codex.path, QStringLiteral("/v1/responses"));
    QVERIFY(QJsonDocument::fromJson(codex.body).object().contains(u"input"));
    QCOMPARE(toolTestRequest(tool("zed"), m_values).path, QStringLiteral("/v1/chat/completions"));

    QCOMPARE(testReplyText(ClientApi::AnthropicMessages, R"({"content":[{"type":"text","text":"Yes, it works."}]})"),
             QStringLiteral("Yes, it works."));
    QCOMPARE(testReplyText(ClientApi::OpenAIResponses,
                           R"({"output":[{"type":"message","content":[{"type":"output_text","text":"Hi"}]}]})"),
             QStringLiteral("Hi"));
    QCOMPARE(testReplyText(ClientApi::OpenAIChat, R"({"choices":[{"message":{"content":"ok"}}]})"),
             QStringLiteral("ok"));
    QCOMPARE(testReplyText(ClientApi::OpenAIChat, R"({"error":{"message":"no such model"}})"),
             QStringLiteral("no such model"));
}

QTEST_GUILESS_MAIN(TestClientSetup)
#include "tst_clientsetup.moc"
