// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The keys' and teams' budgets on the request path: the worst case of a request is reserved
// before it is sent, in this gateway's ledger and, on PostgreSQL, in the ledger every gateway on
// the database shares (docs/configuration.md#budgets-per-key-and-per-team,
// docs/storage.md#budget_counters).
#include "proxycore/api/apirouter.h"

#include "proxycore/api/sharedstate.h"
#include "proxycore/api/threadhop.h"
#include "proxycore/cost/budget.h"
#include "proxycore/formats/canonical.h"
#include "proxycore/formats/jsonmembers.h"
#include "proxycore/pipeline/requestcontext.h"
#include "proxycore/store/store.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <atomic>
#include <optional>

namespace llmproxy {

namespace {

Q_LOGGING_CATEGORY(lcBudgetGate, "llmproxy.budget")

/// The most output a request allows itself: its own maximum for its API (0 for embeddings), or
/// nullopt when it sets none.
std::optional<qint64> requestedOutputTokens(const RequestView &view)
{
    if (view.api() == ClientApi::Embeddings)
        return 0;
    const QByteArray &body = view.body();
    JsonMemberSpan spans[3];
    findTopLevelMembers(body, {"max_completion_tokens", "max_tokens", "max_output_tokens"}, spans);
    for (const JsonMemberSpan &span : spans) {
        if (!span.isValid())
            continue;
        bool ok = false;
        const qint64 n = QByteArrayView(body).sliced(span.valueStart, span.valueEnd - span.valueStart).toLongLong(&ok);
        if (ok && n >= 0)
            return n;
    }
    return std::nullopt;
}

/// One warning a minute at most while the shared ledger does not answer (every gateway then
/// counts alone).
void warnUnavailable(const QString &why)
{
    static std::atomic<qint64> lastMs{0};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 last = lastMs.load(std::memory_order_relaxed);
    if (now - last < 60'000 || !lastMs.compare_exchange_strong(last, now))
        return;
    qCWarning(lcBudgetGate,
              "shared key and team budgets: the database does not answer (%s); each gateway counts only its own "
              "requests until it does",
              qPrintable(why));
}

} // namespace

ApiRouter::BudgetGate ApiRouter::reserveBudget(RequestContext &context)
{
    const RoutingSnapshot &snapshot = *context.snapshot;
    const BudgetConfig &config = snapshot.config().budget;
    if (config.keys.isEmpty() && config.teams.isEmpty())
        return BudgetGate::Pass;
    const QString keyName = context.key ? context.key->name() : QString();
    ScopeBudgets &budgets = m_state->scopeBudgets;
    if (!budgets.isLimited(keyName, context.team))
        return BudgetGate::Pass;

    // The worst case: the whole body as input (about four bytes a token; JSON syntax makes it an
    // over-estimate) and the most output the request allows — else the model's output limit, else
    // budget.reserve_output_tokens — at the dearest of its routes.
    const RequestView &view = *context.view;
    const qint64 inputTokens = (view.body().size() + 3) / 4;
    const std::optional<qint64> requested = requestedOutputTokens(view);
    double worstUsd = 0.0;
    for (const RouteTarget &r : std::as_const(context.routes)) {
        const ModelPrice price = snapshot.priceFor(*r.endpoint, r.upstreamModel);
        const qint64 outputTokens = requested                   ? *requested
                                    : price.maxOutputTokens > 0 ? price.maxOutputTokens
                                                                : qint64(config.reserveOutputTokens);
        worstUsd = std::max(worstUsd, costUsd(price, inputTokens, 0, outputTokens));
    }

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ScopeBudgets::Refusal refused;
    BudgetReservation reservation = budgets.reserve(keyName, context.team, worstUsd, now, &refused);
    if (reservation.isActive()) {
        const bool shared =
            config.shared && m_state->store && m_state->store->sharedBudgets() && !reservation.windows().isEmpty();
        context.reservation = std::make_shared<BudgetReservation>(std::move(reservation));
        return shared ? BudgetGate::AskShared : BudgetGate::Pass;
    }
    if (refused.status.limitNano <= 0)
        return BudgetGate::Pass; // nothing of this request is limited any more (a reload meanwhile)
    return overBudget(context, refused.status, refused.askedNano) ? BudgetGate::Pass : BudgetGate::Refused;
}

void ApiRouter::confirmSharedBudget(RequestContext &&context, std::function<void(RequestContext &&)> next)
{
    const std::weak_ptr<Store> store = m_state->store;
    SharedBudgets *shared = m_state->store->sharedBudgets();
    auto pending = std::make_shared<RequestContext>(std::move(context));
    const QList<BudgetWindowRef> windows = pending->reservation->windows();
    const qint64 nano = pending->reservation->nano();
    // Answered on this worker once the budget thread has held it with the others queued meanwhile.
    auto *waiting = new PendingAnswer<SharedReservation>(
        m_context, [this, pending, windows, store, next = std::move(next)](const SharedReservation &answer) {
            switch (answer.outcome) {
            case SharedReservation::Outcome::Reserved:
                // Given back (and the cost charged) there when the request ends, whichever way.
                pending->reservation->setEndHook([store, windows](qint64 held, qint64 charged) {
                    const std::shared_ptr<Store> s = store.lock();
                    if (SharedBudgets *ledger = s ? s->sharedBudgets() : nullptr)
                        ledger->submit(SharedBudgets::Settlement{windows, held, charged});
                });
                next(std::move(*pending));
                return;
            case SharedReservation::Outcome::Unavailable:
                warnUnavailable(answer.error);
                next(std::move(*pending));
                return;
            case SharedReservation::Outcome::Refused:
                break;
            }
            const BudgetWindowRef &w = windows.at(answer.window);
            BudgetWindowStatus status;
            status.scope = w.scope;
            status.window = w.window;
            status.spentNano = answer.spentNano;
            status.reservedNano = answer.reservedNano;
            status.limitNano = w.limitNano;
            status.resetsAtMs = w.resetsAtMs;
            status.start = w.start;
            const qint64 asked = pending->reservation->nano();
            pending->reservation.reset(); // given back here: nothing was held there
            if (overBudget(*pending, status, asked))
                next(std::move(*pending));
        });
    shared->submit(SharedBudgets::Ask{windows, nano, [waiting](const SharedReservation &answer) {
                                          QMetaObject::invokeMethod(
                                              waiting, [waiting, answer] { waiting->finish(answer); },
                                              Qt::QueuedConnection);
                                      }});
}

bool ApiRouter::overBudget(RequestContext &context, const BudgetWindowStatus &s, qint64 askedNano)
{
    const RoutingSnapshot &snapshot = *context.snapshot;
    const BudgetConfig &config = snapshot.config().budget;
    ScopeLimitReached limit;
    limit.team = s.scope.kind == BudgetScope::Kind::Team;
    limit.name = s.scope.name;
    limit.monthly = s.window == BudgetWindow::Monthly;
    limit.spentUsd = ScopeBudgets::toUsd(s.spentNano);
    limit.reservedUsd = ScopeBudgets::toUsd(s.reservedNano);
    limit.limitUsd = ScopeBudgets::toUsd(s.limitNano);
    limit.askedUsd = ScopeBudgets::toUsd(askedNano);
    limit.nowEpochMs = QDateTime::currentMSecsSinceEpoch();
    limit.resetsAtEpochMs = s.resetsAtMs;
    limit.timeZone = config.timezone.isEmpty() ? QStringLiteral("UTC") : config.timezone;
    const BudgetDecision decision = decideScopeBudget(limit, config, snapshot.budgetEndpoints(), context.model);
    const QByteArray code =
        limit.team ? QByteArrayLiteral("team_budget_exceeded") : QByteArrayLiteral("key_budget_exceeded");
    if (decision.action == BudgetDecision::Action::Downgrade) {
        const KeyAccess *key = context.key.get();
        context.routes = snapshot.routeTo(decision.endpointId, decision.model);
        if (key && !key->allowsEveryModel())
            context.routes.removeIf([key](const RouteTarget &r) { return !key->allowsModel(r.upstreamModel); });
        if (!context.routes.isEmpty()) {
            qInfo("%s", qPrintable(decision.message));
            return true; // a local model: nothing to reserve
        }
        refuse(context,
               {402,
                QStringLiteral("The %1 budget of %2 '%3' is spent and the local model '%4' cannot serve this "
                               "request.")
                    .arg(limit.monthly ? QStringLiteral("monthly") : QStringLiteral("daily"),
                         limit.team ? QStringLiteral("team") : QStringLiteral("key"), limit.name, decision.model),
                QByteArrayLiteral("insufficient_quota"),
                code,
                {}});
        return false;
    }
    refuse(context, {402, decision.message, QByteArrayLiteral("insufficient_quota"), code, {}});
    return false;
}

} // namespace llmproxy
