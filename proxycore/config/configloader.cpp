// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configloader.h"

#include "proxycore/config/dotenv.h"

#include "proxycore/providers/providerpreset.h"
#include "proxycore/routing/strategy.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <limits>
#include <utility>

namespace llmproxy {

using namespace Qt::StringLiterals;

QString ConfigDiagnostic::toString() const
{
    QString where = file;
    if (line > 0) {
        where += (where.isEmpty() ? QString() : u":"_s) + QString::number(line);
        if (column > 0)
            where += u':' + QString::number(column);
    }
    return where.isEmpty() ? message : where + u": "_s + message;
}

bool isPlaceholderSecret(QStringView value)
{
    const QStringView v = value.trimmed();
    if (v.isEmpty())
        return true;
    // Example files abbreviate keys as a prefix and an ellipsis: "sk-...", "sk-proj-...", "AIza...", "gsk_...".
    if (v.endsWith(u"...") || v.endsWith(u'\u2026'))
        return true;
    if (v.contains(u"change-me", Qt::CaseInsensitive) || v.contains(u"changeme", Qt::CaseInsensitive) ||
        v.contains(u"change_me", Qt::CaseInsensitive))
        return true;
    // "<your key>" and an unexpanded shell reference such as "${OPENAI_API_KEY}" are never real keys.
    if ((v.startsWith(u'<') && v.endsWith(u'>')) || (v.startsWith(u"${") && v.endsWith(u'}')))
        return true;
    static constexpr QStringView exact[] = {
        u"your-api-key", u"your_api_key", u"your-api-key-here", u"your_api_key_here", u"your-key-here",
        u"api-key",      u"xxx"};
    for (QStringView e : exact) {
        if (v.compare(e, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// ------------------------------------------------------------------------------------------------
// YAML + environment + CLI
// ------------------------------------------------------------------------------------------------

namespace {

constexpr qint64 kIntMax = std::numeric_limits<int>::max();
constexpr qint64 kMaxConfigFileBytes = 16 * 1024 * 1024;

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

QString joinPath(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + u'.' + key;
}

/// How a YAML value looks to a user, for "expected X, got Y" messages.
QString describe(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Null:
        return u"nothing"_s;
    case YAML::NodeType::Sequence:
        return u"a list"_s;
    case YAML::NodeType::Map:
        return u"a mapping"_s;
    case YAML::NodeType::Scalar: {
        QString text = fromStd(node.Scalar());
        if (text.size() > 40)
            text = text.left(37) + u"..."_s;
        // yaml-cpp tags quoted scalars "!"; plain ones "?". Show quotes only where the file has them.
        return node.Tag() == "!" ? u'"' + text + u'"' : text;
    }
    case YAML::NodeType::Undefined:
        break;
    }
    return u"an undefined value"_s;
}

int editDistance(QStringView a, QStringView b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

bool isHeaderToken(QStringView name)
{
    static constexpr QStringView separators = u"()<>@,;:\\\"/[]?={} \t";
    if (name.isEmpty())
        return false;
    for (QChar c : name) {
        if (c.unicode() <= 32 || c.unicode() >= 127 || separators.contains(c))
            return false;
    }
    return true;
}

std::optional<QString> normalizedLogLevel(const QString &raw)
{
    QString v = raw.trimmed().toLower();
    if (v == u"warn")
        v = u"warning"_s;
    if (v == u"debug" || v == u"info" || v == u"warning" || v == u"error")
        return v;
    return std::nullopt;
}

std::optional<QString> normalizedLogFormat(const QString &raw)
{
    const QString v = raw.trimmed().toLower();
    if (v == u"text" || v == u"json")
        return v;
    return std::nullopt;
}

/// "30s", "500ms", "2m", "1h" or a bare number of seconds → milliseconds.
std::optional<qint64> parseDurationMs(const QString &raw)
{
    const QRegularExpression re(u"^\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?\\s*$"_s);
    const QRegularExpressionMatch m = re.match(raw);
    if (!m.hasMatch())
        return std::nullopt;
    const double value = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    const double factor = unit == u"ms" ? 1.0 : unit == u"m" ? 60'000.0 : unit == u"h" ? 3'600'000.0 : 1000.0;
    const double ms = value * factor;
    if (ms < 1.0 || ms > double(kIntMax))
        return std::nullopt;
    return qint64(ms);
}

std::optional<bool> parseBoolText(const QString &raw)
{
    const QString v = raw.trimmed().toLower();
    if (v == u"true" || v == u"yes" || v == u"on" || v == u"1")
        return true;
    if (v == u"false" || v == u"no" || v == u"off" || v == u"0")
        return false;
    return std::nullopt;
}

QString rangeText(qint64 min, qint64 max)
{
    if (max >= kIntMax) {
        if (min == 0)
            return u"a non-negative integer"_s;
        if (min == 1)
            return u"a positive integer"_s;
        return u"an integer of at least %1"_s.arg(min);
    }
    return u"an integer between %1 and %2"_s.arg(min).arg(max);
}

QStringList splitCsv(const QString &raw)
{
    QStringList out;
    for (const QString &part : raw.split(u',')) {
        const QString item = part.trimmed();
        if (!item.isEmpty() && !out.contains(item))
            out << item;
    }
    return out;
}

/// Heuristic for a secret written where a variable name belongs: well-known key prefixes, or a long
/// token mixing lower case and digits (variable names are conventionally upper case).
bool looksLikeSecret(const QString &value)
{
    static constexpr QStringView prefixes[] = {u"sk-", u"sk_", u"gsk_", u"AIza", u"xai-", u"pplx-", u"fw_", u"tgp_"};
    for (QStringView p : prefixes) {
        if (value.startsWith(p))
            return true;
    }
    bool lower = false, digit = false;
    for (QChar c : value) {
        lower = lower || c.isLower();
        digit = digit || c.isDigit();
    }
    return value.size() >= 32 && lower && digit;
}

/// A value in the file with the place it was written.
struct Entry
{
    QString path;       ///< dotted key path for messages, e.g. "server.port"
    YAML::Mark keyMark; ///< where the key is (used when the value has no position of its own)
    YAML::Node value;
};

/// One loadConfig() run. Collects diagnostics instead of throwing so that a user sees every problem
/// in the file at once.
class Loader
{
public:
    explicit Loader(const ConfigSources &sources) : m_sources(sources) {}

    ConfigLoadResult run()
    {
        try {
            runUnchecked();
        } catch (const std::exception &e) {
            addError({m_filePath, 0, 0, u"internal error while loading configuration: %1"_s.arg(fromStd(e.what()))});
        } catch (...) {
            addError({m_filePath, 0, 0, u"internal error while loading configuration"_s});
        }
        sortByPosition(m_result.errors);
        sortByPosition(m_result.warnings);
        if (m_result.errors.isEmpty())
            m_result.config = std::move(m_config);
        return std::move(m_result);
    }

private:
    QList<YAML::Mark> m_clientKeyMarks; ///< where each of server.auth.keys was defined

    struct FileEndpoint
    {
        EndpointConfig config;
        YAML::Mark mark;
    };

    void runUnchecked()
    {
        loadEnvironment();
        if (!resolveConfigPath())
            return;
        if (!m_filePath.isEmpty()) {
            if (!loadFile())
                return;
            m_config.sourcePath = m_filePath;
        }
        applyEnvironment();
        applyCli();
        checkReferences();
    }

    // -- diagnostics ------------------------------------------------------------------------------

    /// Sections are applied in a fixed order; report the file's problems in reading order instead,
    /// followed by those from the environment and the command line.
    void sortByPosition(QList<ConfigDiagnostic> &list) const
    {
        const auto inFile = [this](const ConfigDiagnostic &d) { return d.file == m_filePath && d.line > 0; };
        const auto fileEnd = std::stable_partition(list.begin(), list.end(), inFile);
        std::stable_sort(list.begin(), fileEnd, [](const ConfigDiagnostic &a, const ConfigDiagnostic &b) {
            return std::pair(a.line, a.column) < std::pair(b.line, b.column);
        });
    }

    void addError(ConfigDiagnostic d) { m_result.errors.append(std::move(d)); }
    void addWarning(ConfigDiagnostic d) { m_result.warnings.append(std::move(d)); }

    ConfigDiagnostic at(const YAML::Mark &mark, const QString &message) const
    {
        if (mark.is_null())
            return {m_filePath, 0, 0, message};
        return {m_filePath, mark.line + 1, mark.column + 1, message};
    }
    void fileError(const YAML::Mark &mark, const QString &message) { addError(at(mark, message)); }
    void fileWarning(const YAML::Mark &mark, const QString &message) { addWarning(at(mark, message)); }

    static YAML::Mark markOf(const Entry &e)
    {
        if (!e.value.IsDefined() || e.value.IsNull())
            return e.keyMark;
        const YAML::Mark m = e.value.Mark();
        return m.is_null() ? e.keyMark : m;
    }

    /// Environment diagnostics point at the .env file when the value came from there.
    ConfigDiagnostic envDiagnostic(const QString &var, const QString &message) const
    {
        if (m_fromDotenv.contains(var))
            return {m_dotenvPath, 0, 0, var + u": "_s + message};
        return {QString(), 0, 0, u"environment variable "_s + var + u": "_s + message};
    }
    void envError(const QString &var, const QString &message) { addError(envDiagnostic(var, message)); }
    void envWarning(const QString &var, const QString &message) { addWarning(envDiagnostic(var, message)); }

    // -- environment ------------------------------------------------------------------------------

    QString baseFilePath(const QString &name) const
    {
        return m_sources.baseDirectory.isEmpty() ? name : QDir(m_sources.baseDirectory).filePath(name);
    }

    void loadEnvironment()
    {
        m_env = m_sources.environment;
        m_dotenvPath = m_sources.dotenvPath.isEmpty() ? baseFilePath(u".env"_s) : m_sources.dotenvPath;
        QFile file(m_dotenvPath);
        if (!file.exists())
            return;
        if (!file.open(QIODevice::ReadOnly)) {
            addError({m_dotenvPath, 0, 0, u"cannot read: %1"_s.arg(file.errorString())});
            return;
        }
        const QMap<QString, QString> values = parseDotenv(file.read(kMaxConfigFileBytes));
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            // The real environment always wins: .env only fills gaps.
            if (m_env.contains(it.key()))
                continue;
            m_env.insert(it.key(), it.value());
            m_fromDotenv.insert(it.key());
        }
    }

    QString env(const QString &name) const { return m_env.value(name); }

    // -- file -------------------------------------------------------------------------------------

    bool resolveConfigPath()
    {
        QString path = m_sources.configPath;
        bool isExplicit = m_sources.configPathExplicit;
        if (path.isEmpty() && !env(u"LLM_PROXY_CONFIG"_s).isEmpty()) {
            path = env(u"LLM_PROXY_CONFIG"_s);
            isExplicit = true;
        }
        if (path.isEmpty()) {
            const QString candidate = baseFilePath(u"config.yaml"_s);
            if (QFileInfo(candidate).isFile())
                m_filePath = candidate;
            return true;
        }
        m_filePath = path;
        const QFileInfo info(path);
        if (!info.exists()) {
            if (isExplicit) {
                addError({path, 0, 0, u"configuration file not found"_s});
                return false;
            }
            m_filePath.clear();
            return true;
        }
        if (info.isDir()) {
            addError({path, 0, 0, u"is a directory, expected a YAML file"_s});
            return false;
        }
        return true;
    }

    bool loadFile()
    {
        QFile file(m_filePath);
        if (!file.open(QIODevice::ReadOnly)) {
            addError({m_filePath, 0, 0, u"cannot read configuration file: %1"_s.arg(file.errorString())});
            return false;
        }
        if (file.size() > kMaxConfigFileBytes) {
            addError({m_filePath, 0, 0, u"configuration file is larger than 16 MiB"_s});
            return false;
        }
        const QByteArray bytes = file.readAll();
        YAML::Node root;
        try {
            root = YAML::Load(bytes.toStdString());
        } catch (const YAML::Exception &e) {
            QString message = u"YAML syntax error: %1"_s.arg(fromStd(e.msg));
            if (e.msg == YAML::ErrorMsg::MAP_VALUE) // the usual cause is not obvious from yaml-cpp's text
                message += u" (check the indentation of this line, or quote a value that contains \": \")"_s;
            fileError(e.mark, message);
            return false;
        }
        try {
            parseRoot(root);
        } catch (const YAML::Exception &e) {
            fileError(e.mark, u"cannot interpret configuration: %1"_s.arg(fromStd(e.msg)));
            return false;
        }
        applySeedCompatibility();
        return true;
    }

    // -- generic YAML readers ---------------------------------------------------------------------

    bool isMapping(const Entry &e)
    {
        if (e.value.IsNull() || !e.value.IsDefined())
            return false;
        if (!e.value.IsMap()) {
            fileError(markOf(e), u"%1: expected a mapping, got %2"_s.arg(e.path, describe(e.value)));
            return false;
        }
        return true;
    }

    /// Calls `handle` for every key of a mapping that is in `known`; warns about the others with a
    /// "did you mean" hint, and rejects duplicate keys (YAML forbids them and yaml-cpp keeps both).
    void forEachKey(const Entry &section, std::initializer_list<QStringView> known,
                    const std::function<void(const QString &, const Entry &)> &handle)
    {
        QSet<QString> seen;
        for (auto it = section.value.begin(); it != section.value.end(); ++it) {
            const YAML::Node keyNode = it->first;
            if (!keyNode.IsScalar()) {
                fileError(keyNode.Mark(),
                          u"%1: keys must be plain names, got %2"_s.arg(
                              section.path.isEmpty() ? u"top level"_s : section.path, describe(keyNode)));
                continue;
            }
            const QString key = fromStd(keyNode.Scalar());
            const Entry child{joinPath(section.path, key), keyNode.Mark(), it->second};
            if (seen.contains(key)) {
                fileError(keyNode.Mark(), u"duplicate key \"%1\""_s.arg(child.path));
                continue;
            }
            seen.insert(key);
            bool isKnown = false;
            for (QStringView k : known) {
                if (k == key) {
                    isKnown = true;
                    break;
                }
            }
            if (isKnown) {
                handle(key, child);
                continue;
            }
            QString hint;
            int best = 3;
            for (QStringView k : known) {
                const int d = editDistance(key, k);
                if (d < best) {
                    best = d;
                    hint = u"; did you mean \"%1\"?"_s.arg(k.toString());
                }
            }
            const QString where = section.path.isEmpty() ? u"unknown top-level key \"%1\""_s.arg(key)
                                                         : u"unknown key \"%1\" in %2"_s.arg(key, section.path);
            fileWarning(keyNode.Mark(), where + u" (ignored)"_s + hint);
        }
    }

    std::optional<QString> readString(const Entry &e)
    {
        if (e.value.IsNull() || !e.value.IsDefined())
            return std::nullopt;
        if (!e.value.IsScalar()) {
            fileError(markOf(e), u"%1: expected a string, got %2"_s.arg(e.path, describe(e.value)));
            return std::nullopt;
        }
        return fromStd(e.value.Scalar());
    }

    std::optional<QString> readNonEmptyString(const Entry &e)
    {
        std::optional<QString> s = readString(e);
        if (s && s->trimmed().isEmpty()) {
            fileError(markOf(e), u"%1: must not be empty"_s.arg(e.path));
            return std::nullopt;
        }
        if (s)
            return s->trimmed();
        return s;
    }

    /// The name of an environment variable. A key pasted here by mistake is not echoed in the message,
    /// which ends up in logs.
    std::optional<QString> readEnvName(const Entry &e)
    {
        const std::optional<QString> v = readNonEmptyString(e);
        if (!v)
            return v;
        if (looksLikeSecret(*v)) {
            fileError(markOf(e),
                      u"%1: expected the name of an environment variable such as OPENAI_API_KEY; the "
                      u"value looks like a key itself (put the key into that variable instead)"_s.arg(e.path));
            return std::nullopt;
        }
        if (!isDotenvKey(v->toLatin1())) {
            fileError(markOf(e), u"%1: expected the name of an environment variable (letters, digits and '_'), "
                                 u"got %2"_s.arg(e.path, describe(e.value)));
            return std::nullopt;
        }
        return v;
    }

    std::optional<qint64> readInt(const Entry &e, qint64 min, qint64 max)
    {
        if (e.value.IsNull() || !e.value.IsDefined())
            return std::nullopt;
        bool ok = false;
        qint64 v = 0;
        if (e.value.IsScalar())
            v = fromStd(e.value.Scalar()).trimmed().toLongLong(&ok, 10);
        if (!ok || v < min || v > max) {
            fileError(markOf(e), u"%1: expected %2, got %3"_s.arg(e.path, rangeText(min, max), describe(e.value)));
            return std::nullopt;
        }
        return v;
    }

    std::optional<bool> readBool(const Entry &e)
    {
        if (e.value.IsNull() || !e.value.IsDefined())
            return std::nullopt;
        std::optional<bool> v;
        if (e.value.IsScalar())
            v = parseBoolText(fromStd(e.value.Scalar()));
        if (!v)
            fileError(markOf(e), u"%1: expected true or false, got %2"_s.arg(e.path, describe(e.value)));
        return v;
    }

    std::optional<double> readNumber(const Entry &e, double min)
    {
        if (e.value.IsNull() || !e.value.IsDefined())
            return std::nullopt;
        bool ok = false;
        double v = 0;
        if (e.value.IsScalar())
            v = fromStd(e.value.Scalar()).trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < min) {
            fileError(markOf(e),
                      u"%1: expected a number of at least %2, got %3"_s.arg(e.path).arg(min).arg(describe(e.value)));
            return std::nullopt;
        }
        return v;
    }

    std::optional<QStringList> readStringList(const Entry &e, const QString &what)
    {
        if (e.value.IsNull() || !e.value.IsDefined())
            return std::nullopt;
        if (!e.value.IsSequence()) {
            fileError(markOf(e), u"%1: expected a list of %2, got %3"_s.arg(e.path, what, describe(e.value)));
            return std::nullopt;
        }
        QStringList out;
        bool ok = true;
        for (std::size_t i = 0; i < e.value.size(); ++i) {
            const YAML::Node item = e.value[i];
            const QString itemPath = u"%1[%2]"_s.arg(e.path).arg(i);
            if (!item.IsScalar() || fromStd(item.Scalar()).trimmed().isEmpty()) {
                fileError(item.Mark().is_null() ? markOf(e) : item.Mark(),
                          u"%1: expected a non-empty string, got %2"_s.arg(itemPath, describe(item)));
                ok = false;
                continue;
            }
            const QString s = fromStd(item.Scalar()).trimmed();
            if (!out.contains(s))
                out << s;
        }
        return ok ? std::optional<QStringList>(out) : std::nullopt;
    }

    // -- sections ---------------------------------------------------------------------------------

    void parseRoot(const YAML::Node &root)
    {
        if (root.IsNull() || !root.IsDefined())
            return; // an empty file: defaults
        if (!root.IsMap()) {
            fileError(root.Mark(),
                      u"expected a mapping of sections (server:, endpoints:, ...) at the top level, got %1"_s.arg(
                          describe(root)));
            return;
        }
        const Entry top{QString(), root.Mark(), root};
        // Collected first so sections are applied in a fixed order whatever their order in the file.
        // Sections after rate_limiting are read by later features (or are the reference system's);
        // they are accepted without warnings so that a file written for the whole product validates.
        QMap<QString, Entry> sections;
        forEachKey(
            top,
            {u"server",          u"upstream",     u"endpoints",     u"logging",  u"discovery",      u"fallback_chains",
             u"model_aliases",   u"budget",       u"rate_limiting", u"security", u"caching",        u"plugins",
             u"identity",        u"webhooks",     u"observability", u"gdpr",     u"pricing",        u"routing",
             u"circuit_breaker", u"model_groups", u"metrics",       u"storage",  u"connection_pool"},
            [&](const QString &key, const Entry &e) { sections.insert(key, e); });

        const auto section = [&](const QString &name) -> std::optional<Entry> {
            const auto it = sections.constFind(name);
            if (it == sections.cend())
                return std::nullopt;
            return *it;
        };
        if (auto e = section(u"server"_s))
            parseServer(*e);
        if (auto e = section(u"upstream"_s))
            parseUpstream(*e);
        if (auto e = section(u"logging"_s))
            parseLogging(*e);
        if (auto e = section(u"discovery"_s))
            parseDiscovery(*e);
        if (auto e = section(u"routing"_s))
            parseRouting(*e);
        if (auto e = section(u"circuit_breaker"_s))
            parseCircuitBreaker(*e);
        if (auto e = section(u"budget"_s))
            parseBudget(*e);
        if (auto e = section(u"pricing"_s))
            parsePricing(*e);
        if (auto e = section(u"rate_limiting"_s))
            parseRateLimiting(*e);
        if (auto e = section(u"security"_s))
            parseSeedSecurity(*e);
        if (auto e = section(u"connection_pool"_s))
            parseSeedConnectionPool(*e);
        if (auto e = section(u"endpoints"_s))
            parseEndpoints(*e);
        if (auto e = section(u"fallback_chains"_s))
            parseFallbackChains(*e);
        if (auto e = section(u"model_aliases"_s))
            parseModelAliases(*e);
    }

    void parseServer(const Entry &section)
    {
        if (!isMapping(section))
            return;
        ServerConfig &s = m_config.server;
        forEachKey(section,
                   {u"host", u"port", u"workers", u"shutdown_grace_ms", u"limits", u"auth", u"timeout",
                    // Keys of the reference system's server section that have no counterpart yet.
                    u"cors_origins", u"tls", u"keep_alive", u"admin_auth", u"metrics", u"storage", u"admin", u"vllm"},
                   [&](const QString &key, const Entry &e) {
                       if (key == u"host") {
                           if (auto v = readNonEmptyString(e))
                               s.host = *v;
                       } else if (key == u"port") {
                           if (auto v = readInt(e, 1, 65535))
                               s.port = quint16(*v);
                       } else if (key == u"workers") {
                           if (auto v = readInt(e, 0, 1024))
                               s.workers = int(*v);
                       } else if (key == u"shutdown_grace_ms") {
                           if (auto v = readInt(e, 0, kIntMax))
                               s.shutdownGraceMs = int(*v);
                       } else if (key == u"limits") {
                           parseLimits(e);
                       } else if (key == u"auth") {
                           parseAuth(e);
                       } else if (key == u"timeout") {
                           parseSeedTimeout(e);
                       } else if (key == u"tls") {
                           if (e.value.IsMap() && e.value["enabled"].IsScalar() &&
                               parseBoolText(fromStd(e.value["enabled"].Scalar())).value_or(false))
                               fileWarning(e.keyMark, u"server.tls is not supported: LLMProxy serves plain HTTP; "
                                                      u"terminate TLS in a reverse proxy in front of it"_s);
                       }
                   });
    }

    void parseLimits(const Entry &section)
    {
        if (!isMapping(section))
            return;
        ServerLimits &l = m_config.server.limits;
        forEachKey(section,
                   {u"max_body_bytes", u"max_header_bytes", u"header_timeout_ms", u"body_timeout_ms",
                    u"idle_timeout_ms", u"max_connections"},
                   [&](const QString &key, const Entry &e) {
                       if (key == u"max_body_bytes") {
                           if (auto v = readInt(e, 1, std::numeric_limits<qint64>::max())) {
                               l.maxBodyBytes = *v;
                               m_maxBodyExplicit = true;
                           }
                       } else if (key == u"max_header_bytes") {
                           if (auto v = readInt(e, 1024, kIntMax))
                               l.maxHeaderBytes = int(*v);
                       } else if (key == u"header_timeout_ms") {
                           if (auto v = readInt(e, 1, kIntMax))
                               l.headerTimeoutMs = int(*v);
                       } else if (key == u"body_timeout_ms") {
                           if (auto v = readInt(e, 1, kIntMax))
                               l.bodyTimeoutMs = int(*v);
                       } else if (key == u"idle_timeout_ms") {
                           if (auto v = readInt(e, 1, kIntMax))
                               l.idleTimeoutMs = int(*v);
                       } else if (key == u"max_connections") {
                           if (auto v = readInt(e, 1, kIntMax))
                               l.maxConnections = int(*v);
                       }
                   });
    }

    void parseAuth(const Entry &section)
    {
        if (!isMapping(section))
            return;
        forEachKey(section, {u"api_keys_env", u"admin_keys_env", u"enabled", u"keys"},
                   [&](const QString &key, const Entry &e) {
                       if (key == u"enabled") {
                           // The reference system could switch auth off here; keys in the environment always apply.
                           readBool(e);
                           return;
                       }
                       if (key == u"keys") {
                           parseClientKeys(e);
                           return;
                       }
                       if (const std::optional<QString> v = readEnvName(e))
                           (key == u"api_keys_env" ? m_config.server.apiKeysEnv : m_config.server.adminKeysEnv) = *v;
                   });
    }

    /// server.auth.keys: named client keys, each from a variable (key_env) or as the SHA-256 of
    /// the key (key_sha256), with the models it may use. A key that cannot be resolved is an
    /// error, never a key that is silently dropped: with every key gone, auth would be off.
    void parseClientKeys(const Entry &section)
    {
        if (section.value.IsNull())
            return;
        if (!section.value.IsSequence()) {
            fileError(markOf(section), u"%1: expected a list of keys (name, key_env or key_sha256, models), got %2"_s.arg(
                                           section.path, describe(section.value)));
            return;
        }
        for (std::size_t i = 0; i < section.value.size(); ++i) {
            const Entry e{u"%1[%2]"_s.arg(section.path).arg(i), section.value[i].Mark(), section.value[i]};
            if (!e.value.IsMap()) {
                fileError(markOf(e), u"%1: expected a mapping with name, key_env or key_sha256, and models, got %2"_s.arg(
                                         e.path, describe(e.value)));
                continue;
            }
            const int errorsBefore = int(m_result.errors.size());
            ClientKeyConfig k;
            std::optional<Entry> hashEntry;
            bool hasModels = false;
            forEachKey(e, {u"name", u"key_env", u"key_sha256", u"models"}, [&](const QString &key, const Entry &f) {
                if (key == u"name") {
                    if (auto v = readNonEmptyString(f)) {
                        if (isValidEndpointId(*v))
                            k.name = *v;
                        else
                            fileError(markOf(f), u"%1: use letters, digits, '-', '_' or '.', got %2"_s.arg(
                                                     f.path, describe(f.value)));
                    }
                } else if (key == u"key_env") {
                    if (auto v = readEnvName(f))
                        k.keyEnv = *v;
                } else if (key == u"key_sha256") {
                    hashEntry = f;
                    if (auto v = readNonEmptyString(f)) {
                        const QByteArray hex = v->toLatin1().toLower();
                        static const QRegularExpression hexDigest(u"^[0-9a-f]{64}$"_s);
                        if (hexDigest.match(QString::fromLatin1(hex)).hasMatch())
                            k.sha256 = QByteArray::fromHex(hex);
                        else
                            fileError(markOf(f), u"%1: expected 64 hexadecimal digits (the output of "
                                                 u"'printf %s KEY | sha256sum')"_s.arg(f.path));
                    }
                } else if (key == u"models") {
                    hasModels = true;
                    if (auto v = readStringList(f, u"model names or patterns"_s))
                        k.models = *v;
                }
            });
            if (int(m_result.errors.size()) != errorsBefore)
                continue;
            if (k.name.isEmpty()) {
                fileError(markOf(e), u"%1: name is required (it identifies the key in logs)"_s.arg(e.path));
                continue;
            }
            if (k.keyEnv.isEmpty() == k.sha256.isEmpty()) {
                fileError(markOf(e), u"%1 (%2): set exactly one of key_env and key_sha256"_s.arg(e.path, k.name));
                continue;
            }
            if (!hasModels)
                fileWarning(markOf(e), u"%1 (%2): no models list; the key may use every model"_s.arg(e.path, k.name));
            if (k.models.contains(u"*"_s))
                k.models.clear();
            if (!k.keyEnv.isEmpty()) {
                k.key = env(k.keyEnv).trimmed();
                if (k.key.isEmpty()) {
                    fileError(markOf(e), u"%1 (%2): the variable %3 is not set"_s.arg(e.path, k.name, k.keyEnv));
                    continue;
                }
                if (isPlaceholderSecret(k.key)) {
                    fileError(markOf(e), u"%1 (%2): %3 holds a placeholder key; replace it with a real secret"_s.arg(
                                             e.path, k.name, k.keyEnv));
                    continue;
                }
            }
            bool duplicate = false;
            for (const ClientKeyConfig &other : std::as_const(m_config.server.clientKeys)) {
                if (other.name == k.name) {
                    fileError(markOf(e), u"%1: duplicate key name \"%2\""_s.arg(e.path, k.name));
                    duplicate = true;
                    break;
                }
                if (clientKeyDigest(other) == clientKeyDigest(k)) {
                    fileError(markOf(e), u"%1 (%2): the same key as \"%3\""_s.arg(e.path, k.name, other.name));
                    duplicate = true;
                    break;
                }
            }
            if (duplicate)
                continue;
            m_clientKeyMarks.append(markOf(e));
            m_config.server.clientKeys.append(k);
        }
    }

    static QByteArray clientKeyDigest(const ClientKeyConfig &k)
    {
        return k.key.isEmpty() ? k.sha256 : QCryptographicHash::hash(k.key.toUtf8(), QCryptographicHash::Sha256);
    }

    void parseUpstream(const Entry &section)
    {
        if (!isMapping(section))
            return;
        UpstreamConfig &u = m_config.upstream;
        forEachKey(section,
                   {u"connect_timeout_ms", u"first_byte_timeout_ms", u"idle_timeout_ms", u"total_timeout_ms", u"http2",
                    u"max_connections_per_host", u"proxy"},
                   [&](const QString &key, const Entry &e) {
                       if (key == u"connect_timeout_ms") {
                           if (auto v = readInt(e, 1, kIntMax)) {
                               u.connectTimeoutMs = int(*v);
                               m_connectTimeoutExplicit = true;
                           }
                       } else if (key == u"first_byte_timeout_ms") {
                           if (auto v = readInt(e, 1, kIntMax)) {
                               u.firstByteTimeoutMs = int(*v);
                               m_firstByteTimeoutExplicit = true;
                           }
                       } else if (key == u"idle_timeout_ms") {
                           if (auto v = readInt(e, 1, kIntMax)) {
                               u.idleTimeoutMs = int(*v);
                               m_idleTimeoutExplicit = true;
                           }
                       } else if (key == u"total_timeout_ms") {
                           if (auto v = readInt(e, 1, kIntMax))
                               u.totalTimeoutMs = int(*v);
                       } else if (key == u"http2") {
                           if (auto v = readBool(e))
                               u.http2 = *v;
                       } else if (key == u"max_connections_per_host") {
                           if (auto v = readInt(e, 0, kIntMax))
                               u.maxConnectionsPerHost = int(*v);
                       } else if (key == u"proxy") {
                           const std::optional<QString> v = readString(e);
                           if (!v || v->trimmed().isEmpty())
                               return;
                           const QUrl url(v->trimmed(), QUrl::StrictMode);
                           static constexpr QStringView schemes[] = {u"http",    u"https",  u"socks4",
                                                                     u"socks4a", u"socks5", u"socks5h"};
                           bool schemeOk = false;
                           for (QStringView s : schemes)
                               schemeOk = schemeOk || url.scheme().compare(s, Qt::CaseInsensitive) == 0;
                           if (!url.isValid() || !schemeOk || url.host().isEmpty()) {
                               fileError(markOf(e), u"%1: expected a proxy URL such as http://proxy:3128 or "
                                                    u"socks5h://proxy:1080"_s.arg(e.path));
                               return;
                           }
                           u.proxy = v->trimmed();
                       }
                   });
    }

    void parseLogging(const Entry &section)
    {
        if (!isMapping(section))
            return;
        forEachKey(section, {u"format", u"level", u"log_bodies"}, [&](const QString &key, const Entry &e) {
            if (key == u"format") {
                if (auto v = readString(e)) {
                    if (auto f = normalizedLogFormat(*v))
                        m_config.logging.format = *f;
                    else
                        fileError(markOf(e), u"%1: expected text or json, got %2"_s.arg(e.path, describe(e.value)));
                }
            } else if (key == u"level") {
                if (auto v = readString(e)) {
                    if (auto l = normalizedLogLevel(*v))
                        m_config.logging.level = *l;
                    else
                        fileError(markOf(e), u"%1: expected debug, info, warning or error, got %2"_s.arg(
                                                 e.path, describe(e.value)));
                }
            } else if (key == u"log_bodies") {
                if (auto v = readBool(e))
                    m_config.logging.logBodies = *v;
            }
        });
    }

    void parseDiscovery(const Entry &section)
    {
        if (!isMapping(section))
            return;
        forEachKey(section, {u"local_scan", u"scan_interval_s", u"peers"}, [&](const QString &key, const Entry &e) {
            if (key == u"local_scan") {
                if (auto v = readBool(e))
                    m_config.discovery.localScan = *v;
            } else if (key == u"scan_interval_s") {
                if (auto v = readInt(e, 0, kIntMax))
                    m_config.discovery.scanIntervalS = int(*v);
            }
        });
    }

    static bool isStrategyName(const QString &name)
    {
        return strategyFromName(name).has_value();
    }

    void parseStrategy(const Entry &e, QString *out)
    {
        if (auto v = readNonEmptyString(e)) {
            if (isStrategyName(*v))
                *out = v->trimmed().toLower();
            else
                fileError(markOf(e), u"%1: unknown strategy %2; expected priority, weighted, least_latency, "
                                     u"least_busy or cost"_s.arg(e.path, describe(e.value)));
        }
    }

    void parseRouting(const Entry &section)
    {
        if (!isMapping(section))
            return;
        RoutingConfig &r = m_config.routing;
        forEachKey(
            section,
            {u"strategy", u"model_strategies", u"latency_alpha", u"cost_weight", u"retry", u"circuit_breaker",
             u"fallback_on_context_overflow", u"fallback_on_content_policy", u"health",
             // The reference system's keys with no counterpart here.
             u"priority_mode"},
            [&](const QString &key, const Entry &e) {
                if (key == u"strategy") {
                    parseStrategy(e, &r.strategy);
                } else if (key == u"model_strategies") {
                    if (!isMapping(e))
                        return;
                    for (auto it = e.value.begin(); it != e.value.end(); ++it) {
                        const QString model = QString::fromStdString(it->first.as<std::string>());
                        QString strategy;
                        parseStrategy(Entry{e.path + u'.' + model, it->first.Mark(), it->second}, &strategy);
                        if (!strategy.isEmpty())
                            r.modelStrategies.insert(model, strategy);
                    }
                } else if (key == u"latency_alpha") {
                    if (auto v = readNumber(e, 0.0)) {
                        if (*v <= 0.0 || *v > 1.0)
                            fileError(markOf(e), u"%1: expected a number in (0, 1], got %2"_s.arg(e.path).arg(*v));
                        else
                            r.latencyAlpha = *v;
                    }
                } else if (key == u"cost_weight") {
                    if (auto v = readNumber(e, 0.0))
                        r.costWeight = *v;
                } else if (key == u"retry") {
                    if (!isMapping(e))
                        return;
                    forEachKey(e, {u"max_attempts", u"base_delay_ms", u"max_delay_ms", u"budget_ms"},
                               [&](const QString &k, const Entry &f) {
                                   if (k == u"max_attempts") {
                                       if (auto v = readInt(f, 1, 20))
                                           r.maxAttempts = int(*v);
                                   } else if (k == u"base_delay_ms") {
                                       if (auto v = readInt(f, 0, 600'000))
                                           r.retryBaseDelayMs = int(*v);
                                   } else if (k == u"max_delay_ms") {
                                       if (auto v = readInt(f, 0, 600'000))
                                           r.retryMaxDelayMs = int(*v);
                                   } else if (k == u"budget_ms") {
                                       if (auto v = readInt(f, 0, 3'600'000))
                                           r.retryBudgetMs = int(*v);
                                   }
                               });
                } else if (key == u"circuit_breaker") {
                    parseCircuitBreaker(e);
                } else if (key == u"fallback_on_context_overflow") {
                    if (auto v = readBool(e))
                        r.fallbackOnContextOverflow = *v;
                } else if (key == u"fallback_on_content_policy") {
                    if (auto v = readBool(e))
                        r.fallbackOnContentPolicy = *v;
                } else if (key == u"health") {
                    parseHealth(e);
                }
            });
    }

    void parseHealth(const Entry &section)
    {
        if (!isMapping(section))
            return;
        HealthProbeConfig &h = m_config.routing.health;
        forEachKey(section, {u"interval_s", u"mode", u"timeout_ms", u"probe_local"},
                   [&](const QString &key, const Entry &e) {
                       if (key == u"interval_s") {
                           if (auto v = readInt(e, 0, 86'400))
                               h.intervalS = int(*v);
                       } else if (key == u"mode") {
                           if (auto v = readNonEmptyString(e)) {
                               const QString mode = v->trimmed().toLower();
                               if (mode == u"models" || mode == u"completion")
                                   h.mode = mode;
                               else
                                   fileError(markOf(e), u"%1: expected models or completion, got %2"_s.arg(
                                                            e.path, describe(e.value)));
                           }
                       } else if (key == u"timeout_ms") {
                           if (auto v = readInt(e, 100, 600'000))
                               h.timeoutMs = int(*v);
                       } else if (key == u"probe_local") {
                           if (auto v = readBool(e))
                               h.probeLocal = *v;
                       }
                   });
    }

    void parseCircuitBreaker(const Entry &section)
    {
        if (!isMapping(section))
            return;
        RoutingConfig &r = m_config.routing;
        forEachKey(section, {u"failure_threshold", u"recovery_s", u"recovery_timeout"},
                   [&](const QString &key, const Entry &e) {
                       if (key == u"failure_threshold") {
                           if (auto v = readInt(e, 1, 1000))
                               r.breakerFailureThreshold = int(*v);
                       } else if (auto v = readInt(e, 1, 86'400)) {
                           r.breakerRecoveryS = int(*v);
                       }
                   });
    }

    void parseBudget(const Entry &section)
    {
        if (!isMapping(section))
            return;
        BudgetConfig &b = m_config.budget;
        YAML::Mark softMark = section.keyMark;
        forEachKey(section, {u"daily_limit", u"soft_limit", u"fallback_to_local_on_limit", u"local_model"},
                   [&](const QString &key, const Entry &e) {
                       if (key == u"daily_limit") {
                           if (auto v = readNumber(e, 0.0))
                               b.dailyLimit = *v;
                       } else if (key == u"soft_limit") {
                           if (auto v = readNumber(e, 0.0)) {
                               b.softLimit = *v;
                               softMark = markOf(e);
                           }
                       } else if (key == u"fallback_to_local_on_limit") {
                           if (auto v = readBool(e))
                               b.fallbackToLocalOnLimit = *v;
                       } else if (key == u"local_model") {
                           if (auto v = readNonEmptyString(e))
                               b.localModel = *v;
                       }
                   });
        if (b.dailyLimit > 0 && b.softLimit > b.dailyLimit)
            fileWarning(softMark, u"budget.soft_limit (%1) is above budget.daily_limit (%2); the soft limit will "
                                  u"never be reached"_s.arg(b.softLimit)
                                      .arg(b.dailyLimit));
    }

    /// `pricing: {<model>: {input: <USD per 1M tokens>, output: <USD per 1M tokens>}}`.
    void parsePricing(const Entry &section)
    {
        if (!isMapping(section))
            return;
        QMap<QString, int> firstLine; // lower-case model → line of its first definition
        for (auto it = section.value.begin(); it != section.value.end(); ++it) {
            const YAML::Node k = it->first;
            if (!k.IsScalar() || fromStd(k.Scalar()).trimmed().isEmpty()) {
                fileError(k.Mark(), u"pricing: expected a model name as key, got %1"_s.arg(describe(k)));
                continue;
            }
            const QString model = fromStd(k.Scalar()).trimmed();
            const Entry e{joinPath(section.path, model), k.Mark(), it->second};
            // The reference system named a separate price file here; that file is not read.
            if (model == u"pricing_file" && e.value.IsScalar())
                continue;
            const QString lower = model.toLower();
            if (firstLine.contains(lower)) {
                fileError(k.Mark(), u"duplicate model \"%1\" in pricing (first defined at line %2; names are "
                                    u"compared without case)"_s.arg(model)
                                        .arg(firstLine.value(lower)));
                continue;
            }
            firstLine.insert(lower, k.Mark().line + 1);
            if (!e.value.IsMap()) {
                fileError(markOf(e), u"%1: expected {input: <USD per 1M input tokens>, output: <USD per 1M output "
                                     u"tokens>}, got %2"_s.arg(e.path, describe(e.value)));
                continue;
            }
            std::optional<double> input, output;
            bool bad = false;
            forEachKey(e, {u"input", u"output"}, [&](const QString &key, const Entry &f) {
                if (f.value.IsNull())
                    return; // reported as missing below
                const std::optional<double> v = readNumber(f, 0.0);
                bad = bad || !v;
                (key == u"input" ? input : output) = v;
            });
            if (bad)
                continue;
            if (!input || !output) {
                fileError(e.keyMark, u"%1: %2 is required (USD per 1M %2 tokens; 0 when free)"_s.arg(
                                         e.path, input ? u"output"_s : u"input"_s));
                continue;
            }
            m_config.pricing.insert(model, ModelPrice{*input, *output});
        }
    }

    void parseRateLimiting(const Entry &section)
    {
        if (!isMapping(section))
            return;
        RateLimitConfig &r = m_config.rateLimiting;
        forEachKey(section, {u"enabled", u"requests_per_minute", u"burst", u"exempt_paths", u"redis_url"},
                   [&](const QString &key, const Entry &e) {
                       if (key == u"enabled") {
                           if (auto v = readBool(e))
                               r.enabled = *v;
                       } else if (key == u"requests_per_minute") {
                           if (auto v = readInt(e, 1, 1'000'000))
                               r.requestsPerMinute = int(*v);
                       } else if (key == u"burst") {
                           if (auto v = readInt(e, 0, 1'000'000))
                               r.burst = int(*v);
                       }
                   });
    }

    // -- compatibility with the reference system's keys ------------------------------------------

    void parseSeedTimeout(const Entry &e)
    {
        const std::optional<QString> v = readString(e);
        if (!v)
            return;
        const std::optional<qint64> ms = parseDurationMs(*v);
        if (!ms) {
            fileError(markOf(e),
                      u"%1: expected a duration such as 30s, 500ms or 2m, got %2"_s.arg(e.path, describe(e.value)));
            return;
        }
        m_seedTimeoutMs = int(*ms);
    }

    void parseSeedSecurity(const Entry &section)
    {
        // The rest of the section belongs to the security features; only the payload cap maps today.
        if (!section.value.IsMap())
            return;
        const YAML::Node node = section.value["max_payload_size_kb"];
        if (!node.IsDefined())
            return;
        const Entry e{joinPath(section.path, u"max_payload_size_kb"_s), section.keyMark, node};
        if (auto v = readInt(e, 1, std::numeric_limits<qint64>::max() / 1024))
            m_seedMaxBodyBytes = *v * 1024;
    }

    void parseSeedConnectionPool(const Entry &section)
    {
        if (!section.value.IsMap())
            return;
        const YAML::Node node = section.value["connect_timeout"];
        if (!node.IsDefined())
            return;
        const Entry e{joinPath(section.path, u"connect_timeout"_s), section.keyMark, node};
        if (auto v = readNumber(e, 0.001))
            m_seedConnectTimeoutMs = int(std::min(*v * 1000.0, double(kIntMax)));
    }

    /// Keys in our own shape win over the reference system's equivalents wherever both are given.
    void applySeedCompatibility()
    {
        if (m_seedMaxBodyBytes && !m_maxBodyExplicit)
            m_config.server.limits.maxBodyBytes = *m_seedMaxBodyBytes;
        if (m_seedConnectTimeoutMs && !m_connectTimeoutExplicit)
            m_config.upstream.connectTimeoutMs = *m_seedConnectTimeoutMs;
        if (m_seedTimeoutMs) {
            // The reference system's "timeout" bounded connecting and every read, not the whole stream.
            if (!m_connectTimeoutExplicit && !m_seedConnectTimeoutMs)
                m_config.upstream.connectTimeoutMs = *m_seedTimeoutMs;
            if (!m_firstByteTimeoutExplicit)
                m_config.upstream.firstByteTimeoutMs = *m_seedTimeoutMs;
            if (!m_idleTimeoutExplicit)
                m_config.upstream.idleTimeoutMs = *m_seedTimeoutMs;
        }
    }

    // -- endpoints --------------------------------------------------------------------------------

    void parseEndpoints(const Entry &section)
    {
        const YAML::Node &node = section.value;
        if (node.IsNull())
            return;
        if (node.IsMap()) {
            QSet<QString> seen;
            for (auto it = node.begin(); it != node.end(); ++it) {
                const YAML::Node keyNode = it->first;
                if (!keyNode.IsScalar()) {
                    fileError(keyNode.Mark(),
                              u"endpoints: an endpoint id must be a plain name, got %1"_s.arg(describe(keyNode)));
                    continue;
                }
                const QString id = fromStd(keyNode.Scalar()).trimmed();
                parseEndpoint(id, keyNode.Mark(), Entry{u"endpoints."_s + id, keyNode.Mark(), it->second}, false);
            }
            return;
        }
        if (node.IsSequence()) {
            for (std::size_t i = 0; i < node.size(); ++i) {
                const YAML::Node item = node[i];
                const QString path = u"endpoints[%1]"_s.arg(i);
                if (!item.IsMap()) {
                    fileError(
                        item.Mark().is_null() ? section.keyMark : item.Mark(),
                        u"%1: expected a mapping with id, provider, base_url, ..., got %2"_s.arg(path, describe(item)));
                    continue;
                }
                // Never assign one yaml-cpp Node to another here: that writes into the document.
                const YAML::Node idKey = item["id"];
                const YAML::Node nameKey = item["name"];
                const YAML::Node idNode = idKey.IsDefined() && !idKey.IsNull() ? idKey : nameKey;
                if (!idNode.IsDefined() || idNode.IsNull() || !idNode.IsScalar()) {
                    fileError(item.Mark(), u"%1: an endpoint in list form needs an id (or name)"_s.arg(path));
                    continue;
                }
                const QString id = fromStd(idNode.Scalar()).trimmed();
                parseEndpoint(id, idNode.Mark(), Entry{u"endpoints."_s + id, item.Mark(), item}, true);
            }
            return;
        }
        fileError(markOf(section), u"endpoints: expected a mapping of endpoint id to settings (or a list of "
                                   u"endpoints), got %1"_s.arg(describe(node)));
    }

    void parseEndpoint(const QString &id, const YAML::Mark &idMark, const Entry &e, bool listForm)
    {
        if (!isValidEndpointId(id)) {
            fileError(idMark, u"endpoint id \"%1\" is invalid: use letters, digits, '-', '_' or '.'"_s.arg(id));
            return;
        }
        for (const FileEndpoint &other : std::as_const(m_fileEndpoints)) {
            if (other.config.id.compare(id, Qt::CaseInsensitive) == 0) {
                fileError(idMark, u"duplicate endpoint id \"%1\" (first defined at line %2)"_s.arg(id).arg(
                                      other.mark.line + 1));
                return;
            }
        }
        EndpointConfig ep;
        ep.id = id;
        ep.source = u"file"_s;
        if (e.value.IsNull()) {
            // "openai:" on its own: every setting comes from the preset.
        } else if (!e.value.IsMap()) {
            fileError(markOf(e), u"%1: expected a mapping with provider, base_url, models, ..., got %2"_s.arg(
                                     e.path, describe(e.value)));
            return;
        }

        const int errorsBefore = int(m_result.errors.size());
        std::optional<Entry> providerEntry, baseUrlEntry;
        std::optional<QString> provider, baseUrl, apiKey, apiKeyEnv;
        bool authNone = false;
        if (e.value.IsMap()) {
            forEachKey(
                e,
                {u"provider", u"base_url", u"api_key_env", u"api_key", u"models", u"enabled", u"priority", u"headers",
                 u"id", u"name", u"auth_type", u"probe_local", u"rate_limit", u"notes", u"description", u"api_version",
                 u"num_ctx", u"weight", u"cost_per_mtok", u"probe"},
                [&](const QString &key, const Entry &f) {
                    if (key == u"provider") {
                        provider = readNonEmptyString(f);
                        providerEntry = f;
                    } else if (key == u"base_url") {
                        baseUrl = readNonEmptyString(f);
                        baseUrlEntry = f;
                    } else if (key == u"api_key_env") {
                        apiKeyEnv = readEnvName(f);
                    } else if (key == u"api_key") {
                        apiKey = readString(f);
                    } else if (key == u"models") {
                        if (auto v = readStringList(f, u"model names"_s))
                            ep.models = *v;
                    } else if (key == u"enabled") {
                        if (auto v = readBool(f))
                            ep.enabled = *v;
                    } else if (key == u"priority") {
                        if (auto v = readInt(f, -1'000'000, 1'000'000))
                            ep.priority = int(*v);
                    } else if (key == u"headers") {
                        parseHeaders(f, ep.headers);
                    } else if (key == u"auth_type") {
                        if (auto v = readString(f)) {
                            const QString t = v->trimmed().toLower();
                            if (t == u"none")
                                authNone = true;
                            else if (t != u"bearer")
                                fileError(markOf(f),
                                          u"%1: expected bearer or none, got %2"_s.arg(f.path, describe(f.value)));
                        }
                    } else if (key == u"api_version") {
                        if (auto v = readNonEmptyString(f))
                            ep.apiVersion = v->trimmed();
                    } else if (key == u"weight") {
                        if (auto v = readInt(f, 1, 1'000'000))
                            ep.weight = int(*v);
                    } else if (key == u"cost_per_mtok") {
                        if (auto v = readNumber(f, 0.0))
                            ep.costPerMtok = *v;
                    } else if (key == u"num_ctx") {
                        if (auto v = readInt(f, 0, 16'777'216))
                            ep.numCtx = *v;
                    } else if (key == u"probe") {
                        if (auto v = readBool(f))
                            ep.probe = *v;
                    } else if ((key == u"id" || key == u"name") && !listForm) {
                        readString(f); // a display name in map form; the key is the id
                    }
                });
        }

        const ProviderPreset *preset = nullptr;
        if (provider) {
            preset = findProviderPreset(*provider);
            if (!preset) {
                fileError(markOf(*providerEntry), u"%1: %2"_s.arg(providerEntry->path, unknownProviderText(*provider)));
                return;
            }
        } else {
            preset = findProviderPreset(id);
            if (!preset)
                preset = findProviderPreset(u"openai_compatible");
        }
        if (!preset || int(m_result.errors.size()) != errorsBefore)
            return;
        ep.provider = preset->name.toString();

        if (baseUrl) {
            if (auto url = normalizedHttpUrl(*baseUrl)) {
                ep.baseUrl = *url;
            } else {
                fileError(markOf(*baseUrlEntry), u"%1: expected an http:// or https:// URL, got %2"_s.arg(
                                                     baseUrlEntry->path, describe(baseUrlEntry->value)));
                return;
            }
        } else if (!preset->defaultBaseUrl.isEmpty()) {
            ep.baseUrl = preset->defaultBaseUrl.toString();
        } else {
            fileError(e.keyMark, u"%1: base_url is required for provider %2"_s.arg(e.path, ep.provider));
            return;
        }

        if (!authNone)
            resolveKey(ep, *preset, apiKey, apiKeyEnv);
        if (ep.apiKey.isEmpty() && !authNone && !preset->local && ep.enabled) {
            const QString hint = ep.apiKeyEnv.isEmpty() ? u"set api_key_env or api_key"_s : u"set "_s + ep.apiKeyEnv;
            fileWarning(e.keyMark, u"endpoint %1 has no API key (%2)"_s.arg(ep.id, hint));
        }
        m_fileEndpoints.append({ep, idMark});
        m_config.endpoints.append(ep);
    }

    /// api_key literal, else the variable named by api_key_env, else the preset's usual variable.
    /// The preset's variable is only used when the endpoint is the provider's own service: an
    /// "openai" endpoint pointed at some other host must not receive OPENAI_API_KEY unasked.
    void resolveKey(EndpointConfig &ep, const ProviderPreset &preset, const std::optional<QString> &literal,
                    const std::optional<QString> &keyEnv) const
    {
        if (literal && !isPlaceholderSecret(*literal)) {
            ep.apiKey = literal->trimmed();
            ep.apiKeyEnv.clear();
            return;
        }
        QString var;
        if (keyEnv) {
            var = *keyEnv;
        } else if (!preset.keyEnv.isEmpty()) {
            const QString defaultHost = QUrl(preset.defaultBaseUrl.toString()).host();
            if (defaultHost.isEmpty() || QUrl(ep.baseUrl).host().compare(defaultHost, Qt::CaseInsensitive) == 0)
                var = preset.keyEnv.toString();
        }
        if (!var.isEmpty()) {
            ep.apiKeyEnv = var;
            const QString value = env(var);
            if (!isPlaceholderSecret(value))
                ep.apiKey = value.trimmed();
        }
    }

    void parseHeaders(const Entry &e, QMap<QString, QString> &headers)
    {
        if (!isMapping(e))
            return;
        for (auto it = e.value.begin(); it != e.value.end(); ++it) {
            const YAML::Node k = it->first;
            const YAML::Node v = it->second;
            const QString name = k.IsScalar() ? fromStd(k.Scalar()).trimmed() : QString();
            if (!isHeaderToken(name)) {
                fileError(k.Mark(), u"%1: \"%2\" is not a valid HTTP header name"_s.arg(e.path, name));
                continue;
            }
            // Values are not echoed: they are often credentials.
            const QString value = v.IsScalar() ? fromStd(v.Scalar()) : QString();
            if (!v.IsScalar() || value.contains(u'\r') || value.contains(u'\n') || value.contains(QChar(0))) {
                fileError(v.Mark().is_null() ? k.Mark() : v.Mark(),
                          u"%1.%2: expected a single-line string value"_s.arg(e.path, name));
                continue;
            }
            headers.insert(name, value.trimmed());
        }
    }

    void parseFallbackChains(const Entry &section)
    {
        if (!isMapping(section))
            return;
        for (auto it = section.value.begin(); it != section.value.end(); ++it) {
            const YAML::Node k = it->first;
            if (!k.IsScalar() || fromStd(k.Scalar()).trimmed().isEmpty()) {
                fileError(k.Mark(), u"fallback_chains: expected a model name as key, got %1"_s.arg(describe(k)));
                continue;
            }
            const QString model = fromStd(k.Scalar()).trimmed();
            const Entry chain{joinPath(section.path, model), k.Mark(), it->second};
            if (!chain.value.IsSequence()) {
                fileError(markOf(chain), u"%1: expected a list of {provider, model} hops, got %2"_s.arg(
                                             chain.path, describe(chain.value)));
                continue;
            }
            QList<FallbackHop> hops;
            for (std::size_t i = 0; i < chain.value.size(); ++i) {
                const Entry hopEntry{u"%1[%2]"_s.arg(chain.path).arg(i), chain.keyMark, chain.value[i]};
                if (!hopEntry.value.IsMap()) {
                    fileError(markOf(hopEntry), u"%1: expected a mapping with provider (or endpoint) and model, got "
                                                u"%2"_s.arg(hopEntry.path, describe(hopEntry.value)));
                    continue;
                }
                FallbackHop hop;
                forEachKey(hopEntry, {u"provider", u"endpoint", u"model"}, [&](const QString &key, const Entry &f) {
                    if (auto v = readNonEmptyString(f))
                        (key == u"model" ? hop.model : hop.endpoint) = *v;
                });
                if (hop.endpoint.isEmpty()) {
                    fileError(markOf(hopEntry), u"%1: a hop needs provider (or endpoint)"_s.arg(hopEntry.path));
                    continue;
                }
                if (hop.model.isEmpty())
                    hop.model = model;
                hops.append(hop);
                m_hopMarks.append({model, hop.endpoint, markOf(hopEntry)});
            }
            m_config.fallbackChains.insert(model, hops);
        }
    }

    void parseModelAliases(const Entry &section)
    {
        if (!isMapping(section))
            return;
        for (auto it = section.value.begin(); it != section.value.end(); ++it) {
            const YAML::Node k = it->first;
            if (!k.IsScalar() || fromStd(k.Scalar()).trimmed().isEmpty()) {
                fileError(k.Mark(), u"model_aliases: expected an alias name as key, got %1"_s.arg(describe(k)));
                continue;
            }
            const QString alias = fromStd(k.Scalar()).trimmed();
            const Entry e{joinPath(section.path, alias), k.Mark(), it->second};
            const std::optional<QString> target = readString(e);
            if (!target) {
                if (e.value.IsNull())
                    fileError(markOf(e), u"%1: expected a model name"_s.arg(e.path));
                continue; // a list or mapping was already reported
            }
            if (target->trimmed().isEmpty()) {
                fileError(markOf(e), u"%1: expected a model name"_s.arg(e.path));
                continue;
            }
            if (target->trimmed() == alias) {
                fileWarning(e.keyMark, u"%1: an alias that names itself has no effect"_s.arg(e.path));
                continue;
            }
            m_config.modelAliases.insert(alias, target->trimmed());
        }
    }

    // -- environment overlay ----------------------------------------------------------------------

    void applyEnvironment()
    {
        ServerConfig &s = m_config.server;
        if (const QString v = env(u"LLM_PROXY_HOST"_s).trimmed(); !v.isEmpty())
            s.host = v;
        if (const QString raw = env(u"LLM_PROXY_PORT"_s); !raw.trimmed().isEmpty()) {
            bool ok = false;
            const int port = raw.trimmed().toInt(&ok);
            if (ok && port >= 1 && port <= 65535)
                s.port = quint16(port);
            else
                envError(u"LLM_PROXY_PORT"_s, u"expected an integer between 1 and 65535, got \"%1\""_s.arg(raw));
        }
        if (const QString raw = env(u"LLM_PROXY_WORKERS"_s); !raw.trimmed().isEmpty()) {
            bool ok = false;
            const int workers = raw.trimmed().toInt(&ok);
            if (ok && workers >= 0 && workers <= 1024)
                s.workers = workers;
            else
                envError(u"LLM_PROXY_WORKERS"_s, u"expected an integer between 0 and 1024, got \"%1\""_s.arg(raw));
        }
        if (const QString raw = env(u"LLM_PROXY_HEALTH_INTERVAL_S"_s); !raw.trimmed().isEmpty()) {
            bool ok = false;
            const int interval = raw.trimmed().toInt(&ok);
            if (ok && interval >= 0 && interval <= 86'400)
                m_config.routing.health.intervalS = interval;
            else
                envError(u"LLM_PROXY_HEALTH_INTERVAL_S"_s,
                         u"expected an integer between 0 and 86400, got \"%1\""_s.arg(raw));
        }
        if (const QString raw = env(u"LLM_PROXY_LOG_FORMAT"_s); !raw.trimmed().isEmpty()) {
            if (auto f = normalizedLogFormat(raw))
                m_config.logging.format = *f;
            else
                envError(u"LLM_PROXY_LOG_FORMAT"_s, u"expected text or json, got \"%1\""_s.arg(raw));
        }
        if (const QString raw = env(u"LLM_PROXY_LOG_LEVEL"_s); !raw.trimmed().isEmpty()) {
            if (auto l = normalizedLogLevel(raw))
                m_config.logging.level = *l;
            else
                envError(u"LLM_PROXY_LOG_LEVEL"_s, u"expected debug, info, warning or error, got \"%1\""_s.arg(raw));
        }
        if (const QString raw = env(u"LLM_PROXY_LOCAL_DISCOVERY"_s); !raw.trimmed().isEmpty()) {
            if (auto b = parseBoolText(raw))
                m_config.discovery.localScan = *b;
            else
                envError(u"LLM_PROXY_LOCAL_DISCOVERY"_s,
                         u"expected 1/0, true/false, on/off or yes/no, got \"%1\""_s.arg(raw));
        }
        s.apiKeys = readKeyList(s.apiKeysEnv);
        s.adminKeys = readKeyList(s.adminKeysEnv);
        // A key both unrestricted and named would have two sets of rights; refuse to guess.
        for (const QString &key : std::as_const(s.apiKeys)) {
            const QByteArray digest = QCryptographicHash::hash(key.trimmed().toUtf8(), QCryptographicHash::Sha256);
            for (qsizetype i = 0; i < s.clientKeys.size(); ++i) {
                if (clientKeyDigest(s.clientKeys.at(i)) == digest)
                    fileError(m_clientKeyMarks.at(i),
                              u"server.auth.keys (%1): this key is also listed in %2, where it may use every model; "
                              u"remove it from one of the two"_s.arg(s.clientKeys.at(i).name, s.apiKeysEnv));
            }
        }
        applyEnvEndpoints();
    }

    QStringList readKeyList(const QString &var)
    {
        const QStringList keys = splitCsv(env(var));
        for (const QString &key : keys) {
            if (isPlaceholderSecret(key)) {
                // Fail closed: a copied example key would let anyone who read the example in.
                envError(var, u"contains the placeholder key \"%1\"; replace it with a real secret"_s.arg(key));
            }
        }
        return keys;
    }

    void applyEnvEndpoints()
    {
        struct EnvEndpoint
        {
            QString url, models, key, provider;
            bool hasUrl = false, hasModels = false, hasKey = false, hasProvider = false;
        };
        const QString prefix = u"LLM_PROXY_ENDPOINT_"_s;
        QMap<QString, EnvEndpoint> found; // sorted by NAME so the result does not depend on env order
        const QStringList keys = m_env.keys();
        for (const QString &var : keys) {
            if (!var.startsWith(prefix))
                continue;
            const QString rest = var.mid(prefix.size());
            static constexpr QStringView suffixes[] = {u"_URL", u"_MODELS", u"_KEY", u"_PROVIDER"};
            bool matched = false;
            for (QStringView suffix : suffixes) {
                if (!rest.endsWith(suffix) || rest.size() == suffix.size())
                    continue;
                matched = true;
                EnvEndpoint &ep = found[rest.left(rest.size() - suffix.size())];
                const QString value = env(var);
                if (suffix == u"_URL") {
                    ep.url = value;
                    ep.hasUrl = true;
                } else if (suffix == u"_MODELS") {
                    ep.models = value;
                    ep.hasModels = true;
                } else if (suffix == u"_KEY") {
                    ep.key = value;
                    ep.hasKey = true;
                } else {
                    ep.provider = value;
                    ep.hasProvider = true;
                }
                break;
            }
            if (!matched)
                envWarning(var, u"not recognised; endpoint variables end in _URL, _MODELS, _KEY or _PROVIDER"_s);
        }

        for (auto it = found.cbegin(); it != found.cend(); ++it) {
            const QString &name = it.key();
            const EnvEndpoint &raw = it.value();
            const QString var = prefix + name;
            if (!raw.hasUrl || raw.url.trimmed().isEmpty()) {
                envWarning(var + u"_URL"_s, u"is not set, so the other %1_* variables are ignored"_s.arg(var));
                continue;
            }
            const QString id = name.toLower();
            if (!isValidEndpointId(id)) {
                envError(var + u"_URL"_s,
                         u"\"%1\" is not a valid endpoint name: use letters, digits and '_'"_s.arg(name));
                continue;
            }
            bool shadowed = false;
            for (const EndpointConfig &existing : std::as_const(m_config.endpoints))
                shadowed = shadowed || existing.id.compare(id, Qt::CaseInsensitive) == 0;
            if (shadowed) {
                envWarning(var + u"_URL"_s, u"ignored: the configuration file defines endpoint \"%1\""_s.arg(id));
                continue;
            }

            const QString providerName =
                raw.hasProvider && !raw.provider.trimmed().isEmpty() ? raw.provider.trimmed() : u"openai"_s;
            const ProviderPreset *preset = findProviderPreset(providerName);
            if (!preset) {
                envError(var + u"_PROVIDER"_s, unknownProviderText(providerName));
                continue;
            }
            const std::optional<QString> url = normalizedHttpUrl(raw.url);
            if (!url) {
                envError(var + u"_URL"_s, u"expected an http:// or https:// URL, got \"%1\""_s.arg(raw.url));
                continue;
            }
            EndpointConfig ep;
            ep.id = id;
            ep.provider = preset->name.toString();
            ep.baseUrl = *url;
            ep.models = splitCsv(raw.models);
            ep.source = u"env"_s;
            if (raw.hasKey && !isPlaceholderSecret(raw.key)) {
                ep.apiKey = raw.key.trimmed();
                ep.apiKeyEnv = var + u"_KEY"_s;
            } else {
                resolveKey(ep, *preset, std::nullopt, std::nullopt);
                if (ep.apiKey.isEmpty())
                    ep.apiKeyEnv = var + u"_KEY"_s;
            }
            if (ep.apiKey.isEmpty() && !preset->local)
                envWarning(var + u"_URL"_s, u"endpoint %1 has no API key (set %2)"_s.arg(id, ep.apiKeyEnv));
            m_config.endpoints.append(ep);
        }
    }

    // -- command line -----------------------------------------------------------------------------

    void applyCli()
    {
        const CliOverrides &cli = m_sources.cli;
        if (cli.host) {
            if (cli.host->trimmed().isEmpty())
                addError({QString(), 0, 0, u"--host: must not be empty"_s});
            else
                m_config.server.host = cli.host->trimmed();
        }
        if (cli.port)
            m_config.server.port = *cli.port;
        if (cli.logFormat) {
            if (auto f = normalizedLogFormat(*cli.logFormat))
                m_config.logging.format = *f;
            else
                addError({QString(), 0, 0, u"--log-format: expected text or json, got \"%1\""_s.arg(*cli.logFormat)});
        }
        if (cli.workers) {
            if (*cli.workers < 0 || *cli.workers > 1024)
                addError({QString(), 0, 0,
                          u"--workers: expected an integer between 0 and 1024, got %1"_s.arg(*cli.workers)});
            else
                m_config.server.workers = *cli.workers;
        }
    }

    // -- cross-references -------------------------------------------------------------------------

    void checkReferences()
    {
        for (const HopMark &hop : std::as_const(m_hopMarks)) {
            bool known = findProviderPreset(hop.endpoint) != nullptr;
            for (const EndpointConfig &ep : std::as_const(m_config.endpoints))
                known = known || ep.id.compare(hop.endpoint, Qt::CaseInsensitive) == 0;
            if (!known)
                fileWarning(hop.mark, u"fallback_chains.%1: \"%2\" is neither an endpoint id nor a provider name"_s.arg(
                                          hop.model, hop.endpoint));
        }
    }

    struct HopMark
    {
        QString model;
        QString endpoint;
        YAML::Mark mark;
    };

    const ConfigSources &m_sources;
    QProcessEnvironment m_env;
    QSet<QString> m_fromDotenv;
    QString m_dotenvPath;
    QString m_filePath;
    Config m_config;
    ConfigLoadResult m_result;
    QList<FileEndpoint> m_fileEndpoints;
    QList<HopMark> m_hopMarks;
    bool m_maxBodyExplicit = false;
    bool m_connectTimeoutExplicit = false;
    bool m_firstByteTimeoutExplicit = false;
    bool m_idleTimeoutExplicit = false;
    std::optional<qint64> m_seedMaxBodyBytes;
    std::optional<int> m_seedConnectTimeoutMs;
    std::optional<int> m_seedTimeoutMs;
};

} // namespace

ConfigLoadResult loadConfig(const ConfigSources &sources)
{
    return Loader(sources).run();
}

/// "unknown provider" text: the valid names, led by the closest one when the input looks like a typo.
QString unknownProviderText(const QString &name)
{
    QStringList names;
    QString closest;
    int best = 3;
    for (const ProviderPreset &p : providerPresets()) {
        names << p.name.toString();
        const int d = editDistance(name.toLower(), p.name);
        if (d < best) {
            best = d;
            closest = p.name.toString();
        }
    }
    QString text = u"unknown provider \"%1\""_s.arg(name);
    if (!closest.isEmpty())
        text += u" (did you mean \"%1\"?)"_s.arg(closest);
    return text + u"; expected one of: "_s + names.join(u", "_s);
}

bool isValidEndpointId(QStringView id)
{
    if (id.isEmpty())
        return false;
    for (QChar c : id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_' && c != u'.')
            return false;
    }
    return true;
}

/// "https://host/v1/" → "https://host/v1"; nullopt unless it is an absolute http(s) URL with a host.
std::optional<QString> normalizedHttpUrl(const QString &raw)
{
    QString s = raw.trimmed();
    while (s.endsWith(u'/'))
        s.chop(1);
    const QUrl url(s, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty() || url.hasFragment())
        return std::nullopt;
    return s;
}

} // namespace llmproxy
