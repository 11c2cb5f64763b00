// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/auditledger.h"

#include "proxycore/store/auditexport.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

#include <algorithm>
#include <cmath>
#include <utility>

namespace llmproxy {

namespace {

constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;

/// Whether `value` holds a NaN or an infinity anywhere (read only: nothing is copied).
bool hasNonFinite(const QJsonValue &value, int depth = 0)
{
    if (value.isDouble())
        return !std::isfinite(value.toDouble());
    if (depth > AuditMaxJsonDepth)
        return false;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(),
                           [depth](const QJsonValue &item) { return hasNonFinite(item, depth + 1); });
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        return std::any_of(object.begin(), object.end(),
                           [depth](const QJsonValue &item) { return hasNonFinite(item, depth + 1); });
    }
    return false;
}

/// `value` with every non-finite number replaced by null: JSON cannot carry them, so the stored
/// text would say null while the entry said NaN. Nesting beyond the encoder's limit is left as it
/// is (the encoder refuses it).
QJsonValue finiteJson(const QJsonValue &value, int depth = 0)
{
    if (value.isDouble())
        return std::isfinite(value.toDouble()) ? value : QJsonValue(QJsonValue::Null);
    if (depth > AuditMaxJsonDepth)
        return value;
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array.replace(i, finiteJson(array.at(i), depth + 1));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = finiteJson(it.value(), depth + 1);
        return object;
    }
    return value;
}

/// `object` with its non-finite numbers turned into null; shared, not copied, when it has none.
QJsonObject finiteObject(const QJsonObject &object)
{
    return hasNonFinite(object) ? finiteJson(object).toObject() : object;
}

} // namespace

std::optional<QList<AuditEntry>> MemoryAuditStore::append(const QList<AuditEntry> &drafts, QString *error)
{
    const QMutexLocker lock(&m_mutex);
    AuditAnchor head = headLocked();
    QList<AuditEntry> chained = drafts;
    if (!chainAuditEntries(&head, &chained, error))
        return std::nullopt;
    // Kept as the SQL store keeps them: details encoded ahead are stored as their text and read back
    // as the object it parses to.
    for (AuditEntry &entry : chained) {
        if (!entry.encodedDetails.isEmpty()) {
            entry.details = QJsonDocument::fromJson(entry.encodedDetails.json).object();
            entry.encodedDetails = {};
        }
    }
    m_entries.append(chained);
    return chained;
}

std::optional<AuditSnapshot> MemoryAuditStore::snapshot(QString *error)
{
    Q_UNUSED(error)
    const QMutexLocker lock(&m_mutex);
    return AuditSnapshot{m_checkpoint, headLocked(), auditRowsOf(m_entries)};
}

std::optional<QList<AuditEntry>> MemoryAuditStore::entriesOf(QByteArrayView ref, QString *error)
{
    Q_UNUSED(error)
    const QMutexLocker lock(&m_mutex);
    QList<AuditEntry> found;
    for (const AuditEntry &entry : std::as_const(m_entries)) {
        if (entry.actorRef == ref || entry.subjectRef == ref)
            found.append(entry);
    }
    return found;
}

std::optional<qint64> MemoryAuditStore::purgeBefore(qint64 cutoffMs, QByteArrayView checkpointKey, QString *error)
{
    Q_UNUSED(error)
    const QMutexLocker lock(&m_mutex);
    qsizetype removed = 0;
    while (removed < m_entries.size() && m_entries.at(removed).timeMs < cutoffMs)
        ++removed;
    if (removed == 0)
        return 0;
    const AuditEntry &last = m_entries.at(removed - 1);
    AuditAnchor checkpoint{last.sequence, last.entryHash, last.timeMs, {}};
    checkpoint.signatureHex = signAuditAnchor(checkpointKey, checkpoint, AuditAnchorPurpose::Checkpoint);
    m_checkpoint = checkpoint;
    m_entries.remove(0, removed);
    return removed;
}

