// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/auditexport.h"

#include <QCborValue>
#include <QIODevice>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

namespace llmproxy {

namespace {

constexpr auto kType = "type";

const QSet<QString> &entryKeys()
{
    static const QSet<QString> keys{
        QStringLiteral("type"),         QStringLiteral("version"),     QStringLiteral("sequence"),
        QStringLiteral("time_ms"),      QStringLiteral("instance"),    QStringLiteral("category"),
        QStringLiteral("action"),       QStringLiteral("outcome"),     QStringLiteral("actor_role"),
        QStringLiteral("request_id"),   QStringLiteral("details"),     QStringLiteral("actor_ref"),
        QStringLiteral("actor_sealed"), QStringLiteral("subject_ref"), QStringLiteral("subject_sealed"),
        QStringLiteral("prev_hash"),    QStringLiteral("entry_hash")};
    return keys;
}

const QSet<QString> &anchorKeys()
{
    static const QSet<QString> keys{QStringLiteral("type"), QStringLiteral("sequence"), QStringLiteral("entry_hash"),
                                    QStringLiteral("time_ms"), QStringLiteral("signature")};
    return keys;
}

QString hexText(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

/// Reads typed fields of one line; the first problem is kept in `error`.
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject &object) : m_object(object) {}

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    qint64 integer(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isDouble()) {
            const QCborValue number = QCborValue::fromJsonValue(value);
            if (number.isInteger())
                return number.toInteger();
            const double d = number.toDouble();
            if (d == std::trunc(d) && std::abs(d) < 9.0e15)
                return qint64(d);
        }
        fail(key, QStringLiteral("an integer"));
        return 0;
    }

    QString text(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isString())
            fail(key, QStringLiteral("a string"));
        return value.toString();
    }

    /// Lower-case hex of one of the `sizes` (in bytes).
    QByteArray hex(const QString &key, std::initializer_list<qsizetype> sizes)
    {
        const QByteArray digits = text(key).toLatin1();
        for (const char c : digits) {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                fail(key, QStringLiteral("lower-case hex"));
                return {};
            }
        }
        QByteArray bytes = QByteArray::fromHex(digits);
        if (digits.size() % 2 != 0 || !std::count(sizes.begin(), sizes.end(), bytes.size()))
            fail(key, QStringLiteral("hex of the right length"));
        return bytes;
    }

    QByteArray base64(const QString &key)
    {
        const auto decoded =
            QByteArray::fromBase64Encoding(text(key).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            fail(key, QStringLiteral("base64"));
        return decoded.decoded;
    }

    QJsonObject object(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isObject())
            fail(key, QStringLiteral("an object"));
        return value.toObject();
    }

private:
    void fail(const QString &key, const QString &what)
    {
        if (m_error.isEmpty()) {
            m_error = m_object.contains(key) ? QStringLiteral("\"%1\" is not %2").arg(key, what)
                                             : QStringLiteral("\"%1\" is missing").arg(key);
        }
    }

    const QJsonObject &m_object;
    QString m_error;
};

/// The first key of `object` not in `allowed`, or an empty string.
QString unknownKey(const QJsonObject &object, const QSet<QString> &allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return it.key();
    }
    return {};
}

/// Non-empty lines of an export, with their line numbers.
class LineReader
{
public:
    explicit LineReader(QIODevice *in) : m_in(in) {}

    std::optional<QByteArray> next()
    {
        while (!m_in->atEnd()) {
            QByteArray line = m_in->readLine();
            ++m_line;
            line = line.trimmed();
            if (!line.isEmpty())
                return line;
        }
        return std::nullopt;
    }
    qint64 line() const { return m_line; }

private:
    QIODevice *m_in;
    qint64 m_line = 0;
};

/// An export line as a row: an entry line, or an error for anything else.
AuditRow rowOf(const QByteArray &text, qint64 line)
{
    AuditRow row;
    row.location = line;
    const std::optional<AuditExportLine> parsed = parseAuditExportLine(text, &row.error, &row.entry.sequence);
    if (parsed && parsed->kind != AuditExportLine::Kind::Entry)
        row.error = QStringLiteral("a checkpoint or head line among the entries");
    else if (parsed)
        row.entry = parsed->entry;
    return row;
}

} // namespace

QJsonObject auditEntryClearJson(const AuditEntry &entry)
{
    return QJsonObject{
        {QStringLiteral("sequence"), entry.sequence},
        {QStringLiteral("time_ms"), entry.timeMs},
        {QStringLiteral("instance"), entry.instanceId},
        {QStringLiteral("category"), auditCategoryName(entry.category)},
        {QStringLiteral("action"), entry.action},
        {QStringLiteral("outcome"), entry.outcome},
        {QStringLiteral("actor_role"), entry.actorRole},
        {QStringLiteral("request_id"), entry.requestId},
        {QStringLiteral("details"),
         entry.encodedDetails.isEmpty() ? entry.details : QJsonDocument::fromJson(entry.encodedDetails.json).object()},
    };
}

