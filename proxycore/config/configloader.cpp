// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configloader_p.h"

#include "proxycore/config/dotenv.h"
#include "proxycore/providers/providerpreset.h"
#include "proxycore/util/sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

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

QString ConfigDiagnostic::checkLine(bool isError) const
{
    return (isError ? u"error: "_s : u"warning: "_s) + toString();
}

namespace configdetail {

namespace {
constexpr qint64 kMaxConfigFileBytes = 16 * 1024 * 1024;
} // namespace

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

/// A YAML node as the schema reads it: every scalar is text.
RawValue rawOf(const YAML::Node &node)
{
    RawValue raw;
    raw.shown = describe(node);
    if (node.IsScalar()) {
        raw.kind = RawValue::Kind::Text;
        raw.text = fromStd(node.Scalar());
    } else if (node.IsSequence()) {
        raw.kind = RawValue::Kind::List;
        for (std::size_t i = 0; i < node.size(); ++i)
            raw.items.append(rawOf(node[i]));
    } else if (node.IsMap()) {
        raw.kind = RawValue::Kind::Mapping;
    }
    return raw;
}

QByteArray clientKeyDigest(const ClientKeyConfig &k)
{
    return k.key.isEmpty() ? k.sha256 : sha256(k.key.toUtf8());
}

ConfigLoadResult Loader::run()
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

void Loader::runUnchecked()
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
    resolveStorage();
    if (!m_config.security.firewallEnabled) {
        // The environment wins over the file, so it is named first when it is set.
        m_config.security.firewallDisabledReason = !env(u"LLM_PROXY_FIREWALL_ENABLED"_s).isNull()
                                                       ? u"env:LLM_PROXY_FIREWALL_ENABLED"_s
                                                       : u"config:security.firewall.enabled=false"_s;
    }
}

