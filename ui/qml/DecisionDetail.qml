// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
import QtQuick
import QtQuick.Layouts

// Why the selected decision was made: layer, reason, what matched, score and the request.
Rectangle {
    id: pane

    property var theme
    /// The decision's fields (DecisionFeedModel::get); empty when nothing is selected.
    property var decision: ({})
    readonly property bool hasDecision: decision !== undefined && decision.decisionId !== undefined

    radius: 6
    color: theme.card
    border.color: theme.border
    clip: true

    function actionText(action) {
        return action === "block" ? qsTr("Blocked") : action === "mask" ? qsTr("Masked") : action === "flag" ? qsTr("Flagged") : action
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: pane.theme.spacing
        spacing: pane.theme.spacing / 2
        visible: pane.hasDecision

        Text {
            text: qsTr("Why")
            color: pane.theme.text
            font.bold: true
        }
        Text {
            objectName: "detailHeadline"
            text: pane.hasDecision ? qsTr("%1 by %2").arg(pane.actionText(pane.decision.action)).arg(pane.decision.layerTitle) : ""
            color: pane.hasDecision ? pane.theme.actionColor(pane.decision.action) : pane.theme.text
            font.pointSize: pane.theme.basePointSize * 1.25
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Text {
            objectName: "detailReason"
            text: pane.hasDecision ? pane.decision.reason : ""
            color: pane.theme.text
            font.family: "monospace"
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
        Text {
            text: qsTr("What matched")
            color: pane.theme.dimText
            font.pointSize: pane.theme.smallPointSize
            Layout.topMargin: pane.theme.spacing / 2
        }
        TextEdit {
            objectName: "detailText"
            text: pane.hasDecision ? (pane.decision.detail || qsTr("No detail recorded.")) : ""
            color: pane.theme.text
            selectionColor: pane.theme.highlight
            selectedTextColor: pane.theme.highlightedText
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.Wrap
            Layout.fillWidth: true
        }
        GridLayout {
            columns: 2
            columnSpacing: pane.theme.spacing
            rowSpacing: 2
            Layout.fillWidth: true
            Layout.topMargin: pane.theme.spacing / 2

            Text { text: qsTr("Score"); color: pane.theme.dimText }
            Text {
                objectName: "detailScore"
                text: pane.hasDecision && pane.decision.score > 0 ? Number(pane.decision.score).toLocaleString(Qt.locale(), "f", 3) : "–"
                color: pane.theme.text
                Layout.fillWidth: true
            }
            Text { text: qsTr("Time"); color: pane.theme.dimText }
            Text {
                text: pane.hasDecision ? Qt.formatDateTime(pane.decision.time, "yyyy-MM-dd HH:mm:ss") : ""
                color: pane.theme.text
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Text { text: qsTr("Key"); color: pane.theme.dimText }
            Text {
                text: pane.hasDecision ? (pane.decision.keyName || qsTr("none")) : ""
                color: pane.theme.text
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Text { text: qsTr("Model"); color: pane.theme.dimText }
            Text {
                text: pane.hasDecision ? (pane.decision.modelName || "–") : ""
                color: pane.theme.text
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            Text { text: qsTr("Request"); color: pane.theme.dimText }
            TextEdit {
                text: pane.hasDecision ? pane.decision.requestId : ""
                color: pane.theme.text
                font.family: "monospace"
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.WrapAnywhere
                Layout.fillWidth: true
            }
        }
        Item { Layout.fillHeight: true }
    }

    Text {
        visible: !pane.hasDecision
        anchors.centerIn: parent
        width: parent.width - 2 * pane.theme.spacing
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: pane.theme.dimText
        text: qsTr("Select a decision to see why it was made.")
    }
}
