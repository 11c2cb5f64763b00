// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/canonical.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

/// The response filter chain: what runs on an answer between the upstream and the client (PII
/// restore, sanitizer, signing, plugins). Filters see decoded canonical text, never wire bytes;
/// the relay decodes, runs the chain and encodes again in the client's format.
namespace llmproxy {

/// What a piece of answer text is.
enum class TextKind {
    Content,       ///< the answer's text (also a refusal)
    Reasoning,     ///< visible reasoning (thinking) text
    ToolArguments, ///< JSON text of a tool call's arguments, as the model writes it
};

/// Lets a filter stop the response. The first block wins; the relay then ends the answer with the
/// client protocol's error (a streamed answer keeps what the client already received).
class FilterControl
{
public:
    /// Ends the response with `error` (its status is used when nothing was sent yet).
    void block(canonical::Error error)
    {
        if (!m_blocked)
            m_blocked = std::move(error);
    }
    bool isBlocked() const { return m_blocked.has_value(); }
    const std::optional<canonical::Error> &blockError() const { return m_blocked; }

private:
    std::optional<canonical::Error> m_blocked;
};

/// One output block of the answer after every filter ran, in the answer's block order.
struct FilteredBlock
{
    int index = 0; ///< block position in the answer (Anthropic's content index)
    TextKind kind = TextKind::Content;
    QString toolName; ///< ToolArguments: the tool called
    QString text;     ///< the whole filtered text of the block
};

/// The end of a response, as the last filter hook sees it: the whole filtered answer and a way to
/// attach something to it (a signature). Built by the relay; valid during ResponseFilter::endResponse.
class ResponseEnd
{
public:
    ResponseEnd(const QList<FilteredBlock> &blocks, bool stream, FilterControl &control)
        : m_blocks(blocks), m_stream(stream), m_control(control)
    {
    }

    const QList<FilteredBlock> &blocks() const { return m_blocks; }
    /// The Content blocks' text joined in order: what the user reads.
    QString answerText() const;
    /// A streamed answer (headers are already on the wire) or a buffered one.
    bool isStream() const { return m_stream; }
    FilterControl &control() { return m_control; }

    /// Buffered answers: adds a response header (lower-case name). Ignored for streams.
    void addHeader(const QByteArray &name, QByteArray value);
    /// Streams: an SSE comment line (`: <text>`) written just before the protocol's terminal event;
    /// every SSE client skips comments, so the stream stays valid. Ignored for buffered answers.
    void addStreamComment(QByteArray text);

    const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }
    const QList<QByteArray> &streamComments() const { return m_comments; }

private:
    const QList<FilteredBlock> &m_blocks;
    bool m_stream;
    FilterControl &m_control;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QList<QByteArray> m_comments;
};

/// One step of the response filter chain. An instance serves one request (it may keep state per
/// response, e.g. a PII vault), on that request's worker thread.
///
/// Text arrives per output block in pieces (stream events; a buffered answer gives each block in
/// one piece). filterText() returns what may go to the client now; it may hold back a tail (e.g. the
/// start of a placeholder whose end has not arrived) and must release it from endBlock() at the
/// latest. Filters never see raw JSON or SSE bytes.
class ResponseFilter
{
public:
    virtual ~ResponseFilter();

    /// A short name for logs ("pii-restore").
    virtual QByteArray name() const = 0;

    /// A new answer begins; also called again when an attempt failed before the client got a byte
    /// and another route answers: forget everything about the previous one.
    virtual void beginResponse() {}

    /// The next `text` of block `blockIndex`; returns the text to pass on now (possibly empty).
    virtual QString filterText(int blockIndex, TextKind kind, const QString &text, FilterControl &control) = 0;

    /// Block `blockIndex` ended: returns whatever was held back for it.
    virtual QString endBlock(int blockIndex, TextKind kind, FilterControl &control);

    /// The answer passed every filter completely (not called when the upstream failed or a filter
    /// blocked). Sees the whole filtered answer; may block or attach headers / stream comments.
    virtual void endResponse(ResponseEnd &end);
};

/// The filters of one request, in order (the output of one is the input of the next). Built before
/// the call starts and not changed afterwards; an empty chain (or none) means the answer is relayed
/// raw, at no extra cost.
class ResponseFilterChain
{
public:
    /// Adds a filter. `required`: the answer must not reach the client without it (restoring
    /// masked values, signing); an optional one (sanitizing) is skipped for an answer the relay
    /// cannot decode, where a required one makes the request fail with 502.
    void append(std::shared_ptr<ResponseFilter> filter, bool required = true)
    {
        m_filters.push_back(std::move(filter));
        m_required += required ? 1 : 0;
    }
    bool isEmpty() const { return m_filters.empty(); }
    bool isRequired() const { return m_required > 0; }
    qsizetype size() const { return qsizetype(m_filters.size()); }
    const std::vector<std::shared_ptr<ResponseFilter>> &filters() const { return m_filters; }

private:
    std::vector<std::shared_ptr<ResponseFilter>> m_filters;
    int m_required = 0;
};

using ResponseFilterChainPtr = std::shared_ptr<ResponseFilterChain>;

/// True when `chain` has a filter to run.
inline bool isActive(const ResponseFilterChainPtr &chain)
{
    return chain && !chain->isEmpty();
}

} // namespace llmproxy
