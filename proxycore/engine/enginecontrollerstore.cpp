// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// EngineController's queries of the store: the request history, spend reports, budgets, and the
// audit ledger and GDPR requests of the Security window. Each runs on the store's or the ledger's
// own thread and answers on the asking window's thread.
#include "proxycore/engine/enginecontroller.h"

#include "proxycore/engine/engine.h"
#include "proxycore/store/auditchain.h"
#include "proxycore/store/auditledger.h"
#include "proxycore/store/auditservice.h"
#include "proxycore/store/sharedbudgets.h"
#include "proxycore/store/store.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace llmproxy {

namespace {

/// The longest range of days one spend report covers (as GET /api/v1/analytics/spend).
constexpr qint64 kMaxSpendDays = 3660;

/// A callable that runs `done` with its arguments on `context`'s thread, unless `context` is gone
/// by then. Safe to call from any thread.
template <typename Done> auto deliverTo(QObject *context, Done done)
{
    return [target = QPointer<QObject>(context), done = std::move(done)](auto... args) {
        if (!target)
            return;
        QMetaObject::invokeMethod(target.data(), [target, done, args...] {
            if (target)
                done(args...);
        });
    };
}

/// Who the desktop's GDPR requests are recorded as, in the audit chain.
AuditRequester desktopRequester()
{
    return {QDateTime::currentMSecsSinceEpoch(), QStringLiteral("desktop"), QStringLiteral("admin"), {}, {}};
}

} // namespace

void EngineController::queryHistory(const HistoryFilter &filter, QObject *context,
                                    std::function<void(const HistoryPage &page, const QString &error)> done)
{
    QPointer<QObject> target(context);
    const auto answer = [target, done = std::move(done)](const HistoryPage &page, const QString &error) {
        if (!target)
            return;
        QMetaObject::invokeMethod(target.data(), [target, done, page, error] {
            if (target)
                done(page, error);
        });
    };
    onEngine([filter, answer](Engine *engine) {
        Store *store = engine->store();
        if (!store) {
            answer({}, tr("The request history is off: server.storage.enabled is false, or there is no data "
                          "directory."));
            return;
        }
        // The store runs the query on its reader thread; work posted after it stopped is dropped.
        QMetaObject::invokeMethod(store->readerContext(), [store, filter, answer] {
            QString why;
            const std::optional<HistoryPage> page = store->history().query(filter, &why);
            if (page)
                answer(*page, {});
            else
                answer({}, tr("The request history cannot be read: %1").arg(why));
        });
    });
}

void EngineController::querySpend(const SpendReportQuery &query, QObject *context,
                                  std::function<void(const SpendReport &report, const QString &error)> done)
{
    const auto answer = deliverTo(context, std::move(done));
    onEngine([query, answer](Engine *engine) {
        Store *store = engine->store();
        if (!store) {
            answer(SpendReport{}, tr("Spend analytics need the store: server.storage.enabled is false, or there is "
                                     "no data directory."));
            return;
        }
        const QTimeZone zone = engine->budgetTimeZone();
        SpendReport report;
        report.timeZone = QString::fromUtf8(zone.id());
        if (query.lastDays > 0) {
            report.to = BudgetLedger::dateAt(QDateTime::currentMSecsSinceEpoch(), zone);
            report.from = report.to.addDays(-(query.lastDays - 1));
        } else {
            report.from = query.from;
            report.to = query.to;
        }
        if (!report.from.isValid() || !report.to.isValid() || report.from > report.to) {
            answer(SpendReport{}, tr("The first day of the range must not be after its last day."));
            return;
        }
        if (report.from.daysTo(report.to) >= kMaxSpendDays) {
            answer(SpendReport{}, tr("A report covers at most %1 days.").arg(kMaxSpendDays));
            return;
        }
        const SpendQuery spendQuery{report.from, report.to, {SpendDimension::Day, query.groupBy}};
        QMetaObject::invokeMethod(store->readerContext(), [store, spendQuery, report, answer]() mutable {
            QString why;
            std::optional<QList<SpendRow>> rows = store->spend().query(spendQuery, &why);
            if (!rows) {
                answer(SpendReport{}, tr("The spend rollups cannot be read: %1").arg(why));
                return;
            }
            report.rows = std::move(*rows);
            answer(report, QString());
        });
    });
}

