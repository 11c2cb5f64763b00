// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/auditchain.h"

#include "proxycore/util/sha256.h"

#include <QCborValue>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <utility>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace llmproxy {

namespace {

void appendU32(QByteArray &out, quint32 n)
{
    const std::array<char, 4> bytes{char(n >> 24), char(n >> 16), char(n >> 8), char(n)};
    out.append(bytes.data(), qsizetype(bytes.size()));
}

void appendU64(QByteArray &out, quint64 n)
{
    appendU32(out, quint32(n >> 32));
    appendU32(out, quint32(n));
}

/// A variable-length field: its byte length (4 bytes big-endian), then the bytes.
void appendBytes(QByteArray &out, QByteArrayView bytes)
{
    appendU32(out, quint32(bytes.size()));
    out.append(bytes);
}

void appendText(QByteArray &out, const QString &text)
{
    appendBytes(out, text.toUtf8());
}

// Type tags of the canonical JSON encoding (docs/audit.md).
constexpr char kNull = 'n';
constexpr char kFalse = 'f';
constexpr char kTrue = 't';
constexpr char kInteger = 'i';
constexpr char kDouble = 'd';
constexpr char kString = 's';
constexpr char kArray = 'a';
constexpr char kObject = 'o';

// 2^63 as a double: integral doubles in [-2^63, 2^63) are encoded as integers.
constexpr double kTwoTo63 = 9223372036854775808.0;

/// Whether finite `d` is encoded as an integer: JSON has one number type, so 1, 1.0 and 1e0 are the
/// same value and encode the same way.
bool encodesAsInteger(double d)
{
    return d == std::trunc(d) && d >= -kTwoTo63 && d < kTwoTo63;
}

/// A finite number's canonical encoding: an integer when integral (and in range), else its bits.
void appendFiniteDouble(QByteArray &out, double d)
{
    if (encodesAsInteger(d)) {
        out.append(kInteger);
        appendU64(out, quint64(qint64(d)));
        return;
    }
    out.append(kDouble);
    appendU64(out, std::bit_cast<quint64>(d));
}

bool appendNumber(QByteArray &out, const QJsonValue &value, QString *error)
{
    // QJsonValue keeps integers as 64-bit integers (beyond 2^53 exactly); QCborValue tells them apart.
    const QCborValue number = QCborValue::fromJsonValue(value);
    if (number.isInteger()) {
        out.append(kInteger);
        appendU64(out, quint64(number.toInteger()));
        return true;
    }
    const double d = number.toDouble();
    if (!std::isfinite(d)) {
        *error = QStringLiteral("details contain a non-finite number");
        return false;
    }
    appendFiniteDouble(out, d);
    return true;
}

bool appendCanonical(QByteArray &out, const QJsonValue &value, int depth, QString *error)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out.append(kNull);
        return true;
    case QJsonValue::Bool:
        out.append(value.toBool() ? kTrue : kFalse);
        return true;
    case QJsonValue::Double:
        return appendNumber(out, value, error);
    case QJsonValue::String:
        out.append(kString);
        appendText(out, value.toString());
        return true;
    case QJsonValue::Array: {
        if (depth >= AuditMaxJsonDepth) {
            *error = QStringLiteral("details nest deeper than %1 levels").arg(AuditMaxJsonDepth);
            return false;
        }
        const QJsonArray array = value.toArray();
        out.append(kArray);
        appendU32(out, quint32(array.size()));
        for (const QJsonValue &item : array) {
            if (!appendCanonical(out, item, depth + 1, error))
                return false;
        }
        return true;
    }
    case QJsonValue::Object: {
        if (depth >= AuditMaxJsonDepth) {
            *error = QStringLiteral("details nest deeper than %1 levels").arg(AuditMaxJsonDepth);
            return false;
        }
        const QJsonObject object = value.toObject();
        // Sorted by the keys' UTF-8 bytes (code point order), not by QString's UTF-16 order.
        QList<std::pair<QByteArray, QJsonValue>> members;
        members.reserve(object.size());
        for (auto it = object.begin(); it != object.end(); ++it)
            members.append({it.key().toUtf8(), it.value()});
        std::sort(members.begin(), members.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        out.append(kObject);
        appendU32(out, quint32(members.size()));
        for (const auto &[key, member] : std::as_const(members)) {
            appendBytes(out, key);
            if (!appendCanonical(out, member, depth + 1, error))
                return false;
        }
        return true;
    }
    }
    *error = QStringLiteral("details contain an unknown JSON type");
    return false;
}

