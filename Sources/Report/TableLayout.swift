/// Column widths and wrapped cell text for a table at a given width. Numbers never wrap;
/// when the natural widths do not fit, the type shrinks a little and text columns wrap.
struct TableLayout {
    static let paddingX = 6.0
    static let paddingY = 3.5

    let cellFont: FontStyle
    let headerFont: FontStyle
    let unitFont: FontStyle
    let widths: [Double]
    let alignments: [TextAlignment]
    let headerLines: [[String]]
    let unitTexts: [String?]
    let cellLines: [[[String]]]
    let rowHeights: [Double]
    let headerHeight: Double

    var totalWidth: Double { widths.reduce(0, +) }

    init(table: Table, width: Double, canvas: Canvas) {
        let alignments = table.columns.indices.map { Self.alignment(table, column: $0) }
        var chosen: (scale: Double, widths: [Double])?
        // Smaller type first (down to 90 %), then wrapping text columns (at 90 %, then 80 %),
        // then squeezing everything proportionally.
        for scale in [1.0, 0.9] where chosen == nil {
            let natural = Self.naturalWidths(table, fonts: Self.fonts(scale), canvas: canvas).natural
            if natural.reduce(0, +) <= width { chosen = (scale, natural) }
        }
        for scale in [0.9, 0.8] where chosen == nil {
            let (natural, minimum) = Self.naturalWidths(table, fonts: Self.fonts(scale), canvas: canvas)
            let minimumTotal = minimum.reduce(0, +)
            if minimumTotal <= width {
                // Share the room left after the minimums in proportion to what each column wants.
                let slack = width - minimumTotal
                let wants = zip(natural, minimum).map { $0 - $1 }
                let totalWant = max(wants.reduce(0, +), 1e-9)
                chosen = (scale, zip(minimum, wants).map { $0 + slack * $1 / totalWant })
            } else if scale == 0.8 {
                chosen = (scale, minimum.map { $0 * width / max(minimumTotal, 1e-9) })
            }
        }
        let scale = chosen?.scale ?? 1
        var widths = chosen?.widths ?? []
        // Very narrow tables are widened a little so they do not look lost on the page.
        let total = widths.reduce(0, +)
        let minimumTableWidth = width * 0.55
        if total < minimumTableWidth, !widths.isEmpty {
            let extra = (minimumTableWidth - total) / Double(widths.count)
            widths = widths.map { $0 + extra }
        }

        let fonts = Self.fonts(scale)
        cellFont = fonts.cell
        headerFont = fonts.header
        unitFont = fonts.unit
        self.widths = widths
        self.alignments = alignments
        let inner = widths.map { max($0 - 2 * Self.paddingX, 1) }
        headerLines = table.columns.enumerated().map { index, column in
            TextWrapper.lines(column.title, width: inner[index], font: fonts.header, canvas: canvas)
        }
        unitTexts = table.columns.enumerated().map { index, column in
            column.unit.map { TextWrapper.truncated($0, width: inner[index], font: fonts.unit, canvas: canvas) }
        }
        cellLines = table.rows.map { row in
            row.enumerated().map { index, cell in
                TextWrapper.lines(cell.displayText, width: inner[index], font: fonts.cell, canvas: canvas)
            }
        }
        rowHeights = cellLines.map { row in
            2 * Self.paddingY + Double(row.map(\.count).max() ?? 1) * fonts.cell.lineHeight
        }
        let headerTextLines = headerLines.map(\.count).max() ?? 1
        let hasUnits = unitTexts.contains { $0 != nil }
        headerHeight = 2 * Self.paddingY + Double(headerTextLines) * fonts.header.lineHeight
            + (hasUnits ? fonts.unit.lineHeight : 0)
    }

    /// Left-aligned columns whose cells are all numbers are shown right-aligned.
    private static func alignment(_ table: Table, column: Int) -> TextAlignment {
        switch table.columns[column].alignment {
        case .center: return .center
        case .right: return .right
        case .left:
            let cells = table.rows.compactMap { $0[safe: column] }.filter { $0 != .missing }
            return !cells.isEmpty && cells.allSatisfy(\.isNumeric) ? .right : .left
        }
    }

    private static func fonts(_ scale: Double) -> (cell: FontStyle, header: FontStyle, unit: FontStyle) {
        var cell = DocumentFonts.tableCell
        var header = DocumentFonts.tableHeader
        var unit = DocumentFonts.tableUnit
        cell.size *= scale
        header.size *= scale
        unit.size *= scale
        return (cell, header, unit)
    }

    /// Natural width (nothing wrapped) and the narrowest sensible width of each column.
    private static func naturalWidths(_ table: Table, fonts: (cell: FontStyle, header: FontStyle, unit: FontStyle),
                                      canvas: Canvas) -> (natural: [Double], minimum: [Double]) {
        var natural: [Double] = []
        var minimum: [Double] = []
        for (index, column) in table.columns.enumerated() {
            let cells = table.rows.compactMap { $0[safe: index] }
            var numericWidth = 0.0
            var textWidth = 0.0
            var longestWord = 0.0
            for cell in cells {
                let text = cell.displayText
                if cell.isNumeric || cell == .missing {
                    numericWidth = max(numericWidth, canvas.width(text, fonts.cell))
                } else {
                    for line in text.split(separator: "\n") {
                        textWidth = max(textWidth, canvas.width(String(line), fonts.cell))
                    }
                    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                        longestWord = max(longestWord, canvas.width(String(word), fonts.cell))
                    }
                }
            }
            let titleWidth = canvas.width(column.title, fonts.header)
            let titleWord = column.title.split(separator: " ").map { canvas.width(String($0), fonts.header) }.max() ?? 0
            let unitWidth = column.unit.map { canvas.width($0, fonts.unit) } ?? 0
            let pad = 2 * paddingX
            natural.append(max(numericWidth, textWidth, titleWidth, unitWidth) + pad)
            let textMinimum = min(max(longestWord, titleWord), 70)
            minimum.append(min(max(numericWidth, textMinimum, min(titleWord, 70)) + pad, natural[natural.count - 1]))
        }
        return (natural, minimum)
    }
}
