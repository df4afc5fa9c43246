import StyleGAN

/// Eigenvalues and eigenvectors of a real symmetric matrix, self-contained (no LAPACK here):
/// Householder reduction to tridiagonal form, then implicit QR steps with Wilkinson shifts
/// (Golub & Van Loan §8.3), all in double precision. O(n³); about a second for n = 512.
public struct SymmetricEigen: Sendable {
    /// Eigenvalues in decreasing order.
    public let values: [Double]
    /// vectors[i] is the unit eigenvector of values[i].
    public let vectors: [[Double]]

    /// matrix: n × n, row-major, symmetric (only the lower triangle is read).
    public init(matrix: [Double], size n: Int) throws {
        guard n >= 1, matrix.count == n * n else { throw EngineError("eigen-decomposition needs an n × n matrix") }
        guard matrix.allSatisfy(\.isFinite) else { throw EngineError("cannot decompose a matrix with NaN or infinite entries") }
        var a = matrix
        for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { a[i * n + j] = a[j * n + i] } }
        var (d, e, q) = Self.tridiagonalize(&a, n)
        // rows of v are the columns of q: plane rotations then update two contiguous rows.
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { v[j * n + i] = q[i * n + j] } }
        try Self.diagonalize(&d, &e, &v, n)
        let order = (0..<n).sorted { d[$0] > d[$1] }
        values = order.map { d[$0] }
        vectors = order.map { Array(v[($0 * n)..<(($0 + 1) * n)]) }
    }

    /// A = Q T Qᵀ with T tridiagonal: returns T's diagonal d [n], off-diagonal e [n-1] and Q
    /// [n, n] row-major. Step k reflects column k below the diagonal onto its first entry:
    /// v = x − α e₁ with α = −sign(x₀)‖x‖ (no cancellation), P = I − β v vᵀ, β = 2 / vᵀv, and the
    /// trailing block becomes P A P = A − v wᵀ − w vᵀ with p = β A v, w = p − (β pᵀv / 2) v.
    static func tridiagonalize(_ a: inout [Double], _ n: Int) -> (d: [Double], e: [Double], q: [Double]) {
        var reflectors: [(k: Int, v: [Double], beta: Double)] = []
        if n > 2 {
            for k in 0..<(n - 2) {
                let m = n - k - 1                                 // length of x = a[k+1..<n, k]
                var x = (0..<m).map { a[(k + 1 + $0) * n + k] }
                let tail = x.dropFirst().reduce(0) { $0 + $1 * $1 }
                if tail == 0 { continue }                          // already tridiagonal in this column
                let norm = (x[0] * x[0] + tail).squareRoot()
                let alpha = x[0] >= 0 ? -norm : norm
                x[0] -= alpha
                let beta = 2 / x.reduce(0) { $0 + $1 * $1 }
                var p = [Double](repeating: 0, count: m)
                for i in 0..<m {
                    let row = (k + 1 + i) * n + k + 1
                    var s = 0.0
                    for j in 0..<m { s += a[row + j] * x[j] }
                    p[i] = beta * s
                }
                var pv = 0.0
                for i in 0..<m { pv += p[i] * x[i] }
                let kk = beta * pv / 2
                let w = (0..<m).map { p[$0] - kk * x[$0] }
                for i in 0..<m {
                    let row = (k + 1 + i) * n + k + 1
                    for j in 0..<m { a[row + j] -= x[i] * w[j] + w[i] * x[j] }
                }
                for i in (k + 2)..<n { a[i * n + k] = 0; a[k * n + i] = 0 }
                a[(k + 1) * n + k] = alpha; a[k * n + k + 1] = alpha
                reflectors.append((k, x, beta))
            }
        }
        // Q = P₀ P₁ ⋯, accumulated backward so each reflector touches only its trailing block.
        var q = [Double](repeating: 0, count: n * n)
        for i in 0..<n { q[i * n + i] = 1 }
        for (k, v, beta) in reflectors.reversed() {
            let m = v.count, lo = k + 1
            var u = [Double](repeating: 0, count: m)               // u = vᵀ Q[lo.., lo..]
            for i in 0..<m {
                let row = (lo + i) * n + lo
                let vi = v[i]
                for j in 0..<m { u[j] += vi * q[row + j] }
            }
            for i in 0..<m {
                let row = (lo + i) * n + lo
                let f = beta * v[i]
                for j in 0..<m { q[row + j] -= f * u[j] }
            }
        }
        let d = (0..<n).map { a[$0 * n + $0] }
        let e = (0..<max(0, n - 1)).map { a[($0 + 1) * n + $0] }
        return (d, e, q)
    }

    /// Diagonalises the tridiagonal (d, e) by implicit shifted QR steps, each a chase of the
    /// bulge by plane rotations G = [[c, s], [−s, c]] on planes (k, k+1); every rotation is also
    /// applied to rows k, k+1 of v (v holds the eigenvectors as rows).
    static func diagonalize(_ d: inout [Double], _ e: inout [Double], _ v: inout [Double], _ n: Int) throws {
        var hi = n - 1
        var iterations = 0
        let eps = Double.ulpOfOne
        while hi > 0 {
            if abs(e[hi - 1]) <= eps * (abs(d[hi - 1]) + abs(d[hi])) {
                e[hi - 1] = 0
                hi -= 1
                continue
            }
            var lo = hi - 1
            while lo > 0, abs(e[lo - 1]) > eps * (abs(d[lo - 1]) + abs(d[lo])) { lo -= 1 }
            iterations += 1
            guard iterations <= 50 * n else { throw EngineError("the eigen-decomposition did not converge") }
            // Wilkinson shift: the eigenvalue of the trailing 2 × 2 block closer to d[hi].
            let delta = (d[hi - 1] - d[hi]) / 2, b = e[hi - 1]
            let mu = d[hi] - b * b / (delta + (delta >= 0 ? 1 : -1) * (delta * delta + b * b).squareRoot())
            var x = d[lo] - mu, z = e[lo]
            for k in lo..<hi {
                let r = (x * x + z * z).squareRoot()
                let c = r == 0 ? 1 : x / r, s = r == 0 ? 0 : z / r
                if k > lo { e[k - 1] = r }
                let dk = d[k], dk1 = d[k + 1], ek = e[k]
                d[k] = c * c * dk + 2 * c * s * ek + s * s * dk1
                d[k + 1] = s * s * dk - 2 * c * s * ek + c * c * dk1
                e[k] = c * s * (dk1 - dk) + (c * c - s * s) * ek
                if k < hi - 1 {
                    z = s * e[k + 1]                               // the bulge at (k, k+2)
                    e[k + 1] *= c
                    x = e[k]
                }
                let r0 = k * n, r1 = (k + 1) * n
                for j in 0..<n {
                    let a0 = v[r0 + j], a1 = v[r1 + j]
                    v[r0 + j] = c * a0 + s * a1
                    v[r1 + j] = c * a1 - s * a0
                }
            }
        }
    }
}
