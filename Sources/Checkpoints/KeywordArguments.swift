/// Keyword arguments as a checkpoint stores them: a dict, or a dict subclass such as
/// `dnnlib.util.EasyDict` (whose items arrive through SETITEMS). Only string keys count.
struct KeywordArguments {
    private(set) var values: [String: PickleValue] = [:]

    init() {}

    init(_ value: PickleValue?, _ what: String) throws {
        guard let value else { return }
        let dict: PickleDict
        switch value {
        case .none: return
        case .dict(let d): dict = d
        case .object(let o) where o.listItems.isEmpty: dict = o.items
        default: throw ReadFailure("\(what) is a \(value.kindName), not a dict")
        }
        for (k, v) in zip(dict.keys, dict.values) {
            if let key = k.stringValue { values[key] = v }
        }
    }

    subscript(name: String) -> PickleValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    var isEmpty: Bool { values.isEmpty }
}

extension PersistentModule {
    /// One of the module's own attributes (its `__dict__` entry).
    func attribute(_ name: String) -> PickleValue? { state[name] }
}
