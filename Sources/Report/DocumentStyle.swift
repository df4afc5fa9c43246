/// A4 portrait page geometry in points, and the document's type scale.
enum Page {
    static let width = 595.276
    static let height = 841.89
    static let marginLeft = 66.0
    static let marginRight = 66.0
    static let contentTop = 62.0
    static let contentBottom = height - 74.0
    static let footerBaseline = height - 42.0

    static var contentWidth: Double { width - marginLeft - marginRight }
    static var contentHeight: Double { contentBottom - contentTop }
}

enum DocumentFonts {
    static let body = FontStyle(size: 9.5)
    static let bodyLineHeight = 14.0
    static let title = FontStyle(size: 24, bold: true)
    static let subtitle = FontStyle(size: 12.5, color: Theme.mutedText)
    static let heading1 = FontStyle(size: 15.5, bold: true, color: Theme.accent)
    static let heading2 = FontStyle(size: 12, bold: true)
    static let heading3 = FontStyle(size: 10, bold: true, color: Theme.mutedText)
    static let caption = FontStyle(size: 8.5, color: Theme.text)
    static let captionLabel = FontStyle(size: 8.5, bold: true, color: Theme.text)
    static let tableHeader = FontStyle(size: 8, bold: true)
    static let tableCell = FontStyle(size: 8)
    static let tableUnit = FontStyle(size: 7, color: Theme.mutedText)
    static let footer = FontStyle(size: 7.5, color: Theme.faintText)
    static let sectionLabel = FontStyle(size: 7.5, bold: true, color: Theme.mutedText)
    static let provenanceKey = FontStyle(size: 8, bold: true, color: Theme.mutedText)
    static let provenanceValue = FontStyle(size: 8, family: .mono)
    static let tocEntry = FontStyle(size: 9.5)
    static let tocSubEntry = FontStyle(size: 9, color: Theme.mutedText)
    static let keyLabel = FontStyle(size: 7.5, color: Theme.mutedText)
    static let keyValue = FontStyle(size: 17, bold: true)
    static let keyNote = FontStyle(size: 7.5, color: Theme.mutedText)
    static let alertTitle = FontStyle(size: 8.5, bold: true)
    static let alertText = FontStyle(size: 9)

    static func heading(_ level: Int) -> FontStyle {
        switch level {
        case 1: return heading1
        case 2: return heading2
        default: return heading3
        }
    }
}
