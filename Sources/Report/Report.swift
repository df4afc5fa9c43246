/// A notebook-style report: a title page and an ordered list of cells.
///
/// Everything in here is a plain value. The renderers draw it as given; they never compute
/// statistics, so every number shown is one the caller put in.
public struct Report: Sendable {
    public var title: String
    public var subtitle: String?
    /// Where the results come from (checkpoint paths, hashes, versions, dates), in display order.
    /// Shown as a block on the PDF title page and at the top of the HTML, and kept in report.json.
    public var provenance: [(String, String)]
    /// The settings the report was made with, enough to make it again; kept in report.json
    /// and listed in the run-information appendix.
    public var options: [String: OptionValue]
    /// How long each section took to compute, in seconds, in the order the sections ran.
    public var sectionTimings: [(String, Double)]
    public var cells: [ReportCell]

    public init(title: String, subtitle: String? = nil, provenance: [(String, String)] = [],
                options: [String: OptionValue] = [:], sectionTimings: [(String, Double)] = [],
                cells: [ReportCell] = []) {
        self.title = title
        self.subtitle = subtitle
        self.provenance = provenance
        self.options = options
        self.sectionTimings = sectionTimings
        self.cells = cells
    }

    public mutating func append(_ cell: ReportCell) {
        cells.append(cell)
    }

    public mutating func append(contentsOf newCells: [ReportCell]) {
        cells.append(contentsOf: newCells)
    }
}
