// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Load with a failure half-way: 500 streamed chat completions, spread over three endpoints by
// weighted round-robin, all open at once; once half of them have their first event, the process
// behind one endpoint is killed. Every request must still end, well-formed: a stream that was
// mid-flight on the dead endpoint ends with an error event and [DONE] (a stream is never
// restarted once bytes reached the client); every other one — including those the dead endpoint
// had accepted but not answered yet — completes with its full text. Afterwards the gateway is
// healthy, the dead endpoint's breaker is open and new requests go straight to the other two.
#include "tests/support/asyncrequest.h"
#include "tests/support/gatewayfixture.h"
#include "tests/support/sseparser.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kStreams = 500;
constexpr int kRampBatch = 50;  ///< requests started per ramp tick
constexpr int kRampTickMs = 25; ///< so all 500 are open within about a quarter of a second
constexpr int kKillAfterHeaders = kStreams / 2;
constexpr int kChunkDelayMs = 40;     ///< between two events of a mock stream
constexpr int kHeadDelayStepMs = 250; ///< a quarter of the streams each wait 0, 250, 500, 750 ms for their head
constexpr int kBehaviours = 600;      ///< queued per mock, more than it can be asked for
constexpr int kWaitMs = 45'000;
constexpr int kLaterRequests = 20;
constexpr const char *kAdminKey = "adm-load-failover-key";
const QString kModel = u"load-chat"_s;

/// What request `index` asks for, and so (the mock echoes it) the text its stream must carry.
/// Every word names the request, so a stream delivered to the wrong client cannot pass. One in
/// ten is short (0.2 s, some done before the kill), the others take 1.3–2.5 s at kChunkDelayMs.
QString promptFor(int index)
{
    const int words = index % 10 == 0 ? 3 : 30 + (index % 7) * 5;
    QStringList w;
    for (int j = 0; j < words; ++j)
        w.append(u"%1.%2"_s.arg(index).arg(j));
    return w.join(u' ');
}

QByteArray streamBody(const QString &prompt)
{
    return QJsonDocument(chatRequest(kModel, prompt, true)).toJson(QJsonDocument::Compact);
}

/// One streamed response as judged against the text it must carry.
struct StreamCheck
{
    bool lostMidStream = false; ///< ended with the gateway's error event after some content
    QByteArray endpoint;
    int attempts = 0;
    QString problem; ///< empty when the stream is well-formed and, unless lost, complete
};

