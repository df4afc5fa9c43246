/// Per-feature centring and scaling fitted on the training rows: x' = (x − mean) / scale, with
/// scale the population standard deviation (ddof 0), or 1 for a feature that does not vary, so
/// that the L2 penalty weighs every feature alike.
public struct Standardization: Codable, Equatable, Sendable {
    public var mean: [Double]
    public var scale: [Double]

    public init(mean: [Double], scale: [Double]) {
        self.mean = mean
        self.scale = scale
    }

    public init(fitting x: FeatureMatrix) {
        let n = max(1, x.rows), d = x.columns
        var sum = [Double](repeating: 0, count: d)
        for r in 0..<x.rows {
            for c in 0..<d { sum[c] += Double(x.values[r * d + c]) }
        }
        let mean = sum.map { $0 / Double(n) }
        var squares = [Double](repeating: 0, count: d)
        for r in 0..<x.rows {
            for c in 0..<d {
                let e = Double(x.values[r * d + c]) - mean[c]
                squares[c] += e * e
            }
        }
        self.mean = mean
        // A feature that is constant on the training rows carries no information; scale 1
        // keeps it finite (its weight is then driven to 0 by the penalty).
        scale = squares.enumerated().map { c, s in
            let sd = (s / Double(n)).squareRoot()
            return sd > 1e-12 * max(1, abs(mean[c])) ? sd : 1
        }
    }

    public var dimension: Int { mean.count }

    public func apply(_ x: FeatureMatrix) -> FeatureMatrix {
        let d = x.columns
        var out = x.values
        for r in 0..<x.rows {
            for c in 0..<d { out[r * d + c] = Float((Double(x.values[r * d + c]) - mean[c]) / scale[c]) }
        }
        return FeatureMatrix(unchecked: x.rows, d, out)
    }
}
