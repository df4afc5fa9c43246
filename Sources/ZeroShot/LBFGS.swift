/// Limited-memory BFGS (Nocedal & Wright, Numerical Optimization, algorithms 7.4 and 7.5) with a
/// backtracking Armijo line search. Used for the convex logistic objective, where every step
/// keeps sᵀy > 0; a pair that breaks it is skipped rather than stored. Fully deterministic.
struct LBFGS {
    struct Outcome {
        var point: [Double]
        var value: Double
        var iterations: Int
        var converged: Bool
    }

    /// Number of (s, y) pairs kept.
    var memory = 10
    var maxIterations = 2000
    /// Stop when max |gradient| falls below this.
    var gradientTolerance = 1e-7
    /// ...or when an iteration lowers the value by less than this fraction of it.
    var valueTolerance = 1e-13

    func minimize(from start: [Double], _ objective: ([Double]) -> (value: Double, gradient: [Double])) -> Outcome {
        var x = start
        var (f, g) = objective(x)
        var pairs: [(s: [Double], y: [Double], rho: Double)] = []
        for iteration in 0..<maxIterations {
            if maxAbs(g) <= gradientTolerance { return Outcome(point: x, value: f, iterations: iteration, converged: true) }
            var direction = twoLoop(g, pairs)
            var slope = dot(direction, g)
            if !(slope < 0) {
                // Not a descent direction (can only follow round-off): fall back to steepest descent.
                direction = g.map { -$0 }
                slope = -dot(g, g)
            }
            // The first step has no curvature information: scale it to a unit move.
            var step = pairs.isEmpty ? min(1, 1 / max(1e-12, maxAbs(g))) : 1
            var accepted: (x: [Double], f: Double, g: [Double])?
            for _ in 0..<60 {
                let trial = zip(x, direction).map { $0 + step * $1 }
                let (ft, gt) = objective(trial)
                if ft.isFinite, ft <= f + 1e-4 * step * slope {
                    accepted = (trial, ft, gt)
                    break
                }
                step *= 0.5
            }
            guard let next = accepted else { return Outcome(point: x, value: f, iterations: iteration, converged: false) }
            let s = zip(next.x, x).map { $0 - $1 }, y = zip(next.g, g).map { $0 - $1 }
            let sy = dot(s, y)
            if sy > 1e-12 * dot(y, y) {
                pairs.append((s, y, 1 / sy))
                if pairs.count > memory { pairs.removeFirst() }
            }
            let decrease = f - next.f
            x = next.x; f = next.f; g = next.g
            if decrease <= valueTolerance * max(1, abs(f)) {
                return Outcome(point: x, value: f, iterations: iteration + 1, converged: maxAbs(g) <= 1e3 * gradientTolerance)
            }
        }
        return Outcome(point: x, value: f, iterations: maxIterations, converged: maxAbs(g) <= gradientTolerance)
    }

    /// −H·g with H the L-BFGS inverse-Hessian estimate (scaled by sᵀy / yᵀy of the newest pair).
    private func twoLoop(_ g: [Double], _ pairs: [(s: [Double], y: [Double], rho: Double)]) -> [Double] {
        var q = g
        var alphas = [Double](repeating: 0, count: pairs.count)
        for i in stride(from: pairs.count - 1, through: 0, by: -1) {
            alphas[i] = pairs[i].rho * dot(pairs[i].s, q)
            for k in q.indices { q[k] -= alphas[i] * pairs[i].y[k] }
        }
        if let last = pairs.last {
            let gamma = dot(last.s, last.y) / max(1e-300, dot(last.y, last.y))
            for k in q.indices { q[k] *= gamma }
        }
        for i in pairs.indices {
            let beta = pairs[i].rho * dot(pairs[i].y, q)
            for k in q.indices { q[k] += (alphas[i] - beta) * pairs[i].s[k] }
        }
        return q.map { -$0 }
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices { sum += a[i] * b[i] }
        return sum
    }

    private func maxAbs(_ a: [Double]) -> Double { a.reduce(0) { max($0, abs($1)) } }
}