AuditAnchor MemoryAuditStore::headLocked() const
{
    if (!m_entries.isEmpty()) {
        const AuditEntry &last = m_entries.constLast();
        return AuditAnchor{last.sequence, last.entryHash, last.timeMs, {}};
    }
    return m_checkpoint.value_or(AuditAnchor{});
}

AuditLedger::AuditLedger(AuditStore *store, SubjectKeyStore *keys, QByteArray secret, QByteArray anchorKey,
                         QString instanceId)
    : m_store(store), m_keys(keys), m_secret(std::move(secret)), m_anchorKey(std::move(anchorKey)),
      m_instanceId(std::move(instanceId))
{
}

std::optional<AuditEntry> AuditLedger::draft(const AuditEvent &event, QString *error) const
{
    if (m_secret.size() < MinSecretSize) {
        *error = QStringLiteral("the audit ledger secret is shorter than %1 bytes").arg(MinSecretSize);
        return std::nullopt;
    }
    AuditEntry entry;
    entry.timeMs = event.timeMs;
    entry.instanceId = m_instanceId;
    entry.category = event.category;
    entry.action = event.action;
    entry.outcome = event.outcome;
    entry.actorRole = event.actorRole;
    entry.requestId = event.requestId;
    if (event.encodedDetails.isEmpty())
        entry.details = finiteObject(event.details);
    else
        entry.encodedDetails = event.encodedDetails;
    const QJsonObject personal = finiteObject(event.personalDetails);

    // Seals `blob` under the key of the person `name`, setting their reference.
    const auto seal = [this, error](AuditParty party, const QString &name, const QJsonObject &blob, QByteArray *ref,
                                    QByteArray *sealed) {
        *ref = auditSubjectRef(m_secret, name);
        const std::optional<SubjectKey> key = m_keys->currentKey(*ref, error);
        if (!key)
            return false;
        const std::optional<QByteArray> bytes =
            sealAuditPersonal(*key, party, *ref, QJsonDocument(blob).toJson(QJsonDocument::Compact), error);
        if (bytes)
            *sealed = *bytes;
        return bytes.has_value();
    };

    // An anonymous actor is known by their address, so erasing that address erases their data.
    const QString actorName = event.actor.isEmpty() ? event.clientIp : event.actor;
    const bool separateSubject = !event.subject.isEmpty();
    if (!actorName.isEmpty()) {
        QJsonObject blob;
        if (!event.actor.isEmpty())
            blob.insert(QStringLiteral("actor"), event.actor);
        if (!event.clientIp.isEmpty())
            blob.insert(QStringLiteral("client_ip"), event.clientIp);
        if (!separateSubject && !personal.isEmpty())
            blob.insert(QStringLiteral("details"), personal);
        if (!seal(AuditParty::Actor, actorName, blob, &entry.actorRef, &entry.actorSealed))
            return std::nullopt;
    } else if (!separateSubject && !personal.isEmpty()) {
        *error = QStringLiteral("personal details without a person (no actor, client address or subject)");
        return std::nullopt;
    }
    if (separateSubject) {
        QJsonObject blob{{QStringLiteral("subject"), event.subject}};
        if (!personal.isEmpty())
            blob.insert(QStringLiteral("details"), personal);
        if (!seal(AuditParty::Subject, event.subject, blob, &entry.subjectRef, &entry.subjectSealed))
            return std::nullopt;
    }
    if (!encodeAuditEntry(entry, error))
        return std::nullopt;
    return entry;
}

std::optional<AuditEntry> AuditLedger::record(const AuditEvent &event, QString *error)
{
    const std::optional<AuditEntry> entry = draft(event, error);
    if (!entry)
        return std::nullopt;
    return append(*entry, error);
}

std::optional<AuditEntry> AuditLedger::append(const AuditEntry &draft, QString *error)
{
    const std::optional<QList<AuditEntry>> stored = m_store->append({draft}, error);
    if (!stored || stored->size() != 1)
        return std::nullopt;
    return stored->constFirst();
}

