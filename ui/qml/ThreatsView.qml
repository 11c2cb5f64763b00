// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
import QtQuick
import QtQuick.Layouts

// The Threats window: what the security guards did, fed by the ThreatsBackend `threats`.
// Colours come from the system palette, so the view follows a light or a dark desktop.
Rectangle {
    id: root

    color: theme.window

    SystemPalette {
        id: palette
        colorGroup: SystemPalette.Active
    }

    QtObject {
        id: theme

        readonly property bool dark: palette.window.hslLightness < 0.5
        readonly property color window: palette.window
        readonly property color card: palette.base
        readonly property color text: palette.text
        readonly property color dimText: mix(palette.text, palette.base, 0.4)
        readonly property color border: mix(palette.base, palette.text, 0.18)
        readonly property color grid: mix(palette.base, palette.text, 0.1)
        readonly property color alternate: mix(palette.base, palette.text, 0.04)
        readonly property color highlight: palette.highlight
        readonly property color highlightedText: palette.highlightedText
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
        anchors.margins: theme.spacing
        spacing: theme.spacing

        Rectangle {
            objectName: "securityOffBanner"
            visible: !threats.securityEnabled
            Layout.fillWidth: true
            implicitHeight: offText.implicitHeight + theme.spacing
            radius: 4
            color: "#b71c1c"
            Text {
                id: offText
                anchors.fill: parent
                anchors.margins: theme.spacing / 2
                color: "white"
                wrapMode: Text.Wrap
                text: qsTr("The security guards are switched off: requests reach the providers unchecked. Switch them on in the Guards window.")
            }
        }

        RowLayout {
            spacing: theme.spacing
            Layout.fillWidth: true

            KpiCard {
                objectName: "scannedCard"
                theme: theme
                title: qsTr("Requests scanned")
                value: root.count(threats.scanned)
                caption: qsTr("since start")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
            KpiCard {
                objectName: "blockedCard"
                theme: theme
                title: qsTr("Blocked")
                value: root.count(threats.blocked)
                accent: threats.blocked > 0 ? theme.block : theme.text
                caption: threats.scanned > 0
                         ? qsTr("%1 % of scanned").arg(Number(100 * threats.blocked / threats.scanned).toLocaleString(Qt.locale(), "f", 1))
                         : qsTr("refused before the provider")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
            KpiCard {
                objectName: "maskedCard"
                theme: theme
                title: qsTr("PII and secrets masked")
                value: root.count(threats.masked)
                accent: threats.masked > 0 ? theme.mask : theme.text
                caption: qsTr("restored in the answers")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
            KpiCard {
                objectName: "flaggedCard"
                theme: theme
                title: qsTr("Flagged")
                value: root.count(threats.flagged)
                accent: threats.flagged > 0 ? theme.flag : theme.text
                caption: qsTr("suspicious, let through")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
            KpiCard {
                objectName: "scanTimeCard"
                theme: theme
                title: qsTr("Scan time (median)")
                value: root.duration(threats.p50)
                caption: qsTr("p95 %1 · p99 %2").arg(root.duration(threats.p95)).arg(root.duration(threats.p99))
                Layout.fillWidth: true
                Layout.preferredWidth: 1
            }
        }

        RowLayout {
            spacing: theme.spacing
            Layout.fillWidth: true
            Layout.preferredHeight: 15 * theme.basePointSize
            Layout.minimumHeight: 12 * theme.basePointSize

            BlocksChart {
                objectName: "blocksChart"
                theme: theme
                Layout.fillWidth: true
                Layout.fillHeight: true
            }

            // Counters per layer: the chart shows when, this shows where.
            Rectangle {
                objectName: "layerTable"
                radius: 6
                color: theme.card
                border.color: theme.border
                Layout.fillHeight: true
                Layout.preferredWidth: layerColumn.implicitWidth + 2 * theme.spacing

                ColumnLayout {
                    id: layerColumn
                    anchors.fill: parent
                    anchors.margins: theme.spacing
                    spacing: 3

                    Text {
                        text: qsTr("By layer")
                        color: theme.text
                        font.bold: true
                    }
                    RowLayout {
                        spacing: theme.spacing
                        Layout.fillWidth: true

                        Text {
                            text: qsTr("Layer")
                            color: theme.dimText
                            font.pointSize: theme.smallPointSize
                            Layout.fillWidth: true
                            Layout.minimumWidth: 11 * theme.basePointSize
                        }
                        Repeater {
                            model: [qsTr("Blocked"), qsTr("Masked"), qsTr("Flagged")]
                            delegate: Text {
                                required property string modelData
                                text: modelData
                                color: theme.dimText
                                font.pointSize: theme.smallPointSize
                                horizontalAlignment: Text.AlignRight
                                Layout.preferredWidth: 5 * theme.basePointSize
                            }
                        }
                    }
                    Repeater {
                        model: threats.layers
                        delegate: RowLayout {
                            required property var modelData
                            objectName: "layer_" + modelData.id
                            spacing: theme.spacing
                            opacity: modelData.enabled ? 1 : 0.55
                            Layout.fillWidth: true

                            Text {
                                text: parent.modelData.title
                                color: theme.text
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                                Layout.minimumWidth: 11 * theme.basePointSize
                            }
                            Text {
                                text: root.count(parent.modelData.blocked)
                                color: parent.modelData.blocked > 0 ? theme.block : theme.dimText
                                horizontalAlignment: Text.AlignRight
                                Layout.preferredWidth: 5 * theme.basePointSize
                            }
                            Text {
                                text: root.count(parent.modelData.masked)
                                color: parent.modelData.masked > 0 ? theme.mask : theme.dimText
                                horizontalAlignment: Text.AlignRight
                                Layout.preferredWidth: 5 * theme.basePointSize
                            }
                            Text {
                                text: root.count(parent.modelData.flagged)
                                color: parent.modelData.flagged > 0 ? theme.flag : theme.dimText
                                horizontalAlignment: Text.AlignRight
                                Layout.preferredWidth: 5 * theme.basePointSize
                            }
                        }
                    }
                    Item { Layout.fillHeight: true }
                }
            }
        }

        RowLayout {
            spacing: theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true

            DecisionFeed {
                id: feed
                objectName: "decisionFeed"
                theme: theme
                Layout.fillWidth: true
                Layout.fillHeight: true
            }
            DecisionDetail {
                objectName: "decisionDetail"
                theme: theme
                decision: feed.selected
                Layout.fillHeight: true
                Layout.preferredWidth: 30 * theme.basePointSize
            }
        }
    }
}
