/// Samples × features, float32, row-major: one row per seed. The matrix the linear models are
/// trained on and applied to, with OpenBLAS doing the products.
public struct FeatureMatrix: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    public var values: [Float]

    public init(rows: Int, columns: Int, values: [Float]) throws {
        guard rows >= 0, columns >= 1, values.count == rows * columns else {
            throw ZeroShotError("a feature matrix of \(rows)×\(columns) cannot hold \(values.count) values")
        }
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// Stacks matrices of equal width (batches of one sample set).
    public static func stacking(_ parts: [FeatureMatrix]) throws -> FeatureMatrix {
        guard let first = parts.first else { throw ZeroShotError("no feature rows to stack") }
        guard parts.allSatisfy({ $0.columns == first.columns }) else {
            throw ZeroShotError("feature batches differ in width")
        }
        return FeatureMatrix(unchecked: parts.reduce(0) { $0 + $1.rows }, first.columns, parts.flatMap(\.values))
    }

    init(unchecked rows: Int, _ columns: Int, _ values: [Float]) {
        self.rows = rows
        self.columns = columns
        self.values = values
    }
}
