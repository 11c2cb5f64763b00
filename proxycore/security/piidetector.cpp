// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/piidetector.h"

#include "proxycore/security/piidetector_p.h"
#include "proxycore/security/piivalidators.h"

#include <QChar>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

namespace llmproxy {

using namespace pii_detail;

namespace {

struct KindSpec
{
    Kind kind;
    PiiType type;
    const char *pattern;
};

constexpr KindSpec kKinds[] = {
    {kEmail, PiiType::Email, R"([A-Za-z0-9._%+\-\x81]+@[A-Za-z0-9\-\x81]+(?:\.[A-Za-z0-9\-\x81]+)+)"},
    {kEmailObfuscated, PiiType::Email,
     R"([A-Za-z0-9._%+\-]+ ?[\[(](?i:at)[\])] ?[A-Za-z0-9\-]+(?:(?: ?[\[(](?i:dot)[\])] ?|\.)[A-Za-z0-9\-]+)+)"},
    {kPhone, PiiType::Phone, R"(\+?\(?[0-9][0-9 ().\-/]{5,24}[0-9])"},
    {kCard, PiiType::PaymentCard,
     R"([0-9]{4}(?:[ \-][0-9]{4}){2,3}(?:[ \-][0-9]{1,4})?|[0-9]{4}[ \-][0-9]{6}[ \-][0-9]{4,5}|[0-9]{12,19})"},
    {kIban, PiiType::Iban, R"([A-Z]{2}[0-9]{2} ?[A-Z0-9]{4}(?: ?[A-Z0-9]{1,4}){2,8})"},
    {kSsn, PiiType::UsSsn, R"([0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{3} [0-9]{2} [0-9]{4}|[0-9]{9})"},
    {kIpv4, PiiType::IpAddress, R"([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3})"},
    {kIpv6, PiiType::IpAddress, R"([0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.[0-9]{1,3}){0,3})"},
    {kAnthropic, PiiType::Secret, R"(sk-ant-[a-z]{3,8}[0-9]{0,2}-[A-Za-z0-9_\-]{32,})"},
    {kOpenAi, PiiType::Secret, R"(sk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_\-]{20,})"},
    {kGoogle, PiiType::Secret, R"(AIza[0-9A-Za-z_\-]{35})"},
    {kAwsKeyId, PiiType::Secret, R"((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})"},
    {kAwsSecret, PiiType::Secret,
     R"((?i:aws)[A-Za-z0-9_.\-]{0,24}(?i:secret)[A-Za-z0-9_.\-]{0,24}["']?\s{0,3}(?:=|:|=>)\s{0,3}["']?[A-Za-z0-9/+]{40})"},
    {kGithub, PiiType::Secret, R"(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})"},
    {kGitlab, PiiType::Secret, R"(glpat-[A-Za-z0-9_\-]{20,})"},
    {kSlack, PiiType::Secret, R"(xox[abposr]-[A-Za-z0-9\-]{10,})"},
    {kSlackWebhook, PiiType::Secret, R"(https://hooks\.slack\.com/services/[A-Za-z0-9_/]{20,})"},
    {kStripe, PiiType::Secret, R"((?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,})"},
    {kPrivateKey, PiiType::Secret, R"(-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----)"},
    {kJwt, PiiType::Secret, R"(eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]*)"},
    {kBearer, PiiType::Secret, R"((?i:bearer)[ \t]+[A-Za-z0-9_\-.~+/]{16,}=*)"},
    {kUrlPassword, PiiType::Secret, R"([A-Za-z][A-Za-z0-9+.\-]{1,15}://[^\s:/@"'<>]{1,64}:[^\s/@"'<>]{1,128}@)"},
    {kAssignment, PiiType::Secret,
     R"((?i:pass(?:word|wd|phrase)?|pwd|secret|token|api[_\-]?key|apikey|access[_\-]?key|secret[_\-]?key|private[_\-]?key|client[_\-]?secret|auth[_\-]?token|credentials?)["']?[ \t]{0,3}(?:=|:=|=>|:)[ \t]{0,3})"},
};
static_assert(std::size(kKinds) == kKindCount, "one pattern per kind");

constexpr Group groupOf(Kind k)
{
    switch (k) {
    case kPhone:
    case kCard:
    case kIban:
    case kSsn:
    case kIpv4:
        return gNumeric;
    case kIpv6:
        return gColon;
    case kEmail:
    case kUrlPassword:
        return gAt;
    case kEmailObfuscated:
        return gObfuscated;
    case kPrivateKey:
        return gPem;
    case kAssignment:
        return gAssignment;
    default:
        return gToken;
    }
}

/// Ranges of the scanned copy per group, each list in increasing order, overlaps merged.
struct Ranges
{
    std::vector<Range> of[kGroupCount];

