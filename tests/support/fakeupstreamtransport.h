// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/upstream/upstreamtransport.h"

#include <QList>
#include <QObject>

#include <deque>
#include <memory>

namespace llmproxy::test {

/// One scripted answer of FakeUpstreamTransport: headers, body chunks, then the end.
struct FakeReply
{
    int status = 200;
    HeaderList headers;
    QList<QByteArray> chunks; ///< onData calls, in order (each non-empty)
    UpstreamError end;        ///< onFinished's argument (ok = clean end)
    bool headersSent = true;  ///< false: the transfer fails before any header (connect failure, timeout)
    bool hang = false;        ///< stops before onFinished and never ends (client-gone / shutdown tests)

    /// A complete answer with `body` in one chunk.
    static FakeReply ok(QByteArray body, QByteArray contentType = QByteArrayLiteral("application/json"));
    /// A stream: `body` cut into pieces at `cuts` (ascending offsets), content type text/event-stream.
    static FakeReply stream(const QByteArray &body, const QList<qsizetype> &cuts = {});
    /// An HTTP error answer.
    static FakeReply error(int status, QByteArray body, HeaderList headers = {});
    /// No answer at all: the transport reports `kind` without headers.
    static FakeReply failure(UpstreamErrorKind kind, QString message = QStringLiteral("scripted failure"));
};

/// An IUpstreamTransport without sockets for unit tests: every start() takes the next scripted
/// FakeReply (none left: a ConnectFailed error) and delivers it step by step from the event loop
/// (one step per event-loop turn, never inside start()), honouring setPaused() and cancellation
/// like the real transport. Records every request. Thread of creation only.
class FakeUpstreamTransport final : public IUpstreamTransport
{
public:
    FakeUpstreamTransport();
    ~FakeUpstreamTransport() override;

    void enqueue(FakeReply reply) { m_script.push_back(std::move(reply)); }
    qsizetype pendingReplies() const { return qsizetype(m_script.size()); }
    /// Every request started, in order.
    const QList<UpstreamRequest> &requests() const { return m_requests; }
    /// Transfers cancelled by the caller before they ended (client gone, failover, shutdown).
    int cancelled() const { return m_cancelled; }

    std::unique_ptr<UpstreamCall> start(UpstreamRequest request, UpstreamCallbacks callbacks) override;
    int activeTransfers() const override { return m_active; }

private:
    class Call;
    std::deque<FakeReply> m_script;
    QList<UpstreamRequest> m_requests;
    int m_active = 0;
    int m_cancelled = 0;
};

} // namespace llmproxy::test
