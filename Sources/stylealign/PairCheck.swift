import Analysis

/// Refuses a pair whose tensors do not correspond, naming the first differences.
func checkAligned(parent: LoadedModel, child: LoadedModel) throws {
    do {
        try ModelComparison.checkAligned(parent: parent.generator.config, child: child.generator.config)
    } catch let error as AlignmentError {
        throw CLIError("\(child.source): \(error.message) with \(parent.source)")
    }
}
