import XCTest
import FileFormats

final class PNGImageTests: XCTestCase {
    func testRoundTripsEachChannelCount() throws {
        for channels in [1, 3, 4] {
            let width = 7, height = 5
            let pixels = (0 ..< width * height * channels).map { UInt8(truncatingIfNeeded: $0 * 37 + channels) }
            let image = PNGImage(width: width, height: height, channels: channels, pixels: pixels)
            let bytes = try image.encode()
            XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            XCTAssertEqual(try PNGImage.decode(bytes), image, "\(channels) channels")
        }
    }

    func testRejectsBadImagesWithLibpngMessages() throws {
        XCTAssertThrowsError(try PNGImage(width: 2, height: 2, channels: 2, pixels: [0, 0, 0, 0, 0, 0, 0, 0]).encode())
        XCTAssertThrowsError(try PNGImage(width: 2, height: 2, channels: 3, pixels: [1, 2, 3]).encode())
        XCTAssertThrowsError(try PNGImage(width: 0, height: 2, channels: 3, pixels: []).encode())
        XCTAssertThrowsError(try PNGImage(width: Int.max, height: Int.max, channels: 3, pixels: []).encode())
        XCTAssertThrowsError(try PNGImage(width: 0x7FFF_FFFF, height: 0x7FFF_FFFF, channels: 4, pixels: []).encode())
        XCTAssertThrowsError(try PNGImage.decode([]))
        XCTAssertThrowsError(try PNGImage.decode(Array("not a png at all".utf8))) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot decode PNG: "), "\(error)")
        }
        let good = try PNGImage(width: 16, height: 16, channels: 3, pixels: [UInt8](repeating: 200, count: 768)).encode()
        XCTAssertThrowsError(try PNGImage.decode(Array(good.prefix(good.count / 2))))
        var corrupt = good
        corrupt[corrupt.count / 2] ^= 0xFF
        XCTAssertThrowsError(try PNGImage.decode(corrupt))
    }
}