    void add(Group g, size_t from, size_t to)
    {
        std::vector<Range> &v = of[g];
        if (!v.empty() && from <= v.back().second) {
            v.back().first = std::min(v.back().first, from);
            v.back().second = std::max(v.back().second, to);
        } else {
            v.emplace_back(from, to);
        }
    }
};

/// Overlap priority at equal length: lower wins.
int typeRank(PiiType t)
{
    switch (t) {
    case PiiType::Secret:
        return 0;
    case PiiType::PaymentCard:
        return 1;
    case PiiType::Iban:
        return 2;
    case PiiType::UsSsn:
        return 3;
    case PiiType::Phone:
        return 4;
    case PiiType::Email:
        return 5;
    case PiiType::IpAddress:
        return 6;
    }
    return 7;
}

bool isNonAsciiSpace(char16_t c)
{
    return c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

/// The scanned copy: one byte per UTF-16 code unit (see kOtherByte).
std::string latin1Copy(QStringView text)
{
    // Qt's vectorised conversion narrows ASCII; the non-ASCII code units, found four at a time,
    // are then replaced by their class byte.
    const QByteArray narrow = text.toLatin1();
    std::string out(narrow.constData(), size_t(narrow.size()));
    const char16_t *p = text.utf16();
    const qsizetype n = text.size();
    const auto fix = [&](qsizetype i) {
        const char16_t c = p[i];
        if (c < 0x80)
            return;
        if (isNonAsciiSpace(c))
            out[size_t(i)] = ' ';
        else if (!QChar::isSurrogate(c) && QChar::isLetterOrNumber(c))
            out[size_t(i)] = kLetterByte;
        else
            out[size_t(i)] = kOtherByte;
    };
    qsizetype i = 0;
    for (; i + 4 <= n; i += 4) {
        quint64 units = 0;
        std::memcpy(&units, p + i, sizeof units);
        if ((units & 0xFF80FF80FF80FF80ULL) == 0)
            continue;
        for (qsizetype k = i; k < i + 4; ++k)
            fix(k);
    }
    for (; i < n; ++i)
        fix(i);
    return out;
}

// Words that make a nearby digit run a phone number or an SSN, matched case-insensitively on the
// scanned copy (accented letters are the letter byte there, so "t\x81l\x81phone" is "téléphone").
// Words that continue ("phones", "telefono") only need a word start; short ones need both ends.
constexpr const char *kPhoneContext =
    R"((?i)(?:^|[^a-z0-9\x81])(?:phone|telephone|mobil|whatsapp|telefon|t\x81l\x81phone|tel\x81fono|celular|)"
    R"(cellphone|contact|n\x81mero|numero|rufnummer|(?:tel|call|cell|fax|sms|text me|t\x81l|handy|portable|reach me|)"
    R"(ring|ph|mob|ligue|llama|chiama|bel)(?:[^a-z0-9\x81]|$)))";
constexpr const char *kSsnContext = R"((?i)(?:^|[^a-z0-9])(?:ssn|ss#|social security|soc\.? ?sec)(?:[^a-z]|$))";
// Context words in scripts without case, checked only when the window has non-ASCII letters.
constexpr const char16_t *kPhoneContextCjk[] = {u"電話", u"电话", u"携帯", u"手机", u"전화"};

constexpr size_t kContextBefore = 40;
constexpr size_t kContextAfter = 16;

/// The digit groups of a phone-like run and how they are separated.
struct Grouping
{
    int digits = 0;
    std::vector<int> groups; ///< digits per group
    std::string firstGroup;  ///< the digits of the first group
    bool parentheses = false;
    bool dots = false;
    bool slashes = false;
    bool spacesOrDashes = false;
    bool badSeparators = false; ///< two separators in a row, unless one is a parenthesis
};

Grouping groupsOf(const std::string &s, size_t begin, size_t end)
{
    Grouping g;
    int current = 0;
    int separatorsInRow = 0;
    for (size_t i = begin; i < end; ++i) {
        const char c = s[i];
        if (isDigit(c)) {
            ++current;
            ++g.digits;
            separatorsInRow = 0;
            if (g.groups.empty())
                g.firstGroup += c;
            continue;
        }
        if (current > 0) {
            g.groups.push_back(current);
            current = 0;
        }
        if (c == '(' || c == ')')
            g.parentheses = true;
        else if (c == '.')
            g.dots = true;
        else if (c == '/')
            g.slashes = true;
        else if (c == ' ' || c == '-')
            g.spacesOrDashes = true;
        const bool parenthesisPair = c == '(' || c == ')' || s[i - 1] == '(' || s[i - 1] == ')';
        if (c != '+' && ++separatorsInRow > 1 && !parenthesisPair)
            g.badSeparators = true;
    }
    if (current > 0)
        g.groups.push_back(current);
    return g;
}

bool isYear(const std::string &s, size_t at)
{
    return (s.compare(at, 2, "19") == 0 || s.compare(at, 2, "20") == 0);
}

/// Dates (2023-10-15, 15/10/2023, 15.10.2023, 2023/10/15) at the start of a run, IPv4-shaped
/// runs, thousands groupings (1 234 567, 12.345.678) and lists of decimals (330.0 330.1 330.2: a
/// national number is dotted or spaced, not both).
bool looksLikeNonPhone(const std::string &s, size_t begin, const Grouping &g)
{
    const auto &gr = g.groups;
    if (g.dots && g.spacesOrDashes)
        return true;
    if (gr.size() >= 3) {
        const size_t first = s.find_first_of("0123456789", begin);
        if (gr[0] == 4 && gr[1] <= 2 && gr[2] <= 2 && isYear(s, first))
            return true;
        if (gr[0] <= 2 && gr[1] <= 2 && gr[2] == 4)
            return true;
    }
    if (g.dots && gr.size() == 4 && std::all_of(gr.begin(), gr.end(), [](int n) { return n <= 3; }))
        return true;
    if (gr.size() >= 3 && std::all_of(gr.begin() + 1, gr.end(), [](int n) { return n == 3; }) && gr[0] <= 3)
        return true;
    return false;
}

enum ByteClass : quint8 { cDigit = 1, cHex = 2, cToken = 4, cNumberSeparator = 8, cTrigger = 16 };

/// Classes of the bytes of the scanned copy. cTrigger marks the bytes the scan stops at.
constexpr auto kByteClasses = [] {
    std::array<quint8, 256> t{};
    for (int c = '0'; c <= '9'; ++c)
        t[c] = cDigit | cHex | cToken | cTrigger;
    for (int c = 'a'; c <= 'z'; ++c)
        t[c] = cToken | (c <= 'f' ? cHex : 0);
    for (int c = 'A'; c <= 'Z'; ++c)
        t[c] = cToken | (c <= 'F' ? cHex : 0);
    for (const char c : {'_', '~'})
        t[uchar(c)] = cToken;
    for (const char c : {'-', '+', '/', '.'})
        t[uchar(c)] = cToken | cNumberSeparator;
    t[uchar('=')] = cToken | cTrigger;
    for (const char c : {' ', '(', ')'})
        t[uchar(c)] = cNumberSeparator;
    for (const char c : {':', '@', ']', ')'})
        t[uchar(c)] |= cTrigger;
    return t;
}();

bool hasClass(char c, quint8 cls)
{
    return (kByteClasses[uchar(c)] & cls) != 0;
}

/// Whether the name before the assignment operator at `op` looks like it holds a secret.
bool secretNameBefore(const std::string &s, size_t op, size_t *nameStart)
{
    size_t i = op;
    int spaces = 0;
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t') && spaces < 3) {
        --i;
        ++spaces;
    }
    if (i > 0 && (s[i - 1] == '"' || s[i - 1] == '\''))
        --i;
    const size_t end = i;
    while (i > 0 && end - i < 48 && (isAlnum(s[i - 1]) || s[i - 1] == '_' || s[i - 1] == '-' || s[i - 1] == '.'))
        --i;
    if (end - i < 3)
        return false;
    char name[48];
    for (size_t k = i; k < end; ++k)
        name[k - i] = char(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
    const std::string_view v(name, end - i);
    for (const char *word : {"pass", "pwd", "secret", "token", "key", "auth", "cred"}) {
        if (v.find(word) != std::string_view::npos) {
            *nameStart = i;
            return true;
        }
    }
    return false;
}

/// One pass over the scanned copy that finds where candidates can be, per group: runs of
/// digits with separators holding ≥ 7 digits or ≥ 3 dots (numbers, addresses), hex runs with two
/// or more colons (IPv6), '@' (e-mail, URL credentials), "at]" / "at)" (obfuscated e-mail),
/// token-like runs of ≥ 16 characters with a digit (provider tokens, JWTs, keys), PEM headers
/// (a substring search of their own), and assignment operators after a secret-like name. Most
/// bytes are skipped by one table lookup.
Ranges findRanges(const std::string &s, const RE2 &numberContext)
{
    Ranges r;
    const size_t n = s.size();
    for (size_t at = s.find("-----BEGIN"); at != std::string::npos; at = s.find("-----BEGIN", at + 10))
        r.add(gPem, at, std::min(n, at + 80));
    const auto clip = [n](size_t from, size_t back, size_t to, size_t ahead) {
        return Range(from > back ? from - back : 0, std::min(n, to + ahead));
    };
    size_t i = 0;
    size_t tokenDone = 0; // end of the last token examined
    while (i < n) {
        while (i < n && !hasClass(s[i], cTrigger))
            ++i;
        if (i >= n)
            break;
        const char c = s[i];
        if (isDigit(c)) {
            // The token around the digit, once per token.
            if (i >= tokenDone) {
                size_t ts = i;
                while (ts > 0 && i - ts < 512 && hasClass(s[ts - 1], cToken))
                    --ts;
                size_t te = i;
                bool letter = false;
                while (te < n && te - ts < 1024 && hasClass(s[te], cToken)) {
                    letter |= isAlpha(s[te]);
                    ++te;
                }
                if (te - ts >= 16 && letter) {
                    const Range t = clip(ts, 64, te, 4);
                    r.add(gToken, t.first, t.second);
                }
                tokenDone = te;
            }
            // The number run: digits joined by separators, at most two separators in a row.
            size_t ne = i;
            int digits = 0;
            int dots = 0;
            int groups = 0;
            int groupDigits[4] = {};
            bool laterGroupsOfThree = true;
            while (ne < n) {
                if (isDigit(s[ne])) {
                    if (ne == i || !isDigit(s[ne - 1])) {
                        if (groups < 4)
                            groupDigits[groups] = 0;
                        ++groups;
                    }
                    if (groups <= 4)
                        ++groupDigits[groups - 1];
                    ++digits;
                    ++ne;
                    if ((ne >= n || !isDigit(s[ne])) && groups > 1 && groupDigits[std::min(groups, 4) - 1] != 3)
                        laterGroupsOfThree = false;
                    continue;
                }
                if (!hasClass(s[ne], cNumberSeparator))
                    break;
                const size_t next = ne + 1;
                if (next < n && isDigit(s[next])) {
                    dots += s[ne] == '.';
                    ++ne;
                } else if (next + 1 < n && hasClass(s[next], cNumberSeparator) && isDigit(s[next + 1])) {
                    ne += 2;
                } else {
                    break;
                }
            }
            // Runs that cannot hold a value are dropped here, before any pattern runs: dates,
            // thousands groupings, and bare digit runs too short for a card (timestamps, ids)
            // unless a phone or SSN word is near or a letter is glued on (IBAN bodies).
            const char before = i > 0 ? s[i - 1] : ' ';
            const bool international = before == '+' || before == '(';
            const bool date = groups == 3 && !international &&
                              ((groupDigits[0] == 4 && groupDigits[1] <= 2 && groupDigits[2] <= 2) ||
                               (groupDigits[0] <= 2 && groupDigits[1] <= 2 && groupDigits[2] == 4));
            const bool thousands = groups >= 3 && !international && groupDigits[0] <= 3 && laterGroupsOfThree;
            bool keep = dots >= 3 || (digits >= 7 && !date && !thousands);
            if (keep && groups == 1 && digits < 12 && !isAlpha(before)) {
                const size_t from = i > 40 ? i - 40 : 0;
                keep = RE2::PartialMatch(re2::StringPiece(s.data() + from, std::min(n, ne + 16) - from), numberContext);
            }
            if (keep) {
                const Range t = clip(i, 40, ne, 40);
                r.add(gNumeric, t.first, t.second);
            }
            i = std::max(ne, i + 1);
            continue;
        }
        switch (c) {
        case ':': {
            if (i > 0 && hasClass(s[i - 1], cHex | cDigit) && i + 1 < n &&
                (hasClass(s[i + 1], cHex) || s[i + 1] == ':')) {
                size_t rs = i;
                while (rs > 0 && i - rs < 48 && (hasClass(s[rs - 1], cHex) || s[rs - 1] == ':'))
                    --rs;
                size_t re = rs;
                int colons = 0;
                bool compressed = false;
                while (re < n && re - rs < 64 && (hasClass(s[re], cHex) || s[re] == ':' || s[re] == '.')) {
                    colons += s[re] == ':';
                    compressed |= s[re] == ':' && re + 1 < n && s[re + 1] == ':';
                    ++re;
                }
                // An address has eight groups or a "::" (times and MAC addresses have neither).
                if (colons >= 7 || (compressed && colons >= 2)) {
                    const Range t = clip(rs, 2, re, 2);
                    r.add(gColon, t.first, t.second);
                }
            }
            size_t name = 0;
            if (secretNameBefore(s, i, &name))
                r.add(gAssignment, name, std::min(n, i + 8));
            break;
        }
        case '=': {
            size_t name = 0;
            if (secretNameBefore(s, i, &name))
                r.add(gAssignment, name, std::min(n, i + 8));
            break;
        }
        case '@': {
            const Range t = clip(i, 200, i, 256);
            r.add(gAt, t.first, t.second);
            break;
        }
        case ']':
        case ')':
            if (i >= 3 && (s[i - 1] == 't' || s[i - 1] == 'T') && (s[i - 2] == 'a' || s[i - 2] == 'A')) {
                const Range t = clip(i, 80, i, 160);
                r.add(gObfuscated, t.first, t.second);
            }
            break;
        default:
            break;
        }
        ++i;
    }
    return r;
}

} // namespace

QList<PiiType> allPiiTypes()
{
    return {PiiType::Email, PiiType::Phone,     PiiType::PaymentCard, PiiType::Iban,
            PiiType::UsSsn, PiiType::IpAddress, PiiType::Secret};
}

QString piiTypeLabel(PiiType type)
{
    switch (type) {
    case PiiType::Email:
        return QStringLiteral("EMAIL");
    case PiiType::Phone:
        return QStringLiteral("PHONE");
    case PiiType::PaymentCard:
        return QStringLiteral("CARD");
    case PiiType::Iban:
        return QStringLiteral("IBAN");
    case PiiType::UsSsn:
        return QStringLiteral("SSN");
    case PiiType::IpAddress:
        return QStringLiteral("IP");
    case PiiType::Secret:
        return QStringLiteral("SECRET");
    }
    return {};
}

QString piiTypeConfigName(PiiType type)
{
    switch (type) {
    case PiiType::Email:
        return QStringLiteral("email");
    case PiiType::Phone:
        return QStringLiteral("phone");
    case PiiType::PaymentCard:
        return QStringLiteral("card");
    case PiiType::Iban:
        return QStringLiteral("iban");
    case PiiType::UsSsn:
        return QStringLiteral("ssn");
    case PiiType::IpAddress:
        return QStringLiteral("ip");
    case PiiType::Secret:
        return QStringLiteral("secret");
    }
    return {};
}

std::optional<PiiType> piiTypeFromConfigName(QStringView name)
{
    for (const PiiType t : allPiiTypes()) {
        if (name == piiTypeConfigName(t))
            return t;
    }
    return std::nullopt;
}

PiiDetector::PiiDetector(PiiOptions options)
{
    auto c = std::make_shared<Compiled>();
    c->options = std::move(options);
    for (const QString &r : std::as_const(c->options.phoneRegions))
        c->regions.push_back(r.toUpper().toStdString());
    RE2::Options ro;
    ro.set_encoding(RE2::Options::EncodingLatin1);
    ro.set_log_errors(false);
    ro.set_max_mem(64 << 20);
    for (const KindSpec &k : kKinds) {
        if (!c->options.enabled.contains(k.type))
            continue;
        const Group g = groupOf(k.kind);
        if (!c->sets[g])
            c->sets[g] = std::make_unique<RE2::Set>(ro, RE2::UNANCHORED);
        auto re = std::make_unique<RE2>(k.pattern, ro);
        Q_ASSERT(re->ok());
        // The patterns are constants covered by the tests; one that failed to compile is left out
        // rather than misnumbering the set.
        if (!re->ok() || c->sets[g]->Add(k.pattern, nullptr) != int(c->setKinds[g].size()))
            continue;
        c->patterns[k.kind] = std::move(re);
        c->setKinds[g].push_back(k.kind);
    }
    for (auto &set : c->sets) {
        if (set && !set->Compile())
            set.reset();
    }
    c->phoneContext = std::make_unique<RE2>(kPhoneContext, ro);
    c->ssnContext = std::make_unique<RE2>(kSsnContext, ro);
    c->numberContext = std::make_unique<RE2>(std::string("(?:") + kPhoneContext + ")|(?:" + kSsnContext + ")", ro);
    Q_ASSERT(c->phoneContext->ok() && c->ssnContext->ok());
    m_compiled = std::move(c);
}

const PiiOptions &PiiDetector::options() const
{
    return m_compiled->options;
}

QList<PiiMatch> PiiDetector::find(QStringView text) const
{
    const Compiled &c = *m_compiled;
    if (text.isEmpty())
        return {};
    const std::string s = latin1Copy(text);
    const Ranges ranges = findRanges(s, *c.numberContext);
    std::vector<Candidate> candidates;
    std::vector<int> hits;
    for (int g = 0; g < kGroupCount; ++g) {
        if (!c.sets[g])
            continue;
        for (const Range &r : ranges.of[g]) {
            hits.clear();
            if (!c.sets[g]->Match(re2::StringPiece(s.data() + r.first, r.second - r.first), &hits))
                continue;
            std::sort(hits.begin(), hits.end());
            for (const int index : hits)
                c.scan(s, text, c.setKinds[g][size_t(index)], r, candidates);
        }
    }
    if (candidates.empty())
        return {};
    for (size_t i = 0; i < candidates.size(); ++i)
        candidates[i].order = int(i);

    // Longest first, then type priority, then first found; accepted spans never overlap.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        const qsizetype la = a.end - a.start;
        const qsizetype lb = b.end - b.start;
        if (la != lb)
            return la > lb;
        if (typeRank(a.type) != typeRank(b.type))
            return typeRank(a.type) < typeRank(b.type);
        return a.order < b.order;
    });
    std::vector<Candidate> accepted;
    for (Candidate &cand : candidates) {
        bool drop = false;
        for (Candidate &a : accepted) {
            if (cand.end <= a.start || cand.start >= a.end)
                continue;
            if (cand.start >= a.start && cand.end <= a.end) {
                drop = true; // inside a longer value
                break;
            }
            // Partial overlap: the longer (accepted) span grows over the other value.
            a.start = std::min(a.start, cand.start);
            a.end = std::max(a.end, cand.end);
            drop = true;
        }
        if (!drop)
            accepted.push_back(std::move(cand));
    }
    // A merge may have made accepted spans touch each other's ranges; fold those together.
    std::sort(accepted.begin(), accepted.end(),
              [](const Candidate &a, const Candidate &b) { return a.start < b.start; });
    QList<PiiMatch> result;
    result.reserve(qsizetype(accepted.size()));
    for (const Candidate &a : accepted) {
        if (!result.isEmpty() && a.start < result.back().start + result.back().length) {
            PiiMatch &last = result.back();
            last.length = std::max(last.start + last.length, a.end) - last.start;
            continue;
        }
        result.append(PiiMatch{a.type, a.start, a.end - a.start, a.detail});
    }
    return result;
}

