import Foundation

/// Bit-exact `numpy.random.RandomState(seed)`: MT19937 with numpy's legacy seeding, 53-bit
/// doubles and the legacy polar Gaussian with one cached value (reference §7). NVIDIA's
/// `generate.py` draws `z = RandomState(seed).randn(1, z_dim)`, so this gives their "seed N".
public struct NumpyRandomState {
    private var mt = [UInt32](repeating: 0, count: 624)
    private var index = 624
    private var cachedGaussian: Double?

    public init(seed: UInt32) {
        mt[0] = seed
        for i in 1..<624 {
            mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
        }
    }

    private mutating func twist() {
        for i in 0..<624 {
            let y = (mt[i] & 0x8000_0000) | (mt[(i + 1) % 624] & 0x7fff_ffff)
            var v = mt[(i + 397) % 624] ^ (y >> 1)
            if y & 1 != 0 { v ^= 0x9908_b0df }
            mt[i] = v
        }
        index = 0
    }

    public mutating func nextUInt32() -> UInt32 {
        if index >= 624 { twist() }
        var y = mt[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// Uniform in [0, 1) with 53 random bits, as numpy's `random_sample`.
    public mutating func nextDouble() -> Double {
        let a = Double(nextUInt32() >> 5), b = Double(nextUInt32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// numpy's legacy `gauss`: the Marsaglia polar method, returning the second value of each pair first.
    public mutating func nextGaussian() -> Double {
        if let cached = cachedGaussian {
            cachedGaussian = nil
            return cached
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2 * nextDouble() - 1
            x2 = 2 * nextDouble() - 1
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1 || r2 == 0
        let f = (-2 * Foundation.log(r2) / r2).squareRoot()
        cachedGaussian = f * x1
        return f * x2
    }

    /// `randn(count)` in float64, row-major.
    public mutating func randn(_ count: Int) -> [Double] { (0..<count).map { _ in nextGaussian() } }
}

extension Tensor {
    /// The z of NVIDIA's `generate.py` for each seed: `RandomState(seed).randn(1, zDim)` cast to
    /// float32, stacked into `[seeds.count, zDim]`.
    public static func seedLatents(_ seeds: [UInt32], zDim: Int) -> Tensor {
        var data: [Float] = []
        data.reserveCapacity(seeds.count * zDim)
        for seed in seeds {
            var rng = NumpyRandomState(seed: seed)
            data += rng.randn(zDim).map { Float($0) }
        }
        return Tensor(shape: [seeds.count, zDim], data: data)
    }
}
