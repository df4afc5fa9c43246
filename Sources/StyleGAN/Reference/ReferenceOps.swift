import Foundation

/// Plain, loop-by-loop versions of the generator's ops, written straight from the math of
/// reference §1 in NCHW layout. They are slow on purpose: the fast kernels are tested
/// against them, and they document what the fast kernels must compute.
public enum ReferenceOps {
    /// lrelu(x) = x for x >= 0, else 0.2 x.
    @inline(__always) static func lrelu(_ v: Float) -> Float { v >= 0 ? v : 0.2 * v }

    /// x: [N, in], weight: [out, in], bias: [out] -> [N, out]
    /// y = x · (weight · weightGain)ᵀ + bias · biasGain, then lrelu · √2 when `lrelu`.
    public static func fullyConnected(_ x: Tensor, weight: Tensor, bias: Tensor,
                                      weightGain: Float, biasGain: Float, lrelu useLrelu: Bool) -> Tensor {
        let n = x.shape[0], inF = x.shape[1], outF = weight.shape[0]
        var y = Tensor(zeros: [n, outF])
        for s in 0..<n {
            for o in 0..<outF {
                var acc: Float = 0
                for i in 0..<inF { acc += x.data[s * inF + i] * (weight.data[o * inF + i] * weightGain) }
                var v = acc + bias.data[o] * biasGain
                if useLrelu { v = lrelu(v) * Float(2).squareRoot() }
                y.data[s * outF + o] = v
            }
        }
        return y
    }

    /// x: [N, D] -> x · rsqrt(mean(x², over D) + 1e-8)
    public static func normalize2ndMoment(_ x: Tensor) -> Tensor {
        let n = x.shape[0], d = x.shape[1]
        var y = x
        for s in 0..<n {
            var sum: Float = 0
            for i in 0..<d { sum += x.data[s * d + i] * x.data[s * d + i] }
            let scale = 1 / (sum / Float(d) + 1e-8).squareRoot()
            for i in 0..<d { y.data[s * d + i] *= scale }
        }
        return y
    }

    /// x: [N, C, H, W], filter f: [fh, fw] -> per channel: insert `up-1` zeros after every sample,
    /// zero-pad by (x0, x1, y0, y1), then a valid true convolution with f · gain.
    public static func upfirdn2d(_ x: Tensor, filter f: Tensor, up: Int,
                                 pad: (x0: Int, x1: Int, y0: Int, y1: Int), gain: Float) -> Tensor {
        let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let fh = f.shape[0], fw = f.shape[1]
        let uh = h * up + pad.y0 + pad.y1, uw = w * up + pad.x0 + pad.x1
        let oh = uh - fh + 1, ow = uw - fw + 1
        var y = Tensor(zeros: [n, c, oh, ow])
        for plane in 0..<(n * c) {
            let src = plane * h * w, dst = plane * oh * ow
            for oy in 0..<oh {
                for ox in 0..<ow {
                    var acc: Float = 0
                    for ky in 0..<fh {
                        for kx in 0..<fw {
                            // Padded, zero-stuffed coordinates back to source coordinates.
                            let uy = oy + ky - pad.y0, ux = ox + kx - pad.x0
                            guard uy >= 0, ux >= 0, uy % up == 0, ux % up == 0 else { continue }
                            let sy = uy / up, sx = ux / up
                            guard sy < h, sx < w else { continue }
                            acc += x.data[src + sy * w + sx] * f.data[(fh - 1 - ky) * fw + (fw - 1 - kx)]
                        }
                    }
                    y.data[dst + oy * ow + ox] = acc * gain
                }
            }
        }
        return y
    }

