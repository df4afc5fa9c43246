/// Activations inside the synthesis network, channel-major: [C, N, H, W]. With this layout one
/// GEMM with a shared weight computes a layer for the whole batch (columns = N·H·W).
public struct Activation: Equatable, Sendable {
    public var channels: Int, batch: Int, height: Int, width: Int
    public var data: [Float]

    init(channels: Int, batch: Int, height: Int, width: Int) {
        self.channels = channels; self.batch = batch; self.height = height; self.width = width
        data = [Float](repeating: 0, count: channels * batch * height * width)
    }

    /// Storage from `pool` that the caller overwrites completely (no zero fill: that would be a
    /// full write pass over hundreds of MB at 1024 px).
    init(uninitializedChannels channels: Int, batch: Int, height: Int, width: Int, pool: ActivationPool) {
        self.channels = channels; self.batch = batch; self.height = height; self.width = width
        data = pool.take(channels * batch * height * width)
    }

    var plane: Int { height * width }
    /// Columns of the layer GEMM: N·H·W.
    var columns: Int { batch * plane }

    /// [N, C, H, W] tensor -> [C, N, H, W] activation.
    init(nchw t: Tensor) {
        self.init(channels: t.shape[1], batch: t.shape[0], height: t.shape[2], width: t.shape[3])
        let plane = height * width
        for n in 0..<batch {
            for c in 0..<channels {
                let src = (n * channels + c) * plane, dst = (c * batch + n) * plane
                data.replaceSubrange(dst..<(dst + plane), with: t.data[src..<(src + plane)])
            }
        }
    }

    /// [C, N, H, W] -> [N, C, H, W] tensor.
    public var nchw: Tensor {
        var out = [Float](repeating: 0, count: data.count)
        for n in 0..<batch {
            for c in 0..<channels {
                let src = (c * batch + n) * plane, dst = (n * channels + c) * plane
                out.replaceSubrange(dst..<(dst + plane), with: data[src..<(src + plane)])
            }
        }
        return Tensor(shape: [batch, channels, height, width], data: out)
    }
}

