/// Recognises the container by its first bytes, unpickles its top-level object, and hands that
/// object to the reader whose structure it matches.
enum CheckpointContainer {
    static func read(_ source: ByteSource, networkKey: String?) throws -> NetworkContents {
        let bytes = source.buffer
        guard bytes.count > 0 else { throw ReadFailure("is empty") }
        let value: PickleValue
        var details: [(String, String)] = []
        if LegacyTorchFormat.hasSignature(bytes) {
            value = try LegacyTorchFormat.read(source.all, allowsStorageBlobs: false).value
            details.append(("container", "legacy torch.save file"))
        } else if bytes[0] == PickleOpcode.proto.rawValue {
            var machine = PickleMachine(input: source.all)
            let (v, _) = try machine.run()
            value = v
            details.append(("pickle protocol", machine.protocolVersion.map(String.init) ?? "?"))
        } else {
            let head = bytes.prefix(8).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
            throw ReadFailure("is not a checkpoint this tool reads (it starts with bytes \(head))")
        }
        var contents = try CheckpointInterpreter.interpret(value, networkKey: networkKey)
        contents.details += details
        return contents
    }
}

/// Decides which network layout a top-level object holds.
enum CheckpointInterpreter {
    static func interpret(_ value: PickleValue, networkKey: String?) throws -> NetworkContents {
        switch value {
        case .dict(let dict):
            if NvidiaNetwork.isSnapshot(dict) { return try NvidiaNetwork.read(snapshot: dict, networkKey: networkKey) }
            throw ReadFailure(NvidiaNetwork.noGeneratorMessage(dict))
        case .module(let module):
            return try NvidiaNetwork.read(generator: module, key: nil)
        case .tuple where value.tupleItems?.contains(where: TensorflowNetwork.isNetwork) == true:
            return try TensorflowNetwork.read(value, networkKey: networkKey)
        case .object where TensorflowNetwork.isNetwork(value):
            return try TensorflowNetwork.read(value, networkKey: networkKey)
        default:
            throw ReadFailure("holds a \(value.kindName), not a StyleGAN2 network")
        }
    }
}
