import Foundation
import StyleGAN
import XCTest
import ZeroShot

final class LatentModelStoreTests: XCTestCase {
    var directory: String!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "zeroshot-models-\(UUID().uuidString)"
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func trainedModel(task: LatentTask = .classify) throws -> LatentModel {
        let parent = try TinyNetworks.named(seed: 1)
        let setup = TinyNetworks.setup(task: task, space: .wPlus(0...3), train: 60, test: 30)
        let sampler = DomainSampler(generator: parent.generator, sampling: setup.sampling)
        let ws = try setup.sampling.ws(seeds: setup.trainSeeds, mapping: parent.generator)
        let samples = try sampler.samples(seeds: setup.trainSeeds, ws: ws, space: setup.space, task: task,
                                          labels: [.measure(ImageMeasure(kind: .brightness))])
        return try LatentModelTrainer(task: task, space: setup.space, l2: 1e-3).train(
            samples, values: XCTUnwrap(samples.labels[0]), name: LatentModelStore.name(attribute: "brightness", space: setup.space, task: task), attribute: "brightness",
            labels: LabelSource.measure(ImageMeasure(kind: .brightness)).description, sampling: setup.sampling,
            source: NetworkDescription(source: parent.source, generator: parent.generator))
    }

    func testSavesAndLoadsByNameAndByPath() throws {
        let store = LatentModelStore(directory: directory)
        for task in LatentTask.allCases {
            let model = try trainedModel(task: task)
            let path = try store.save(model)
            XCTAssertEqual(try store.load(model.name), model)
            XCTAssertEqual(try store.load(path), model)
        }
        XCTAssertEqual(store.names(), ["brightness-wplus-0-3", "brightness-wplus-0-3-regress"])
        let text = try String(contentsOfFile: store.path(for: "brightness-wplus-0-3"), encoding: .utf8)
        for key in ["\"space\" : \"wplus:0-3\"", "\"trainingSeeds\" : \"0-59\"", "\"normal\"", "\"fingerprint\" : \"fnv1a64:", "\"mean\""] {
            XCTAssertTrue(text.contains(key), key)
        }
    }

    func testRejectsBadNamesMissingModelsAndDamagedFiles() throws {
        let store = LatentModelStore(directory: directory)
        XCTAssertThrowsError(try store.load("../etc")) { XCTAssertTrue("\($0)".contains("no such model file"), "\($0)") }
        XCTAssertThrowsError(try store.load("nothing")) { XCTAssertTrue("\($0)".contains("no model named 'nothing'"), "\($0)") }
        var model = try trainedModel()
        try store.save(model)
        model.hyperplane.normal.removeLast()
        let broken = try ZeroShotJSON.encode(model)
        try broken.write(to: URL(fileURLWithPath: store.path(for: "broken")))
        XCTAssertThrowsError(try store.load("broken")) { XCTAssertTrue("\($0)".contains("do not all have its dimension"), "\($0)") }
        try Data("{\"format\": 3}".utf8).write(to: URL(fileURLWithPath: store.path(for: "junk")))
        XCTAssertThrowsError(try store.load("junk")) { XCTAssertTrue("\($0)".contains("junk.json: not a valid"), "\($0)") }
        XCTAssertThrowsError(try LatentModelStore.validate(name: ".hidden"))
        XCTAssertThrowsError(try LatentModelStore.validate(name: "a/b"))
    }

    func testAModelRefusesANetworkOfAnotherLayout() throws {
        let model = try trainedModel()
        let g = try TinyNetworks.generator(seed: 3, wDim: 8)
        XCTAssertThrowsError(try model.check(against: g)) { XCTAssertTrue("\($0)".contains("works on 64 wplus:0-3 features"), "\($0)") }
    }

    func testFingerprintTellsNetworksApart() throws {
        let a = try TinyNetworks.generator(seed: 1), b = try TinyNetworks.generator(seed: 2)
        XCTAssertEqual(NetworkFingerprint.of(a), NetworkFingerprint.of(try TinyNetworks.generator(seed: 1)))
        XCTAssertNotEqual(NetworkFingerprint.of(a), NetworkFingerprint.of(b))
        XCTAssertEqual(NetworkFingerprint.of(a).count, "fnv1a64:".count + 16)
    }

    func testSeedRangesRoundTrip() throws {
        let seeds: [UInt32] = [0, 1, 2, 3, 7, 9, 10, UInt32.max - 1, UInt32.max]
        XCTAssertEqual(SeedRanges.format(seeds), "0-3,7,9-10,4294967294-4294967295")
        XCTAssertEqual(try SeedRanges.parse(SeedRanges.format(seeds)), seeds)
        XCTAssertEqual(try SeedRanges.parse(""), [])
        XCTAssertThrowsError(try SeedRanges.parse("5-3"))
        XCTAssertThrowsError(try SeedRanges.parse("1,,2"))
    }
}
