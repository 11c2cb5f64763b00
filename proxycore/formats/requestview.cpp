// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/requestview.h"

#include "proxycore/formats/jsonmembers.h"

#include <algorithm>

namespace llmproxy {

namespace {

using Type = JsonIndex::Type;

ApiError jsonError(const JsonIndex &json)
{
    switch (json.error()) {
    case JsonIndex::Error::Empty:
        return ApiError::invalidRequest(QStringLiteral("The request body is empty; send a JSON object."),
                                        QByteArrayLiteral("invalid_json"));
    case JsonIndex::Error::DuplicateKey: {
        // Parsers disagree on which copy of a repeated member wins; the gateway would act on one
        // and the provider on the other, so neither is taken.
        const QString key = json.duplicateKey();
        return ApiError::invalidRequest(
            QStringLiteral("The request body has the member '%1' more than once (at %2); send each member once.")
                .arg(key, json.errorPath()),
            QByteArrayLiteral("duplicate_key"),
            json.errorPath().count(QLatin1Char('.')) == 1 ? key.toUtf8() : QByteArray());
    }
    case JsonIndex::Error::TooDeep:
        return ApiError::invalidRequest(
            QStringLiteral("The JSON body of your request is nested too deeply (more than 512 levels)."),
            QByteArrayLiteral("invalid_json"));
    case JsonIndex::Error::Syntax:
    case JsonIndex::Error::None:
        break;
    }
    return ApiError::invalidRequest(
        QStringLiteral("We could not parse the JSON body of your request (invalid JSON at byte %1).")
            .arg(json.errorOffset()),
        QByteArrayLiteral("invalid_json"));
}

/// Collects the text segments of one request; one instance per RequestView::segments() call.
class SegmentCollector
{
public:
    SegmentCollector(const JsonIndex &json, QList<TextSegment> &out) : m_json(json), m_out(out) {}

    void add(int node, SegmentKind kind, int message = -1, const QString &role = {})
    {
        if (node < 0 || m_json.type(node) != Type::String)
            return;
        const JsonIndex::Node &n = m_json.node(node);
        m_out.append({kind, message, role, node, n.start, n.end, m_json.string(node)});
    }
    /// A string, or each string of an array of strings.
    void addStrings(int node, SegmentKind kind, int message = -1, const QString &role = {})
    {
        if (node >= 0 && m_json.type(node) == Type::Array) {
            for (int c = m_json.node(node).firstChild; c >= 0; c = m_json.node(c).next)
                add(c, kind, message, role);
        } else {
            add(node, kind, message, role);
        }
    }
    /// A string, or the `text` of each part of an array of content parts.
    void addContent(int node, SegmentKind kind, int message, const QString &role)
    {
        if (node >= 0 && m_json.type(node) == Type::Array) {
            for (int part = m_json.node(node).firstChild; part >= 0; part = m_json.node(part).next) {
                add(m_json.member(part, "text"), kind, message, role);
                add(m_json.member(part, "refusal"), kind, message, role);
            }
        } else {
            add(node, kind, message, role);
        }
    }
    /// Every string leaf under `node` (Anthropic tool_use input).
    void addLeaves(int node, SegmentKind kind, int message, const QString &role)
    {
        if (node < 0)
            return;
        if (m_json.type(node) == Type::String) {
            add(node, kind, message, role);
            return;
        }
        for (int c = m_json.node(node).firstChild; c >= 0; c = m_json.node(c).next)
            addLeaves(c, kind, message, role);
    }
    /// The tool's description and every `description` string in its parameter schema.
    void addToolDescriptions(int node)
    {
        if (node < 0 || (m_json.type(node) != Type::Object && m_json.type(node) != Type::Array))
            return;
        for (int c = m_json.node(node).firstChild; c >= 0; c = m_json.node(c).next) {
            if (m_json.type(c) == Type::String && m_json.keyIs(c, "description"))
                add(c, SegmentKind::ToolDescription);
            else
                addToolDescriptions(c);
        }
    }
    void addTools(int tools)
    {
        if (tools >= 0 && m_json.type(tools) == Type::Array)
            addToolDescriptions(tools);
    }

    static SegmentKind kindForRole(const QString &role)
    {
        if (role == u"system" || role == u"developer")
            return SegmentKind::System;
        if (role == u"tool" || role == u"function")
            return SegmentKind::ToolResult;
        return SegmentKind::Message;
    }