void PiiDetector::Compiled::scan(const std::string &s, QStringView text, Kind kind, Range range,
                                 std::vector<Candidate> &out) const
{
    const RE2 &re = *patterns[kind];
    const re2::StringPiece input(s);
    re2::StringPiece m;
    size_t pos = range.first;
    while (pos < range.second && re.Match(input, pos, range.second, RE2::UNANCHORED, &m, 1)) {
        const size_t b = size_t(m.data() - s.data());
        const size_t e = b + m.size();
        size_t next = size_t(confirm(s, text, kind, b, e, out));
        pos = std::max(next, b + 1);
    }
}

qsizetype PiiDetector::Compiled::confirm(const std::string &s, QStringView text, Kind kind, size_t b, size_t e,
                                         std::vector<Candidate> &out) const
{
    switch (kind) {
    case kEmail:
        return qsizetype(email(s, b, e, out));
    case kEmailObfuscated:
        return qsizetype(emailObfuscated(s, text, b, e, out));
    case kPhone:
        return qsizetype(phone(s, text, b, e, out));
    case kCard:
        return qsizetype(card(s, b, e, out));
    case kIban:
        return qsizetype(iban(s, text, b, e, out));
    case kSsn:
        return qsizetype(ssn(s, text, b, e, out));
    case kIpv4:
        return qsizetype(ipv4(s, text, b, e, out));
    case kIpv6:
        return qsizetype(ipv6(s, b, e, out));
    case kPrivateKey:
        return qsizetype(privateKey(s, b, e, out));
    case kAssignment:
        return qsizetype(assignment(s, text, b, e, out));
    default:
        return qsizetype(secret(s, text, kind, b, e, out));
    }
}