bool validReference(const QByteArray &ref)
{
    return ref.isEmpty() || ref.size() == AuditHashSize;
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView message)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), key.data(), int(key.size()), reinterpret_cast<const unsigned char *>(message.data()),
              size_t(message.size()), mac, &length))
        return {};
    return QByteArray(reinterpret_cast<const char *>(mac), int(length));
}

QByteArray shortHex(const QByteArray &hash)
{
    return hash.isEmpty() ? QByteArrayLiteral("(none)") : hash.toHex();
}

/// `utf8` as a JSON string, quotes included: `"` and `\` escaped, control characters as \u00XX,
/// everything else as is (UTF-8, which the JSON parser reads back unchanged).
void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const auto plain = [](char c) { return c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20; };
    out.append('"');
    if (std::all_of(utf8.begin(), utf8.end(), plain)) {
        out.append(utf8);
    } else {
        for (const char c : utf8) {
            const auto byte = static_cast<unsigned char>(c);
            if (plain(c)) {
                out.append(c);
            } else if (byte >= 0x20) {
                const std::array<char, 2> escaped{'\\', c};
                out.append(escaped.data(), qsizetype(escaped.size()));
            } else {
                const std::array<char, 6> escaped{'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 0xf]};
                out.append(escaped.data(), qsizetype(escaped.size()));
            }
        }
    }
    out.append('"');
}

/// A number in both forms, as the parser and canonicalAuditJson() will see it: integral values in
/// [-2^63, 2^63) as integers, other finite values printed shortest-exact (they parse back to the same
/// double), non-finite ones as null.
void appendTableNumber(QByteArray &json, QByteArray &canonical, double d)
{
    if (!std::isfinite(d)) {
        json.append("null");
        canonical.append(kNull);
        return;
    }
    json.append(encodesAsInteger(d) ? QByteArray::number(qint64(d))
                                    : QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
    appendFiniteDouble(canonical, d);
}

void appendTableText(QByteArray &json, QByteArray &canonical, QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    appendJsonString(json, utf8);
    canonical.append(kString);
    appendBytes(canonical, utf8);
}

} // namespace

QString auditCategoryName(AuditCategory category)
{
    switch (category) {
    case AuditCategory::Security:
        return QStringLiteral("security");
    case AuditCategory::Admin:
        return QStringLiteral("admin");
    case AuditCategory::Request:
        break;
    }
    return QStringLiteral("request");
}

std::optional<AuditCategory> parseAuditCategory(QStringView name)
{
    for (const AuditCategory c : {AuditCategory::Security, AuditCategory::Admin, AuditCategory::Request}) {
        if (name == auditCategoryName(c))
            return c;
    }
    return std::nullopt;
}

std::optional<QByteArray> canonicalAuditJson(const QJsonValue &value, QString *error)
{
    QByteArray out;
    if (!appendCanonical(out, value, 0, error))
        return std::nullopt;
    return out;
}

AuditTableWriter::AuditTableWriter(QList<QStringView> columns) : m_columns(std::move(columns)) {}

