/// The binary pickle opcodes (protocols 2-5) the machine executes: the subset that torch,
/// numpy and NVIDIA's persistence code emit (stylegan2.md §5.1).
enum PickleOpcode: UInt8 {
    case proto = 0x80, frame = 0x95, stop = 0x2e
    case mark = 0x28, pop = 0x30, popMark = 0x31, dup = 0x32
    case none = 0x4e, newTrue = 0x88, newFalse = 0x89
    case binInt1 = 0x4b, binInt2 = 0x4d, binInt = 0x4a, long1 = 0x8a, long4 = 0x8b
    case binFloat = 0x47
    case shortBinUnicode = 0x8c, binUnicode = 0x58, binUnicode8 = 0x8d
    case shortBinBytes = 0x43, binBytes = 0x42, binBytes8 = 0x8e, byteArray8 = 0x96
    case shortBinString = 0x55, binString = 0x54
    case emptyTuple = 0x29, tuple1 = 0x85, tuple2 = 0x86, tuple3 = 0x87, tuple = 0x74
    case emptyList = 0x5d, append = 0x61, appends = 0x65, list = 0x6c
    case emptyDict = 0x7d, setItem = 0x73, setItems = 0x75, dict = 0x64
    case emptySet = 0x8f, addItems = 0x90, frozenSet = 0x91
    case binPut = 0x71, longBinPut = 0x72, memoize = 0x94
    case binGet = 0x68, longBinGet = 0x6a
    case global = 0x63, stackGlobal = 0x93
    case reduce = 0x52, newObj = 0x81, newObjEx = 0x92, build = 0x62
    case binPersId = 0x51

    /// The opcode's name in Python's pickle module, for error messages.
    var name: String {
        switch self {
        case .proto: return "PROTO"
        case .frame: return "FRAME"
        case .stop: return "STOP"
        case .mark: return "MARK"
        case .pop: return "POP"
        case .popMark: return "POP_MARK"
        case .dup: return "DUP"
        case .none: return "NONE"
        case .newTrue: return "NEWTRUE"
        case .newFalse: return "NEWFALSE"
        case .binInt1: return "BININT1"
        case .binInt2: return "BININT2"
        case .binInt: return "BININT"
        case .long1: return "LONG1"
        case .long4: return "LONG4"
        case .binFloat: return "BINFLOAT"
        case .shortBinUnicode: return "SHORT_BINUNICODE"
        case .binUnicode: return "BINUNICODE"
        case .binUnicode8: return "BINUNICODE8"
        case .shortBinBytes: return "SHORT_BINBYTES"
        case .binBytes: return "BINBYTES"
        case .binBytes8: return "BINBYTES8"
        case .byteArray8: return "BYTEARRAY8"
        case .shortBinString: return "SHORT_BINSTRING"
        case .binString: return "BINSTRING"
        case .emptyTuple: return "EMPTY_TUPLE"
        case .tuple1: return "TUPLE1"
        case .tuple2: return "TUPLE2"
        case .tuple3: return "TUPLE3"
        case .tuple: return "TUPLE"
        case .emptyList: return "EMPTY_LIST"
        case .append: return "APPEND"
        case .appends: return "APPENDS"
        case .list: return "LIST"
        case .emptyDict: return "EMPTY_DICT"
        case .setItem: return "SETITEM"
        case .setItems: return "SETITEMS"
        case .dict: return "DICT"
        case .emptySet: return "EMPTY_SET"
        case .addItems: return "ADDITEMS"
        case .frozenSet: return "FROZENSET"
        case .binPut: return "BINPUT"
        case .longBinPut: return "LONG_BINPUT"
        case .memoize: return "MEMOIZE"
        case .binGet: return "BINGET"
        case .longBinGet: return "LONG_BINGET"
        case .`global`: return "GLOBAL"
        case .stackGlobal: return "STACK_GLOBAL"
        case .reduce: return "REDUCE"
        case .newObj: return "NEWOBJ"
        case .newObjEx: return "NEWOBJ_EX"
        case .build: return "BUILD"
        case .binPersId: return "BINPERSID"
        }
    }

    /// Names of opcodes that are valid pickle but deliberately not executed, for error messages.
    static func unsupportedName(_ byte: UInt8) -> String? {
        switch byte {
        case 0x49: return "INT (protocol 0 text)"
        case 0x4c: return "LONG (protocol 0 text)"
        case 0x46: return "FLOAT (protocol 0 text)"
        case 0x53: return "STRING (protocol 0 text)"
        case 0x56: return "UNICODE (protocol 0 text)"
        case 0x70: return "PUT (protocol 0 text)"
        case 0x67: return "GET (protocol 0 text)"
        case 0x50: return "PERSID (protocol 0 text)"
        case 0x6f: return "OBJ (protocol 1)"
        case 0x69: return "INST (protocol 0)"
        case 0x82, 0x83, 0x84: return "EXT (extension registry)"
        case 0x97: return "NEXT_BUFFER (out-of-band buffer)"
        case 0x98: return "READONLY_BUFFER (out-of-band buffer)"
        default: return nil
        }
    }
}
