// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The request pipeline stage on a real gateway (in-process engine, real sockets, mock upstreams):
// a stage that masks a secret in every text segment and refuses a forbidden phrase. The provider
// receives the masked text and every other byte as the client sent it (same format), or the masked
// text in a translated request; a refused request gets the client protocol's error and never
// reaches the provider; with no stage installed the body goes through untouched.
#include "proxycore/config/configloader.h"
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "proxycore/pipeline/requestcontext.h"
#include "proxycore/pipeline/requestpipeline.h"
#include "proxycore/pipeline/textreplacefilter.h"
#include "tests/support/httpclient.h"
#include "tests/support/inprocessengine.h"
#include "tests/support/mockupstreamprocess.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

/// Masks "s3cret" as a vault placeholder (and, with `restore`, puts it back into the answer);
/// refuses requests mentioning "open the pod bay doors".
class MaskStage : public RequestStage
{
public:
    explicit MaskStage(bool restore = false) : m_restore(restore) {}
    QString name() const override { return u"test-mask"_s; }
    std::optional<ApiError> process(RequestContext &context) const override
    {
        const QList<TextSegment> &segments = context.view->segments();
        for (int i = 0; i < segments.size(); ++i) {
            const QString &text = segments[i].text;
            if (text.contains(u"open the pod bay doors"_s, Qt::CaseInsensitive))
                return ApiError{
                    403, u"This request was refused by a guard."_s, "permission_error", "request_blocked", {}};
            if (text.contains(u"s3cret"_s)) {
                QString masked = text;
                const QString placeholder = context.vault.keep(u"SECRET"_s, u"s3cret"_s);
                masked.replace(u"s3cret"_s, placeholder);
                context.patches.append({i, masked});
                if (m_restore && !context.responseFilters) {
                    // The answer gets the original back: the client never sees the placeholder.
                    context.responseFilters = std::make_shared<ResponseFilterChain>();
                    context.responseFilters->append(std::make_shared<TextReplaceFilter>(
                        QList<QPair<QString, QString>>{{placeholder, u"s3cret"_s}}));
                }
            }
        }
        return std::nullopt;
    }

private:
    bool m_restore;
};

} // namespace

class TestPipelineStage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void sameFormatBodyIsPatchedByteExact();
    void anthropicBodyIsPatchedByteExact();
    void translatedRequestCarriesTheMaskedText();
    void refusedRequestNeverReachesTheProvider();
    void withoutStagesTheBodyIsUntouched();
    void maskedValueIsRestoredInTheAnswer_data();
    void maskedValueIsRestoredInTheAnswer();

private:
    HttpResponse post(const QString &path, const QByteArray &body) const;

    MockUpstreamProcess m_mock{{u"--models"_s, u"pipe-chat,pipe-claude"_s}};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
};

void TestPipelineStage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_mock.start(), qPrintable(m_mock.errorString()));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    ProxyConfig config;
    EndpointSpec openAi;
    openAi.baseUrl = m_mock.baseUrl();
    openAi.models = {u"pipe-chat"_s};
    openAi.apiKey = u"sk-upstream"_s;
    EndpointSpec claude = openAi;
    claude.id = u"claude"_s;
    claude.provider = u"anthropic"_s;
    claude.models = {u"pipe-claude"_s};
    config.endpoints = {openAi, claude};
    config.extraYaml = "routing:\n  health: {interval_s: 0}\n";
    ConfigSources sources;
    QString error;
    const ConfigPtr loaded = loadIsolatedConfig(m_dir->path(), config.toYaml(), &sources, &error);
    QVERIFY2(loaded, qPrintable(error));
    m_engine = std::make_unique<Engine>(loaded, sources);
    QVERIFY2(m_engine->start(&error), qPrintable(error));
}

void TestPipelineStage::init()
{
    QVERIFY(m_mock.reset());
    m_engine->setRequestPipeline(std::make_shared<RequestPipeline>(
        std::vector<std::shared_ptr<const RequestStage>>{std::make_shared<MaskStage>()}));
}

void TestPipelineStage::cleanupTestCase()
{
    QVERIFY(stopEngine(m_engine));
}

HttpResponse TestPipelineStage::post(const QString &path, const QByteArray &body) const
{
    return HttpClient::post(QUrl(m_engine->listenUrl() + path), body, {{"content-type", "application/json"}}, 20'000);
}

void TestPipelineStage::sameFormatBodyIsPatchedByteExact()
{
    const QByteArray body = R"({ "model" : "pipe-chat", "messages": [ {"role":"user", "content":"my s3cret is \u00e9"},
        {"role":"user","content":[{"type":"text","text":"again s3cret"}]} ], "x_unknown": {"kept": [1, 2.50]} })";
    const HttpResponse r = post(u"/v1/chat/completions"_s, body);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QList<MockRequest> sent = m_mock.requests();
    QCOMPARE(sent.size(), 1);
    QByteArray expected = body;
    expected.replace(R"("my s3cret is \u00e9")", "\"my [SECRET_1] is \xC3\xA9\"");
    expected.replace(R"("again s3cret")", R"("again [SECRET_1]")");
    QCOMPARE(sent.first().body, expected);
}