bool AuditTableWriter::addRow(std::initializer_list<AuditCell> cells)
{
    if (qsizetype(cells.size()) != m_columns.size())
        return false;
    if (m_rows > 0)
        m_json.append(',');
    m_json.append('[');
    m_canonical.append(kArray);
    appendU32(m_canonical, quint32(cells.size()));
    bool first = true;
    for (const AuditCell &cell : cells) {
        if (!std::exchange(first, false))
            m_json.append(',');
        if (const auto *text = std::get_if<QStringView>(&cell)) {
            appendTableText(m_json, m_canonical, *text);
        } else if (const auto *integer = std::get_if<qint64>(&cell)) {
            m_json.append(QByteArray::number(*integer));
            m_canonical.append(kInteger);
            appendU64(m_canonical, quint64(*integer));
        } else if (const auto *number = std::get_if<double>(&cell)) {
            appendTableNumber(m_json, m_canonical, *number);
        } else {
            m_json.append("null");
            m_canonical.append(kNull);
        }
    }
    m_json.append(']');
    ++m_rows;
    return true;
}

AuditEncodedDetails AuditTableWriter::finish() const
{
    // Keys in canonical order: "columns" before "rows".
    AuditEncodedDetails out;
    out.json.reserve(m_json.size() + 32 * m_columns.size() + 32);
    out.canonical.reserve(m_canonical.size() + 32 * m_columns.size() + 32);
    out.json.append(R"({"columns":[)");
    out.canonical.append(kObject);
    appendU32(out.canonical, 2);
    appendBytes(out.canonical, "columns");
    out.canonical.append(kArray);
    appendU32(out.canonical, quint32(m_columns.size()));
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (i > 0)
            out.json.append(',');
        appendTableText(out.json, out.canonical, m_columns.at(i));
    }
    out.json.append(R"(],"rows":[)");
    out.json.append(m_json);
    out.json.append("]}");
    appendBytes(out.canonical, "rows");
    out.canonical.append(kArray);
    appendU32(out.canonical, quint32(m_rows));
    out.canonical.append(m_canonical);
    return out;
}

std::optional<QByteArray> encodeAuditEntry(const AuditEntry &entry, QString *error)
{
    if (entry.sequence < 0) {
        *error = QStringLiteral("negative sequence");
        return std::nullopt;
    }
    const quint8 category = quint8(entry.category);
    if (category < quint8(AuditCategory::Security) || category > quint8(AuditCategory::Request)) {
        *error = QStringLiteral("unknown category %1").arg(category);
        return std::nullopt;
    }
    if (!validReference(entry.actorRef) || !validReference(entry.subjectRef)) {
        *error = QStringLiteral("a subject reference is neither empty nor %1 bytes").arg(AuditHashSize);
        return std::nullopt;
    }
    const std::optional<QByteArray> details = entry.encodedDetails.isEmpty()
                                                  ? canonicalAuditJson(entry.details, error)
                                                  : std::optional<QByteArray>(entry.encodedDetails.canonical);
    if (!details)
        return std::nullopt;
    if (details->size() > AuditMaxDetailsBytes) {
        *error = QStringLiteral("details take %1 bytes, more than the limit of %2")
                     .arg(details->size())
                     .arg(AuditMaxDetailsBytes);
        return std::nullopt;
    }

    QByteArray out;
    out.reserve(96 + details->size() + entry.actorSealed.size() + entry.subjectSealed.size());
    out.append(char(AuditEncodingVersion));
    appendU64(out, quint64(entry.sequence));
    appendU64(out, quint64(entry.timeMs));
    appendText(out, entry.instanceId);
    out.append(char(category));
    appendText(out, entry.action);
    appendText(out, entry.outcome);
    appendText(out, entry.actorRole);
    appendText(out, entry.requestId);
    appendBytes(out, *details);
    appendBytes(out, entry.actorRef);
    appendBytes(out, entry.actorSealed);
    appendBytes(out, entry.subjectRef);
    appendBytes(out, entry.subjectSealed);
    return out;
}

QByteArray auditEntryHash(QByteArrayView prevHash, QByteArrayView encoding)
{
    QByteArray message;
    message.reserve(prevHash.size() + encoding.size());
    message.append(prevHash);
    message.append(encoding);
    return sha256(message);
}

QByteArray auditGenesisHash()
{
    return QByteArray(AuditHashSize, '\0');
}