std::optional<AuditVerifyResult> AuditLedger::verify(const QList<AuditAnchor> &anchors, QString *error) const
{
    const std::optional<AuditSnapshot> snapshot = m_store->snapshot(error);
    if (!snapshot)
        return std::nullopt;
    AuditVerifyOptions options;
    options.checkpoint = snapshot->checkpoint;
    options.anchors = anchors;
    options.key = m_anchorKey;
    return verifyAuditChain(snapshot->rows, options);
}

std::optional<AuditAnchor> AuditLedger::signedHead(QString *error) const
{
    const std::optional<AuditSnapshot> snapshot = m_store->snapshot(error);
    if (!snapshot)
        return std::nullopt;
    AuditAnchor head = snapshot->head;
    head.signatureHex = signAuditAnchor(m_anchorKey, head, AuditAnchorPurpose::Head);
    return head;
}

bool AuditLedger::exportChain(QIODevice *out, QString *error) const
{
    const std::optional<AuditSnapshot> snapshot = m_store->snapshot(error);
    if (!snapshot)
        return false;
    QByteArray header;
    if (snapshot->checkpoint)
        header += auditAnchorJsonLine(*snapshot->checkpoint, AuditAnchorPurpose::Checkpoint);
    AuditAnchor head = snapshot->head;
    head.signatureHex = signAuditAnchor(m_anchorKey, head, AuditAnchorPurpose::Head);
    header += auditAnchorJsonLine(head, AuditAnchorPurpose::Head);
    bool written = out->write(header) == header.size();
    while (written) {
        const std::optional<AuditRow> row = snapshot->rows();
        if (!row)
            break;
        if (!row->error.isEmpty()) {
            *error = QStringLiteral("cannot read audit entry %1: %2").arg(row->entry.sequence).arg(row->error);
            return false;
        }
        const QByteArray line = auditEntryJsonLine(row->entry);
        written = out->write(line) == line.size();
    }
    if (!written)
        *error = QStringLiteral("cannot write the audit export: %1").arg(out->errorString());
    return written;
}

std::optional<QJsonObject> AuditLedger::openPart(AuditParty party, const QByteArray &ref, const QByteArray &sealed,
                                                 QString *error) const
{
    const QJsonObject unreadable{{QStringLiteral("unreadable"), true}};
    const QByteArray keyId = auditSealedKeyId(sealed);
    if (keyId.isEmpty())
        return unreadable;
    QString keyError;
    const std::optional<QByteArray> key = m_keys->keyById(keyId, &keyError);
    if (!key && !keyError.isEmpty()) {
        *error = keyError;
        return std::nullopt;
    }
    if (!key)
        return QJsonObject{{QStringLiteral("erased"), true}};
    const std::optional<QByteArray> plain = openAuditPersonal(*key, party, ref, sealed);
    const QJsonDocument document = plain ? QJsonDocument::fromJson(*plain) : QJsonDocument();
    return document.isObject() ? document.object() : unreadable;
}