StreamCheck checkStream(const HttpResponse &r, const QString &expected)
{
    StreamCheck c;
    c.endpoint = r.header("x-llmproxy-endpoint");
    c.attempts = r.header("x-llmproxy-attempts").toInt();
    const auto fail = [&c, &r](const QString &why) {
        c.problem = why + u"\n  "_s + r.describe();
        return c;
    };
    if (r.status != 200 || !r.error.isEmpty() || !r.complete)
        return fail(u"not a complete 200 response"_s);
    if (!r.header("content-type").startsWith("text/event-stream"))
        return fail(u"not an event stream"_s);
    if (c.endpoint != "a" && c.endpoint != "b" && c.endpoint != "c")
        return fail(u"no known X-LLMProxy-Endpoint"_s);
    if (c.attempts < 1)
        return fail(u"no X-LLMProxy-Attempts"_s);
    const QList<SseEvent> events = SseParser::parse(r.body);
    if (events.size() < 2 || events.last().data != "[DONE]")
        return fail(u"the stream does not end with data: [DONE]"_s);
    QString text;
    bool finished = false;
    for (qsizetype i = 0; i + 1 < events.size(); ++i) {
        const SseEvent &e = events.at(i);
        if (!e.event.isEmpty() || e.data == "[DONE]")
            return fail(u"event %1 is a named event or an early [DONE]"_s.arg(i));
        QJsonParseError parseError;
        const QJsonObject o = QJsonDocument::fromJson(e.data, &parseError).object();
        if (parseError.error != QJsonParseError::NoError)
            return fail(u"event %1 is not JSON"_s.arg(i));
        if (o.contains(u"error"_s)) {
            // The gateway's own end of a broken stream: last before [DONE], after some content.
            // (It may even follow the finish chunk: the upstream's stream had not ended yet.)
            const QJsonObject error = o.value(u"error"_s).toObject();
            const QString shape = openAiErrorProblem(e.data);
            if (!shape.isEmpty() || i + 2 != events.size() || i == 0 ||
                error.value(u"type"_s).toString() != u"upstream_error"_s ||
                error.value(u"code"_s).toString() != u"upstream_disconnected"_s)
                return fail(u"unexpected error event %1 of %2: %3 %4"_s.arg(i)
                                .arg(events.size())
                                .arg(QString::fromUtf8(e.data), shape));
            c.lostMidStream = true;
            break;
        }
        const QJsonObject choice = o.value(u"choices"_s).toArray().at(0).toObject();
        if (o.value(u"object"_s).toString() != u"chat.completion.chunk"_s || o.value(u"model"_s).toString() != kModel ||
            finished)
            return fail(u"event %1 is not a chunk of this stream"_s.arg(i));
        if (i == 0 && choice.value(u"delta"_s).toObject().value(u"role"_s).toString() != u"assistant"_s)
            return fail(u"the first chunk has no assistant role"_s);
        text += choice.value(u"delta"_s).toObject().value(u"content"_s).toString();
        const QJsonValue reason = choice.value(u"finish_reason"_s);
        if (!reason.isNull()) {
            if (reason.toString() != u"stop"_s)
                return fail(u"finish_reason %1"_s.arg(reason.toString()));
            finished = true;
        }
    }
    if (c.lostMidStream) {
        if (!expected.startsWith(text) || (finished && text != expected))
            return fail(u"the broken stream's text is not the start of the expected text: got \"%1\""_s.arg(text));
    } else if (!finished || text != expected) {
        return fail(u"incomplete text: got \"%1\""_s.arg(text));
    }
    return c;
}

} // namespace

class TestLoadFailover : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void streamsSurviveAnEndpointFailingHalfWay();

private:
    /// Runs the event loop until `done` holds, checked whenever a request got its headers or ended.
    bool runUntil(const std::function<bool()> &done, int timeoutMs);

    GatewayFixture m_gateway; // its mock is endpoint "a", the one that fails
    MockUpstreamProcess m_b{{u"--models"_s, kModel}};
    MockUpstreamProcess m_c{{u"--models"_s, kModel}};
    std::function<void()> m_progress;
};

bool TestLoadFailover::runUntil(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    m_progress = [&] {
        if (done())
            loop.quit();
    };
    if (!done()) {
        timeout.start(timeoutMs);
        loop.exec();
    }
    m_progress = nullptr;
    return done();
}

void TestLoadFailover::initTestCase()
{
    QVERIFY2(m_gateway.mock.start(), qPrintable(m_gateway.mock.errorString()));
    QVERIFY2(m_b.start(), qPrintable(m_b.errorString()));
    QVERIFY2(m_c.start(), qPrintable(m_c.errorString()));
    QList<EndpointSpec> endpoints;
    for (const auto &[id, baseUrl] : {std::pair{u"a"_s, m_gateway.mock.baseUrl()}, std::pair{u"b"_s, m_b.baseUrl()},
                                      std::pair{u"c"_s, m_c.baseUrl()}}) {
        EndpointSpec e = m_gateway.mockEndpoint();
        e.id = id;
        e.baseUrl = baseUrl;
        e.models = {kModel};
        e.weight = 1;
        endpoints.append(e);
    }
    m_gateway.config.endpoints = endpoints;
    m_gateway.config.workers = 2;
    m_gateway.config.extraYaml = "routing:\n  strategy: weighted\n";
    m_gateway.options.env.insert(u"LLM_PROXY_ADMIN_KEYS"_s, QString::fromLatin1(kAdminKey));
    QString error;
    QVERIFY2(m_gateway.start(&error), qPrintable(error));
}

