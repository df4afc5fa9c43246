/// What every conv kernel of a synthesis layer reads and writes. Raw pointers: valid only inside
/// the `SynthesisLayer` call that made them.
struct ConvOperands {
    /// [I, N, H, W]
    let x: UnsafePointer<Float>
    let inChannels: Int, batch: Int, height: Int, width: Int
    /// [N, I]: the style of each sample's input channel.
    let styles: UnsafePointer<Float>
    let outChannels: Int
    /// [O, N, H, W], or [O, N, 2H, 2W] for the up-sampling conv.
    let y: UnsafeMutablePointer<Float>
    let epilogue: ConvEpilogue

    /// Input values per channel: N·H·W.
    var inputColumns: Int { batch * height * width }
}
