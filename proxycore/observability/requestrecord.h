// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace llmproxy {

/// What the live log shows about one finished request. Value type; crosses threads by copy.
struct RequestRecord
{
    QDateTime time;          ///< when the request arrived (UTC)
    QString requestId;
    QString method;
    QString route;           ///< path without query, e.g. "/v1/chat/completions"
    /// The client API it came in as: "chat_completions", "completions", "embeddings", "responses",
    /// "messages"; empty for requests that are none of them.
    QString clientApi;
    QString model;           ///< as requested by the client
    QString servedModel;     ///< the model the endpoint was asked for (an alias resolved); empty if none
    QString keyName;         ///< name of the client key (server.auth.keys); empty for unnamed keys
    QString team;            ///< the key's team (server.auth.keys[].team); empty for none
    QString provider;        ///< preset name of the endpoint that served it; empty if none
    QString endpoint;        ///< endpoint id; empty if none
    int status = 0;          ///< HTTP status sent to the client
    bool stream = false;
    double latencyMs = 0;    ///< arrival → last byte sent
    double overheadMs = 0;   ///< gateway time, excluding time spent waiting for the upstream
    /// Arrival → the first byte of the answer's body sent to the client (a stream's first event,
    /// or the whole buffered answer); -1 = none sent (an error answer, a client that left).
    double ttftMs = -1;
    int promptTokens = -1;   ///< -1 = unknown
    int completionTokens = -1;
    QString error;           ///< short error code when status >= 400 or the stream ended with an error
    int attempts = 0;        ///< upstream attempts made (retries and fallback hops included)
    double costUsd = -1;     ///< priced from the usage; -1 = unknown (no usage reported)
    bool costEstimated =
        false;               ///< costUsd is an estimate (the provider reported no usage), not a price of reported usage
    QString blockedBy;       ///< the request pipeline stage that refused the request; empty if none
    /// Answered from the response cache: no upstream attempt, cost 0 (tokens are the stored
    /// answer's, for information; nothing was charged).
    bool cacheHit = false;
    /// With logging.log_bodies only (empty otherwise): the body sent to the provider and the answer
    /// (a stream's first bytes), each cut at 16 KiB, with secrets redacted and personal data masked
    /// ([EMAIL], [CARD], …). Kept in the store's request_bodies table (docs/storage.md).
    QString requestBody;
    QString responseBody;
};

/// State of one endpoint as shown in the endpoint list.
struct EndpointStatus
{
    QString id;
    QString provider;
    QString baseUrl;
    QStringList models;
    QStringList loadedModels; ///< discovered local servers: the models in memory now (see EndpointConfig)
    QString source;          ///< "file", "env", "discovery"
    bool enabled = true;
    bool hasKey = false;
    QString health;          ///< "unknown", "up", "down"

    // Live routing state; left at these defaults while the endpoint is disabled (not routed).
    QString breakerState;        ///< "closed", "open", "half_open"; empty while not routed
    int consecutiveFailures = 0; ///< failures in a row that the circuit breaker has counted
    quint64 breakerTrips = 0;    ///< how often the breaker opened since the process started
    /// While the breaker is open: milliseconds until one probe request may go (0 = the next
    /// request probes). -1 in any other state.
    qint64 breakerRetryInMs = -1;
    double latencyMs = 0;        ///< moving average of successful requests; 0 before the first
    double successRate = 1;      ///< moving average in [0, 1]; 1 before the first request
    quint64 requests = 0;        ///< requests answered by the endpoint (successes and failures)
    quint64 failures = 0;
    QString probe;               ///< last health probe: "unknown", "healthy", "unhealthy"; "off" = not probed
    qint64 lastProbeEpochMs = 0; ///< when the last health check ended (ms since the epoch); 0 = none yet

    // Settings in force, run-time changes applied (what the Endpoints window edits).
    int priority = 0;         ///< lower is preferred
    int weight = 1;           ///< share among the endpoints of the same priority
    QString apiKeyEnv;        ///< the variable the key came from; empty for none, a literal or the keychain
    QString apiKeyKeychain;   ///< the keychain entry the key came from; empty when none
    QString apiVersion;       ///< Azure's api-version; empty when none
    double costPerMtok = 0.0; ///< input price per million tokens; 0 = unknown
    bool probeEnabled = true; ///< routing.health checks it on its schedule (`probe`)

    // From the requests the engine keeps for the log (the newest 500 of all endpoints).
    int recentRequests = 0;    ///< of this endpoint among them
    double p50LatencyMs = 0.0; ///< median latency over those; 0 when none
    double p95LatencyMs = 0.0; ///< 95th percentile over those; 0 when none
    QDateTime lastErrorTime;   ///< the newest of those that failed (status >= 400 or an error); null = none
    int lastErrorStatus = 0;   ///< its HTTP status
    QString lastError;         ///< its error code (e.g. "upstream_error"); may be empty

    friend bool operator==(const EndpointStatus &, const EndpointStatus &) = default;
};

} // namespace llmproxy

Q_DECLARE_METATYPE(llmproxy::RequestRecord)
Q_DECLARE_METATYPE(llmproxy::EndpointStatus)
