import XCTest
import StyleGAN
@testable import Semantics

final class NamedControlsTests: XCTestCase {
    /// The table shipped in data/ (Tests/SemanticsTests/File.swift -> repo root is 3 levels up).
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/controls.json").path

    func testShippedTableNamesValidChannelsOfItsArchitecture() throws {
        let table = try NamedControls.read(path: Self.shipped)
        let ffhq = RandomInit.Preset.ffhq1024.config, layout = StyleSpaceLayout(config: ffhq)
        XCTAssertEqual(table.families(for: ffhq).map(\.family), ["ffhq1024"])
        for entry in try XCTUnwrap(table.families.first).controls {
            let channel = try XCTUnwrap(StyleChannel(entry.control), entry.name)
            XCTAssertNoThrow(try layout.layer(for: channel), entry.name)
            XCTAssertEqual(layout.layers[channel.layer].kind, .conv, "\(entry.name): published controls are conv channels")
        }
        let smile = try XCTUnwrap(table.entry("smile", for: ffhq))
        XCTAssertEqual(smile.entry.control, "6_501")
        XCTAssertEqual(layout.layers[6].name, "synthesis.b16.conv1")
        XCTAssertEqual(try table.entry("ffhq1024/lipstick", for: ffhq)?.entry.control, "15_45")
        XCTAssertNil(try table.entry("no-such-control", for: ffhq))
        let small = TestNetworks.config()
        XCTAssertThrowsError(try table.entry("smile", for: small), "defined for another architecture")
        XCTAssertTrue(table.families(for: small).isEmpty)
        XCTAssertTrue(table.families(for: RandomInit.Preset.ffhq512.config).isEmpty)
    }

    func testBrokenTablesGiveOneLineErrors() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("controls-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(#"{"about": "x", "families": [{"family": "f"}]}"#.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try NamedControls.read(path: path)) { error in
            XCTAssertTrue("\(error)".contains("missing"), "\(error)")
        }
        XCTAssertThrowsError(try NamedControls.read(path: path + ".absent"))
    }
}
