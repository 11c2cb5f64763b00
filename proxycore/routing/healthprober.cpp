// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/routing/healthprober.h"

#include "proxycore/http/httprequest.h"
#include "proxycore/routing/upstreamplan.h"
#include "proxycore/upstream/controlplane.h"

#include <QDateTime>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <limits>
#include <utility>

namespace llmproxy {

Q_LOGGING_CATEGORY(lcHealth, "llmproxy.health")

namespace {

bool isLocal(const ResolvedEndpoint &endpoint)
{
    if (endpoint.preset->local)
        return true;
    const QString host = QUrl(QString::fromUtf8(endpoint.baseUrl)).host();
    return host.compare(u"localhost", Qt::CaseInsensitive) == 0 || QHostAddress(host).isLoopback();
}

HealthCheckRequest modelsCheck(const ResolvedEndpoint &endpoint)
{
    HealthCheckRequest r;
    r.method = QByteArrayLiteral("GET");
    r.url = endpoint.baseUrl + "/models";
    if (endpoint.preset->format == WireFormat::Anthropic)
        r.headers.append({QByteArrayLiteral("anthropic-version"), QByteArrayLiteral("2023-06-01")});
    if (!endpoint.auth.first.isEmpty())
        r.headers.append(endpoint.auth);
    r.headers.append(endpoint.extraHeaders);
    return r;
}

HealthProber::Outcome classify(int status, bool modelsMode)
{
    using Outcome = HealthProber::Outcome;
    if (status <= 0)
        return Outcome::Down;
    if ((status >= 200 && status < 300) || status == 429)
        return Outcome::Healthy;
    if (status == 401 || status == 403)
        return Outcome::KeyRejected;
    if (modelsMode && (status == 404 || status == 405 || status == 501))
        return Outcome::NoCheck;
    if (status == 408 || status >= 500)
        return Outcome::Down;
    return Outcome::Rejected;
}

EndpointHealth::Probe probeOf(HealthProber::Outcome outcome)
{
    switch (outcome) {
    case HealthProber::Outcome::Healthy:
        return EndpointHealth::Probe::Healthy;
    case HealthProber::Outcome::NoCheck:
        return EndpointHealth::Probe::Unknown;
    case HealthProber::Outcome::Down:
    case HealthProber::Outcome::KeyRejected:
    case HealthProber::Outcome::Rejected:
        break;
    }
    return EndpointHealth::Probe::Unhealthy;
}

} // namespace

std::optional<HealthCheckRequest> healthCheckRequest(const ResolvedEndpoint &endpoint, QStringView mode)
{
    const bool azure = endpoint.preset->format == WireFormat::AzureOpenAi;
    const QString model = endpoint.config.models.value(0);
    if (mode != u"completion" || model.isEmpty()) {
        if (azure)
            return std::nullopt;
        return modelsCheck(endpoint);
    }
    canonical::Request request;
    request.model = model;
    canonical::Message message;
    message.parts.append(canonical::ContentPart::makeText(QStringLiteral("ping")));
    request.messages.append(message);
    request.maxOutputTokens = 1;
    QList<canonical::Dropped> dropped;
    const UpstreamPlan plan =
        planTranslated(endpoint, request, chatFormatFor(endpoint, formats::ApiFormat::OpenAiChat), &dropped);
    HealthCheckRequest r;
    r.method = QByteArrayLiteral("POST");
    r.url = plan.url;
    r.body = plan.body;
    r.headers.append({QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")});
    r.headers.append(plan.extraHeaders);
    if (!endpoint.auth.first.isEmpty())
        r.headers.append(endpoint.auth);
    r.headers.append(endpoint.extraHeaders);
    return r;
}

HealthProber::HealthProber(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network), m_clock([] { return monotonicNowNs() / 1'000'000; })
{
    if (!m_network) {
        m_ownNetwork = makeControlPlaneNetworkAccess(this);
        m_network = m_ownNetwork.get();
    }
    m_elapsed.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HealthProber::runDue);
}

HealthProber::~HealthProber()
{
    for (Slot &slot : m_slots)
        drop(slot);
}

void HealthProber::setSnapshot(RoutingSnapshotPtr snapshot)
{
    m_snapshot = std::move(snapshot);
    sync();
}

void HealthProber::start()
{
    m_running = true;
    sync();
}

void HealthProber::stop()
{
    m_running = false;
    m_timer.stop();
    for (Slot &slot : m_slots)
        drop(slot);
    m_slots.clear();
}

void HealthProber::setIntervalMs(int ms)
{
    m_intervalOverrideMs = qMax(0, ms);
    sync();
}

void HealthProber::setClock(std::function<qint64()> monotonicMs)
{
    m_clock = std::move(monotonicMs);
}

qint64 HealthProber::intervalMs() const
{
    if (m_intervalOverrideMs > 0)
        return m_intervalOverrideMs;
    return m_snapshot ? qint64(m_snapshot->config().routing.health.intervalS) * 1000 : 0;
}

qint64 HealthProber::firstDelayMs(qint64 interval) const
{
    return qint64(QRandomGenerator::global()->bounded(quint64(interval / 2 + 1)));
}

qint64 HealthProber::nextDelayMs(qint64 interval) const
{
    // interval × U(0.8, 1.2)
    return interval * 4 / 5 + qint64(QRandomGenerator::global()->bounded(quint64(interval * 2 / 5 + 1)));
}

void HealthProber::sync()
{
    const qint64 interval = m_running ? intervalMs() : 0;
    const qint64 now = m_elapsed.elapsed();
    QSet<QString> wanted;
    if (m_snapshot && interval > 0) {
        const HealthProbeConfig &settings = m_snapshot->config().routing.health;
        for (const ResolvedEndpoint &endpoint : m_snapshot->endpoints()) {
            if (!endpoint.config.probe || (!settings.probeLocal && isLocal(endpoint)))
                continue;
            std::optional<HealthCheckRequest> request = healthCheckRequest(endpoint, settings.mode);
            if (!request)
                continue;
            wanted.insert(endpoint.config.id);
            auto it = m_slots.find(endpoint.config.id);
            if (it == m_slots.end()) {
                Slot slot;
                slot.dueMs = now + firstDelayMs(interval);
                slot.request = std::move(*request);
                m_slots.insert(endpoint.config.id, slot);
            } else if (!it->scheduled) {
                // A check probeNow() started becomes part of the schedule.
                it->scheduled = true;
                it->request = std::move(*request);
                it->dueMs = now + firstDelayMs(interval);
            } else if (it->request != *request) {
                // What the last checks said is about another URL, key or mode.
                drop(*it);
                it->last.reset();
                it->request = std::move(*request);
                it->dueMs = now + firstDelayMs(interval);
            } else if (it->dueMs > now + interval * 6 / 5) {
                it->dueMs = now + firstDelayMs(interval); // the interval became shorter
            }
        }
    }
    for (auto it = m_slots.begin(); it != m_slots.end();) {
        if (wanted.contains(it.key())) {
            ++it;
            continue;
        }
        if (!it->scheduled) {
            // A check probeNow() started runs to its end while the endpoint is still routed.
            const bool routed =
                m_snapshot && std::any_of(m_snapshot->endpoints().cbegin(), m_snapshot->endpoints().cend(),
                                          [&it](const ResolvedEndpoint &e) { return e.config.id == it.key(); });
            if (routed && it->reply) {
                ++it;
                continue;
            }
            drop(*it);
            it = m_slots.erase(it);
            continue;
        }
        drop(*it);
        // Still routed but no longer checked: what the prober said last no longer holds.
        if (m_snapshot) {
            for (const ResolvedEndpoint &endpoint : m_snapshot->endpoints()) {
                if (endpoint.config.id == it.key())
                    endpoint.health->probe.store(int(EndpointHealth::Probe::Unknown), std::memory_order_relaxed);
            }
        }
        it = m_slots.erase(it);
    }
    arm();
}

void HealthProber::arm()
{
    if (m_slots.isEmpty()) {
        m_timer.stop();
        return;
    }
    qint64 next = std::numeric_limits<qint64>::max();
    for (const Slot &slot : std::as_const(m_slots)) {
        if (slot.scheduled)
            next = qMin(next, slot.dueMs);
    }
    if (next == std::numeric_limits<qint64>::max()) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(std::clamp<qint64>(next - m_elapsed.elapsed(), 0, std::numeric_limits<int>::max())));
}

void HealthProber::runDue()
{
    const qint64 interval = intervalMs();
    if (!m_running || !m_snapshot || interval <= 0)
        return;
    const qint64 now = m_elapsed.elapsed();
    for (const ResolvedEndpoint &endpoint : m_snapshot->endpoints()) {
        const auto it = m_slots.find(endpoint.config.id);
        if (it == m_slots.end() || !it->scheduled || it->dueMs > now)
            continue;
        it->dueMs = now + nextDelayMs(interval);
        if (!it->reply) // a check still running (timeout near the interval) is not doubled
            check(endpoint, *it);
    }
    arm();
}

bool HealthProber::probeNow(const QString &id, QString *why)
{
    const ResolvedEndpoint *endpoint = nullptr;
    if (m_snapshot) {
        for (const ResolvedEndpoint &e : m_snapshot->endpoints()) {
            if (e.config.id == id)
                endpoint = &e;
        }
    }
    if (!endpoint) {
        *why = QStringLiteral("endpoint %1 is not routed (disabled or unknown)").arg(id);
        return false;
    }
    std::optional<HealthCheckRequest> request = healthCheckRequest(*endpoint, m_snapshot->config().routing.health.mode);
    if (!request) {
        *why = QStringLiteral("endpoint %1 has no health check in %2 mode (routing.health.mode)")
                   .arg(id, m_snapshot->config().routing.health.mode);
        return false;
    }
    auto it = m_slots.find(id);
    if (it == m_slots.end()) {
        Slot slot;
        slot.scheduled = false;
        slot.request = std::move(*request);
        it = m_slots.insert(id, slot);
    } else if (it->reply) {
        return true; // the check running now answers this one too
    }
    check(*endpoint, *it, true);
    return true;
}

void HealthProber::check(const ResolvedEndpoint &endpoint, Slot &slot, bool force)
{
    const CircuitBreaker &breaker = endpoint.health->breaker;
    const qint64 nowMs = m_clock();
    switch (force ? CircuitBreaker::State::Closed : breaker.state(nowMs)) {
    case CircuitBreaker::State::Closed:
        break;
    case CircuitBreaker::State::HalfOpen:
        return; // a client's request is probing it
    case CircuitBreaker::State::Open:
        if (!breaker.isAvailable(nowMs)) {
            // Come back when the recovery time is over, unless the next round is sooner.
            const qint64 wait = breaker.openedAtMs() + breaker.settings().recoveryMs - nowMs;
            slot.dueMs = qMin(slot.dueMs, m_elapsed.elapsed() + qMax<qint64>(1, wait));
            return;
        }
        break;
    }

    const int timeoutMs = m_snapshot->config().routing.health.timeoutMs;
    QNetworkRequest request = makeControlPlaneRequest(QUrl::fromEncoded(slot.request.url), timeoutMs);
    for (const auto &[name, value] : std::as_const(slot.request.headers))
        request.setRawHeader(name, value);
    QNetworkReply *reply =
        slot.request.method == "POST" ? m_network->post(request, slot.request.body) : m_network->get(request);
    slot.reply = reply;
    const QString id = endpoint.config.id;
    const std::shared_ptr<EndpointHealth> health = endpoint.health;
    // A success says all a check needs with its status line; a long models list is not downloaded.
    // Error answers are short and read to their end (QNAM has already flagged them as errors then).
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply, id, health] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 200 && status < 300)
            finished(reply, id, health);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, id, health] { finished(reply, id, health); });
    // The transfer timeout only catches silence; this also ends a server that drips bytes.
    QTimer::singleShot(timeoutMs, reply, [reply] { reply->abort(); });
}

