// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringView>

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <optional>
#include <variant>

/// The audit chain: the stored entry, its canonical encoding, the SHA-256 hash chain over it, signed
/// anchors (checkpoint and head) and the verifier. Storage-independent: the in-memory ledger and the
/// SQL ledger store the same AuditEntry and chain it with chainAuditEntries(). docs/audit.md describes
/// the encoding byte by byte; tst_auditchain pins it with golden vectors. Every function is pure and
/// thread-safe.
namespace llmproxy {

/// What an audit entry is about. The numeric values are part of the encoding.
enum class AuditCategory : quint8 {
    Security = 1, ///< a security decision (blocked request, masked PII, firewall hit)
    Admin = 2,    ///< an administrative action (key created, configuration changed, GDPR erase)
    Request = 3,  ///< the outcome of a proxied request
};

/// "security", "admin" or "request".
QString auditCategoryName(AuditCategory category);
/// The category named `name` (as auditCategoryName() writes it); nullopt for anything else.
std::optional<AuditCategory> parseAuditCategory(QStringView name);

/// Version byte at the start of every encoding; an entry of another version does not verify.
inline constexpr quint8 AuditEncodingVersion = 1;
/// Size of a hash, a subject reference and the genesis hash.
inline constexpr qsizetype AuditHashSize = 32;
/// Largest canonical encoding of an entry's details: a bigger entry is refused, not stored.
inline constexpr qsizetype AuditMaxDetailsBytes = 1024 * 1024;
/// Deepest nesting of arrays and objects in details (the encoder recurses).
inline constexpr int AuditMaxJsonDepth = 32;

/// An entry's details already in both of their forms: the compact JSON text that is stored, and the
/// canonical encoding of the object that text parses to, which is what the hash covers. Made by
/// AuditTableWriter, which guarantees that the two agree; an entry that carries them is stored and
/// hashed from them instead of from its `details` object (which then stays empty). Reading the entry
/// back yields `details` parsed from the text, and the verifier encodes that: it never trusts these.
struct AuditEncodedDetails
{
    QByteArray json;      ///< compact JSON text of an object
    QByteArray canonical; ///< canonicalAuditJson() of that object

    bool isEmpty() const { return canonical.isEmpty(); }
    bool operator==(const AuditEncodedDetails &other) const = default;
};

/// One entry of the chain as stored. Personal data never appears here in clear: the actor (who acted,
/// with their client address) and the subject (whose data it is, with personal details) are each a
/// reference (HMAC of the name, for lookup) and a sealed blob (AES-256-GCM under that person's key,
/// see auditseal.h). The chain covers the references and the sealed bytes, so destroying a person's
/// key makes their data unreadable without changing any hash. An entry whose sequence, prevHash and
/// entryHash are unset is a draft: chainAuditEntries() fills them in.
struct AuditEntry
{
    qint64 sequence = 0; ///< position in the chain, 1 for the first entry ever, no gaps
    qint64 timeMs = 0;   ///< when it happened, UTC milliseconds since the epoch
    QString instanceId;  ///< the gateway instance that recorded it
    AuditCategory category = AuditCategory::Request;
    QString action;                     ///< what happened, e.g. "request.blocked", "key.created", "gdpr.erase"
    QString outcome;                    ///< how it ended, e.g. "ok", "blocked", "error"
    QString actorRole;                  ///< the actor's role (admin, user, system); not personal
    QString requestId;                  ///< the request it belongs to, if any
    QJsonObject details;                ///< non-personal facts (model, provider, status, layer, …)
    AuditEncodedDetails encodedDetails; ///< set instead of details when encoded ahead (AuditTableWriter)
    QByteArray actorRef;                ///< empty or 32 bytes: auditSubjectRef() of the actor
    QByteArray actorSealed;             ///< the actor's personal data, sealed; empty when none
    QByteArray subjectRef;              ///< empty or 32 bytes: auditSubjectRef() of the subject
    QByteArray subjectSealed;           ///< the subject's personal data, sealed; empty when none
    QByteArray prevHash;                ///< entryHash of the entry before (or of the checkpoint, or the genesis hash)
    QByteArray entryHash;               ///< auditEntryHash(prevHash, encodeAuditEntry(*this))

