// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Runs a fuzz target without libFuzzer (g++ builds, ctest): every seed in the corpus folder, then a
// bounded number of deterministic mutations of them (byte edits and JSON-aware splices: escaped
// keys, repeated members, surrogate escapes). Prints "N passed, 0 failed" like a test; a finding
// aborts in the target with the input.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern long fuzzInputsAccepted;

namespace {

const QByteArray kTokens[] = {
    "\"model\":",
    "\"mod\\u0065l\":",
    "\"m\\u006fdel\":",
    ",\"model\":\"x\"",
    "\"stream\":true",
    "\"stream\":",
    "\\ud800",
    "\\udc00",
    "\\ud83d\\ude00",
    "\\u0000",
    "\\\"",
    "\\/",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "1e400",
    "-0",
    "null",
    "\xC3\xA9",
    "\xED\xA0\x80",
    "\xF4\x90\x80\x80",
    " ",
    "\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]",
};

const QByteArray kKeys[] = {"model",       "mod\\u0065l", "m\\u006fdel",    "stream",  "messages",
                            "content",     "text",        "role",           "input",   "tools",
                            "description", "arguments",   "stream_options", "\\ud800", "k\\u00e9y"};
const QByteArray kValues[] = {"\"x\"",
                              "\"gpt\\u002d4o\"",
                              "true",
                              "false",
                              "null",
                              "1",
                              "-0.5e3",
                              "[]",
                              "{}",
                              "\"\\ud800\"",
                              "\"\\ud83d\\ude00\"",
                              "[{\"type\":\"text\",\"text\":\"t\"}]",
                              "{\"include_usage\":true}"};
const QByteArray kInString[] = {"\\u0065", "\\n", "\\\"", "\\/", "\\ud83d\\ude00", "\\udc00", "\xC3\xA9", "\\\\"};

template <typename T, size_t N> const T &pick(const T (&list)[N], QRandomGenerator &rng)
{
    return list[rng.bounded(quint32(N))];
}

/// A random position of `c` in `s`, or -1.
qsizetype randomPositionOf(const QByteArray &s, char c, QRandomGenerator &rng)
{
    QList<qsizetype> at;
    for (qsizetype i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1))
        at.append(i);
    return at.isEmpty() ? -1 : at[rng.bounded(quint32(at.size()))];
}

QByteArray mutate(QByteArray s, QRandomGenerator &rng)
{
    const qsizetype at = s.isEmpty() ? 0 : qsizetype(rng.bounded(quint32(s.size() + 1)));
    switch (rng.bounded(8)) {
    case 0:
    case 1:
    case 2: { // a member right after an object's '{' (repeated keys, escaped keys, new types)
        const qsizetype brace = randomPositionOf(s, '{', rng);
        if (brace < 0)
            break;
        QByteArray member = "\"" + pick(kKeys, rng) + "\":" + pick(kValues, rng);
        qsizetype next = brace + 1;
        while (next < s.size() && s[next] == ' ')
            ++next;
        if (next < s.size() && s[next] != '}')
            member += ',';
        s.insert(brace + 1, member);
        break;
    }
    case 3:
    case 4: { // an escape or a multi-byte character inside a string
        const qsizetype quote = randomPositionOf(s, '"', rng);
        if (quote >= 0 && quote + 1 < s.size() && s[quote + 1] != ':' && s[quote + 1] != ',' && s[quote + 1] != '}')
            s.insert(quote + 1, pick(kInString, rng));
        break;
    }
    case 5: // insert a raw token
        s.insert(at, pick(kTokens, rng));
        break;
    case 6: // delete a few bytes
        s.remove(at, 1 + rng.bounded(3));
        break;
    default: { // repeat a slice elsewhere
        if (s.size() < 2)
            break;
        const qsizetype from = qsizetype(rng.bounded(quint32(s.size())));
        const qsizetype length = 1 + qsizetype(rng.bounded(quint32(qMin<qsizetype>(40, s.size() - from))));
        s.insert(at, s.mid(from, length));
        break;
    }
    }
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    const QString corpusDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const int iterations = argc > 2 ? std::atoi(argv[2]) : 200000;
    QList<QByteArray> seeds;
    const QDir dir(corpusDir);
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            seeds.append(f.readAll());
    }
    if (seeds.isEmpty()) {
        std::fprintf(stderr, "no seeds in '%s'\n", qPrintable(corpusDir));
        return 2;
    }
    long runs = 0;
    for (const QByteArray &seed : std::as_const(seeds)) {
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(seed.constData()), size_t(seed.size()));
        ++runs;
    }
    QRandomGenerator rng(20261206); // fixed: a failure reproduces
    QByteArray current = seeds.first();
    for (int i = 0; i < iterations; ++i) {
        if (i % 4 == 0) // short mutation chains: most inputs stay close enough to JSON to be compared
            current = seeds[qsizetype(rng.bounded(quint32(seeds.size())))];
        current = mutate(current, rng);
        if (current.size() > 4096)
            current = seeds.first();
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(current.constData()), size_t(current.size()));
        ++runs;
    }
    std::printf("%s: %ld inputs, %ld accepted and checked\n",
                qPrintable(QFileInfo(QString::fromLocal8Bit(argv[0])).fileName()), runs, fuzzInputsAccepted);
    if (fuzzInputsAccepted < runs / 20) {
        std::printf("too few accepted inputs to mean anything\n0 passed, 1 failed\n");
        return 1;
    }
    std::printf("%ld passed, 0 failed\n", runs);
    return 0;
}
