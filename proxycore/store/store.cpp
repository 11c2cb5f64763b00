// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/store.h"

#include "proxycore/store/budgetfile.h"
#include "proxycore/store/migrations.h"

#include <QFile>
#include <QLoggingCategory>

#include <cmath>

namespace llmproxy {

Q_LOGGING_CATEGORY(lcStore, "llmproxy.store")

using namespace Qt::StringLiterals;

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
      m_readerContext(std::make_unique<QObject>()), m_history(m_settings), m_spend(m_settings)
{
    m_readerThread.setObjectName(u"store-reader"_s);
    m_readerContext->moveToThread(&m_readerThread);
    m_readerThread.start();
    m_writer.start();
}

Store::~Store()
{
    stopReader();
}

void Store::stopReader()
{
    if (!m_readerThread.isRunning())
        return;
    // The reader's connection is closed in its own thread, then the thread ends.
    QMetaObject::invokeMethod(
        m_readerContext.get(),
        [this] {
            m_history.close();
            m_spend.close();
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
    for (qsizetype i = 0; i + 1 < records.size(); ++i)
        m_writer.enqueue(RequestHistory::writeFor(records.at(i)), "request history rows");
    // The rollup rides with the last row: one write, so the writer's count of history rows stays
    // one per request, and the sums commit in the same transaction as that row.
    SpendGroups groups = SpendRollup::aggregate(records, zone);
    StoreWrite last = RequestHistory::writeFor(records.constLast());
    if (groups.empty()) {
        m_writer.enqueue(std::move(last), "request history rows");
        return;
    }
    StoreWrite spend = SpendRollup::writeFor(std::move(groups));
    m_writer.enqueue([spend = std::move(spend),
                      last = std::move(last)](WriteContext &context) { return spend(context) && last(context); },
                     "request history rows");
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

StoreStatus Store::status() const
{
    return {m_settings.backendName(), m_settings.describe(), m_writer.status()};
}

} // namespace llmproxy
