/// Metric boxes, up to four per row; each row is one block with boxes of equal height.
enum KeyFigureBlocks {
    static let perRow = 4
    static let gap = 10.0
    static let padding = 9.0

    static func blocks(_ figures: [KeyFigure], canvas: Canvas) -> [Block] {
        var blocks: [Block] = []
        var start = 0
        // Every row uses the first row's box width so the boxes line up in columns.
        let columns = Double(max(min(figures.count, perRow), 1))
        let boxWidth = (Page.contentWidth - gap * (columns - 1)) / columns
        while start < figures.count {
            let row = Array(figures[start..<min(start + perRow, figures.count)])
            blocks.append(rowBlock(row, boxWidth: boxWidth, first: start == 0, canvas: canvas))
            start += perRow
        }
        return blocks
    }

    private static func rowBlock(_ row: [KeyFigure], boxWidth: Double, first: Bool, canvas: Canvas) -> Block {
        let inner = boxWidth - 2 * padding
        let labelFont = DocumentFonts.keyLabel
        let noteFont = DocumentFonts.keyNote
        let labels = row.map { TextWrapper.lines($0.label, width: inner, font: labelFont, canvas: canvas) }
        let notes = row.map { $0.note.map { TextWrapper.lines($0, width: inner, font: noteFont, canvas: canvas) } ?? [] }
        // Long values get smaller type, and wrap if even that is too wide.
        let valueFonts = row.map { figure -> FontStyle in
            var font = DocumentFonts.keyValue
            while font.size > 11 && canvas.width(figure.value, font) > inner { font.size -= 1 }
            return font
        }
        let values = zip(row, valueFonts).map { TextWrapper.lines($0.value, width: inner, font: $1, canvas: canvas) }
        let labelHeight = Double(labels.map(\.count).max() ?? 1) * labelFont.lineHeight
        let valueLineHeight = DocumentFonts.keyValue.size * 1.2
        let valueHeight = DocumentFonts.keyValue.size * 0.1 + Double(values.map(\.count).max() ?? 1) * valueLineHeight
        let noteHeight = Double(notes.map(\.count).max() ?? 0) * noteFont.lineHeight
        let height = 2 * padding + labelHeight + 3 + valueHeight + (noteHeight > 0 ? noteHeight + 2 : 0)
        return Block(height: height, spaceBefore: first ? 12 : gap) { canvas, y in
            for index in row.indices {
                let x = Page.marginLeft + Double(index) * (boxWidth + gap)
                let box = Rect(x: x, y: y, width: boxWidth, height: height)
                canvas.fillRounded(box, radius: 4, Theme.panel)
                canvas.fillRounded(Rect(x: x, y: y, width: boxWidth, height: 2.5), radius: 1.2, Theme.accent.withAlpha(0.8))
                let left = x + padding
                var baseline = y + padding + labelFont.size
                for line in labels[index] {
                    canvas.text(line, x: left, baseline: baseline, labelFont)
                    baseline += labelFont.lineHeight
                }
                var valueBaseline = y + padding + labelHeight + 3 + DocumentFonts.keyValue.size
                for line in values[index] {
                    canvas.text(line, x: left, baseline: valueBaseline, valueFonts[index])
                    valueBaseline += valueLineHeight
                }
                baseline = y + padding + labelHeight + 3 + valueHeight + 1 + noteFont.size
                for line in notes[index] {
                    canvas.text(line, x: left, baseline: baseline, noteFont)
                    baseline += noteFont.lineHeight
                }
            }
        }
    }
}
