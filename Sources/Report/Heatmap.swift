/// A matrix drawn as coloured cells, with row and column labels and a colour bar.
public struct Heatmap: Sendable, Equatable {
    public enum Colormap: Sendable, Equatable {
        /// Viridis: dark purple (low) to yellow (high).
        case sequential
        /// Blue (below centre) through white to red (above); the range is symmetric about the centre.
        case diverging(center: Double)
    }

    /// values[row][column]; NaN cells are drawn grey.
    public var values: [[Double]]
    /// Empty, or one per row. When rows are too thin for every label, every k-th is shown.
    public var rowLabels: [String]
    /// Empty, or one per column.
    public var columnLabels: [String]
    public var rowAxisTitle: String?
    public var columnAxisTitle: String?
    /// The colour bar's label, with units.
    public var colorbarLabel: String
    public var colormap: Colormap
    /// Values mapped to the ends of the colour bar; nil uses the smallest and largest finite value.
    public var range: ClosedRange<Double>?
    /// When set and the cells are large enough, each cell shows its value in this format.
    public var cellFormat: NumberFormat?

    public init(values: [[Double]], rowLabels: [String] = [], columnLabels: [String] = [],
                rowAxisTitle: String? = nil, columnAxisTitle: String? = nil, colorbarLabel: String,
                colormap: Colormap = .sequential, range: ClosedRange<Double>? = nil, cellFormat: NumberFormat? = nil) {
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.rowAxisTitle = rowAxisTitle
        self.columnAxisTitle = columnAxisTitle
        self.colorbarLabel = colorbarLabel
        self.colormap = colormap
        self.range = range
        self.cellFormat = cellFormat
    }

    var rowCount: Int { values.count }
    var columnCount: Int { values.first?.count ?? 0 }
}
