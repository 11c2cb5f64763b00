// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The Ollama discovery endpoints (GET /api/version, GET /api/tags, POST /api/show) that tools such
// as GitHub Copilot's Ollama provider call before they send chat to /v1/chat/completions.
#include "tests/support/gatewayfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

class TestOllamaDiscovery : public QObject
{
    Q_OBJECT

private:
    GatewayFixture m_gateway;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_gateway.mock.start(), qPrintable(m_gateway.mock.errorString()));
        m_gateway.config.endpoints = {m_gateway.mockEndpoint()};
        m_gateway.config.extraYaml = "model_aliases:\n  coder: mock-chat\n";
        QString error;
        QVERIFY2(m_gateway.start(&error), qPrintable(error));
    }

    void versionIsNumeric()
    {
        const HttpResponse r = HttpClient::request("GET", m_gateway.url(u"/api/version"_s));
        QCOMPARE(r.status, 200);
        const QString version = QJsonDocument::fromJson(r.body).object().value(u"version"_s).toString();
        QVERIFY(QRegularExpression(u"^\\d+\\.\\d+\\.\\d+$"_s).match(version).hasMatch());
    }

    void tagsListConfiguredModelsAndAliases()
    {
        const HttpResponse r = HttpClient::request("GET", m_gateway.url(u"/api/tags"_s));
        QCOMPARE(r.status, 200);
        QStringList names;
        for (const QJsonValue m : QJsonDocument::fromJson(r.body).object().value(u"models"_s).toArray()) {
            names.append(m.toObject().value(u"name"_s).toString());
            QVERIFY(m.toObject().value(u"details"_s).isObject());
        }
        for (const QString &model : GatewayFixture::kModels)
            QVERIFY2(names.contains(model), qPrintable(names.join(u',')));
        QVERIFY(names.contains(u"coder"_s));
    }

    void showAnnouncesToolCapability()
    {
        HttpResponse r = HttpClient::request("POST", m_gateway.url(u"/api/show"_s), {}, "{\"model\":\"coder\"}");
        QCOMPARE(r.status, 200);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        const QJsonArray caps = o.value(u"capabilities"_s).toArray();
        QVERIFY(caps.contains(u"completion"_s) && caps.contains(u"tools"_s));
        const QJsonObject info = o.value(u"model_info"_s).toObject();
        const QString arch = info.value(u"general.architecture"_s).toString();
        QVERIFY(info.value(arch + u".context_length"_s).toInt() > 0);

        r = HttpClient::request("POST", m_gateway.url(u"/api/show"_s), {}, "{\"model\":\"unknown-model\"}");
        QCOMPARE(r.status, 404);
        QVERIFY(QJsonDocument::fromJson(r.body).object().value(u"error"_s).isString());
    }
};

QTEST_GUILESS_MAIN(TestOllamaDiscovery)
#include "tst_ollamadiscovery.moc"
