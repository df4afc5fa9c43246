/// Counts over bins computed by the caller. One series is drawn as bars; several are drawn
/// as overlaid translucent steps sharing the same bins.
public struct Histogram: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var name: String
        /// One count (or density) per bin.
        public var counts: [Double]

        public init(name: String, counts: [Double]) {
            self.name = name
            self.counts = counts
        }
    }

    /// Increasing bin edges; bin i spans binEdges[i] ..< binEdges[i + 1].
    public var binEdges: [Double]
    public var series: [Series]
    public var xLabel: String
    public var yLabel: String
    /// Logarithmic count axis; empty bins are not drawn.
    public var logScale: Bool

    public init(binEdges: [Double], series: [Series], xLabel: String, yLabel: String = "count", logScale: Bool = false) {
        self.binEdges = binEdges
        self.series = series
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logScale = logScale
    }
}
