import StyleGAN

/// A hand-built NVIDIA snapshot of a 4 px StyleGAN2 generator (z = w = 4, 4 channels, one mapping
/// layer), small enough to write in a test and to break in one specific way at a time.
struct TinyNetwork {
    /// stylegan2-ada-pytorch nests synthesis kwargs; stylegan3's copy keeps them at top level.
    var flatKwargs = false
    var includeZDim = true
    var torgbConvClamp: Py = .int(256)
    /// Elements in the storage of `synthesis.b4.const` (it needs 64).
    var constStorageCount = 64
    var constStorageClass = "FloatStorage"
    var extraSynthesisModules: [(String, Py)] = []
    var generatorClass = "Generator"

    /// The tensors the generator holds, with their values, as the loader should return them.
    var expected: [String: Tensor] {
        var t: [String: Tensor] = [:]
        func add(_ name: String, _ shape: [Int], _ seed: Int) {
            let n = shape.reduce(1, *)
            // Multiples of 1/8 in [-2, 2): exact in float16, float32 and float64.
            t[name] = Tensor(shape: shape, data: (0 ..< n).map { Float(($0 * 7 + seed * 3) % 32) / 8 - 2 })
        }
        add("mapping.fc0.weight", [4, 4], 1)
        add("mapping.fc0.bias", [4], 2)
        add("mapping.w_avg", [4], 3)
        add("synthesis.b4.const", [4, 4, 4], 4)
        add("synthesis.b4.conv1.weight", [4, 4, 3, 3], 5)
        add("synthesis.b4.conv1.bias", [4], 6)
        add("synthesis.b4.conv1.noise_strength", [], 7)
        add("synthesis.b4.conv1.noise_const", [4, 4], 8)
        add("synthesis.b4.conv1.affine.weight", [4, 4], 9)
        add("synthesis.b4.conv1.affine.bias", [4], 10)
        add("synthesis.b4.torgb.weight", [3, 4, 1, 1], 11)
        add("synthesis.b4.torgb.bias", [3], 12)
        add("synthesis.b4.torgb.affine.weight", [4, 4], 13)
        add("synthesis.b4.torgb.affine.bias", [4], 14)
        return t
    }

    static let config = GeneratorConfig(zDim: 4, wDim: 4, mappingLayers: 1, resolution: 4, channelBase: 16,
                                        channelMax: 4, convClamp: 256, numFP16Res: 0)

    private func tensor(_ name: String) -> Py {
        let t = expected[name]!
        switch name {
        case "synthesis.b4.const":
            let values = Array((t.data + [Float](repeating: 0, count: 64)).prefix(constStorageCount))
            if constStorageClass == "FloatStorage" { return PickleWriter.tensor(storageValues: values, size: t.shape) }
            let bytes = values.flatMap { v -> [UInt8] in
                switch constStorageClass {
                case "HalfStorage": return PickleWriter.le(Int(Float16(v).bitPattern), 2)
                case "BFloat16Storage": return PickleWriter.le(Int(v.bitPattern >> 16), 2)
                case "DoubleStorage": return PickleWriter.le(Int(bitPattern: UInt(Double(v).bitPattern)), 8)
                default: return PickleWriter.le(Int(v), 8) // LongStorage
                }
            }
            return PickleWriter.tensor(storageValues: values, size: t.shape, storageClass: constStorageClass, elementBytes: bytes)
        case "synthesis.b4.conv1.affine.weight":
            // Stored as a transposed view: storage holds W^T, read through strides [1, 4].
            var transposed = [Float](repeating: 0, count: 16)
            for i in 0 ..< 4 { for j in 0 ..< 4 { transposed[j * 4 + i] = t.data[i * 4 + j] } }
            return PickleWriter.tensor(storageValues: transposed, size: [4, 4], strides: [1, 4])
        case "synthesis.b4.torgb.bias":
            // A view at an offset into a longer storage.
            return PickleWriter.tensor(storageValues: [9, 9] + t.data + [9], offset: 2, size: [3])
        default:
            return .call("torch._utils", "_rebuild_parameter", [
                PickleWriter.tensor(storageValues: t.data, size: t.shape), .bool(false), .orderedDict([]),
            ])
        }
    }

