/// Ordinary least squares y ≈ slope · x + intercept: the paper's map from the distance to an
/// attribute hyperplane to the attribute's value.
public struct LinearFit: Codable, Equatable, Sendable {
    public var slope: Double
    public var intercept: Double

    public init(slope: Double, intercept: Double) {
        self.slope = slope
        self.intercept = intercept
    }

    /// slope = cov(x, y) / var(x), intercept = ȳ − slope · x̄.
    public init(x: [Double], y: [Double]) throws {
        guard x.count == y.count, x.count >= 2 else { throw ZeroShotError("a linear fit needs at least two (x, y) pairs") }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0
        for i in x.indices {
            sxx += (x[i] - mx) * (x[i] - mx)
            sxy += (x[i] - mx) * (y[i] - my)
        }
        guard sxx > 0 else { throw ZeroShotError("the distances to the hyperplane do not vary: no linear fit") }
        slope = sxy / sxx
        intercept = my - slope * mx
    }

    public func callAsFunction(_ x: Double) -> Double { slope * x + intercept }
}
