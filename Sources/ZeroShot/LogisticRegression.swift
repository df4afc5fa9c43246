import CBLAS
import Foundation

/// A hyperplane in a (standardised) feature space: decision f(x) = normal · x + bias.
public struct Hyperplane: Codable, Equatable, Sendable {
    public var normal: [Double]
    public var bias: Double
    public init(normal: [Double], bias: Double) {
        self.normal = normal
        self.bias = bias
    }
}

/// How an optimisation ended.
public struct TrainingSummary: Codable, Equatable, Sendable {
    /// Final value of the objective (mean logistic loss plus penalty).
    public var loss: Double
    public var iterations: Int
    public var converged: Bool
    /// Accuracy on the training rows.
    public var trainingAccuracy: Double
}

/// L2-regularised logistic regression on standardised features:
///
///     minimise  (1/N) Σᵢ log(1 + exp(−tᵢ (n·xᵢ + b)))  +  (λ/2) ‖n‖²,   tᵢ = ±1,
///
/// by L-BFGS from n = 0, b = 0. The bias is not penalised. The products X·n and Xᵀ·r run through
/// OpenBLAS (dgemv) in float64, so the result does not depend on summation order beyond BLAS's
/// own (fixed for a given thread count).
public struct LogisticRegression: Sendable {
    public var l2: Double

    public init(l2: Double) { self.l2 = l2 }

    public func fit(_ x: FeatureMatrix, labels: [Bool]) throws -> (Hyperplane, TrainingSummary) {
        let n = x.rows, d = x.columns
        guard labels.count == n else { throw ZeroShotError("\(labels.count) labels for \(n) samples") }
        let positives = labels.filter { $0 }.count
        guard positives > 0, positives < n else {
            throw ZeroShotError("the training labels are all \(positives > 0 ? "positive" : "negative"): a classifier needs both classes")
        }
        guard l2 >= 0, l2.isFinite else { throw ZeroShotError("the L2 penalty must be a finite number ≥ 0, not \(l2)") }
        let matrix = x.values.map(Double.init)
        let targets = labels.map { $0 ? 1.0 : -1.0 }
        let lambda = l2
        var decision = [Double](repeating: 0, count: n)
        var residual = [Double](repeating: 0, count: n)

        // θ = (n₀ … n_{d−1}, b)
        func objective(_ theta: [Double]) -> (value: Double, gradient: [Double]) {
            var gradient = [Double](repeating: 0, count: d + 1)
            let bias = theta[d]
            matrix.withUnsafeBufferPointer { xp in theta.withUnsafeBufferPointer { tp in
                decision.withUnsafeMutableBufferPointer { fp in
                    // f[N] = X[N, d] · n[d]
                    cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(d), 1, xp.baseAddress, Int32(d),
                                tp.baseAddress, 1, 0, fp.baseAddress, 1)
                }
            } }
            var loss = 0.0, biasGradient = 0.0
            for i in 0..<n {
                let margin = targets[i] * (decision[i] + bias)
                // log(1 + e^(−m)) and its derivative −σ(−m), written to stay finite for any m.
                loss += max(-margin, 0) + log1p(exp(-abs(margin)))
                let sigmoidMinus = margin >= 0 ? exp(-margin) / (1 + exp(-margin)) : 1 / (1 + exp(margin))
                residual[i] = -targets[i] * sigmoidMinus / Double(n)
                biasGradient += residual[i]
            }
            matrix.withUnsafeBufferPointer { xp in residual.withUnsafeBufferPointer { rp in
                gradient.withUnsafeMutableBufferPointer { gp in
                    // g[d] = X[N, d]ᵀ · r[N]
                    cblas_dgemv(CblasRowMajor, CblasTrans, Int32(n), Int32(d), 1, xp.baseAddress, Int32(d),
                                rp.baseAddress, 1, 0, gp.baseAddress, 1)
                }
            } }
            var penalty = 0.0
            for k in 0..<d {
                penalty += theta[k] * theta[k]
                gradient[k] += lambda * theta[k]
            }
            gradient[d] = biasGradient
            return (loss / Double(n) + 0.5 * lambda * penalty, gradient)
        }

        let outcome = LBFGS().minimize(from: [Double](repeating: 0, count: d + 1), objective)
        guard outcome.point.allSatisfy(\.isFinite) else { throw ZeroShotError("logistic regression diverged") }
        let plane = Hyperplane(normal: Array(outcome.point[0..<d]), bias: outcome.point[d])
        _ = objective(outcome.point)  // leaves `decision` at the final point
        var correct = 0
        for i in 0..<n where (decision[i] + plane.bias > 0) == labels[i] { correct += 1 }
        return (plane, TrainingSummary(loss: outcome.value, iterations: outcome.iterations, converged: outcome.converged,
                                       trainingAccuracy: Double(correct) / Double(n)))
    }
}
