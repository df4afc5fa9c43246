/// The PDF's first page: title, subtitle, the provenance block, any alerts the report opens
/// with, and the contents (every heading with its page number, linked).
enum TitlePageBlocks {
    static func blocks(_ report: Report, leadingAlerts: [(AlertLevel, String)], catalog: Catalog,
                       destinations: Destinations, canvas: Canvas) -> [Block] {
        var blocks: [Block] = []
        let titleFont = DocumentFonts.title
        let titleLines = TextWrapper.lines(report.title, width: Page.contentWidth, font: titleFont, canvas: canvas)
        let subtitleFont = DocumentFonts.subtitle
        let subtitleLines = report.subtitle.map {
            TextWrapper.lines($0, width: Page.contentWidth, font: subtitleFont, canvas: canvas)
        } ?? []
        let topSpace = 40.0
        let titleHeight = topSpace + Double(titleLines.count) * titleFont.lineHeight
            + Double(subtitleLines.count) * subtitleFont.lineHeight + 16
        blocks.append(Block(height: titleHeight) { canvas, y in
            canvas.fill(Rect(x: Page.marginLeft, y: y + topSpace - 22, width: 36, height: 3), Theme.accent)
            var baseline = y + topSpace + titleFont.size
            for line in titleLines {
                canvas.text(line, x: Page.marginLeft, baseline: baseline, titleFont)
                baseline += titleFont.lineHeight
            }
            baseline += 2
            for line in subtitleLines {
                canvas.text(line, x: Page.marginLeft, baseline: baseline, subtitleFont)
                baseline += subtitleFont.lineHeight
            }
        })

        if !report.provenance.isEmpty {
            blocks.append(sectionLabel("PROVENANCE", spaceBefore: 14))
            blocks.append(contentsOf: provenanceRows(report.provenance, canvas: canvas))
        }
        for (level, text) in leadingAlerts {
            blocks.append(TextBlocks.alert(level, text, canvas: canvas))
        }
        if !catalog.headings.isEmpty {
            blocks.append(sectionLabel("CONTENTS", spaceBefore: 26))
            for entry in catalog.headings {
                blocks.append(contentsEntry(entry, destinations: destinations, canvas: canvas))
            }
        }
        return blocks
    }

    private static func sectionLabel(_ text: String, spaceBefore: Double) -> Block {
        let font = DocumentFonts.sectionLabel
        return Block(height: font.lineHeight + 4, spaceBefore: spaceBefore, keepWithNext: true) { canvas, y in
            canvas.text(text, x: Page.marginLeft, baseline: y + font.size, font)
            canvas.line(Page.marginLeft, y + font.lineHeight + 1, Page.marginLeft + Page.contentWidth,
                        y + font.lineHeight + 1, Theme.rule, width: 0.6)
        }
    }

    /// Key on the left, value (monospaced, wrapped; hashes and paths break anywhere) on the right.
    private static func provenanceRows(_ rows: [(String, String)], canvas: Canvas) -> [Block] {
        let keyFont = DocumentFonts.provenanceKey
        let valueFont = DocumentFonts.provenanceValue
        let keyWidth = min(rows.map { canvas.width($0.0, keyFont) }.max() ?? 0, 150) + 14
        let valueWidth = Page.contentWidth - keyWidth - 8
        return rows.enumerated().map { index, row in
            let keyLines = TextWrapper.lines(row.0, width: keyWidth - 14, font: keyFont, canvas: canvas)
            let valueLines = TextWrapper.lines(row.1, width: valueWidth, font: valueFont, canvas: canvas)
            let lineHeight = 11.5
            let height = Double(max(keyLines.count, valueLines.count)) * lineHeight + 6
            return Block(height: height) { canvas, y in
                if index % 2 == 0 {
                    canvas.fill(Rect(x: Page.marginLeft, y: y, width: Page.contentWidth, height: height), Theme.panel)
                }
                for (lineIndex, line) in keyLines.enumerated() {
                    canvas.text(line, x: Page.marginLeft + 6, baseline: y + 3 + 8.5 + Double(lineIndex) * lineHeight, keyFont)
                }
                for (lineIndex, line) in valueLines.enumerated() {
                    canvas.text(line, x: Page.marginLeft + keyWidth, baseline: y + 3 + 8.5 + Double(lineIndex) * lineHeight,
                                valueFont)
                }
            }
        }
    }

    /// "Weight changes ........ 3", linked to the heading.
    private static func contentsEntry(_ entry: Catalog.HeadingEntry, destinations: Destinations,
                                      canvas: Canvas) -> Block {
        let font = entry.level == 1 ? DocumentFonts.tocEntry : DocumentFonts.tocSubEntry
        let indent = Double(entry.level - 1) * 16
        let numberWidth = 30.0
        let text = TextWrapper.truncated(entry.text, width: Page.contentWidth - indent - numberWidth - 20, font: font,
                                         canvas: canvas)
        let height = font.lineHeight + (entry.level == 1 ? 3 : 1)
        return Block(height: height, spaceBefore: entry.level == 1 ? 4 : 0) { canvas, y in
            let baseline = y + font.size + 1
            let left = Page.marginLeft + indent
            let right = Page.marginLeft + Page.contentWidth
            canvas.text(text, x: left, baseline: baseline, font)
            guard let place = destinations.places[entry.number] else { return }
            canvas.text(String(place.page), x: right, baseline: baseline, font, align: .right)
            // Dot leaders between the title and the page number.
            let start = left + canvas.width(text, font) + 6
            let end = right - canvas.width(String(place.page), font) - 6
            if end > start {
                canvas.line(start, baseline - 0.5, end, baseline - 0.5, Theme.faintText, width: 0.7, dash: [0.7, 2.8])
            }
            canvas.link(Rect(x: left, y: y, width: right - left, height: height), toPage: place.page, y: place.y)
        }
    }
}
