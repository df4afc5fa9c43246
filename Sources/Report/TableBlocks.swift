/// A table as blocks: caption above, header row, one block per body row (booktabs rules,
/// light stripes). When the table continues on a new page the header is repeated under
/// "Table N (continued)".
enum TableBlocks {
    static func blocks(_ entry: Catalog.TableEntry, canvas: Canvas) -> [Block] {
        let table = entry.table
        let layout = TableLayout(table: table, width: Page.contentWidth, canvas: canvas)
        let left = Page.marginLeft + (Page.contentWidth - layout.totalWidth) / 2
        let caption = CaptionLayout(label: "Table \(entry.number).", text: table.caption, width: Page.contentWidth,
                                    canvas: canvas)
        var blocks: [Block] = []
        blocks.append(Block(height: caption.height + 5, spaceBefore: 16, keepWithNext: true) { canvas, y in
            caption.draw(x: Page.marginLeft, y: y, canvas: canvas)
        })
        let header = headerBlock(table, layout: layout, left: left)
        blocks.append(header)

        let continuedFont = DocumentFonts.captionLabel
        let continued = Block(height: continuedFont.lineHeight + 3) { canvas, y in
            canvas.text("Table \(entry.number) (continued)", x: Page.marginLeft, baseline: y + continuedFont.size,
                        continuedFont)
        }
        for (rowIndex, lines) in layout.cellLines.enumerated() {
            let height = layout.rowHeights[rowIndex]
            let isLast = rowIndex == layout.cellLines.count - 1
            let missing = table.rows[rowIndex].map { $0 == .missing }
            // The first row stays with the header so a table never starts with a lone header.
            let keep = rowIndex == 0 && layout.cellLines.count > 1
            blocks.append(Block(height: height, keepWithNext: keep, continuation: [continued, header]) { canvas, y in
                if rowIndex % 2 == 1 {
                    canvas.fill(Rect(x: left, y: y, width: layout.totalWidth, height: height), Theme.tableStripe)
                }
                drawCells(lines, missing: missing, layout: layout, left: left, top: y, canvas: canvas)
                if isLast {
                    canvas.line(left, y + height, left + layout.totalWidth, y + height, Theme.axis, width: 0.9)
                }
            })
        }
        if layout.cellLines.isEmpty {
            blocks[blocks.count - 1].keepWithNext = false
        }
        return blocks
    }

    private static func headerBlock(_ table: Table, layout: TableLayout, left: Double) -> Block {
        Block(height: layout.headerHeight, keepWithNext: true) { canvas, y in
            canvas.line(left, y, left + layout.totalWidth, y, Theme.axis, width: 0.9)
            var x = left
            for (index, lines) in layout.headerLines.enumerated() {
                let width = layout.widths[index]
                let anchor = anchorX(layout.alignments[index], x: x, width: width)
                let textTop = y + TableLayout.paddingY
                for (lineIndex, line) in lines.enumerated() {
                    canvas.text(line, x: anchor,
                                baseline: textTop + layout.headerFont.size + Double(lineIndex) * layout.headerFont.lineHeight,
                                layout.headerFont, align: layout.alignments[index])
                }
                if let unit = layout.unitTexts[index] {
                    // Units sit on the header's last line so columns with and without units line up.
                    let baseline = y + layout.headerHeight - TableLayout.paddingY - layout.unitFont.lineHeight
                        + layout.unitFont.size
                    canvas.text(unit, x: anchor, baseline: baseline, layout.unitFont, align: layout.alignments[index])
                }
                x += width
            }
            let bottom = y + layout.headerHeight
            canvas.line(left, bottom, left + layout.totalWidth, bottom, Theme.axis, width: 0.5)
        }
    }

    private static func drawCells(_ cells: [[String]], missing: [Bool], layout: TableLayout, left: Double, top: Double,
                                  canvas: Canvas) {
        var x = left
        for (index, lines) in cells.enumerated() {
            let width = layout.widths[index]
            let anchor = anchorX(layout.alignments[index], x: x, width: width)
            var font = layout.cellFont
            if missing[safe: index] == true { font.color = Theme.faintText }
            for (lineIndex, line) in lines.enumerated() {
                canvas.text(line, x: anchor,
                            baseline: top + TableLayout.paddingY + font.size + 0.5 + Double(lineIndex) * font.lineHeight,
                            font, align: layout.alignments[index])
            }
            x += width
        }
    }

    private static func anchorX(_ alignment: TextAlignment, x: Double, width: Double) -> Double {
        switch alignment {
        case .left: return x + TableLayout.paddingX
        case .center: return x + width / 2
        case .right: return x + width - TableLayout.paddingX
        }
    }
}
