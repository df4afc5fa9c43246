/// "Figure 3. What the rows and columns show…": a bold label followed by wrapped caption text.
struct CaptionLayout {
    let label: String
    let lines: [String]
    let labelWidth: Double

    static let font = DocumentFonts.caption
    static let labelFont = DocumentFonts.captionLabel

    init(label: String, text: String, width: Double, canvas: Canvas) {
        self.label = label
        labelWidth = canvas.width(label + " ", Self.labelFont)
        lines = TextWrapper.lines(text, width: width, font: Self.font, canvas: canvas, firstLineIndent: labelWidth)
    }

    var height: Double { Double(max(lines.count, 1)) * Self.font.lineHeight }

    func draw(x: Double, y: Double, canvas: Canvas) {
        let firstBaseline = y + Self.font.size
        canvas.text(label, x: x, baseline: firstBaseline, Self.labelFont)
        for (index, line) in lines.enumerated() {
            canvas.text(line, x: index == 0 ? x + labelWidth : x,
                        baseline: firstBaseline + Double(index) * Self.font.lineHeight, Self.font)
        }
    }
}