size_t PiiDetector::Compiled::email(const std::string &s, size_t b, size_t e, std::vector<Candidate> &out) const
{
    const size_t at = s.find('@', b);
    // The local part starts after the last ".." or leading punctuation ("see...john@x.com").
    size_t localStart = b;
    for (size_t i = b; i + 1 < at; ++i) {
        if (s[i] == '.' && s[i + 1] == '.')
            localStart = i + 2;
    }
    while (localStart < at && (s[localStart] == '.' || s[localStart] == '-' || s[localStart] == '+'))
        ++localStart;
    if (localStart >= at)
        return e;
    // The user of a URL (ssh://git@host, https://user:password@host) names an account on a host:
    // a "://" earlier in the same token with no path separator after it.
    for (size_t i = localStart; i > 0 && localStart - i < 256; --i) {
        const char c = s[i - 1];
        if (isSpace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '/') {
            if (c == '/' && i >= 3 && s.compare(i - 3, 3, "://") == 0)
                return e;
            break;
        }
    }
    // An scp-style remote (git@github.com:org/repo.git).
    if (e + 1 < s.size() && s[e] == ':' && !isSpace(s[e + 1]))
        return e;
    if (e < s.size() && (s[e] == '@' || isWordByte(s[e])))
        return e;
    const QString candidate = QString::fromLatin1(s.data() + localStart, qsizetype(e - localStart));
    // Validate the ASCII shape; non-ASCII letters were mapped to one marker byte, which
    // emailValid accepts as a letter once mapped back to any non-ASCII letter.
    QString shape = candidate;
    shape.replace(QChar(0x81), QChar(0xE9));
    if (!emailValid(shape))
        return e;
    out.push_back({PiiType::Email, qsizetype(localStart), qsizetype(e), QString(), 0});
    return e;
}

