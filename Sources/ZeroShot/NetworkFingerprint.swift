import StyleGAN

/// A content fingerprint of a generator: FNV-1a (64 bit) over every parameter's name, shape and
/// float32 bit pattern, in NVIDIA order. The same weights give the same fingerprint whatever
/// container they were read from; it identifies a network, it is not a cryptographic hash.
public enum NetworkFingerprint {
    public static func of(_ g: Generator) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01b3
        func mix(_ word: UInt64) {
            hash ^= word
            hash = hash &* prime
        }
        for spec in g.config.parameterSpecs {
            for byte in spec.name.utf8 { mix(UInt64(byte)) }
            for extent in spec.shape { mix(UInt64(truncatingIfNeeded: extent)) }
            guard let tensor = g.parameters[spec.name] else { continue }
            for value in tensor.data { mix(UInt64(value.bitPattern)) }
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
