// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

/// The format-neutral model every cross-format translation goes through: each wire format has one
/// parser into these types and one emitter out of them (N + M translators instead of N × M).
/// docs/translation.md lists, per field, what maps where and what is dropped or rejected.
///
/// All types are plain values without thread affinity.
namespace llmproxy::canonical {

/// A field the parser or emitter could not carry across, with the reason, for a logged warning.
struct Dropped
{
    QString field; ///< JSON path in the wire format, e.g. "messages[2].name"
    QString reason;

    friend bool operator==(const Dropped &, const Dropped &) = default;
};

enum class PartKind {
    Text,
    Image,
    Thinking,         ///< reasoning text, with the provider's signature when it gave one
    RedactedThinking, ///< opaque reasoning state (`data` in `text`)
    ToolCall,
    ToolResult,
};

/// One piece of message content. Which members are meaningful depends on `kind`.
struct ContentPart
{
    PartKind kind = PartKind::Text;
    QString text;      ///< Text, Thinking: the text; RedactedThinking: the opaque data
    QString signature; ///< Thinking: provider signature (verifies only at that provider)

    QString imageUrl;  ///< Image given by URL
    QString mediaType; ///< Image given inline: MIME type
    QString imageData; ///< Image given inline: base64 text

    QString toolCallId; ///< ToolCall: the call id; ToolResult: the id of the call answered
    QString toolName;   ///< ToolCall
    QString arguments;  ///< ToolCall: JSON text of the arguments object (may be invalid JSON)

    std::vector<ContentPart> result; ///< ToolResult: the content (Text and Image parts)
    bool isError = false;            ///< ToolResult

    QJsonObject cacheControl; ///< Anthropic prompt-cache marker; empty when none

    friend bool operator==(const ContentPart &, const ContentPart &) = default;

    static ContentPart makeText(const QString &text)
    {
        ContentPart p;
        p.text = text;
        return p;
    }
};

enum class Role { User, Assistant };

/// One conversation turn. Tool results travel as ToolResult parts of a User message.
struct Message
{
    Role role = Role::User;
    QList<ContentPart> parts;

    friend bool operator==(const Message &, const Message &) = default;
};

struct Tool
{
    QString name;
    QString description;
    QJsonObject parameters; ///< JSON Schema of the arguments object; empty means no arguments
    std::optional<bool> strict;
    QJsonObject cacheControl;
    /// A freeform tool (OpenAI Responses `custom`) whose single string input travels as the
    /// `input` member of the arguments object, so other formats can offer it as a function.
    bool freeform = false;
    /// The Responses `namespace` the tool was offered in (empty when none); other formats see a
    /// plain tool, and calls go back to the client with the namespace.
    QString group;

    friend bool operator==(const Tool &, const Tool &) = default;
};

struct ToolChoice
{
    enum class Mode { Unset, Auto, None, Required, Named };
    Mode mode = Mode::Unset;
    QString name; ///< for Named
    bool parallelAllowed = true;

    friend bool operator==(const ToolChoice &, const ToolChoice &) = default;
};

struct ResponseFormat
{
    enum class Kind { Text, JsonObject, JsonSchema };
    Kind kind = Kind::Text;
    QString name;
    QString description;
    QJsonObject schema;
    std::optional<bool> strict;

    friend bool operator==(const ResponseFormat &, const ResponseFormat &) = default;
};

struct Request
{
    QString model;
    QList<ContentPart> system; ///< Text parts, in order (system and developer messages are hoisted here)
    QList<Message> messages;
    QList<Tool> tools;
    ToolChoice toolChoice;
    std::optional<qint64> maxOutputTokens;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<qint64> topK;
    QStringList stopSequences;
    bool stream = false;
    bool includeUsage = false; ///< OpenAI stream_options.include_usage
    std::optional<ResponseFormat> responseFormat;
    bool thinkingEnabled = false;         ///< the client asked for visible reasoning
    bool thinkingAdaptive = false;        ///< the provider picks the budget (Anthropic "adaptive")
    std::optional<qint64> thinkingBudget; ///< reasoning token budget, when given as a number
    QString reasoningEffort;              ///< low|medium|high|…, when given as a level
    QString user;                         ///< end-user id (OpenAI user, Anthropic metadata.user_id)
    QJsonObject metadata;                 ///< OpenAI metadata (string map)

    QList<Dropped> dropped; ///< filled by parsers; not part of the request's meaning

