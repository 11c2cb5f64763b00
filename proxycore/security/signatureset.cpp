// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/signatureset.h"

#include "proxycore/security/textnormalizer.h"

#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>

#include <re2/re2.h>
#include <re2/set.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <vector>

Q_LOGGING_CATEGORY(lcSignatures, "llmproxy.security.signatures")

namespace llmproxy {

using namespace Qt::StringLiterals;

/// The word boundaries of a phrase, checked after the set has matched it. A boundary inside the
/// set ("not a letter, digit, mark or underscore" in UTF-8) costs about 1,350 RE2 instructions; with
/// one at each end of every phrase and its ROT13 form, the set's program grew to over half a
/// million instructions and some 30 MiB. The set matches the phrase alone; a hit is then confirmed
/// here on its (rare) occurrences.
class BoundaryCheck
{
public:
    BoundaryCheck(const std::string &regex, const RE2::Options &options, bool before, bool after)
        : m_re(regex, options), m_before(before), m_after(after)
    {
    }

    bool ok() const { return m_re.ok(); }

    /// Whether some occurrence of the phrase in `text` has a boundary at each end that needs one.
    bool confirms(QByteArrayView text) const;

private:
    /// An occurrence whose neighbours are word characters is passed over; after this many, the
    /// hit stands, so that text built to make the check slow only makes it answer yes.
    static constexpr int kMaxOccurrences = 1024;

    RE2 m_re;
    bool m_before;
    bool m_after;
};

class SignatureSetPrivate
{
public:
    QList<SignatureInfo> signatures;
    std::unique_ptr<RE2::Set> mainSet;
    std::unique_ptr<RE2::Set> rot13Set;
    std::vector<SignatureMatch> mainIndex;  ///< RE2::Set index → signature and form
    std::vector<SignatureMatch> rot13Index; ///< same for the ROT13 set
    std::vector<std::unique_ptr<const BoundaryCheck>> mainChecks;  ///< RE2::Set index → its boundary check
    std::vector<std::unique_ptr<const BoundaryCheck>> rot13Checks; ///< (null: the set's match stands)
    int version = 0;
    QStringList warnings;
    QString origin;
    bool rot13Covered = true;
    mutable std::atomic<quint64> failures{0};

    QList<SignatureMatch> run(const RE2::Set *set, const std::vector<SignatureMatch> &index,
                              const std::vector<std::unique_ptr<const BoundaryCheck>> &checks,
                              QByteArrayView text) const;
};

namespace {

// A phrase boundary: start or end of text, or a character that is not part of a word. Checked by
// BoundaryCheck rather than with \b, which RE2 defines for ASCII only ("ignorer" must not match
// "ignore", "игнорировать все" must not match inside a longer Cyrillic word).
bool isWordCodePoint(char32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
    return QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

/// The code point that ends just before `at` in UTF-8 `text` (U+FFFD for a broken sequence).
char32_t codePointBefore(QByteArrayView text, qsizetype at)
{
    qsizetype start = at - 1;
    while (start > 0 && at - start < 4 && (quint8(text[start]) & 0xC0) == 0x80)
        --start;
    const QString decoded = QString::fromUtf8(text.sliced(start, at - start));
    return decoded.isEmpty() ? U'\uFFFD' : decoded.toUcs4().constLast();
}

/// The code point that starts at `at` in UTF-8 `text`.
char32_t codePointAt(QByteArrayView text, qsizetype at)
{
    const quint8 lead = quint8(text[at]);
    const qsizetype length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    const QString decoded = QString::fromUtf8(text.sliced(at, std::min(length, text.size() - at)));
    return decoded.isEmpty() ? U'\uFFFD' : decoded.toUcs4().constFirst();
}

RE2::Options setOptions()
{
    RE2::Options o;
    o.set_encoding(RE2::Options::EncodingUTF8);
    o.set_case_sensitive(false);
    o.set_longest_match(false);
    o.set_log_errors(false);
    o.set_max_mem(SignatureLimits::MaxProgramMemory);
    return o;
}

/// Whether a phrase starting or ending with `c` needs a word boundary there: letters and digits
/// of scripts written with spaces between words. Chinese, Japanese, Korean and Thai phrases sit
/// inside longer runs of letters, so they match anywhere.
bool needsBoundary(char32_t c)
{
    if (c == U'_')
        return true;
    if (!QChar::isLetterOrNumber(c))
        return false;
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Thai:
    case QChar::Script_Lao:
    case QChar::Script_Khmer:
    case QChar::Script_Myanmar:
        return false;
    default:
        return true;
    }
}

QString rot13(QStringView text)
{
    QString out = text.toString();
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u >= u'a' && u <= u'z')
            c = QChar(char16_t(u'a' + (u - u'a' + 13) % 26));
        else if (u >= u'A' && u <= u'Z')
            c = QChar(char16_t(u'A' + (u - u'A' + 13) % 26));
    }
    return out;
}