void TestLoadFailover::streamsSurviveAnEndpointFailingHalfWay()
{
    // Slow streams so that all of them overlap; three quarters wait before their head, so the
    // kill also catches requests the endpoint has accepted but not answered yet.
    QJsonArray behaviours;
    for (int k = 0; k < kBehaviours; ++k)
        behaviours.append(
            QJsonObject{{u"chunk_delay_ms"_s, kChunkDelayMs}, {u"delay_ms"_s, (k % 4) * kHeadDelayStepMs}});
    for (MockUpstreamProcess *mock : {&m_gateway.mock, &m_b, &m_c})
        QVERIFY(mock->script(behaviours));

    QElapsedTimer clock;
    clock.start();
    QStringList prompts;
    int started = 0;
    int withHeaders = 0;
    int finished = 0;
    int peakInFlight = 0;
    std::vector<std::unique_ptr<AsyncRequest>> requests;
    for (int i = 0; i < kStreams; ++i) {
        prompts.append(promptFor(i));
        auto request = std::make_unique<AsyncRequest>(&clock);
        request->setOnHeaders([&](AsyncRequest &) {
            ++withHeaders;
            if (m_progress)
                m_progress();
        });
        request->setOnFinished([&](AsyncRequest &) {
            ++finished;
            if (m_progress)
                m_progress();
        });
        requests.push_back(std::move(request));
    }
    const QUrl url = m_gateway.url(u"/v1/chat/completions"_s);
    const HeaderList headers{{"Content-Type", "application/json"}};
    QTimer ramp;
    const auto startBatch = [&] {
        for (int n = 0; n < kRampBatch && started < kStreams; ++n, ++started)
            requests[started]->start("POST", url, headers, streamBody(prompts.at(started)));
        peakInFlight = qMax(peakInFlight, started - finished);
        if (started == kStreams) {
            ramp.stop();
            if (m_progress)
                m_progress();
        }
    };
    connect(&ramp, &QTimer::timeout, this, startBatch);
    ramp.start(kRampTickMs);
    startBatch();

    // Half-way (all open, half of them streaming): kill the process behind endpoint "a"; its
    // connections drop at once.
    const auto halfWay = [&] {
        return (started == kStreams && withHeaders >= kKillAfterHeaders) || finished == kStreams;
    };
    QVERIFY2(runUntil(halfWay, kWaitMs),
             qPrintable(u"only %1 of %2 streams started within %3 ms"_s.arg(withHeaders).arg(kStreams).arg(kWaitMs)));
    QVERIFY2(finished < kStreams, "every stream was over before half of them had started: nothing overlapped");
    const qint64 killAtMs = clock.elapsed();
    const int startedAtKill = started;
    int onAAtKill = 0;
    for (const auto &request : requests) {
        if (request->hasHeaders() && !request->isFinished() && request->response().header("x-llmproxy-endpoint") == "a")
            ++onAAtKill;
    }
    m_gateway.mock.stop();

    // Every request ends, in bounded time, whatever happened to its endpoint.
    if (!runUntil([&] { return finished == kStreams; }, kWaitMs)) {
        QStringList hanging;
        for (int i = 0; i < kStreams && hanging.size() < 5; ++i) {
            if (!requests[i]->isFinished())
                hanging.append(u"#%1 (started %2 ms): "_s.arg(i).arg(requests[i]->startedMs()) +
                               requests[i]->response().describe());
        }
        QFAIL(qPrintable(u"%1 of %2 requests did not end within %3 ms of the kill, e.g.\n"_s.arg(kStreams - finished)
                             .arg(kStreams)
                             .arg(kWaitMs) +
                         hanging.join(u'\n')));
    }
    const qint64 runMs = clock.elapsed();

    int completed = 0;
    int failedOver = 0;
    int lost = 0;
    QMap<QByteArray, int> completedOn;
    qint64 maxLatencyMs = 0;
    QStringList problems;
    for (int i = 0; i < kStreams; ++i) {
        const AsyncRequest &request = *requests[i];
        const StreamCheck c = checkStream(request.response(), prompts.at(i));
        maxLatencyMs = qMax(maxLatencyMs, request.finishedMs() - request.startedMs());
        if (!c.problem.isEmpty()) {
            problems.append(u"#%1: "_s.arg(i) + c.problem);
        } else if (c.lostMidStream) {
            // The only acceptable loss: bytes from "a" had reached the client, so nothing could take over.
            if (c.endpoint != "a" || c.attempts != 1)
                problems.append(u"#%1 broke mid-stream on %2 after %3 attempts: only streams on the killed endpoint, "
                                "first attempt, may break"_s.arg(i)
                                    .arg(QString::fromLatin1(c.endpoint))
                                    .arg(c.attempts));
            ++lost;
        } else {
            ++completed;
            completedOn[c.endpoint] += 1;
            if (c.attempts > 1) {
                ++failedOver;
                if (c.endpoint == "a")
                    problems.append(
                        u"#%1 completed on \"a\" after %2 attempts, but only \"a\" failed"_s.arg(i).arg(c.attempts));
            }
        }
    }
    qInfo("load-failover: %d streams (peak %d in flight), killed \"a\" at %lld ms with %d started and %d streaming "
          "from it; completed %d (a %d, b %d, c %d), failed over %d, lost mid-stream %d, max latency %lld ms, "
          "run %lld ms",
          kStreams, peakInFlight, killAtMs, startedAtKill, onAAtKill, completed, completedOn.value("a"),
          completedOn.value("b"), completedOn.value("c"), failedOver, lost, maxLatencyMs, runMs);
    QVERIFY2(problems.isEmpty(), qPrintable(u"%1 of %2 requests went wrong:\n"_s.arg(problems.size()).arg(kStreams) +
                                            problems.mid(0, 8).join(u'\n')));
    QCOMPARE(completed + lost, kStreams);
    // The scenario happened: the kill caught streams mid-flight and requests that had to move.
    QVERIFY2(lost > 0, "no stream was mid-flight on \"a\" when it was killed");
    QVERIFY2(failedOver > 0, "no request had to leave \"a\" before its first byte");
    // The surviving endpoints saw each of their streams exactly once and none was dropped.
    QCOMPARE(m_b.stat("inference_requests"), qint64(completedOn.value("b")));
    QCOMPARE(m_c.stat("inference_requests"), qint64(completedOn.value("c")));
    QCOMPARE(m_b.stat("client_aborted"), 0);
    QCOMPARE(m_c.stat("client_aborted"), 0);

    // Afterwards: healthy, the breaker of "a" is open, and new requests go straight to b and c.
    QVERIFY(m_b.reset());
    QVERIFY(m_c.reset());
    QCOMPARE(HttpClient::get(m_gateway.url(u"/health"_s)).status, 200);
    for (int i = 0; i < kLaterRequests; ++i) {
        const QString prompt = u"later %1 ok"_s.arg(i);
        const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chatRequest(kModel, prompt, true));
        const StreamCheck c = checkStream(r, prompt);
        QVERIFY2(c.problem.isEmpty(), qPrintable(c.problem));
        QVERIFY2(!c.lostMidStream, qPrintable(r.describe()));
        QVERIFY2(c.endpoint != "a", qPrintable(r.describe()));
        QCOMPARE(c.attempts, 1);
    }
    QCOMPARE(m_b.stat("inference_requests") + m_c.stat("inference_requests"), qint64(kLaterRequests));
    QVERIFY(m_b.stat("inference_requests") > 0);
    QVERIFY(m_c.stat("inference_requests") > 0);
    const HttpResponse registry =
        HttpClient::get(m_gateway.url(u"/api/v1/registry"_s), {{"Authorization", QByteArray("Bearer ") + kAdminKey}});
    QCOMPARE(registry.status, 200);
    QMap<QString, QString> breakers;
    for (const QJsonValue v : registry.json().value(u"endpoints"_s).toArray()) {
        const QJsonObject o = v.toObject();
        breakers.insert(o.value(u"id"_s).toString(), o.value(u"breaker"_s).toObject().value(u"state"_s).toString());
    }
    const QMap<QString, QString> expected{{u"a"_s, u"open"_s}, {u"b"_s, u"closed"_s}, {u"c"_s, u"closed"_s}};
    QCOMPARE(breakers, expected);
}

QTEST_GUILESS_MAIN(TestLoadFailover)
#include "tst_loadfailover.moc"
