/// A row (or rows) of series keys drawn above a plot.
struct Legend {
    enum Mark { case box, line }

    struct Entry {
        var name: String
        var color: Color
        var mark: Mark
    }

    private static let swatchWidth = 14.0
    private static let swatchGap = 4.0
    private static let entryGap = 14.0
    private static let lineHeight = 12.0

    let entries: [Entry]

    /// Entries placed on lines no wider than `width`: (entry index, x offset) per line.
    func lines(width: Double, canvas: Canvas) -> [[(Int, Double)]] {
        var lines: [[(Int, Double)]] = []
        var current: [(Int, Double)] = []
        var x = 0.0
        for (index, entry) in entries.enumerated() {
            let entryWidth = Self.swatchWidth + Self.swatchGap + canvas.width(entry.name, FigureFonts.legend)
            if !current.isEmpty && x + entryWidth > width {
                lines.append(current)
                current = []
                x = 0
            }
            current.append((index, x))
            x += entryWidth + Self.entryGap
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    func height(width: Double, canvas: Canvas) -> Double {
        entries.isEmpty ? 0 : Double(lines(width: width, canvas: canvas).count) * Self.lineHeight + 4
    }

    func draw(x: Double, y: Double, width: Double, canvas: Canvas) {
        for (lineIndex, line) in lines(width: width, canvas: canvas).enumerated() {
            let middle = y + Double(lineIndex) * Self.lineHeight + Self.lineHeight / 2
            for (index, offset) in line {
                let entry = entries[index]
                let left = x + offset
                switch entry.mark {
                case .box:
                    canvas.fill(Rect(x: left + 2, y: middle - 4, width: Self.swatchWidth - 4, height: 8), entry.color)
                case .line:
                    canvas.line(left, middle, left + Self.swatchWidth, middle, entry.color, width: 1.6)
                }
                canvas.text(entry.name, x: left + Self.swatchWidth + Self.swatchGap, middle: middle, FigureFonts.legend)
            }
        }
    }
}
