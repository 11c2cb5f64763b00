// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The live feed of decisions, newest on top. The selected row's decision is `selected`.
Rectangle {
    id: feed

    property var theme
    /// Every field of the selected decision (DecisionFeedModel::get), or an empty object.
    readonly property var selected: list.currentIndex >= 0 && list.count > 0 ? threats.feed.get(list.currentIndex) : ({})
    readonly property alias list: list

    radius: 6
    color: theme.card
    border.color: theme.border
    clip: true

    FontMetrics {
        id: metrics
        font: Qt.application.font
    }

    // Column widths from sample texts, so nothing is cut whatever the font.
    readonly property int pad: theme.spacing
    readonly property var widths: [
        metrics.advanceWidth("00:00:00") + pad,
        metrics.advanceWidth("team-backend-ci") + pad,
        metrics.advanceWidth("claude-sonnet-4-5") + pad,
        metrics.advanceWidth("Multi-turn trajectory") + pad,
        metrics.advanceWidth(qsTr("block")) + 2 * pad,
        0, // reason: what is left
        metrics.advanceWidth("0.000") + pad
    ]
    readonly property int reasonWidth: Math.max(metrics.advanceWidth("firewall_signature"),
                                                list.width - 2 * pad - widths.reduce((a, b) => a + b, 0))

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1
        spacing: 0

        Text {
            text: qsTr("Decisions")
            color: feed.theme.text
            font.bold: true
            Layout.margins: feed.theme.spacing
            Layout.bottomMargin: feed.theme.spacing / 2
        }

        Row {
            id: header
            leftPadding: feed.pad
            Layout.fillWidth: true
            Repeater {
                model: [qsTr("Time"), qsTr("Key"), qsTr("Model"), qsTr("Layer"), qsTr("Action"), qsTr("Reason"), qsTr("Score")]
                delegate: Text {
                    required property string modelData
                    required property int index
                    width: index === 5 ? feed.reasonWidth : feed.widths[index]
                    text: modelData
                    color: feed.theme.dimText
                    font.pointSize: feed.theme.smallPointSize
                    horizontalAlignment: index === 6 ? Text.AlignRight : Text.AlignLeft
                    elide: Text.ElideRight
                }
            }
        }
        Rectangle {
            color: feed.theme.border
            implicitHeight: 1
            Layout.fillWidth: true
            Layout.topMargin: 3
        }

        ListView {
            id: list
            objectName: "decisionList"
            model: threats.feed
            clip: true
            focus: true
            keyNavigationEnabled: true
            boundsBehavior: Flickable.StopAtBounds
            highlightMoveDuration: 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Decisions of the security guards, newest first")

            onCountChanged: if (currentIndex < 0 && count > 0) currentIndex = 0

            delegate: Rectangle {
                id: row
                objectName: "decisionRow"
                required property int index
                required property string timeText
                required property string keyName
                required property string modelName
                required property string layerTitle
                required property string action
                required property string reason
                required property real score
                readonly property bool current: ListView.isCurrentItem
                readonly property color textColor: current ? feed.theme.highlightedText : feed.theme.text

                width: list.width
                height: metrics.height + feed.pad
                color: current ? feed.theme.highlight : index % 2 ? feed.theme.alternate : "transparent"
                Accessible.role: Accessible.ListItem
                Accessible.name: [timeText, action, layerTitle, reason, keyName, modelName].join(", ")

                MouseArea {
                    anchors.fill: parent
                    onClicked: {
                        list.currentIndex = row.index
                        list.forceActiveFocus()
                    }
                }
                Row {
                    anchors.verticalCenter: parent.verticalCenter
                    leftPadding: feed.pad
                    Text { width: feed.widths[0]; text: row.timeText; color: row.textColor; elide: Text.ElideRight }
                    Text { width: feed.widths[1]; text: row.keyName || "–"; color: row.textColor; elide: Text.ElideRight }
                    Text { width: feed.widths[2]; text: row.modelName || "–"; color: row.textColor; elide: Text.ElideMiddle }
                    Text { width: feed.widths[3]; text: row.layerTitle; color: row.textColor; elide: Text.ElideRight }
                    Item {
                        width: feed.widths[4]
                        height: badge.height
                        Rectangle {
                            id: badge
                            width: badgeText.implicitWidth + feed.pad
                            height: badgeText.implicitHeight + 2
                            radius: height / 2
                            color: feed.theme.actionColor(row.action)
                            Text {
                                id: badgeText
                                anchors.centerIn: parent
                                text: row.action === "block" ? qsTr("block") : row.action === "mask" ? qsTr("mask") : row.action === "flag" ? qsTr("flag") : row.action
                                color: feed.theme.dark ? "black" : "white"
                                font.pointSize: feed.theme.smallPointSize
                            }
                        }
                    }
                    Text { width: feed.reasonWidth; text: row.reason; color: row.textColor; elide: Text.ElideRight }
                    Text {
                        width: feed.widths[6]
                        text: row.score > 0 ? Number(row.score).toLocaleString(Qt.locale(), "f", 2) : "–"
                        color: row.textColor
                        horizontalAlignment: Text.AlignRight
                    }
                }
            }
        }
    }

    Text {
        objectName: "emptyState"
        visible: list.count === 0
        anchors.centerIn: parent
        width: parent.width - 4 * feed.pad
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: feed.theme.dimText
        text: threats.hasActivity
              ? qsTr("No request was blocked, masked or flagged so far.")
              : qsTr("Nothing has happened yet.\nEvery block, mask and flag of the security guards appears here as requests come in.")
    }
}
