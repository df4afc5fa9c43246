import StyleGAN

/// The aligned-sample gallery: parent and child rendering the very same ws. The ws come from the
/// parent's mapping (with truncation toward the parent's w_avg), so any difference between the two
/// rows is made by the child's synthesis network alone.
public struct SameLatentGallery: Sendable {
    public let settings: RenderSettings
    /// [N, numWs, wDim], from the parent's mapping.
    public let ws: Tensor
    /// [N, C, r, r]: as rendered, shrunk to at most `settings.keptImageSide` (the distance was
    /// measured before shrinking).
    public let parentImages: Tensor
    public let childImages: Tensor
    public let distance: ImageDistance

    /// Forward passes `init` makes.
    public static func batchCount(settings: RenderSettings) -> Int { 2 * SeedRenderer(settings: settings).batchCount }

    public init(parent: Generator, child: Generator, settings: RenderSettings, progress: ProgressHandler? = nil) throws {
        try ModelComparison.checkAligned(parent: parent.config, child: child.config)
        let renderer = SeedRenderer(settings: settings)
        let total = Self.batchCount(settings: settings)
        var done = 0
        let step = { done += 1; progress?(done, total) }
        self.settings = settings
        ws = try renderer.ws(parent)
        let parentFull = try renderer.render(parent, ws: ws, step: step)
        let childFull = try renderer.render(child, ws: ws, step: step)
        distance = try ImageDistance(childFull, parentFull)
        parentImages = ImageThumbnails.shrink(parentFull, maxSide: settings.keptImageSide)
        childImages = ImageThumbnails.shrink(childFull, maxSide: settings.keptImageSide)
    }
}