QByteArray signAuditAnchor(QByteArrayView key, const AuditAnchor &anchor, AuditAnchorPurpose purpose)
{
    if (key.isEmpty())
        return {};
    QByteArray message = QByteArrayLiteral("llmproxy-audit-anchor-v1");
    message.append(char(purpose));
    appendU64(message, quint64(anchor.sequence));
    message.append(anchor.entryHash);
    appendU64(message, quint64(anchor.timeMs));
    return hmacSha256(key, message).toHex();
}

bool auditAnchorSignatureValid(QByteArrayView key, const AuditAnchor &anchor, AuditAnchorPurpose purpose)
{
    const QByteArray expected = signAuditAnchor(key, anchor, purpose);
    return !expected.isEmpty() && expected.size() == anchor.signatureHex.size() &&
           CRYPTO_memcmp(expected.constData(), anchor.signatureHex.constData(), size_t(expected.size())) == 0;
}

bool chainAuditEntries(AuditAnchor *head, QList<AuditEntry> *drafts, QString *error)
{
    QList<AuditEntry> chained = *drafts;
    AuditAnchor at = *head;
    for (AuditEntry &entry : chained) {
        entry.sequence = at.sequence + 1;
        entry.prevHash = at.entryHash;
        const std::optional<QByteArray> encoding = encodeAuditEntry(entry, error);
        if (!encoding)
            return false;
        entry.entryHash = auditEntryHash(entry.prevHash, *encoding);
        at = AuditAnchor{entry.sequence, entry.entryHash, entry.timeMs, {}};
    }
    *drafts = std::move(chained);
    *head = at;
    return true;
}

QString describe(AuditBreak kind)
{
    switch (kind) {
    case AuditBreak::None:
        return QStringLiteral("ok");
    case AuditBreak::SignatureInvalid:
        return QStringLiteral("signature invalid");
    case AuditBreak::BadEncoding:
        return QStringLiteral("bad encoding");
    case AuditBreak::SequenceGap:
        return QStringLiteral("gap in sequence");
    case AuditBreak::PrevLinkBroken:
        return QStringLiteral("prev link broken");
    case AuditBreak::HashMismatch:
        return QStringLiteral("hash mismatch");
    case AuditBreak::AnchorMismatch:
        return QStringLiteral("anchor mismatch");
    case AuditBreak::Truncated:
        break;
    }
    return QStringLiteral("truncated");
}

QString AuditVerifyResult::summary(QStringView locationName) const
{
    if (ok()) {
        return QStringLiteral("ok: %1 entries, head %2 at sequence %3")
            .arg(entries)
            .arg(QString::fromLatin1(head.entryHash.toHex()))
            .arg(head.sequence);
    }
    // A row unreadable before its sequence could be read is known by its place only.
    QString at = sequence > 0 ? QStringLiteral("sequence %1").arg(sequence) : QStringLiteral("the start");
    if (location > 0) {
        const QString place = QStringLiteral("%1 %2").arg(locationName).arg(location);
        at = sequence > 0 ? QStringLiteral("%1 (%2)").arg(at, place) : place;
    }
    return QStringLiteral("broken at %1: %2: %3").arg(at, describe(failure), detail);
}

AuditRowSource auditRowsOf(QList<AuditEntry> entries)
{
    return [entries = std::move(entries), next = qsizetype(0)]() mutable -> std::optional<AuditRow> {
        if (next >= entries.size())
            return std::nullopt;
        const qsizetype at = next++;
        return AuditRow{entries.at(at), {}, at + 1};
    };
}

namespace {

/// The anchors that fall on `sequence`, checked against `hash`: an empty string when all match.
QString anchorConflict(const QList<AuditAnchor> &anchors, qint64 sequence, const QByteArray &hash)
{
    for (const AuditAnchor &anchor : anchors) {
        if (anchor.sequence == sequence && anchor.entryHash != hash) {
            return QStringLiteral("hash %1 is not the anchored %2")
                .arg(QString::fromLatin1(shortHex(hash)), QString::fromLatin1(shortHex(anchor.entryHash)));
        }
    }
    return {};
}

} // namespace

