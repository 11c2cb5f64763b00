// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "app/auditcommand.h"

#include "proxycore/config/postgresdsn.h"
#include "proxycore/security/responsesignature.h"
#include "proxycore/store/auditexport.h"
#include "proxycore/store/sqlauditstore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>

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

/// Where the chain to verify is.
struct ChainSource
{
    QString file;                             ///< an export
    std::optional<DatabaseSettings> database; ///< or a database
};

/// The database `--data-dir`, `--dsn-env` or `--dsn` names; nullopt with `error` when it cannot be
/// named (no file there, an unset variable, an unreadable connection string).
std::optional<DatabaseSettings> databaseOf(const QString &dataDir, const QString &dsnEnv, const QString &dsn,
                                           QString *error)
{
    DatabaseSettings settings;
    if (!dataDir.isEmpty()) {
        settings.sqlitePath = QDir(dataDir).filePath(QStringLiteral("llmproxy.db"));
        if (!QFileInfo(settings.sqlitePath).isFile()) {
            *error = QStringLiteral("no database at %1").arg(settings.sqlitePath);
            return std::nullopt;
        }
        return settings;
    }
    QString text = dsn;
    if (!dsnEnv.isEmpty()) {
        text = qEnvironmentVariable(dsnEnv.toLocal8Bit().constData());
        if (text.isEmpty()) {
            *error = QStringLiteral("%1 is not set").arg(dsnEnv);
            return std::nullopt;
        }
    }
    const std::optional<PostgresDsn> parsed = parsePostgresDsn(text, error);
    if (!parsed)
        return std::nullopt;
    settings.dialect = SqlDialect::Postgres;
    settings.postgres = *parsed;
    return settings;
}

/// Verifies the chain in `settings`' audit tables, from its checkpoint; the usage code with `error`
/// when the database cannot be read.
std::optional<AuditVerifyResult> verifyDatabase(const DatabaseSettings &settings, AuditVerifyOptions options,
                                                QString *error)
{
    DatabaseConnection connection(settings, QStringLiteral("audit-verify"));
    if (!connection.open(error) || !SqlAuditStore::hasAuditTables(connection, error))
        return std::nullopt;
    SqlAuditStore store(connection);
    const std::optional<AuditSnapshot> snapshot = store.snapshot(error);
    if (!snapshot)
        return std::nullopt;
    options.checkpoint = snapshot->checkpoint;
    return verifyAuditChain(snapshot->rows, options);
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
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("A data directory: verify the ledger in its SQLite llmproxy.db."),
                                     QStringLiteral("dir"));
    const QCommandLineOption dsnEnv(QStringLiteral("dsn-env"),
                                    QStringLiteral("Environment variable holding a PostgreSQL connection string: "
                                                   "verify the ledger in that database."),
                                    QStringLiteral("name"));
    const QCommandLineOption dsn(QStringLiteral("dsn"),
                                 QStringLiteral("A PostgreSQL connection string (visible to other users of this "
                                                "machine; prefer --dsn-env)."),
                                 QStringLiteral("dsn"));
    parser.addOptions({help, file, dataDir, dsnEnv, dsn, anchor, keyEnv});
    parser.addPositionalArgument(QStringLiteral("verify"), QStringLiteral("The action (only verify for now)."));
    const QString usage =
        QStringLiteral("usage: llmproxy audit verify (--file <export.jsonl> | --data-dir <dir> | --dsn-env <name> | "
                       "--dsn <dsn>) [--anchor SEQUENCE:HASH] [--key-env NAME]");

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
    const int sources =
        int(parser.isSet(file)) + int(parser.isSet(dataDir)) + int(parser.isSet(dsnEnv)) + int(parser.isSet(dsn));
    if (positional != QStringList{QStringLiteral("verify")} || sources != 1)
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

    AuditVerifyResult result;
    const QString locationName = parser.isSet(file) ? QStringLiteral("line") : QStringLiteral("row");
    if (parser.isSet(file)) {
        const QString path = parser.value(file);
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            return finish(kUsage, QStringLiteral("llmproxy audit: cannot read %1: %2").arg(path, in.errorString()));
        result = verifyAuditExport(&in, key, anchors);
    } else {
        QString error;
        const std::optional<DatabaseSettings> settings =
            databaseOf(parser.value(dataDir), parser.value(dsnEnv), parser.value(dsn), &error);
        AuditVerifyOptions options;
        options.anchors = anchors;
        options.key = key;
        const std::optional<AuditVerifyResult> verified =
            settings ? verifyDatabase(*settings, options, &error) : std::nullopt;
        if (!verified)
            return finish(kUsage, QStringLiteral("llmproxy audit: cannot read the audit ledger: %1").arg(error));
        result = *verified;
    }
    if (!result.ok()) {
        QString message = result.summary(locationName);
        if (result.failure == AuditBreak::SignatureInvalid && !parser.isSet(keyEnv))
            message += QStringLiteral(" (%1 is set, so signatures are required)").arg(keyName);
        return finish(kBroken, message);
    }
    QString message = result.summary(locationName);
    if (const qint64 checkpoint = result.head.sequence - result.entries; checkpoint > 0)
        message += QStringLiteral(", from the checkpoint at sequence %1").arg(checkpoint);
    if (!key.isEmpty())
        message += QStringLiteral(", signatures valid");
    return finish(kOk, message);
}

} // namespace llmproxy
