// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/piivalidators.h"

#include <QByteArray>
#include <QChar>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace llmproxy {

namespace {

bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

bool isUpper(char16_t c)
{
    return c >= u'A' && c <= u'Z';
}

bool isLower(char16_t c)
{
    return c >= u'a' && c <= u'z';
}

bool isAsciiAlpha(char16_t c)
{
    return isUpper(c) || isLower(c);
}

bool isAsciiAlnum(char16_t c)
{
    return isAsciiAlpha(c) || isDigit(c);
}

char16_t asciiLower(char16_t c)
{
    return isUpper(c) ? char16_t(c + 32) : c;
}

/// The number formed by the first `n` digits of `digits` (caller guarantees they are digits).
int prefixValue(QStringView digits, int n)
{
    int v = 0;
    for (int i = 0; i < n; ++i)
        v = v * 10 + (digits[i].unicode() - u'0');
    return v;
}

bool inRange(int v, int low, int high)
{
    return v >= low && v <= high;
}

/// Lower-case ASCII copy of `s` for substring checks against ASCII needles; non-ASCII kept as is.
QString asciiLowerCopy(QStringView s)
{
    QString out(s.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < s.size(); ++i)
        out[i] = QChar(asciiLower(s[i].unicode()));
    return out;
}

struct IbanCountry
{
    char code[3];
    int length;
};

// SWIFT IBAN registry: every SEPA country and the other countries that issue IBANs and are seen
// in practice. Sorted by code for binary search.
constexpr IbanCountry kIbanCountries[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22}, {"BH", 22},
    {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27},
    {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27},
    {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22},
    {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32},
    {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19},
    {"MN", 20}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
    {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23},
    {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
};

// Last labels that end file names rather than addresses (`icon@2x.png`, `logo@3x.webp`,
// `module@1.2.js`), and names reserved for private or test use.
constexpr const char *kNonTlds[] = {
    "7z",       "a",       "avi",   "bak", "bash",  "bat",         "bin",       "bmp",   "bz2",     "c",      "cc",
    "cfg",      "cjs",     "class", "cmd", "conf",  "cpp",         "cs",        "css",   "csv",     "cxx",    "dat",
    "db",       "diff",    "dll",   "doc", "docx",  "dylib",       "env",       "eot",   "example", "exe",    "gif",
    "go",       "gradle",  "gz",    "h",   "hh",    "home",        "hpp",       "htm",   "html",    "ico",    "ini",
    "internal", "invalid", "ipynb", "jar", "java",  "jpeg",        "jpg",       "js",    "json",    "jsx",    "kt",
    "kts",      "lan",     "less",  "lib", "local", "localdomain", "localhost", "lock",  "log",     "m",      "map",
    "md",       "mjs",     "mm",    "mov", "mp3",   "mp4",         "o",         "obj",   "ogg",     "orig",   "otf",
    "patch",    "pb",      "pdf",   "php", "png",   "ppt",         "pptx",      "proto", "ps1",     "py",     "pyc",
    "rar",      "rb",      "rs",    "rst", "sass",  "scss",        "sh",        "so",    "sql",     "sqlite", "svelte",
    "svg",      "swift",   "swp",   "tar", "test",  "tgz",         "tif",       "tiff",  "tmp",     "toml",   "ts",
    "tsv",      "tsx",     "ttf",   "txt", "vue",   "wasm",        "wav",       "webm",  "webp",    "woff",   "woff2",
    "xls",      "xlsx",    "xml",   "xz",  "yaml",  "yml",         "zip",       "zsh",
};

bool isNonTld(QStringView tld)
{
    if (tld.size() > 12)
        return false;
    char buf[16];
    for (qsizetype i = 0; i < tld.size(); ++i)
        buf[i] = char(asciiLower(tld[i].unicode()));
    buf[tld.size()] = 0;
    for (const char *entry : kNonTlds) {
        if (std::strcmp(entry, buf) == 0)
            return true;
    }
    return false;
}

bool isEmailLetter(QChar c)
{
    return c.unicode() >= 0x80 && c.isLetterOrNumber();
}

} // namespace

