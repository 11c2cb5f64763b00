// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/config.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace llmproxy {

/// A kind of local model server to look for: its provider preset name and loopback port.
struct LocalDiscoveryTarget
{
    QString provider; ///< preset name, e.g. "ollama" (see providers/providerpreset.h)
    quint16 port = 0;
};

/// Ollama 11434, LM Studio 1234, vLLM 8000, llama.cpp 8080.
QList<LocalDiscoveryTarget> defaultLocalDiscoveryTargets();

/// Finds OpenAI-compatible model servers on this machine so that a fresh install has something to
/// route to. Each scan sends `GET /v1/models` to every target in parallel (Ollama falls back to
/// `GET /api/tags`) through a control-plane QNetworkAccessManager, with a short timeout.
/// It also tells which models are loaded in memory (EndpointConfig::loadedModels), since the first
/// request to a model that is not loaded waits for it to load: Ollama's `GET /api/ps` (asked after
/// its `/v1/models` answered; releases that only have `/api/tags` predate it); LM Studio, vLLM and
/// llama.cpp list in `/v1/models` the models they have loaded.
///
/// Lives in the thread that created it; all calls and signals happen there. Owns the manager it
/// creates when none is given; a given manager must outlive this object.
/// Failure behaviour: a server that does not answer, answers with anything but 200, or whose body is
/// not a models list is left out without any message, since most ports are simply closed.
class LocalDiscovery final : public QObject
{
    Q_OBJECT
public:
    explicit LocalDiscovery(QList<LocalDiscoveryTarget> targets = defaultLocalDiscoveryTargets(),
                            QString host = QStringLiteral("127.0.0.1"), QNetworkAccessManager *network = nullptr,
                            QObject *parent = nullptr);
    ~LocalDiscovery() override;

    /// Time between scans after start(); 0 = scan once.
    void setIntervalMs(int ms);
    int intervalMs() const { return m_intervalMs; }
    /// Longest a single probe may take before that server counts as absent (default 1500 ms).
    void setProbeTimeoutMs(int ms) { m_probeTimeoutMs = ms; }
    int probeTimeoutMs() const { return m_probeTimeoutMs; }

    /// Scans now and then every intervalMs() (if not 0) until stop().
    void start();
    void stop();
    /// Starts one scan unless one is already running (its result is about to arrive anyway).
    Q_INVOKABLE void scanNow();
    bool isScanning() const { return m_pending > 0; }

Q_SIGNALS:
    /// After every scan: one endpoint per server that answered with a models list, in target order
    /// (id "local-<provider>", source "discovery"), with `models` (what it serves) and
    /// `loadedModels` (what is in memory now). A server listing no models is reported disabled,
    /// because an endpoint with an empty model list would accept every model.
    void discovered(const QList<llmproxy::EndpointConfig> &endpoints);

private:
    /// What a request of the scan asks for.
    enum class Step { Models, Tags, Loaded };

    void probe(int index, Step step);
    void probeFinished(QNetworkReply *reply, int index, Step step);
    void targetDone();

    QList<LocalDiscoveryTarget> m_targets;
    QString m_host;
    std::unique_ptr<QNetworkAccessManager> m_ownNetwork;
    QNetworkAccessManager *m_network = nullptr;
    QTimer m_timer;
    int m_intervalMs = 0;
    int m_probeTimeoutMs = 1500;
    int m_pending = 0;
    std::vector<std::optional<QStringList>> m_results; ///< models per target; nullopt = no server there
    std::vector<QStringList> m_loaded;                 ///< loaded models per target
    QList<QPointer<QNetworkReply>> m_inflight;
};

} // namespace llmproxy
