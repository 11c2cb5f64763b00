// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/requestscanner.h"

#include "proxycore/security/corpussimilarity.h"
#include "proxycore/security/encodingdecoder.h"
#include "proxycore/security/injectionclassifier.h"
#include "proxycore/security/injectionpatterns.h"
#include "proxycore/security/signaturestore.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>

namespace llmproxy {

namespace {

/// The ROT13 reading of a text up to this long always meets the classifier; up to
/// kGuessClassifierUnits only when it reads more English than the text; longer, never.
constexpr qsizetype kShortGuessUnits = 512;
constexpr qsizetype kGuessClassifierUnits = 4096;

// English function words: their share tells English prose (and English comments and messages
// in code) from other languages, whose attacks the classifier has seen far less of. Sorted.
constexpr std::u16string_view kEnglishWords[] = {
    u"a",     u"about",  u"all",  u"an",     u"and",   u"any",  u"are",  u"as",  u"at",    u"be",   u"been",
    u"but",   u"by",     u"can",  u"could",  u"did",   u"do",   u"does", u"for", u"from",  u"had",  u"has",
    u"have",  u"he",     u"her",  u"here",   u"his",   u"how",  u"i",    u"if",  u"in",    u"into", u"is",
    u"it",    u"its",    u"just", u"me",     u"my",    u"no",   u"not",  u"now", u"of",    u"on",   u"or",
    u"our",   u"please", u"she",  u"should", u"so",    u"than", u"that", u"the", u"their", u"them", u"then",
    u"there", u"these",  u"they", u"this",   u"those", u"to",   u"was",  u"we",  u"were",  u"what", u"when",
    u"which", u"who",    u"will", u"with",   u"would", u"you",  u"your",
};

/// Words of a prepared text (characters of scripts written without spaces count half a word
/// each) and how English it reads: 1 when at least a fifth of the words are English function
/// words or the text is too short to tell, down to 0 when none are.
struct WordStats
{
    double words = 0.0;
    double english = 1.0;
};

WordStats wordStats(QStringView text)
{
    WordStats stats;
    int tokens = 0;
    int englishTokens = 0;
    qsizetype start = -1;
    bool ascii = true;
    const auto endWord = [&](qsizetype end) {
        if (start < 0)
            return;
        ++tokens;
        const qsizetype length = end - start;
        if (ascii && length <= 7) {
            const std::u16string_view word(text.utf16() + start, size_t(length));
            englishTokens += std::binary_search(std::begin(kEnglishWords), std::end(kEnglishWords), word) ? 1 : 0;
        }
        start = -1;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const char16_t u = c.unicode();
        if ((u >= 0x3040 && u <= 0x9FFF) || (u >= 0xAC00 && u <= 0xD7AF) || (u >= 0x0E00 && u <= 0x0EFF)) {
            endWord(i);
            stats.words += 0.5;
        } else if (c.isLetterOrNumber()) {
            if (start < 0) {
                start = i;
                ascii = true;
                stats.words += 1.0;
            }
            ascii = ascii && u < 0x80;
        } else if (u < 0x80 || !c.isMark()) { // QChar::isMark() is a library call: ASCII has no marks
            endWord(i);
        }
    }
    endWord(text.size());
    if (stats.words >= 3.0)
        stats.english = std::min(1.0, 5.0 * englishTokens / std::max(stats.words, 1.0));
    return stats;
}

/// A text needs at least this many words outside its quotations before they are read on their own,
/// and what they say must score below RequestScanner::kUnquotedHarmless (the trajectory's "suspicious" mark): a
/// message whose own words direct the model ("say 'PWNED'", "do what the footer says") is not
/// excused by quoting its payload.
constexpr double kMinUnquotedWords = 12.0;
/// Longest quotation taken out (code units); a longer "quotation" is more likely a stray mark.
constexpr qsizetype kMaxQuotation = 400;

/// Quotation marks whose closing mark differs from the opening one.
struct QuotationPair
{
    char16_t open;
    char16_t close;
};
constexpr QuotationPair kQuotationPairs[] = {
    {u'\u201C', u'\u201D'}, // “ ”
    {u'\u201E', u'\u201C'}, // „ “
    {u'\u00AB', u'\u00BB'}, // « »
    {u'\u2039', u'\u203A'}, // ‹ ›
    {u'\u300C', u'\u300D'}, // 「 」
    {u'\u300E', u'\u300F'}, // 『 』
    {u'\u2018', u'\u2019'}, // ‘ ’
};

bool isOpeningContext(QChar before)
{
    return before.isSpace() || before == u'(' || before == u'[' || before == u'{' || before == u',' || before == u'=' ||
           before == u':' || before == u'>';
}

/// Where the quotation opened at `i` by `open` closes (the index of the closing mark), or -1.
/// Double quotation marks may wrap onto the next lines of a paragraph (prose is wrapped); single
/// marks, backticks and slashes stay on one line.
qsizetype quotationEnd(QStringView text, qsizetype i, char16_t open)
{
    const bool wraps = open != u'\'' && open != u'\u2018' && open != u'`' && open != u'/';
    const auto pair = std::find_if(std::begin(kQuotationPairs), std::end(kQuotationPairs),
                                   [open](const QuotationPair &q) { return q.open == open; });
    const char16_t close = pair != std::end(kQuotationPairs) ? pair->close : open;
    const qsizetype limit = std::min(text.size(), i + 1 + kMaxQuotation);
    for (qsizetype k = i + 1; k < limit; ++k) {
        const char16_t c = text[k].unicode();
        if (c == u'\n') {
            if (!wraps)
                return -1;
            qsizetype next = k + 1;
            while (next < limit && (text[next] == u' ' || text[next] == u'\t' || text[next] == u'\r'))
                ++next;
            if (next < limit && text[next] == u'\n')
                return -1; // a paragraph ends: the mark was not a quotation
        }
        if (c != close)
            continue;
        if (open == u'\'' || open == u'\u2018') {
            // An apostrophe inside a word ("don't") does not close; the closing mark is followed by
            // the end, a space or punctuation.
            const QChar after = k + 1 < text.size() ? text[k + 1] : QChar(u' ');
            if (after.isLetterOrNumber())
                continue;
        }
        return k > i + 1 ? k : -1;
    }
    return -1;
}

/// `text` with what it quotes or writes as code taken out: quotations ("…", '…', “…”, «…», 「…」),
/// inline code (`…`) and regular-expression literals (/…/flags). Developers and documents mention
/// attack phrases that way ("attackers write 'ignore previous instructions'"); what is left is what
/// the text itself says.
QString withoutQuotations(QStringView text)
{
    QString out;
    qsizetype copied = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        const QChar before = i > 0 ? text[i - 1] : QChar(u' ');
        qsizetype end = -1;
        switch (c) {
        case u'"':
            end = quotationEnd(text, i, c);
            // A CSV field (",\"…\",") is data, not a quotation.
            if (end > 0 && before == u',' && (end + 1 >= n || text[end + 1] == u',' || text[end + 1] == u'\n'))
                end = -1;
            break;
        case u'`':
        case u'\u201C':
        case u'\u201E':
        case u'\u00AB':
        case u'\u2039':
        case u'\u300C':
        case u'\u300E':
            end = quotationEnd(text, i, c);
            break;
        case u'\'':
        case u'\u2018':
            if (!before.isLetterOrNumber())
                end = quotationEnd(text, i, c);
            break;
        case u'/':
            // A regular-expression literal: opened where an expression starts, with regex syntax
            // inside, closed by a slash followed by flags.
            if (isOpeningContext(before)) {
                end = quotationEnd(text, i, u'/');
                if (end > 0) {
                    const QStringView body = text.sliced(i + 1, end - i - 1);
                    qsizetype flagsEnd = end + 1;
                    while (flagsEnd < n && text[flagsEnd].isLower())
                        ++flagsEnd;
                    const bool closed = flagsEnd >= n || !text[flagsEnd].isLetterOrNumber();
                    if (!closed || (!body.contains(u'\\') && !body.contains(u'|') && !body.contains(u'(')))
                        end = -1;
                    else
                        end = flagsEnd - 1;
                }
            }
            break;
        default:
            break;
        }
        if (end < 0)
            continue;
        out += text.sliced(copied, i - copied);
        out += u' ';
        copied = end + 1;
        i = end;
    }
    if (copied == 0)
        return text.toString();
    out += text.sliced(copied);
    return out;
}

double logit(double p)
{
    const double clamped = std::clamp(p, 1e-4, 1.0 - 1e-4);
    return std::log(clamped / (1.0 - clamped));
}

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

/// The pattern, similarity and classifier evidence of one prepared text, merged into `v` (max).
/// A null `corpus` skips the similarity (variants that are only guesses, such as ROT13). Returns
/// the classifier's probability for this text (0 without a classifier).
double scoreNormalized(const NormalizedText &n, const CorpusSimilarity *corpus, const InjectionClassifier *classifier,
                       TextVerdict &v)
{
    const InjectionPatterns &patterns = InjectionPatterns::instance();
    const auto take = [&v](const PatternScore &ps) {
        if (ps.score > v.patterns) {
            v.patterns = ps.score;
            v.pattern = ps.strongest;
        }
        v.structure = std::max(v.structure, ps.structure);
    };
    take(patterns.score(n.text.toUtf8()));
    if (n.hasLeetspeak())
        take(patterns.score(n.leetspeak.toUtf8()));
    if (corpus)
        v.similarity = std::max(v.similarity, corpus->match(n.text).score);
    if (!classifier)
        return 0.0;
    const double p = classifier->score(n);
    v.classifier = std::max(v.classifier, p);
    return p;
}

} // namespace

