import Foundation

/// A matrix as coloured cells: row labels left, column labels below (vertical when crowded,
/// thinned to every k-th when cells are smaller than the text), colour bar on the right.
struct HeatmapRenderer: FigureRenderer {
    let heatmap: Heatmap

    private static let maxCellSize = 34.0
    private static let maxLabelWidth = 110.0
    private static let axisTitleBand = 14.0
    private static let colorbarGap = 12.0
    private static let colorbarWidth = 10.0

    private struct Layout {
        var cellWidth: Double
        var cellHeight: Double
        var leftBand: Double
        var bottomBand: Double
        var rightBand: Double
        var rowStride: Int
        var columnStride: Int
        var verticalColumnLabels: Bool
        var columns: Int
        var rows: Int

        var gridWidth: Double { Double(columns) * cellWidth }
        var gridHeight: Double { Double(rows) * cellHeight }
        /// At least 70 pt so its ticks stay readable next to a flat matrix.
        var colorbarHeight: Double { max(gridHeight, 70) }
        var totalWidth: Double { leftBand + gridWidth + rightBand }
        /// A little room on top so the colour bar's top tick label is not cut.
        var totalHeight: Double { 5 + max(gridHeight + bottomBand, colorbarHeight + 5) }
    }

    /// The value range mapped onto the colour bar.
    private var colorRange: (low: Double, high: Double) {
        let finite = heatmap.values.flatMap { $0 }.filter { $0.isFinite }
        var low = heatmap.range?.lowerBound ?? finite.min() ?? 0
        var high = heatmap.range?.upperBound ?? finite.max() ?? 1
        if heatmap.range == nil, case .diverging(let centre) = heatmap.colormap {
            let half = max(abs(low - centre), abs(high - centre))
            low = centre - half
            high = centre + half
        }
        if !(high > low) {
            let half = low == 0 ? 1 : abs(low) * 0.1
            low -= half
            high += half
        }
        return (low, high)
    }

    private var colorTable: [Color] {
        switch heatmap.colormap {
        case .sequential: return ColormapTable.viridis
        case .diverging: return ColormapTable.blueWhiteRed
        }
    }

    private func color(_ value: Double, _ range: (low: Double, high: Double)) -> Color {
        guard value.isFinite else { return Theme.missingCell }
        return ColormapTable.color(colorTable, at: (value - range.low) / (range.high - range.low))
    }

    func height(width: Double, maxHeight: Double, canvas: Canvas) -> Double {
        guard heatmap.rowCount > 0, heatmap.columnCount > 0 else { return min(PlotProportions.emptyHeight, maxHeight) }
        return min(layout(width: width, maxHeight: maxHeight, canvas: canvas).totalHeight, maxHeight)
    }

    func draw(in rect: Rect, canvas: Canvas) {
        guard heatmap.rowCount > 0, heatmap.columnCount > 0 else {
            canvas.noData(in: rect)
            return
        }
        let layout = layout(width: rect.width, maxHeight: rect.height, canvas: canvas)
        let range = colorRange
        let left = rect.x + (rect.width - layout.totalWidth) / 2
        let grid = Rect(x: left + layout.leftBand, y: rect.y + 5, width: layout.gridWidth, height: layout.gridHeight)

        if let cells = CairoImage(width: layout.columns, height: layout.rows) {
            let colors = heatmap.values.map { $0.map { color($0, range) } }
            cells.fill { x, y in
                let color = colors[y][safe: x] ?? Theme.missingCell
                return Self.packed(color)
            }
            cells.draw(in: grid, on: canvas)
        }
        canvas.stroke(grid, Theme.axis.withAlpha(0.6), lineWidth: 0.5)
        drawCellValues(grid: grid, layout: layout, range: range, canvas: canvas)
        drawRowLabels(grid: grid, layout: layout, left: left, canvas: canvas)
        drawColumnLabels(grid: grid, layout: layout, canvas: canvas)
        drawColorbar(grid: grid, height: layout.colorbarHeight, range: range, canvas: canvas)
    }

    private static func packed(_ color: Color) -> UInt32 {
        func byte(_ component: Double) -> UInt32 { UInt32((max(0, min(1, component)) * 255).rounded()) }
        return (byte(color.red) << 16) | (byte(color.green) << 8) | byte(color.blue)
    }

    private func drawCellValues(grid: Rect, layout: Layout, range: (low: Double, high: Double), canvas: Canvas) {
        guard let format = heatmap.cellFormat else { return }
        let font = FigureFonts.annotation
        guard layout.cellHeight >= font.size + 2 else { return }
        let texts = heatmap.values.map { $0.map { $0.isFinite ? format.text($0) : "" } }
        let widest = texts.flatMap { $0 }.map { canvas.width($0, font) }.max() ?? 0
        guard widest <= layout.cellWidth - 2 else { return }
        for (row, values) in heatmap.values.enumerated() {
            for (column, value) in values.enumerated() where value.isFinite {
                var style = font
                style.color = color(value, range).luminance > 0.45 ? Theme.text : Color(hex: 0xFFFFFF)
                canvas.text(texts[row][column], x: grid.x + (Double(column) + 0.5) * layout.cellWidth,
                            middle: grid.y + (Double(row) + 0.5) * layout.cellHeight, style, align: .center)
            }
        }
    }