size_t PiiDetector::Compiled::emailObfuscated(const std::string &s, QStringView text, size_t b, size_t e,
                                              std::vector<Candidate> &out) const
{
    if (b > 0 && isWordByte(s[b - 1]))
        return e;
    if (e < s.size() && isWordByte(s[e]))
        return e;
    QString plain;
    for (size_t i = b; i < e; ++i) {
        const char c = s[i];
        if (c == ' ')
            continue;
        if (c == '[' || c == '(') {
            const size_t close = s.find_first_of("])", i);
            if (close == std::string::npos || close >= e)
                return e;
            const QStringView word = text.mid(qsizetype(i) + 1, qsizetype(close) - qsizetype(i) - 1);
            plain += word.compare(u"at", Qt::CaseInsensitive) == 0 ? u'@' : u'.';
            i = close;
            continue;
        }
        plain += QLatin1Char(c);
    }
    if (!emailValid(plain))
        return e;
    out.push_back({PiiType::Email, qsizetype(b), qsizetype(e), QStringLiteral("obfuscated"), 0});
    return e;
}

bool PiiDetector::Compiled::hasContext(const std::string &s, QStringView text, size_t b, size_t e, const RE2 &context,
                                       bool after) const
{
    const size_t from = b > kContextBefore ? b - kContextBefore : 0;
    const auto check = [&](size_t begin, size_t end) {
        const re2::StringPiece window(s.data() + begin, end - begin);
        if (RE2::PartialMatch(window, context))
            return true;
        if (&context != phoneContext.get() || window.find(kLetterByte) == re2::StringPiece::npos)
            return false;
        const QStringView w = text.mid(qsizetype(begin), qsizetype(end - begin));
        return std::any_of(std::begin(kPhoneContextCjk), std::end(kPhoneContextCjk),
                           [&](const char16_t *word) { return w.contains(QStringView(word)); });
    };
    return check(from, b) || (after && check(e, std::min(s.size(), e + kContextAfter)));
}

