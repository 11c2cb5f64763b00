// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/api/proxycall.h"
#include "proxycore/cost/scopebudget.h"
#include "proxycore/observability/recordqueue.h"
#include "tests/support/fakeupstreamtransport.h"

#include <QEventLoop>
#include <QTest>
#include <QTimer>

#include <memory>

namespace llmproxy::test {

/// A ClientResponder that keeps everything the client would receive.
class RecordingResponder final : public ClientResponder
{
public:
    int status = 0;
    HeaderList headers;
    QByteArray body;          ///< the whole body (a stream's chunks concatenated)
    QList<QByteArray> writes; ///< a stream's chunks, as written
    bool streamed = false;
    bool ended = false;

    void respond(int s, const HeaderList &h, const QByteArray &b) override
    {
        status = s;
        headers = h;
        body = b;
        ended = true;
    }
    void beginStream(int s, const HeaderList &h) override
    {
        status = s;
        headers = h;
        streamed = true;
    }
    void writeChunk(QByteArrayView data) override
    {
        body += data;
        writes.append(data.toByteArray());
    }
    void endStream() override { ended = true; }
    qint64 pendingBytes() const override { return 0; }
    void setCallbacks(std::function<void()> gone, std::function<void()> terminate,
                      std::function<void()> drained) override
    {
        m_gone = std::move(gone);
        m_terminate = std::move(terminate);
        m_drained = std::move(drained);
    }

    /// The client hangs up / the shutdown grace period ran out.
    void clientGone()
    {
        if (m_gone)
            m_gone();
    }
    void terminate()
    {
        if (m_terminate)
            m_terminate();
    }
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (h.first == name)
                return h.second;
        }
        return {};
    }

private:
    std::function<void()> m_gone;
    std::function<void()> m_terminate;
    std::function<void()> m_drained;
};

/// One ProxyCall against a FakeUpstreamTransport, without sockets or an ApiRouter: endpoints from a
/// Config, a recording client, the record it ends with.
struct ProxyCallHarness
{
    FakeUpstreamTransport transport;
    IUpstreamTransport *upstream = &transport;                   ///< another transport (e.g. a real one) may replace it
    QByteArray apiPath = QByteArrayLiteral("/chat/completions"); ///< appended to the endpoint's base URL
    BudgetLedger budget;
    ScopeBudgets scopeBudgets; ///< the keys' and teams' budgets the call settles `reservation` into
    std::shared_ptr<BudgetReservation> reservation; ///< handed to the next start()'s call (null: none)
    RecordQueue records;
    qint64 clockMs = 1'000'000;
    RoutingSnapshotPtr snapshot;
    std::shared_ptr<RecordingResponder> client = std::make_shared<RecordingResponder>();
    std::shared_ptr<ProxyCall> call;
    bool released = false;

private:
    QEventLoop m_loop; // waitDone() runs it until the call is released

public:
    /// An OpenAI-compatible (or `provider`) endpoint `id` serving `models`, with fast retries.
    static EndpointConfig endpoint(const QString &id, const QStringList &models,
                                   const QString &provider = QStringLiteral("openai_compatible"), int priority = 0)
    {
        EndpointConfig e;
        e.id = id;
        e.provider = provider;
        e.baseUrl = QStringLiteral("http://127.0.0.1:9/") + id + QStringLiteral("/v1");
        e.models = models;
        e.priority = priority;
        e.apiKey = QStringLiteral("sk-") + id;
        e.source = QStringLiteral("file");
        return e;
    }

    explicit ProxyCallHarness(QList<EndpointConfig> endpoints = {endpoint(QStringLiteral("a"), {QStringLiteral("m")})})
    {
        setEndpoints(std::move(endpoints));
    }

    void setEndpoints(QList<EndpointConfig> endpoints)
    {
        Config c;
        c.endpoints = std::move(endpoints);
        c.routing.retryBaseDelayMs = 1;
        c.routing.retryMaxDelayMs = 2;
        snapshot =
            std::make_shared<const RoutingSnapshot>(std::make_shared<const Config>(c), QList<EndpointConfig>{}, 1000);
    }

    /// Starts the call for `model` (all its routes) in `client` format; every attempt sends
    /// `body` in `upstream` format.
    void start(formats::ApiFormat clientFormat, formats::ApiFormat upstreamFormat, bool stream,
               ResponseFilterChainPtr filters = {}, formats::ClientOptions options = {},
               const QString &model = QStringLiteral("m"), const QByteArray &body = QByteArrayLiteral("{}"))
    {
        CallServices s;
        s.transport = upstream;
        s.budget = &budget;
        s.records = &records;
        s.nowMs = [this] { return clockMs; };
        s.release = [this](ProxyCall *) {
            released = true;
            m_loop.quit();
        };
        RequestRecord record;
        record.requestId = QStringLiteral("test");
        record.model = model;
        call = std::make_shared<ProxyCall>(std::move(s), snapshot, client, std::move(record), monotonicNowNs(),
                                           clientFormat, std::move(options), std::move(filters));
        call->setReservation(std::move(reservation), &scopeBudgets);
        call->start(snapshot->routes(model),
                    [upstreamFormat, stream, body, path = apiPath](const RouteTarget &route,
                                                                   ApiError *) -> std::optional<UpstreamPlan> {
                        UpstreamPlan plan;
                        plan.format = upstreamFormat;
                        plan.url = route.endpoint->baseUrl + path;
                        plan.body = body;
                        plan.stream = stream;
                        return plan;
                    });
    }

    /// Runs the event loop until the call released itself (false after 10 s).
    [[nodiscard]] bool waitDone()
    {
        if (released)
            return true;
        QTimer guard;
        guard.setSingleShot(true);
        QObject::connect(&guard, &QTimer::timeout, &m_loop, &QEventLoop::quit);
        guard.start(10'000);
        m_loop.exec();
        return released;
    }

    /// The record the call ended with.
    RequestRecord record()
    {
        const QList<RequestRecord> all = records.takeAll();
        return all.isEmpty() ? RequestRecord() : all.last();
    }
};

} // namespace llmproxy::test
