import StyleGAN

/// Writes the safetensors layout (see `SafetensorsHeader`) for float32 tensors, in the order given.
/// The header is padded with spaces to a multiple of 8 bytes, as the reference writer does, so the
/// data starts 8-byte aligned.
enum SafetensorsEncoder {
    static func encode(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String]) throws -> [UInt8] {
        var header = "{"
        if !metadata.isEmpty {
            header += "\"__metadata__\":{"
            header += metadata.sorted { $0.key < $1.key }.map { "\(jsonString($0.key)):\(jsonString($0.value))" }.joined(separator: ",")
            header += "},"
        }
        var offset = 0
        var seen = Set<String>()
        for (name, tensor) in tensors {
            guard name != "__metadata__", seen.insert(name).inserted else {
                throw ConversionError("cannot write safetensors: tensor name \(name) is reserved or used twice")
            }
            let end = offset + tensor.count * 4
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            header += "\(jsonString(name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]},"
            offset = end
        }
        if header.hasSuffix(",") { header.removeLast() }
        header += "}"
        var headerBytes = Array(header.utf8)
        headerBytes += [UInt8](repeating: 0x20, count: (8 - headerBytes.count % 8) % 8)

        var out: [UInt8] = []
        out.reserveCapacity(8 + headerBytes.count + offset)
        for i in 0 ..< 8 { out.append(UInt8(truncatingIfNeeded: UInt64(headerBytes.count) >> (8 * UInt64(i)))) }
        out += headerBytes
        for (_, tensor) in tensors {
            // Little-endian hosts only (x86-64, arm64): the float bytes are already in file order.
            tensor.data.withUnsafeBytes { out.append(contentsOf: $0) }
        }
        return out
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
