import StyleGAN

/// Style mixing (NVIDIA's style_mixing.py) and reference-based translation: a cell takes the ws
/// of its row latent and replaces the rows listed in `styles` by those of its column latent.
/// With styles 0…k−1 the column gives the coarse layers (pose, shape) and the row the rest.
public enum StyleMixing {
    /// rowWs [R, numWs, wDim], colWs [C, numWs, wDim] -> [R·C, numWs, wDim], cell (r, c) at r·C + c.
    public static func mix(rowWs: Tensor, colWs: Tensor, styles: [Int]) throws -> Tensor {
        guard rowWs.rank == 3, colWs.rank == 3, rowWs.shape.dropFirst() == colWs.shape.dropFirst() else {
            throw EngineError("row ws \(rowWs.shape) and column ws \(colWs.shape) do not fit together")
        }
        let numWs = rowWs.shape[1], wd = rowWs.shape[2]
        if let bad = styles.first(where: { $0 < 0 || $0 >= numWs }) {
            throw EngineError("style row \(bad) is outside this network's ws rows 0-\(numWs - 1)")
        }
        let rows = rowWs.shape[0], cols = colWs.shape[0]
        var out: [Float] = []
        out.reserveCapacity(rows * cols * numWs * wd)
        let chosen = Set(styles)
        for r in 0..<rows {
            for c in 0..<cols {
                for k in 0..<numWs {
                    let fromColumn = chosen.contains(k)
                    let base = ((fromColumn ? c : r) * numWs + k) * wd
                    out += (fromColumn ? colWs : rowWs).data[base..<(base + wd)]
                }
            }
        }
        return Tensor(shape: [rows * cols, numWs, wd], data: out)
    }
}
