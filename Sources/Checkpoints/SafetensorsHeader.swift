/// A safetensors file's layout, checked in full before any tensor is read:
///
///     u64 LE  N                      header length
///     N bytes JSON object            {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...,
///                                     "__metadata__": {"key": "value", ...}}   (optional, strings only)
///     data                           every tensor's little-endian bytes, offsets counted from here
///
/// As in the reference implementation, the tensors must tile the data exactly: sorted by offset
/// they start at 0, each begins where the previous ends, and the last ends at the end of the file.
/// So no tensor overlaps another or lies outside the file, and every declared size has been
/// compared with the real file size before anything is allocated from it.
struct SafetensorsHeader {
    struct Entry {
        let name: String
        let dtype: SafetensorsDType
        let shape: [Int]
        let count: Int
        /// Absolute byte range in the file.
        let range: Range<Int>
    }

    /// Headers beyond this are refused (the reference implementation's limit, 100 MB).
    static let maxLength = 100_000_000
    static let maxRank = 32

    let entries: [Entry]
    let metadata: [String: String]

    /// The start of the tensor data: 8 + N.
    let dataStart: Int

    init(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count >= 8 else { throw ReadFailure("is too short for a safetensors file (\(bytes.count) bytes)") }
        let length = (0 ..< 8).reduce(UInt64(0)) { $0 | UInt64(bytes[$1]) << (8 * UInt64($1)) }
        guard length <= UInt64(Self.maxLength) else {
            throw ReadFailure("safetensors header declares \(length) bytes, more than the \(Self.maxLength / 1_000_000) MB limit")
        }
        guard length <= UInt64(bytes.count - 8) else {
            throw ReadFailure("safetensors header declares \(length) bytes but the file has only \(bytes.count - 8) after the length field")
        }
        dataStart = 8 + Int(length)
        let json = try StrictJSONParser.parse(UnsafeRawBufferPointer(rebasing: bytes[8 ..< dataStart]))
        guard case .object(let members) = json else { throw ReadFailure("safetensors header is \(json.kindName), not an object") }

        var entries: [Entry] = []
        var metadata: [String: String] = [:]
        for (name, value) in members {
            if name == "__metadata__" {
                metadata = try Self.metadata(value)
            } else {
                entries.append(try Self.entry(name, value, dataStart: dataStart))
            }
        }
        try Self.checkTiling(entries, dataStart: dataStart, fileLength: bytes.count)
        self.entries = entries
        self.metadata = metadata
    }

    private static func metadata(_ value: StrictJSON) throws -> [String: String] {
        guard case .object(let members) = value else { throw ReadFailure("safetensors __metadata__ is \(value.kindName), not an object") }
        var out: [String: String] = [:]
        for (key, v) in members {
            guard case .string(let s) = v else {
                throw ReadFailure("safetensors __metadata__ entry \"\(key.prefix(80))\" is \(v.kindName), not a string")
            }
            out[key] = s
        }
        return out
    }

    private static func entry(_ name: String, _ value: StrictJSON, dataStart: Int) throws -> Entry {
        let shown = String(name.prefix(120))
        func fail(_ message: String) -> ReadFailure { ReadFailure("safetensors tensor \(shown): \(message)") }
        guard case .object(let fields) = value else { throw fail("is described by \(value.kindName), not an object") }
        var dtypeName: String?, shapeItems: [StrictJSON]?, offsetItems: [StrictJSON]?
        for (key, v) in fields {
            switch (key, v) {
            case ("dtype", .string(let s)): dtypeName = s
            case ("shape", .array(let a)): shapeItems = a
            case ("data_offsets", .array(let a)): offsetItems = a
            case ("dtype", _), ("shape", _), ("data_offsets", _): throw fail("\(key) is \(v.kindName)")
            default: throw fail("unknown field \"\(key.prefix(80))\"")
            }
        }
        guard let dtypeName, let shapeItems, let offsetItems else { throw fail("needs dtype, shape and data_offsets") }
        guard let dtype = SafetensorsDType(rawValue: dtypeName) else { throw fail("unknown dtype \"\(dtypeName.prefix(40))\"") }
        guard shapeItems.count <= maxRank else { throw fail("has \(shapeItems.count) dimensions") }
        let shape = try shapeItems.map { item -> Int in
            guard case .integer(let d) = item, d >= 0 else { throw fail("shape holds \(item.kindName) that is not a size") }
            return d
        }
        var count = 1
        for d in shape {
            let (p, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow else { throw fail("shape \(shape) has too many elements") }
            count = p
        }
        guard offsetItems.count == 2, case .integer(let begin) = offsetItems[0], case .integer(let end) = offsetItems[1],
              begin >= 0, end >= begin else {
            throw fail("data_offsets is not a pair [begin, end] with 0 <= begin <= end")
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: dtype.elementSize)
        guard !overflow, bytes == end - begin else {
            throw fail("shape \(shape) of \(dtype.rawValue) needs \(overflow ? "too many" : String(bytes)) bytes but data_offsets [\(begin), \(end)] span \(end - begin)")
        }
        // begin, end <= 2^53 and dataStart <= 10^8 + 8, so these sums cannot overflow.
        return Entry(name: name, dtype: dtype, shape: shape, count: count, range: (dataStart + begin) ..< (dataStart + end))
    }

    /// Sorted by offset, the tensors must cover the data exactly once (zero-size tensors sit anywhere).
    private static func checkTiling(_ entries: [Entry], dataStart: Int, fileLength: Int) throws {
        var next = dataStart
        for e in entries.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }) {
            guard e.range.lowerBound == next || e.range.isEmpty && e.range.lowerBound <= next else {
                let relation = e.range.lowerBound < next ? "overlaps the tensor before it" : "leaves a gap before it"
                throw ReadFailure("safetensors tensor \(e.name.prefix(120)) at data offset \(e.range.lowerBound - dataStart) \(relation)")
            }
            next = max(next, e.range.upperBound)
        }
        guard next == fileLength else {
            let relation = next > fileLength ? "end \(next - fileLength) bytes past the end of the file" : "leave \(fileLength - next) bytes unused at the end of the file"
            throw ReadFailure("safetensors tensors \(relation)")
        }
    }
}
