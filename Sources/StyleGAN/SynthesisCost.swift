/// The arithmetic cost of a synthesis pass, counted as NVIDIA's implementation computes it, so
/// that GFLOP/s figures are comparable with the reference PyTorch code:
/// - conv1 (3x3, stride 1): O·I·9·H·W multiply-adds;
/// - conv0 (3x3, up 2) as a stride-2 transposed conv: O·I·9·H_in·W_in (the input is the
///   low-resolution map; the [1,3,3,1] filter that follows is not counted);
/// - torgb (1x1): C_img·I·H·W; the resnet shortcut (1x1): O·I·H_in·W_in.
/// One multiply-add is two FLOPs. Mapping, affines, demodulation, filtering, bias, activation,
/// noise and the skip image's up-sampling are left out (under 0.1 % at every preset).
extension GeneratorConfig {
    /// Multiply-adds of the synthesis convolutions for one image.
    public var synthesisMultiplyAdds: Int {
        var total = 0
        for r in blockResolutions {
            let c = channels(at: r)
            if r == 4 {
                total += c * c * 9 * r * r
            } else {
                let cIn = channels(at: r / 2), low = (r / 2) * (r / 2)
                total += c * cIn * 9 * low            // conv0: transposed conv on the input
                total += c * c * 9 * r * r            // conv1
                if architecture == .resnet { total += c * cIn * low }
            }
            if numToRGB(block: r) == 1 { total += imgChannels * c * r * r }
        }
        return total
    }

    /// FLOPs (2 per multiply-add) of the synthesis network for one image.
    public var synthesisFLOPs: Double { 2 * Double(synthesisMultiplyAdds) }
}
