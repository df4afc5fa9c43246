/// Colour scales for heatmaps: small anchor tables, linearly interpolated.
enum ColormapTable {
    /// Viridis sampled at 9 evenly spaced points.
    static let viridis: [Color] = [
        0x440154, 0x472C7A, 0x3B518B, 0x2C718E, 0x21908D, 0x27AD81, 0x5CC863, 0xAADC32, 0xFDE725,
    ].map { Color(hex: $0) }

    /// Blue – white – red, 9 evenly spaced points (ColorBrewer RdBu order reversed).
    static let blueWhiteRed: [Color] = [
        0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B,
    ].map { Color(hex: $0) }

    /// The colour at position t in 0...1 (clamped).
    static func color(_ table: [Color], at t: Double) -> Color {
        let clamped = t.isNaN ? 0 : max(0, min(1, t))
        let scaled = clamped * Double(table.count - 1)
        let lower = min(Int(scaled), table.count - 2)
        return table[lower].mixed(with: table[lower + 1], scaled - Double(lower))
    }
}
