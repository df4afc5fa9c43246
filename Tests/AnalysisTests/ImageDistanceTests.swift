import Analysis
import StyleGAN
import XCTest

final class ImageDistanceTests: XCTestCase {
    func testPixelDistanceClampsToTheDisplayedRange() throws {
        // One 8×8 grey image: a = 0.5 everywhere, b = 3 (shown as 1) in the top half, -0.5 below.
        let a = Tensor(shape: [1, 1, 8, 8], data: [Float](repeating: 0.5, count: 64))
        let b = Tensor(shape: [1, 1, 8, 8], data: [Float](repeating: 3, count: 32) + [Float](repeating: -0.5, count: 32))
        let d = try ImageDistance(a, b)
        XCTAssertEqual(d.pixel, (32 * 0.5 + 32 * 1.0) / 64, accuracy: 1e-12)
        // 8×8 is already the structure grid: the same value.
        XCTAssertEqual(d.structure, d.pixel, accuracy: 1e-12)
    }

    func testStructureDistanceIgnoresDetailThatAveragesOut() throws {
        // A 16×16 checkerboard of ±1 against flat 0: every pixel differs by 1, every 2×2 cell mean is 0.
        var board = [Float](repeating: 0, count: 256)
        for y in 0..<16 { for x in 0..<16 { board[y * 16 + x] = (x + y) % 2 == 0 ? 1 : -1 } }
        let d = try ImageDistance(Tensor(shape: [1, 1, 16, 16], data: board), Tensor(zeros: [1, 1, 16, 16]))
        XCTAssertEqual(d.pixel, 1, accuracy: 1e-12)
        XCTAssertEqual(d.structure, 0, accuracy: 1e-12)
    }

    func testShapesMustMatch() {
        XCTAssertThrowsError(try ImageDistance(Tensor(zeros: [1, 3, 8, 8]), Tensor(zeros: [1, 3, 4, 4])))
    }
}

final class ImageThumbnailsTests: XCTestCase {
    func testShrinksByBoxAveragingToAtMostTheLimit() {
        // 1 × 1 × 8 × 8 with value = x: 2×2 boxes average neighbouring columns.
        let image = Tensor(shape: [1, 1, 8, 8], data: (0..<64).map { Float($0 % 8) })
        let small = ImageThumbnails.shrink(image, maxSide: 5)
        XCTAssertEqual(small.shape, [1, 1, 4, 4])
        XCTAssertEqual(Array(small.data[0..<4]), [0.5, 2.5, 4.5, 6.5])
        XCTAssertEqual(ImageThumbnails.shrink(image, maxSide: 8), image)
        XCTAssertEqual(ImageThumbnails.shrink(image, maxSide: 2).shape, [1, 1, 2, 2])
    }
}
