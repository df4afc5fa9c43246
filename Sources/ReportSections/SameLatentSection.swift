import Analysis
import Report
import StyleGAN

/// "Same latent, two models": parent and child rendering the very same ws, side by side.
public struct SameLatentSection: ReportSection {
    public let id = "gallery"
    public let title = "Same latent, two models"
    public let summary = "parent and child images of the same ws (the aligned-sample gallery)"

    public init() {}

    public func batchCount(_ context: SectionContext) -> Int { SameLatentGallery.batchCount(settings: context.settings) }

    public func make(_ context: SectionContext) throws -> SectionCells {
        let gallery = try SameLatentGallery(parent: context.parent.generator, child: context.child.generator,
                                            settings: context.settings, progress: context.progress)
        let resolution = context.settings.outputResolution(context.child.generator.config)
        let s = context.settings
        let grid = ImageGrid(images: [RGBImages.of(gallery.parentImages), RGBImages.of(gallery.childImages)],
                             rowLabels: ["parent", "child"], columnLabels: s.seeds.map { "\($0)" },
                             columnAxisTitle: "seed")
        let figure = Figure(name: "same-latent-gallery",
                            caption: "Aligned samples: the same ws rendered by both networks. Rows: parent, child; columns: seeds. The ws come from the parent's mapping network (\(s.truncation.psi == 1 ? "no truncation" : "ψ = \(s.truncation.psi) toward the parent's w_avg")), so the rows differ only through the synthesis networks; noise \(s.noise.rawValue), \(resolution) × \(resolution) px.",
                            content: .imageGrid(grid))
        return SectionCells(body: [
            .prose("Aligned models map the same latent code to corresponding images: the child's image keeps the pose, layout and colours of the parent's while taking on the child's domain."),
            .figure(figure),
            .prose("Mean absolute pixel difference between the two rows: \(Cells.distanceText(gallery.distance.pixel)); after 8 × 8 box down-sampling: \(Cells.distanceText(gallery.distance.structure)) (values in [-1, 1], mean over \(s.seeds.count) seed\(s.seeds.count == 1 ? "" : "s"))."),
        ])
    }
}
