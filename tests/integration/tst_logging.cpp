// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// What the gateway writes to its log: one access line per request (text or JSON), never request
// bodies or keys by default; bodies only with logging.log_bodies, and then with keys redacted.
#include "tests/support/gatewayfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <csignal>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

class TestLogging : public QObject
{
    Q_OBJECT

private:
    /// Starts a gateway with `extraYaml`, sends one chat request carrying a secret, returns stderr.
    QByteArray runOnce(const QByteArray &extraYaml, const QStringList &args = {})
    {
        GatewayFixture gateway;
        gateway.config.endpoints = {};
        if (!gateway.mock.start())
            return "mock failed: " + gateway.mock.errorString().toUtf8();
        gateway.config.endpoints = {gateway.mockEndpoint()};
        gateway.config.extraYaml = extraYaml;
        gateway.options.extraArgs = args;
        gateway.options.env.insert(u"LLM_PROXY_API_KEYS"_s, u"sk-proxy-client-key"_s);
        QString error;
        if (!gateway.start(&error))
            return "gateway failed: " + error.toUtf8();
        const QJsonObject body{{u"model"_s, u"mock-chat"_s},
                               {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s},
                                                                      {u"content"_s, u"my key is sk-live-abcdefghijklmnop"_s}}}}};
        const HttpResponse r = gateway.post(u"/v1/chat/completions"_s, body,
                                            {{"authorization", "Bearer sk-proxy-client-key"}});
        if (r.status != 200)
            return "request failed: " + QByteArray::number(r.status);
        gateway.proxy.sendSignal(SIGTERM);
        gateway.proxy.waitForExit(10000);
        return gateway.proxy.stdErr();
    }

private slots:
    void accessLineWithoutBodiesOrKeysByDefault()
    {
        const QByteArray log = runOnce({});
        QVERIFY2(log.contains("route=/v1/chat/completions"), log.constData());
        QVERIFY(log.contains("status=200"));
        QVERIFY(log.contains("model=mock-chat"));
        QVERIFY(!log.contains("my key is"));
        QVERIFY(!log.contains("sk-live-abcdefghijklmnop"));
        QVERIFY(!log.contains("sk-proxy-client-key"));
        QVERIFY(!log.contains(GatewayFixture::kUpstreamKey));
    }

    void jsonLinesParse()
    {
        const QByteArray log = runOnce({}, {u"--log-format"_s, u"json"_s});
        int requests = 0;
        for (const QByteArray &line : log.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            QJsonParseError e{};
            const QJsonObject o = QJsonDocument::fromJson(line, &e).object();
            QVERIFY2(e.error == QJsonParseError::NoError, line.constData());
            QVERIFY(o.contains(u"ts"_s) && o.contains(u"level"_s) && o.contains(u"msg"_s));
            if (o.value(u"msg"_s).toString() == u"request") {
                ++requests;
                QCOMPARE(o.value(u"status"_s).toInt(), 200);
                QVERIFY(!o.value(u"request_id"_s).toString().isEmpty());
            }
        }
        QCOMPARE(requests, 1);
    }

    void bodiesOnlyWhenAskedAndRedacted()
    {
        const QByteArray log = runOnce("logging:\n  log_bodies: true\n");
        QVERIFY2(log.contains("request body"), log.constData());
        QVERIFY(log.contains("my key is sk-live-"));          // the body is there...
        QVERIFY(!log.contains("sk-live-abcdefghijklmnop"));   // ...with the key cut off
        QVERIFY(log.contains("response body"));
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