    private func drawRowLabels(grid: Rect, layout: Layout, left: Double, canvas: Canvas) {
        let font = FigureFonts.tick
        for (row, label) in heatmap.rowLabels.enumerated() where row % layout.rowStride == 0 {
            let text = TextWrapper.truncated(label, width: Self.maxLabelWidth, font: font, canvas: canvas)
            canvas.text(text, x: grid.x - 4, middle: grid.y + (Double(row) + 0.5) * layout.cellHeight, font,
                        align: .right)
        }
        if let title = heatmap.rowAxisTitle {
            canvas.verticalText(title, centerX: left + Self.axisTitleBand / 2 - 1, centerY: grid.midY,
                                FigureFonts.axisLabel)
        }
    }

    private func drawColumnLabels(grid: Rect, layout: Layout, canvas: Canvas) {
        let font = FigureFonts.tick
        var lowest = grid.maxY
        for (column, label) in heatmap.columnLabels.enumerated() where column % layout.columnStride == 0 {
            let centre = grid.x + (Double(column) + 0.5) * layout.cellWidth
            let text = TextWrapper.truncated(label, width: Self.maxLabelWidth, font: font, canvas: canvas)
            if layout.verticalColumnLabels {
                canvas.rotatedText(text, x: centre, y: grid.maxY + 4, angle: -Double.pi / 2, font, align: .right)
                lowest = max(lowest, grid.maxY + 4 + canvas.width(text, font))
            } else {
                canvas.text(text, x: centre, baseline: grid.maxY + 4 + font.size, font, align: .center)
                lowest = max(lowest, grid.maxY + 4 + font.lineHeight)
            }
        }
        if let title = heatmap.columnAxisTitle {
            canvas.text(title, x: grid.midX, baseline: lowest + 4 + FigureFonts.axisLabel.size, FigureFonts.axisLabel,
                        align: .center)
        }
    }

    private func drawColorbar(grid: Rect, height: Double, range: (low: Double, high: Double), canvas: Canvas) {
        let bar = Rect(x: grid.maxX + Self.colorbarGap, y: grid.y, width: Self.colorbarWidth, height: height)
        if let gradient = CairoImage(width: 1, height: 256) {
            gradient.fill { _, y in Self.packed(ColormapTable.color(colorTable, at: 1 - Double(y) / 255)) }
            gradient.draw(in: bar, on: canvas)
        }
        canvas.stroke(bar, Theme.axis.withAlpha(0.6), lineWidth: 0.5)
        let scale = AxisScale.linear(range.low, range.high)
        let font = FigureFonts.tick
        var widest = 0.0
        for tick in scale.ticks {
            guard let fraction = scale.fraction(tick) else { continue }
            let y = bar.maxY - fraction * bar.height
            canvas.line(bar.maxX, y, bar.maxX + 3, y, Theme.axis, width: 0.6)
            let label = scale.tickLabel(tick)
            canvas.text(label, x: bar.maxX + 5, middle: y, font)
            widest = max(widest, canvas.width(label, font))
        }
        canvas.verticalText(heatmap.colorbarLabel, centerX: bar.maxX + 5 + widest + 6 + FigureFonts.axisLabel.size / 2,
                            centerY: bar.midY, FigureFonts.axisLabel)
    }

    private func layout(width: Double, maxHeight: Double, canvas: Canvas) -> Layout {
        let font = FigureFonts.tick
        let rows = heatmap.rowCount
        let columns = heatmap.columnCount
        let rowLabelWidth = heatmap.rowLabels.map {
            canvas.width(TextWrapper.truncated($0, width: Self.maxLabelWidth, font: font, canvas: canvas), font)
        }.max() ?? 0
        let leftBand = (rowLabelWidth > 0 ? rowLabelWidth + 4 : 0) + (heatmap.rowAxisTitle == nil ? 0 : Self.axisTitleBand)
        let range = colorRange
        let ticks = AxisScale.linear(range.low, range.high)
        let tickWidth = ticks.ticks.map { canvas.width(ticks.tickLabel($0), font) }.max() ?? 0
        let rightBand = Self.colorbarGap + Self.colorbarWidth + 5 + tickWidth + 6 + FigureFonts.axisLabel.size + 2

        let cellWidth = max(min((width - leftBand - rightBand) / Double(columns), Self.maxCellSize), 0.5)
        let labelWidths = heatmap.columnLabels.map {
            canvas.width(TextWrapper.truncated($0, width: Self.maxLabelWidth, font: font, canvas: canvas), font)
        }
        let vertical = labelWidths.contains { $0 > cellWidth - 2 }
        let columnStride = vertical ? max(1, Int((font.size * 1.15 / cellWidth).rounded(.up))) : 1
        let labelBand: Double = labelWidths.isEmpty ? 0 : vertical ? 4 + (labelWidths.max() ?? 0) : 4 + font.lineHeight
        let bottomBand = labelBand + (heatmap.columnAxisTitle == nil ? 2 : 4 + FigureFonts.axisLabel.lineHeight)

        // Square cells unless the matrix would be taller than the page (or than 0.9 × its width).
        let heightLimit = min(maxHeight, width * 0.9) - 5 - bottomBand
        let cellHeight = max(min(cellWidth, heightLimit / Double(rows)), 0.5)
        let rowStride = max(1, Int((font.lineHeight * 0.9 / cellHeight).rounded(.up)))
        return Layout(cellWidth: cellWidth, cellHeight: cellHeight, leftBand: leftBand, bottomBand: bottomBand,
                      rightBand: rightBand, rowStride: rowStride, columnStride: columnStride,
                      verticalColumnLabels: vertical, columns: columns, rows: rows)
    }
}
