// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/pipeline/responsefilterrun.h"

namespace llmproxy {

namespace {

using canonical::StreamEvent;

std::optional<TextKind> textKindOf(canonical::BlockKind kind)
{
    switch (kind) {
    case canonical::BlockKind::Text:
        return TextKind::Content;
    case canonical::BlockKind::Thinking:
        return TextKind::Reasoning;
    case canonical::BlockKind::ToolCall:
        return TextKind::ToolArguments;
    case canonical::BlockKind::RedactedThinking:
        break; // opaque provider state: never changed
    }
    return std::nullopt;
}

std::optional<TextKind> textKindOf(canonical::PartKind kind)
{
    switch (kind) {
    case canonical::PartKind::Text:
        return TextKind::Content;
    case canonical::PartKind::Thinking:
        return TextKind::Reasoning;
    case canonical::PartKind::ToolCall:
        return TextKind::ToolArguments;
    default:
        return std::nullopt;
    }
}

bool isTextDelta(canonical::DeltaKind kind)
{
    return kind == canonical::DeltaKind::Text || kind == canonical::DeltaKind::Thinking ||
           kind == canonical::DeltaKind::ToolArguments;
}

canonical::DeltaKind deltaKindOf(TextKind kind)
{
    switch (kind) {
    case TextKind::Reasoning:
        return canonical::DeltaKind::Thinking;
    case TextKind::ToolArguments:
        return canonical::DeltaKind::ToolArguments;
    case TextKind::Content:
        break;
    }
    return canonical::DeltaKind::Text;
}

} // namespace

ResponseFilterRun::ResponseFilterRun(ResponseFilterChainPtr chain, bool stream)
    : m_chain(std::move(chain)), m_stream(stream)
{
}

void ResponseFilterRun::begin()
{
    m_control = FilterControl();
    m_blocks.clear();
    m_current = Block();
    m_headers.clear();
    m_comments.clear();
    for (const auto &filter : m_chain->filters())
        filter->beginResponse();
}

QString ResponseFilterRun::chainText(int index, TextKind kind, QString text)
{
    for (const auto &filter : m_chain->filters()) {
        if (text.isEmpty() || m_control.isBlocked())
            break;
        text = filter->filterText(index, kind, text, m_control);
    }
    return text;
}

QString ResponseFilterRun::flushBlock(int index, TextKind kind)
{
    // A filter's held-back tail still has to pass the filters after it.
    QString pending;
    for (const auto &filter : m_chain->filters()) {
        if (m_control.isBlocked())
            return {};
        if (!pending.isEmpty())
            pending = filter->filterText(index, kind, pending, m_control);
        pending += filter->endBlock(index, kind, m_control);
    }
    return pending;
}

void ResponseFilterRun::endResponse()
{
    ResponseEnd end(m_blocks, m_stream, m_control);
    for (const auto &filter : m_chain->filters()) {
        filter->endResponse(end);
        if (m_control.isBlocked())
            return;
    }
    m_headers = end.headers();
    for (const QByteArray &comment : end.streamComments()) {
        // One comment line per line of text: a line break must not end the comment early.
        for (const QByteArray &line : comment.split('\n')) {
            m_comments += ": ";
            m_comments += QByteArray(line).replace('\r', ' ');
            m_comments += '\n';
        }
        m_comments += '\n';
    }
}

QList<StreamEvent> ResponseFilterRun::filterEvents(const QList<StreamEvent> &events)
{
    QList<StreamEvent> out;
    out.reserve(events.size() + 1);
    for (const StreamEvent &e : events) {
        if (m_control.isBlocked())
            break;
        switch (e.type) {
        case StreamEvent::Type::BlockStart: {
            const std::optional<TextKind> kind = textKindOf(e.blockKind);
            m_current = Block{kind.has_value(), kind.value_or(TextKind::Content)};
            if (kind)
                m_blocks.append(FilteredBlock{e.index, *kind, e.toolName, {}});
            out.append(e);
            break;
        }
        case StreamEvent::Type::BlockDelta: {
            if (!m_current.filtered || !isTextDelta(e.deltaKind)) {
                out.append(e);
                break;
            }
            const QString text = chainText(e.index, m_current.kind, e.text);
            if (m_control.isBlocked())
                break;
            if (!m_blocks.isEmpty())
                m_blocks.last().text += text;
            if (!text.isEmpty()) {
                StreamEvent filtered = e;
                filtered.text = text;
                out.append(std::move(filtered));
            }
            break;
        }
        case StreamEvent::Type::BlockStop: {
            if (m_current.filtered) {
                const QString rest = flushBlock(e.index, m_current.kind);
                if (m_control.isBlocked())
                    break;
                if (!rest.isEmpty()) {
                    if (!m_blocks.isEmpty())
                        m_blocks.last().text += rest;
                    StreamEvent delta;
                    delta.type = StreamEvent::Type::BlockDelta;
                    delta.index = e.index;
                    delta.deltaKind = deltaKindOf(m_current.kind);
                    delta.text = rest;
                    out.append(std::move(delta));
                }
            }
            m_current = Block();
            out.append(e);
            break;
        }
        case StreamEvent::Type::MessageStop:
            endResponse();
            if (m_control.isBlocked())
                break;
            out.append(e);
            break;
        default:
            out.append(e);
            break;
        }
    }
    return out;
}

bool ResponseFilterRun::filterResponse(canonical::Response &response)
{
    bool changed = false;
    int index = 0;
    for (canonical::ContentPart &part : response.content) {
        const int blockIndex = index++;
        const std::optional<TextKind> kind = textKindOf(part.kind);
        if (!kind)
            continue;
        QString &text = *kind == TextKind::ToolArguments ? part.arguments : part.text;
        const QString filtered = chainText(blockIndex, *kind, text) + flushBlock(blockIndex, *kind);
        if (m_control.isBlocked())
            return changed;
        if (filtered != text) {
            text = filtered;
            changed = true;
        }
        m_blocks.append(FilteredBlock{blockIndex, *kind, part.toolName, text});
    }
    endResponse();
    return changed;
}

QByteArray ResponseFilterRun::takeStreamComments()
{
    return std::exchange(m_comments, {});
}

} // namespace llmproxy