std::optional<QJsonObject> AuditLedger::exportSubject(const QString &name, const AuditRequester &by, QString *error)
{
    const QByteArray ref = auditSubjectRef(m_secret, name);
    const std::optional<QList<AuditEntry>> entries = m_store->entriesOf(ref, error);
    if (!entries)
        return std::nullopt;
    QJsonArray out;
    for (const AuditEntry &entry : *entries) {
        QJsonObject item = auditEntryClearJson(entry);
        // Only this person's own blobs: in an entry about someone else, the other person stays sealed.
        const auto addPart = [&](AuditParty party, const QByteArray &partRef, const QByteArray &sealed,
                                 const QString &field) {
            if (partRef != ref || sealed.isEmpty())
                return true;
            const std::optional<QJsonObject> part = openPart(party, ref, sealed, error);
            if (part)
                item.insert(field, *part);
            return part.has_value();
        };
        if (!addPart(AuditParty::Actor, entry.actorRef, entry.actorSealed, QStringLiteral("as_actor")) ||
            !addPart(AuditParty::Subject, entry.subjectRef, entry.subjectSealed, QStringLiteral("as_subject")))
            return std::nullopt;
        out.append(item);
    }
    const AuditEvent event{by.timeMs,
                           AuditCategory::Admin,
                           QStringLiteral("gdpr.export"),
                           QStringLiteral("ok"),
                           by.actor,
                           by.actorRole,
                           by.clientIp,
                           name,
                           by.requestId,
                           QJsonObject{{QStringLiteral("entries"), out.size()}},
                           {},
                           {}};
    if (!record(event, error))
        return std::nullopt;
    return QJsonObject{{QStringLiteral("subject"), name},
                       {QStringLiteral("exported_at_ms"), by.timeMs},
                       {QStringLiteral("record_count"), out.size()},
                       {QStringLiteral("entries"), out}};
}

std::optional<AuditErasure> AuditLedger::eraseSubject(const QString &name, const AuditRequester &by, QString *error)
{
    const QByteArray ref = auditSubjectRef(m_secret, name);
    const std::optional<QList<AuditEntry>> entries = m_store->entriesOf(ref, error);
    if (!entries)
        return std::nullopt;
    // The erasure's own entry refers to the person but seals nothing of theirs: it stays readable.
    const AuditEvent event{by.timeMs,
                           AuditCategory::Admin,
                           QStringLiteral("gdpr.erase"),
                           QStringLiteral("ok"),
                           by.actor,
                           by.actorRole,
                           by.clientIp,
                           {},
                           by.requestId,
                           QJsonObject{{QStringLiteral("entries"), entries->size()}},
                           {},
                           {}};
    std::optional<AuditEntry> record = draft(event, error);
    if (!record)
        return std::nullopt;
    record->subjectRef = ref;
    record = append(*record, error);
    if (!record)
        return std::nullopt;
    const std::optional<int> destroyed = m_keys->destroyKeys(ref, error);
    if (!destroyed) {
        *error = QStringLiteral("erasure recorded at sequence %1, but the keys were not destroyed: %2")
                     .arg(record->sequence)
                     .arg(*error);
        return std::nullopt;
    }
    return AuditErasure{entries->size(), *destroyed, record->sequence};
}

std::optional<qint64> AuditLedger::purge(qint64 nowMs, int retentionDays, const AuditRequester &by, QString *error)
{
    if (retentionDays <= 0)
        return 0;
    const qint64 cutoffMs = nowMs - qint64(retentionDays) * kDayMs;
    const std::optional<qint64> removed = m_store->purgeBefore(cutoffMs, m_anchorKey, error);
    if (!removed || *removed == 0)
        return removed;
    if (!recordPurge(cutoffMs, retentionDays, *removed, {}, by, error)) {
        *error = QStringLiteral("purged %1 entries, but the purge was not recorded: %2").arg(*removed).arg(*error);
        return std::nullopt;
    }
    return removed;
}

std::optional<AuditEntry> AuditLedger::recordPurge(qint64 cutoffMs, int retentionDays, qint64 removed,
                                                   const QJsonObject &extra, const AuditRequester &by, QString *error)
{
    QJsonObject details{{QStringLiteral("cutoff_ms"), cutoffMs},
                        {QStringLiteral("removed"), removed},
                        {QStringLiteral("retention_days"), retentionDays}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        details.insert(it.key(), it.value());
    const AuditEvent event{by.timeMs,
                           AuditCategory::Admin,
                           QStringLiteral("audit.purge"),
                           QStringLiteral("ok"),
                           by.actor,
                           by.actorRole,
                           by.clientIp,
                           {},
                           by.requestId,
                           details,
                           {},
                           {}};
    return record(event, error);
}

} // namespace llmproxy
