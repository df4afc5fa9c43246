/// Greedy word wrapping with Cairo's text measurements (the toy text API has no layout engine).
enum TextWrapper {
    /// Splits text into lines no wider than `width`. "\n" forces a break; a word longer than
    /// a whole line (a path, a hash) is broken between characters.
    /// `firstLineIndent` shortens the first line (room for a bold "Figure 3." in front).
    static func lines(_ text: String, width: Double, font: FontStyle, canvas: Canvas,
                      firstLineIndent: Double = 0) -> [String] {
        var result: [String] = []
        var width = width - firstLineIndent
        let fullWidth = width + firstLineIndent
        for paragraphLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = paragraphLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words.isEmpty {
                result.append("")
                width = fullWidth
                continue
            }
            var current = ""
            for word in words {
                let candidate = current.isEmpty ? word : current + " " + word
                if canvas.width(candidate, font) <= width {
                    current = candidate
                    continue
                }
                if !current.isEmpty {
                    result.append(current)
                    width = fullWidth
                    current = ""
                }
                if canvas.width(word, font) <= width {
                    current = word
                } else {
                    let pieces = breakWord(word, width: width, font: font, canvas: canvas)
                    result.append(contentsOf: pieces.dropLast())
                    if pieces.count > 1 { width = fullWidth }
                    current = pieces.last ?? ""
                }
            }
            result.append(current)
            width = fullWidth
        }
        return result
    }

    /// Paragraphs are separated by a blank line.
    static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs
    }

    /// The widest line, for sizing label columns.
    static func widest(_ lines: [String], font: FontStyle, canvas: Canvas) -> Double {
        lines.map { canvas.width($0, font) }.max() ?? 0
    }

    /// Shortens a single line with "…" so it fits.
    static func truncated(_ text: String, width: Double, font: FontStyle, canvas: Canvas) -> String {
        if canvas.width(text, font) <= width { return text }
        var characters = Array(text)
        while !characters.isEmpty && canvas.width(String(characters) + "…", font) > width {
            characters.removeLast()
        }
        return String(characters) + "…"
    }

    /// Breaks after the last ".", "/", "_", "-", ":" or "," that fits (tensor names, paths),
    /// or between any two characters when there is none.
    private static func breakWord(_ word: String, width: Double, font: FontStyle, canvas: Canvas) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in word {
            let candidate = current + String(character)
            guard !current.isEmpty && canvas.width(candidate, font) > width else {
                current = candidate
                continue
            }
            if let cut = current.lastIndex(where: { ".,/_-:".contains($0) }),
               canvas.width(String(current[...cut]), font) >= width / 3 {
                pieces.append(String(current[...cut]))
                current = String(current[current.index(after: cut)...]) + String(character)
            } else {
                pieces.append(current)
                current = String(character)
            }
        }
        pieces.append(current)
        return pieces
    }
}
