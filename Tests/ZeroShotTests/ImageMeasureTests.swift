import StyleGAN
import XCTest
import ZeroShot

final class ImageMeasureTests: XCTestCase {
    /// One 4×4 RGB image from [0, 1] pixel values given per (y, x), as generator output in [−1, 1].
    func image(_ pixel: (Int, Int) -> (Float, Float, Float)) -> Tensor {
        var t = Tensor(zeros: [1, 3, 4, 4])
        for y in 0..<4 {
            for x in 0..<4 {
                let p = pixel(y, x)
                for (c, v) in [p.0, p.1, p.2].enumerated() { t.data[c * 16 + y * 4 + x] = v * 2 - 1 }
            }
        }
        return t
    }

    func value(_ measure: String, _ t: Tensor) throws -> Double { try ImageMeasure(parsing: measure).values(images: t)[0] }

    func testBrightnessIsMeanRec601LumaOfTheRegion() throws {
        // Left half white, right half black.
        let t = image { _, x in x < 2 ? (1, 1, 1) : (0, 0, 0) }
        XCTAssertEqual(try value("brightness", t), 0.5, accuracy: 1e-6)
        XCTAssertEqual(try value("brightness:left", t), 1, accuracy: 1e-6)
        XCTAssertEqual(try value("brightness:right", t), 0, accuracy: 1e-6)
        XCTAssertEqual(try value("brightness:center", t), 0.5, accuracy: 1e-6)
        XCTAssertEqual(try value("brightness", image { _, _ in (1, 0, 0) }), 0.299, accuracy: 1e-6)
        XCTAssertEqual(try value("brightness", image { _, _ in (0, 0, 1) }), 0.114, accuracy: 1e-6)
    }

    func testValuesOutsideTheOutputRangeAreClamped() throws {
        var t = image { _, _ in (0.5, 0.5, 0.5) }
        t.data = t.data.map { _ in 3 }
        XCTAssertEqual(try value("brightness", t), 1, accuracy: 1e-6)
    }

    func testColourfulnessFollowsHaslerSusstrunk() throws {
        XCTAssertEqual(try value("colourfulness", image { _, _ in (0.3, 0.3, 0.3) }), 0, accuracy: 1e-9)
        // Uniform red: rg = 1, yb = 0.5, no spread: M = 0.3 · √(1 + 0.25).
        XCTAssertEqual(try value("colorfulness", image { _, _ in (1, 0, 0) }), 0.3 * 1.25.squareRoot(), accuracy: 1e-6)
        // Half red, half green: μ_rg = 0, σ_rg = 1, yb = 0.5 everywhere: M = 1 + 0.3 · 0.5.
        XCTAssertEqual(try value("colourfulness", image { _, x in x < 2 ? (1, 0, 0) : (0, 1, 0) }), 1.15, accuracy: 1e-6)
    }

    func testHueIsTheChromaWeightedCircularMean() throws {
        XCTAssertEqual(try value("hue", image { _, _ in (1, 0, 0) }), 0, accuracy: 1e-6)
        XCTAssertEqual(try value("hue", image { _, _ in (0, 1, 0) }), 120, accuracy: 1e-6)
        XCTAssertEqual(try value("hue", image { _, _ in (0, 0, 1) }), -120, accuracy: 1e-6)
        XCTAssertEqual(try value("hue", image { _, _ in (1, 1, 0) }), 60, accuracy: 1e-6)
        // Red and blue (−120°) in equal chroma average to magenta (−60°), not to green.
        XCTAssertEqual(try value("hue", image { _, x in x < 2 ? (1, 0, 0) : (0, 0, 1) }), -60, accuracy: 1e-6)
        // A faint cyan pixel weighs far less than saturated red ones.
        XCTAssertEqual(try value("hue", image { y, x in y == 0 && x == 0 ? (0.45, 0.5, 0.5) : (1, 0, 0) }), 0, accuracy: 1)
        XCTAssertEqual(try value("hue", image { _, _ in (0.4, 0.4, 0.4) }), 0)
    }

    func testAsymmetryComparesLeftAndRightLumaMass() throws {
        XCTAssertEqual(try value("asymmetry", image { _, x in x < 2 ? (1, 1, 1) : (0, 0, 0) }), 1, accuracy: 1e-9)
        XCTAssertEqual(try value("asymmetry", image { _, x in x < 2 ? (0.25, 0.25, 0.25) : (0.75, 0.75, 0.75) }), -0.5, accuracy: 1e-6)
        XCTAssertEqual(try value("asymmetry", image { _, _ in (0, 0, 0) }), 0)
        // Within the top half only: the bottom rows do not count.
        XCTAssertEqual(try value("asymmetry:top", image { y, x in y < 2 ? (x < 2 ? (1, 1, 1) : (0, 0, 0)) : (0, 0, 0) }), 1, accuracy: 1e-9)
    }

    func testOneChannelImagesAreGrey() throws {
        var t = Tensor(zeros: [2, 1, 4, 4])
        for i in 16..<32 { t.data[i] = 1 }
        let brightness = try ImageMeasure(parsing: "brightness").values(images: t)
        XCTAssertEqual(brightness[0], 0.5, accuracy: 1e-9)
        XCTAssertEqual(brightness[1], 1, accuracy: 1e-9)
        XCTAssertEqual(try ImageMeasure(parsing: "colourfulness").values(images: t), [0, 0])
    }

    func testParsingAndRegions() throws {
        XCTAssertEqual(try ImageMeasure(parsing: "Brightness:TOP").description, "brightness:top")
        XCTAssertEqual(try ImageMeasure(parsing: "hue").region, .whole)
        XCTAssertThrowsError(try ImageMeasure(parsing: "sharpness")) { XCTAssertTrue("\($0)".contains("use one of brightness"), "\($0)") }
        XCTAssertThrowsError(try ImageMeasure(parsing: "hue:middle")) { XCTAssertTrue("\($0)".contains("unknown region"), "\($0)") }
        let b = ImageRegion.center.bounds(height: 32, width: 32)
        XCTAssertEqual(b.rows, 8..<24)
        XCTAssertEqual(ImageRegion.right.bounds(height: 8, width: 6).columns, 3..<6)
    }
}
