// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
import QtQuick
import QtQuick.Layouts

// One key figure: a label, a large value and a line of context under it.
Rectangle {
    id: card

    property string title
    property string value
    property string caption
    property color accent: theme.text
    property var theme

    implicitHeight: column.implicitHeight + 2 * theme.spacing
    implicitWidth: column.implicitWidth + 2 * theme.spacing
    radius: 6
    color: theme.card
    border.color: theme.border

    Accessible.role: Accessible.StaticText
    Accessible.name: title + ": " + value + (caption ? ", " + caption : "")

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: card.theme.spacing
        spacing: 2

        Text {
            text: card.title
            color: card.theme.dimText
            font.pointSize: card.theme.smallPointSize
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Text {
            objectName: "value"
            text: card.value
            color: card.accent
            font.pointSize: card.theme.basePointSize * 1.9
            font.bold: true
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Text {
            text: card.caption
            color: card.theme.dimText
            font.pointSize: card.theme.smallPointSize
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}