QString TextVerdict::detail() const
{
    QString s = QStringLiteral("score=%1 classifier=%2 patterns=%3 structure=%4 similarity=%5")
                    .arg(injection, 0, 'f', 3)
                    .arg(classifier, 0, 'f', 3)
                    .arg(patterns, 0, 'f', 3)
                    .arg(structure, 0, 'f', 3)
                    .arg(similarity, 0, 'f', 3);
    if (encoded > 0)
        s += QStringLiteral(" encoded=%1").arg(encoded, 0, 'f', 3);
    if (quotedOnly)
        s += QStringLiteral(" quoted_only=1");
    if (pattern)
        s += QStringLiteral(" pattern=%1").arg(QLatin1StringView(pattern));
    if (firewall)
        s += QStringLiteral(" signature=%1 encoding=%2").arg(firewall->signatureId, firewall->encoding);
    if (counts.invisible() > 0)
        s += QStringLiteral(" invisible=%1").arg(counts.invisible());
    return s;
}

RequestScanner::RequestScanner(std::shared_ptr<const SignatureStore> signatures,
                               std::shared_ptr<const CorpusSimilarity> corpus,
                               std::shared_ptr<const InjectionClassifier> classifier, CompositeWeights weights)
    : m_signatures(std::move(signatures)), m_corpus(std::move(corpus)), m_classifier(std::move(classifier)),
      m_weights(weights)
{
    if (!m_corpus)
        m_corpus = std::make_shared<const CorpusSimilarity>();
}

