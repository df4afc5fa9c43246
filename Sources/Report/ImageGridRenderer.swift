/// Images in rows and columns, with wrapped row labels on the left, column labels on top and
/// optional axis titles. Cells keep the first image's aspect ratio.
struct ImageGridRenderer: FigureRenderer {
    let grid: ImageGrid

    private static let gap = 3.0
    private static let maxCellWidth = 120.0
    private static let maxRowLabelWidth = 90.0
    private static let maxColumnLabelLines = 3
    private static let axisTitleBand = 14.0

    private struct Layout {
        var cellWidth: Double
        var cellHeight: Double
        var rowLabelLines: [[String]]
        var columnLabelLines: [[String]]
        var leftBand: Double
        var topBand: Double
        var columnsCount: Int
        var rowsCount: Int

        var gridWidth: Double { Double(columnsCount) * cellWidth + Double(max(columnsCount - 1, 0)) * ImageGridRenderer.gap }
        var totalWidth: Double { leftBand + gridWidth }
        var totalHeight: Double {
            topBand + Double(rowsCount) * cellHeight + Double(max(rowsCount - 1, 0)) * ImageGridRenderer.gap
        }
    }

    func height(width: Double, maxHeight: Double, canvas: Canvas) -> Double {
        guard grid.rowCount > 0, grid.columnCount > 0 else { return min(PlotProportions.emptyHeight, maxHeight) }
        return min(layout(width: width, maxHeight: maxHeight, canvas: canvas).totalHeight, maxHeight)
    }

    func draw(in rect: Rect, canvas: Canvas) {
        guard grid.rowCount > 0, grid.columnCount > 0 else {
            canvas.noData(in: rect)
            return
        }
        let layout = layout(width: rect.width, maxHeight: rect.height, canvas: canvas)
        let left = rect.x + (rect.width - layout.totalWidth) / 2
        let gridLeft = left + layout.leftBand
        let gridTop = rect.y + layout.topBand
        let gridHeight = layout.totalHeight - layout.topBand
        let font = FigureFonts.rowLabel

        if let title = grid.columnAxisTitle {
            canvas.text(title, x: gridLeft + layout.gridWidth / 2, baseline: rect.y + 9, FigureFonts.axisTitle,
                        align: .center)
        }
        if let title = grid.rowAxisTitle {
            canvas.verticalText(title, centerX: left + Self.axisTitleBand / 2 - 1, centerY: gridTop + gridHeight / 2,
                                FigureFonts.axisTitle)
        }
        for (column, lines) in layout.columnLabelLines.enumerated() {
            let centre = gridLeft + Double(column) * (layout.cellWidth + Self.gap) + layout.cellWidth / 2
            // Bottom-aligned so short labels sit right above their images.
            let firstBaseline = gridTop - 4 - Double(lines.count - 1) * font.lineHeight - font.size * 0.25
            for (index, line) in lines.enumerated() {
                canvas.text(line, x: centre, baseline: firstBaseline + Double(index) * font.lineHeight, font,
                            align: .center)
            }
        }
        for (row, lines) in layout.rowLabelLines.enumerated() {
            let middle = gridTop + Double(row) * (layout.cellHeight + Self.gap) + layout.cellHeight / 2
            let top = middle - Double(lines.count) * font.lineHeight / 2
            for (index, line) in lines.enumerated() {
                canvas.text(line, x: gridLeft - 6, middle: top + (Double(index) + 0.5) * font.lineHeight, font,
                            align: .right)
            }
        }
        for (row, images) in grid.images.enumerated() {
            for (column, image) in images.enumerated() {
                let cell = Rect(x: gridLeft + Double(column) * (layout.cellWidth + Self.gap),
                                y: gridTop + Double(row) * (layout.cellHeight + Self.gap),
                                width: layout.cellWidth, height: layout.cellHeight)
                drawImage(image, in: cell, canvas: canvas)
            }
        }
    }

    /// Fits the image inside the cell, centred, keeping its aspect ratio.
    private func drawImage(_ image: RGBImage, in cell: Rect, canvas: Canvas) {
        guard let surface = CairoImage(image) else {
            canvas.fill(cell, Theme.missingCell)
            return
        }
        let scale = min(cell.width / Double(image.width), cell.height / Double(image.height))
        let width = Double(image.width) * scale
        let height = Double(image.height) * scale
        surface.draw(in: Rect(x: cell.x + (cell.width - width) / 2, y: cell.y + (cell.height - height) / 2,
                              width: width, height: height), on: canvas)
    }

    private func layout(width: Double, maxHeight: Double, canvas: Canvas) -> Layout {
        let font = FigureFonts.rowLabel
        let columns = grid.columnCount
        let rows = grid.rowCount
        let aspect: Double = {
            guard let first = grid.images.first?.first, first.width > 0, first.height > 0 else { return 1 }
            return Double(first.height) / Double(first.width)
        }()
        let rowLabelLines = grid.rowLabels.map {
            TextWrapper.lines($0, width: Self.maxRowLabelWidth, font: font, canvas: canvas)
        }
        let rowLabelWidth = rowLabelLines.isEmpty ? 0
            : rowLabelLines.map { TextWrapper.widest($0, font: font, canvas: canvas) }.max() ?? 0
        let leftBand = (rowLabelLines.isEmpty ? 0 : rowLabelWidth + 6) + (grid.rowAxisTitle == nil ? 0 : Self.axisTitleBand)
        let gaps = Double(max(columns - 1, 0)) * Self.gap
        var cellWidth = min((width - leftBand - gaps) / Double(columns), Self.maxCellWidth)
        var columnLines: [[String]] = []
        var topBand = 0.0
        // Column labels wrap to the cell width, which may shrink to fit the height: two passes settle it.
        for _ in 0..<2 {
            columnLines = grid.columnLabels.map {
                Array(TextWrapper.lines($0, width: cellWidth, font: font, canvas: canvas).prefix(Self.maxColumnLabelLines))
            }
            let labelLines = columnLines.map(\.count).max() ?? 0
            topBand = (labelLines == 0 ? 0 : Double(labelLines) * font.lineHeight + 4)
                + (grid.columnAxisTitle == nil ? 0 : Self.axisTitleBand)
            let rowGaps = Double(max(rows - 1, 0)) * Self.gap
            let fittingHeight = (maxHeight - topBand - rowGaps) / Double(rows)
            if cellWidth * aspect > fittingHeight {
                cellWidth = max(fittingHeight / aspect, 4)
            }
        }
        return Layout(cellWidth: cellWidth, cellHeight: cellWidth * aspect, rowLabelLines: rowLabelLines,
                      columnLabelLines: columnLines, leftBand: leftBand, topBand: topBand, columnsCount: columns,
                      rowsCount: rows)
    }
}
