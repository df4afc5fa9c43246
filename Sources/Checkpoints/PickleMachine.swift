/// A pickle interpreter for binary protocols 2-5 that builds data and never runs code.
///
/// It is a flat loop over the opcodes (no recursion a file could drive), every length field is
/// checked against the bytes that remain before anything is read or allocated, container nesting
/// and open marks are capped at `PickleLimits.maxDepth`, and every GLOBAL goes through the
/// allow-list of `PickleGlobal`. Large BINBYTES payloads become ranges into the input.
struct PickleMachine {
    typealias PersistentLoad = (PickleValue) throws -> PickleValue

    private let input: ByteSlice
    private let buffer: UnsafeRawBufferPointer
    private var position: Int
    private var opcodeStart = 0
    private var stack: [PickleValue] = []
    private var marks: [[PickleValue]] = []
    private var memo: [Int: PickleValue] = [:]
    private let persistentLoad: PersistentLoad?
    private let calls: PickleCalls
    /// The protocol named by the first PROTO opcode, if any.
    private(set) var protocolVersion: Int?

    /// - Parameters:
    ///   - start: where the pickle begins inside `input` (legacy torch files hold several in a row).
    ///   - persistentLoad: resolves BINPERSID ids; without it BINPERSID is an error.
    ///   - allowsStorageBlobs: whether `torch.storage._load_from_bytes` may run a nested parse
    ///     (only the outermost pickle may, so nesting is bounded).
    init(input: ByteSlice, start: Int = 0, persistentLoad: PersistentLoad? = nil, allowsStorageBlobs: Bool = true) {
        self.input = input
        self.buffer = input.bytes
        self.position = start
        self.persistentLoad = persistentLoad
        self.calls = PickleCalls(allowsStorageBlobs: allowsStorageBlobs)
    }

    /// Runs to STOP and returns the value it leaves, with the offset just past the STOP.
    mutating func run() throws -> (value: PickleValue, end: Int) {
        while true {
            opcodeStart = position
            guard position < buffer.count else {
                throw ReadFailure("pickle is truncated: it ends at byte \(absolute(position)) without a STOP opcode")
            }
            let byte = buffer[position]
            position += 1
            guard let op = PickleOpcode(rawValue: byte) else {
                if let name = PickleOpcode.unsupportedName(byte) {
                    throw ReadFailure("pickle opcode \(name) at byte \(absolute(opcodeStart)) is not supported: only binary protocols 2-5 are read")
                }
                throw ReadFailure("unknown pickle opcode 0x\(byte < 16 ? "0" : "")\(String(byte, radix: 16)) at byte \(absolute(opcodeStart))")
            }
            if op == .stop {
                return (try pop(op), position)
            }
            try execute(op)
        }
    }

    // MARK: - Opcodes

