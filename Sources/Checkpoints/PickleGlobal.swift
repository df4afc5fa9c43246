/// A `module.name` reference from GLOBAL / STACK_GLOBAL, resolved against the allow-list below.
/// Only names that real StyleGAN checkpoints use are known; everything else (`os.system`,
/// `builtins.eval`, `subprocess.Popen`, ...) is refused the moment the pickle names it.
struct PickleGlobal {
    enum Kind {
        // Calls the machine evaluates itself, with no code run (see PickleCalls).
        case orderedDict, set, frozenset, codecsEncode
        case rebuildTensorV2, rebuildTensorV3, rebuildParameter, rebuildParameterWithState
        case loadStorageFromBytes, reconstructPersistentObject
        case numpyDType, numpyScalar, numpyReconstruct, copyregReconstructor
        /// Only ever an argument: `numpy.ndarray` to `_reconstruct`, `builtins.object` to `_reconstructor`.
        case marker
        /// A torch storage class such as `torch.FloatStorage`.
        case storageClass(TorchDType)
        /// A torch dtype constant such as `torch.float32` (the dtype argument of `_rebuild_tensor_v3`).
        case torchDType(TorchDType)
        /// A plain data class whose instances are generic objects.
        case plainClass
    }

    let module: String
    let name: String
    let kind: Kind

    var qualifiedName: String { "\(module).\(name)" }

    init(module: String, name: String) throws {
        self.module = module
        self.name = name
        guard let kind = PickleGlobal.resolve(module: module, name: name) else {
            throw ReadFailure("refuses to call \(module).\(name): a checkpoint is data, not code")
        }
        self.kind = kind
    }

    private static func resolve(module: String, name: String) -> Kind? {
        switch (module, name) {
        case ("collections", "OrderedDict"): return .orderedDict
        case ("builtins", "set"), ("__builtin__", "set"): return .set
        case ("builtins", "frozenset"), ("__builtin__", "frozenset"): return .frozenset
        case ("_codecs", "encode"): return .codecsEncode
        case ("torch._utils", "_rebuild_tensor_v2"): return .rebuildTensorV2
        case ("torch._utils", "_rebuild_tensor_v3"): return .rebuildTensorV3
        case ("torch._utils", "_rebuild_parameter"): return .rebuildParameter
        case ("torch._utils", "_rebuild_parameter_with_state"): return .rebuildParameterWithState
        case ("torch.storage", "_load_from_bytes"): return .loadStorageFromBytes
        case ("torch_utils.persistence", "_reconstruct_persistent_obj"): return .reconstructPersistentObject
        case ("numpy", "dtype"): return .numpyDType
        case ("numpy.core.multiarray", "scalar"), ("numpy._core.multiarray", "scalar"): return .numpyScalar
        case ("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "_reconstruct"): return .numpyReconstruct
        case ("copyreg", "_reconstructor"), ("copy_reg", "_reconstructor"): return .copyregReconstructor
        case ("numpy", "ndarray"), ("builtins", "object"), ("__builtin__", "object"): return .marker
        case ("dnnlib.util", "EasyDict"), ("dnnlib", "EasyDict"), ("argparse", "Namespace"),
             ("dnnlib.tflib.network", "Network"):
            return .plainClass
        case ("torch", _):
            if let t = TorchDType(storageClassName: name) { return .storageClass(t) }
            if let t = TorchDType(dtypeName: name) { return .torchDType(t) }
            return nil
        default:
            return nil
        }
    }
}
