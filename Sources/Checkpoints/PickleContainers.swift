/// How deeply containers may nest, and how many marks may be open at once. Real StyleGAN
/// checkpoints nest about 30 levels. Releasing a nested value recurses in the Swift runtime, so
/// the cap is enforced while building, before any deeper graph exists, and it is low enough that
/// releasing the deepest allowed value fits a 512 KB thread stack even in a debug build (about
/// 400 bytes of stack per level there; 1,000 levels do not fit 256 KB).
enum PickleLimits {
    static let maxDepth = 1_000
    static let maxStackCount = 4_000_000
    static let maxMemoCount = 4_000_000
}

/// A mutable pickle object. Once it has been stored inside another container it is *sealed*:
/// pickles written by Python finish every object before storing it (except for cyclic
/// structures, which no checkpoint contains), so a later change is refused. That makes the
/// recorded depth final and rules out reference cycles.
class PickleNode {
    fileprivate(set) var depth = 1
    fileprivate(set) var isSealed = false

    /// Records that `child` now lives inside this node; returns after checking the depth cap.
    func adopt(_ child: PickleValue) throws {
        let d = try seal(child)
        try checkUnsealed()
        if d + 1 > depth {
            guard d + 1 <= PickleLimits.maxDepth else { throw ReadFailure.nestedTooDeeply }
            depth = d + 1
        }
    }

    func checkUnsealed() throws {
        guard !isSealed else {
            throw ReadFailure("pickle modifies an object after storing it elsewhere (a cyclic structure, which checkpoints do not contain)")
        }
    }
}

/// Seals the mutable object behind `value` (if any) and returns its depth.
func seal(_ value: PickleValue) throws -> Int {
    if let node = value.mutableNode { node.isSealed = true }
    return value.depth
}

extension ReadFailure {
    static let nestedTooDeeply = ReadFailure("pickle is nested too deeply (more than \(PickleLimits.maxDepth) levels)")
}

/// An immutable tuple; its items are sealed when it is made.
final class PickleTuple {
    let items: [PickleValue]
    let depth: Int

    init(_ items: [PickleValue]) throws {
        var d = 0
        for item in items { d = max(d, try seal(item)) }
        guard d + 1 <= PickleLimits.maxDepth else { throw ReadFailure.nestedTooDeeply }
        self.items = items
        self.depth = d + 1
    }
}

/// A list or a set (sets keep their items in pickle order; nothing here needs set semantics).
final class PickleList: PickleNode {
    private(set) var items: [PickleValue] = []

    func append(_ value: PickleValue) throws {
        try adopt(value)
        items.append(value)
    }
}

/// A dict, OrderedDict or the items of a dict subclass, in insertion order. String keys are
/// indexed (setting one again replaces its value, as Python does); other keys are kept in order.
final class PickleDict: PickleNode {
    private(set) var keys: [PickleValue] = []
    private(set) var values: [PickleValue] = []
    private var stringIndex: [String: Int] = [:]

    func set(_ key: PickleValue, _ value: PickleValue) throws {
        try adopt(key)
        try adopt(value)
        if case .string(let s) = key {
            if let i = stringIndex[s] { values[i] = value; return }
            stringIndex[s] = keys.count
        }
        keys.append(key)
        values.append(value)
    }

    subscript(key: String) -> PickleValue? {
        stringIndex[key].map { values[$0] }
    }

    var count: Int { keys.count }

    /// The keys as text, for error messages ("G, D, G_ema"); long lists are cut after 12.
    var keyList: String {
        let shown = keys.prefix(12).map { $0.stringValue ?? $0.kindName }.joined(separator: ", ")
        return keys.count > 12 ? "\(shown) and \(keys.count - 12) more" : shown
    }
}

/// An instance of an allow-listed class: what `cls.__new__` plus SETITEMS/APPENDS/BUILD produce.
final class PickleObject: PickleNode {
    let typeName: String
    let args: [PickleValue]
    /// Items a dict subclass received through SETITEM(S) (EasyDict's contents).
    let items = PickleDict()
    private(set) var listItems: [PickleValue] = []
    private(set) var state: PickleValue?

    init(typeName: String, args: [PickleValue]) throws {
        self.typeName = typeName
        self.args = args
        super.init()
        for a in args { try adopt(a) }
    }

    func setItem(_ key: PickleValue, _ value: PickleValue) throws {
        try checkUnsealed()
        try items.set(key, value)
        try noteChildDepth(items.depth)
    }

    func append(_ value: PickleValue) throws {
        try adopt(value)
        listItems.append(value)
    }

    func build(_ newState: PickleValue) throws {
        try adopt(newState)
        state = newState
    }

    private func noteChildDepth(_ d: Int) throws {
        guard d + 1 <= PickleLimits.maxDepth else { throw ReadFailure.nestedTooDeeply }
        depth = max(depth, d + 1)
    }

    /// Looks a key up in the items (dict subclasses) and then in a dict state (plain instances).
    subscript(key: String) -> PickleValue? {
        if let v = items[key] { return v }
        if case .dict(let d)? = state { return d[key] }
        return nil
    }
}

/// A `torch_utils.persistence` object: `_reconstruct_persistent_obj(meta)` with the class name and
/// the module's `__dict__` kept, and `module_src` dropped unread.
final class PersistentModule: PickleNode {
    let className: String
    let state: PickleDict

    init(className: String, state: PickleDict) throws {
        self.className = className
        self.state = state
        super.init()
        try adopt(.dict(state))
    }
}
