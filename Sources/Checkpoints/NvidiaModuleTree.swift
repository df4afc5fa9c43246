/// The modules and tensors of one `torch_utils.persistence` network, found by walking each
/// module's `_modules`, `_parameters` and `_buffers` and joining names with '.', which
/// reproduces `named_parameters()` / `named_buffers()` names (`synthesis.b8.conv0.weight`).
struct NvidiaModuleTree {
    struct Node {
        let path: String
        let module: PersistentModule
    }

    private(set) var modules: [Node] = []
    private(set) var tensors: [(name: String, tensor: TorchTensor)] = []

    init(root: PersistentModule) throws {
        var pending = [Node(path: "", module: root)]
        var seen = Set<ObjectIdentifier>()
        while let node = pending.popLast() {
            guard seen.insert(ObjectIdentifier(node.module)).inserted else {
                throw ReadFailure("module \(node.path) appears twice in the network")
            }
            modules.append(node)
            let state = node.module.state
            func child(_ name: String) -> String { node.path.isEmpty ? name : "\(node.path).\(name)" }
            for field in ["_parameters", "_buffers"] {
                guard let entries = try Self.entries(state, field, node) else { continue }
                for (key, value) in entries {
                    switch value {
                    case .tensor(let t): tensors.append((child(key), t))
                    case .none: continue
                    default: throw ReadFailure("\(child(key)) in \(field) is a \(value.kindName), not a tensor")
                    }
                }
            }
            if let entries = try Self.entries(state, "_modules", node) {
                // Reversed so that the stack visits children in their stored order.
                for (key, value) in entries.reversed() {
                    switch value {
                    case .module(let m): pending.append(Node(path: child(key), module: m))
                    case .none: continue
                    default: throw ReadFailure("submodule \(child(key)) is a \(value.kindName), not a network module")
                    }
                }
            }
        }
    }

    /// The module at a dotted path ("" is the root).
    func module(at path: String) -> PersistentModule? {
        modules.first { $0.path == path }?.module
    }

    private static func entries(_ state: PickleDict, _ field: String, _ node: Node) throws -> [(String, PickleValue)]? {
        guard let value = state[field] else { return nil }
        guard let dict = value.dictValue else {
            throw ReadFailure("\(node.module.className) \(node.path.isEmpty ? "(root)" : node.path) has a \(value.kindName) as \(field)")
        }
        return try zip(dict.keys, dict.values).map { key, v in
            guard let k = key.stringValue else { throw ReadFailure("\(field) of \(node.path) has a \(key.kindName) key") }
            return (k, v)
        }
    }
}
