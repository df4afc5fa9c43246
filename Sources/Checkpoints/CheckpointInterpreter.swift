/// Decides which network layout a top-level object holds.
enum CheckpointInterpreter {
    static func interpret(_ value: PickleValue, networkKey: String?) throws -> NetworkContents {
        switch value {
        case .dict(let dict):
            if NvidiaNetwork.isSnapshot(dict) { return try NvidiaNetwork.read(snapshot: dict, networkKey: networkKey) }
            if RosinalityNetwork.recognises(dict) { return try RosinalityNetwork.read(dict, networkKey: networkKey) }
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
