// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/threatsbackend.h"

#include <QLocale>

#include <algorithm>

namespace llmproxy {

namespace {

/// How many recent decisions the view loads when it opens (the engine keeps up to 5000).
constexpr int kInitialDecisions = 5000;
/// How often the timeline moves on while nothing happens.
constexpr int kClockMs = 10'000;

qint64 minuteOf(const QDateTime &time)
{
    return time.toSecsSinceEpoch() / 60;
}

} // namespace

DecisionFeedModel::DecisionFeedModel(int maxRows, QObject *parent)
    : QAbstractListModel(parent), m_maxRows(qMax(1, maxRows))
{
}

int DecisionFeedModel::addDecisions(const QList<SecurityEvent> &events)
{
    QList<SecurityEvent> fresh;
    for (const SecurityEvent &e : events) {
        if (e.id > m_newestId)
            fresh.append(e);
    }
    if (fresh.isEmpty())
        return 0;
    // Newest first: only the newest maxRows of the batch can stay.
    std::reverse(fresh.begin(), fresh.end());
    if (fresh.size() > m_maxRows)
        fresh.resize(m_maxRows);
    m_newestId = fresh.constFirst().id;

    const qsizetype overflow = m_rows.size() + fresh.size() - m_maxRows;
    if (overflow > 0) {
        beginRemoveRows({}, int(m_rows.size() - overflow), int(m_rows.size() - 1));
        m_rows.resize(m_rows.size() - overflow);
        endRemoveRows();
    }
    beginInsertRows({}, 0, int(fresh.size() - 1));
    m_rows = fresh + m_rows;
    endInsertRows();
    emit countChanged();
    return int(fresh.size());
}

void DecisionFeedModel::setLayerTitles(const QHash<QString, QString> &titles)
{
    if (titles == m_layerTitles)
        return;
    m_layerTitles = titles;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size() - 1)), {LayerTitleRole});
}

const SecurityEvent &DecisionFeedModel::decision(int row) const
{
    return m_rows.at(row);
}

QVariantMap DecisionFeedModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= m_rows.size())
        return map;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}

int DecisionFeedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DecisionFeedModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const SecurityEvent &e = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return double(e.id);
    case TimeRole:
        return e.time.toLocalTime();
    case TimeTextRole:
        return QLocale().toString(e.time.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
    case KeyRole:
        return e.keyName;
    case ModelRole:
        return e.model;
    case LayerRole:
        return e.layer;
    case LayerTitleRole:
        return m_layerTitles.value(e.layer, e.layer);
    case ActionRole:
        return e.action;
    case ReasonRole:
        return e.reason;
    case DetailRole:
        return e.detail;
    case ScoreRole:
        return e.score;
    case RequestIdRole:
        return e.requestId;
    default:
        return {};
    }
}

QHash<int, QByteArray> DecisionFeedModel::roleNames() const
{
    return {{IdRole, "decisionId"},         {TimeRole, "time"},       {TimeTextRole, "timeText"},
            {KeyRole, "keyName"},           {ModelRole, "modelName"}, {LayerRole, "layer"},
            {LayerTitleRole, "layerTitle"}, {ActionRole, "action"},   {ReasonRole, "reason"},
            {DetailRole, "detail"},         {ScoreRole, "score"},     {RequestIdRole, "requestId"}};
}

ThreatsBackend::ThreatsBackend(EngineController *controller, QObject *parent)
    : QObject(parent), m_controller(controller), m_feed(new DecisionFeedModel(1000, this))
{
    connect(m_controller, &EngineController::securityStatusChanged, this, &ThreatsBackend::showStatus);
    connect(m_controller, &EngineController::securityEventsArrived, this, &ThreatsBackend::addDecisions);
    connect(m_feed, &DecisionFeedModel::countChanged, this, [this] {
        if (hasActivity() != m_hadActivity) {
            m_hadActivity = hasActivity();
            emit activityChanged();
        }
    });
    connect(&m_clock, &QTimer::timeout, this, [this] { updateTimeline(); });
    m_clock.start(kClockMs);

    showStatus(m_controller->securityStatus());
    updateTimeline();
    addDecisions(m_controller->recentSecurityEvents(kInitialDecisions));
}