void HealthProber::finished(QNetworkReply *reply, const QString &id, const std::shared_ptr<EndpointHealth> &health)
{
    const auto it = m_slots.find(id);
    if (it == m_slots.end() || it->reply != reply)
        return;
    it->reply.clear();
    reply->disconnect(this);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString detail;
    if (status > 0) {
        const QByteArray call = it->request.method + ' ' + it->request.url;
        detail = QStringLiteral("%1 answered %2").arg(QString::fromUtf8(call)).arg(status);
    } else if (reply->error() == QNetworkReply::OperationCanceledError) {
        detail = QStringLiteral("no answer within %1 ms").arg(m_snapshot->config().routing.health.timeoutMs);
    } else {
        detail = reply->errorString();
    }
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
    apply(id, *it, *health, classify(status, it->request.method == "GET"), detail);
    if (const auto done = m_slots.find(id); done != m_slots.end() && !done->scheduled && !done->reply)
        m_slots.erase(done);
}

void HealthProber::apply(const QString &id, Slot &slot, EndpointHealth &health, Outcome outcome, const QString &detail)
{
    health.lastProbeEpochMs.store(QDateTime::currentMSecsSinceEpoch(), std::memory_order_relaxed);
    health.probe.store(int(probeOf(outcome)), std::memory_order_relaxed);

    CircuitBreaker &breaker = health.breaker;
    const qint64 nowMs = m_clock();
    const CircuitBreaker::State state = breaker.state(nowMs);
    if (outcome == Outcome::Healthy) {
        if (state == CircuitBreaker::State::Open) {
            // Claimed and settled at once: a client's request never waits for this probe.
            if (breaker.tryAcquire(nowMs)) {
                breaker.recordSuccess();
                qCInfo(lcHealth, "endpoint %s: circuit breaker closed, the health check succeeded", qPrintable(id));
            }
        } else if (state == CircuitBreaker::State::Closed && breaker.consecutiveFailures() > 0) {
            breaker.recordSuccess();
        }
    } else if (outcome == Outcome::Down) {
        if (state == CircuitBreaker::State::Open) {
            if (breaker.tryAcquire(nowMs))
                breaker.recordFailure(nowMs); // open for another recovery period
        } else if (state == CircuitBreaker::State::Closed) {
            breaker.recordFailure(nowMs);
            if (breaker.state(nowMs) == CircuitBreaker::State::Open)
                qCWarning(lcHealth, "endpoint %s: circuit breaker opened after %d failed calls", qPrintable(id),
                          breaker.consecutiveFailures());
        }
    }

    const std::optional<Outcome> previous = std::exchange(slot.last, outcome);
    if (previous != outcome) {
        switch (outcome) {
        case Outcome::Healthy:
            if (previous)
                qCInfo(lcHealth, "endpoint %s is healthy again", qPrintable(id));
            else
                qCDebug(lcHealth, "endpoint %s is healthy", qPrintable(id));
            break;
        case Outcome::Down:
            qCWarning(lcHealth, "endpoint %s failed its health check: %s", qPrintable(id), qPrintable(detail));
            break;
        case Outcome::KeyRejected:
            qCWarning(lcHealth, "endpoint %s refused the key in its health check (%s); check the key", qPrintable(id),
                      qPrintable(detail));
            break;
        case Outcome::Rejected:
            qCWarning(lcHealth, "endpoint %s failed its health check: %s; check base_url", qPrintable(id),
                      qPrintable(detail));
            break;
        case Outcome::NoCheck:
            qCInfo(lcHealth,
                   "endpoint %s has no models list (%s); its health stays unknown. Set routing.health.mode: "
                   "completion or probe: false on the endpoint",
                   qPrintable(id), qPrintable(detail));
            break;
        }
    }
    Q_EMIT probed(id, outcome);
}

void HealthProber::drop(Slot &slot)
{
    if (QNetworkReply *reply = slot.reply.data()) {
        // abort() emits finished() synchronously; nobody must be listening any more.
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    slot.reply.clear();
}

} // namespace llmproxy
