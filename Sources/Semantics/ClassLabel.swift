import StyleGAN

extension Generator {
    /// The one-hot labels a conditional network needs for `batch` samples of class `index`, nil
    /// for an unconditional network.
    func labels(_ index: Int?, batch: Int) throws -> Tensor? {
        guard config.cDim > 0 else { return nil }
        guard let index else { throw EngineError("this network is conditional (\(config.cDim) classes): a class index is needed") }
        return try classLabel(index, batch: batch)
    }
}