bool luhnValid(QStringView number)
{
    int sum = 0;
    int count = 0;
    for (qsizetype i = number.size() - 1; i >= 0; --i) {
        const char16_t c = number[i].unicode();
        if (c == u' ' || c == u'-')
            continue;
        if (!isDigit(c))
            return false;
        int d = c - u'0';
        if (count % 2 == 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        ++count;
    }
    return count >= 2 && sum % 10 == 0;
}

QString cardBrand(QStringView digits)
{
    const qsizetype n = digits.size();
    if (n < 12 || n > 19)
        return {};
    for (const QChar c : digits) {
        if (!isDigit(c.unicode()))
            return {};
    }
    const int p1 = prefixValue(digits, 1);
    const int p2 = prefixValue(digits, 2);
    const int p3 = prefixValue(digits, 3);
    const int p4 = prefixValue(digits, 4);
    const bool len16to19 = n >= 16;
    if (p1 == 4)
        return (n == 13 || n == 16 || n == 19) ? QStringLiteral("visa") : QString();
    if ((inRange(p2, 51, 55) || inRange(p4, 2221, 2720)) && n == 16)
        return QStringLiteral("mastercard");
    if (p2 == 34 || p2 == 37)
        return n == 15 ? QStringLiteral("amex") : QString();
    if ((p4 == 6011 || inRange(p3, 644, 649) || p2 == 65) && len16to19)
        return QStringLiteral("discover");
    if (inRange(p4, 3528, 3589) && len16to19)
        return QStringLiteral("jcb");
    if ((inRange(p3, 300, 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) && n >= 14)
        return QStringLiteral("diners");
    if (p2 == 62 && len16to19)
        return QStringLiteral("unionpay");
    if (p2 == 50 || inRange(p2, 56, 58) || p4 == 6304 || p3 == 639 || p2 == 67)
        return QStringLiteral("maestro");
    return {};
}

bool paymentCardValid(QStringView number, QString *brand)
{
    if (number.size() > 40)
        return false;
    char16_t separator = 0;
    char16_t digits[20];
    int count = 0;
    bool lastWasSeparator = true; // no leading separator
    for (const QChar qc : number) {
        const char16_t c = qc.unicode();
        if (isDigit(c)) {
            if (count == 19)
                return false;
            digits[count++] = c;
            lastWasSeparator = false;
            continue;
        }
        if ((c != u' ' && c != u'-') || lastWasSeparator || (separator != 0 && c != separator))
            return false;
        separator = c;
        lastWasSeparator = true;
    }
    if (lastWasSeparator)
        return false;
    const QStringView plain(digits, count);
    const QString b = cardBrand(plain);
    if (b.isEmpty() || !luhnValid(plain))
        return false;
    if (brand)
        *brand = b;
    return true;
}

int ibanLength(QStringView countryCode)
{
    if (countryCode.size() != 2 || !isUpper(countryCode[0].unicode()) || !isUpper(countryCode[1].unicode()))
        return 0;
    const char a = char(countryCode[0].unicode());
    const char b = char(countryCode[1].unicode());
    const auto it = std::lower_bound(
        std::begin(kIbanCountries), std::end(kIbanCountries), std::pair(a, b),
        [](const IbanCountry &e, std::pair<char, char> key) { return std::pair(e.code[0], e.code[1]) < key; });
    if (it == std::end(kIbanCountries) || it->code[0] != a || it->code[1] != b)
        return 0;
    return it->length;
}

bool ibanValid(QStringView iban)
{
    if (iban.size() < 4 || iban.size() > 48)
        return false;
    const int expected = ibanLength(iban.first(2));
    if (expected == 0)
        return false;
    char16_t compact[40];
    int n = 0;
    int sinceSpace = 0;
    bool spaced = false;
    for (qsizetype i = 0; i < iban.size(); ++i) {
        const char16_t c = iban[i].unicode();
        if (c == u' ') {
            // Printed form: groups of exactly four, single spaces, the last group may be shorter.
            if (sinceSpace != 4 || i + 1 == iban.size())
                return false;
            spaced = true;
            sinceSpace = 0;
            continue;
        }
        if (!isUpper(c) && !isDigit(c))
            return false;
        if (n == expected)
            return false;
        compact[n++] = c;
        ++sinceSpace;
    }
    if (n != expected || (spaced && sinceSpace > 4))
        return false;
    if (!isDigit(compact[2]) || !isDigit(compact[3]))
        return false;
    // ISO 13616 / ISO 7064 mod 97-10: move the first four characters to the end, letters to
    // 10..35, and the number must be 1 mod 97. Folded digit by digit so nothing overflows.
    int remainder = 0;
    for (int k = 0; k < n; ++k) {
        const char16_t c = compact[(k + 4) % n];
        if (isDigit(c)) {
            remainder = (remainder * 10 + (c - u'0')) % 97;
        } else {
            const int v = c - u'A' + 10;
            remainder = (remainder * 100 + v) % 97;
        }
    }
    return remainder == 1;
}

bool usSsnValid(QStringView ssn)
{
    char16_t d[9];
    if (ssn.size() == 9) {
        for (int i = 0; i < 9; ++i)
            d[i] = ssn[i].unicode();
    } else if (ssn.size() == 11 && ssn[3] == ssn[6] && (ssn[3] == u'-' || ssn[3] == u' ')) {
        int k = 0;
        for (int i = 0; i < 11; ++i) {
            if (i != 3 && i != 6)
                d[k++] = ssn[i].unicode();
        }
    } else {
        return false;
    }
    for (const char16_t c : d) {
        if (!isDigit(c))
            return false;
    }
    const QStringView digits(d, 9);
    const int area = prefixValue(digits, 3);
    const int group = prefixValue(digits.mid(3), 2);
    const int serial = prefixValue(digits.mid(5), 4);
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0)
        return false;
    // Void numbers published on wallet inserts and in advertising, reused endlessly as examples.
    if ((area == 78 && group == 5 && serial == 1120) || (area == 219 && group == 9 && serial == 9999) ||
        (area == 123 && group == 45 && serial == 6789))
        return false;
    return true;
}

bool emailValid(QStringView email)
{
    const qsizetype at = email.indexOf(u'@');
    if (at <= 0 || at > 64 || email.size() > 254 || email.indexOf(u'@', at + 1) >= 0)
        return false;
    const QStringView local = email.first(at);
    const QStringView domain = email.mid(at + 1);
    if (local.front() == u'.' || local.back() == u'.' || local.contains(u".."))
        return false;
    for (const QChar c : local) {
        const char16_t u = c.unicode();
        if (!isAsciiAlnum(u) && u != u'.' && u != u'_' && u != u'%' && u != u'+' && u != u'-' && !isEmailLetter(c))
            return false;
    }
    qsizetype labelStart = 0;
    int labels = 0;
    QStringView tld;
    for (qsizetype i = 0; i <= domain.size(); ++i) {
        if (i < domain.size() && domain[i] != u'.') {
            const QChar c = domain[i];
            if (!isAsciiAlnum(c.unicode()) && c != u'-' && !isEmailLetter(c))
                return false;
            continue;
        }
        const QStringView label = domain.mid(labelStart, i - labelStart);
        if (label.isEmpty() || label.size() > 63 || label.front() == u'-' || label.back() == u'-')
            return false;
        ++labels;
        tld = label;
        labelStart = i + 1;
    }
    if (labels < 2)
        return false;
    if (tld.startsWith(u"xn--"))
        return tld.size() >= 5;
    if (tld.size() < 2 || tld.size() > 24)
        return false;
    for (const QChar c : tld) {
        if (!isAsciiAlpha(c.unicode()))
            return false;
    }
    return !isNonTld(tld);
}

bool parseIpv4(QStringView text, quint32 *address)
{
    quint32 value = 0;
    int octets = 0;
    qsizetype i = 0;
    while (true) {
        const qsizetype begin = i;
        int octet = 0;
        while (i < text.size() && isDigit(text[i].unicode()) && i - begin < 4) {
            octet = octet * 10 + (text[i].unicode() - u'0');
            ++i;
        }
        const qsizetype len = i - begin;
        if (len == 0 || len > 3 || octet > 255 || (len > 1 && text[begin] == u'0'))
            return false;
        value = (value << 8) | quint32(octet);
        ++octets;
        if (octets == 4)
            break;
        if (i >= text.size() || text[i] != u'.')
            return false;
        ++i;
    }
    if (i != text.size())
        return false;
    if (address)
        *address = value;
    return true;
}

bool parseIpv6(QStringView text, std::array<quint8, 16> *address)
{
    if (text.size() < 2 || text.size() > 45)
        return false;
    quint16 groups[8] = {};
    int count = 0;
    int compressAt = -1;
    qsizetype i = 0;
    if (text.startsWith(u"::")) {
        compressAt = 0;
        i = 2;
        if (i == text.size()) {
            if (address)
                address->fill(0);
            return true;
        }
    } else if (text[0] == u':') {
        return false;
    }
    while (i < text.size()) {
        // An embedded dotted quad takes the last 32 bits.
        const qsizetype dot = text.indexOf(u'.', i);
        const qsizetype colon = text.indexOf(u':', i);
        if (dot >= 0 && (colon < 0 || dot < colon)) {
            quint32 v4 = 0;
            if (count > 6 || !parseIpv4(text.mid(i), &v4))
                return false;
            groups[count++] = quint16(v4 >> 16);
            groups[count++] = quint16(v4 & 0xffff);
            i = text.size();
            break;
        }
        int digits = 0;
        quint32 v = 0;
        while (i < text.size() && digits < 5) {
            const char16_t c = text[i].unicode();
            int h = -1;
            if (isDigit(c))
                h = c - u'0';
            else if (c >= u'a' && c <= u'f')
                h = c - u'a' + 10;
            else if (c >= u'A' && c <= u'F')
                h = c - u'A' + 10;
            if (h < 0)
                break;
            v = v * 16 + quint32(h);
            ++digits;
            ++i;
        }
        if (digits == 0 || digits > 4 || count == 8)
            return false;
        groups[count++] = quint16(v);
        if (i == text.size())
            break;
        if (text[i] != u':')
            return false;
        ++i;
        if (i < text.size() && text[i] == u':') {
            if (compressAt >= 0)
                return false;
            compressAt = count;
            ++i;
            if (i == text.size())
                break;
        } else if (i == text.size()) {
            return false; // trailing single colon
        }
    }
    if (compressAt < 0 ? count != 8 : count > 7)
        return false;
    std::array<quint8, 16> bytes{};
    const int tail = compressAt < 0 ? 0 : count - compressAt;
    for (int g = 0; g < count; ++g) {
        const int slot = (compressAt < 0 || g < compressAt) ? g : 8 - tail + (g - compressAt);
        bytes[size_t(slot) * 2] = quint8(groups[g] >> 8);
        bytes[size_t(slot) * 2 + 1] = quint8(groups[g] & 0xff);
    }
    if (address)
        *address = bytes;
    return true;
}

bool isPublicIpv4(quint32 a)
{
    struct Block
    {
        quint32 base;
        int bits;
    };
    static constexpr Block kNonPublic[] = {
        {0x00000000, 8},  {0x0A000000, 8},  {0x64400000, 10}, {0x7F000000, 8},  {0xA9FE0000, 16},
        {0xAC100000, 12}, {0xC0000000, 24}, {0xC0000200, 24}, {0xC0586300, 24}, {0xC0A80000, 16},
        {0xC6120000, 15}, {0xC6336400, 24}, {0xCB007100, 24}, {0xE0000000, 4},  {0xF0000000, 4},
    };
    for (const Block &b : kNonPublic) {
        const quint32 mask = b.bits == 0 ? 0 : ~quint32(0) << (32 - b.bits);
        if ((a & mask) == b.base)
            return false;
    }
    return true;
}

bool isPublicIpv6(const std::array<quint8, 16> &a)
{
    if ((a[0] & 0xE0) != 0x20)
        return false; // only global unicast 2000::/3
    if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0D && a[3] == 0xB8)
        return false; // documentation
    if (a[0] == 0x20 && a[1] == 0x01 && a[2] < 0x02)
        return false; // 2001::/23 IETF protocol assignments (Teredo, benchmarking, ORCHID)
    return true;
}