    void chat()
    {
        const int messages = m_json.member(JsonIndex::Root, "messages");
        int index = 0;
        for (int m = messages >= 0 ? m_json.node(messages).firstChild : -1; m >= 0; m = m_json.node(m).next, ++index) {
            const QString role = m_json.string(m_json.member(m, "role"));
            addContent(m_json.member(m, "content"), kindForRole(role), index, role);
            const int calls = m_json.member(m, "tool_calls");
            for (int c = calls >= 0 ? m_json.node(calls).firstChild : -1; c >= 0; c = m_json.node(c).next)
                add(m_json.member(m_json.member(c, "function"), "arguments"), SegmentKind::ToolArguments, index, role);
            add(m_json.member(m_json.member(m, "function_call"), "arguments"), SegmentKind::ToolArguments, index, role);
            add(m_json.member(m, "reasoning_content"), SegmentKind::Reasoning, index, role);
        }
        addTools(m_json.member(JsonIndex::Root, "tools"));
        addTools(m_json.member(JsonIndex::Root, "functions"));
    }

    void responses()
    {
        add(m_json.member(JsonIndex::Root, "instructions"), SegmentKind::System);
        const int input = m_json.member(JsonIndex::Root, "input");
        if (input >= 0 && m_json.type(input) == Type::String)
            add(input, SegmentKind::Message, 0, QStringLiteral("user"));
        int index = 0;
        for (int item = input >= 0 && m_json.type(input) == Type::Array ? m_json.node(input).firstChild : -1; item >= 0;
             item = m_json.node(item).next, ++index) {
            const QString type = m_json.string(m_json.member(item, "type"));
            const QString role = m_json.string(m_json.member(item, "role"));
            if (type == u"function_call") {
                add(m_json.member(item, "arguments"), SegmentKind::ToolArguments, index, QStringLiteral("assistant"));
            } else if (type == u"custom_tool_call") {
                add(m_json.member(item, "input"), SegmentKind::ToolArguments, index, QStringLiteral("assistant"));
            } else if (type == u"function_call_output" || type == u"custom_tool_call_output") {
                addContent(m_json.member(item, "output"), SegmentKind::ToolResult, index, QStringLiteral("tool"));
            } else if (type == u"reasoning") {
                addContent(m_json.member(item, "summary"), SegmentKind::Reasoning, index, QStringLiteral("assistant"));
                addContent(m_json.member(item, "content"), SegmentKind::Reasoning, index, QStringLiteral("assistant"));
            } else if (type.isEmpty() || type == u"message") {
                addContent(m_json.member(item, "content"), kindForRole(role), index, role);
            }
        }
        addTools(m_json.member(JsonIndex::Root, "tools"));
    }

