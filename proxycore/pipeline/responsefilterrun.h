// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/canonical.h"
#include "proxycore/pipeline/responsefilter.h"

#include <QByteArray>
#include <QList>

namespace llmproxy {

/// Runs a ResponseFilterChain over one answer: a stream's canonical events, or a buffered
/// response. Keeps the per-block bookkeeping (which block is text, what was held back, the whole
/// filtered text for endResponse) so filters only deal with text. One per call, on its worker
/// thread; begin() again for each attempt that reaches the client's answer.
class ResponseFilterRun
{
public:
    /// `chain` must be active (isActive()).
    ResponseFilterRun(ResponseFilterChainPtr chain, bool stream);

    /// Starts a new answer: every filter forgets the previous one.
    void begin();

    /// Filters a stream's events. Text deltas carry the filtered text (a delta whose text was all
    /// held back is dropped); held-back text is released as a delta just before its block stops;
    /// endResponse runs when MessageStop passes. When a filter blocks, only the events before the
    /// block are returned and isBlocked() is true.
    QList<canonical::StreamEvent> filterEvents(const QList<canonical::StreamEvent> &events);

    /// Filters a buffered answer in place, each part as one piece, then runs endResponse. Returns
    /// true when some text changed (the answer must then be encoded again).
    bool filterResponse(canonical::Response &response);

    bool isBlocked() const { return m_control.isBlocked(); }
    /// The error a filter blocked with (valid when isBlocked()).
    canonical::Error blockError() const { return m_control.blockError().value_or(canonical::Error{}); }

    /// Buffered answers: headers the filters attached at the end.
    const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }
    /// Streams: the SSE comment lines the filters attached, ready to write before the terminal
    /// event; taken once.
    QByteArray takeStreamComments();

private:
    struct Block
    {
        bool filtered = false;
        TextKind kind = TextKind::Content;
    };
    /// `text` through every filter, in order.
    QString chainText(int index, TextKind kind, QString text);
    /// What the filters held back for a block, through the rest of the chain.
    QString flushBlock(int index, TextKind kind);
    void endResponse();

    ResponseFilterChainPtr m_chain;
    bool m_stream;
    FilterControl m_control;
    QList<FilteredBlock> m_blocks; ///< filtered blocks of this answer, for endResponse
    Block m_current;               ///< the stream's open block (blocks are sequential)
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_comments;
};

} // namespace llmproxy
