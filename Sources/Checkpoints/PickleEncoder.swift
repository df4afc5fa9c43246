/// Writes a protocol-2 pickle opcode by opcode, memoizing the way CPython's pickler does, so that
/// what `torch.save` would write can be written without Python: every string, tuple, global and
/// reduced object gets a memo slot (BINPUT below 256, LONG_BINPUT above), and a global or a shared
/// string written again becomes a BINGET of its slot.
struct PickleEncoder {
    private(set) var bytes: [UInt8] = [0x80, 0x02]  // PROTO 2
    private var memoCount = 0
    /// Memo slots of globals ("module\nname") and of strings written with `shared: true`.
    private var slots: [String: Int] = [:]

    /// Stores the object on top of the stack in the next memo slot.
    mutating func memoize() {
        if memoCount < 256 {
            bytes += [PickleOpcode.binPut.rawValue, UInt8(memoCount)]
        } else {
            bytes.append(PickleOpcode.longBinPut.rawValue)
            appendLE(UInt32(memoCount))
        }
        memoCount += 1
    }

    private mutating func get(_ slot: Int) {
        if slot < 256 {
            bytes += [PickleOpcode.binGet.rawValue, UInt8(slot)]
        } else {
            bytes.append(PickleOpcode.longBinGet.rawValue)
            appendLE(UInt32(slot))
        }
    }

    private mutating func appendLE(_ v: UInt32) {
        for i in 0 ..< 4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) }
    }

    mutating func op(_ opcode: PickleOpcode) { bytes.append(opcode.rawValue) }

    /// GLOBAL `module name`, or a BINGET when it was written before.
    mutating func global(_ module: String, _ name: String) {
        let key = module + "\n" + name
        if let slot = slots[key] { return get(slot) }
        op(.global)
        bytes += Array("\(module)\n\(name)\n".utf8)
        slots[key] = memoCount
        memoize()
    }

    /// BINUNICODE. A `shared` string stands for one Python object used in many places
    /// (`'storage'`, `'cpu'`), so later writes of it are BINGETs.
    mutating func string(_ s: String, shared: Bool = false) {
        if shared, let slot = slots["\u{0}" + s] { return get(slot) }
        let utf8 = Array(s.utf8)
        op(.binUnicode)
        appendLE(UInt32(utf8.count))
        bytes += utf8
        if shared { slots["\u{0}" + s] = memoCount }
        memoize()
    }

    /// The smallest of BININT1, BININT2, BININT and LONG1 that holds `v`, as CPython chooses.
    mutating func int(_ v: Int) {
        if (0 ..< 256).contains(v) {
            bytes += [PickleOpcode.binInt1.rawValue, UInt8(v)]
        } else if (256 ..< 65536).contains(v) {
            bytes += [PickleOpcode.binInt2.rawValue, UInt8(v & 0xff), UInt8(v >> 8)]
        } else if Int(Int32.min) ... Int(Int32.max) ~= v {
            op(.binInt)
            appendLE(UInt32(bitPattern: Int32(v)))
        } else {
            // Minimal little-endian two's complement: drop top bytes that only repeat the sign.
            var n = 8
            while n > 4, (v >> (8 * (n - 1) - 1)) == (v >> 63) { n -= 1 }
            bytes += [PickleOpcode.long1.rawValue, UInt8(n)]
            for i in 0 ..< n { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * i))) }
        }
    }

    /// A tuple of ints: EMPTY_TUPLE (not memoized), TUPLE1-3, or MARK ... TUPLE, then its memo slot.
    mutating func intTuple(_ values: [Int]) {
        if values.isEmpty { return op(.emptyTuple) }
        if values.count > 3 { op(.mark) }
        for v in values { int(v) }
        switch values.count {
        case 1: op(.tuple1)
        case 2: op(.tuple2)
        case 3: op(.tuple3)
        default: op(.tuple)
        }
        memoize()
    }

    /// Ends the pickle.
    mutating func stop() -> [UInt8] {
        op(.stop)
        return bytes
    }
}
