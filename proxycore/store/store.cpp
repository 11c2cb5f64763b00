// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/store.h"

#include "proxycore/store/budgetfile.h"
#include "proxycore/store/migrations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QMap>
#include <QRandomGenerator>
#include <QSysInfo>

#include <cmath>

namespace llmproxy {

Q_LOGGING_CATEGORY(lcStore, "llmproxy.store")

using namespace Qt::StringLiterals;

namespace {

/// A request a pipeline stage refused as an audit event of its own (request.blocked): who (the key
/// name) in the sealed part, the outcome in clear.
AuditEvent blockedEventOf(const RequestRecord &r)
{
    AuditEvent e;
    e.timeMs = r.time.toMSecsSinceEpoch();
    e.category = AuditCategory::Request;
    e.action = u"request.blocked"_s;
    e.outcome = u"blocked"_s;
    e.actor = r.keyName;
    e.actorRole = u"user"_s;
    e.requestId = r.requestId;
    e.details = QJsonObject{{u"status"_s, r.status}, {u"method"_s, r.method},        {u"route"_s, r.route},
                            {u"model"_s, r.model},   {u"client_api"_s, r.clientApi}, {u"blocked_by"_s, r.blockedBy}};
    if (!r.error.isEmpty())
        e.details.insert(u"error"_s, r.error);
    return e;
}

/// Served requests of one key and one outcome (ok, or error from status 400) as one requests.completed
/// entry: the key's name sealed once, each request a row of clear facts, written straight into their
/// stored and hashed forms (AuditTableWriter). The entry's time is its newest request's, so a
/// retention purge takes it only when every request in it is old enough.
AuditEvent completedEventOf(const QString &keyName, bool failed, const QList<const RequestRecord *> &records)
{
    AuditEvent e;
    e.category = AuditCategory::Request;
    e.action = u"requests.completed"_s;
    e.outcome = failed ? u"error"_s : u"ok"_s;
    e.actor = keyName;
    e.actorRole = u"user"_s;
    AuditTableWriter table({u"request_id", u"time_ms", u"status", u"method", u"route", u"model", u"client_api",
                            u"endpoint", u"cost_usd", u"error"});
    for (const RequestRecord *r : records) {
        const qint64 timeMs = r->time.toMSecsSinceEpoch();
        e.timeMs = qMax(e.timeMs, timeMs);
        table.addRow({r->requestId, timeMs, qint64(r->status), r->method, r->route, r->model, r->clientApi, r->endpoint,
                      r->costUsd >= 0 ? AuditCell(r->costUsd) : AuditCell(nullptr), r->error});
    }
    e.encodedDetails = table.finish();
    return e;
}

/// The audit events of one collection of finished requests: a request.blocked entry for each refusal
/// (any route) and, with `all`, the other inference requests in requests.completed entries, one per key
/// and outcome of up to kCompletedPerEntry requests. Admin calls, health checks and audit queries are
/// not request outcomes: admin changes have entries of their own.
QList<AuditEvent> auditEventsOf(const QList<RequestRecord> &records, AuditRequests mode)
{
    constexpr qsizetype kCompletedPerEntry = 256;
    QList<AuditEvent> events;
    QMap<std::pair<QString, bool>, QList<const RequestRecord *>> completed;
    for (const RequestRecord &r : records) {
        if (r.status >= 400 && !r.blockedBy.isEmpty()) {
            events.append(blockedEventOf(r));
        } else if (mode == AuditRequests::All && !r.clientApi.isEmpty()) {
            QList<const RequestRecord *> &group = completed[{r.keyName, r.status >= 400}];
            group.append(&r);
            if (group.size() == kCompletedPerEntry) {
                events.append(completedEventOf(r.keyName, r.status >= 400, group));
                group.clear();
            }
        }
    }
    for (auto it = completed.cbegin(); it != completed.cend(); ++it) {
        if (!it.value().isEmpty())
            events.append(completedEventOf(it.key().first, it.key().second, it.value()));
    }
    return events;
}

} // namespace

std::unique_ptr<Store> Store::open(const DatabaseSettings &settings, const StoreWriterOptions &options, QString *error)
{
    bool schemaReady = false;
    {
        DatabaseConnection connection(settings, u"migrate"_s);
        QString why;
        if (!connection.open(&why)) {
            qCWarning(lcStore, "store: cannot open %s: %s; starting without it, the writer keeps trying",
                      qPrintable(settings.describe()), qPrintable(why));
        } else {
            switch (SchemaMigrator::migrate(connection, &why)) {
            case MigrationOutcome::UpToDate:
                schemaReady = true;
                break;
            case MigrationOutcome::TooNew:
                *error = why;
                return nullptr;
            case MigrationOutcome::Failed:
                *error = u"cannot migrate the schema of %1: %2"_s.arg(settings.describe(), why);
                return nullptr;
            }
        }
    }
    std::unique_ptr<Store> store(new Store(settings, options, schemaReady));
    qCInfo(lcStore, "store: %s (schema version %d)%s", qPrintable(settings.describe()), SchemaMigrator::latestVersion(),
           schemaReady ? "" : ", not reachable yet");
    return store;
}

Store::Store(DatabaseSettings settings, const StoreWriterOptions &options, bool schemaReady)
    : m_settings(std::move(settings)), m_writer(m_settings, options, schemaReady),
      m_readerContext(std::make_unique<QObject>()), m_history(m_settings), m_responses(m_settings), m_spend(m_settings)
{
    if (m_settings.dialect == SqlDialect::Postgres) {
        // Unique per process: a gateway's rows in budget_counters are its own.
        const QString id = u"%1:%2:%3"_s.arg(QSysInfo::machineHostName())
                               .arg(QCoreApplication::applicationPid())
                               .arg(qulonglong(QRandomGenerator::system()->generate()), 8, 16, QChar(u'0'));
        m_sharedBudgets = std::make_unique<SharedBudgets>(m_settings, id);
    }
    m_readerThread.setObjectName(u"store-reader"_s);
    m_readerContext->moveToThread(&m_readerThread);
    m_readerThread.start();
    m_writer.start();
}

Store::~Store()
{
    stopReader();
}

void Store::startAudit(QByteArray secret, QByteArray anchorKey, QString instanceId, int queueCapacity)
{
    if (m_audit)
        return;
    m_audit = std::make_unique<AuditService>(m_settings, std::move(secret), std::move(anchorKey), std::move(instanceId),
                                             queueCapacity);
}

void Store::stopReader()
{
    // The admin routes' audit work is answered like the reader's queries: finish it first.
    if (m_audit)
        m_audit->stop();
    if (m_sharedBudgets)
        m_sharedBudgets->stop();
    if (!m_readerThread.isRunning())
        return;
    // The reader's connection is closed in its own thread, then the thread ends.
    QMetaObject::invokeMethod(
        m_readerContext.get(),
        [this] {
            m_history.close();
            m_responses.close();
            m_spend.close();
            m_readerConnection.reset();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_readerThread.wait();
}

void Store::recordRequests(const QList<RequestRecord> &records)
{
    if (records.isEmpty())
        return;
    QTimeZone zone;
    {
        const QMutexLocker lock(&m_zoneMutex);
        zone = m_spendZone;
    }
    // A write per kRowsPerWrite records: few statements for the writer, while a full queue or a
    // refused row still costs only the records of one write. The spend rollup rides with the last
    // write, so its sums commit in the same transaction as those rows.
    constexpr qsizetype kRowsPerWrite = 64;
    const auto enqueue = [this](QList<RequestRecord> part, SpendGroups groups) {
        const qsizetype rows = part.size();
        StoreWrite history = RequestHistory::writeFor(std::move(part));
        if (groups.empty()) {
            m_writer.enqueue(std::move(history), "request history rows", rows);
            return;
        }
        m_writer.enqueue([spend = SpendRollup::writeFor(std::move(groups)), history = std::move(history)](
                             WriteContext &context) { return spend(context) && history(context); },
                         "request history rows", rows);
    };
    const qsizetype last = (records.size() - 1) / kRowsPerWrite * kRowsPerWrite;
    for (qsizetype i = 0; i < last; i += kRowsPerWrite)
        enqueue(records.mid(i, kRowsPerWrite), {});
    enqueue(records.mid(last), SpendRollup::aggregate(records, zone));
    // Bodies only come with logging.log_bodies: a write of their own, so the history's stays lean.
    QList<RequestRecord> withBodies;
    for (const RequestRecord &r : records) {
        if (!r.requestBody.isEmpty() || !r.responseBody.isEmpty())
            withBodies.append(r);
    }
    if (!withBodies.isEmpty()) {
        const qsizetype rows = withBodies.size();
        m_writer.enqueue(RequestHistory::bodiesWriteFor(std::move(withBodies)), "request bodies", rows);
    }
    const AuditRequests mode = m_auditRequests.load(std::memory_order_relaxed);
    if (!m_audit || mode == AuditRequests::None)
        return;
    m_audit->recordAll(auditEventsOf(records, mode));
}

void Store::setSpendTimeZone(const QTimeZone &zone)
{
    const QMutexLocker lock(&m_zoneMutex);
    m_spendZone = zone;
}

bool Store::restoreBudget(BudgetLedger &ledger, const QString &budgetFilePath, qint64 nowEpochMs, QString *message)
{
    DatabaseConnection connection(m_settings, u"budget"_s);
    QString error;
    if (!connection.open(&error)) {
        *message = u"cannot open %1 to read today's spend: %2"_s.arg(m_settings.describe(), error);
        return false;
    }
    QStringList done;
    if (!budgetFilePath.isEmpty() && QFile::exists(budgetFilePath)) {
        QDate date;
        qint64 spentNano = 0;
        QString why;
        if (!BudgetFile::read(budgetFilePath, &date, &spentNano, &why)) {
            done << why + u" (not imported)"_s;
        } else {
            SpendGroups imported;
            SpendAmounts amounts;
            amounts.costUsd = double(spentNano) / 1e9;
            imported[{date.toString(Qt::ISODate), u""_s, u""_s, u""_s, u""_s, u""_s}] = amounts;
            if (!SpendRollup::addNow(connection, imported, &error)) {
                *message = u"cannot import %1 into spend_daily: %2"_s.arg(budgetFilePath, error);
                return false;
            }
            const QString renamed = budgetFilePath + u".imported"_s;
            QFile::remove(renamed);
            if (!QFile::rename(budgetFilePath, renamed))
                qCWarning(lcStore,
                          "store: cannot rename %s to %s: delete it, or it is imported again at the next start",
                          qPrintable(budgetFilePath), qPrintable(renamed));
            done << u"imported %1 USD of %2 from %3 (now %4)"_s.arg(amounts.costUsd, 0, 'f', 6)
                        .arg(date.toString(Qt::ISODate), budgetFilePath, renamed);
        }
    }
    const QDate today = BudgetLedger::dateAt(nowEpochMs, ledger.timeZone());
    const std::optional<double> cost = SpendRollup::dayCost(connection, today, &error);
    if (!cost) {
        *message = u"cannot read today's spend from %1: %2"_s.arg(m_settings.describe(), error);
        return false;
    }
    const BudgetLedger::Total total{QDate(1970, 1, 1).daysTo(today), qint64(std::llround(*cost * 1e9))};
    ledger.restore(total, nowEpochMs);
    done << u"today's spend so far: %1 USD (spend_daily, %2)"_s.arg(*cost, 0, 'f', 6).arg(today.toString(Qt::ISODate));
    *message = done.join(u"; "_s);
    return true;
}

bool Store::restoreScopeBudgets(ScopeBudgets &budgets, qint64 nowEpochMs, QString *message)
{
    const QList<BudgetScope> scopes = budgets.scopes();
    if (scopes.isEmpty()) {
        *message = u"no key or team budget configured"_s;
        return true;
    }
    DatabaseConnection connection(m_settings, u"budget"_s);
    QString error;
    if (!connection.open(&error)) {
        *message = u"cannot open %1 to read the keys' and teams' spend: %2"_s.arg(m_settings.describe(), error);
        return false;
    }
    const QDate monthStart = budgets.monthStart(nowEpochMs);
    const QDate today = budgets.today(nowEpochMs);
    QStringList restored;
    for (const bool team : {false, true}) {
        const std::optional<QHash<QString, SpendRollup::ScopeCost>> costs =
            SpendRollup::scopeCosts(connection, team, monthStart, today, &error);
        if (!costs) {
            *message = u"cannot read the keys' and teams' spend from %1: %2"_s.arg(m_settings.describe(), error);
            return false;
        }
        for (const BudgetScope &scope : scopes) {
            if ((scope.kind == BudgetScope::Kind::Team) != team)
                continue;
            const SpendRollup::ScopeCost cost = costs->value(scope.name);
            budgets.restore(scope, cost.dayUsd, cost.monthUsd, nowEpochMs);
            restored << u"%1 %2: %3 USD today, %4 USD this month"_s.arg(scope.kindName(), scope.name)
                            .arg(cost.dayUsd, 0, 'f', 6)
                            .arg(cost.monthUsd, 0, 'f', 6);
        }
    }
    *message = restored.join(u"; "_s);
    return true;
}

std::optional<QList<EndpointStatsRow>> Store::endpointStats(QString *error)
{
    if (!m_readerConnection)
        m_readerConnection = std::make_unique<DatabaseConnection>(m_settings, u"reader"_s);
    if (!m_readerConnection->isOpen() && !m_readerConnection->open(error))
        return std::nullopt;
    std::optional<QList<EndpointStatsRow>> rows = EndpointStatsTable::readAll(*m_readerConnection, error);
    if (!rows)
        m_readerConnection->close(); // opened afresh next time: the server may have restarted
    return rows;
}

StoreStatus Store::status() const
{
    return {m_settings.backendName(), m_settings.describe(), m_writer.status()};
}

} // namespace llmproxy