double shannonEntropy(QStringView text)
{
    const qsizetype n = text.size();
    if (n == 0)
        return 0.0;
    std::array<int, 128> ascii{};
    std::vector<char16_t> other;
    for (const QChar c : text) {
        if (c.unicode() < 128)
            ++ascii[c.unicode()];
        else
            other.push_back(c.unicode());
    }
    double h = 0.0;
    const auto add = [&](qsizetype count) {
        const double p = double(count) / double(n);
        h -= p * std::log2(p);
    };
    for (const int count : ascii) {
        if (count > 0)
            add(count);
    }
    std::sort(other.begin(), other.end());
    for (size_t i = 0; i < other.size();) {
        size_t j = i;
        while (j < other.size() && other[j] == other[i])
            ++j;
        add(qsizetype(j - i));
        i = j;
    }
    return h;
}

bool isSecretPlaceholder(QStringView value)
{
    if (value.isEmpty())
        return true;
    const QString lower = asciiLowerCopy(value);
    static constexpr const char16_t *kMarkers[] = {
        u"xxxx",       u"****",        u"...",      u"\u2026",  u"<",        u">",           u"${",       u"{{",
        u"}}",         u"%(",          u"$(",       u"your",    u"example",  u"placeholder", u"changeme", u"change_me",
        u"change-me",  u"redacted",    u"dummy",    u"replace", u"insert",   u"fake",        u"sample",   u"here",
        u"todo",       u"foobar",      u"password", u"secret",  u"12345678", u"abcdefgh",    u"qwerty",   u"letmein",
        u"os.environ", u"process.env", u"getenv",   u"env(",    u"env.",     u"environ",     u"(",        u"[",
    };
    for (const char16_t *m : kMarkers) {
        if (lower.contains(QStringView(m)))
            return true;
    }
    const char16_t first = value.front().unicode();
    if (first == u'$' || first == u'%' || first == u'@')
        return true; // $VAR, %VAR%, @Value(...) / @secret references
    // Two or fewer distinct characters ("aaaaaaaa", "abababab", "0000-0000").
    char16_t a = value[0].unicode();
    char16_t b = 0;
    for (const QChar c : value) {
        if (c.unicode() == a)
            continue;
        if (b == 0)
            b = c.unicode();
        else if (c.unicode() != b)
            return false;
    }
    return true;
}

bool jwtValid(QStringView token)
{
    const qsizetype dot1 = token.indexOf(u'.');
    const qsizetype dot2 = dot1 < 0 ? -1 : token.indexOf(u'.', dot1 + 1);
    if (dot1 <= 0 || dot2 <= dot1 + 1 || token.indexOf(u'.', dot2 + 1) >= 0 || dot1 > 4096 || dot2 - dot1 > 65536)
        return false;
    for (const QChar c : token) {
        const char16_t u = c.unicode();
        if (!isAsciiAlnum(u) && u != u'-' && u != u'_' && u != u'.')
            return false;
    }
    const auto decodeObject = [](QStringView part) {
        const auto decoded = QByteArray::fromBase64Encoding(
            part.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return QJsonObject();
        const QJsonDocument doc = QJsonDocument::fromJson(*decoded);
        return doc.isObject() ? doc.object() : QJsonObject();
    };
    const QJsonObject header = decodeObject(token.first(dot1));
    if (!header.contains(QLatin1String("alg")))
        return false;
    const QByteArray payloadJson =
        QByteArray::fromBase64(token.mid(dot1 + 1, dot2 - dot1 - 1).toLatin1(), QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(payloadJson).isObject();
}

} // namespace llmproxy