    /// x: [N, I, H, W], weight: [O, I, k, k], styles: [N, I] -> [N, O, H', W'].
    /// The fused modulated convolution of NVIDIA's `modulated_conv2d`: per sample
    /// wm = weight · s (over I), demodulated by 1/sqrt(Σ wm² + 1e-8) when `demodulate`;
    /// up == 1 correlates with zero padding (k-1)/2; up == 2 zero-stuffs, pads (3,2), applies
    /// the [1,3,3,1] FIR with gain 4, then convolves (flipped kernel), giving 2H x 2W.
    public static func modulatedConv2d(_ x: Tensor, weight: Tensor, styles: Tensor,
                                       demodulate: Bool, up: Int, filter: Tensor) -> Tensor {
        let n = x.shape[0], inC = x.shape[1]
        let outC = weight.shape[0], k = weight.shape[2]
        var outputs: [Tensor] = []
        for s in 0..<n {
            var wm = weight
            for o in 0..<outC {
                var sumSq: Float = 0
                for i in 0..<inC {
                    for t in 0..<(k * k) {
                        let idx = ((o * inC) + i) * k * k + t
                        wm.data[idx] = weight.data[idx] * styles.data[s * inC + i]
                        sumSq += wm.data[idx] * wm.data[idx]
                    }
                }
                if demodulate {
                    let d = 1 / (sumSq + 1e-8).squareRoot()
                    for t in (o * inC * k * k)..<((o + 1) * inC * k * k) { wm.data[t] *= d }
                }
            }
            var xs = x.slice(s..<(s + 1))
            if up == 2 {
                xs = upfirdn2d(xs, filter: filter, up: 2, pad: (3, 2, 3, 2), gain: 4)
                wm = flipSpatially(wm)
                outputs.append(correlate(xs, weight: wm, padding: 0))
            } else {
                outputs.append(correlate(xs, weight: wm, padding: (k - 1) / 2))
            }
        }
        return Tensor.concatenate(outputs)
    }

    /// x: [N, I, H, W], weight: [O, I, k, k] -> [N, O, H + 2p - k + 1, W + 2p - k + 1];
    /// y[o,p,q] = Σ w[o,i,a,b] · x[i, p+a-pad, q+b-pad] (what torch's conv2d computes).
    public static func correlate(_ x: Tensor, weight: Tensor, padding: Int) -> Tensor {
        let (n, inC, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let outC = weight.shape[0], k = weight.shape[2]
        let oh = h + 2 * padding - k + 1, ow = w + 2 * padding - k + 1
        var y = Tensor(zeros: [n, outC, oh, ow])
        for s in 0..<n {
            for o in 0..<outC {
                for p in 0..<oh {
                    for q in 0..<ow {
                        var acc: Float = 0
                        for i in 0..<inC {
                            for a in 0..<k {
                                let sy = p + a - padding
                                guard sy >= 0, sy < h else { continue }
                                for b in 0..<k {
                                    let sx = q + b - padding
                                    guard sx >= 0, sx < w else { continue }
                                    acc += weight.data[((o * inC + i) * k + a) * k + b]
                                        * x.data[((s * inC + i) * h + sy) * w + sx]
                                }
                            }
                        }
                        y.data[((s * outC + o) * oh + p) * ow + q] = acc
                    }
                }
            }
        }
        return y
    }

    /// weight: [O, I, k, k] -> weight[:, :, ::-1, ::-1]
    public static func flipSpatially(_ weight: Tensor) -> Tensor {
        let k = weight.shape[2]
        var out = weight
        for base in stride(from: 0, to: weight.count, by: k * k) {
            for a in 0..<k { for b in 0..<k {
                out.data[base + a * k + b] = weight.data[base + (k - 1 - a) * k + (k - 1 - b)]
            } }
        }
        return out
    }

    /// x: [N, C, H, W], bias: [C] -> add bias, then lrelu · gain when `lrelu` (else · gain),
    /// then clamp to ±clamp (NVIDIA's `bias_act` order).
    public static func biasAct(_ x: Tensor, bias: Tensor?, lrelu useLrelu: Bool, gain: Float, clamp: Float?) -> Tensor {
        let c = x.shape[1], plane = x.shape[2] * x.shape[3]
        var y = x
        for idx in 0..<y.count {
            var v = y.data[idx]
            if let bias { v += bias.data[(idx / plane) % c] }
            if useLrelu { v = lrelu(v) }
            v *= gain
            if let clamp { v = min(max(v, -clamp), clamp) }
            y.data[idx] = v
        }
        return y
    }
}
