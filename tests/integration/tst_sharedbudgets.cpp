// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// A key's budget shared by two gateway processes on one PostgreSQL database (budget.shared): under
// concurrent load on both, the key's total spend stays within its daily limit plus one reservation
// per gateway, while with budget.shared: false each gateway lets it spend the whole limit; the audit
// chain both gateways append to stays verifiable; the holds of a gateway killed with SIGKILL stop
// counting after budget.shared_hold_s. Skipped when no PostgreSQL server binaries are installed.
#include "tests/support/asyncrequest.h"
#include "tests/support/gatewayfixture.h"
#include "tests/support/testdatabases.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <csignal>
#include <functional>
#include <memory>
#include <vector>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kAliceKey = "sk-alice-0123456789abcdef";
constexpr const char *kAdminKey = "adm-sharedbudgets-test";
constexpr const char *kAuditSecret = "sharedbudgets-audit-secret-0123456789";

/// Alice's daily limit, and the price of mock-chat: $1000 per million tokens, a tenth of a cent a token.
constexpr double kLimitUsd = 0.5;
constexpr double kUsdPerToken = 0.001;
/// The request: ten words in, ten words echoed back (the mock's usage counts words), at most 20 out.
constexpr int kMaxTokens = 20;
const QString kPrompt = u"one two three four five six seven eight nine ten"_s;
/// Requests in flight per gateway, and the refusals in a row after which a gateway is left alone.
constexpr int kInFlight = 6;
constexpr int kRefusalStreak = 4;

