// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/endpointmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <algorithm>

namespace llmproxy {

namespace {

const QColor kGood(0x2e, 0x7d, 0x32);
const QColor kWarning(0xb2, 0x6a, 0x00);
const QColor kBad(0xc6, 0x28, 0x28);
const QColor kOff(0x75, 0x75, 0x75);

/// Rows are matched by source and id: a discovered server and a configured endpoint may share an id.
bool sameEndpoint(const EndpointStatus &a, const EndpointStatus &b)
{
    return a.id == b.id && a.source == b.source;
}

enum class Health { Up, Down, Unknown };

/// The probe's verdict when there is one, else what the engine knows (a discovered server answered).
Health healthOf(const EndpointStatus &e)
{
    if (e.probe == QLatin1String("healthy"))
        return Health::Up;
    if (e.probe == QLatin1String("unhealthy"))
        return Health::Down;
    if (e.health == QLatin1String("up"))
        return Health::Up;
    if (e.health == QLatin1String("down"))
        return Health::Down;
    return Health::Unknown;
}

bool hasSamples(const EndpointStatus &e)
{
    return e.requests > 0;
}

QString dash()
{
    return QStringLiteral("–");
}

} // namespace

EndpointModel::EndpointModel(QObject *parent) : QAbstractTableModel(parent) {}

void EndpointModel::setEndpoints(const QList<EndpointStatus> &endpoints)
{
    // Gone endpoints first, from the bottom so the rows above keep their numbers.
    for (int row = int(m_endpoints.size()) - 1; row >= 0; --row) {
        const EndpointStatus &old = m_endpoints.at(row);
        const bool kept = std::any_of(endpoints.cbegin(), endpoints.cend(),
                                      [&old](const EndpointStatus &e) { return sameEndpoint(e, old); });
        if (!kept) {
            beginRemoveRows(QModelIndex(), row, row);
            m_endpoints.removeAt(row);
            endRemoveRows();
        }
    }

    QList<bool> updated(m_endpoints.size(), false);
    QList<EndpointStatus> added;
    for (const EndpointStatus &e : endpoints) {
        int row = -1;
        for (int i = 0; i < m_endpoints.size(); ++i) {
            if (!updated.at(i) && sameEndpoint(m_endpoints.at(i), e)) {
                row = i;
                break;
            }
        }
        if (row < 0) {
            added.append(e);
            continue;
        }
        updated[row] = true;
        if (m_endpoints.at(row) == e)
            continue;
        m_endpoints[row] = e;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }

    if (!added.isEmpty()) {
        const int first = int(m_endpoints.size());
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        m_endpoints.append(added);
        endInsertRows();
    }
}

const QList<EndpointStatus> &EndpointModel::endpoints() const
{
    return m_endpoints;
}

int EndpointModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_endpoints.size(); ++row) {
        if (m_endpoints.at(row).id == id)
            return row;
    }
    return -1;
}

int EndpointModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_endpoints.size());
}

int EndpointModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags EndpointModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == IdColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

bool EndpointModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != IdColumn ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const EndpointStatus &e = m_endpoints.at(index.row());
    const bool enable = value.value<Qt::CheckState>() == Qt::Checked;
    if (enable != e.enabled)
        emit enabledChangeRequested(e.id, enable);
    return true;
}

