/// An n-dimensional array as stored in a numpy `.npy` file, held as Float in C (row-major) order.
/// Whatever the file's dtype, values are converted to Float on reading; writing always produces float32.
public struct NumpyArray: Equatable, Sendable {
    /// Dimensions, outermost first; empty for a 0-d (scalar) array.
    public let shape: [Int]
    /// shape.reduce(1, *) values in C order.
    public let values: [Float]

    /// Fails when a dimension is negative or the number of values does not match the shape.
    public init(shape: [Int], values: [Float]) throws {
        guard let count = checkedProduct(shape) else {
            throw FileFormatError("numpy array shape \(shape) has a negative dimension or too many elements")
        }
        guard count == values.count else {
            throw FileFormatError("numpy array shape \(shape) needs \(count) values, got \(values.count)")
        }
        self.shape = shape
        self.values = values
    }

    /// For decoders that have already checked the shape against the values.
    init(checkedShape shape: [Int], values: [Float]) {
        self.shape = shape
        self.values = values
    }
}