    bool operator==(const AuditEntry &other) const = default;
};

/// The canonical encoding of a JSON value (docs/audit.md, "Details"): type-tagged, length-prefixed,
/// object keys sorted by their UTF-8 bytes, integral numbers as 64-bit integers and other numbers as
/// IEEE-754 bits — never text formatted by a locale or a float printer. Nullopt with `error` for a
/// non-finite number or nesting deeper than AuditMaxJsonDepth.
std::optional<QByteArray> canonicalAuditJson(const QJsonValue &value, QString *error);

/// One cell of an AuditTableWriter row: null, an integer, a number or a text.
using AuditCell = std::variant<std::nullptr_t, qint64, double, QStringView>;

/// Writes the details of an entry that lists many records of one kind — `{"columns": [names], "rows":
/// [[cells], …]}` — straight into AuditEncodedDetails, without building a QJsonObject: what an entry
/// for hundreds of requests costs. The JSON text it writes parses to an object whose
/// canonicalAuditJson() is exactly the canonical bytes it writes (tst_auditchain checks this on
/// random and hostile cells): strings escaped as JSON requires, numbers printed so that they read back
/// as the same double, integral numbers as integers, non-finite numbers as null.
class AuditTableWriter
{
public:
    explicit AuditTableWriter(QList<QStringView> columns);

    /// Appends a row; it must have one cell per column (a row of another length is refused: false).
    bool addRow(std::initializer_list<AuditCell> cells);
    qsizetype rows() const { return m_rows; }
    /// The details written so far.
    AuditEncodedDetails finish() const;

private:
    QList<QStringView> m_columns;
    QByteArray m_json;      ///< the rows' JSON, comma-separated
    QByteArray m_canonical; ///< the rows' canonical encodings
    qsizetype m_rows = 0;
};

/// The bytes an entry's hash covers (everything but prevHash and entryHash, see docs/audit.md).
/// Nullopt with `error` when the entry cannot be encoded: negative sequence, a reference that is not
/// empty or 32 bytes, details that canonicalAuditJson() refuses or larger than AuditMaxDetailsBytes.
std::optional<QByteArray> encodeAuditEntry(const AuditEntry &entry, QString *error);

/// SHA-256(prevHash || encoding): the entry hash (32 bytes).
QByteArray auditEntryHash(QByteArrayView prevHash, QByteArrayView encoding);

/// The prevHash of the first entry of a chain: 32 zero bytes.
QByteArray auditGenesisHash();

/// A point of the chain: an entry's sequence, hash and time. A checkpoint is the anchor of the last
/// purged entry (the chain continues from it); the head is the anchor of the last entry. Either may
/// carry an HMAC signature so that someone who can write the database cannot forge it.
struct AuditAnchor
{
    qint64 sequence = 0;                       ///< 0 with the genesis hash: the empty chain
    QByteArray entryHash = auditGenesisHash(); ///< 32 bytes
    qint64 timeMs = 0;                         ///< the time of that entry
    QByteArray signatureHex;                   ///< signAuditAnchor(), or empty when unsigned

