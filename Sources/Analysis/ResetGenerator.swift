import StyleGAN

/// The child with some tensors put back to the parent's values, run by the same engine.
public enum ResetGenerator {
    /// `Generator(config: child.config, parameters: child's tensors with target.names taken from
    /// the parent)`. The pair must be aligned.
    public static func make(parent: Generator, child: Generator, target: ResetTarget) throws -> Generator {
        var parameters = child.parameters
        for name in target.names {
            guard let p = parent.parameters[name] else {
                throw AlignmentError("cannot reset \(name): the parent has no such tensor")
            }
            guard parameters[name]?.shape == p.shape else {
                throw AlignmentError("cannot reset \(name): its shape differs between parent and child")
            }
            parameters[name] = p
        }
        return try Generator(config: child.config, parameters: parameters)
    }

    /// True when every tensor of the target is identical in parent and child, so the reset
    /// network is the child itself.
    public static func isNoOp(parent: Generator, child: Generator, target: ResetTarget) -> Bool {
        target.names.allSatisfy { parent.parameters[$0]?.data == child.parameters[$0]?.data }
    }
}
