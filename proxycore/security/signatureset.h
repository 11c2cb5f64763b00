// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace llmproxy {

/// How a signature was written in the file.
enum class SignatureKind {
    Phrase, ///< an entry of `banned_signatures`: words matched as a phrase
    Regex,  ///< an entry of `patterns`: an RE2 expression
    Rot13,  ///< an entry of `rot13_signatures`: a ROT13-encoded phrase matched as written
};

/// One signature of a SignatureSet.
struct SignatureInfo
{
    QString id;     ///< unique in its set: the pattern's `id`, or "<family>.<n>" for phrases (n from 1)
    QString family; ///< e.g. "instruction_override"; "banned" / "rot13" for the seed's flat lists
    SignatureKind kind = SignatureKind::Phrase;
    QString source; ///< the phrase or regex as written in the file
};

/// Hard bounds on a signature file.
struct SignatureLimits
{
    static constexpr int MinPhraseLength = 3;   ///< characters, after trimming
    static constexpr int MaxPhraseLength = 500; ///< characters
    static constexpr int MaxRegexLength = 1000; ///< characters
    static constexpr int MaxEntries = 10000;    ///< phrases + patterns + rot13 entries together
    static constexpr qsizetype MaxFileBytes = 4 * 1024 * 1024;
    static constexpr qint64 MaxProgramMemory = 64 * 1024 * 1024; ///< RE2 budget of each compiled set
};

/// One signature found in a text.
struct SignatureMatch
{
    int index = -1;     ///< into SignatureSet::signatures()
    bool rot13 = false; ///< found in ROT13: a phrase's ROT13 form, or a `rot13_signatures` entry
};

class SignatureSetPrivate;

/// The request firewall's signatures, compiled: every phrase and pattern into one RE2::Set, the
/// ROT13 phrases into a second one. Immutable once built; matching is const and thread-safe, so one
/// set is shared (std::shared_ptr<const SignatureSet>) by every worker, and replaced as a whole on
/// reload.
///
/// File format (YAML, the seed's `signatures.yaml` extended):
///
///     version: 2
///     banned_signatures:            # a list of phrases, or a map family → list of phrases
///       instruction_override:
///         - ignore all previous instructions
///     rot13_signatures: [...]       # same shapes; ROT13-encoded phrases, matched as written
///     patterns:                     # optional
///       - {id: override-verb, family: instruction_override, regex: 'ignore (all )?previous rules'}
///
/// Phrases are normalised like scanned text (normalizeForScan) and matched as phrases: not inside a
/// longer word (for scripts written with spaces), any whitespace run between words. Patterns are
/// RE2 syntax, case-insensitive, matched on normalised lower-case text; one that can match the
/// empty string is refused (it would block everything).
class SignatureSet
{
public:
    /// Parses and compiles `yaml`. On failure returns nullptr and sets `*error` to a message that
    /// names the entry ("banned_signatures.instruction_override[3]: ...", "patterns[7] (id x): ...").
    /// `origin` is only used in messages. Duplicate phrases are dropped and listed in warnings().
    static std::shared_ptr<const SignatureSet> fromYaml(QByteArrayView yaml, QString *error,
                                                        const QString &origin = QString());

    /// The default set embedded in the binary (`:/security/signatures.yaml`), built once and shared.
    /// Never null: the embedded file is checked by the tests.
    static std::shared_ptr<const SignatureSet> builtin();

    ~SignatureSet();
    SignatureSet(const SignatureSet &) = delete;
    SignatureSet &operator=(const SignatureSet &) = delete;

    int size() const;                         ///< every signature, both sets
    const SignatureInfo &at(int index) const; ///< 0 ≤ index < size()
    const QList<SignatureInfo> &signatures() const;
    int version() const;          ///< the file's `version`
    QStringList warnings() const; ///< non-fatal findings of the load (duplicates)
    QString origin() const;       ///< as passed to fromYaml()

    /// The phrase and pattern signatures found in `utf8Normalized`: plain matches first, then the
    /// ROT13 forms, each by ascending index. Every phrase is also compiled in its ROT13 form, so
    /// this one RE2::Set pass finds "vtaber cerivbhf vafgehpgvbaf" as well (patterns only plain).
    /// The text must be UTF-8 prepared by normalizeForScan().
    QList<SignatureMatch> matches(QByteArrayView utf8Normalized) const;
    /// The `rot13_signatures` entries found in `utf8Normalized` (all with rot13 set).
    QList<SignatureMatch> rot13Matches(QByteArrayView utf8Normalized) const;
    bool hasRot13Signatures() const;
    /// True when every ROT13 signature is the ROT13 form of a phrase, so matches() already finds
    /// it and the separate rot13Matches() pass can be skipped. A ROT13 entry that decodes to no
    /// phrase is usually a typo (the seed shipped three), listed in warnings().
    bool rot13Covered() const;

    /// Times a match could not complete because the RE2 DFA ran out of memory (then the text
    /// counts as not matched). Zero in practice; exposed for the guard's status.
    quint64 matchFailures() const;

private:
    explicit SignatureSet(std::unique_ptr<SignatureSetPrivate> d);
    std::unique_ptr<SignatureSetPrivate> d;
};

} // namespace llmproxy
