// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/observability/logger.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <atomic>
#include <cstdio>
#include <unistd.h>

namespace llmproxy::logging {

namespace {
// Qt's message handler is a plain function pointer, so its settings have to live at namespace
// scope; they are atomics written at start-up and on reload only.
std::atomic<int> g_format{int(Format::Text)};
std::atomic<int> g_level{int(Level::Info)};

const char *levelName(Level l)
{
    switch (l) {
    case Level::Debug:
        return "debug";
    case Level::Info:
        return "info";
    case Level::Warning:
        return "warning";
    case Level::Error:
        return "error";
    }
    return "info";
}

void writeLine(const QByteArray &line)
{
    // One write(2) per line: atomic for lines below PIPE_BUF, never interleaved mid-line.
    const char *p = line.constData();
    qsizetype left = line.size();
    while (left > 0) {
        const ssize_t n = ::write(STDERR_FILENO, p, size_t(left));
        if (n <= 0)
            return;
        p += n;
        left -= n;
    }
}

QByteArray timestamp()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
}

void emitLine(Level level, QByteArrayView logger, const QString &message, const QJsonObject &fields = {})
{
    if (int(level) < g_level.load(std::memory_order_relaxed))
        return;
    if (Format(g_format.load(std::memory_order_relaxed)) == Format::Json) {
        QJsonObject o = fields;
        o.insert(QStringLiteral("ts"), QString::fromLatin1(timestamp()));
        o.insert(QStringLiteral("level"), QLatin1String(levelName(level)));
        o.insert(QStringLiteral("logger"), QString::fromLatin1(logger));
        o.insert(QStringLiteral("msg"), message);
        writeLine(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
        return;
    }
    QByteArray line = timestamp() + ' ' + QByteArray(levelName(level)).toUpper().leftJustified(7) + ' ';
    // One entry per line, so log collectors never split an entry: escape line breaks.
    line += message.toUtf8().replace('\\', "\\\\").replace('\n', "\\n").replace('\r', "\\r");
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        line += ' ';
        line += it.key().toUtf8();
        line += '=';
        const QJsonValue v = it.value();
        if (v.isString())
            line += v.toString().toUtf8();
        else if (v.isBool())
            line += v.toBool() ? "true" : "false";
        else
            line += QByteArray::number(v.toDouble(), 'g', 12);
    }
    line += '\n';
    writeLine(line);
}

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    Level level = Level::Info;
    switch (type) {
    case QtDebugMsg:
        level = Level::Debug;
        break;
    case QtInfoMsg:
        level = Level::Info;
        break;
    case QtWarningMsg:
        level = Level::Warning;
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        level = Level::Error;
        break;
    }
    const QByteArrayView category = context.category && qstrcmp(context.category, "default") != 0
                                        ? QByteArrayView(context.category)
                                        : QByteArrayView("llmproxy");
    emitLine(level, category, redactSecrets(message));
}
} // namespace

void install(Format format, Level level)
{
    configure(format, level);
    qInstallMessageHandler(messageHandler);
}

void configure(Format format, Level level)
{
    g_format.store(int(format));
    g_level.store(int(level));
}

Format parseFormat(const QString &text, bool *ok)
{
    const QString t = text.trimmed().toLower();
    if (ok)
        *ok = t == u"json" || t == u"text";
    return t == u"json" ? Format::Json : Format::Text;
}

Level parseLevel(const QString &text, bool *ok)
{
    const QString t = text.trimmed().toLower();
    if (ok)
        *ok = true;
    if (t == u"debug")
        return Level::Debug;
    if (t == u"warning" || t == u"warn")
        return Level::Warning;
    if (t == u"error")
        return Level::Error;
    if (ok)
        *ok = t == u"info";
    return Level::Info;
}

void logRequest(const RequestRecord &r)
{
    if (int(Level::Info) < g_level.load(std::memory_order_relaxed))
        return;
    QJsonObject f{{QStringLiteral("request_id"), r.requestId},
                  {QStringLiteral("method"), r.method},
                  {QStringLiteral("route"), r.route},
                  {QStringLiteral("status"), r.status},
                  {QStringLiteral("duration_ms"), qRound(r.latencyMs * 1000) / 1000.0},
                  {QStringLiteral("overhead_ms"), qRound(r.overheadMs * 1000) / 1000.0}};
    if (!r.model.isEmpty())
        f.insert(QStringLiteral("model"), r.model);
    if (!r.servedModel.isEmpty() && r.servedModel != r.model)
        f.insert(QStringLiteral("served_model"), r.servedModel);
    if (!r.keyName.isEmpty())
        f.insert(QStringLiteral("key"), r.keyName);
    if (!r.provider.isEmpty())
        f.insert(QStringLiteral("provider"), r.provider);
    if (!r.endpoint.isEmpty())
        f.insert(QStringLiteral("endpoint"), r.endpoint);
    if (r.costUsd >= 0)
        f.insert(QStringLiteral("cost_usd"), qRound64(r.costUsd * 1e6) / 1e6);
    if (r.attempts > 1)
        f.insert(QStringLiteral("attempts"), r.attempts);
    if (r.stream)
        f.insert(QStringLiteral("stream"), true);
    if (r.promptTokens >= 0)
        f.insert(QStringLiteral("input_tokens"), r.promptTokens);
    if (r.completionTokens >= 0)
        f.insert(QStringLiteral("output_tokens"), r.completionTokens);
    if (!r.error.isEmpty())
        f.insert(QStringLiteral("error"), r.error);
    if (!r.blockedBy.isEmpty())
        f.insert(QStringLiteral("blocked_by"), r.blockedBy);
    if (r.cacheHit)
        f.insert(QStringLiteral("cache"), QStringLiteral("hit"));
    emitLine(r.status >= 500 ? Level::Warning : Level::Info, "llmproxy.access", QStringLiteral("request"), f);
}

QString redactSecrets(QString text)
{
    static const QRegularExpression secret(
        QStringLiteral(R"((sk-[A-Za-z0-9_\-]{6})[A-Za-z0-9_\-]+|((?:Bearer|bearer)\s+)[^\s"',]+)"));
    return text.replace(secret, QStringLiteral("\\1\\2***"));
}

} // namespace llmproxy::logging