QByteArray requestBody()
{
    const QJsonObject body{{u"model"_s, u"mock-chat"_s},
                           {u"max_tokens"_s, kMaxTokens},
                           {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, kPrompt}}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

/// What one request reserves: its body's bytes / 4 as input plus max_tokens, at the route's price.
double reservationUsd()
{
    const qint64 inputTokens = (requestBody().size() + 3) / 4; // whole tokens, rounded up, as the gateway counts
    return double(inputTokens + kMaxTokens) * kUsdPerToken;
}

HeaderList aliceHeaders()
{
    HeaderList headers = bearer(kAliceKey);
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return headers;
}

/// How a gateway of the test is set up.
struct Setup
{
    QString dsn;         ///< the shared PostgreSQL database (libpq key=value form)
    bool shared = true;  ///< budget.shared
    int holdSeconds = 0; ///< budget.shared_hold_s; 0 = the default
};

/// A gateway with its own mock and data directory on the database of `setup`: alice has a daily
/// budget of kLimitUsd, mock-chat is priced, the audit ledger is on (the secret every gateway of the
/// database shares).
bool startGateway(GatewayFixture &gateway, const Setup &setup, QString *error)
{
    gateway.config.serverYaml = "  storage:\n    type: postgres\n    dsn_env: SHARED_BUDGETS_DSN\n"
                                "  auth:\n    keys:\n      - {name: alice, key_env: ALICE_KEY}\n";
    QByteArray budget = "budget:\n  shared: " + QByteArray(setup.shared ? "true" : "false") + '\n';
    if (setup.holdSeconds > 0)
        budget += "  shared_hold_s: " + QByteArray::number(setup.holdSeconds) + '\n';
    budget += "  keys:\n    alice: {daily_usd: " + QByteArray::number(kLimitUsd) + "}\n";
    gateway.config.extraYaml =
        "pricing:\n  mock-chat: {input: 1000, output: 1000}\n" + budget + "audit:\n  requests: all\n";
    gateway.options.env.insert(u"SHARED_BUDGETS_DSN"_s, setup.dsn);
    gateway.options.env.insert(u"ALICE_KEY"_s, QString::fromLatin1(kAliceKey));
    gateway.options.env.insert(u"LLM_PROXY_ADMIN_KEYS"_s, QString::fromLatin1(kAdminKey));
    gateway.options.env.insert(u"LLM_PROXY_AUDIT_SECRET"_s, QString::fromLatin1(kAuditSecret));
    if (!gateway.start(error))
        return false;
    if (gateway.proxy.stdErr().contains("audit ledger: off")) {
        *error = u"the audit ledger is off: "_s + QString::fromUtf8(gateway.proxy.stdErr());
        return false;
    }
    return true;
}

/// What the load got back from all gateways together.
struct Tally
{
    int served = 0;
    int refused = 0;
    double spentUsd = 0.0; ///< the served requests' usage at mock-chat's price
    QStringList problems;

    /// Counts one answer: a 200 with its usage, or a 402 key_budget_exceeded; anything else is a problem.
    void add(const HttpResponse &r)
    {
        if (r.status == 200) {
            const QJsonObject usage = r.json().value(u"usage"_s).toObject();
            const qint64 tokens =
                usage.value(u"prompt_tokens"_s).toInteger() + usage.value(u"completion_tokens"_s).toInteger();
            if (tokens <= 0)
                problems.append(u"a 200 without usage: "_s + r.describe());
            ++served;
            spentUsd += double(tokens) * kUsdPerToken;
            return;
        }
        const QString code = r.json().value(u"error"_s).toObject().value(u"code"_s).toString();
        if (r.status == 402 && code == u"key_budget_exceeded"_s) {
            ++refused;
            return;
        }
        if (problems.size() < 5)
            problems.append(u"unexpected answer: "_s + r.describe());
    }
    QString describe() const
    {
        return u"%1 served, %2 refused, $%3 spent (limit $%4, one reservation $%5)%6"_s.arg(served)
            .arg(refused)
            .arg(spentUsd, 0, 'f', 4)
            .arg(kLimitUsd, 0, 'f', 4)
            .arg(reservationUsd(), 0, 'f', 4)
            .arg(problems.isEmpty() ? QString() : u"; "_s + problems.join(u"; "_s));
    }
};

/// Keeps kInFlight requests of alice in flight at each of `urls` until that gateway has refused
/// kRefusalStreak in a row, then waits for every request to end. False when they did not end.
bool burst(const QList<QUrl> &urls, Tally *tally)
{
    QElapsedTimer clock;
    clock.start();
    const QByteArray body = requestBody();
    const HeaderList headers = aliceHeaders();
    struct Lane
    {
        QUrl url;
        int inFlight = 0;
        int streak = 0;
    };
    std::vector<Lane> lanes;
    for (const QUrl &url : urls)
        lanes.push_back({url});
    std::vector<std::unique_ptr<AsyncRequest>> requests;
    int running = 0; // requests in flight and refills queued
    QObject context; // refills still queued when this returns are dropped with it
    std::function<void(size_t)> launch = [&](size_t lane) {
        auto request = std::make_unique<AsyncRequest>(&clock);
        request->setOnFinished([&, lane](AsyncRequest &done) {
            const HttpResponse r = done.response();
            tally->add(r);
            Lane &l = lanes[lane];
            l.streak = r.status == 402 ? l.streak + 1 : 0;
            --l.inFlight;
            if (l.streak >= kRefusalStreak) {
                --running;
                return;
            }
            // Refilled outside the callback of the request that ended, unless the lane is done by then.
            QTimer::singleShot(0, &context, [&, lane] {
                --running;
                if (lanes[lane].streak < kRefusalStreak)
                    launch(lane);
            });
        });
        ++lanes[lane].inFlight;
        ++running;
        request->start("POST", lanes[lane].url, headers, body);
        requests.push_back(std::move(request));
    };
    for (size_t lane = 0; lane < lanes.size(); ++lane) {
        for (int i = 0; i < kInFlight; ++i)
            launch(lane);
    }
    return QTest::qWaitFor(
        [&] {
            for (const Lane &l : lanes) {
                if (l.streak < kRefusalStreak || l.inFlight > 0)
                    return false;
            }
            return running == 0;
        },
        60'000);
}

/// Loads every gateway of `urls` with alice's requests until, with nothing in flight anywhere, each
/// of them refuses one more: then no gateway would let alice spend another reservation. False when
/// that was not reached.
bool loadUntilRefused(const QList<QUrl> &urls, Tally *tally)
{
    const QByteArray body = requestBody();
    for (int round = 0; round < 200; ++round) {
        if (!burst(urls, tally))
            return false;
        bool allRefused = true;
        for (const QUrl &url : urls) {
            const HttpResponse r = HttpClient::post(url, body, aliceHeaders());
            tally->add(r);
            allRefused = allRefused && r.status == 402;
        }
        if (allRefused)
            return true;
    }
    return false;
}

/// Alice's cost as the gateways wrote it to spend_daily, -1 when it cannot be read.
double spendDailyOfAlice(const DatabaseSettings &settings)
{
    const QVariant v =
        scalar(settings, u"SELECT COALESCE(SUM(cost_usd), 0) FROM spend_daily WHERE key_name = 'alice'"_s);
    return v.isValid() ? v.toDouble() : -1.0;
}

HttpResponse admin(const GatewayFixture &gateway, const QString &path)
{
    return HttpClient::get(gateway.url(path), bearer(kAdminKey));
}

/// Alice's daily window in a GET /api/v1/analytics/budget answer; empty when it is not there.
QJsonObject aliceDaily(const QJsonObject &budget)
{
    for (const QJsonValue v : budget.value(u"scopes"_s).toArray()) {
        QJsonObject scope = v.toObject();
        if (scope.value(u"kind"_s).toString() == u"key"_s && scope.value(u"name"_s).toString() == u"alice"_s &&
            scope.value(u"window"_s).toString() == u"daily"_s)
            return scope;
    }
    return {};
}

/// Two gateways on one database, with the load they took.
struct Pair
{
    GatewayFixture a;
    GatewayFixture b;
    Tally tally;
    QList<QUrl> urls() const { return {a.url(u"/v1/chat/completions"_s), b.url(u"/v1/chat/completions"_s)}; }
};

} // namespace

class TestSharedBudgets : public QObject
{
    Q_OBJECT

private:
    /// A new database for the next pair of gateways; skips the test without PostgreSQL.
    std::optional<DatabaseSettings> freshDatabase(QString *dsn)
    {
        std::optional<DatabaseSettings> settings = m_databases.fresh(u"postgres"_s);
        if (settings)
            *dsn = m_databases.lastConnectionString();
        return settings;
    }

    /// Starts two gateways on a new database with `shared`, loads them until both refuse alice, and
    /// checks every answer was a 200 or her 402; the pair and the database's settings are kept.
    void startLoadedPair(bool shared, std::unique_ptr<Pair> *pair, std::optional<DatabaseSettings> *settings)
    {
        QString dsn;
        *settings = freshDatabase(&dsn);
        if (!*settings && PostgresCluster::binDirectory().isEmpty())
            QSKIP(qPrintable(u"needs a PostgreSQL server: "_s + m_databases.problem()));
        QVERIFY2(*settings, qPrintable(u"PostgreSQL is installed but did not start: "_s + m_databases.problem()));
        *pair = std::make_unique<Pair>();
        Pair &p = **pair;
        const Setup setup{dsn, shared};
        QString error;
        QVERIFY2(startGateway(p.a, setup, &error), qPrintable(error));
        QVERIFY2(startGateway(p.b, setup, &error), qPrintable(error));
        QVERIFY2(loadUntilRefused(p.urls(), &p.tally), qPrintable(p.tally.describe()));
        QVERIFY2(p.tally.problems.isEmpty(), qPrintable(p.tally.describe()));
        // Both gateways served and were refused: the load reached each of them.
        QVERIFY2(p.a.mock.stat("inference_requests") > 0 && p.b.mock.stat("inference_requests") > 0,
                 qPrintable(p.tally.describe()));
        // What the gateways charged is what their answers' usage says (both write spend_daily).
        QTRY_VERIFY2_WITH_TIMEOUT(
            std::abs(spendDailyOfAlice(**settings) - p.tally.spentUsd) < 1e-6,
            qPrintable(u"spend_daily says $%1; "_s.arg(spendDailyOfAlice(**settings)) + p.tally.describe()), 15'000);
    }

    TestDatabases m_databases;
    /// The shared pair of twoGatewaysShareOneDailyLimit, loaded; auditChainStaysVerifiable reads it.
    std::unique_ptr<Pair> m_sharedPair;

private slots:
    void twoGatewaysShareOneDailyLimit()
    {
        // The numbers must tell the two behaviours apart: two gateways each spending up to the limit
        // pass it by far more than one reservation each.
        const double reservation = reservationUsd();
        QVERIFY(2 * (kLimitUsd - reservation) > kLimitUsd + 2 * reservation);
        std::optional<DatabaseSettings> settings;
        startLoadedPair(true, &m_sharedPair, &settings);
        if (QTest::currentTestFailed() || !m_sharedPair)
            return;
        const Tally &tally = m_sharedPair->tally;
        qInfo("shared: %s", qPrintable(tally.describe()));
        QVERIFY2(tally.spentUsd <= kLimitUsd + 2 * reservation + 1e-9, qPrintable(tally.describe()));
        // Sharing must not stop alice long before her limit.
        QVERIFY2(tally.spentUsd > kLimitUsd / 2, qPrintable(tally.describe()));

        // The budget report adds what the shared ledger last saw: both gateways' spend, within the limit.
        const QJsonObject budget = admin(m_sharedPair->a, u"/api/v1/analytics/budget"_s).json();
        QVERIFY2(budget.value(u"shared_budgets"_s).toBool(), QJsonDocument(budget).toJson().constData());
        const QJsonObject day = aliceDaily(budget);
        const double sharedSpent = day.value(u"shared"_s).toObject().value(u"spent_usd"_s).toDouble(-1);
        QVERIFY2(sharedSpent > 0 && sharedSpent <= kLimitUsd + 1e-9, QJsonDocument(day).toJson().constData());
    }

    void withoutSharingEachGatewaySpendsItsOwnLimit()
    {
        // The control: budget.shared: false keeps each gateway's budget to itself, so the same load
        // takes alice past the limit plus one reservation per gateway — what the shared case rules out.
        std::unique_ptr<Pair> pair;
        std::optional<DatabaseSettings> settings;
        startLoadedPair(false, &pair, &settings);
        if (QTest::currentTestFailed() || !pair)
            return;
        const Tally &tally = pair->tally;
        qInfo("not shared: %s", qPrintable(tally.describe()));
        const QJsonObject budget = admin(pair->a, u"/api/v1/analytics/budget"_s).json();
        QVERIFY(!budget.contains(u"shared_budgets"_s));
        QVERIFY(!aliceDaily(budget).isEmpty());
        QVERIFY(!aliceDaily(budget).contains(u"shared"_s));
        QVERIFY2(tally.spentUsd > kLimitUsd + 2 * reservationUsd(), qPrintable(tally.describe()));
    }

    void auditChainStaysVerifiable()
    {
        std::optional<DatabaseSettings> settings;
        if (!m_sharedPair) { // run on its own: load a pair first
            startLoadedPair(true, &m_sharedPair, &settings);
            if (QTest::currentTestFailed() || !m_sharedPair)
                return;
        }
        const Pair &pair = *m_sharedPair;
        const int answered = pair.tally.served + pair.tally.refused;
        // Every answer is on record once in the one chain both append to, with its status: as a row of a
        // requests.completed entry (served, or refused by the budget: an error outcome) or as an entry
        // of its own (refused by a guard: request.blocked).
        QVERIFY(answered < 1000);
        const auto recorded = [&](const GatewayFixture &gateway) {
            const QJsonArray entries =
                admin(gateway, u"/api/v1/audit?category=request&limit=1000"_s).json().value(u"entries"_s).toArray();
            std::pair<int, int> servedRefused{0, 0};
            for (const QJsonValue &value : entries) {
                const QJsonObject entry = value.toObject();
                const QJsonObject details = entry.value(u"details"_s).toObject();
                const auto count = [&](int status) {
                    servedRefused.first += status == 200 ? 1 : 0;
                    servedRefused.second += status == 402 ? 1 : 0;
                };
                if (entry.value(u"action"_s).toString() != u"requests.completed") {
                    count(details.value(u"status"_s).toInt());
                    continue;
                }
                const int status = int(details.value(u"columns"_s).toArray().toVariantList().indexOf(u"status"_s));
                for (const QJsonValue &row : details.value(u"rows"_s).toArray())
                    count(row.toArray().at(status).toInt());
            }
            return servedRefused;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
            recorded(pair.b).first + recorded(pair.b).second == answered,
            qPrintable(u"%1 served and %2 refused on record for %3 answers"_s.arg(recorded(pair.b).first)
                           .arg(recorded(pair.b).second)
                           .arg(answered)),
            15'000);
        QCOMPARE(recorded(pair.b).first, pair.tally.served);
        QCOMPARE(recorded(pair.b).second, pair.tally.refused);
        QCOMPARE(recorded(pair.a), recorded(pair.b));
        const auto verify = [&](const GatewayFixture &gateway) {
            return admin(gateway, u"/api/v1/audit/verify"_s).json();
        };
        const QJsonObject a = verify(pair.a);
        const QJsonObject b = verify(pair.b);
        QVERIFY2(a.value(u"ok"_s).toBool(), qPrintable(QString::fromUtf8(QJsonDocument(a).toJson())));
        QVERIFY2(b.value(u"ok"_s).toBool(), qPrintable(QString::fromUtf8(QJsonDocument(b).toJson())));
        QVERIFY(!a.contains(u"broken"_s));
        QCOMPARE(b.value(u"entries"_s).toInteger(), a.value(u"entries"_s).toInteger());
        const QString head = a.value(u"head"_s).toObject().value(u"entry_hash"_s).toString();
        QVERIFY(!head.isEmpty());
        QCOMPARE(b.value(u"head"_s).toObject().value(u"entry_hash"_s).toString(), head);
    }

    void crashedGatewaysHoldsExpire()
    {
        QString dsn;
        const std::optional<DatabaseSettings> settings = freshDatabase(&dsn);
        if (!settings && PostgresCluster::binDirectory().isEmpty())
            QSKIP(qPrintable(u"needs a PostgreSQL server: "_s + m_databases.problem()));
        QVERIFY2(settings, qPrintable(u"PostgreSQL is installed but did not start: "_s + m_databases.problem()));
        GatewayFixture a;
        GatewayFixture b;
        const Setup setup{dsn, true, 2};
        QString error;
        QVERIFY2(startGateway(a, setup, &error), qPrintable(error));
        QVERIFY2(startGateway(b, setup, &error), qPrintable(error));

        // A's upstream never answers: each request it sends holds its reservation, until A refuses one.
        QJsonArray silent;
        for (int i = 0; i < 40; ++i)
            silent.append(QJsonObject{{u"no_response"_s, true}});
        QVERIFY(a.mock.script(silent));
        QElapsedTimer clock;
        clock.start();
        std::vector<std::unique_ptr<AsyncRequest>> held;
        HttpResponse refusal;
        for (int i = 0; i < 40 && refusal.status == 0; ++i) {
            auto request = std::make_unique<AsyncRequest>(&clock);
            request->start("POST", a.url(u"/v1/chat/completions"_s), aliceHeaders(), requestBody());
            const qint64 sent = qint64(held.size());
            QVERIFY2(QTest::qWaitFor([&] { return request->isFinished() || a.mock.stat("inference_requests") > sent; },
                                     10'000),
                     qPrintable(a.proxy.diagnostics()));
            if (request->isFinished())
                refusal = request->response();
            held.push_back(std::move(request));
        }
        QVERIFY2(refusal.status == 402, qPrintable(refusal.describe()));
        const qint64 holds = a.mock.stat("inference_requests");
        QVERIFY2(double(holds) * reservationUsd() > kLimitUsd - reservationUsd(), qPrintable(QString::number(holds)));

        // While A holds them, B cannot fit one more.
        const QByteArray body = requestBody();
        const QUrl atB = b.url(u"/v1/chat/completions"_s);
        HttpResponse r = HttpClient::post(atB, body, aliceHeaders());
        QVERIFY2(r.status == 402, qPrintable(r.describe()));
        QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"key_budget_exceeded"_s);
        QCOMPARE(b.mock.stat("inference_requests"), qint64(0));

        // A dies without giving them back; once its holds are older than shared_hold_s they stop counting.
        QVERIFY(a.proxy.sendSignal(SIGKILL));
        QVERIFY(a.proxy.waitForExit(10'000));
        // (QTRY_ evaluates its condition more than once: a request is sent only until one is served.)
        bool served = false;
        QTRY_VERIFY2_WITH_TIMEOUT(served || (served = (r = HttpClient::post(atB, body, aliceHeaders())).status == 200),
                                  qPrintable(r.describe()), 20'000);
        QCOMPARE(b.mock.stat("inference_requests"), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestSharedBudgets)
#include "tst_sharedbudgets.moc"