    friend bool operator==(const Request &a, const Request &b)
    {
        return a.model == b.model && a.system == b.system && a.messages == b.messages && a.tools == b.tools &&
               a.toolChoice == b.toolChoice && a.maxOutputTokens == b.maxOutputTokens &&
               a.temperature == b.temperature && a.topP == b.topP && a.topK == b.topK &&
               a.stopSequences == b.stopSequences && a.stream == b.stream && a.includeUsage == b.includeUsage &&
               a.responseFormat == b.responseFormat && a.thinkingEnabled == b.thinkingEnabled &&
               a.thinkingAdaptive == b.thinkingAdaptive && a.thinkingBudget == b.thinkingBudget &&
               a.reasoningEffort == b.reasoningEffort && a.user == b.user && a.metadata == b.metadata;
    }
};

/// Why generation ended (WIRE_FORMATS.md §7.2).
enum class StopReason {
    None, ///< not known (yet)
    EndTurn,
    StopSequence,
    MaxTokens,
    ContextWindowExceeded,
    ToolUse,
    Refusal,
    PauseTurn,
};

/// Token counts (WIRE_FORMATS.md §7.3). `inputTokens` is the total input including cache reads and
/// writes (the OpenAI meaning); Anthropic's uncached count is derived from it. Absent counts stay unset.
struct Usage
{
    std::optional<qint64> inputTokens;
    std::optional<qint64> cacheReadTokens;
    std::optional<qint64> cacheWriteTokens;
    std::optional<qint64> outputTokens; ///< includes reasoning tokens
    std::optional<qint64> reasoningTokens;

    bool isEmpty() const
    {
        return !inputTokens && !cacheReadTokens && !cacheWriteTokens && !outputTokens && !reasoningTokens;
    }
    /// Takes every count `newer` has (stream usage is cumulative, never summed).
    void merge(const Usage &newer);

    friend bool operator==(const Usage &, const Usage &) = default;
};

struct Response
{
    QString id;
    QString model;
    QList<ContentPart> content; ///< Text, Thinking, RedactedThinking and ToolCall parts in order
    StopReason stopReason = StopReason::None;
    QString stopSequence;
    Usage usage;

    friend bool operator==(const Response &, const Response &) = default;
};

/// An error in format-neutral form. `status` is the HTTP status; `type` keeps the wire format's own
/// type string (emitters of another format derive theirs from `status`).
struct Error
{
    int status = 500;
    QString type;
    QString message;
    QString code;
    QString param;
    /// The gateway's own error (ApiError): OpenAI encoders keep its type instead of deriving one from the status,
    /// so a stream that breaks reads the same whether or not it went through the translating relay.
    bool fromGateway = false;

    friend bool operator==(const Error &, const Error &) = default;
};

enum class BlockKind { Text, Thinking, RedactedThinking, ToolCall };
enum class DeltaKind { Text, Thinking, Signature, ToolArguments };

/// One step of a streamed response, shaped like Anthropic's events because they are the strictest:
/// blocks are sequential (start, deltas, stop; the next block starts after the previous stopped) and
/// `index` counts blocks from 0 in order. Every decoder produces this shape whatever its upstream
/// interleaves; every encoder can rely on it.
struct StreamEvent
{
    enum class Type { MessageStart, BlockStart, BlockDelta, BlockStop, MessageDelta, MessageStop, Error, Ping };
    Type type = Type::Ping;

    QString id;    ///< MessageStart
    QString model; ///< MessageStart

    int index = 0;                         ///< Block*
    BlockKind blockKind = BlockKind::Text; ///< BlockStart
    DeltaKind deltaKind = DeltaKind::Text; ///< BlockDelta
    QString text;                          ///< BlockDelta: the fragment; BlockStart of RedactedThinking: the data
    QString toolCallId;                    ///< BlockStart of ToolCall
    QString toolName;                      ///< BlockStart of ToolCall

    StopReason stopReason = StopReason::None; ///< MessageDelta
    QString stopSequence;                     ///< MessageDelta
    Usage usage;                              ///< MessageStart, MessageDelta: cumulative counts known so far

    canonical::Error error; ///< Error

    friend bool operator==(const StreamEvent &, const StreamEvent &) = default;
};

/// Status for a wire error type string of either format, for errors that come without a status
/// (mid-stream). Unknown types give 500.
int statusForErrorType(const QString &type);

/// `data:<mime>;base64,<data>` split into its parts; false when `url` is not a base64 data URL.
bool splitDataUrl(const QString &url, QString *mediaType, QString *data);

/// Text of a JSON value in compact form.
QString compactJson(const QJsonObject &object);

} // namespace llmproxy::canonical