    void messages()
    {
        addContent(m_json.member(JsonIndex::Root, "system"), SegmentKind::System, -1, QStringLiteral("system"));
        const int messages = m_json.member(JsonIndex::Root, "messages");
        int index = 0;
        for (int m = messages >= 0 ? m_json.node(messages).firstChild : -1; m >= 0; m = m_json.node(m).next, ++index) {
            const QString role = m_json.string(m_json.member(m, "role"));
            const int content = m_json.member(m, "content");
            if (content < 0 || m_json.type(content) != Type::Array) {
                add(content, SegmentKind::Message, index, role);
                continue;
            }
            for (int block = m_json.node(content).firstChild; block >= 0; block = m_json.node(block).next) {
                const QString type = m_json.string(m_json.member(block, "type"));
                if (type == u"tool_use" || type == u"server_tool_use")
                    addLeaves(m_json.member(block, "input"), SegmentKind::ToolArguments, index, role);
                else if (type == u"tool_result")
                    addContent(m_json.member(block, "content"), SegmentKind::ToolResult, index, QStringLiteral("tool"));
                else if (type == u"thinking")
                    add(m_json.member(block, "thinking"), SegmentKind::Reasoning, index, role);
                else
                    add(m_json.member(block, "text"), SegmentKind::Message, index, role);
            }
        }
        addTools(m_json.member(JsonIndex::Root, "tools"));
    }

private:
    const JsonIndex &m_json;
    QList<TextSegment> &m_out;
};

} // namespace

std::optional<RequestView> RequestView::build(ClientApi api, QByteArray body, ApiError *error)
{
    RequestView view;
    view.m_api = api;
    view.m_json = JsonIndex::build(std::move(body));
    const JsonIndex &json = view.m_json;
    const bool anthropic = api == ClientApi::Messages;
    if (!json.isValid()) {
        *error = jsonError(json);
        return std::nullopt;
    }
    if (json.type(JsonIndex::Root) != Type::Object) {
        *error = ApiError::invalidRequest(QStringLiteral("The request body must be a JSON object."),
                                          QByteArrayLiteral("invalid_json"));
        return std::nullopt;
    }
    const int model = view.member("model");
    view.m_model = json.string(model);
    if (view.m_model.isEmpty()) {
        *error = anthropic ? ApiError::invalidRequest(QStringLiteral("model: field required"),
                                                      QByteArrayLiteral("invalid_request"), QByteArrayLiteral("model"))
                           : ApiError::invalidRequest(model < 0 ? QStringLiteral("You must provide a model parameter.")
                                                                : QStringLiteral("The model parameter must be a "
                                                                                 "non-empty string."),
                                                      QByteArrayLiteral("missing_model"), QByteArrayLiteral("model"));
        return std::nullopt;
    }
    const char *required = api == ClientApi::ChatCompletions ? "messages"
                           : api == ClientApi::Completions   ? "prompt"
                           : api == ClientApi::Embeddings    ? "input"
                                                             : nullptr;
    if (required) {
        const int value = view.member(required);
        if (value < 0 || json.type(value) == Type::Null ||
            (api == ClientApi::ChatCompletions && json.type(value) != Type::Array)) {
            *error = ApiError::invalidRequest(
                value < 0 ? QStringLiteral("Missing required parameter: '%1'.").arg(QLatin1String(required))
                          : QStringLiteral("Invalid type for '%1'.").arg(QLatin1String(required)),
                QByteArrayLiteral("invalid_request"), QByteArray(required));
            return std::nullopt;
        }
    }
    const int stream = view.member("stream");
    const Type streamType = stream >= 0 ? json.type(stream) : Type::Null;
    if (streamType != Type::Null && streamType != Type::True && streamType != Type::False) {
        *error = ApiError::invalidRequest(QStringLiteral("'stream' must be a boolean."),
                                          QByteArrayLiteral("invalid_type"), QByteArrayLiteral("stream"));
        return std::nullopt;
    }
    view.m_stream = api != ClientApi::Embeddings && streamType == Type::True;
    view.m_streamOptions = view.member("stream_options");
    return view;
}

bool RequestView::includeUsage() const
{
    return m_streamOptions >= 0 && m_json.type(m_json.member(m_streamOptions, "include_usage")) == Type::True;
}

const QList<TextSegment> &RequestView::segments() const
{
    if (!m_segments)
        collectSegments();
    return *m_segments;
}

void RequestView::collectSegments() const
{
    m_segments.emplace();
    SegmentCollector collect(m_json, *m_segments);
    switch (m_api) {
    case ClientApi::ChatCompletions:
        collect.chat();
        break;
    case ClientApi::Completions:
        collect.addStrings(member("prompt"), SegmentKind::Prompt);
        collect.add(member("suffix"), SegmentKind::Prompt);
        break;
    case ClientApi::Embeddings:
        collect.addStrings(member("input"), SegmentKind::EmbeddingInput);
        break;
    case ClientApi::Responses:
        collect.responses();
        break;
    case ClientApi::Messages:
        collect.messages();
        break;
    }
    std::sort(m_segments->begin(), m_segments->end(),
              [](const TextSegment &a, const TextSegment &b) { return a.start < b.start; });
}

QByteArray RequestView::patched(const QList<SegmentPatch> &patches) const
{
    const QList<TextSegment> &all = segments();
    QList<const SegmentPatch *> ordered;
    for (const SegmentPatch &p : patches) {
        if (p.segment >= 0 && p.segment < all.size())
            ordered.append(&p);
    }
    // From the end backwards, so earlier byte ranges stay where they are.
    std::sort(ordered.begin(), ordered.end(), [&all](const SegmentPatch *a, const SegmentPatch *b) {
        return all[a->segment].start > all[b->segment].start;
    });
    QByteArray out = body();
    qsizetype lastStart = out.size() + 1;
    for (const SegmentPatch *p : std::as_const(ordered)) {
        const TextSegment &s = all[p->segment];
        if (s.end > lastStart)
            continue; // the same segment twice: the first patch listed for it wins
        out.replace(s.start, s.end - s.start, jsonString(p->text));
        lastStart = s.start;
    }
    return out;
}

QByteArray RequestView::withMember(QByteArrayView key, QByteArrayView valueJson) const
{
    const int node = member(key);
    if (node < 0)
        return body();
    const JsonIndex::Node &n = m_json.node(node);
    QByteArray out = body();
    out.replace(n.start, n.end - n.start, valueJson.toByteArray());
    return out;
}

QByteArray RequestView::withoutMember(QByteArrayView key) const
{
    const int node = member(key);
    if (node < 0)
        return body();
    const QByteArray &text = body();
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    const JsonIndex::Node &n = m_json.node(node);
    qsizetype from = n.keyStart;
    qsizetype to = n.end;
    qsizetype after = to;
    while (after < text.size() && isSpace(text[after]))
        ++after;
    if (after < text.size() && text[after] == ',') {
        to = after + 1; // a member follows: drop our trailing comma and the space after it
        while (to < text.size() && isSpace(text[to]))
            ++to;
    } else {
        qsizetype before = from - 1; // the last member: drop the comma before it
        while (before >= 0 && isSpace(text[before]))
            --before;
        if (before >= 0 && text[before] == ',')
            from = before;
    }
    QByteArray out = text;
    out.remove(from, to - from);
    return out;
}

} // namespace llmproxy
