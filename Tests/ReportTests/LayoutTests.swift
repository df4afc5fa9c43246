@testable import Report
import XCTest

/// Text wrapping, axis ticks and pagination, measured with Cairo's real font metrics.
final class LayoutTests: XCTestCase {
    private var canvas: Canvas!
    private var release: (() -> Void)?

    override func setUpWithError() throws {
        let measuring = try CairoOutput.measuringCanvas()
        canvas = measuring.canvas
        release = measuring.release
    }

    override func tearDown() {
        release?()
        canvas = nil
    }

    func testWrappedLinesFitAndKeepEveryWord() {
        let text = "Fine-tuning moved the synthesis convolutions far more than the mapping network or the affine style layers."
        let font = DocumentFonts.body
        let lines = TextWrapper.lines(text, width: 150, font: font, canvas: canvas)
        XCTAssertGreaterThan(lines.count, 2)
        for line in lines {
            XCTAssertLessThanOrEqual(canvas.width(line, font), 150)
        }
        XCTAssertEqual(lines.joined(separator: " "), text)
    }

    func testLongWordsBreakBetweenCharacters() {
        let hash = String(repeating: "3f8a1c9e0b7d", count: 8)
        let lines = TextWrapper.lines(hash, width: 100, font: DocumentFonts.provenanceValue, canvas: canvas)
        XCTAssertGreaterThan(lines.count, 1)
        XCTAssertEqual(lines.joined(), hash)
        XCTAssertTrue(lines.allSatisfy { canvas.width($0, DocumentFonts.provenanceValue) <= 100 })
    }

    func testNamesBreakAfterTheirDots() {
        let font = DocumentFonts.tableCell
        let lines = TextWrapper.lines("synthesis.b128.conv0.affine.weight", width: 80, font: font, canvas: canvas)
        XCTAssertEqual(lines.joined(), "synthesis.b128.conv0.affine.weight")
        XCTAssertTrue(lines.dropLast().allSatisfy { $0.hasSuffix(".") }, "\(lines)")
    }

    func testFirstLineIndentLeavesRoomForTheLabel() {
        let caption = CaptionLayout(label: "Figure 12.", text: String(repeating: "word ", count: 60), width: 300,
                                    canvas: canvas)
        XCTAssertLessThanOrEqual(caption.labelWidth + canvas.width(caption.lines[0], CaptionLayout.font), 300)
        XCTAssertGreaterThan(canvas.width(caption.lines[1], CaptionLayout.font), canvas.width(caption.lines[0], CaptionLayout.font))
    }

    func testParagraphsSplitOnBlankLines() {
        XCTAssertEqual(TextWrapper.paragraphs("one\ntwo\n\n  \nthree"), ["one\ntwo", "three"])
    }

    func testBarAxisStartsAtZeroWithNiceTicks() {
        let scale = AxisScale.forBars(values: [0.4, 3.1, 14.9], isLog: false)
        XCTAssertEqual(scale.lower, 0)
        XCTAssertEqual(scale.ticks, [0, 5, 10, 15, 20].filter { $0 <= scale.upper })
        XCTAssertGreaterThanOrEqual(scale.upper, 14.9 * 1.03)
        XCTAssertEqual(scale.tickLabel(5), "5")
    }

    func testSmallTicksUsePowersOfTen() {
        let scale = AxisScale.forBars(values: [1e-4, 8e-4], isLog: false)
        XCTAssertEqual(scale.tickLabel(scale.ticks[1]), "2 × 10⁻⁴")
        XCTAssertEqual(scale.tickLabel(0), "0")
    }

    func testLogAxisTicks() {
        let wide = AxisScale.forBars(values: [3e-5, 0.2], isLog: true)
        XCTAssertEqual(wide.ticks.map { wide.tickLabel($0) }, ["10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰"])
        let narrow = AxisScale.forData(values: [4, 256], isLog: true)
        XCTAssertEqual(narrow.ticks.map { narrow.tickLabel($0) }, ["5", "10", "20", "50", "100", "200"])
        XCTAssertNil(narrow.fraction(0), "zero has no place on a log axis")
    }

    func testPaginationBreaksBeforeWhatDoesNotFitAndKeepsHeadingsWithTheirContent() {
        func block(_ height: Double, keep: Bool = false, heading: Int? = nil) -> Block {
            Block(height: height, spaceBefore: 10, keepWithNext: keep, headingNumber: heading) { _, _ in }
        }
        let almostPage = Page.contentHeight - 100
        let blocks = [block(almostPage), block(20, keep: true, heading: 1), block(90), block(30)]
        let destinations = Destinations()
        let pages = Paginator.paginate(blocks, destinations: destinations)
        XCTAssertEqual(pages.map(\.count), [1, 3], "the heading moves to the page of the block it introduces")
        XCTAssertEqual(destinations.places[1]?.page, 2)
        XCTAssertEqual(pages[1][0].y, Page.contentTop, "no space above the first block of a page")
        XCTAssertEqual(destinations.pageCount, 2)
    }

    func testTableRowsRepeatTheHeaderOnANewPage() {
        let header = Block(height: 20) { _, _ in }
        let rows = (0..<100).map { _ in Block(height: 15, continuation: [header]) { _, _ in } }
        let pages = Paginator.paginate([header] + rows, destinations: Destinations())
        XCTAssertGreaterThan(pages.count, 1)
        for page in pages.dropFirst() {
            XCTAssertEqual(page.first?.block.height, 20, "each continued page starts with the header")
        }
        XCTAssertEqual(pages.map(\.count).reduce(0, +), 101 + pages.count - 1)
        for page in pages {
            let bottom = (page.last?.y ?? 0) + (page.last?.block.height ?? 0)
            XCTAssertLessThanOrEqual(bottom, Page.contentBottom + 0.01)
        }
    }

    func testFiguresShrinkToFitAPage() {
        let tall = Heatmap(values: Array(repeating: Array(repeating: 1.0, count: 4), count: 2000), colorbarLabel: "v")
        let height = HeatmapRenderer(heatmap: tall).height(width: Page.contentWidth, maxHeight: 500, canvas: canvas)
        XCTAssertLessThanOrEqual(height, 500)
        let grid = ImageGrid(images: Array(repeating: Array(repeating: SampleReport.image(seed: 1, size: 8), count: 2),
                                           count: 30))
        let gridHeight = ImageGridRenderer(grid: grid).height(width: Page.contentWidth, maxHeight: 600, canvas: canvas)
        XCTAssertLessThanOrEqual(gridHeight, 600)
        XCTAssertGreaterThan(gridHeight, 500, "it uses the room it has")
    }
}
