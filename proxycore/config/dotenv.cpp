// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/dotenv.h"

namespace llmproxy {

bool isDotenvKey(QByteArrayView key)
{
    if (key.isEmpty())
        return false;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const char c = key[i];
        const bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
        const bool digit = c >= '0' && c <= '9';
        if (!(alpha || (i > 0 && (digit || c == '.'))))
            return false;
    }
    return true;
}

static bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

QMap<QString, QString> parseDotenv(const QByteArray &input)
{
    QMap<QString, QString> out;
    QByteArrayView text(input);
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    const qsizetype n = text.size();

    // Index just past the end of the physical line that contains `pos`.
    const auto nextLineStart = [&](qsizetype pos) {
        const qsizetype eol = text.indexOf('\n', pos);
        return eol < 0 ? n : eol + 1;
    };

    qsizetype i = 0;
    while (i < n) {
        const qsizetype next = nextLineStart(i);
        QByteArrayView line = text.sliced(i, next - i);
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);

        qsizetype p = 0;
        while (p < line.size() && isBlank(line[p]))
            ++p;
        if (p == line.size() || line[p] == '#') {
            i = next;
            continue;
        }
        if (line.sliced(p).startsWith("export") && p + 6 < line.size() && isBlank(line[p + 6])) {
            p += 6;
            while (p < line.size() && isBlank(line[p]))
                ++p;
        }
        const qsizetype eq = line.indexOf('=', p);
        if (eq < 0) {
            i = next;
            continue;
        }
        const QByteArrayView key = line.sliced(p, eq - p).trimmed();
        if (!isDotenvKey(key)) {
            i = next;
            continue;
        }
        qsizetype v = eq + 1;
        while (v < line.size() && isBlank(line[v]))
            ++v;

        if (v < line.size() && (line[v] == '"' || line[v] == '\'')) {
            // Quoted values may span lines; whatever follows the closing quote on its line is ignored.
            const char quote = line[v];
            QByteArray value;
            qsizetype pos = i + v + 1;
            bool closed = false;
            while (pos < n) {
                const char c = text[pos];
                if (c == quote) {
                    closed = true;
                    break;
                }
                if (quote == '"' && c == '\\' && pos + 1 < n) {
                    const char e = text[pos + 1];
                    switch (e) {
                    case 'n':
                        value += '\n';
                        break;
                    case 'r':
                        value += '\r';
                        break;
                    case 't':
                        value += '\t';
                        break;
                    case '"':
                        value += '"';
                        break;
                    case '\\':
                        value += '\\';
                        break;
                    default:
                        value += '\\';
                        value += e;
                        break;
                    }
                    pos += 2;
                    continue;
                }
                if (c == '\r' && pos + 1 < n && text[pos + 1] == '\n') {
                    ++pos;
                    continue;
                }
                value += c;
                ++pos;
            }
            if (!closed) {
                // An unterminated quote: skip only this line so one typo does not swallow the file.
                i = next;
                continue;
            }
            out.insert(QString::fromUtf8(key), QString::fromUtf8(value));
            i = nextLineStart(pos);
            continue;
        }

        QByteArrayView raw = line.sliced(eq + 1);
        for (qsizetype k = 1; k < raw.size(); ++k) {
            if (raw[k] == '#' && isBlank(raw[k - 1])) {
                raw = raw.first(k);
                break;
            }
        }
        out.insert(QString::fromUtf8(key), QString::fromUtf8(raw.trimmed()));
        i = next;
    }
    return out;
}

} // namespace llmproxy
