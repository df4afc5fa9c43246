import XCTest
@testable import FileFormats

final class NumpyFileTests: XCTestCase {
    func testReadsNumpyFloat32() throws {
        let array = try NumpyArray.decode(NumpyMadeFiles.float32Matrix)
        XCTAssertEqual(array.shape, [2, 3])
        XCTAssertEqual(array.values, [0, 0.5, 1, 1.5, 2, 2.5])
    }

    func testEncodeMatchesNumpySaveByteForByte() throws {
        for file in [NumpyMadeFiles.float32Matrix, NumpyMadeFiles.float32Scalar] {
            XCTAssertEqual(try NumpyArray.decode(file).encode(), file)
        }
    }

    func testEncodedHeaderIsPaddedTo64Bytes() throws {
        let bytes = try NumpyArray(shape: [1, 3, 32, 32], values: [Float](repeating: 1, count: 3072)).encode()
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        XCTAssertEqual((10 + headerLength) % 64, 0)
        XCTAssertEqual(bytes[10 + headerLength - 1], 0x0A)
        let header = String(decoding: bytes[10 ..< 10 + headerLength], as: UTF8.self)
        XCTAssertTrue(header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3, 32, 32), }"))
        XCTAssertEqual(bytes.count, 10 + headerLength + 3072 * 4)
    }

    func testRoundTripsShapes() throws {
        for shape in [[], [0], [5], [1, 18, 512], [2, 0, 3]] {
            let count = shape.reduce(1, *)
            let array = try NumpyArray(shape: shape, values: (0 ..< count).map { Float($0) * 0.25 - 1 })
            XCTAssertEqual(try NumpyArray.decode(array.encode()), array, "shape \(shape)")
        }
    }

    func testReadsOtherDtypes() throws {
        XCTAssertEqual(try NumpyArray.decode(NumpyMadeFiles.float16Vector).values, [1.5, -2, 65504, Float(Float16(0.0001))])
        XCTAssertEqual(try NumpyArray.decode(NumpyMadeFiles.float32BigEndian).values, [1.25, -3])
        XCTAssertEqual(try NumpyArray.decode(NumpyMadeFiles.int64Vector).values, [-5, 7, 1_099_511_627_776])
        XCTAssertEqual(try NumpyArray.decode(NumpyMadeFiles.int32Vector).values, [-1, 123_456])
        XCTAssertEqual(try NumpyArray.decode(NumpyMadeFiles.uint8Vector).values, [0, 128, 255])
        XCTAssertEqual(try NumpyArray.decode(NumpyMadeFiles.boolVector).values, [1, 0, 1])
        let scalar = try NumpyArray.decode(NumpyMadeFiles.float32Scalar)
        XCTAssertEqual(scalar.shape, [])
        XCTAssertEqual(scalar.values, [-7.5])
        let version2 = try NumpyArray.decode(NumpyMadeFiles.float32Version2)
        XCTAssertEqual(version2.shape, [3])
        XCTAssertEqual(version2.values, [1, 2, 3])
    }

    func testFortranOrderIsTransposedToCOrder() throws {
        let matrix = try NumpyArray.decode(NumpyMadeFiles.float64Fortran)
        XCTAssertEqual(matrix.shape, [2, 3])
        XCTAssertEqual(matrix.values, [0.25, 1.25, 2.25, 3.25, 4.25, 5.25])
        let cube = try NumpyArray.decode(NumpyMadeFiles.float32Fortran3D)
        XCTAssertEqual(cube.shape, [2, 3, 2])
        XCTAssertEqual(cube.values, (0 ..< 12).map(Float.init))
    }

    func testParsesHeaderVariants() throws {
        let header = try NumpyHeader(parsing: Array("{\"shape\": (3L, 4), 'fortran_order':False,'descr':'<f4'}  \n".utf8))
        XCTAssertEqual(header, NumpyHeader(descr: "<f4", fortranOrder: false, shape: [3, 4]))
    }

    func testRejectsMalformedFiles() throws {
        let good = try NumpyArray(shape: [2, 2], values: [1, 2, 3, 4]).encode()
        var wrongMagic = good
        wrongMagic[1] = 0
        var longHeader = good
        longHeader[8] = 0xFF
        longHeader[9] = 0xFF
        var badVersion = good
        badVersion[6] = 9
        let cases: [(String, [UInt8])] = [
            ("empty", []),
            ("magic only", Array(good.prefix(6))),
            ("bad magic", wrongMagic),
            ("bad version", badVersion),
            ("header longer than file", longHeader),
            ("truncated header", Array(good.prefix(40))),
            ("truncated data", Array(good.dropLast(1))),
            ("trailing bytes", good + [0]),
            ("shape overflows Int", file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4294967296), }")),
            ("dimension overflows Int", file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999999,), }")),
            ("negative dimension", file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }")),
            ("missing key", file(header: "{'descr': '<f4', 'shape': (1,), }")),
            ("extra key", file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (), 'x': True, }", data: [0, 0, 0, 0])),
            ("structured dtype", file(header: "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (), }", data: [0, 0, 0, 0])),
            ("object dtype", file(header: "{'descr': '|O', 'fortran_order': False, 'shape': (), }", data: [0, 0, 0, 0, 0, 0, 0, 0])),
            ("complex dtype", file(header: "{'descr': '<c8', 'fortran_order': False, 'shape': (), }", data: [UInt8](repeating: 0, count: 8))),
            ("unterminated dict", file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': ()", data: [0, 0, 0, 0])),
            ("garbage after dict", file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (), } x", data: [0, 0, 0, 0])),
        ]
        for (label, bytes) in cases {
            XCTAssertThrowsError(try NumpyArray.decode(bytes), label) { error in
                XCTAssertTrue(error is FileFormatError, label)
                XCTAssertFalse("\(error)".contains("\n"), label)
            }
        }
    }

    func testInitRejectsMismatchedValues() {
        XCTAssertThrowsError(try NumpyArray(shape: [2, 2], values: [1, 2, 3]))
        XCTAssertThrowsError(try NumpyArray(shape: [-1], values: []))
    }

    /// A version 1.0 file with this header text and data.
    private func file(header: String, data: [UInt8] = []) -> [UInt8] {
        var text = Array(header.utf8) + [0x0A]
        while (10 + text.count) % 64 != 0 { text.insert(0x20, at: text.count - 1) }
        var bytes = NumpyArray.magic + [1, 0, UInt8(text.count & 0xFF), UInt8(text.count >> 8)]
        bytes += text
        return bytes + data
    }
}