AuditVerifyResult verifyAuditChain(const AuditRowSource &rows, const AuditVerifyOptions &options)
{
    AuditVerifyResult result;
    const AuditAnchor start = options.checkpoint.value_or(AuditAnchor{});
    result.head = start;
    const auto fail = [&result](AuditBreak kind, qint64 sequence, qint64 location, const QString &detail) {
        result.failure = kind;
        result.sequence = sequence;
        result.location = location;
        result.detail = detail;
        return result;
    };

    if (!options.key.isEmpty()) {
        if (options.checkpoint &&
            !auditAnchorSignatureValid(options.key, *options.checkpoint, AuditAnchorPurpose::Checkpoint)) {
            return fail(AuditBreak::SignatureInvalid, start.sequence, 0,
                        start.signatureHex.isEmpty() ? QStringLiteral("the checkpoint is not signed")
                                                     : QStringLiteral("the checkpoint's signature does not match it"));
        }
        if (options.head && !auditAnchorSignatureValid(options.key, *options.head, AuditAnchorPurpose::Head)) {
            return fail(AuditBreak::SignatureInvalid, options.head->sequence, 0,
                        options.head->signatureHex.isEmpty()
                            ? QStringLiteral("the head is not signed")
                            : QStringLiteral("the head's signature does not match it"));
        }
    }
    QList<AuditAnchor> anchors = options.anchors;
    if (options.head)
        anchors.append(*options.head);
    if (const QString conflict = anchorConflict(anchors, start.sequence, start.entryHash); !conflict.isEmpty())
        return fail(AuditBreak::AnchorMismatch, start.sequence, 0, QStringLiteral("checkpoint ") + conflict);

    while (const std::optional<AuditRow> row = rows()) {
        const AuditEntry &entry = row->entry;
        if (!row->error.isEmpty())
            return fail(AuditBreak::BadEncoding, entry.sequence, row->location, row->error);
        const qint64 expected = result.head.sequence + 1;
        if (entry.sequence != expected) {
            return fail(AuditBreak::SequenceGap, entry.sequence, row->location,
                        QStringLiteral("expected sequence %1, found %2").arg(expected).arg(entry.sequence));
        }
        if (entry.prevHash != result.head.entryHash) {
            return fail(AuditBreak::PrevLinkBroken, entry.sequence, row->location,
                        QStringLiteral("prev hash %1 is not the previous entry's hash %2")
                            .arg(QString::fromLatin1(shortHex(entry.prevHash)),
                                 QString::fromLatin1(shortHex(result.head.entryHash))));
        }
        QString error;
        const std::optional<QByteArray> encoding = encodeAuditEntry(entry, &error);
        if (!encoding)
            return fail(AuditBreak::BadEncoding, entry.sequence, row->location, error);
        const QByteArray hash = auditEntryHash(entry.prevHash, *encoding);
        if (hash != entry.entryHash) {
            return fail(AuditBreak::HashMismatch, entry.sequence, row->location,
                        QStringLiteral("stored hash %1, contents hash to %2")
                            .arg(QString::fromLatin1(shortHex(entry.entryHash)), QString::fromLatin1(hash.toHex())));
        }
        if (const QString conflict = anchorConflict(anchors, entry.sequence, hash); !conflict.isEmpty())
            return fail(AuditBreak::AnchorMismatch, entry.sequence, row->location, conflict);
        if (options.head && entry.sequence > options.head->sequence) {
            return fail(
                AuditBreak::AnchorMismatch, entry.sequence, row->location,
                QStringLiteral("the chain runs past its recorded head at sequence %1").arg(options.head->sequence));
        }
        result.head = AuditAnchor{entry.sequence, hash, entry.timeMs, {}};
        ++result.entries;
    }

    for (const AuditAnchor &anchor : std::as_const(anchors)) {
        if (anchor.sequence > result.head.sequence) {
            return fail(AuditBreak::Truncated, anchor.sequence, 0,
                        QStringLiteral("the chain ends at sequence %1, before the anchored sequence %2")
                            .arg(result.head.sequence)
                            .arg(anchor.sequence));
        }
    }
    return result;
}

} // namespace llmproxy