size_t PiiDetector::Compiled::phone(const std::string &s, QStringView text, size_t b, size_t e,
                                    std::vector<Candidate> &out) const
{
    const size_t firstDigit = s.find_first_of("0123456789", b);
    size_t nextGroup = firstDigit;
    while (nextGroup < e && isDigit(s[nextGroup]))
        ++nextGroup;
    // On rejection the scan resumes at the run's next group, so a number written after another
    // one in the same run is still examined on its own (with stricter rules, see `continuation`).
    const size_t reject = nextGroup;
    // Part of a longer token: a word, a version, a path, an identifier.
    if (b > 0) {
        const char before = s[b - 1];
        if (isWordByte(before) || before == '+' || before == '@' || before == '#' || before == '$')
            return reject;
        if ((before == '.' || before == '-' || before == '/' || before == ':' || before == '=') && b > 1 &&
            isWordByte(s[b - 2]))
            return reject;
    }
    // A run followed by a word or continuing as a longer dotted / dashed run is not a phone.
    if (e < s.size()) {
        const char after = s[e];
        if (isWordByte(after) || after == '@')
            return reject;
        if ((after == '.' || after == '-' || after == '/' || after == ':') && e + 1 < s.size() && isDigit(s[e + 1]))
            return reject;
    }
    const bool international = s[b] == '+' || s.compare(firstDigit, 2, "00") == 0;
    // Right after a number this run continues ("12 34 5678" split differently): not on its own
    // a phone number unless the number before it was one.
    const bool continuation = b >= 2 && (s[b - 1] == ' ' || s[b - 1] == '-') && isDigit(s[b - 2]) &&
                              (out.empty() || out.back().type != PiiType::Phone || size_t(out.back().end) != b - 1);
    // The whole run first, then for numbers with a country code without trailing groups
    // ("+44 121 234 5678 2024"), at most three. A national number must be the whole run.
    size_t end = e;
    for (int attempt = 0; attempt < (international ? 4 : 1); ++attempt) {
        if (attempt > 0) {
            while (end > b && isDigit(s[end - 1]))
                --end;
            while (end > b && !isDigit(s[end - 1]))
                --end;
            if (end <= firstDigit)
                break;
        }
        if (phoneAt(s, text, b, end, international, continuation, out))
            return end;
    }
    return reject;
}

