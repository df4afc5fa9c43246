/// Blocks for headings, prose and alerts.
enum TextBlocks {
    static func heading(level: Int, text: String, number: Int, canvas: Canvas) -> [Block] {
        let font = DocumentFonts.heading(level)
        let lines = TextWrapper.lines(text, width: Page.contentWidth, font: font, canvas: canvas)
        let ruleSpace = level == 1 ? 6.0 : 0
        let height = Double(lines.count) * font.lineHeight + ruleSpace + 3
        let space: Double = level == 1 ? 22 : level == 2 ? 16 : 12
        return [Block(height: height, spaceBefore: space, keepWithNext: true, headingNumber: number) { canvas, y in
            for (index, line) in lines.enumerated() {
                canvas.text(line, x: Page.marginLeft, baseline: y + font.size + Double(index) * font.lineHeight, font)
            }
            if level == 1 {
                let ruleY = y + Double(lines.count) * font.lineHeight + 2
                canvas.line(Page.marginLeft, ruleY, Page.marginLeft + Page.contentWidth, ruleY, Theme.rule, width: 0.8)
            }
        }]
    }

    /// One block per line so long paragraphs can continue on the next page; a paragraph's first
    /// line stays with its second.
    static func prose(_ text: String, canvas: Canvas) -> [Block] {
        var blocks: [Block] = []
        let font = DocumentFonts.body
        for paragraph in TextWrapper.paragraphs(text) {
            let lines = TextWrapper.lines(paragraph, width: Page.contentWidth, font: font, canvas: canvas)
            for (index, line) in lines.enumerated() {
                blocks.append(Block(height: DocumentFonts.bodyLineHeight, spaceBefore: index == 0 ? 7 : 0,
                                    keepWithNext: index == 0 && lines.count > 1) { canvas, y in
                    canvas.text(line, x: Page.marginLeft, baseline: y + font.size + 1.5, font)
                })
            }
        }
        return blocks
    }

    static func alert(_ level: AlertLevel, _ text: String, width: Double = Page.contentWidth,
                      canvas: Canvas) -> Block {
        let colors = Theme.alertColors(level)
        let padding = 8.0
        let barWidth = 3.5
        let textFont = DocumentFonts.alertText
        var titleFont = DocumentFonts.alertTitle
        titleFont.color = colors.title
        let textWidth = width - barWidth - 2 * padding
        let lines = TextWrapper.lines(text, width: textWidth, font: textFont, canvas: canvas)
        let height = 2 * padding + titleFont.lineHeight + Double(lines.count) * textFont.lineHeight
        return Block(height: height, spaceBefore: 10) { canvas, y in
            let box = Rect(x: Page.marginLeft, y: y, width: width, height: height)
            canvas.fillRounded(box, radius: 3, colors.background)
            canvas.fillRounded(Rect(x: box.x, y: box.y, width: barWidth, height: box.height), radius: 1.5, colors.bar)
            let left = box.x + barWidth + padding
            canvas.text(level.title, x: left, baseline: y + padding + titleFont.size, titleFont)
            for (index, line) in lines.enumerated() {
                canvas.text(line, x: left,
                            baseline: y + padding + titleFont.lineHeight + textFont.size + Double(index) * textFont.lineHeight,
                            textFont)
            }
        }
    }
}
