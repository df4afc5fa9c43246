/// The architecture of a StyleGAN2 generator, as NVIDIA's `Generator(**init_kwargs)` describes it.
/// Readers fill it from what a checkpoint stores; nothing here is guessed from flags.
public struct GeneratorConfig: Codable, Equatable, Sendable {
    public enum Architecture: String, Codable, Sendable { case skip, resnet, orig }

    public var zDim: Int
    public var wDim: Int
    public var cDim: Int
    /// Width of the label embedding when `cDim > 0` (NVIDIA default: `wDim`).
    public var embedFeatures: Int
    /// Width of the hidden mapping layers (NVIDIA default: `wDim`).
    public var mappingLayerFeatures: Int
    public var mappingLayers: Int
    /// The mapping network's learning-rate multiplier (0.01 in every released model).
    public var mappingLrMultiplier: Float
    public var resolution: Int
    public var imgChannels: Int
    public var channelBase: Int
    public var channelMax: Int
    /// Clamp of every conv and torgb output, or nil (TF-era config-f models).
    public var convClamp: Float?
    public var architecture: Architecture
    /// Blocks NVIDIA runs in fp16 on CUDA. Recorded only: this engine computes in fp32,
    /// as the reference does with `force_fp32=True`.
    public var numFP16Res: Int

    public init(zDim: Int = 512, wDim: Int = 512, cDim: Int = 0, embedFeatures: Int? = nil,
                mappingLayerFeatures: Int? = nil, mappingLayers: Int = 8, mappingLrMultiplier: Float = 0.01,
                resolution: Int, imgChannels: Int = 3, channelBase: Int = 32768, channelMax: Int = 512,
                convClamp: Float? = 256, architecture: Architecture = .skip, numFP16Res: Int = 4) {
        self.zDim = zDim; self.wDim = wDim; self.cDim = cDim
        self.embedFeatures = embedFeatures ?? wDim
        self.mappingLayerFeatures = mappingLayerFeatures ?? wDim
        self.mappingLayers = mappingLayers; self.mappingLrMultiplier = mappingLrMultiplier
        self.resolution = resolution; self.imgChannels = imgChannels
        self.channelBase = channelBase; self.channelMax = channelMax
        self.convClamp = convClamp; self.architecture = architecture; self.numFP16Res = numFP16Res
    }

    /// `[4, 8, ..., resolution]`.
    public var blockResolutions: [Int] {
        var out: [Int] = []
        var r = 4
        while r <= resolution { out.append(r); r *= 2 }
        return out
    }

    /// NVIDIA's `C(r) = min(channel_base // r, channel_max)`.
    public func channels(at res: Int) -> Int { min(channelBase / res, channelMax) }

    public func numConv(block res: Int) -> Int { res == 4 ? 1 : 2 }
    public func numToRGB(block res: Int) -> Int { (architecture == .skip || res == resolution) ? 1 : 0 }

    /// Number of w vectors the synthesis network consumes.
    public var numWs: Int {
        blockResolutions.reduce(0) { $0 + numConv(block: $1) } + numToRGB(block: resolution)
    }

    /// Checks the values a reader handed over before anything is allocated from them.
    public func validate() throws {
        func fail(_ s: String) -> EngineError { EngineError("invalid architecture: \(s)") }
        guard resolution >= 4, resolution <= 4096, resolution & (resolution - 1) == 0 else {
            throw fail("resolution \(resolution) is not a power of two between 4 and 4096")
        }
        for (name, v) in [("z_dim", zDim), ("w_dim", wDim), ("mapping layer width", mappingLayerFeatures)]
            where v < 1 || v > 16384 { throw fail("\(name) \(v) is out of range") }
        guard cDim >= 0, cDim <= 100_000 else { throw fail("c_dim \(cDim) is out of range") }
        guard mappingLayers >= 1, mappingLayers <= 64 else { throw fail("mapping has \(mappingLayers) layers") }
        guard imgChannels >= 1, imgChannels <= 4 else { throw fail("img_channels \(imgChannels)") }
        guard channelBase >= 1, channelMax >= 1, channelMax <= 16384, channels(at: resolution) >= 1 else {
            throw fail("channel_base \(channelBase) / channel_max \(channelMax) give no channels at \(resolution) px")
        }
        guard mappingLrMultiplier.isFinite, mappingLrMultiplier > 0 else { throw fail("mapping lr multiplier \(mappingLrMultiplier)") }
        if let c = convClamp, !(c.isFinite && c > 0) { throw fail("conv_clamp \(c)") }
    }
}
