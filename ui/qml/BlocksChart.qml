// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
import QtQuick
import QtCharts

// Blocks (area) and masks (line) per minute over the last hour.
Rectangle {
    id: frame

    property var theme
    readonly property alias chart: chart
    /// Points drawn in the blocked series, for tests and accessibility.
    readonly property int blockedPoints: blockedLine.count

    radius: 6
    color: theme.card
    border.color: theme.border

    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Blocks per minute over the last hour: %1 in total").arg(threats.timelineBlocks)

    function refresh() {
        const start = threats.timelineStart.getTime()
        const blocks = threats.blocksPerMinute
        const masks = threats.masksPerMinute
        blockedLine.clear()
        maskedLine.clear()
        for (let i = 0; i < blocks.length; ++i) {
            blockedLine.append(start + i * 60000, blocks[i])
            maskedLine.append(start + i * 60000, masks[i])
        }
        xAxis.min = threats.timelineStart
        xAxis.max = threats.timelineEnd
        // Whole numbers on every tick: the top is a multiple of the four intervals.
        yAxis.max = Math.max(4, Math.ceil(threats.timelineMax / 4) * 4)
    }

    Connections {
        target: threats
        function onTimelineChanged() { frame.refresh() }
    }
    Component.onCompleted: refresh()

    Text {
        id: title
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: frame.theme.spacing
        text: qsTr("Blocks per minute, last hour")
        color: frame.theme.text
        font.bold: true
    }

    ChartView {
        id: chart
        anchors.fill: parent
        anchors.topMargin: title.height + frame.theme.spacing / 2
        antialiasing: true
        backgroundColor: "transparent"
        plotAreaColor: "transparent"
        legend.alignment: Qt.AlignTop
        legend.labelColor: frame.theme.text
        legend.font: Qt.application.font
        margins.top: 0
        margins.bottom: 4
        margins.left: 4
        margins.right: 8

        DateTimeAxis {
            id: xAxis
            // As the feed and the request log show times.
            format: "HH:mm"
            tickCount: 7
            labelsColor: frame.theme.dimText
            labelsFont: Qt.application.font
            color: frame.theme.border
            gridLineColor: frame.theme.grid
        }
        ValueAxis {
            id: yAxis
            min: 0
            max: 4
            tickCount: 5
            labelFormat: "%d"
            labelsColor: frame.theme.dimText
            labelsFont: Qt.application.font
            color: frame.theme.border
            gridLineColor: frame.theme.grid
        }
        AreaSeries {
            name: qsTr("Blocked")
            axisX: xAxis
            axisY: yAxis
            color: Qt.rgba(frame.theme.block.r, frame.theme.block.g, frame.theme.block.b, 0.35)
            borderColor: frame.theme.block
            borderWidth: 2
            upperSeries: LineSeries {
                id: blockedLine
            }
        }
        LineSeries {
            id: maskedLine
            name: qsTr("Masked")
            axisX: xAxis
            axisY: yAxis
            color: frame.theme.mask
            width: 2
        }
    }

    Text {
        objectName: "noBlocksText"
        anchors.centerIn: chart
        visible: threats.timelineMax === 0
        text: qsTr("Nothing blocked or masked in the last hour")
        color: frame.theme.dimText
    }
}