bool PiiDetector::Compiled::phoneAt(const std::string &s, QStringView text, size_t b, size_t e, bool international,
                                    bool continuation, std::vector<Candidate> &out) const
{
    const Grouping g = groupsOf(s, b, e);
    if (g.badSeparators || g.slashes || g.digits < 7 || g.digits > 15 || g.groups.size() > 6)
        return false;
    if (g.parentheses && std::count(s.begin() + qsizetype(b), s.begin() + qsizetype(e), '(') !=
                             std::count(s.begin() + qsizetype(b), s.begin() + qsizetype(e), ')'))
        return false;

    const i18n::phonenumbers::PhoneNumberUtil &util = *i18n::phonenumbers::PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber parsed;
    // IsPossibleNumber (lengths only) first: IsValidNumber runs the metadata's patterns.
    const auto valid = [&](const std::string &number, const std::string &region) {
        return util.Parse(number, region, &parsed) == i18n::phonenumbers::PhoneNumberUtil::NO_PARSING_ERROR &&
               util.IsPossibleNumber(parsed) && util.IsValidNumber(parsed);
    };
    const auto accept = [&] {
        std::string region;
        util.GetRegionCodeForNumber(parsed, &region);
        out.push_back({PiiType::Phone, qsizetype(b), qsizetype(e), QString::fromStdString(region), 0});
        return true;
    };
    if (international) {
        // "00" is the international call prefix of the regions that write numbers that way.
        const size_t firstDigit = s.find_first_of("0123456789", b);
        const std::string number =
            s[b] == '+' ? s.substr(b, e - b) : "+" + s.substr(firstDigit + 2, e - firstDigit - 2);
        return valid(number, "ZZ") && accept();
    }

    // National numbers. Written like a phone: groups as the country writes them. Otherwise only
    // with a context word nearby.
    if (looksLikeNonPhone(s, b, g))
        return false;
    const bool ssnShape = g.groups.size() == 3 && g.groups[0] == 3 && g.groups[1] == 2 && g.groups[2] == 4;
    const bool formatted = (g.groups.size() >= 2 || g.parentheses) && g.digits >= 9 && !continuation && !ssnShape;
    // A card number as written is a card, not a phone (and saves the parsing).
    if (g.digits >= 12 && paymentCardValid(QString::fromLatin1(s.data() + b, qsizetype(e - b))))
        return false;
    int context = -1; // unknown until needed
    const auto hasPhoneContext = [&] {
        if (context < 0)
            context = hasContext(s, text, b, e, *phoneContext, true) ? 1 : 0;
        return context == 1;
    };
    if (!formatted && !hasPhoneContext())
        return false;
    const std::string number = s.substr(b, e - b);
    for (const std::string &region : regions) {
        if (!valid(number, region))
            continue;
        if (!formatted || hasPhoneContext())
            return accept();
        // Formatted without a context word: the groups must be the ones the country uses (at
        // least the area code or mobile prefix as the first group), so digit blocks that merely
        // parse in some region are not phones.
        std::string national;
        util.Format(parsed, i18n::phonenumbers::PhoneNumberUtil::NATIONAL, &national);
        const Grouping expected = groupsOf(national, 0, national.size());
        // The area code as the first group, or a trunk-prefixed first group that differs only in
        // where the area code ends ("0151 23456789" for "01512 3456789").
        const std::string &written = g.firstGroup;
        const std::string &national1 = expected.firstGroup;
        const bool sameStart = written.size() >= 2 && national1.size() >= 2 &&
                               (national1.compare(0, written.size(), written) == 0 ||
                                written.compare(0, national1.size(), national1) == 0) &&
                               (written == national1 || written[0] == '0');
        if (expected.groups == g.groups || (expected.groups.size() > 1 && sameStart))
            return accept();
    }
    return false;
}

size_t PiiDetector::Compiled::card(const std::string &s, size_t b, size_t e, std::vector<Candidate> &out) const
{
    size_t firstGroupEnd = b;
    while (firstGroupEnd < e && isDigit(s[firstGroupEnd]))
        ++firstGroupEnd;
    if (b > 0) {
        const char before = s[b - 1];
        if (isWordByte(before))
            return firstGroupEnd;
        // Inside a longer run of digit groups ("ref 1234 5678 9012 3456" has no card at "5678").
        if ((before == '.' || before == '-' || before == '/' || before == ' ') && b > 1 && isWordByte(s[b - 2]) &&
            (before != ' ' || isDigit(s[b - 2])))
            return e;
    }
    // Longest first: the whole run, then without its trailing groups ("4111 1111 1111 1111 2024").
    size_t end = e;
    while (end > b) {
        const bool boundary =
            end >= s.size() ||
            (!isWordByte(s[end]) && !((s[end] == '-' || s[end] == '.') && end + 1 < s.size() && isDigit(s[end + 1])));
        QString brand;
        // Validated on the scanned copy, where a non-breaking space is a space.
        if (boundary && paymentCardValid(QString::fromLatin1(s.data() + b, qsizetype(end - b)), &brand)) {
            out.push_back({PiiType::PaymentCard, qsizetype(b), qsizetype(end), brand, 0});
            return end;
        }
        size_t sep = end - 1;
        while (sep > b && s[sep] != ' ' && s[sep] != '-')
            --sep;
        if (sep < b + 12)
            break;
        end = sep;
    }
    return firstGroupEnd;
}