QByteArray auditEntryJsonLine(const AuditEntry &entry)
{
    QJsonObject line = auditEntryClearJson(entry);
    line.insert(QLatin1String(kType), QStringLiteral("entry"));
    line.insert(QStringLiteral("version"), int(AuditEncodingVersion));
    line.insert(QStringLiteral("actor_ref"), hexText(entry.actorRef));
    line.insert(QStringLiteral("actor_sealed"), QString::fromLatin1(entry.actorSealed.toBase64()));
    line.insert(QStringLiteral("subject_ref"), hexText(entry.subjectRef));
    line.insert(QStringLiteral("subject_sealed"), QString::fromLatin1(entry.subjectSealed.toBase64()));
    line.insert(QStringLiteral("prev_hash"), hexText(entry.prevHash));
    line.insert(QStringLiteral("entry_hash"), hexText(entry.entryHash));
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray auditAnchorJsonLine(const AuditAnchor &anchor, AuditAnchorPurpose purpose)
{
    QJsonObject line{
        {QLatin1String(kType),
         purpose == AuditAnchorPurpose::Checkpoint ? QStringLiteral("checkpoint") : QStringLiteral("head")},
        {QStringLiteral("sequence"), anchor.sequence},
        {QStringLiteral("entry_hash"), hexText(anchor.entryHash)},
        {QStringLiteral("time_ms"), anchor.timeMs},
    };
    if (!anchor.signatureHex.isEmpty())
        line.insert(QStringLiteral("signature"), QString::fromLatin1(anchor.signatureHex));
    return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<AuditExportLine> parseAuditExportLine(QByteArrayView line, QString *error, qint64 *sequence)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
    if (!document.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
                     ? QStringLiteral("not JSON: %1").arg(parseError.errorString())
                     : QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    FieldReader read(object);
    const QString type = read.text(QLatin1String(kType));
    AuditExportLine parsed;
    if (type == QLatin1String("checkpoint") || type == QLatin1String("head")) {
        parsed.kind = type == QLatin1String("head") ? AuditExportLine::Kind::Head : AuditExportLine::Kind::Checkpoint;
        parsed.anchor.sequence = read.integer(QStringLiteral("sequence"));
        parsed.anchor.entryHash = read.hex(QStringLiteral("entry_hash"), {AuditHashSize});
        parsed.anchor.timeMs = read.integer(QStringLiteral("time_ms"));
        if (object.contains(QStringLiteral("signature")))
            parsed.anchor.signatureHex = read.hex(QStringLiteral("signature"), {AuditHashSize}).toHex();
        if (const QString unknown = unknownKey(object, anchorKeys()); read.ok() && !unknown.isEmpty()) {
            *error = QStringLiteral("unknown field \"%1\"").arg(unknown);
            return std::nullopt;
        }
    } else if (type == QLatin1String("entry")) {
        AuditEntry &entry = parsed.entry;
        entry.sequence = read.integer(QStringLiteral("sequence"));
        if (sequence)
            *sequence = entry.sequence;
        if (read.ok() && read.integer(QStringLiteral("version")) != AuditEncodingVersion) {
            *error =
                QStringLiteral("unknown encoding version %1").arg(object.value(QStringLiteral("version")).toInteger());
            return std::nullopt;
        }
        entry.timeMs = read.integer(QStringLiteral("time_ms"));
        entry.instanceId = read.text(QStringLiteral("instance"));
        const QString category = read.text(QStringLiteral("category"));
        entry.action = read.text(QStringLiteral("action"));
        entry.outcome = read.text(QStringLiteral("outcome"));
        entry.actorRole = read.text(QStringLiteral("actor_role"));
        entry.requestId = read.text(QStringLiteral("request_id"));
        entry.details = read.object(QStringLiteral("details"));
        entry.actorRef = read.hex(QStringLiteral("actor_ref"), {0, AuditHashSize});
        entry.actorSealed = read.base64(QStringLiteral("actor_sealed"));
        entry.subjectRef = read.hex(QStringLiteral("subject_ref"), {0, AuditHashSize});
        entry.subjectSealed = read.base64(QStringLiteral("subject_sealed"));
        entry.prevHash = read.hex(QStringLiteral("prev_hash"), {AuditHashSize});
        entry.entryHash = read.hex(QStringLiteral("entry_hash"), {AuditHashSize});
        if (read.ok()) {
            const std::optional<AuditCategory> parsedCategory = parseAuditCategory(category);
            if (!parsedCategory) {
                *error = QStringLiteral("unknown category \"%1\"").arg(category);
                return std::nullopt;
            }
            entry.category = *parsedCategory;
        }
        if (const QString unknown = unknownKey(object, entryKeys()); read.ok() && !unknown.isEmpty()) {
            *error = QStringLiteral("unknown field \"%1\"").arg(unknown);
            return std::nullopt;
        }
    } else if (read.ok()) {
        *error = QStringLiteral("unknown line type \"%1\"").arg(type);
        return std::nullopt;
    }
    if (!read.ok()) {
        *error = read.error();
        return std::nullopt;
    }
    return parsed;
}

AuditVerifyResult verifyAuditExport(QIODevice *in, QByteArrayView key, const QList<AuditAnchor> &anchors)
{
    auto lines = std::make_shared<LineReader>(in);
    AuditVerifyOptions options;
    options.anchors = anchors;
    options.key = key.toByteArray();

    // The checkpoint and head lines come first; the first other line is the first row.
    std::optional<AuditRow> first;
    while (const std::optional<QByteArray> text = lines->next()) {
        QString error;
        const std::optional<AuditExportLine> parsed = parseAuditExportLine(*text, &error);
        const bool checkpoint = parsed && parsed->kind == AuditExportLine::Kind::Checkpoint;
        const bool head = parsed && parsed->kind == AuditExportLine::Kind::Head;
        if (checkpoint && !options.checkpoint && !options.head) {
            options.checkpoint = parsed->anchor;
        } else if (head && !options.head) {
            options.head = parsed->anchor;
        } else {
            first = rowOf(*text, lines->line());
            if (checkpoint || head)
                first->error = QStringLiteral("a second checkpoint or head line, or a checkpoint after the head");
            break;
        }
    }
    const AuditRowSource rows = [lines, first]() mutable -> std::optional<AuditRow> {
        if (first)
            return std::exchange(first, std::nullopt);
        if (const std::optional<QByteArray> text = lines->next())
            return rowOf(*text, lines->line());
        return std::nullopt;
    };
    return verifyAuditChain(rows, options);
}

} // namespace llmproxy