    private func module(_ cls: String, attrs: [(String, Py)] = [], params: [String] = [], buffers: [String] = [],
                        prefix: String = "", modules: [(String, Py)] = [], initKwargs: Py? = nil) -> Py {
        var state: [(String, Py)] = [
            ("training", .bool(false)),
            ("_parameters", .dict(params.map { ($0, tensor(prefix + $0)) })),
            ("_buffers", .dict(buffers.map { ($0, tensor(prefix + $0)) })),
            ("_non_persistent_buffers_set", .call("builtins", "set", [.list([])])),
            ("_backward_pre_hooks", .orderedDict([])),
            ("_modules", .orderedDict(modules)),
        ]
        state += attrs
        if let initKwargs { state += [("_init_args", .tuple([])), ("_init_kwargs", initKwargs)] }
        return .call("torch_utils.persistence", "_reconstruct_persistent_obj", [.dict([
            ("type", .str("class")), ("version", .int(6)), ("module_src", .str("placeholder")),
            ("class_name", .str(cls)), ("state", .dict(state)),
        ])])
    }

    private func fc(_ prefix: String, lr: Double, activation: String) -> Py {
        module("FullyConnectedLayer", attrs: [
            ("activation", .str(activation)), ("weight_gain", PickleWriter.numpyFloat64(lr / 2)), ("bias_gain", .float(lr)),
        ], params: ["weight", "bias"], prefix: prefix)
    }

    var generator: Py {
        let clamp: Py = .int(256)
        let conv1 = module("SynthesisLayer", attrs: [("conv_clamp", clamp), ("activation", .str("lrelu"))],
                           params: ["weight", "noise_strength", "bias"], buffers: ["noise_const"],
                           prefix: "synthesis.b4.conv1.",
                           modules: [("affine", fc("synthesis.b4.conv1.affine.", lr: 1, activation: "linear"))])
        let torgb = module("ToRGBLayer", attrs: [("conv_clamp", torgbConvClamp)], params: ["weight", "bias"],
                           prefix: "synthesis.b4.torgb.",
                           modules: [("affine", fc("synthesis.b4.torgb.affine.", lr: 1, activation: "linear"))])
        let b4 = module("SynthesisBlock", attrs: [("architecture", .str("skip")), ("use_fp16", .bool(false))],
                        params: ["const"], prefix: "synthesis.b4.", modules: [("conv1", conv1), ("torgb", torgb)])
        let synthesis = module("SynthesisNetwork", modules: [("b4", b4)] + extraSynthesisModules)
        let mapping = module("MappingNetwork", attrs: [("num_layers", .int(1))], buffers: ["w_avg"], prefix: "mapping.",
                             modules: [("fc0", fc("mapping.fc0.", lr: 0.01, activation: "lrelu"))])
        let synthesisKwargs: [(String, Py)] = [
            ("channel_base", .int(16)), ("channel_max", .int(4)), ("num_fp16_res", .int(0)), ("conv_clamp", .int(256)),
        ]
        var kwargs: [(String, Py)] = (includeZDim ? [("z_dim", .int(4))] : []) + [
            ("c_dim", .int(0)), ("w_dim", .int(4)), ("img_resolution", .int(4)), ("img_channels", .int(3)),
            ("mapping_kwargs", .newDict("dnnlib.util", "EasyDict", [("num_layers", .int(1))])),
        ]
        kwargs += flatKwargs ? synthesisKwargs : [("synthesis_kwargs", .newDict("dnnlib.util", "EasyDict", synthesisKwargs))]
        let attrs: [(String, Py)] = (includeZDim ? [("z_dim", .int(4))] : []) + [
            ("c_dim", .int(0)), ("w_dim", .int(4)), ("img_resolution", .int(4)), ("img_channels", .int(3)),
        ]
        return module(generatorClass, attrs: attrs, modules: [("mapping", mapping), ("synthesis", synthesis)],
                      initKwargs: .newDict("dnnlib.util", "EasyDict", kwargs))
    }

    /// A snapshot dict as a training run writes it.
    var snapshotBytes: [UInt8] {
        PickleWriter.pickle(.dict([
            ("G_ema", generator),
            ("augment_pipe", .none),
            ("training_set_kwargs", .dict([("path", .str("data/tiny.zip")), ("resolution", .int(4))])),
        ]))
    }
}
