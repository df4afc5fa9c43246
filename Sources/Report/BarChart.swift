/// Grouped bars: categories along x, one bar per series in each group, a legend when there
/// is more than one series.
public struct BarChart: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var name: String
        /// One value per category.
        public var values: [Double]
        /// Optional half-widths of error bars, one per category (computed by the caller).
        public var errors: [Double]?

        public init(name: String, values: [Double], errors: [Double]? = nil) {
            self.name = name
            self.values = values
            self.errors = errors
        }
    }

    public var categories: [String]
    public var series: [Series]
    /// With units, e.g. "relative change (%)".
    public var yLabel: String
    public var xLabel: String?
    /// Logarithmic y axis; non-positive values are not drawn (they stay in the CSV).
    public var logScale: Bool
    /// When set, each bar is labelled with its value in this format.
    public var valueFormat: NumberFormat?

    public init(categories: [String], series: [Series], yLabel: String, xLabel: String? = nil,
                logScale: Bool = false, valueFormat: NumberFormat? = nil) {
        self.categories = categories
        self.series = series
        self.yLabel = yLabel
        self.xLabel = xLabel
        self.logScale = logScale
        self.valueFormat = valueFormat
    }
}

/// The caller's choice of how a value is written on a figure.
public enum NumberFormat: Sendable, Equatable {
    case fixed(decimals: Int)
    case scientific(significantDigits: Int)

    func text(_ value: Double) -> String {
        switch self {
        case .fixed(let decimals): return NumberText.fixed(value, decimals: decimals)
        case .scientific(let digits): return NumberText.scientific(value, significantDigits: digits)
        }
    }
}
