/// An 8-bit RGB image, rows top to bottom, 3 bytes per pixel.
public struct RGBImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Why the image cannot be drawn, or nil when it can.
    var problem: String? {
        guard width > 0, height > 0 else { return "has size \(width)×\(height)" }
        let (area, overflowA) = width.multipliedReportingOverflow(by: height)
        let (bytes, overflowB) = area.multipliedReportingOverflow(by: 3)
        if overflowA || overflowB { return "is too large (\(width)×\(height))" }
        if bytes != pixels.count { return "is \(width)×\(height) but holds \(pixels.count) bytes instead of \(bytes)" }
        return nil
    }
}
