import StyleGAN

/// rosinality/stylegan2-pytorch generator names -> NVIDIA names (stylegan2.md §3.3). Every
/// conversion is a reshape: rosinality keeps leading batch dimensions of 1 that NVIDIA drops,
/// and its up-sampling weights are already stored the way NVIDIA stores them.
enum RosinalityNames {
    /// The NVIDIA name for a rosinality state-dict entry and how many leading 1s to drop
    /// (or the exact shape to reshape to), or nil when the name is not a generator tensor.
    static func target(_ name: String) -> (nvidia: String, leadingOnes: Int, reshape: [Int]?)? {
        let p = name.split(separator: ".").map(String.init)
        func index(_ s: String) -> Int? { Int(s).flatMap { $0 >= 0 && $0 < 64 ? $0 : nil } }
        switch p.count {
        case 2 where p[0] == "input" && p[1] == "input":
            return ("synthesis.b4.const", 1, nil)
        case 2 where p[0] == "noises" && p[1].hasPrefix("noise_"):
            guard let i = index(String(p[1].dropFirst(6))) else { return nil }
            let layer = i == 0 ? "b4.conv1" : "b\(1 << ((i - 1) / 2 + 3)).\(i % 2 == 1 ? "conv0" : "conv1")"
            return ("synthesis.\(layer).noise_const", 2, nil)
        case 3 where p[0] == "style":
            guard let i = index(p[1]), i >= 1, ["weight", "bias"].contains(p[2]) else { return nil }
            return ("mapping.fc\(i - 1).\(p[2])", 0, nil)
        default:
            break
        }
        // Layers: conv1 and to_rgb1 of block 4, convs.{k} and to_rgbs.{j} of the larger blocks.
        let layer: String
        let rest: ArraySlice<String>
        if p.first == "conv1" {
            (layer, rest) = ("b4.conv1", p.dropFirst())
        } else if p.first == "to_rgb1" {
            (layer, rest) = ("b4.torgb", p.dropFirst())
        } else if p.count > 2, p[0] == "convs", let k = index(p[1]) {
            (layer, rest) = ("b\(1 << (k / 2 + 3)).\(k % 2 == 0 ? "conv0" : "conv1")", p.dropFirst(2))
        } else if p.count > 2, p[0] == "to_rgbs", let j = index(p[1]) {
            (layer, rest) = ("b\(1 << (j + 3)).torgb", p.dropFirst(2))
        } else {
            return nil
        }
        let prefix = "synthesis.\(layer)"
        let isRGB = layer.hasSuffix("torgb")
        switch Array(rest) {
        case ["conv", "weight"]: return ("\(prefix).weight", 1, nil)
        case ["conv", "modulation", "weight"]: return ("\(prefix).affine.weight", 0, nil)
        case ["conv", "modulation", "bias"]: return ("\(prefix).affine.bias", 0, nil)
        case ["noise", "weight"] where !isRGB: return ("\(prefix).noise_strength", 0, [])
        case ["activate", "bias"] where !isRGB: return ("\(prefix).bias", 0, nil)
        case ["bias"] where isRGB: return ("\(prefix).bias", 0, [-1])
        default: return nil
        }
    }

    /// Fixed kernels that rosinality stores as buffers (`*.blur.kernel`, `*.upsample.kernel`).
    static func isFixedKernel(_ name: String) -> Bool {
        name.hasSuffix(".blur.kernel") || name.hasSuffix(".upsample.kernel")
    }

    /// Converts one tensor to its NVIDIA shape.
    static func convert(_ t: Tensor, leadingOnes: Int, reshape: [Int]?, _ name: String) throws -> Tensor {
        if let shape = reshape {
            // [-1] means "flatten"; [] means a 0-d value.
            return try TensorLayout.reshaped(t, shape == [-1] ? [t.count] : shape, name)
        }
        return leadingOnes == 0 ? t : try TensorLayout.droppingLeadingOnes(t, leadingOnes, name)
    }
}