QVariant EndpointModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EndpointStatus &e = m_endpoints.at(index.row());
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        return displayText(e, column);
    case Qt::CheckStateRole:
        if (column == IdColumn)
            return e.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole: {
        const QString tip = toolTip(e, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        switch (column) {
        case LatencyColumn:
        case SuccessColumn:
        case RequestsColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::FontRole:
        if (!e.enabled) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::DecorationRole:
        // A coloured square next to the words; the words carry the meaning.
        if (column == StateColumn) {
            if (!e.enabled)
                return kOff;
            if (e.breakerState == QLatin1String("open"))
                return kBad;
            if (e.breakerState == QLatin1String("half_open") || e.consecutiveFailures > 0)
                return kWarning;
            return kGood;
        }
        return {};
    case Qt::ForegroundRole:
        if (column == HealthColumn && e.enabled) {
            switch (healthOf(e)) {
            case Health::Up:
                return QBrush(kGood);
            case Health::Down:
                return QBrush(kBad);
            case Health::Unknown:
                break;
            }
        }
        return {};
    default:
        return {};
    }
}

QString EndpointModel::stateText(const EndpointStatus &e)
{
    if (!e.enabled)
        return tr("Disabled");
    if (e.breakerState == QLatin1String("open")) {
        if (e.breakerRetryInMs <= 0)
            return tr("Open — retrying with the next request");
        const qint64 seconds = (e.breakerRetryInMs + 999) / 1000;
        if (seconds >= 120)
            return tr("Open — retrying in %1 min").arg((seconds + 59) / 60);
        return tr("Open — retrying in %1 s").arg(seconds);
    }
    if (e.breakerState == QLatin1String("half_open"))
        return tr("Half-open — testing one request");
    if (e.consecutiveFailures > 0)
        return tr("Enabled — failures in a row: %1").arg(e.consecutiveFailures);
    return tr("Enabled");
}

QString EndpointModel::displayText(const EndpointStatus &e, int column) const
{
    const QLocale locale;
    switch (column) {
    case IdColumn:
        return e.id;
    case ProviderColumn:
        return e.provider;
    case ModelsColumn:
        return e.models.isEmpty() ? tr("any model") : e.models.join(QStringLiteral(", "));
    case StateColumn:
        return stateText(e);
    case HealthColumn:
        switch (healthOf(e)) {
        case Health::Up:
            return tr("Up");
        case Health::Down:
            return tr("Down");
        case Health::Unknown:
            break;
        }
        return e.enabled ? tr("Unknown") : dash();
    case LatencyColumn:
        if (!hasSamples(e) || e.latencyMs <= 0)
            return dash();
        return QStringLiteral("%1 ms").arg(locale.toString(e.latencyMs, 'f', e.latencyMs < 10 ? 1 : 0));
    case SuccessColumn: {
        if (!hasSamples(e))
            return dash();
        const double percent = e.successRate * 100;
        // Never round a rate with failures up to a clean 100.
        const int decimals = percent < 100 && percent >= 99.5 ? 1 : 0;
        return locale.toString(decimals ? qMin(percent, 99.9) : percent, 'f', decimals) + locale.percent();
    }
    case RequestsColumn:
        return locale.toString(qulonglong(e.requests));
    default:
        return {};
    }
}

QString EndpointModel::toolTip(const EndpointStatus &e, int column) const
{
    switch (column) {
    case IdColumn: {
        QStringList lines;
        lines << e.id << e.baseUrl;
        if (e.source == QLatin1String("file"))
            lines << tr("From the configuration file");
        else if (e.source == QLatin1String("env"))
            lines << tr("From the environment");
        else if (e.source == QLatin1String("discovery"))
            lines << tr("Detected on this machine");
        else if (e.source == QLatin1String("admin"))
            lines << tr("Added through the admin API");
        lines << (e.hasKey ? tr("API key: set") : tr("API key: none"));
        lines << (e.enabled ? tr("Untick to stop routing requests here.") : tr("Tick to route requests here again."));
        return lines.join(QLatin1Char('\n'));
    }
    case ModelsColumn:
        return e.models.isEmpty() ? tr("Serves any model it is asked for.") : e.models.join(QLatin1Char('\n'));
    case StateColumn:
        if (!e.enabled)
            return tr("Switched off: no request is routed here until it is enabled again.");
        if (e.breakerState == QLatin1String("open"))
            return tr("Circuit breaker open (failures in a row: %1): requests skip this endpoint until a test "
                      "request succeeds.")
                .arg(e.consecutiveFailures);
        if (e.breakerState == QLatin1String("half_open"))
            return tr("Circuit breaker half-open: one test request is on its way; its success closes the breaker.");
        return tr("Circuit breaker closed: requests are routed here.");
    case HealthColumn:
        if (e.probe == QLatin1String("healthy"))
            return tr("The last health check succeeded.");
        if (e.probe == QLatin1String("unhealthy"))
            return tr("The last health check failed.");
        if (e.health == QLatin1String("up"))
            return tr("Found running on this machine.");
        if (e.probe == QLatin1String("off"))
            return tr("Health checks are off for this endpoint (probe: false).");
        return tr("Not checked yet.");
    case LatencyColumn:
    case SuccessColumn:
    case RequestsColumn:
        if (!hasSamples(e))
            return tr("No request has been answered yet.");
        return tr("Requests: %1, failed: %2").arg(QLocale().toString(qulonglong(e.requests)),
                                                QLocale().toString(qulonglong(e.failures)));
    default:
        return {};
    }
}

QVariant EndpointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case IdColumn:
            return tr("Tick an endpoint to route requests to it, untick it to switch it off");
        case StateColumn:
            return tr("Enabled or disabled, and the state of the circuit breaker");
        case HealthColumn:
            return tr("Result of the last health check");
        case LatencyColumn:
            return tr("Moving average of the time successful requests took");
        case SuccessColumn:
            return tr("Moving average of the share of requests that succeeded");
        case RequestsColumn:
            return tr("Requests answered by this endpoint since LLMProxy started");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Endpoint");
    case ProviderColumn:
        return tr("Provider");
    case ModelsColumn:
        return tr("Models");
    case StateColumn:
        return tr("State");
    case HealthColumn:
        return tr("Health");
    case LatencyColumn:
        return tr("Latency");
    case SuccessColumn:
        return tr("Success");
    case RequestsColumn:
        return tr("Requests");
    default:
        return {};
    }
}

} // namespace llmproxy
