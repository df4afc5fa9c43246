import StyleGAN
import XCTest
@testable import ZeroShot

final class LogisticRegressionTests: XCTestCase {
    let x: [[Float]] = [[0.5, 1.0], [1.5, -0.5], [-1.0, 0.3], [2.0, 2.0], [-0.5, -1.5], [0.2, 0.1], [1.0, -1.0], [-2.0, 0.5]]
    let labels = [true, true, false, true, false, true, true, false]

    func matrix(_ rows: [[Float]]) throws -> FeatureMatrix {
        try FeatureMatrix(rows: rows.count, columns: rows[0].count, values: rows.flatMap { $0 })
    }

    func testMatchesANewtonSolutionComputedWithNumpy() throws {
        // Reference: Newton's method in float64 on the same objective (mean logistic loss + λ/2 ‖n‖², λ = 0.1),
        // converged to |gradient| < 1e-16: n = (1.42974359, 0.40607983), b = 0.52417355, loss 0.32055499223586154.
        let (plane, summary) = try LogisticRegression(l2: 0.1).fit(matrix(x), labels: labels)
        XCTAssertEqual(plane.normal[0], 1.42974359, accuracy: 1e-6)
        XCTAssertEqual(plane.normal[1], 0.40607983, accuracy: 1e-6)
        XCTAssertEqual(plane.bias, 0.52417355, accuracy: 1e-6)
        XCTAssertEqual(summary.loss, 0.32055499223586154, accuracy: 1e-10)
        XCTAssertTrue(summary.converged)
    }

    func testIsDeterministic() throws {
        let a = try LogisticRegression(l2: 0.01).fit(matrix(x), labels: labels)
        let b = try LogisticRegression(l2: 0.01).fit(matrix(x), labels: labels)
        XCTAssertEqual(a.0, b.0)
    }

    func testSeparatesSeparableData() throws {
        // 300 points in 8 dimensions labelled by a fixed hyperplane; a weak penalty lets the fit separate them all.
        var rng = SplitMix64(seed: 1)
        func gaussian() -> Double { Double(rng.gaussians(1, scale: 1)[0]) }
        let d = 8, n = 300
        let truth = (0..<d).map { _ in gaussian() }
        var rows: [[Float]] = [], y: [Bool] = []
        for _ in 0..<n {
            let row = (0..<d).map { _ in Float(gaussian()) }
            rows.append(row)
            y.append(zip(row, truth).reduce(0) { $0 + Double($1.0) * $1.1 } > 0.3)
        }
        let (plane, summary) = try LogisticRegression(l2: 1e-6).fit(matrix(rows), labels: y)
        XCTAssertEqual(summary.trainingAccuracy, 1)
        let cosine = zip(plane.normal, truth).reduce(0) { $0 + $1.0 * $1.1 }
            / (plane.normal.reduce(0) { $0 + $1 * $1 } * truth.reduce(0) { $0 + $1 * $1 }).squareRoot()
        XCTAssertGreaterThan(cosine, 0.98)
    }

    func testRefusesOneClass() throws {
        XCTAssertThrowsError(try LogisticRegression(l2: 0.1).fit(matrix(x), labels: x.map { _ in true })) {
            XCTAssertTrue("\($0)".contains("both classes"), "\($0)")
        }
    }

    func testStandardizationCentresAndScales() throws {
        let m = try matrix([[1, 5], [3, 5], [5, 5]])
        let s = Standardization(fitting: m)
        XCTAssertEqual(s.mean, [3, 5])
        XCTAssertEqual(s.scale[0], (8.0 / 3).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(s.scale[1], 1, "a constant feature keeps scale 1")
        XCTAssertEqual(s.apply(m).values[1], 0)
    }

    func testLinearFit() throws {
        let fit = try LinearFit(x: [0, 1, 2, 3], y: [1, 3, 5, 7])
        XCTAssertEqual(fit.slope, 2, accuracy: 1e-12)
        XCTAssertEqual(fit.intercept, 1, accuracy: 1e-12)
        XCTAssertThrowsError(try LinearFit(x: [1, 1], y: [0, 2]))
    }
}
