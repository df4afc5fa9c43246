/// One cell of a report, drawn in order. Figures and tables are numbered by the renderer.
public enum ReportCell: Sendable {
    /// A section heading; level 1, 2 or 3. Every heading appears in the table of contents.
    case heading(level: Int, text: String)
    /// Plain text. A blank line ("\n\n") separates paragraphs; a single "\n" breaks the line.
    case prose(String)
    case table(Table)
    case figure(Figure)
    /// A row of large metric boxes (wrapped onto several rows when there are many).
    case keyFigures([KeyFigure])
    /// A coloured box. Alerts placed before any other cell are also shown on the PDF title page.
    case alert(AlertLevel, String)
    /// Starts a new page in the PDF; ignored in HTML.
    case pageBreak
}

public enum AlertLevel: String, Sendable, CaseIterable {
    case info
    case warning
    case error

    /// The bold word shown at the top of the box.
    var title: String {
        switch self {
        case .info: return "Note"
        case .warning: return "Warning"
        case .error: return "Error"
        }
    }
}

/// A big number in a box: "Mapping network change" / "0.8 %" / "relative L2, parent → child".
public struct KeyFigure: Sendable, Equatable {
    public var label: String
    /// Already formatted by the caller, units included.
    public var value: String
    public var note: String?

    public init(label: String, value: String, note: String? = nil) {
        self.label = label
        self.value = value
        self.note = note
    }
}