void Loader::sortByPosition(QList<ConfigDiagnostic> &list) const
{
    const auto inFile = [this](const ConfigDiagnostic &d) { return d.file == m_filePath && d.line > 0; };
    const auto fileEnd = std::stable_partition(list.begin(), list.end(), inFile);
    std::stable_sort(list.begin(), fileEnd, [](const ConfigDiagnostic &a, const ConfigDiagnostic &b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
}

ConfigDiagnostic Loader::at(const YAML::Mark &mark, const QString &message) const
{
    if (mark.is_null())
        return {m_filePath, 0, 0, message};
    return {m_filePath, mark.line + 1, mark.column + 1, message};
}

YAML::Mark Loader::markOf(const Entry &e)
{
    if (!e.value.IsDefined() || e.value.IsNull())
        return e.keyMark;
    const YAML::Mark m = e.value.Mark();
    return m.is_null() ? e.keyMark : m;
}

ConfigDiagnostic Loader::envDiagnostic(const QString &var, const QString &message) const
{
    if (m_fromDotenv.contains(var))
        return {m_dotenvPath, 0, 0, var + u": "_s + message};
    return {QString(), 0, 0, u"environment variable "_s + var + u": "_s + message};
}

QString Loader::baseFilePath(const QString &name) const
{
    return m_sources.baseDirectory.isEmpty() ? name : QDir(m_sources.baseDirectory).filePath(name);
}

void Loader::loadEnvironment()
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

bool Loader::resolveConfigPath()
{
    QString path = m_sources.configPath;
    bool isExplicit = m_sources.configPathExplicit;
    if (path.isEmpty() && !env(u"LLM_PROXY_CONFIG"_s).isEmpty()) {
        path = env(u"LLM_PROXY_CONFIG"_s);
        isExplicit = true;
    }
    if (path.isEmpty()) {
        const QString candidate = baseFilePath(u"config.yaml"_s);
        if (m_sources.configText || QFileInfo(candidate).isFile())
            m_filePath = candidate;
        return true;
    }
    m_filePath = path;
    if (m_sources.configText)
        return true;
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

bool Loader::loadFile()
{
    QByteArray bytes;
    if (m_sources.configText) {
        bytes = *m_sources.configText;
    } else {
        QFile file(m_filePath);
        if (!file.open(QIODevice::ReadOnly)) {
            addError({m_filePath, 0, 0, u"cannot read configuration file: %1"_s.arg(file.errorString())});
            return false;
        }
        if (file.size() > kMaxConfigFileBytes) {
            addError({m_filePath, 0, 0, u"configuration file is larger than 16 MiB"_s});
            return false;
        }
        bytes = file.readAll();
    }
    if (bytes.size() > kMaxConfigFileBytes) {
        addError({m_filePath, 0, 0, u"configuration file is larger than 16 MiB"_s});
        return false;
    }
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
        if (root.IsNull() || !root.IsDefined())
            return true; // an empty file: defaults
        if (!root.IsMap()) {
            fileError(root.Mark(), u"expected a mapping of sections (server:, endpoints:, ...) at the top "
                                   u"level, got %1"_s.arg(describe(root)));
            return true;
        }
        readSection(Entry{QString(), root.Mark(), root});
        afterFile();
    } catch (const YAML::Exception &e) {
        fileError(e.mark, u"cannot interpret configuration: %1"_s.arg(fromStd(e.msg)));
        return false;
    }
    return true;
}

bool Loader::isMapping(const Entry &e)
{
    if (e.value.IsNull() || !e.value.IsDefined())
        return false;
    if (!e.value.IsMap()) {
        fileError(markOf(e), u"%1: expected a mapping, got %2"_s.arg(e.path, describe(e.value)));
        return false;
    }
    return true;
}

void Loader::forEachKey(const Entry &section, const QStringList &known,
                        const std::function<void(const QString &, const Entry &)> &handle)
{
    QSet<QString> seen;
    for (auto it = section.value.begin(); it != section.value.end(); ++it) {
        const YAML::Node keyNode = it->first;
        if (!keyNode.IsScalar()) {
            fileError(keyNode.Mark(), u"%1: keys must be plain names, got %2"_s.arg(
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
        if (known.contains(key)) {
            handle(key, child);
            continue;
        }
        const QString closest = closestName(key, known);
        const QString hint = closest.isEmpty() ? QString() : u"; did you mean \"%1\"?"_s.arg(closest);
        const QString where = section.path.isEmpty() ? u"unknown top-level key \"%1\""_s.arg(key)
                                                     : u"unknown key \"%1\" in %2"_s.arg(key, section.path);
        fileWarning(keyNode.Mark(), where + u" (ignored)"_s + hint);
    }
}

void Loader::readSection(const Entry &section)
{
    const QString prefix = section.path.isEmpty() ? QString() : section.path + u'.';
    QStringList known;
    for (const Field<Config> &f : configFields()) {
        if (f.path.startsWith(prefix)) {
            const QString key = f.path.sliced(prefix.size()).split(u'.').first().toString();
            if (!known.contains(key))
                known << key;
        }
    }
    forEachKey(section, known, [&](const QString &, const Entry &e) {
        if (const Field<Config> *f = configField(e.path)) {
            if (f->rule.type == FieldType::Custom) {
                if (e.path.startsWith(u"budget."))
                    m_setInFile.insert(e.path, markOf(e)); // for afterFile()'s warnings
                readCustom(e);
            } else if (readInto(*f, e, m_config))
                m_setInFile.insert(e.path, markOf(e));
        } else if (isMapping(e)) {
            readSection(e);
        }
    });
}

void Loader::readCustom(const Entry &e)
{
    // The reader of each Custom row of the schema.
    static const std::pair<QStringView, void (Loader::*)(const Entry &)> readers[] = {
        {u"server.auth.keys", &Loader::parseClientKeys},
        {u"server.timeout", &Loader::parseSeedTimeout},
        {u"server.tls", &Loader::checkTls},
        {u"endpoints", &Loader::parseEndpoints},
        {u"fallback_chains", &Loader::parseFallbackChains},
        {u"model_aliases", &Loader::parseModelAliases},
        {u"routing.model_strategies", &Loader::parseModelStrategies},
        {u"pricing", &Loader::parsePricing},
        {u"budget.keys", &Loader::parseScopeBudgets},
        {u"budget.teams", &Loader::parseScopeBudgets},
        {u"security.max_payload_size_kb", &Loader::parseSeedPayloadSize},
        {u"connection_pool", &Loader::parseSeedConnectionPool},
        {u"server.storage.dsn", &Loader::warnStorageDsn},
    };
    for (const auto &[path, reader] : readers) {
        if (e.path == path)
            return (this->*reader)(e);
    }
    Q_ASSERT_X(false, "Loader::readCustom", "a Custom row without a reader");
}

void Loader::afterFile()
{
    const BudgetConfig &b = m_config.budget;
    if (b.dailyLimit > 0 && b.softLimit > b.dailyLimit)
        fileWarning(m_setInFile.value(u"budget.soft_limit"_s),
                    u"budget.soft_limit (%1) is above budget.daily_limit (%2); the soft limit "
                    u"will never be reached"_s.arg(b.softLimit)
                        .arg(b.dailyLimit));
    // A budget for a key nobody configured is kept (keys made with the admin API have no team,
    // but have names), yet probably a typo: say so.
    for (auto it = b.keys.cbegin(); it != b.keys.cend(); ++it) {
        const bool known = std::any_of(m_config.server.clientKeys.cbegin(), m_config.server.clientKeys.cend(),
                                       [&it](const ClientKeyConfig &k) { return k.name == it.key(); });
        if (!known && !m_config.server.clientKeys.isEmpty())
            fileWarning(m_setInFile.value(u"budget.keys"_s),
                        u"budget.keys.%1: no key of server.auth.keys has that name"_s.arg(it.key()));
    }
    for (auto it = b.teams.cbegin(); it != b.teams.cend(); ++it) {
        const bool known = std::any_of(m_config.server.clientKeys.cbegin(), m_config.server.clientKeys.cend(),
                                       [&it](const ClientKeyConfig &k) { return k.team == it.key(); });
        if (!known)
            fileWarning(m_setInFile.value(u"budget.teams"_s),
                        u"budget.teams.%1: no key of server.auth.keys is in that team"_s.arg(it.key()));
    }
    applySeedCompatibility();
}

bool Loader::applyText(const QString &path, const QString &text, const std::function<void(const QString &)> &report)
{
    const Field<Config> *f = configField(path);
    const RawValue raw = RawValue::fromText(text);
    FieldError error;
    const std::optional<FieldValue> v = readValue(f->rule, raw, ValueSource::Text, &error);
    if (!v) {
        report(diagnosticText(QString(), f->rule, raw, error));
        return false;
    }
    f->apply(m_config, *v);
    return true;
}

void Loader::applyEnvironment()
{
    for (const Field<Config> &f : configFields()) {
        const QString var = f.env.toString();
        if (var.isEmpty() || env(var).trimmed().isEmpty()) // an empty value counts as unset
            continue;
        applyText(f.path.toString(), env(var), [&](const QString &message) { envError(var, message); });
    }
    ServerConfig &s = m_config.server;
    s.apiKeys = readKeyList(s.apiKeysEnv);
    s.adminKeys = readKeyList(s.adminKeysEnv);
    // A key both unrestricted and named would have two sets of rights; refuse to guess.
    for (const QString &key : std::as_const(s.apiKeys)) {
        const QByteArray digest = sha256(key.trimmed().toUtf8());
        for (qsizetype i = 0; i < s.clientKeys.size(); ++i) {
            if (clientKeyDigest(s.clientKeys.at(i)) == digest)
                fileError(m_clientKeyMarks.at(i),
                          u"server.auth.keys (%1): this key is also listed in %2, where it may use every model; "
                          u"remove it from one of the two"_s.arg(s.clientKeys.at(i).name, s.apiKeysEnv));
        }
    }
    applyEnvEndpoints();
}

QStringList Loader::readKeyList(const QString &var)
{
    QStringList keys;
    for (const QString &part : env(var).split(u',')) {
        const QString key = part.trimmed();
        if (key.isEmpty() || keys.contains(key))
            continue;
        keys << key;
        // Fail closed: a copied example key would let anyone who read the example in.
        if (isPlaceholderSecret(key))
            envError(var, u"contains the placeholder key \"%1\"; replace it with a real secret"_s.arg(key));
    }
    return keys;
}

void Loader::applyCli()
{
    const CliOverrides &cli = m_sources.cli;
    const auto apply = [this](const QString &flag, const QString &path, const QString &text) {
        applyText(path, text, [&](const QString &message) { addError({QString(), 0, 0, flag + u": "_s + message}); });
    };
    if (cli.host)
        apply(u"--host"_s, u"server.host"_s, *cli.host);
    if (cli.port) // already a port number; 0 (any free port) is allowed here, for tests and embedding
        m_config.server.port = *cli.port;
    if (cli.logFormat)
        apply(u"--log-format"_s, u"logging.format"_s, *cli.logFormat);
    if (cli.workers)
        apply(u"--workers"_s, u"server.workers"_s, QString::number(*cli.workers));
}

void Loader::checkReferences()
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

void Loader::warnStorageDsn(const Entry &e)
{
    fileWarning(markOf(e),
                u"%1 is not read: a connection string holds a password, so it is read from the variable "
                u"named by server.storage.dsn_env (%2) instead"_s.arg(e.path, m_config.server.storage.dsnEnv));
}

void Loader::resolveStorage()
{
    StorageConfig &storage = m_config.server.storage;
    if (!storage.enabled || storage.type != u"postgres")
        return;
    const QString text = env(storage.dsnEnv).trimmed();
    if (text.isEmpty()) {
        fileError(
            m_setInFile.value(u"server.storage.type"_s),
            u"server.storage.type is postgres, but the variable %1 (server.storage.dsn_env) is not set; set it "
            u"to a postgres://user:password@host:5432/database URL or a libpq key=value string"_s.arg(storage.dsnEnv));
        return;
    }
    QString error;
    const std::optional<PostgresDsn> dsn = parsePostgresDsn(text, &error);
    if (!dsn) {
        envError(storage.dsnEnv, error);
        return;
    }
    storage.postgres = *dsn;
}

} // namespace configdetail

ConfigLoadResult loadConfig(const ConfigSources &sources)
{
    return configdetail::Loader(sources).run();
}

} // namespace llmproxy