bool validId(const QString &s, int maxLength)
{
    if (s.isEmpty() || s.size() > maxLength)
        return false;
    return std::all_of(s.begin(), s.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_' ||
               u == u'-' || u == u'.' || u == u':';
    });
}

QString shown(const QString &s)
{
    const QString text = s.size() > 40 ? s.left(37) + u"..."_s : s;
    return u'"' + text + u'"';
}

/// The regex of a phrase: its words (already normalised) quoted, any whitespace run between them.
/// The word boundaries it needs (PhraseForm) are checked after a match.
std::string phraseRegex(const QStringList &words)
{
    std::string regex;
    for (qsizetype w = 0; w < words.size(); ++w) {
        if (w > 0)
            regex += "\\s+";
        regex += RE2::QuoteMeta(words[w].toStdString());
    }
    return regex;
}

/// One form of a phrase (as written, or its ROT13 form): its regex and the boundaries it needs.
struct PhraseForm
{
    std::string regex;
    bool before = false;
    bool after = false;

    static PhraseForm of(const QStringList &words)
    {
        return {phraseRegex(words), needsBoundary(words.constFirst().toUcs4().constFirst()),
                needsBoundary(words.constLast().toUcs4().constLast())};
    }
    bool needsCheck() const { return before || after; }
};

struct LoadError
{
    QString message;
};

/// One entry waiting to be compiled.
struct Pending
{
    SignatureInfo info;
    PhraseForm form;        ///< the regex (patterns: as written, no boundary check)
    PhraseForm rot13;       ///< phrases: the phrase's ROT13 form, if it differs (empty regex otherwise)
    QString where;          ///< "banned_signatures.family[3]" for messages
    QString normalized;     ///< phrases: the normalised phrase (duplicate check, ROT13 coverage)
};

class Builder
{
public:
    std::unique_ptr<SignatureSetPrivate> build(QByteArrayView yaml);

private:
    void readPhraseSection(const YAML::Node &root, const char *key, SignatureKind kind, const QString &defaultFamily);
    void readPhrases(const YAML::Node &list, const QString &where, const QString &family, SignatureKind kind);
    void addPhrase(const YAML::Node &node, const QString &where, const QString &family, SignatureKind kind);
    void readPatterns(const YAML::Node &root);
    void countEntry(const QString &where);
    std::unique_ptr<RE2::Set> compile(const QList<Pending> &entries, std::vector<SignatureMatch> &index,
                                      std::vector<std::unique_ptr<const BoundaryCheck>> &checks, int offset,
                                      bool rot13Kind);

    std::unique_ptr<SignatureSetPrivate> m_d = std::make_unique<SignatureSetPrivate>();
    QList<Pending> m_main;
    QList<Pending> m_rot13;
    QSet<QString> m_ids;
    QHash<QString, QString> m_phrases; ///< kind + normalized phrase → where it was first seen
    QHash<QString, int> m_familyCounts;
    int m_entries = 0;
};

QString describe(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null:
        return u"nothing"_s;
    case YAML::NodeType::Sequence:
        return u"a list"_s;
    case YAML::NodeType::Map:
        return u"a mapping"_s;
    case YAML::NodeType::Scalar:
        return shown(QString::fromStdString(node.Scalar()));
    case YAML::NodeType::Undefined:
        break;
    }
    return u"an undefined value"_s;
}