    bool operator==(const AuditAnchor &other) const = default;
};

/// What an anchor signature vouches for; part of the signed message, so a signed head cannot be
/// passed off as a checkpoint (which would excuse deleting everything up to it).
enum class AuditAnchorPurpose : char { Checkpoint = 'c', Head = 'h' };

/// HMAC-SHA256 with `key` over the ASCII tag `llmproxy-audit-anchor-v1`, the purpose byte, the
/// sequence (8 bytes big-endian), the 32-byte hash and the time (8 bytes big-endian), as 64 lower-case
/// hex digits; empty when `key` is empty.
QByteArray signAuditAnchor(QByteArrayView key, const AuditAnchor &anchor, AuditAnchorPurpose purpose);

/// Whether `anchor.signatureHex` is signAuditAnchor(key, anchor, purpose), compared in constant time.
bool auditAnchorSignatureValid(QByteArrayView key, const AuditAnchor &anchor, AuditAnchorPurpose purpose);

/// Chains `drafts` after `head` in order: sets each draft's sequence (head + 1, …), prevHash and
/// entryHash, and moves `head` to the last one (unsigned). Every backend appends through this, inside
/// its serialised step (see AuditStore::append). On an entry that cannot be encoded returns false
/// with `error`, and neither `drafts` nor `head` change.
bool chainAuditEntries(AuditAnchor *head, QList<AuditEntry> *drafts, QString *error);

/// One stored row as a row source yields it: the entry, or why the row could not be read into one
/// (a column of the wrong size or type, unparseable JSON). `location` says where the row is (line of
/// an export file, row id of a table) for messages. An unreadable row still carries its
/// entry.sequence when that much could be read (else 0).
struct AuditRow
{
    AuditEntry entry;
    QString error; ///< non-empty: the row is unreadable, `entry` is incomplete
    qint64 location = 0;
};

/// Yields rows in sequence order, then nullopt. Wraps an SQL cursor, a file reader or a list.
using AuditRowSource = std::function<std::optional<AuditRow>()>;

/// How a chain can fail verification, in the order the checks run on each row.
enum class AuditBreak {
    None,
    SignatureInvalid, ///< a key was given and the checkpoint's or head's signature is missing or wrong
    BadEncoding,      ///< the row cannot be read or encoded (bad sizes, bad JSON, unknown version)
    SequenceGap,      ///< the row's sequence does not follow the previous one (row deleted, reordered or inserted)
    PrevLinkBroken,   ///< prevHash is not the previous entry's (or the checkpoint's) hash
    HashMismatch,     ///< entryHash is not the hash of the row's contents (row edited)
    AnchorMismatch,   ///< the entry at an anchor's sequence has another hash, or the chain runs past its head
    Truncated,        ///< the chain ends before an anchor's sequence (tail removed)
};

/// Short English name of a break ("hash mismatch"), for messages.
QString describe(AuditBreak kind);

/// What verifyAuditChain() checks besides the rows themselves.
struct AuditVerifyOptions
{
    /// Where the stored chain starts: the first row must follow it. Unset: at the genesis.
    std::optional<AuditAnchor> checkpoint;
    /// Anchors recorded earlier (heads shown, exported or signed before): the chain must still contain
    /// each of them. This is what detects a removed tail. An anchor before the checkpoint is not checked.
    QList<AuditAnchor> anchors;
    /// The head recorded with the rows (an export's): the chain must end exactly there.
    std::optional<AuditAnchor> head;
    /// Non-empty: the checkpoint and the head, when given, must carry valid signatures with this key.
    QByteArray key;
};

/// The result of a verification: ok, or the first broken row.
struct AuditVerifyResult
{
    AuditBreak failure = AuditBreak::None;
    qint64 entries = 0;  ///< rows verified before the result (all of them when ok)
    AuditAnchor head;    ///< the last verified entry (the checkpoint, or genesis, when none)
    qint64 sequence = 0; ///< the broken row's sequence (as stored; 0 when unknown)
    qint64 location = 0; ///< the broken row's AuditRow::location
    QString detail;      ///< what exactly did not match

    bool ok() const { return failure == AuditBreak::None; }
    /// One line: "ok: N entries, head <hex> at sequence S" or
    /// "broken at sequence S (<locationName> L): <kind>: <detail>" ("broken at <locationName> L: …"
    /// for a row whose sequence could not be read).
    QString summary(QStringView locationName = u"row") const;
};

/// A row source over a list of entries (the in-memory ledger's, or a test's).
AuditRowSource auditRowsOf(QList<AuditEntry> entries);

/// Walks `rows` once, in constant memory, and returns ok or the first broken row. Each row must read
/// cleanly, follow the previous sequence by one, link to the previous hash and hash to its stored
/// entryHash; the first row follows `options.checkpoint` (or the genesis).
AuditVerifyResult verifyAuditChain(const AuditRowSource &rows, const AuditVerifyOptions &options = {});

} // namespace llmproxy