size_t PiiDetector::Compiled::iban(const std::string &s, QStringView text, size_t b, size_t e,
                                   std::vector<Candidate> &out) const
{
    if (b > 0 && isWordByte(s[b - 1]))
        return b + 2;
    const int length = ibanLength(text.mid(qsizetype(b), 2));
    if (length == 0)
        return b + 2;
    // Walk the printed form: groups of four, optionally one space between groups.
    size_t i = b;
    int count = 0;
    while (i < s.size() && count < length) {
        if (s[i] == ' ') {
            if (count % 4 != 0 || i + 1 >= s.size() || s[i + 1] == ' ' || i == b)
                break;
            ++i;
            continue;
        }
        if (!isDigit(s[i]) && !(s[i] >= 'A' && s[i] <= 'Z'))
            break;
        ++count;
        ++i;
    }
    if (count != length || (i < s.size() && isWordByte(s[i])))
        return b + 2;
    if (!ibanValid(QString::fromLatin1(s.data() + b, qsizetype(i - b))))
        return b + 2;
    out.push_back({PiiType::Iban, qsizetype(b), qsizetype(i), text.mid(qsizetype(b), 2).toString(), 0});
    return std::max(i, e);
}

size_t PiiDetector::Compiled::ssn(const std::string &s, QStringView text, size_t b, size_t e,
                                  std::vector<Candidate> &out) const
{
    if (b > 0) {
        const char before = s[b - 1];
        if (isWordByte(before) || before == '+')
            return e;
        if ((before == '-' || before == '.' || before == '/') && b > 1 && isDigit(s[b - 2]))
            return e;
    }
    if (e < s.size()) {
        const char after = s[e];
        if (isWordByte(after))
            return e;
        if ((after == '-' || after == '.' || after == '/') && e + 1 < s.size() && isDigit(s[e + 1]))
            return e;
    }
    const QStringView value = text.mid(qsizetype(b), qsizetype(e - b));
    if (!usSsnValid(value))
        return e;
    const bool bare = e - b == 9;
    if ((bare || s[b + 3] == ' ') && !hasContext(s, text, b, e, *ssnContext, false))
        return e;
    out.push_back({PiiType::UsSsn, qsizetype(b), qsizetype(e), QString(), 0});
    return e;
}

size_t PiiDetector::Compiled::ipv4(const std::string &s, QStringView text, size_t b, size_t e,
                                   std::vector<Candidate> &out) const
{
    if (b > 0 && (isWordByte(s[b - 1]) || s[b - 1] == '.'))
        return e;
    if (e < s.size() && (isWordByte(s[e]) || (s[e] == '.' && e + 1 < s.size() && isDigit(s[e + 1]))))
        return e;
    quint32 address = 0;
    if (!parseIpv4(text.mid(qsizetype(b), qsizetype(e - b)), &address))
        return e;
    if (!options.includeNonPublicIps && !isPublicIpv4(address))
        return e;
    // "version 1.2.3.4", "v 4.1.0.2": a version, not an address.
    const qsizetype from = std::max<qsizetype>(0, qsizetype(b) - 12);
    const QStringView before = text.mid(from, qsizetype(b) - from).trimmed();
    if (before.endsWith(u"version", Qt::CaseInsensitive) || before.endsWith(u"ver", Qt::CaseInsensitive) ||
        before.endsWith(u"v", Qt::CaseInsensitive) || before.endsWith(u"release", Qt::CaseInsensitive) ||
        before.endsWith(u"build", Qt::CaseInsensitive))
        return e;
    out.push_back({PiiType::IpAddress, qsizetype(b), qsizetype(e), QStringLiteral("ipv4"), 0});
    return e;
}

size_t PiiDetector::Compiled::ipv6(const std::string &s, size_t b, size_t e, std::vector<Candidate> &out) const
{
    if (b > 0 && (isWordByte(s[b - 1]) || s[b - 1] == ':' || s[b - 1] == '.'))
        return e;
    if (e < s.size() && (isWordByte(s[e]) || s[e] == ':' || (s[e] == '.' && e + 1 < s.size() && isDigit(s[e + 1]))))
        return e;
    std::array<quint8, 16> address{};
    if (!parseIpv6(QLatin1String(s.data() + b, qsizetype(e - b)).toString(), &address))
        return e;
    if (!options.includeNonPublicIps && !isPublicIpv6(address))
        return e;
    // A non-public address must still look like one: at least one decimal digit (not
    // "dead::beef" or "face::add").
    const std::string_view v(s.data() + b, e - b);
    if (v.find_first_of("0123456789") == std::string_view::npos)
        return e;
    out.push_back({PiiType::IpAddress, qsizetype(b), qsizetype(e), QStringLiteral("ipv6"), 0});
    return e;
}

} // namespace llmproxy