void Builder::countEntry(const QString &where)
{
    if (++m_entries > SignatureLimits::MaxEntries)
        throw LoadError{u"%1: more than %2 entries"_s.arg(where).arg(SignatureLimits::MaxEntries)};
}

void Builder::readPhraseSection(const YAML::Node &root, const char *key, SignatureKind kind,
                                const QString &defaultFamily)
{
    const YAML::Node section = root[key];
    const QString name = QString::fromLatin1(key);
    if (!section || section.IsNull())
        return;
    if (section.IsSequence()) {
        readPhrases(section, name, defaultFamily, kind);
        return;
    }
    if (!section.IsMap())
        throw LoadError{u"%1: expected a list of phrases or a map of families, got %2"_s.arg(name, describe(section))};
    for (auto it = section.begin(); it != section.end(); ++it) {
        const QString family = QString::fromStdString(it->first.as<std::string>());
        const QString where = name + u'.' + family;
        if (!validId(family, 64))
            throw LoadError{u"%1: a family name is 1–64 letters, digits, '_', '-', '.' or ':'"_s.arg(where)};
        if (!it->second.IsSequence())
            throw LoadError{u"%1: expected a list of phrases, got %2"_s.arg(where, describe(it->second))};
        readPhrases(it->second, where, family, kind);
    }
}

void Builder::readPhrases(const YAML::Node &list, const QString &where, const QString &family, SignatureKind kind)
{
    for (std::size_t i = 0; i < list.size(); ++i)
        addPhrase(list[i], u"%1[%2]"_s.arg(where).arg(i), family, kind);
}

void Builder::addPhrase(const YAML::Node &node, const QString &where, const QString &family, SignatureKind kind)
{
    countEntry(where);
    if (!node.IsScalar())
        throw LoadError{u"%1: expected a phrase, got %2"_s.arg(where, describe(node))};
    const QString phrase = QString::fromStdString(node.Scalar()).trimmed();
    if (phrase.size() < SignatureLimits::MinPhraseLength || phrase.size() > SignatureLimits::MaxPhraseLength)
        throw LoadError{u"%1: a phrase is %2–%3 characters, this one has %4"_s.arg(where)
                            .arg(SignatureLimits::MinPhraseLength)
                            .arg(SignatureLimits::MaxPhraseLength)
                            .arg(phrase.size())};
    const QString normalized = normalizeForScan(phrase).text;
    QStringList words;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= normalized.size(); ++i) {
        const bool space = i == normalized.size() || normalized.at(i).isSpace();
        if (space && start >= 0) {
            words.append(normalized.mid(start, i - start));
            start = -1;
        } else if (!space && start < 0) {
            start = i;
        }
    }
    if (words.isEmpty())
        throw LoadError{u"%1: the phrase is empty once normalised"_s.arg(where)};
    const QString canonical = words.join(u' ');
    const QString key = QString::number(int(kind)) + u':' + canonical;
    if (const auto seen = m_phrases.constFind(key); seen != m_phrases.cend()) {
        m_d->warnings.append(u"%1: duplicate of %2, ignored"_s.arg(where, *seen));
        return;
    }
    m_phrases.insert(key, where);

    const QStringList rot13Words = kind == SignatureKind::Phrase ? rot13(canonical).split(u' ') : QStringList();

    Pending entry;
    entry.info.family = family;
    entry.info.kind = kind;
    entry.info.source = phrase;
    entry.info.id = family + u'.' + QString::number(++m_familyCounts[family]);
    entry.form = PhraseForm::of(words);
    if (!rot13Words.isEmpty() && rot13Words != words)
        entry.rot13 = PhraseForm::of(rot13Words);
    entry.where = where;
    entry.normalized = canonical;
    (kind == SignatureKind::Rot13 ? m_rot13 : m_main).append(std::move(entry));
}

