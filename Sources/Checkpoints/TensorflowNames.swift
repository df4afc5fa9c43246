import StyleGAN

/// TF StyleGAN2 variable names -> NVIDIA names and layouts (stylegan2.md §3.3, TF rows).
/// Full TF names carry the component prefix: `mapping/Dense0/weight`, `synthesis/8x8/Conv0_up/weight`,
/// `synthesis/noise3`, and `dlatent_avg` on Gs itself.
enum TensorflowNames {
    /// Converts one variable, or throws naming it when it is not part of a StyleGAN2 generator.
    static func convert(_ tfName: String, _ value: Tensor) throws -> (String, Tensor) {
        if tfName.contains("ToRGB_lod") || tfName.hasSuffix("/lod") {
            throw ReadFailure("is a StyleGAN1 or progressive-growing network (variable \(tfName)); only StyleGAN2 generators are read")
        }
        let parts = tfName.split(separator: "/").map(String.init)
        switch parts.count {
        case 1 where tfName == "dlatent_avg":
            return ("mapping.w_avg", value)
        case 3 where parts[0] == "mapping":
            return try mapping(parts[1], parts[2], value, tfName)
        case 2 where parts[0] == "synthesis" && parts[1].hasPrefix("noise"):
            return try noise(parts[1], value, tfName)
        case 4 where parts[0] == "synthesis":
            return try synthesis(parts[1], parts[2], parts[3], value, tfName)
        default:
            throw unknown(tfName)
        }
    }

    private static func unknown(_ tfName: String) -> ReadFailure {
        ReadFailure("has a TensorFlow variable \(tfName) that is not part of a StyleGAN2 (config E/F) generator")
    }

    private static func mapping(_ layer: String, _ kind: String, _ value: Tensor, _ tfName: String) throws -> (String, Tensor) {
        let target: String
        if layer == "LabelEmbed" {
            target = "mapping.embed"
        } else if layer.hasPrefix("Dense"), let i = Int(layer.dropFirst(5)), i >= 0 {
            target = "mapping.fc\(i)"
        } else {
            throw unknown(tfName)
        }
        switch kind {
        case "weight": return ("\(target).weight", try TensorLayout.transposed(value, tfName))
        case "bias": return ("\(target).bias", value)
        default: throw unknown(tfName)
        }
    }

    /// `noise{k}` [1, 1, r, r]: k = 0 is b4.conv1; then conv0 of block r uses 2 log2(r) - 5 and
    /// conv1 uses 2 log2(r) - 4.
    private static func noise(_ name: String, _ value: Tensor, _ tfName: String) throws -> (String, Tensor) {
        guard let k = Int(name.dropFirst(5)), k >= 0, k < 40 else { throw unknown(tfName) }
        let layer: String
        if k == 0 {
            layer = "b4.conv1"
        } else if k % 2 == 1 {
            layer = "b\(1 << ((k + 5) / 2)).conv0"
        } else {
            layer = "b\(1 << ((k + 4) / 2)).conv1"
        }
        return ("synthesis.\(layer).noise_const", try TensorLayout.droppingLeadingOnes(value, 2, tfName))
    }

    private static func synthesis(_ scope: String, _ layer: String, _ kind: String, _ value: Tensor,
                                  _ tfName: String) throws -> (String, Tensor) {
        let sides = scope.split(separator: "x")
        guard sides.count == 2, sides[0] == sides[1], let r = Int(sides[0]), r >= 4, r & (r - 1) == 0 else {
            throw unknown(tfName)
        }
        let block = "synthesis.b\(r)"
        switch (r, layer, kind) {
        case (4, "Const", "const"):
            return ("\(block).const", try TensorLayout.droppingLeadingOnes(value, 1, tfName))
        case (_, "Skip", "weight") where r > 4:
            return ("\(block).skip.weight", try TensorLayout.convKernel(value, tfName, flip: true))
        default:
            break
        }
        let target: String
        switch (r, layer) {
        case (4, "Conv"): target = "\(block).conv1"
        case (_, "Conv0_up") where r > 4: target = "\(block).conv0"
        case (_, "Conv1") where r > 4: target = "\(block).conv1"
        case (_, "ToRGB"): target = "\(block).torgb"
        default: throw unknown(tfName)
        }
        switch kind {
        case "weight": return ("\(target).weight", try TensorLayout.convKernel(value, tfName, flip: layer == "Conv0_up"))
        case "bias": return ("\(target).bias", value)
        case "mod_weight": return ("\(target).affine.weight", try TensorLayout.transposed(value, tfName))
        case "mod_bias": return ("\(target).affine.bias", TensorLayout.adding(value, 1))
        case "noise_strength" where layer != "ToRGB": return ("\(target).noise_strength", value)
        default: throw unknown(tfName)
        }
    }
}
