// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

/// Response signing: an HMAC-SHA256 over an unambiguous encoding of who asked (request id), what
/// answered (model), when (signing time) and what was answered (a digest of the answer's content).
///
/// The digest covers the answer as the client reads it, not its wire bytes: the Content text (every
/// content block joined in order) and the tool calls in order (name and arguments, arguments as
/// canonical JSON). Reasoning text is not covered: not every client format carries it back. So a
/// buffered and a streamed answer with the same content have the same digest, whatever the client
/// format, and a verifier rebuilds it from a saved response with decodeSavedAnswer().
///
/// Signed message (SignatureVersion "v1"): the ASCII tag `llmproxy-response-signature`, then five
/// fields, each as a 4-byte big-endian length followed by its bytes: the version ("v1"), the
/// signing time as decimal UTC seconds, the request id (UTF-8), the model (UTF-8) and the 32-byte
/// answer digest. The answer digest is the SHA-256 of the tag `llmproxy-answer-v1`, the Content
/// text (length-prefixed UTF-8), the number of tool calls (4 bytes big-endian) and, per call, its
/// name and canonical arguments (each length-prefixed UTF-8).
///
/// On the wire, buffered answers carry headers (SignatureHeader `v1=<hex>`, SignedAtHeader ISO 8601
/// UTC, SignedFieldsHeader, SignedRequestIdHeader and SignedModelHeader, percent-encoded);
/// streams carry one SSE comment line before their terminal event:
/// `: llmproxy-signature v1 t=<ISO 8601> id=<request id> model=<model> sig=<hex>` (id and model
/// percent-encoded). Every function is pure and thread-safe.
namespace llmproxy {

inline constexpr char SignatureVersion[] = "v1";
inline constexpr char SignatureHeader[] = "x-llmproxy-signature";
inline constexpr char SignedAtHeader[] = "x-llmproxy-signed-at";
inline constexpr char SignedFieldsHeader[] = "x-llmproxy-signed-fields";
inline constexpr char SignedRequestIdHeader[] = "x-llmproxy-signed-request-id";
inline constexpr char SignedModelHeader[] = "x-llmproxy-signed-model";
/// The value of SignedFieldsHeader: what the signature covers, in order.
inline constexpr char SignedFieldsValue[] = "version,signed_at,request_id,model,answer_sha256";
/// The environment variable holding the signing key.
inline constexpr char SigningKeyVariable[] = "LLM_PROXY_SIGNING_KEY";

/// The parts of an answer a signature covers.
struct SignedAnswer
{
    struct ToolCall
    {
        QString name;
        QString arguments; ///< JSON text as the client got it (canonicalised by the digest)
    };
    QString text; ///< the Content text, every content block joined in order
    QList<ToolCall> toolCalls;
};

/// Tool arguments as the digest sees them: a JSON object or array re-written compactly with keys
/// sorted (so the arguments of a buffered Anthropic answer, re-encoded by the gateway, match the
/// streamed text); empty or blank text as `{}`; anything else (invalid JSON) as given.
QString canonicalToolArguments(QStringView arguments);

/// The 32-byte digest of `answer` (see the namespace comment).
QByteArray answerDigest(const SignedAnswer &answer);

/// Everything a signature covers.
struct SignatureFields
{
    qint64 signedAt = 0; ///< UTC seconds since the epoch
    QString requestId;
    QString model;
    QByteArray answerDigest; ///< answerDigest() of the answer
};

/// The exact bytes the HMAC is computed over.
QByteArray signatureMessage(const SignatureFields &fields);

/// HMAC-SHA256 of signatureMessage(fields) with `key`, as 64 lower-case hex digits; empty when
/// `key` is empty.
QByteArray signResponse(QByteArrayView key, const SignatureFields &fields);

enum class SignatureCheck {
    Valid,
    Mismatch,   ///< the signature does not match the fields (tampered, or another key)
    Expired,    ///< older than the allowed age
    FromFuture, ///< signed later than now, beyond the clock skew
    Malformed,  ///< the signature is not 64 hex digits, or no key
};

/// Short English description of a check result, for messages.
QString describe(SignatureCheck check);

/// Checks `signatureHex` against `fields` in constant time. `maxAgeSeconds` > 0 also rejects
/// signatures older than that at `nowSeconds`; a signing time more than `clockSkewSeconds` after
/// `nowSeconds` is rejected whenever an age limit applies.
SignatureCheck verifyResponseSignature(QByteArrayView key, const SignatureFields &fields, QByteArrayView signatureHex,
                                       qint64 nowSeconds, qint64 maxAgeSeconds = 0, qint64 clockSkewSeconds = 60);

/// `2026-01-31T12:00:00Z` for UTC seconds.
QByteArray formatSignedAt(qint64 seconds);
/// UTC seconds of a `YYYY-MM-DDTHH:MM:SSZ` time; nullopt for anything else.
std::optional<qint64> parseSignedAt(QByteArrayView text);

/// SignatureHeader's value: `v1=<hex>`.
QByteArray signatureHeaderValue(QByteArrayView signatureHex);
/// The hex signature of a SignatureHeader value (`v1=<hex>`); nullopt for another version or shape.
std::optional<QByteArray> parseSignatureHeaderValue(QByteArrayView value);

/// The stream comment's text (without the leading `: `).
QByteArray streamSignatureComment(const SignatureFields &fields, QByteArrayView signatureHex);

/// A signature read back from a stream comment.
struct StreamSignature
{
    SignatureFields fields; ///< answerDigest left empty
    QByteArray signatureHex;
};

/// Parses a stream comment line (with or without the leading `:` and space); nullopt when it is not
/// a v1 signature comment.
std::optional<StreamSignature> parseStreamSignatureComment(QByteArrayView line);

/// The last signature comment in a saved SSE body, if any.
std::optional<StreamSignature> findStreamSignature(QByteArrayView body);

/// Rebuilds the signed parts of an answer from a saved response body in any client format the
/// gateway answers in (OpenAI Chat Completions, Anthropic Messages, OpenAI Responses), buffered JSON
/// or an SSE stream, with the project's own decoders. On failure returns nullopt and sets `error`.
std::optional<SignedAnswer> decodeSavedAnswer(const QByteArray &body, QString *error);

/// The signing key from environment variable `name` (its bytes as given); empty when unset or empty.
QByteArray signingKeyFromEnvironment(const char *name = SigningKeyVariable);

} // namespace llmproxy
