/// The element types a safetensors header names. Every one is recognised so that the header's
/// sizes can be checked; the floating-point ones can become engine tensors.
enum SafetensorsDType: String {
    case bool = "BOOL", u8 = "U8", i8 = "I8", f8e4m3 = "F8_E4M3", f8e5m2 = "F8_E5M2"
    case i16 = "I16", u16 = "U16", f16 = "F16", bf16 = "BF16"
    case i32 = "I32", u32 = "U32", f32 = "F32"
    case i64 = "I64", u64 = "U64", f64 = "F64"

    var elementSize: Int {
        switch self {
        case .bool, .u8, .i8, .f8e4m3, .f8e5m2: return 1
        case .i16, .u16, .f16, .bf16: return 2
        case .i32, .u32, .f32: return 4
        case .i64, .u64, .f64: return 8
        }
    }

    /// The decoder for types that hold network weights; nil for integer and 8-bit float types.
    var floatingPoint: TorchDType? {
        switch self {
        case .f32: return .float32
        case .f16: return .float16
        case .bf16: return .bfloat16
        case .f64: return .float64
        default: return nil
        }
    }
}
