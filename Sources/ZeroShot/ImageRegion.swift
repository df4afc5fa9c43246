/// A named part of an image for the built-in measures. With H × W pixels and integer division:
///
/// * whole: all pixels
/// * center: rows [H/4, 3H/4), columns [W/4, 3W/4) (the middle quarter of the area)
/// * top / bottom: rows [0, H/2) / [H/2, H)
/// * left / right: columns [0, W/2) / [W/2, W)
public enum ImageRegion: String, CaseIterable, Codable, Sendable {
    case whole, center, top, bottom, left, right

    /// Half-open row and column ranges of this region in an image of `height` × `width`.
    public func bounds(height: Int, width: Int) -> (rows: Range<Int>, columns: Range<Int>) {
        switch self {
        case .whole: return (0..<height, 0..<width)
        case .center: return ((height / 4)..<(3 * height / 4), (width / 4)..<(3 * width / 4))
        case .top: return (0..<(height / 2), 0..<width)
        case .bottom: return ((height / 2)..<height, 0..<width)
        case .left: return (0..<height, 0..<(width / 2))
        case .right: return (0..<height, (width / 2)..<width)
        }
    }
}