void EngineController::queryBudgets(QObject *context, std::function<void(const BudgetOverview &budgets)> done)
{
    const auto answer = deliverTo(context, std::move(done));
    onEngine([answer](Engine *engine) {
        const BudgetLedger::Status status = engine->budgetStatus(QDateTime::currentMSecsSinceEpoch());
        BudgetGauge global;
        global.scope = QStringLiteral("global");
        global.spentUsd = status.spentUsd;
        global.softLimitUsd = status.softLimitUsd;
        global.hardLimitUsd = status.dailyLimitUsd;
        global.resetsAt = QDateTime::fromMSecsSinceEpoch(status.resetsAtEpochMs, engine->budgetTimeZone());
        global.timeZone = status.timeZone;
        BudgetOverview overview{{global}};
        // Then every window of the keys' and teams' budgets, with what requests in flight hold.
        const QTimeZone zone = engine->budgetTimeZone();
        const SharedBudgets *shared =
            engine->store() && engine->config()->budget.shared ? engine->store()->sharedBudgets() : nullptr;
        for (const BudgetWindowStatus &w : engine->scopeBudgetStatuses(QDateTime::currentMSecsSinceEpoch())) {
            if (w.limitNano <= 0 && w.softNano <= 0)
                continue; // a window without limits (a team with only a monthly budget has a day too)
            BudgetGauge g;
            g.scope = w.scope.kindName();
            g.name = w.scope.name;
            g.window = w.window == BudgetWindow::Daily ? QStringLiteral("daily") : QStringLiteral("monthly");
            g.spentUsd = double(w.spentNano) / 1e9;
            g.reservedUsd = double(w.reservedNano) / 1e9;
            g.softLimitUsd = double(w.softNano) / 1e9;
            g.hardLimitUsd = double(w.limitNano) / 1e9;
            g.resetsAt = QDateTime::fromMSecsSinceEpoch(w.resetsAtMs, zone);
            g.timeZone = status.timeZone;
            // On a shared database the limit holds for every gateway together: show their totals.
            if (const SharedWindowTotals t = shared ? shared->totals(w.scope, w.window, w.start) : SharedWindowTotals{};
                t.seenAtMs > 0) {
                g.spentUsd = double(t.spentNano) / 1e9;
                g.reservedUsd = double(t.reservedNano) / 1e9;
                g.allGateways = true;
                g.sharedAsOf = QDateTime::fromMSecsSinceEpoch(t.seenAtMs, zone);
            }
            overview.gauges.append(g);
        }
        answer(overview);
    });
}

namespace {

/// Why `engine` has no audit ledger; empty when it has one.
QString auditOffReason(const Engine *engine)
{
    if (!engine->store())
        return EngineController::tr("The audit ledger is off: it needs the store (server.storage.enabled and a data "
                                    "directory).");
    if (!engine->store()->audit())
        return EngineController::tr("The audit ledger is off: it needs a database and a ledger secret "
                                    "(LLM_PROXY_AUDIT_SECRET; see docs/audit.md).");
    return {};
}

} // namespace

void EngineController::queryAuditAvailability(QObject *context, std::function<void(const QString &why)> done)
{
    const auto answer = deliverTo(context, std::move(done));
    onEngine([answer](Engine *engine) { answer(auditOffReason(engine)); });
}

void EngineController::onAuditLedger(std::function<void(AuditLedger *ledger, const QString &why)> work)
{
    onEngine([work = std::move(work)](Engine *engine) {
        if (const QString off = auditOffReason(engine); !off.isEmpty()) {
            work(nullptr, off);
            return;
        }
        // The ledger lives on the audit thread; its work runs there, never on the engine's.
        AuditService *audit = engine->store()->audit();
        QMetaObject::invokeMethod(audit->context(), [audit, work] {
            QString why;
            AuditLedger *ledger = audit->ledger(&why);
            work(ledger, ledger ? QString() : tr("The audit ledger cannot be used: %1").arg(why));
        });
    });
}

void EngineController::verifyAudit(
    QObject *context, std::function<void(const std::optional<AuditCheck> &check, const QString &error)> done)
{
    onAuditLedger([answer = deliverTo(context, std::move(done))](AuditLedger *ledger, const QString &off) {
        if (!ledger) {
            answer(std::optional<AuditCheck>(), off);
            return;
        }
        QElapsedTimer timer;
        timer.start();
        QString why;
        const std::optional<AuditVerifyResult> result = ledger->verify({}, &why);
        const std::optional<AuditAnchor> head = result ? ledger->signedHead(&why) : std::nullopt;
        if (!head) {
            answer(std::optional<AuditCheck>(), tr("The audit ledger cannot be used: %1").arg(why));
            return;
        }
        AuditCheck check;
        check.ok = result->ok();
        check.entries = result->entries;
        check.summary = result->summary();
        check.headSequence = head->sequence;
        if (!check.ok) {
            check.brokenSequence = result->sequence;
            check.failure = describe(result->failure);
            check.detail = result->detail;
        }
        check.elapsedMs = timer.elapsed();
        answer(std::optional<AuditCheck>(check), QString());
    });
}

void EngineController::exportAuditSubject(
    const QString &subject, QObject *context,
    std::function<void(const std::optional<QJsonObject> &data, const QString &error)> done)
{
    onAuditLedger([subject, answer = deliverTo(context, std::move(done))](AuditLedger *ledger, const QString &off) {
        QString why = off;
        const std::optional<QJsonObject> data =
            ledger ? ledger->exportSubject(subject, desktopRequester(), &why) : std::nullopt;
        answer(data, data ? QString() : ledger ? tr("The audit ledger cannot be used: %1").arg(why) : off);
    });
}

void EngineController::eraseAuditSubject(
    const QString &subject, QObject *context,
    std::function<void(const std::optional<AuditErasureResult> &erased, const QString &error)> done)
{
    onAuditLedger([subject, answer = deliverTo(context, std::move(done))](AuditLedger *ledger, const QString &off) {
        QString why = off;
        const std::optional<AuditErasure> erased =
            ledger ? ledger->eraseSubject(subject, desktopRequester(), &why) : std::nullopt;
        if (!erased) {
            answer(std::optional<AuditErasureResult>(),
                   ledger ? tr("The audit ledger cannot be used: %1").arg(why) : off);
            return;
        }
        answer(std::optional<AuditErasureResult>(
                   AuditErasureResult{erased->entries, erased->keysDestroyed, erased->recordSequence}),
               QString());
    });
}

} // namespace llmproxy
