import Analysis
import Foundation
import Report
import FileFormats
import ReportSections
import StyleGAN
import XCTest

final class ReportSectionsTests: XCTestCase {
    func testSHA256KnownVectors() throws {
        XCTAssertEqual(SHA256.hex(of: []), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(of: Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Fed in uneven pieces, as a streamed file is.
        var hasher = SHA256()
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var start = 0
        for size in [1, 63, 64, 65, 4095, 995_712] { hasher.update(Array(million[start..<(start + size)])); start += size }
        XCTAssertEqual(hasher.finalizeHex(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testSHA256OfFixtureFilesMatchesTheManifest() throws {
        let files = try AnalysisFixtures.manifest("sg2ada")["files"] as? [String: Any]
        for name in ["z.npy", "parent_img_const_psi1.npy"] {
            let expected = (files?[name] as? [String: Any])?["sha256"] as? String
            XCTAssertNotNil(expected, "the manifest lists no sha256 for \(name)")
            XCTAssertEqual(try SHA256.hex(ofFile: AnalysisFixtures.path("sg2ada/\(name)")), expected, name)
        }
    }

    func testSectionSelection() throws {
        XCTAssertEqual(try SectionCatalog.select(["gallery", "models"]).map(\.id), ["models", "gallery"])
        XCTAssertThrowsError(try SectionCatalog.select(["weights", "bogus"])) { error in
            XCTAssertTrue("\(error)".hasPrefix("unknown section 'bogus'; choose from models, weights, resets, gallery"), "\(error)")
        }
        XCTAssertThrowsError(try SectionCatalog.select([]))
        XCTAssertEqual(Array(SectionCatalog.defaultSections.map(\.id).prefix(4)), ["models", "weights", "resets", "gallery"])
        XCTAssertEqual(Set(SectionCatalog.all.map(\.id)).count, SectionCatalog.all.count, "section ids must be unique")
    }

    func testSeedText() {
        XCTAssertEqual(SeedText.format([0, 1, 2, 3, 7, 9, 10]), "0-3,7,9-10")
        XCTAssertEqual(SeedText.format([5]), "5")
    }

    func testNotAlignedPairIsRefusedBeforeAnySection() throws {
        var other = TinyPairs.config
        other.resolution = 32
        let p = try Generator(config: TinyPairs.config, parameters: TinyPairs.parent())
        let c = try Generator(config: other, parameters: RandomInit.parameters(config: other, seed: 1))
        let builder = AlignmentReportBuilder(
            parent: ReportModel(role: "parent", generator: p, source: "p", format: "test"),
            child: ReportModel(role: "child", generator: c, source: "c", format: "test"),
            settings: RenderSettings(seeds: [0]), sections: try SectionCatalog.select(["models", "weights"]),
            facts: RunFacts(toolVersion: "t", commandLine: "c", startTime: Date(), threads: 1, machine: "m"))
        XCTAssertThrowsError(try builder.build()) { error in XCTAssertTrue(error is AlignmentError, "\(error)") }
    }

    func testIdenticalPairGetsAnAlertOnTheFirstPage() throws {
        let g = try Generator(config: TinyPairs.config, parameters: TinyPairs.parent())
        let builder = AlignmentReportBuilder(
            parent: ReportModel(role: "parent", generator: g, source: "p", format: "test"),
            child: ReportModel(role: "child", generator: g, source: "c", format: "test"),
            settings: RenderSettings(seeds: [0]), sections: try SectionCatalog.select(["models"]),
            facts: RunFacts(toolVersion: "t", commandLine: "c", startTime: Date(), threads: 1, machine: "m"))
        let report = try builder.build()
        guard case let .alert(level, text) = report.cells.first else { return XCTFail("no leading alert") }
        XCTAssertEqual(level, .warning)
        XCTAssertTrue(text.contains("equal the parent's"), text)
    }

    func testDemoPairReportStatesTheKnownAnswer() throws {
        let pair = try DemoPair.make()
        let changes = try WeightChanges(parent: pair.parent, child: pair.child)
        XCTAssertEqual(changes.summary(of: .convWeight)?.relativeChange ?? -1, DemoPair.relativeChange, accuracy: 1e-6)
        for entry in changes.components where entry.component != .convWeight {
            XCTAssertEqual(entry.summary.relativeChange, 0, entry.component.rawValue)
        }
        let context = SectionContext(parent: ReportModel(role: "parent", generator: pair.parent, source: "p", format: "demo"),
                                     child: ReportModel(role: "child", generator: pair.child, source: "c", format: "demo"),
                                     settings: RenderSettings(seeds: [0, 1], resolution: 16))
        let cells = try ComponentResetSection().make(context).body
        guard case let .prose(finding)? = cells.last else { return XCTFail("the reset section must end with its finding") }
        XCTAssertTrue(finding.hasPrefix("Resetting the conv weights moves the child closest to the parent"), finding)
        XCTAssertTrue(finding.contains("100.00 % of the gap closed"), finding)
        XCTAssertTrue(finding.contains("This is the pattern the StyleAlign paper reports"), finding)
    }
}

final class UnrelatedPairTests: XCTestCase {
    func testUnrelatedWeightsGetAWarningAndFineTunedOnesDoNot() throws {
        let (p, c) = try TinyPairs.unrelated()
        let text = try AlignmentReportBuilder.unrelatedWeightsWarning(parent: p, child: c)
        XCTAssertTrue(text?.hasPrefix("The child's weights are nearly unrelated to the parent's") == true, text ?? "no warning")
        let (q, d) = try TinyPairs.perturbed([.convWeight, .affine, .mapping], by: 0.3)
        XCTAssertNil(try AlignmentReportBuilder.unrelatedWeightsWarning(parent: q, child: d))
    }
}

final class WeightFindingTests: XCTestCase {
    func testFindingNamesTheOnlyChangedComponentOnce() throws {
        let (p, c) = try TinyPairs.perturbed([.convWeight], by: 0.25)
        let cells = try WeightChangesSection().make(SectionContext(
            parent: ReportModel(role: "parent", generator: p, source: "p", format: "test"),
            child: ReportModel(role: "child", generator: c, source: "c", format: "test"),
            settings: RenderSettings(seeds: [0]))).body
        let prose = cells.compactMap { cell -> String? in
            if case .prose(let text) = cell, text.hasPrefix("Most of the change") { return text }
            return nil
        }
        XCTAssertEqual(prose.count, 1)
        let finding = prose.first ?? ""
        XCTAssertTrue(finding.hasPrefix("Most of the change is in the conv weights: 100.00 % of the network's total squared change"), finding)
        XCTAssertFalse(finding.contains("changed least"), finding)
        XCTAssertTrue(finding.contains("Bit-identical in both networks: mapping, affine (style)"), finding)
    }
}