void Builder::readPatterns(const YAML::Node &root)
{
    const YAML::Node section = root["patterns"];
    if (!section || section.IsNull())
        return;
    if (!section.IsSequence())
        throw LoadError{u"patterns: expected a list, got %1"_s.arg(describe(section))};
    const RE2::Options options = setOptions();
    for (std::size_t i = 0; i < section.size(); ++i) {
        const YAML::Node node = section[i];
        QString where = u"patterns[%1]"_s.arg(i);
        countEntry(where);
        if (!node.IsMap())
            throw LoadError{u"%1: expected a mapping with id, family and regex, got %2"_s.arg(where, describe(node))};
        for (auto it = node.begin(); it != node.end(); ++it) {
            const std::string k = it->first.as<std::string>();
            if (k != "id" && k != "family" && k != "regex")
                throw LoadError{
                    u"%1: unknown key \"%2\" (expected id, family, regex)"_s.arg(where, QString::fromStdString(k))};
        }
        for (const char *k : {"id", "family", "regex"}) {
            if (!node[k] || !node[k].IsScalar())
                throw LoadError{u"%1: \"%2\" is missing or not text"_s.arg(where, QLatin1StringView(k))};
        }
        Pending entry;
        entry.info.kind = SignatureKind::Regex;
        entry.info.id = QString::fromStdString(node["id"].Scalar());
        entry.info.family = QString::fromStdString(node["family"].Scalar());
        entry.info.source = QString::fromStdString(node["regex"].Scalar());
        if (!validId(entry.info.id, 100))
            throw LoadError{
                u"%1: an id is 1–100 letters, digits, '_', '-', '.' or ':', got %2"_s.arg(where, shown(entry.info.id))};
        where += u" (id "_s + entry.info.id + u')';
        if (!validId(entry.info.family, 64))
            throw LoadError{u"%1: a family name is 1–64 letters, digits, '_', '-', '.' or ':'"_s.arg(where)};
        if (entry.info.source.size() < SignatureLimits::MinPhraseLength ||
            entry.info.source.size() > SignatureLimits::MaxRegexLength)
            throw LoadError{u"%1: a regex is %2–%3 characters"_s.arg(where)
                                .arg(SignatureLimits::MinPhraseLength)
                                .arg(SignatureLimits::MaxRegexLength)};
        entry.form.regex = entry.info.source.toStdString();
        const RE2 re(entry.form.regex, options);
        if (!re.ok())
            throw LoadError{u"%1: invalid regex: %2"_s.arg(where, QString::fromStdString(re.error()))};
        // A pattern that can match nothing at all would flag every text. RE2 cannot say whether
        // a pattern is nullable, so probe the shapes of text where an empty match shows up.
        for (const char *probe : {"", " ", "a", "a b.", "\n", "x\ny"}) {
            re2::StringPiece match;
            const re2::StringPiece text(probe);
            if (re.Match(text, 0, text.size(), RE2::UNANCHORED, &match, 1) && match.empty())
                throw LoadError{u"%1: the regex matches the empty string"_s.arg(where)};
        }
        entry.where = where;
        m_main.append(std::move(entry));
    }
}

std::unique_ptr<RE2::Set> Builder::compile(const QList<Pending> &entries, std::vector<SignatureMatch> &index,
                                           std::vector<std::unique_ptr<const BoundaryCheck>> &checks, int offset,
                                           bool rot13Kind)
{
    if (entries.isEmpty())
        return nullptr;
    const RE2::Options options = setOptions();
    auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    const auto add = [&](const Pending &entry, const PhraseForm &form, bool rot13) {
        std::string error;
        if (set->Add(form.regex, &error) < 0)
            throw LoadError{u"%1: invalid regex: %2"_s.arg(entry.where, QString::fromStdString(error))};
        index.push_back({offset + int(&entry - entries.constData()), rot13});
        std::unique_ptr<const BoundaryCheck> check;
        if (form.needsCheck()) {
            check = std::make_unique<const BoundaryCheck>(form.regex, options, form.before, form.after);
            if (!check->ok())
                throw LoadError{u"%1: the phrase does not compile"_s.arg(entry.where)};
        }
        checks.push_back(std::move(check));
    };
    for (const Pending &entry : entries) {
        add(entry, entry.form, rot13Kind);
        if (!entry.rot13.regex.empty())
            add(entry, entry.rot13, true);
    }
    if (!set->Compile())
        throw LoadError{u"the signatures need more than %1 MiB once compiled; remove some"_s.arg(
            SignatureLimits::MaxProgramMemory / (1024 * 1024))};
    return set;
}

