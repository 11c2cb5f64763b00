// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/piidetector_p.h"
#include "proxycore/security/piivalidators.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace llmproxy {

using namespace pii_detail;

namespace {

const char *kindDetail(Kind k)
{
    switch (k) {
    case kAnthropic:
        return "anthropic_key";
    case kOpenAi:
        return "openai_key";
    case kGoogle:
        return "google_api_key";
    case kAwsKeyId:
        return "aws_access_key";
    case kAwsSecret:
        return "aws_secret_key";
    case kGithub:
        return "github_token";
    case kGitlab:
        return "gitlab_token";
    case kSlack:
        return "slack_token";
    case kSlackWebhook:
        return "slack_webhook";
    case kStripe:
        return "stripe_key";
    case kPrivateKey:
        return "private_key";
    case kJwt:
        return "jwt";
    case kBearer:
        return "bearer_token";
    case kUrlPassword:
        return "url_password";
    case kAssignment:
        return "assigned_secret";
    default:
        return "";
    }
}

/// At least two of lower / upper / digit, entropy and placeholder checks for a token body.
bool looksRandom(QStringView body)
{
    if (body.size() < 16 || isSecretPlaceholder(body))
        return false;
    int classes = 0;
    bool lower = false;
    bool upper = false;
    bool digit = false;
    for (const QChar c : body) {
        lower |= c.unicode() >= 'a' && c.unicode() <= 'z';
        upper |= c.unicode() >= 'A' && c.unicode() <= 'Z';
        digit |= c.unicode() >= '0' && c.unicode() <= '9';
    }
    classes = int(lower) + int(upper) + int(digit);
    return classes >= 2 && shannonEntropy(body) >= 3.0;
}

/// A plain identifier or member access (`hashedPassword`, `settings.SECRET_KEY`, `null`): code,
/// not a value. Digits make it a value again unless it is dotted.
bool isIdentifierLike(QStringView v)
{
    bool digits = false;
    bool dotted = false;
    bool segmentStart = true;
    for (const QChar c : v) {
        const char16_t u = c.unicode();
        if (u == '.') {
            if (segmentStart)
                return false;
            dotted = true;
            segmentStart = true;
            continue;
        }
        const bool alpha = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_';
        const bool digit = u >= '0' && u <= '9';
        if (!alpha && !(digit && !segmentStart))
            return false;
        digits |= digit;
        segmentStart = false;
    }
    return !segmentStart && (dotted || !digits);
}

} // namespace

size_t PiiDetector::Compiled::secret(const std::string &s, QStringView text, Kind kind, size_t b, size_t e,
                                     std::vector<Candidate> &out) const
{
    size_t vb = b;
    size_t ve = e;
    QStringView body;
    switch (kind) {
    case kAwsSecret:
        vb = e - 40;
        if (e < s.size() && (isAlnum(s[e]) || s[e] == '/' || s[e] == '+'))
            return e;
        body = text.mid(qsizetype(vb), 40);
        if (body.contains(u"EXAMPLE") || !looksRandom(body))
            return e;
        break;
    case kBearer:
        vb = b + 6;
        while (vb < e && (s[vb] == ' ' || s[vb] == '\t'))
            ++vb;
        if (b > 0 && isWordByte(s[b - 1]))
            return e;
        body = text.mid(qsizetype(vb), qsizetype(e - vb));
        if (!looksRandom(body))
            return e;
        break;
    case kUrlPassword: {
        const size_t colon = s.find(':', s.find("://", b) + 3);
        vb = colon + 1;
        ve = e - 1;
        body = text.mid(qsizetype(vb), qsizetype(ve - vb));
        if (body.size() < 4 || isSecretPlaceholder(body) || body.compare(u"pass", Qt::CaseInsensitive) == 0 ||
            body.compare(u"pwd", Qt::CaseInsensitive) == 0)
            return e;
        break;
    }
    case kSlackWebhook:
        body = text.mid(qsizetype(b) + 33, qsizetype(e - b) - 33);
        if (isSecretPlaceholder(body))
            return e;
        break;
    case kJwt:
        if ((b > 0 && (isWordByte(s[b - 1]) || s[b - 1] == '.')) || !jwtValid(text.mid(qsizetype(b), qsizetype(e - b))))
            return e;
        break;
    default: {
        // Prefixed provider tokens: not inside a longer word, not followed by more token text.
        if (b > 0 && (isWordByte(s[b - 1]) || s[b - 1] == '-'))
            return e;
        if (e < s.size() && (isWordByte(s[e]) || s[e] == '-'))
            return e;
        if (kind == kOpenAi && s.compare(b, 7, "sk-ant-") == 0)
            return e;
        size_t prefix = 0;
        switch (kind) {
        case kOpenAi:
            prefix = 3;
            for (const char *p : {"sk-proj-", "sk-svcacct-", "sk-admin-", "sk-None-"}) {
                if (s.compare(b, std::strlen(p), p) == 0)
                    prefix = std::strlen(p);
            }
            break;
        case kAnthropic:
            prefix = s.find('-', b + 7) - b + 1;
            break;
        case kAwsKeyId:
        case kGoogle:
            prefix = 4;
            break;
        case kGithub:
            prefix = s.compare(b, 11, "github_pat_") == 0 ? 11 : 4;
            break;
        case kGitlab:
            prefix = 6;
            break;
        case kSlack:
            prefix = 5;
            break;
        case kStripe:
            prefix = 8;
            break;
        default:
            break;
        }
        body = text.mid(qsizetype(b) + qsizetype(prefix), qsizetype(e) - qsizetype(b) - qsizetype(prefix));
        if (kind == kAwsKeyId) {
            if (body.contains(u"EXAMPLE") || isSecretPlaceholder(body))
                return e;
        } else if (!looksRandom(body)) {
            return e;
        }
        break;
    }
    }
    out.push_back({PiiType::Secret, qsizetype(vb), qsizetype(ve), QString::fromLatin1(kindDetail(kind)), 0});
    return e;
}

