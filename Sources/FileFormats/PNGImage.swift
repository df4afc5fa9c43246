import CPNG

/// An 8-bit image with interleaved channels, encoded and decoded through libpng's simplified API
/// (the classic API reports errors with setjmp/longjmp, which Swift cannot survive).
public struct PNGImage: Equatable, Sendable {
    public var width: Int
    public var height: Int
    /// 1 (gray), 3 (RGB) or 4 (RGBA).
    public var channels: Int
    /// height rows of width × channels bytes, top row first.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    public func encode() throws -> [UInt8] {
        let format: png_uint_32
        switch channels {
        case 1: format = CPNG_FORMAT_GRAY
        case 3: format = CPNG_FORMAT_RGB
        case 4: format = CPNG_FORMAT_RGBA
        default: throw FileFormatError("PNG images have 1, 3 or 4 channels, not \(channels)")
        }
        guard width > 0, height > 0, width <= 0x7FFF_FFFF, height <= 0x7FFF_FFFF else {
            throw FileFormatError("PNG size \(width)×\(height) is invalid")
        }
        guard let expected = checkedProduct([width, height, channels]), expected == pixels.count else {
            throw FileFormatError("PNG of \(width)×\(height)×\(channels) has the wrong number of pixel bytes (\(pixels.count))")
        }
        var image = png_image()
        image.version = CPNG_IMAGE_VERSION
        image.width = png_uint_32(width)
        image.height = png_uint_32(height)
        image.format = format

        // First call measures, second call writes.
        var size = 0
        let measured = pixels.withUnsafeBytes { png_image_write_to_memory(&image, nil, &size, 0, $0.baseAddress, 0, nil) }
        guard measured != 0 else { throw Self.failure(&image, "cannot encode PNG") }
        var output = [UInt8](repeating: 0, count: size)
        let written = output.withUnsafeMutableBytes { out in
            pixels.withUnsafeBytes { png_image_write_to_memory(&image, out.baseAddress, &size, 0, $0.baseAddress, 0, nil) }
        }
        guard written != 0 else { throw Self.failure(&image, "cannot encode PNG") }
        return Array(output.prefix(size))
    }

    /// Gray, RGB and RGBA files keep their channel count; gray+alpha becomes RGBA; palettes expand to RGB(A);
    /// 16-bit files are reduced to 8 bits.
    public static func decode(_ bytes: [UInt8]) throws -> PNGImage {
        guard !bytes.isEmpty else { throw FileFormatError("PNG data is empty") }
        return try bytes.withUnsafeBytes { raw in
            var image = png_image()
            image.version = CPNG_IMAGE_VERSION
            guard png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count) != 0 else {
                throw failure(&image, "cannot decode PNG")
            }
            let hasAlpha = image.format & png_uint_32(PNG_FORMAT_FLAG_ALPHA) != 0
            let hasColor = image.format & png_uint_32(PNG_FORMAT_FLAG_COLOR) != 0
            let channels = hasAlpha ? 4 : (hasColor ? 3 : 1)
            image.format = channels == 4 ? CPNG_FORMAT_RGBA : (channels == 3 ? CPNG_FORMAT_RGB : CPNG_FORMAT_GRAY)
            let width = Int(image.width)
            let height = Int(image.height)
            guard let count = checkedProduct([width, height, channels]), count <= 1 << 32 else {
                png_image_free(&image)
                throw FileFormatError("PNG size \(width)×\(height) is too large")
            }
            var pixels = [UInt8](repeating: 0, count: count)
            let finished = pixels.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
            guard finished != 0 else { throw failure(&image, "cannot decode PNG") }
            return PNGImage(width: width, height: height, channels: channels, pixels: pixels)
        }
    }

    /// libpng's message from the image's 64-byte `message` field, after releasing its resources.
    private static func failure(_ image: inout png_image, _ prefix: String) -> FileFormatError {
        let message = withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        png_image_free(&image)
        return FileFormatError("\(prefix): \(message.isEmpty ? "libpng reported no reason" : message)")
    }
}
