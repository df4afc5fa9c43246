/// Lines through (x, y) points, one per series, with a legend. A NaN y breaks the line.
public struct LinePlot: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        /// Marks each point with a dot.
        public var showsMarkers: Bool

        public init(name: String, x: [Double], y: [Double], showsMarkers: Bool = true) {
            self.name = name
            self.x = x
            self.y = y
            self.showsMarkers = showsMarkers
        }

        public init(name: String, points: [(Double, Double)], showsMarkers: Bool = true) {
            self.init(name: name, x: points.map { $0.0 }, y: points.map { $0.1 }, showsMarkers: showsMarkers)
        }
    }

    public var series: [Series]
    public var xLabel: String
    public var yLabel: String
    public var xLogScale: Bool
    public var yLogScale: Bool

    public init(series: [Series], xLabel: String, yLabel: String, xLogScale: Bool = false, yLogScale: Bool = false) {
        self.series = series
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xLogScale = xLogScale
        self.yLogScale = yLogScale
    }
}