std::unique_ptr<SignatureSetPrivate> Builder::build(QByteArrayView yaml)
{
    if (yaml.size() > SignatureLimits::MaxFileBytes)
        throw LoadError{
            u"the file has %1 bytes, more than the %2 allowed"_s.arg(yaml.size()).arg(SignatureLimits::MaxFileBytes)};
    YAML::Node loaded;
    try {
        loaded = YAML::Load(std::string(yaml.data(), std::size_t(yaml.size())));
    } catch (const YAML::Exception &e) {
        throw LoadError{
            u"line %1, column %2: %3"_s.arg(e.mark.line + 1).arg(e.mark.column + 1).arg(QString::fromStdString(e.msg))};
    }
    const YAML::Node &root = loaded; // const: operator[] never inserts
    if (!root.IsMap())
        throw LoadError{u"expected a mapping with version and banned_signatures, got %1"_s.arg(describe(root))};
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string k = it->first.as<std::string>();
        if (k != "version" && k != "banned_signatures" && k != "rot13_signatures" && k != "patterns")
            m_d->warnings.append(u"unknown key \"%1\" ignored"_s.arg(QString::fromStdString(k)));
    }
    const YAML::Node version = root["version"];
    int v = 0;
    if (!version || !version.IsScalar() || !YAML::convert<int>::decode(version, v) || v < 1 || v > 2)
        throw LoadError{u"version: expected 1 or 2, got %1"_s.arg(version ? describe(version) : u"nothing"_s)};
    m_d->version = v;

    readPhraseSection(root, "banned_signatures", SignatureKind::Phrase, u"banned"_s);
    readPatterns(root);
    readPhraseSection(root, "rot13_signatures", SignatureKind::Rot13, u"rot13"_s);
    if (m_main.isEmpty() && m_rot13.isEmpty())
        m_d->warnings.append(u"no signatures: nothing will be matched"_s);

    for (const QList<Pending> *list : {&m_main, &m_rot13}) {
        for (const Pending &p : *list) {
            if (m_ids.contains(p.info.id))
                throw LoadError{u"%1: duplicate id \"%2\""_s.arg(p.where, p.info.id)};
            m_ids.insert(p.info.id);
            m_d->signatures.append(p.info);
        }
    }
    m_d->mainSet = compile(m_main, m_d->mainIndex, m_d->mainChecks, 0, false);
    m_d->rot13Set = compile(m_rot13, m_d->rot13Index, m_d->rot13Checks, int(m_main.size()), true);

    for (const Pending &p : std::as_const(m_rot13)) {
        const QList<SignatureMatch> found =
            m_d->run(m_d->mainSet.get(), m_d->mainIndex, m_d->mainChecks, p.normalized.toUtf8());
        if (std::none_of(found.begin(), found.end(), [](const SignatureMatch &m) { return m.rot13; })) {
            const QByteArray decoded = rot13(p.normalized).toUtf8();
            m_d->rot13Covered = false;
            m_d->warnings.append(u"%1: decodes to %2, which no phrase or pattern matches"_s.arg(
                p.where, shown(QString::fromUtf8(decoded))));
        }
    }
    return std::move(m_d);
}

} // namespace

bool BoundaryCheck::confirms(QByteArrayView text) const
{
    const re2::StringPiece input(text.data(), std::size_t(text.size()));
    std::size_t from = 0;
    for (int seen = 0; seen < kMaxOccurrences && from <= input.size(); ++seen) {
        re2::StringPiece match;
        if (!m_re.Match(input, from, input.size(), RE2::UNANCHORED, &match, 1))
            return false;
        const auto start = qsizetype(match.data() - input.data());
        const auto end = start + qsizetype(match.size());
        const bool beforeOk = !m_before || start == 0 || !isWordCodePoint(codePointBefore(text, start));
        const bool afterOk = !m_after || end == text.size() || !isWordCodePoint(codePointAt(text, end));
        if (beforeOk && afterOk)
            return true;
        // The next occurrence may overlap this one: search again from its next character.
        from = std::size_t(start) + 1;
        while (from < input.size() && (quint8(input[from]) & 0xC0) == 0x80)
            ++from;
    }
    return true;
}

