import StyleGAN

/// Re-layouts that convert other frameworks' weights to NVIDIA's, checked against the shapes
/// they expect so that a file with odd shapes fails with a message instead of a trap.
enum TensorLayout {
    /// [a, b] -> [b, a] (TF dense `[in, out]` and `mod_weight [w, I]` to torch `[out, in]`).
    static func transposed(_ t: Tensor, _ name: String) throws -> Tensor {
        guard t.rank == 2 else { throw ReadFailure("\(name) has shape \(t.shape), expected two dimensions") }
        let (a, b) = (t.shape[0], t.shape[1])
        var out = [Float](repeating: 0, count: t.count)
        for i in 0 ..< a { for j in 0 ..< b { out[j * a + i] = t.data[i * b + j] } }
        return Tensor(shape: [b, a], data: out)
    }

    /// TF conv kernel [kh, kw, I, O] -> torch [O, I, kh, kw] (transpose 3, 2, 0, 1), optionally
    /// flipped spatially first (`Conv0_up`: TF's transposed conv stores the kernel the other way round).
    static func convKernel(_ t: Tensor, _ name: String, flip: Bool) throws -> Tensor {
        guard t.rank == 4 else { throw ReadFailure("\(name) has shape \(t.shape), expected [kh, kw, I, O]") }
        let (kh, kw, ci, co) = (t.shape[0], t.shape[1], t.shape[2], t.shape[3])
        var out = [Float](repeating: 0, count: t.count)
        for y in 0 ..< kh {
            for x in 0 ..< kw {
                let (sy, sx) = flip ? (kh - 1 - y, kw - 1 - x) : (y, x)
                for i in 0 ..< ci {
                    for o in 0 ..< co {
                        out[((o * ci + i) * kh + y) * kw + x] = t.data[((sy * kw + sx) * ci + i) * co + o]
                    }
                }
            }
        }
        return Tensor(shape: [co, ci, kh, kw], data: out)
    }

    /// Drops `count` leading dimensions that must each be 1 ([1, C, 4, 4] -> [C, 4, 4]).
    static func droppingLeadingOnes(_ t: Tensor, _ count: Int, _ name: String) throws -> Tensor {
        guard t.rank >= count, t.shape.prefix(count).allSatisfy({ $0 == 1 }) else {
            throw ReadFailure("\(name) has shape \(t.shape), expected \(count) leading dimension(s) of size 1")
        }
        return t.reshaped(Array(t.shape.dropFirst(count)))
    }

    /// Reshapes to `shape`, which must hold the same number of values ([1, 3, 1, 1] -> [3]).
    static func reshaped(_ t: Tensor, _ shape: [Int], _ name: String) throws -> Tensor {
        guard shape.reduce(1, *) == t.count else {
            throw ReadFailure("\(name) has shape \(t.shape), which cannot become \(shape)")
        }
        return t.reshaped(shape)
    }

    /// Adds a constant to every value (TF `mod_bias` lacks the +1 that NVIDIA stores).
    static func adding(_ t: Tensor, _ c: Float) -> Tensor {
        Tensor(shape: t.shape, data: t.data.map { $0 + c })
    }
}
