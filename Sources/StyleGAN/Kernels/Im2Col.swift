/// Style-scaled im2col for a 3x3, stride-1, pad-1 correlation over a band of global rows.
///
/// x: [I, N, H, W] (channel-major activations), scale: [N, I] (the style of each sample's input
/// channel), rows: global rows g = n·H + y.
/// out: [I·9, rows.count·W], row i·9 + a·3 + b, column (g - rows.lowerBound)·W + x holds
/// scale[n, i] · x[i, n, y+a-1, x+b-1] (0 outside the image).
func im2col3x3(x: UnsafePointer<Float>, channels: Int, batch: Int, height h: Int, width w: Int,
               scale: UnsafePointer<Float>, rows: Range<Int>, out: UnsafeMutablePointer<Float>) {
    let total = batch * h * w, ld = rows.count * w
    for i in 0..<channels {
        let channel = x + i * total
        for g in rows {
            let n = g / h, y = g - n * h
            let s = scale[n * channels + i]
            let col = (g - rows.lowerBound) * w
            for a in 0..<3 {
                let left = out + (i * 9 + a * 3) * ld + col, mid = left + ld, right = mid + ld
                let sy = y + a - 1
                guard sy >= 0, sy < h else {
                    left.update(repeating: 0, count: w)
                    mid.update(repeating: 0, count: w)
                    right.update(repeating: 0, count: w)
                    continue
                }
                let src = UnsafePointer(channel + (n * h + sy) * w)
                // Tap b reads column x + b - 1: left shifts right by one, right shifts left by one.
                left[0] = 0
                scaledCopy(src, left + 1, count: w - 1, scale: s)
                scaledCopy(src, mid, count: w, scale: s)
                scaledCopy(src + 1, right, count: w - 1, scale: s)
                right[w - 1] = 0
            }
        }
    }
}

/// A stride-1 3x3 modulated conv (pad 1) by im2col + GEMM, one band of rows at a time, with the
/// epilogue applied to each band right after its GEMM.
///
/// weight: [O, I·9] (the stored correlation kernel); `bandColumns` overrides the band size (tests).
func im2colConv3x3(_ op: ConvOperands, weight: UnsafePointer<Float>, workspace: ConvWorkspace,
                   bandColumns: Int? = nil) {
    let (x, inChannels, batch, h, w) = (op.x, op.inChannels, op.batch, op.height, op.width)
    let (y, outChannels, epilogue) = (op.y, op.outChannels, op.epilogue)
    let k = inChannels * 9, total = op.inputColumns
    let plan = ConvPlan(totalRows: batch * h, rowWidth: w, outChannels: outChannels,
                        bandColumns: bandColumns ?? max(256, (1 << 20) / k), workers: workspace.workers)
    parallelTasks(plan.items, in: workspace) { t, worker in
        let (rows, channels) = plan.item(t)
        let cols = workspace.buffer(.input, worker: worker).reserve(k * plan.bandRows * w)
        var g0 = rows.lowerBound
        while g0 < rows.upperBound {
            let band = g0..<min(rows.upperBound, g0 + plan.bandRows)
            let n = band.count * w
            im2col3x3(x: x, channels: inChannels, batch: batch, height: h, width: w, scale: op.styles,
                      rows: band, out: cols)
            let out = y + channels.lowerBound * total + band.lowerBound * w
            sgemm(m: channels.count, n: n, k: k, a: weight + channels.lowerBound * k, lda: k, b: cols, ldb: n,
                  c: out, ldc: total)
            for o in channels {
                for g in band {
                    let s = g / h
                    epilogue.finishRow(y + o * total + g * w, count: w, o: o, n: s, pixel: (g - s * h) * w)
                }
            }
            g0 = band.upperBound
        }
    }
}
