// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>
#include <vector>

/// Text checks for answers on their way back to the client: invisible characters, mixed-script
/// look-alike words, system-prompt leaks and links. Each streaming check is a small object fed the
/// answer piece by piece that gives the same result for any split of the text; the one-shot
/// functions are the same check on a whole text. Everything here is plain text in, text out: no
/// knowledge of wire formats or of the filter chain. Cost is linear in the text and every
/// hold-back is bounded.
namespace llmproxy {

// ---------------------------------------------------------------------------------------------
// Invisible characters

/// Invisible characters removed from an answer, by class (the classes of NormalizationCounts).
struct InvisibleCounts
{
    int zeroWidth = 0; ///< U+200B–U+200D, U+2060, U+FEFF, U+180E, U+00AD
    int bidi = 0;      ///< U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C
    int tags = 0;      ///< Unicode tag characters U+E0000–U+E007F

    int total() const { return zeroWidth + bidi + tags; }
};

/// Removes invisible characters (the sets of normalizeForScan) from text that arrives in pieces.
///
/// Tag characters, zero-width spaces, word joiners, BOMs, soft hyphens and the bidi embeddings,
/// overrides and isolates (Trojan Source) always go. Characters that real writing needs stay:
/// U+200C/U+200D (ZWNJ/ZWJ) between two visible non-ASCII characters (Persian and Indic
/// orthography, emoji sequences), and U+200E/U+200F/U+061C (direction marks, which Arabic and
/// Hebrew text places around numbers and punctuation) except between two ASCII letters or digits,
/// where they only split a word to smuggle it past a filter. A piece's last character is held back while its fate
/// depends on the next piece (a high surrogate whose low half has not arrived, a joiner or mark at the end), so at most
/// two code units wait. One instance per text (answer block), one thread.
class InvisibleCharStripper
{
public:
    /// The next piece; returns what may be passed on now.
    QString feed(QStringView piece);
    /// The text ended: returns what was held back, decided without a following character.
    QString finish();
    const InvisibleCounts &counts() const { return m_counts; }

private:
    QString process(QStringView buffer, bool final);

    QString m_pending;       ///< held-back tail (≤ 2 code units)
    char32_t m_previous = 0; ///< last code point passed on; 0 at the start
    InvisibleCounts m_counts;
};

/// The whole `text` through an InvisibleCharStripper; adds what was removed to `counts` if given.
QString removeInvisible(QStringView text, InvisibleCounts *counts = nullptr);

// ---------------------------------------------------------------------------------------------
// Mixed-script look-alike words

/// Finds words that mix Latin letters with look-alike letters of another script ("pаypal" with a
/// Cyrillic а): the shape of a spoofed brand or domain. A word (a run of letters, digits and
/// combining marks) is flagged when it has a Latin letter and a Cyrillic, Greek, Armenian or
/// Cherokee letter that confusableToAscii() folds to ASCII, and no other letter of those scripts.
/// Words written wholly in one script are never flagged, whatever the script and however many
/// combining marks it uses (Hindi, Thai, Vietnamese, Arabic with harakat, Hebrew with niqqud).
/// Words split across pieces are seen whole: only the trailing partial word is kept between
/// pieces (at most 256 code units; longer runs are judged in parts).
class HomoglyphWordScanner
{
public:
    /// Samples kept for reports.
    static constexpr int MaxSamples = 5;

    void feed(QStringView piece);
    /// The text ended: judges the last word.
    void finish();
    int flaggedWords() const { return m_flagged; }
    /// Up to MaxSamples flagged words (each cut to 64 code units), in order of appearance.
    const QStringList &samples() const { return m_samples; }

private:
    void judge(QStringView word);

