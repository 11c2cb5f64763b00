// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
import QtQuick
import QtQuick.Layouts

// The Threats window: what the security guards did, fed by the ThreatsBackend `threats`.
// Colours come from the system palette, so the view follows a light or a dark desktop.
Rectangle {
    id: root

    color: look.window

    SystemPalette {
        id: sysPalette
        colorGroup: SystemPalette.Active
    }

    QtObject {
        id: look

        readonly property bool dark: sysPalette.window.hslLightness < 0.5
        readonly property color window: sysPalette.window
        readonly property color card: sysPalette.base
        readonly property color text: sysPalette.text
        readonly property color dimText: mix(sysPalette.text, sysPalette.base, 0.4)
        readonly property color border: mix(sysPalette.base, sysPalette.text, 0.18)
        readonly property color grid: mix(sysPalette.base, sysPalette.text, 0.1)
        readonly property color alternate: mix(sysPalette.base, sysPalette.text, 0.04)
        readonly property color highlight: sysPalette.highlight
        readonly property color highlightedText: sysPalette.highlightedText
        readonly property color block: dark ? "#ef5350" : "#c62828"
        readonly property color mask: dark ? "#64b5f6" : "#1565c0"
        readonly property color flag: dark ? "#ffb74d" : "#a15c00"
        readonly property color ok: dark ? "#81c784" : "#2e7d32"
        readonly property real basePointSize: Qt.application.font.pointSize > 0 ? Qt.application.font.pointSize : 10
        readonly property real smallPointSize: basePointSize * 0.9
        readonly property int spacing: Math.round(basePointSize)

        function mix(a, b, t) {
            return Qt.rgba(a.r * (1 - t) + b.r * t, a.g * (1 - t) + b.g * t, a.b * (1 - t) + b.b * t, 1)
        }
        function actionColor(action) {
            return action === "block" ? block : action === "mask" ? mask : flag
        }
    }

    function count(n) {
        return Number(n).toLocaleString(Qt.locale(), "f", 0)
    }
    function duration(us) {
        if (us <= 0)
            return "–"
        if (us < 1000)
            return qsTr("%1 µs").arg(Math.round(us))
        return qsTr("%1 ms").arg(Number(us / 1000).toLocaleString(Qt.locale(), "f", us < 10000 ? 2 : 1))
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: look.spacing
        spacing: look.spacing

        Rectangle {
            objectName: "securityOffBanner"
            visible: !threats.securityEnabled
            Layout.fillWidth: true
            implicitHeight: offText.implicitHeight + look.spacing
            radius: 4
            color: "#b71c1c"
            Text {
                id: offText
                anchors.fill: parent
                anchors.margins: look.spacing / 2
                color: "white"
                wrapMode: Text.Wrap
                text: qsTr("The security guards are switched off: requests reach the providers unchecked. Switch them on in the Guards window.")
            }
        }

        RowLayout {
            spacing: look.spacing
            Layout.fillWidth: true
            Layout.fillHeight: false

            KpiCard {
                objectName: "scannedCard"
                theme: look
                title: qsTr("Requests scanned")
                value: root.count(threats.scanned)
                caption: qsTr("since start")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
            KpiCard {
                objectName: "blockedCard"
                theme: look
                title: qsTr("Blocked")
                value: root.count(threats.blocked)
                accent: threats.blocked > 0 ? look.block : look.text
                caption: threats.scanned > 0
                         ? qsTr("%1 % of scanned").arg(Number(100 * threats.blocked / threats.scanned).toLocaleString(Qt.locale(), "f", 1))
                         : qsTr("refused before the provider")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
            KpiCard {
                objectName: "maskedCard"
                theme: look
                title: qsTr("PII and secrets masked")
                value: root.count(threats.masked)
                accent: threats.masked > 0 ? look.mask : look.text
                caption: qsTr("restored in the answers")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
            KpiCard {
                objectName: "flaggedCard"
                theme: look
                title: qsTr("Flagged")
                value: root.count(threats.flagged)
                accent: threats.flagged > 0 ? look.flag : look.text
                caption: qsTr("suspicious, let through")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
            KpiCard {
                objectName: "scanTimeCard"
                theme: look
                title: qsTr("Scan time (median)")
                value: root.duration(threats.p50)
                caption: threats.p50 > 0 ? qsTr("p95 %1 · p99 %2").arg(root.duration(threats.p95)).arg(root.duration(threats.p99))
                                         : qsTr("per request, once one is scanned")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
        }

        RowLayout {
            spacing: look.spacing
            Layout.fillWidth: true
            Layout.fillHeight: false
            // The whole layer table is in view; the chart gets at least as much.
            Layout.preferredHeight: Math.max(30 * look.basePointSize, layerColumn.implicitHeight + 2 * look.spacing)
            Layout.minimumHeight: layerColumn.implicitHeight + 2 * look.spacing

            BlocksChart {
                objectName: "blocksChart"
                theme: look
                Layout.fillWidth: true
                Layout.fillHeight: true
            }

            // Counters per layer: the chart shows when, this shows where.
            Rectangle {
                objectName: "layerTable"
                radius: 6
                color: look.card
                border.color: look.border
                Layout.fillHeight: true
                Layout.preferredWidth: layerColumn.implicitWidth + 2 * look.spacing

                ColumnLayout {
                    id: layerColumn
                    anchors.fill: parent
                    anchors.margins: look.spacing
                    spacing: look.spacing / 2

                    Text {
                        text: qsTr("By layer")
                        color: look.text
                        font.bold: true
                    }
                    GridLayout {
                        columns: 4
                        columnSpacing: look.spacing * 1.5
                        rowSpacing: 2

                        Repeater {
                            model: [qsTr("Layer"), qsTr("Blocked"), qsTr("Masked"), qsTr("Flagged")]
                            delegate: Text {
                                required property string modelData
                                required property int index
                                text: modelData
                                color: look.dimText
                                font.pointSize: look.smallPointSize
                                Layout.alignment: index > 0 ? Qt.AlignRight : Qt.AlignLeft
                            }
                        }
                        // One cell per layer and column: the grid sizes each column to its widest cell.
                        Repeater {
                            model: threats.layers.length * 4
                            delegate: Text {
                                required property int index
                                readonly property var entry: threats.layers[Math.floor(index / 4)]
                                readonly property int column: index % 4
                                readonly property string field: ["title", "blocked", "masked", "flagged"][column]
                                readonly property real amount: column > 0 && entry ? entry[field] : 0
                                objectName: entry ? "layer_" + entry.id + "_" + field : ""
                                text: !entry ? "" : column === 0 ? entry.title : root.count(amount)
                                opacity: entry && entry.enabled ? 1 : 0.55
                                color: column === 0 ? look.text
                                                    : amount === 0 ? look.dimText
                                                    : column === 1 ? look.block : column === 2 ? look.mask : look.flag
                                Layout.alignment: column > 0 ? Qt.AlignRight : Qt.AlignLeft
                            }
                        }
                    }
                    Item { Layout.fillHeight: true }
                }
            }
        }

        RowLayout {
            spacing: look.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true

            DecisionFeed {
                id: feed
                objectName: "decisionFeed"
                theme: look
                Layout.fillWidth: true
                Layout.fillHeight: true
            }
            DecisionDetail {
                objectName: "decisionDetail"
                theme: look
                decision: feed.selected
                Layout.fillHeight: true
                Layout.preferredWidth: 30 * look.basePointSize
            }
        }
    }
}
