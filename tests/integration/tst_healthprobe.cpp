// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: the gateway's health prober end to end — a reachable endpoint is checked with a free
// GET /v1/models carrying its key and reported "healthy" in the admin registry, an unreachable one
// "unhealthy" with its breaker opened by the failed checks and one log line for it; a reload that sets
// routing.health.interval_s to 0 stops the checks and the registry falls back to "unknown".
#include "tests/support/gatewayfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

#include <csignal>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kAdminKey = "sk-admin-health-0815";

QByteArray healthYaml(int intervalS)
{
    return "routing:\n  health: {interval_s: " + QByteArray::number(intervalS) +
           ", timeout_ms: 1000}\n  circuit_breaker: {failure_threshold: 2, recovery_s: 3600}\n";
}

} // namespace

class TestHealthProbe : public QObject
{
    Q_OBJECT

private:
    RefusingPort m_deadPort; ///< the dead endpoint's port: refuses for the whole run
    GatewayFixture m_gateway;

    QJsonObject entry(const QString &id) const
    {
        const HttpResponse r = HttpClient::get(m_gateway.url(u"/api/v1/registry"_s),
                                               {{"Authorization", QByteArray("Bearer ") + kAdminKey}});
        for (const QJsonValue v : r.json().value("endpoints"_L1).toArray()) {
            if (v.toObject().value("id"_L1).toString() == id)
                return v.toObject();
        }
        return {};
    }

    QString probeOf(const QString &id) const { return entry(id).value("probe"_L1).toString(); }

    qsizetype modelsChecks() const
    {
        qsizetype n = 0;
        for (const MockRequest &r : m_gateway.mock.requests())
            n += r.method == "GET" && r.path == "/v1/models";
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_gateway.mock.start(), qPrintable(m_gateway.mock.errorString()));
        EndpointSpec dead;
        dead.id = u"dead"_s;
        dead.baseUrl = u"http://127.0.0.1:%1/v1"_s.arg(m_deadPort.port());
        dead.models = {u"dead-model"_s};
        dead.apiKey = u"sk-dead"_s;
        m_gateway.config.endpoints = {m_gateway.mockEndpoint(), dead};
        m_gateway.config.extraYaml = healthYaml(1);
        m_gateway.options.env.insert(u"LLM_PROXY_ADMIN_KEYS"_s, QString::fromLatin1(kAdminKey));
        m_gateway.options.env.insert(u"LLM_PROXY_HEALTH_INTERVAL_S"_s, QString()); // empty: the file decides
        QString error;
        QVERIFY2(m_gateway.start(&error), qPrintable(error));
    }

    void reachableEndpointIsHealthy()
    {
        QTRY_COMPARE_WITH_TIMEOUT(probeOf(u"mock"_s), u"healthy"_s, 10000);
        bool sawCheck = false;
        for (const MockRequest &r : m_gateway.mock.requests()) {
            if (r.method == "GET" && r.path == "/v1/models") {
                QCOMPARE(r.header("authorization"), QByteArray("Bearer ") + GatewayFixture::kUpstreamKey);
                QVERIFY(r.body.isEmpty());
                sawCheck = true;
            }
        }
        QVERIFY(sawCheck);
        QCOMPARE(m_gateway.mock.inferenceRequests().size(), 0); // checks cost nothing
        QCOMPARE(entry(u"mock"_s).value("breaker"_L1).toObject().value("state"_L1).toString(), u"closed"_s);
    }

    void unreachableEndpointOpensItsBreaker()
    {
        QTRY_COMPARE_WITH_TIMEOUT(probeOf(u"dead"_s), u"unhealthy"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(entry(u"dead"_s).value("breaker"_L1).toObject().value("state"_L1).toString(),
                                  u"open"_s, 15000);
        const QByteArray log = m_gateway.proxy.stdErr();
        QCOMPARE(log.count("endpoint dead failed its health check"), 1); // logged when it changed, not per check
        QCOMPARE(log.count("endpoint dead: circuit breaker opened"), 1);
        QVERIFY(!log.contains("sk-dead"));
    }

    void reloadSwitchesChecksOff()
    {
        QFile file(m_gateway.proxy.configPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray yaml = file.readAll();
        file.close();
        QVERIFY(yaml.contains(healthYaml(1)));
        yaml.replace(healthYaml(1), healthYaml(0));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(yaml);
        file.close();

        const qsizetype reloadsBefore = m_gateway.proxy.stdErr().count("configuration reloaded");
        QVERIFY(m_gateway.proxy.sendSignal(SIGHUP));
        QVERIFY2(QTest::qWaitFor(
                     [&] { return m_gateway.proxy.stdErr().count("configuration reloaded") > reloadsBefore; }, 10000),
                 qPrintable(m_gateway.proxy.diagnostics()));
        QCOMPARE(probeOf(u"mock"_s), u"unknown"_s);
        QCOMPARE(probeOf(u"dead"_s), u"unknown"_s);
        QVERIFY(m_gateway.mock.reset());
        QTest::qWait(2500); // more than two intervals of the old setting
        QCOMPARE(modelsChecks(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHealthProbe)
#include "tst_healthprobe.moc"