size_t PiiDetector::Compiled::assignment(const std::string &s, QStringView text, size_t b, size_t e,
                                         std::vector<Candidate> &out) const
{
    // The key word starts a word or a camelCase part: "DB_PASSWORD", "dbPassword", not "bypass".
    if (b > 0 && isAlpha(s[b - 1]) && !(s[b - 1] >= 'a' && s[b - 1] <= 'z' && s[b] >= 'A' && s[b] <= 'Z'))
        return e;
    size_t vb = e;
    char quote = 0;
    if (vb < s.size() && (s[vb] == '"' || s[vb] == '\'' || s[vb] == '`')) {
        quote = s[vb];
        ++vb;
    }
    size_t ve = vb;
    constexpr size_t kMaxValue = 512;
    while (ve < s.size() && ve - vb <= kMaxValue) {
        const char c = s[ve];
        if (c == '\n' || c == '\r')
            break;
        if (quote ? c == quote
                  : (isSpace(c) || c == '"' || c == '\'' || c == '`' || c == ',' || c == ';' || c == ')' || c == '}' ||
                     c == ']' || c == '&' || c == '<' || c == '>'))
            break;
        ++ve;
    }
    if (ve - vb > kMaxValue)
        return e;
    if (quote && (ve >= s.size() || s[ve] != quote))
        return e;
    // A sentence's full stop is not part of an unquoted value.
    while (!quote && ve > vb && (s[ve - 1] == '.' || s[ve - 1] == ':'))
        --ve;
    const QStringView value = text.mid(qsizetype(vb), qsizetype(ve - vb));
    if (value.size() < 8 || isSecretPlaceholder(value) || isIdentifierLike(value))
        return ve;
    if (value.startsWith(u"-----BEGIN"))
        return e; // a key block, reported whole by the private-key rule
    bool lower = false;
    bool upper = false;
    bool digit = false;
    bool other = false;
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (u >= 'a' && u <= 'z')
            lower = true;
        else if (u >= 'A' && u <= 'Z')
            upper = true;
        else if (u >= '0' && u <= '9')
            digit = true;
        else
            other = true;
    }
    if (int(lower) + int(upper) + int(digit) + int(other) < 2 || (!digit && !other))
        return ve;
    const double threshold = value.size() >= 16 ? 3.5 : std::log2(double(value.size())) - 0.6;
    if (shannonEntropy(value) < threshold)
        return ve;
    out.push_back({PiiType::Secret, qsizetype(vb), qsizetype(ve), QString::fromLatin1(kindDetail(kAssignment)), 0});
    return ve;
}

size_t PiiDetector::Compiled::privateKey(const std::string &s, size_t b, size_t e, std::vector<Candidate> &out) const
{
    // The whole block, BEGIN line to END line; a paste cut before END is masked up to where the
    // key text stops (the first character that cannot be part of a PEM body).
    constexpr size_t kMaxBlock = 64 * 1024;
    const std::string_view begin(s.data() + b, e - b); // "-----BEGIN <label>-----"
    const std::string label(begin.substr(11, begin.size() - 16));
    const std::string endLine = "-----END " + label + "-----";
    const size_t limit = std::min(s.size(), e + kMaxBlock);
    const size_t endAt = std::string_view(s.data(), limit).find(endLine, e);
    size_t blockEnd = 0;
    if (endAt != std::string::npos) {
        blockEnd = endAt + endLine.size();
    } else {
        blockEnd = e;
        while (blockEnd < limit) {
            const char c = s[blockEnd];
            if (!(isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '\n' || c == '\r' || c == '\\' || c == ' ' ||
                  c == ':' || c == '-' || c == ','))
                break;
            ++blockEnd;
        }
        while (blockEnd > e && (isSpace(s[blockEnd - 1]) || s[blockEnd - 1] == '\\'))
            --blockEnd;
    }
    out.push_back(
        {PiiType::Secret, qsizetype(b), qsizetype(blockEnd), QString::fromLatin1(kindDetail(kPrivateKey)), 0});
    return blockEnd;
}

} // namespace llmproxy
