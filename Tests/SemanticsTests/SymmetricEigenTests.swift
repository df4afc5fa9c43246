import XCTest
import StyleGAN
@testable import Semantics

final class SymmetricEigenTests: XCTestCase {
    /// A = Q diag(λ) Qᵀ with Q a product of random reflections: the decomposition must give back λ
    /// and vectors ±Q's columns.
    func testRecoversAKnownSpectrum() throws {
        let n = 40
        var rng = SplitMix64(seed: 3)
        var q = [Double](repeating: 0, count: n * n)
        for i in 0..<n { q[i * n + i] = 1 }
        for _ in 0..<5 {
            let v = rng.gaussians(n, scale: 1).map(Double.init)
            let vv = v.reduce(0) { $0 + $1 * $1 }
            for i in 0..<n {
                var dot = 0.0
                for j in 0..<n { dot += q[i * n + j] * v[j] }
                for j in 0..<n { q[i * n + j] -= 2 * dot * v[j] / vv }
            }
        }
        let lambda = (0..<n).map { Double(n - $0) * 0.5 - 3 }      // distinct, some negative
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { for k in 0..<n { a[i * n + j] += q[i * n + k] * lambda[k] * q[j * n + k] } } }
        let eigen = try SymmetricEigen(matrix: a, size: n)
        for k in 0..<n {
            XCTAssertEqual(eigen.values[k], lambda[k], accuracy: 1e-10)
            let column = (0..<n).map { q[$0 * n + k] }
            let dot = zip(column, eigen.vectors[k]).reduce(0) { $0 + $1.0 * $1.1 }
            XCTAssertEqual(abs(dot), 1, accuracy: 1e-9, "eigenvector \(k)")
        }
    }

    func testResidualsAndOrthogonalityOnARandomMatrix() throws {
        let n = 64
        var rng = SplitMix64(seed: 11)
        let b = rng.gaussians(n * n, scale: 1).map(Double.init)
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { a[i * n + j] = b[i * n + j] + b[j * n + i] } }
        let eigen = try SymmetricEigen(matrix: a, size: n)
        XCTAssertEqual(eigen.values, eigen.values.sorted(by: >))
        XCTAssertEqual(eigen.values.reduce(0, +), (0..<n).reduce(0) { $0 + a[$1 * n + $1] }, accuracy: 1e-9, "trace")
        for k in 0..<n {
            let v = eigen.vectors[k]
            for i in 0..<n {
                let av = (0..<n).reduce(0) { $0 + a[i * n + $1] * v[$1] }
                XCTAssertEqual(av, eigen.values[k] * v[i], accuracy: 1e-9)
            }
            for j in 0..<n {
                let dot = zip(v, eigen.vectors[j]).reduce(0) { $0 + $1.0 * $1.1 }
                XCTAssertEqual(dot, j == k ? 1 : 0, accuracy: 1e-10)
            }
        }
    }

    func testDiagonalAndTinyMatrices() throws {
        XCTAssertEqual(try SymmetricEigen(matrix: [2], size: 1).values, [2])
        let d = try SymmetricEigen(matrix: [1, 0, 0, 0, 3, 0, 0, 0, 2], size: 3)
        XCTAssertEqual(d.values, [3, 2, 1])
        XCTAssertEqual(d.vectors[0].map(abs), [0, 1, 0])
        let two = try SymmetricEigen(matrix: [2, 1, 1, 2], size: 2)
        XCTAssertEqual(two.values[0], 3, accuracy: 1e-14)
        XCTAssertEqual(two.values[1], 1, accuracy: 1e-14)
        XCTAssertThrowsError(try SymmetricEigen(matrix: [1, .nan, .nan, 1], size: 2))
    }
}