    private mutating func execute(_ op: PickleOpcode) throws {
        switch op {
        case .proto:
            let v = Int(try readU8(op))
            guard v <= 5 else { throw failure("pickle protocol \(v) is newer than 5") }
            if protocolVersion == nil { protocolVersion = v }
        case .frame:
            let length = try readU64(op)
            guard length <= UInt64(buffer.count - position) else {
                throw truncated(op, needs: length)
            }
        case .stop:
            break // handled by run()
        case .mark:
            guard marks.count < PickleLimits.maxDepth else { throw ReadFailure.nestedTooDeeply }
            marks.append(stack)
            stack = []
        case .pop:
            if stack.isEmpty { _ = try popToMark(op) } else { stack.removeLast() }
        case .popMark:
            _ = try popToMark(op)
        case .dup:
            try push(try top(op))
        case .none: try push(.none)
        case .newTrue: try push(.bool(true))
        case .newFalse: try push(.bool(false))
        case .binInt1: try push(.int(Int(try readU8(op))))
        case .binInt2: try push(.int(Int(try readLE(op, 2))))
        case .binInt: try push(.int(Int(Int32(truncatingIfNeeded: try readLE(op, 4)))))
        case .long1: try push(try readLong(op, length: UInt64(try readU8(op))))
        case .long4: try push(try readLong(op, length: try readSignedLength32(op)))
        case .binFloat:
            let bits = try take(op, 8).bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } // big-endian
            try push(.float(Double(bitPattern: bits)))
        case .shortBinUnicode: try push(.string(utf8(try take(op, UInt64(try readU8(op))))))
        case .binUnicode: try push(.string(utf8(try take(op, try readLE(op, 4)))))
        case .binUnicode8: try push(.string(utf8(try take(op, try readU64(op)))))
        case .shortBinString: try push(.string(latin1(try take(op, UInt64(try readU8(op))))))
        case .binString: try push(.string(latin1(try take(op, try readSignedLength32(op)))))
        case .shortBinBytes: try push(.bytes(try take(op, UInt64(try readU8(op)))))
        case .binBytes: try push(.bytes(try take(op, try readLE(op, 4))))
        case .binBytes8, .byteArray8: try push(.bytes(try take(op, try readU64(op))))
        case .emptyTuple: try push(.tuple(try PickleTuple([])))
        case .tuple1, .tuple2, .tuple3:
            let n = Int(op.rawValue - PickleOpcode.tuple1.rawValue) + 1
            var items: [PickleValue] = []
            for _ in 0 ..< n { items.append(try pop(op)) }
            try push(.tuple(try PickleTuple(items.reversed())))
        case .tuple: try push(.tuple(try PickleTuple(try popToMark(op))))
        case .emptyList: try push(.list(PickleList()))
        case .list:
            let list = PickleList()
            for item in try popToMark(op) { try list.append(item) }
            try push(.list(list))
        case .append:
            let item = try pop(op)
            try append(item, to: try top(op), op)
        case .appends:
            let items = try popToMark(op)
            let target = try top(op)
            for item in items { try append(item, to: target, op) }
        case .emptyDict: try push(.dict(PickleDict()))
        case .dict:
            let dict = PickleDict()
            try setItems(try popToMark(op), in: .dict(dict), op)
            try push(.dict(dict))
        case .setItem:
            let value = try pop(op)
            let key = try pop(op)
            try setItems([key, value], in: try top(op), op)
        case .setItems:
            let items = try popToMark(op)
            try setItems(items, in: try top(op), op)
        case .emptySet: try push(.set(PickleList()))
        case .addItems:
            let items = try popToMark(op)
            guard case .set(let set) = try top(op) else { throw failure("ADDITEMS to a \(try top(op).kindName)") }
            for item in items { try set.append(item) }
        case .frozenSet:
            let set = PickleList()
            for item in try popToMark(op) { try set.append(item) }
            try push(.set(set))
        case .binPut: try store(Int(try readU8(op)), op)
        case .longBinPut: try store(Int(try readLE(op, 4)), op)
        case .memoize: try store(memo.count, op)
        case .binGet: try push(try fetch(Int(try readU8(op))))
        case .longBinGet: try push(try fetch(Int(try readLE(op, 4))))
        case .global:
            let module = try readLine(op)
            let name = try readLine(op)
            try push(.global(try PickleGlobal(module: module, name: name)))
        case .stackGlobal:
            let name = try pop(op)
            let module = try pop(op)
            guard let n = name.stringValue, let m = module.stringValue else {
                throw failure("STACK_GLOBAL needs two strings, got \(module.kindName) and \(name.kindName)")
            }
            try push(.global(try PickleGlobal(module: m, name: n)))
        case .reduce:
            let args = try pop(op)
            let callable = try pop(op)
            guard case .global(let g) = callable else { throw failure("REDUCE calls a \(callable.kindName), not a class or function") }
            guard let a = args.tupleItems else { throw failure("REDUCE of \(g.qualifiedName) has \(args.kindName) arguments, not a tuple") }
            try push(try calls.call(g, a))
        case .newObj, .newObjEx:
            if op == .newObjEx {
                let kwargs = try pop(op)
                guard let d = kwargs.dictValue, d.count == 0 else { throw failure("NEWOBJ_EX with keyword arguments") }
            }
            let args = try pop(op)
            let cls = try pop(op)
            guard case .global(let g) = cls else { throw failure("NEWOBJ of a \(cls.kindName), not a class") }
            guard let a = args.tupleItems else { throw failure("NEWOBJ of \(g.qualifiedName) has \(args.kindName) arguments, not a tuple") }
            try push(try calls.instantiate(g, a))
        case .build:
            let state = try pop(op)
            try calls.build(try top(op), state: state)
        case .binPersId:
            let pid = try pop(op)
            guard let load = persistentLoad else {
                throw failure("BINPERSID (a reference to external torch data) in a pickle that has none")
            }
            try push(try load(pid))
        }
    }

    // MARK: - Stack and memo

    private mutating func push(_ value: PickleValue) throws {
        guard stack.count < PickleLimits.maxStackCount else {
            throw failure("pickle stack holds more than \(PickleLimits.maxStackCount) items")
        }
        stack.append(value)
    }

    private mutating func pop(_ op: PickleOpcode) throws -> PickleValue {
        guard let v = stack.popLast() else { throw failure("\(op.name) finds the stack empty") }
        return v
    }

    private func top(_ op: PickleOpcode) throws -> PickleValue {
        guard let v = stack.last else { throw failure("\(op.name) finds the stack empty") }
        return v
    }

    private mutating func popToMark(_ op: PickleOpcode) throws -> [PickleValue] {
        guard let previous = marks.popLast() else { throw failure("\(op.name) without a MARK") }
        let items = stack
        stack = previous
        return items
    }

    private mutating func store(_ index: Int, _ op: PickleOpcode) throws {
        if memo[index] == nil {
            guard memo.count < PickleLimits.maxMemoCount else {
                throw failure("pickle memo holds more than \(PickleLimits.maxMemoCount) items")
            }
        }
        memo[index] = try top(op)
    }

    private func fetch(_ index: Int) throws -> PickleValue {
        guard let v = memo[index] else { throw failure("memo entry \(index) is read before it is stored") }
        return v
    }

    private func append(_ item: PickleValue, to target: PickleValue, _ op: PickleOpcode) throws {
        switch target {
        case .list(let l): try l.append(item)
        case .object(let o): try o.append(item)
        default: throw failure("\(op.name) to a \(target.kindName)")
        }
    }

    private func setItems(_ items: [PickleValue], in target: PickleValue, _ op: PickleOpcode) throws {
        guard items.count % 2 == 0 else { throw failure("\(op.name) with an odd number of items") }
        for i in stride(from: 0, to: items.count, by: 2) {
            switch target {
            case .dict(let d): try d.set(items[i], items[i + 1])
            case .object(let o): try o.setItem(items[i], items[i + 1])
            default: throw failure("\(op.name) on a \(target.kindName)")
            }
        }
    }

    // MARK: - Reading operands

    private func absolute(_ offset: Int) -> Int { input.range.lowerBound + offset }

    private func failure(_ message: String) -> ReadFailure {
        ReadFailure("\(message) (pickle opcode at byte \(absolute(opcodeStart)))")
    }

    private func truncated(_ op: PickleOpcode, needs length: UInt64) -> ReadFailure {
        ReadFailure("pickle is truncated or corrupt: \(op.name) at byte \(absolute(opcodeStart)) needs \(length) bytes, only \(buffer.count - position) remain")
    }

    /// The next `length` bytes as a slice of the input, checked before anything is allocated.
    private mutating func take(_ op: PickleOpcode, _ length: UInt64) throws -> ByteSlice {
        guard length <= UInt64(buffer.count - position),
              let slice = input.slice(position, Int(length)) else { throw truncated(op, needs: length) }
        position += Int(length)
        return slice
    }

    private mutating func readU8(_ op: PickleOpcode) throws -> UInt8 {
        guard position < buffer.count else { throw truncated(op, needs: 1) }
        position += 1
        return buffer[position - 1]
    }

    private mutating func readLE(_ op: PickleOpcode, _ n: Int) throws -> UInt64 {
        let bytes = try take(op, UInt64(n)).bytes
        var v: UInt64 = 0
        for i in (0 ..< n).reversed() { v = v << 8 | UInt64(bytes[i]) }
        return v
    }

    private mutating func readU64(_ op: PickleOpcode) throws -> UInt64 { try readLE(op, 8) }

    private mutating func readSignedLength32(_ op: PickleOpcode) throws -> UInt64 {
        let v = Int32(truncatingIfNeeded: try readLE(op, 4))
        guard v >= 0 else { throw failure("\(op.name) has a negative length \(v)") }
        return UInt64(v)
    }

    /// LONG1 / LONG4: little-endian two's complement of any width.
    private mutating func readLong(_ op: PickleOpcode, length: UInt64) throws -> PickleValue {
        let slice = try take(op, length)
        let bytes = slice.bytes
        guard bytes.count > 0 else { return .int(0) }
        if bytes.count <= 8 {
            var v: UInt64 = 0
            for i in (0 ..< bytes.count).reversed() { v = v << 8 | UInt64(bytes[i]) }
            let shift = UInt64(64 - 8 * bytes.count)
            return .int(Int(Int64(bitPattern: v << shift) >> Int64(shift))) // sign-extend
        }
        return .bigInt(slice)
    }

    /// GLOBAL operands: one line of text each, short and printable.
    private mutating func readLine(_ op: PickleOpcode) throws -> String {
        var end = position
        while end < buffer.count, buffer[end] != 0x0a {
            guard end - position < 256 else { throw failure("GLOBAL name longer than 256 bytes") }
            end += 1
        }
        guard end < buffer.count, let line = input.slice(position, end - position) else {
            throw truncated(op, needs: UInt64(end - position + 1))
        }
        let text = utf8(line)
        position = end + 1
        return text
    }

    private func utf8(_ s: ByteSlice) -> String { String(decoding: s.bytes, as: UTF8.self) }

    private func latin1(_ s: ByteSlice) -> String {
        var scalars = String.UnicodeScalarView()
        for b in s.bytes { scalars.append(Unicode.Scalar(b)) }
        return String(scalars)
    }
}
