/// A value built by the pickle machine. Nothing in here can run code: callables are `global`
/// references resolved against an allow-list, and "calling" one builds one of these values.
///
/// Objects that a pickle may change after creating them (lists, dicts, sets, instances, numpy
/// arrays and dtypes) are reference types, so a memo reference (BINGET) shares the very object
/// that a later SETITEMS or BUILD fills in.
enum PickleValue {
    case none
    case bool(Bool)
    case int(Int)
    /// An integer wider than 64 bits, as little-endian two's-complement bytes (the legacy torch magic).
    case bigInt(ByteSlice)
    case float(Double)
    case string(String)
    case bytes(ByteSlice)
    case tuple(PickleTuple)
    case list(PickleList)
    case set(PickleList)
    case dict(PickleDict)
    case global(PickleGlobal)
    /// An instance of an allow-listed plain class (EasyDict, argparse.Namespace, a TF Network, ...).
    case object(PickleObject)
    /// A `torch_utils.persistence` module: class name and `__dict__`; its source is never kept.
    case module(PersistentModule)
    case storage(TorchStorage)
    case tensor(TorchTensor)
    case ndarray(PickledNDArray)
    case dtype(PickledDType)

    /// Container nesting below this value; scalars are 0.
    var depth: Int {
        switch self {
        case .tuple(let t): return t.depth
        case .list(let c), .set(let c): return c.depth
        case .dict(let c): return c.depth
        case .object(let c): return c.depth
        case .module(let c): return c.depth
        case .ndarray(let c): return c.depth
        case .dtype(let c): return c.depth
        case .tensor, .storage: return 1
        default: return 0
        }
    }

    /// The mutable object this value refers to, if any.
    var mutableNode: PickleNode? {
        switch self {
        case .list(let c), .set(let c): return c
        case .dict(let c): return c
        case .object(let c): return c
        case .ndarray(let c): return c
        case .dtype(let c): return c
        default: return nil
        }
    }

    /// A short name of the value's kind for error messages ("dict", "module Generator").
    var kindName: String {
        switch self {
        case .none: return "None"
        case .bool: return "bool"
        case .int, .bigInt: return "int"
        case .float: return "float"
        case .string: return "str"
        case .bytes: return "bytes"
        case .tuple: return "tuple"
        case .list: return "list"
        case .set: return "set"
        case .dict: return "dict"
        case .global(let g): return "reference to \(g.qualifiedName)"
        case .object(let o): return o.typeName
        case .module(let m): return "module \(m.className)"
        case .storage: return "torch storage"
        case .tensor: return "tensor"
        case .ndarray: return "numpy array"
        case .dtype: return "numpy dtype"
        }
    }

    var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }
    /// Python ints and floats (and numpy scalars, which decode to these) as a Double.
    var numberValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }
    var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    var isNone: Bool { if case .none = self { return true } else { return false } }
    var tupleItems: [PickleValue]? { if case .tuple(let t) = self { return t.items } else { return nil } }
    var dictValue: PickleDict? { if case .dict(let d) = self { return d } else { return nil } }
    /// Items of a tuple or a list, which pickles use interchangeably for sequences.
    var sequenceItems: [PickleValue]? {
        switch self {
        case .tuple(let t): return t.items
        case .list(let l): return l.items
        default: return nil
        }
    }
}
