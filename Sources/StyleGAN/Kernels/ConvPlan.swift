/// How one conv layer is split into work items for the workers: contiguous chunks of global
/// rows (row g = n·H + y of the batch) times blocks of output channels. A worker runs an item
/// band by band (a few rows at a time), so its im2col / GEMM output stays in cache and the
/// epilogue sees rows that were just computed. Low-resolution layers have few rows but many
/// channels, so they are split by channel instead.
struct ConvPlan {
    let totalRows: Int
    let outChannels: Int
    let rowChunks: Int
    let channelBlocks: Int
    /// Rows computed by one GEMM.
    let bandRows: Int

    /// - rowWidth: GEMM columns per row.
    /// - bandColumns: GEMM columns per band the kernel wants (bandRows ≈ bandColumns / rowWidth).
    /// - minChannels: smallest channel block worth its own GEMM.
    init(totalRows: Int, rowWidth: Int, outChannels: Int, bandColumns: Int, minChannels: Int = 16,
         workers: Int) {
        self.totalRows = totalRows
        self.outChannels = outChannels
        bandRows = max(1, min(totalRows, bandColumns / max(1, rowWidth)))
        let bands = (totalRows + bandRows - 1) / bandRows
        // A few items per worker let a worker that finishes early take over the remaining ones.
        let wanted = workers > 1 ? 3 * workers : 1
        rowChunks = min(bands, wanted)
        let maxBlocks = max(1, outChannels / minChannels)
        channelBlocks = min(maxBlocks, max(1, (wanted + rowChunks - 1) / rowChunks))
    }

    var items: Int { rowChunks * channelBlocks }

    /// Rows and output channels of work item `t`.
    func item(_ t: Int) -> (rows: Range<Int>, channels: Range<Int>) {
        let c = t / channelBlocks, b = t % channelBlocks
        return (totalRows * c / rowChunks..<totalRows * (c + 1) / rowChunks,
                outChannels * b / channelBlocks..<outChannels * (b + 1) / channelBlocks)
    }
}
