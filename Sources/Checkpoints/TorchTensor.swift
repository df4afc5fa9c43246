import StyleGAN

/// A tensor as `_rebuild_tensor_v2/_v3` describes it: a view of a storage. It is materialised
/// into a float32 `Tensor` only when a reader asks for it, so the discriminator and optimiser
/// tensors of a snapshot are never copied.
final class TorchTensor {
    let storage: TorchStorage
    let view: StridedView
    /// The element type: the storage's, or `_rebuild_tensor_v3`'s dtype argument.
    let dtype: TorchDType

    init(storage: TorchStorage, view: StridedView, dtype: TorchDType? = nil) {
        self.storage = storage
        self.view = view
        self.dtype = dtype ?? storage.dtype
    }

    var shape: [Int] { view.shape }

    /// The values as float32 in C order; `name` is used in error messages.
    func materialize(name: String) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw ReadFailure("tensor \(name) holds \(dtype.rawValue) values; a floating-point tensor is needed")
        }
        guard let data = try storage.checkedData() else {
            throw ReadFailure("tensor \(name): its storage \(storage.key) has no data in the file")
        }
        let available = data.count / dtype.elementSize
        if let reason = view.problem(available: available) {
            throw ReadFailure("tensor \(name) \(reason)")
        }
        return Tensor(shape: view.shape, data: gatherFloats(from: data.bytes, dtype: dtype, view: view))
    }
}