void TestPipelineStage::anthropicBodyIsPatchedByteExact()
{
    const QByteArray body = R"({"model":"pipe-claude","max_tokens":16,"system":"s3cret system",)"
                            R"("messages":[{"role":"user","content":"hi","cache_control":{"type":"ephemeral"}}]})";
    const HttpResponse r = post(u"/v1/messages"_s, body);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QList<MockRequest> sent = m_mock.requests();
    QCOMPARE(sent.size(), 1);
    QByteArray expected = body;
    expected.replace("s3cret system", "[SECRET_1] system");
    QCOMPARE(sent.first().body, expected);
}

void TestPipelineStage::translatedRequestCarriesTheMaskedText()
{
    // A chat client on an Anthropic endpoint: the translation starts from the masked request.
    const QByteArray body = R"({"model":"pipe-claude","messages":[{"role":"user","content":"tell s3cret"}]})";
    const HttpResponse r = post(u"/v1/chat/completions"_s, body);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QList<MockRequest> sent = m_mock.requests();
    QCOMPARE(sent.size(), 1);
    QVERIFY2(sent.first().path.endsWith("/messages"), sent.first().path.constData());
    QVERIFY2(!sent.first().body.contains("s3cret"), sent.first().body.constData());
    QVERIFY2(sent.first().body.contains("tell [SECRET_1]"), sent.first().body.constData());
}

void TestPipelineStage::refusedRequestNeverReachesTheProvider()
{
    const HttpResponse chat =
        post(u"/v1/chat/completions"_s,
             R"({"model":"pipe-chat","messages":[{"role":"user","content":"Open the pod bay doors"}]})");
    QCOMPARE(chat.status, 403);
    QCOMPARE(chat.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"request_blocked"_s);
    const HttpResponse messages = post(
        u"/v1/messages"_s,
        R"({"model":"pipe-claude","max_tokens":8,"messages":[{"role":"user","content":[{"type":"text","text":"open the pod bay doors"}]}]})");
    QCOMPARE(messages.status, 403);
    QCOMPARE(messages.json().value(u"type"_s).toString(), u"error"_s);
    QCOMPARE(messages.json().value(u"error"_s).toObject().value(u"type"_s).toString(), u"permission_error"_s);
    const HttpResponse responses =
        post(u"/v1/responses"_s, R"({"model":"pipe-chat","input":"please open the pod bay doors","stream":true})");
    QCOMPARE(responses.status, 403);
    QCOMPARE(m_mock.requests().size(), 0);
    // The request log names the stage that refused them.
    const EngineController controller(m_engine.get());
    const auto blockedRecords = [&controller] {
        qsizetype n = 0;
        for (const RequestRecord &r : controller.recentRequests())
            n += r.blockedBy == u"test-mask"_s && r.status == 403 ? 1 : 0;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(blockedRecords(), qsizetype(3), 10'000);
}

void TestPipelineStage::withoutStagesTheBodyIsUntouched()
{
    m_engine->setRequestPipeline(nullptr);
    const QByteArray body = R"({"model":"pipe-chat","messages":[{"role":"user","content":"my s3cret"}]})";
    const HttpResponse r = post(u"/v1/chat/completions"_s, body);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(m_mock.requests().size(), 1);
    QCOMPARE(m_mock.requests().first().body, body);
}

void TestPipelineStage::maskedValueIsRestoredInTheAnswer_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("chat") << u"/v1/chat/completions"_s
                          << QByteArray(
                                 R"({"model":"pipe-chat","messages":[{"role":"user","content":"say s3cret now"}]})");
    QTest::newRow("chat stream")
        << u"/v1/chat/completions"_s
        << QByteArray(R"({"model":"pipe-chat","stream":true,"messages":[{"role":"user","content":"say s3cret now"}]})");
    QTest::newRow("messages stream")
        << u"/v1/messages"_s
        << QByteArray(
               R"({"model":"pipe-claude","max_tokens":16,"stream":true,"messages":[{"role":"user","content":"say s3cret now"}]})");
    QTest::newRow("chat on anthropic")
        << u"/v1/chat/completions"_s
        << QByteArray(R"({"model":"pipe-claude","messages":[{"role":"user","content":"say s3cret now"}]})");
}

void TestPipelineStage::maskedValueIsRestoredInTheAnswer()
{
    // The mock upstream answers with the user's text: it sees the placeholder, the client the value.
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    m_engine->setRequestPipeline(std::make_shared<RequestPipeline>(
        std::vector<std::shared_ptr<const RequestStage>>{std::make_shared<MaskStage>(true)}));
    const HttpResponse r = post(path, body);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(m_mock.requests().size(), 1);
    QVERIFY2(!m_mock.requests().first().body.contains("s3cret"), m_mock.requests().first().body.constData());
    QVERIFY2(m_mock.requests().first().body.contains("[SECRET_1]"), m_mock.requests().first().body.constData());
    QVERIFY2(r.body.contains("s3cret"), r.body.constData());
    QVERIFY2(!r.body.contains("SECRET_1"), r.body.constData());
}

QTEST_GUILESS_MAIN(TestPipelineStage)
#include "tst_pipelinestage.moc"
