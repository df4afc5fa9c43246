/// Recognises the container by its first bytes, unpickles its top-level object, and hands that
/// object to the reader whose structure it matches.
enum CheckpointContainer {
    static func read(_ source: ByteSource, networkKey: String?) throws -> NetworkContents {
        let bytes = source.buffer
        guard bytes.count > 0 else { throw ReadFailure("is empty") }
        let value: PickleValue
        var details: [(String, String)] = []
        // safetensors first: its header length is arbitrary, so its first byte may be 0x80 (PROTO).
        if isSafetensors(bytes) {
            return try SafetensorsNetwork.read(bytes, networkKey: networkKey)
        } else if TorchZipFormat.hasSignature(bytes) {
            let (v, record) = try TorchZipFormat.read(source)
            value = v
            details.append(("container", "torch zip, record \(record.isEmpty ? "(root)" : record)"))
        } else if LegacyTorchFormat.hasSignature(bytes) {
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

    /// safetensors: a u64 little-endian header length, then a JSON object that fills it (padded
    /// with spaces), so it starts with '{' and its last non-space byte is '}'.
    private static func isSafetensors(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count > 9, bytes[8] == UInt8(ascii: "{") else { return false }
        let length = (0 ..< 8).reduce(UInt64(0)) { $0 | UInt64(bytes[$1]) << (8 * UInt64($1)) }
        guard length >= 2, length <= UInt64(bytes.count - 8) else { return false }
        var end = 8 + Int(length) - 1
        while end > 8, bytes[end] == UInt8(ascii: " ") { end -= 1 }
        return bytes[end] == UInt8(ascii: "}")
    }
}