QList<SignatureMatch> SignatureSetPrivate::run(const RE2::Set *set, const std::vector<SignatureMatch> &index,
                                               const std::vector<std::unique_ptr<const BoundaryCheck>> &checks,
                                               QByteArrayView text) const
{
    if (!set)
        return {};
    std::vector<int> hits;
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    if (!set->Match(re2::StringPiece(text.data(), std::size_t(text.size())), &hits, &info)) {
        if (info.kind != RE2::Set::kNoError)
            failures.fetch_add(1, std::memory_order_relaxed);
        return {};
    }
    QList<SignatureMatch> out;
    out.reserve(qsizetype(hits.size()));
    for (const int h : hits) {
        const BoundaryCheck *check = checks[std::size_t(h)].get();
        if (!check || check->confirms(text))
            out.append(index[std::size_t(h)]);
    }
    std::sort(out.begin(), out.end(), [](const SignatureMatch &a, const SignatureMatch &b) {
        return std::pair(a.rot13, a.index) < std::pair(b.rot13, b.index);
    });
    return out;
}

SignatureSet::SignatureSet(std::unique_ptr<SignatureSetPrivate> dd) : d(std::move(dd)) {}

SignatureSet::~SignatureSet() = default;

std::shared_ptr<const SignatureSet> SignatureSet::fromYaml(QByteArrayView yaml, QString *error, const QString &origin)
{
    try {
        Builder builder;
        std::unique_ptr<SignatureSetPrivate> d = builder.build(yaml);
        d->origin = origin;
        if (error)
            error->clear();
        return std::shared_ptr<const SignatureSet>(new SignatureSet(std::move(d)));
    } catch (const LoadError &e) {
        if (error)
            *error = origin.isEmpty() ? e.message : origin + u": "_s + e.message;
    } catch (const std::exception &e) {
        if (error)
            *error = (origin.isEmpty() ? QString() : origin + u": "_s) + QString::fromLocal8Bit(e.what());
    }
    return nullptr;
}

std::shared_ptr<const SignatureSet> SignatureSet::builtin()
{
    static const std::shared_ptr<const SignatureSet> set = [] {
        const QString path = u":/security/signatures.yaml"_s;
        QFile file(path);
        QString error;
        std::shared_ptr<const SignatureSet> loaded;
        if (file.open(QIODevice::ReadOnly))
            loaded = fromYaml(file.readAll(), &error, u"builtin"_s);
        else
            error = path + u": "_s + file.errorString();
        if (!loaded) {
            // Only a broken build gets here; an empty set keeps the proxy running and the log says why.
            qCCritical(lcSignatures, "embedded signatures unusable: %s", qUtf8Printable(error));
            loaded = fromYaml("version: 2\n", nullptr, u"builtin"_s);
        }
        return loaded;
    }();
    return set;
}

int SignatureSet::size() const
{
    return int(d->signatures.size());
}

const SignatureInfo &SignatureSet::at(int index) const
{
    return d->signatures.at(index);
}

const QList<SignatureInfo> &SignatureSet::signatures() const
{
    return d->signatures;
}

int SignatureSet::version() const
{
    return d->version;
}

QStringList SignatureSet::warnings() const
{
    return d->warnings;
}

QString SignatureSet::origin() const
{
    return d->origin;
}

QList<SignatureMatch> SignatureSet::matches(QByteArrayView utf8Normalized) const
{
    return d->run(d->mainSet.get(), d->mainIndex, d->mainChecks, utf8Normalized);
}

QList<SignatureMatch> SignatureSet::rot13Matches(QByteArrayView utf8Normalized) const
{
    return d->run(d->rot13Set.get(), d->rot13Index, d->rot13Checks, utf8Normalized);
}

bool SignatureSet::hasRot13Signatures() const
{
    return d->rot13Set != nullptr;
}

bool SignatureSet::rot13Covered() const
{
    return d->rot13Covered;
}

quint64 SignatureSet::matchFailures() const
{
    return d->failures.load(std::memory_order_relaxed);
}

} // namespace llmproxy