double ThreatsBackend::masked() const
{
    quint64 total = 0;
    for (const GuardState &g : m_status.guards)
        total += g.masked;
    return double(total);
}

double ThreatsBackend::flagged() const
{
    quint64 total = 0;
    for (const GuardState &g : m_status.guards)
        total += g.flagged;
    return double(total);
}

bool ThreatsBackend::hasActivity() const
{
    return m_status.scanned > 0 || m_feed->rowCount() > 0;
}

QVariantList ThreatsBackend::layers() const
{
    QVariantList list;
    for (const GuardState &g : m_status.guards) {
        list.append(QVariantMap{{QStringLiteral("id"), g.id},
                                {QStringLiteral("title"), g.title},
                                {QStringLiteral("enabled"), g.enabled},
                                {QStringLiteral("scanned"), double(g.scanned)},
                                {QStringLiteral("blocked"), double(g.blocked)},
                                {QStringLiteral("masked"), double(g.masked)},
                                {QStringLiteral("flagged"), double(g.flagged)}});
    }
    return list;
}

QDateTime ThreatsBackend::timelineStart() const
{
    return QDateTime::fromSecsSinceEpoch((m_endMinute - kTimelineMinutes + 1) * 60);
}

QDateTime ThreatsBackend::timelineEnd() const
{
    return QDateTime::fromSecsSinceEpoch(m_endMinute * 60);
}

void ThreatsBackend::showStatus(const SecurityStatus &status)
{
    m_status = status;
    QHash<QString, QString> titles;
    for (const GuardState &g : status.guards)
        titles.insert(g.id, g.title);
    m_feed->setLayerTitles(titles);
    emit statusChanged();
    if (hasActivity() != m_hadActivity) {
        m_hadActivity = hasActivity();
        emit activityChanged();
    }
}

void ThreatsBackend::addDecisions(const QList<SecurityEvent> &events)
{
    // Only decisions the feed has not shown yet count: the first batch after opening may repeat
    // some of the recent ones.
    const quint64 shownBefore = m_feed->rowCount() > 0 ? m_feed->decision(0).id : 0;
    const qint64 oldest = minuteOf(QDateTime::currentDateTime()) - kTimelineMinutes + 1;
    bool changed = false;
    for (const SecurityEvent &e : events) {
        const qint64 minute = minuteOf(e.time);
        if (e.id <= shownBefore || minute < oldest)
            continue;
        if (e.action == QLatin1String("block"))
            ++m_minutes[minute].first;
        else if (e.action == QLatin1String("mask"))
            ++m_minutes[minute].second;
        else
            continue;
        changed = true;
    }
    m_feed->addDecisions(events);
    if (changed)
        updateTimeline();
}

void ThreatsBackend::updateTimeline(const QDateTime &now)
{
    const qint64 previousEnd = m_endMinute;
    m_endMinute = minuteOf(now);
    const qint64 first = m_endMinute - kTimelineMinutes + 1;
    m_minutes.erase(m_minutes.begin(), m_minutes.lowerBound(first));
    QVariantList blocks;
    QVariantList masks;
    int max = 0;
    int total = 0;
    for (qint64 minute = first; minute <= m_endMinute; ++minute) {
        const auto counts = m_minutes.value(minute);
        blocks.append(counts.first);
        masks.append(counts.second);
        max = std::max({max, counts.first, counts.second});
        total += counts.first;
    }
    if (m_endMinute == previousEnd && blocks == m_blocksPerMinute && masks == m_masksPerMinute)
        return;
    m_blocksPerMinute = blocks;
    m_masksPerMinute = masks;
    m_timelineMax = max;
    m_timelineBlocks = total;
    emit timelineChanged();
}

} // namespace llmproxy
