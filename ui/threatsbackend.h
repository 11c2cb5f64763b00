// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/enginecontroller.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QTimer>
#include <QVariantList>

namespace llmproxy {

/// The live feed of security decisions for the Threats view, newest first. Bounded: beyond
/// `maxRows` the oldest rows are dropped. GUI thread only.
class DecisionFeedModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TimeRole,     ///< QDateTime, local time
        TimeTextRole, ///< "14:03:27"
        KeyRole,      ///< client key name; empty when the request had none
        ModelRole,
        LayerRole,      ///< guard id
        LayerTitleRole, ///< guard title
        ActionRole,     ///< "block", "mask", "flag"
        ReasonRole,
        DetailRole,
        ScoreRole, ///< double; 0 when the layer gives no score
        RequestIdRole,
    };

    explicit DecisionFeedModel(int maxRows = 1000, QObject *parent = nullptr);

    /// Adds decisions (oldest first, as the controller sends them) above the existing rows.
    /// Decisions already shown (by id) are skipped. Returns how many rows were added.
    int addDecisions(const QList<SecurityEvent> &events);
    /// Guard titles by id, for LayerTitleRole.
    void setLayerTitles(const QHash<QString, QString> &titles);
    const SecurityEvent &decision(int row) const;
    /// Every role of `row` by role name, for the detail pane; empty for a row that does not exist.
    Q_INVOKABLE QVariantMap get(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    QList<SecurityEvent> m_rows; ///< newest first
    QHash<QString, QString> m_layerTitles;
    quint64 m_newestId = 0;
    int m_maxRows;
};

/// What the QML Threats view shows, fed by EngineController: KPI totals, counters per layer, scan
/// time, blocks per minute over the last hour and the decision feed. GUI thread only.
class ThreatsBackend : public QObject
{
    Q_OBJECT
    Q_PROPERTY(double scanned READ scanned NOTIFY statusChanged)
    Q_PROPERTY(double blocked READ blocked NOTIFY statusChanged)
    Q_PROPERTY(double masked READ masked NOTIFY statusChanged)
    Q_PROPERTY(double flagged READ flagged NOTIFY statusChanged)
    Q_PROPERTY(double p50 READ p50 NOTIFY statusChanged)
    Q_PROPERTY(double p95 READ p95 NOTIFY statusChanged)
    Q_PROPERTY(double p99 READ p99 NOTIFY statusChanged)
    Q_PROPERTY(bool securityEnabled READ securityEnabled NOTIFY statusChanged)
    /// Nothing scanned and no decision yet: the view shows its empty state.
    Q_PROPERTY(bool hasActivity READ hasActivity NOTIFY activityChanged)
    /// Per guard: {id, title, enabled, scanned, blocked, masked, flagged}, in pipeline order.
    Q_PROPERTY(QVariantList layers READ layers NOTIFY statusChanged)
    Q_PROPERTY(DecisionFeedModel *feed READ feed CONSTANT)
    /// Start of the oldest and of the newest minute of the timeline (local time).
    Q_PROPERTY(QDateTime timelineStart READ timelineStart NOTIFY timelineChanged)
    Q_PROPERTY(QDateTime timelineEnd READ timelineEnd NOTIFY timelineChanged)
    /// Blocks and masks per minute, oldest first, kTimelineMinutes values each.
    Q_PROPERTY(QVariantList blocksPerMinute READ blocksPerMinute NOTIFY timelineChanged)
    Q_PROPERTY(QVariantList masksPerMinute READ masksPerMinute NOTIFY timelineChanged)
    Q_PROPERTY(int timelineMax READ timelineMax NOTIFY timelineChanged)
    Q_PROPERTY(int timelineBlocks READ timelineBlocks NOTIFY timelineChanged)
public:
    static constexpr int kTimelineMinutes = 60;

    /// `controller` must outlive the backend. Loads the current status and the recent decisions.
    explicit ThreatsBackend(EngineController *controller, QObject *parent = nullptr);

    double scanned() const { return double(m_status.scanned); }
    double blocked() const { return double(m_status.blocked); }
    double masked() const;
    double flagged() const;
    double p50() const { return m_status.p50; }
    double p95() const { return m_status.p95; }
    double p99() const { return m_status.p99; }
    bool securityEnabled() const { return m_status.enabled; }
    bool hasActivity() const;
    QVariantList layers() const;
    DecisionFeedModel *feed() const { return m_feed; }
    QDateTime timelineStart() const;
    QDateTime timelineEnd() const;
    QVariantList blocksPerMinute() const { return m_blocksPerMinute; }
    QVariantList masksPerMinute() const { return m_masksPerMinute; }
    int timelineMax() const { return m_timelineMax; }
    int timelineBlocks() const { return m_timelineBlocks; }

    const SecurityStatus &status() const { return m_status; }

    /// Moves the timeline to `now` (normally the wall clock, every few seconds).
    void updateTimeline(const QDateTime &now = QDateTime::currentDateTime());

signals:
    void statusChanged();
    void activityChanged();
    void timelineChanged();

private:
    void showStatus(const SecurityStatus &status);
    void addDecisions(const QList<SecurityEvent> &events);

    EngineController *m_controller;
    DecisionFeedModel *m_feed;
    SecurityStatus m_status;
    bool m_hadActivity = false;
    /// Blocks and masks per minute since the epoch, for the minutes still on the timeline.
    QMap<qint64, std::pair<int, int>> m_minutes;
    qint64 m_endMinute = 0;
    QVariantList m_blocksPerMinute;
    QVariantList m_masksPerMinute;
    int m_timelineMax = 0;
    int m_timelineBlocks = 0;
    QTimer m_clock;
};

} // namespace llmproxy