    QString m_word; ///< the word in progress
    int m_flagged = 0;
    QStringList m_samples;
};

/// Number of mixed-script look-alike words in `text` (see HomoglyphWordScanner); the first few
/// are appended to `samples` if given.
int countMixedScriptWords(QStringView text, QStringList *samples = nullptr);

// ---------------------------------------------------------------------------------------------
// System-prompt leaks

/// When a system prompt counts as leaked through word overlap.
struct PromptLeakOptions
{
    /// Words per shingle: overlap is counted in runs of this many consecutive words.
    int shingleWords = 6;
    /// Share of the prompt's distinct shingles whose appearance in the answer is a leak.
    double minShare = 0.5;
    /// Never fewer matched shingles than this (nor than the prompt has): short common phrases
    /// shared with a long prompt are not a leak.
    int minShingles = 8;
    /// This many matched shingles are a leak whatever the share (a long prompt leaked in part).
    int absoluteShingles = 60;
};

/// What an operator's system prompt looks like to the leak check, built once and shared by every
/// request (immutable, thread-safe). Words are compared after case folding, with look-alike
/// letters folded to ASCII and invisible characters ignored, so a lightly disguised copy still
/// matches; punctuation and whitespace never matter. A prompt shorter than shingleWords + 2
/// words can only leak through its canary.
class PromptLeakDetector
{
public:
    /// `canary`: a token placed in the system prompt whose appearance in an answer is a leak
    /// (matched case-insensitively); empty for none.
    explicit PromptLeakDetector(QStringView systemPrompt, QString canary = {}, PromptLeakOptions options = {});

    const QString &canary() const { return m_canary; }
    const PromptLeakOptions &options() const { return m_options; }
    /// Distinct shingles of the prompt.
    int promptShingles() const { return int(m_shingles.size()); }
    /// Matched shingles that make a leak (0 when overlap cannot leak: the prompt is too short).
    int requiredShingles() const { return m_required; }
    /// The shingle's index in the prompt, or -1.
    int shingleIndex(quint64 hash) const { return m_shingles.value(hash, -1); }

private:
    QString m_canary;
    PromptLeakOptions m_options;
    QHash<quint64, int> m_shingles;
    int m_required = 0;
};

/// A folded word in progress (see PromptLeakDetector), kept between pieces.
struct LeakWordState
{
    quint64 hash = 0xCBF29CE484222325ULL; ///< FNV-1a of the folded characters so far
    int length = 0;                       ///< folded characters so far
    char16_t high = 0;                    ///< a high surrogate whose low half has not arrived
};

/// Follows one answer's overlap with the system prompt as its text arrives: each word costs a
/// hash and one table lookup. Text of different blocks must be separated with endText() (a
/// shingle never spans two blocks). One per answer, one thread.
class PromptLeakTracker
{
public:
    explicit PromptLeakTracker(std::shared_ptr<const PromptLeakDetector> detector);

    void feed(QStringView text);
    /// The current text (block) ended: its last word counts, and the next text starts afresh.
    void endText();
    /// Forgets the answer (a new attempt).
    void reset();

    /// Distinct prompt shingles seen so far.
    int matchedShingles() const { return m_matched; }
    /// matchedShingles() over the prompt's distinct shingles (0 for a prompt without shingles).
    double share() const;
    /// Enough of the prompt appeared (see PromptLeakOptions).
    bool leaked() const;

private:
    void addWord(quint64 wordHash);

    std::shared_ptr<const PromptLeakDetector> m_detector;
    LeakWordState m_word;
    std::vector<quint64> m_window; ///< hashes of the last words, oldest first
    std::vector<bool> m_seen;      ///< per prompt shingle
    int m_matched = 0;
};

/// The folded word hashes of `text` (what the leak check compares); for tests and tooling.
QList<quint64> leakWordHashes(QStringView text);

/// A fresh random canary token (`llmproxy-canary-` and 20 lower-case hex digits), for the
/// operator's system prompt. Uses the system's random source.
QString makeCanaryToken();

/// Length of the longest tail of `text` that is a proper prefix of `token` (case-insensitive): how
/// much of a piece must wait because the token may be completed by the next one.
qsizetype partialTokenAtEnd(QStringView text, QStringView token);

// ---------------------------------------------------------------------------------------------
// Links

/// The domains links must not point to, built once and shared by every request (immutable,
/// thread-safe). A host matches when it is a listed domain or a subdomain of one,
/// case-insensitively; internationalised names are compared in their ASCII (punycode) form, so
/// "bücher.example" and "xn--bcher-kva.example" are the same entry. A name made only of ASCII
/// and look-alike letters (confusableToAscii) also matches the entry it imitates: "pаypal.example"
/// with a Cyrillic а, and its punycode, match a listed "paypal.example".
class BlockedDomains
{
public:
    /// Entries may be bare domains ("evil.example"), wildcard forms ("*.evil.example", same
    /// meaning) or URLs (their host is used). Entries that yield no host are skipped.
    explicit BlockedDomains(const QStringList &domains);

