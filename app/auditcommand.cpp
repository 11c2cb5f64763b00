// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "app/auditcommand.h"

#include "proxycore/security/responsesignature.h"
#include "proxycore/store/auditexport.h"

#include <QCommandLineParser>
#include <QFile>

#include <cstdio>
#include <optional>

namespace llmproxy {

namespace {

constexpr int kOk = 0;
constexpr int kBroken = 1;
constexpr int kUsage = 2;

int finish(int code, const QString &message)
{
    FILE *stream = code == kOk ? stdout : stderr;
    std::fputs(qPrintable(message), stream);
    std::fputc('\n', stream);
    return code;
}

/// `SEQUENCE:HASH` (64 hex digits) as an anchor.
std::optional<AuditAnchor> parseAnchor(const QString &text)
{
    const qsizetype colon = text.indexOf(u':');
    bool ok = false;
    const qint64 sequence = text.left(colon).toLongLong(&ok);
    const QByteArray hex = text.mid(colon + 1).toLatin1().toLower();
    const QByteArray hash = QByteArray::fromHex(hex);
    if (colon <= 0 || !ok || sequence < 0 || hash.size() != AuditHashSize || hash.toHex() != hex)
        return std::nullopt;
    AuditAnchor anchor;
    anchor.sequence = sequence;
    anchor.entryHash = hash;
    return anchor;
}

} // namespace

int runAuditCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Verifies an exported audit chain: every entry's hash, the links between entries, the "
                       "sequence, the checkpoint and head signatures (with a key) and recorded anchors."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption file(QStringLiteral("file"), QStringLiteral("An audit export (JSON Lines)."),
                                  QStringLiteral("export.jsonl"));
    const QCommandLineOption anchor(
        QStringLiteral("anchor"),
        QStringLiteral("A head recorded earlier, SEQUENCE:HASH; the chain must still contain it (repeatable)."),
        QStringLiteral("sequence:hash"));
    const QCommandLineOption keyEnv(QStringLiteral("key-env"),
                                    QStringLiteral("Environment variable holding the signing key (default "
                                                   "LLM_PROXY_SIGNING_KEY); when set, signatures are required."),
                                    QStringLiteral("name"));
    parser.addOptions({help, file, anchor, keyEnv});
    parser.addPositionalArgument(QStringLiteral("verify"), QStringLiteral("The action (only verify for now)."));
    const QString usage = QStringLiteral("usage: llmproxy audit verify --file <export.jsonl> [--anchor SEQUENCE:HASH] "
                                         "[--key-env NAME]");

    QStringList args = arguments;
    args.prepend(QStringLiteral("llmproxy"));
    if (!parser.parse(args))
        return finish(kUsage, QStringLiteral("llmproxy audit: %1 (see --help)").arg(parser.errorText()));
    if (parser.isSet(help)) {
        // Without a Q*Application, Qt cannot know the program's name and writes a placeholder.
        std::fputs(qPrintable(parser.helpText().replace(QStringLiteral("<executable_name>"),
                                                        QStringLiteral("llmproxy audit"))),
                   stdout);
        return kOk;
    }
    QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && positional.first() == QLatin1String("audit"))
        positional.removeFirst();
    if (positional != QStringList{QStringLiteral("verify")} || !parser.isSet(file))
        return finish(kUsage, usage);

    QList<AuditAnchor> anchors;
    for (const QString &value : parser.values(anchor)) {
        const std::optional<AuditAnchor> parsed = parseAnchor(value);
        if (!parsed) {
            return finish(kUsage, QStringLiteral("llmproxy audit: --anchor must be SEQUENCE:HASH (64 hex digits), "
                                                 "not \"%1\"")
                                      .arg(value));
        }
        anchors.append(*parsed);
    }
    const QString keyName = parser.isSet(keyEnv) ? parser.value(keyEnv) : QString::fromLatin1(SigningKeyVariable);
    const QByteArray key = signingKeyFromEnvironment(keyName.toLocal8Bit().constData());
    if (parser.isSet(keyEnv) && key.isEmpty())
        return finish(kUsage, QStringLiteral("llmproxy audit: no key: %1 is not set").arg(keyName));

    const QString path = parser.value(file);
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return finish(kUsage, QStringLiteral("llmproxy audit: cannot read %1: %2").arg(path, in.errorString()));
    const AuditVerifyResult result = verifyAuditExport(&in, key, anchors);
    if (!result.ok()) {
        QString message = result.summary(u"line");
        if (result.failure == AuditBreak::SignatureInvalid && !parser.isSet(keyEnv))
            message += QStringLiteral(" (%1 is set, so signatures are required)").arg(keyName);
        return finish(kBroken, message);
    }
    QString message = result.summary(u"line");
    if (const qint64 checkpoint = result.head.sequence - result.entries; checkpoint > 0)
        message += QStringLiteral(", from the checkpoint at sequence %1").arg(checkpoint);
    if (!key.isEmpty())
        message += QStringLiteral(", signatures valid");
    return finish(kOk, message);
}

} // namespace llmproxy
