/// Type sizes inside figures, in points at print size.
enum FigureFonts {
    static let tick = FontStyle(size: 7.5, color: Theme.mutedText)
    static let axisLabel = FontStyle(size: 8.5, color: Theme.text)
    static let legend = FontStyle(size: 8, color: Theme.text)
    static let rowLabel = FontStyle(size: 8, color: Theme.text)
    static let axisTitle = FontStyle(size: 8.5, bold: true, color: Theme.text)
    static let annotation = FontStyle(size: 6.5, color: Theme.text)
    static let message = FontStyle(size: 9, italic: true, color: Theme.mutedText)
}
