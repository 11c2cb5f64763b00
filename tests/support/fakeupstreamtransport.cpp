// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/fakeupstreamtransport.h"

#include <QMetaObject>

namespace llmproxy::test {

FakeReply FakeReply::ok(QByteArray body, QByteArray contentType)
{
    FakeReply r;
    r.headers = {{QByteArrayLiteral("content-type"), std::move(contentType)}};
    r.chunks = {std::move(body)};
    return r;
}

FakeReply FakeReply::stream(const QByteArray &body, const QList<qsizetype> &cuts)
{
    FakeReply r;
    r.headers = {{QByteArrayLiteral("content-type"), QByteArrayLiteral("text/event-stream")}};
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        if (cut > from && cut < body.size()) {
            r.chunks.append(body.sliced(from, cut - from));
            from = cut;
        }
    }
    if (from < body.size())
        r.chunks.append(body.sliced(from));
    return r;
}

FakeReply FakeReply::error(int status, QByteArray body, HeaderList headers)
{
    FakeReply r;
    r.status = status;
    r.headers = std::move(headers);
    r.headers.prepend({QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")});
    r.chunks = {std::move(body)};
    return r;
}

FakeReply FakeReply::failure(UpstreamErrorKind kind, QString message)
{
    FakeReply r;
    r.headersSent = false;
    r.end = UpstreamError{kind, std::move(message)};
    return r;
}

/// Delivers one FakeReply; destroying it cancels the remaining steps (its timers die with it).
class FakeUpstreamTransport::Call final : public UpstreamCall
{
public:
    Call(FakeUpstreamTransport *transport, FakeReply reply, UpstreamCallbacks callbacks)
        : m_transport(transport), m_reply(std::move(reply)), m_callbacks(std::move(callbacks))
    {
        ++m_transport->m_active;
        schedule();
    }
    ~Call() override
    {
        *m_alive = false;
        cancel();
    }

    void cancel() override
    {
        if (m_done)
            return;
        m_done = true;
        --m_transport->m_active;
        ++m_transport->m_cancelled;
    }
    void setPaused(bool paused) override
    {
        m_paused = paused;
        if (!paused)
            schedule();
    }

private:
    void schedule()
    {
        if (m_scheduled || m_done || m_paused)
            return;
        m_scheduled = true;
        // A posted call, not a zero timer: the next event-loop turn, without timer slack.
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                m_scheduled = false;
                step();
            },
            Qt::QueuedConnection);
    }
    void step()
    {
        if (m_done || m_paused)
            return;
        // Steps: headers (when sent), each chunk, then the end.
        const qsizetype headerSteps = m_reply.headersSent ? 1 : 0;
        const qsizetype at = m_step++;
        const std::shared_ptr<bool> alive = m_alive; // a callback may destroy this call
        if (at < headerSteps) {
            m_callbacks.onHeaders(m_reply.status, m_reply.headers);
        } else if (m_reply.headersSent && at - headerSteps < m_reply.chunks.size()) {
            m_callbacks.onData(m_reply.chunks.at(at - headerSteps));
        } else {
            if (m_reply.hang)
                return;
            m_done = true;
            --m_transport->m_active;
            m_callbacks.onFinished(m_reply.end); // may destroy this call: nothing after it
            return;
        }
        if (*alive)
            schedule(); // a callback may have cancelled or paused the transfer; schedule() checks
    }

    FakeUpstreamTransport *m_transport;
    FakeReply m_reply;
    UpstreamCallbacks m_callbacks;
    QObject m_context;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
    qsizetype m_step = 0;
    bool m_scheduled = false;
    bool m_paused = false;
    bool m_done = false;
};

FakeUpstreamTransport::FakeUpstreamTransport() = default;
FakeUpstreamTransport::~FakeUpstreamTransport() = default;

std::unique_ptr<UpstreamCall> FakeUpstreamTransport::start(UpstreamRequest request, UpstreamCallbacks callbacks)
{
    m_requests.append(std::move(request));
    FakeReply reply;
    if (m_script.empty()) {
        reply = FakeReply::failure(UpstreamErrorKind::ConnectFailed, QStringLiteral("no scripted reply left"));
    } else {
        reply = std::move(m_script.front());
        m_script.pop_front();
    }
    return std::make_unique<Call>(this, std::move(reply), std::move(callbacks));
}

} // namespace llmproxy::test