double RequestScanner::composite(const TextVerdict &v, ScanMode mode) const
{
    const CompositeWeights &w = m_weights;
    const double foreign = 1.0 - v.english;
    double z = w.bias + w.foreignBias * foreign + (w.patterns + w.patternsForeign * foreign) * v.patterns +
               w.structure * v.structure + (w.similarity + w.similarityForeign * foreign) * v.similarity;
    if (m_classifier)
        z +=
            (w.classifier * v.english + w.classifierForeign * foreign) * logit(v.classifier) * classifierTrust(v.words);
    if (v.counts.invisible() > 0)
        z += w.invisible;
    z += w.encoded * v.encoded;
    if (v.firewall)
        z += w.signature;
    if (mode == ScanMode::Indirect)
        z += w.indirectBias;
    return sigmoid(z);
}

TextVerdict RequestScanner::scan(QStringView text, ScanMode mode, bool firewall, bool injection) const
{
    TextVerdict v;
    const bool scoring = injection && mode != ScanMode::SignaturesOnly;
    if (!firewall && !scoring)
        return v;
    // The text is normalised and decoded once, for the signatures and for the scoring. The ROT13
    // reading of the whole text is only needed by the scoring (the signature sets match ROT13
    // forms themselves).
    const NormalizedText normalized = normalizeForScan(text);
    DecodeLimits limits;
    limits.rot13Variant = scoring;
    const DecodeResult decoded = decodeEncodedSpans(text, limits);
    v.counts = normalized.counts;
    if (firewall) {
        const FirewallReport report = Firewall(m_signatures->current()).inspect(text, normalized, decoded);
        if (report.hit) {
            v.firewall = report.hit;
            v.hidden = report.hit->encoding != u"plaintext";
            if (v.hidden)
                return v;
        }
    }
    if (!scoring)
        return v;
    const WordStats stats = wordStats(normalized.text);
    v.words = stats.words;
    v.english = stats.english;
    scoreNormalized(normalized, m_corpus.get(), m_classifier.get(), v);
    // Text hidden in base64, hex, URL or escape encodings is read too: an injection the signatures
    // do not know still meets the patterns and the classifier once decoded. The ROT13 reading of
    // the whole text is a guess (any text has one): the patterns always, the classifier only for
    // short texts whose ROT13 reading is more English than the text itself. English prose reads
    // as gibberish in ROT13, so ordinary requests do not pay for a second classifier pass.
    for (const DecodedSpan &span : decoded.spans) {
        if (span.text.size() < 8)
            continue;
        const bool guess = span.candidate;
        const NormalizedText spanText = normalizeForScan(span.text);
        const bool classify =
            !guess || span.text.size() <= kShortGuessUnits ||
            (span.text.size() <= kGuessClassifierUnits && wordStats(spanText.text).english > v.english);
        const double p =
            scoreNormalized(spanText, guess ? nullptr : m_corpus.get(), classify ? m_classifier.get() : nullptr, v);
        if (!guess)
            v.encoded = std::max(v.encoded, p);
    }
    v.injection = composite(v, mode);
    if (v.injection >= m_weights.blockThreshold) {
        if (const std::optional<TextVerdict> rest = readUnquoted(text, v)) {
            const double score = composite(*rest, mode);
            if (score < kUnquotedHarmless) {
                v.injection = score;
                v.quotedOnly = true;
            }
        }
    }
    return v;
}

std::optional<TextVerdict> RequestScanner::readUnquoted(QStringView text, const TextVerdict &full) const
{
    // The evidence may all sit in what the text quotes: a threat model citing attack phrases, a
    // filter's regular expressions, a question about a jailbreak string. When the rest, read on its
    // own, is long enough to judge and harmless, it decides. Nothing hidden (invisible characters,
    // encodings) is ever excused this way.
    if (full.counts.invisible() > 0 || full.encoded > 0.0 || full.hidden)
        return std::nullopt;
    const QString unquoted = withoutQuotations(text);
    if (unquoted.size() == text.size())
        return std::nullopt;
    const NormalizedText normalized = normalizeForScan(unquoted);
    const WordStats stats = wordStats(normalized.text);
    if (stats.words < kMinUnquotedWords)
        return std::nullopt;
    TextVerdict rest;
    rest.counts = full.counts;
    rest.words = stats.words;
    rest.english = stats.english;
    scoreNormalized(normalized, m_corpus.get(), m_classifier.get(), rest);
    return rest;
}

} // namespace llmproxy