    bool isEmpty() const { return m_domains.isEmpty(); }
    qsizetype size() const { return m_domains.size(); }
    /// `host` (any case, Unicode or punycode, trailing dot allowed) is listed or under a listed domain.
    bool matches(QStringView host) const;

    /// Lower-case ASCII form of a host name, trailing dot removed; empty when it is not one.
    static QString normalizeHost(QStringView host);

private:
    bool matchesNormalized(QStringView host) const;

    QHash<QString, bool> m_domains; ///< normalised domains (a set; QSet lacks heterogeneous lookup)
};

/// A link found in text.
struct FoundLink
{
    qsizetype start = 0;  ///< position of the URL in the text
    qsizetype length = 0; ///< length of the URL (trailing sentence punctuation excluded)
    QString host;         ///< normalised host (BlockedDomains::normalizeHost)
    /// The URL is the target of a Markdown image (`![alt](url)`) or of an HTML `<img src=…>`:
    /// a client that renders the answer fetches it without a click.
    bool image = false;
    /// The query or fragment carries a long run of data (≥ 48 characters): with `image`, the
    /// shape of data exfiltration through an auto-loaded image.
    bool carriesData = false;

    bool exfiltrationShape() const { return image && carriesData; }
};

/// Every `http://`, `https://`, `ftp://` and `www.` link in `text` (also inside Markdown links,
/// images and `<autolinks>`), in order. A URL ends at whitespace, quotes, angle brackets, a
/// closing parenthesis it did not open, or a backslash; sentence punctuation at its end is not part of it.
QList<FoundLink> findLinks(QStringView text);

/// Replaces links to blocked domains in text that arrives in pieces with `[BLOCKED_LINK]`. Text
/// that cannot be part of a link is passed on at once; only a link in progress (or the start of
/// its scheme) is held back, never more than MaxHeldLink code units: a longer link is decided on
/// what has arrived and the rest of it follows the same decision. One per text (answer block).
class LinkSanitizer
{
public:
    static constexpr qsizetype MaxHeldLink = 2048;
    static inline const QString Replacement = QStringLiteral("[BLOCKED_LINK]");

    explicit LinkSanitizer(std::shared_ptr<const BlockedDomains> blocked);

    QString feed(QStringView piece);
    QString finish();
    /// Links replaced so far.
    int replaced() const { return m_replaced; }
    /// The hosts of the replaced links (distinct, at most 5).
    const QStringList &blockedHosts() const { return m_hosts; }

private:
    QString process(QStringView buffer, bool final);

    std::shared_ptr<const BlockedDomains> m_blocked;
    QString m_held;
    QChar m_last; ///< the last character passed on (a link starts only at a word boundary)
    /// A link longer than MaxHeldLink is being passed on (or dropped, when blocked) as it arrives.
    enum class Continuing { No, Pass, Drop } m_continuing = Continuing::No;
    int m_replaced = 0;
    QStringList m_hosts;
};

/// The whole `text` through a LinkSanitizer; adds the number of replaced links to `replaced`.
QString sanitizeLinks(QStringView text, std::shared_ptr<const BlockedDomains> blocked, int *replaced = nullptr);

} // namespace llmproxy
