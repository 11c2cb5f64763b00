// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/store/auditchain.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

class QIODevice;

/// The audit chain's export format, JSON Lines: one JSON object per line, in this order —
///   {"type":"checkpoint","sequence":S,"entry_hash":"<hex>","time_ms":T,"signature":"<hex>"}  (once purged)
///   {"type":"head", same fields}                                                            (optional)
///   {"type":"entry","version":1,"sequence":…,"time_ms":…,"instance":…,"category":"request",
///    "action":…,"outcome":…,"actor_role":…,"request_id":…,"details":{…},
///    "actor_ref":"<hex>","actor_sealed":"<base64>","subject_ref":"<hex>","subject_sealed":"<base64>",
///    "prev_hash":"<hex>","entry_hash":"<hex>"}                                             (each entry)
/// An export holds everything needed to recompute every hash and nothing personal in clear, so it
/// can be verified offline (`llmproxy audit verify --file`) and handed to an auditor. "signature" is
/// absent when unsigned. Pure functions, thread-safe.
namespace llmproxy {

/// The clear fields of an entry as JSON: sequence, time_ms, instance, category, action, outcome,
/// actor_role, request_id, details.
QJsonObject auditEntryClearJson(const AuditEntry &entry);

/// An entry's export line, newline included.
QByteArray auditEntryJsonLine(const AuditEntry &entry);

/// A checkpoint's or head's export line, newline included.
QByteArray auditAnchorJsonLine(const AuditAnchor &anchor, AuditAnchorPurpose purpose);

/// One parsed export line.
struct AuditExportLine
{
    enum class Kind { Entry, Checkpoint, Head };
    Kind kind = Kind::Entry;
    AuditEntry entry;   ///< Kind::Entry
    AuditAnchor anchor; ///< Kind::Checkpoint and Kind::Head
};

/// Parses one line. Nullopt with `error` for anything that is not exactly one of the three shapes
/// (wrong types, hex or base64 of the wrong size, unknown category or version); `sequence` then
/// receives the line's sequence when it could be read.
std::optional<AuditExportLine> parseAuditExportLine(QByteArrayView line, QString *error, qint64 *sequence = nullptr);

/// Verifies an export read from `in` line by line (constant memory): checkpoint and head lines
/// first, then the entries. With a `key`, the checkpoint and head must be signed with it; the chain
/// must contain each of `anchors` and end at the head, when the export carries one. Locations in
/// the result are line numbers.
AuditVerifyResult verifyAuditExport(QIODevice *in, QByteArrayView key, const QList<AuditAnchor> &anchors = {});

} // namespace llmproxy
