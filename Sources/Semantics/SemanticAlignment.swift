import Analysis
import StyleGAN

/// Measures how the same controls act in a parent and its child (`ControlAlignment`).
///
/// Cost: controls are grouped by the first style layer they change. For each batch of seeds,
/// model and group, synthesis runs once up to that layer (`Generator.state(before:)`), and every
/// control of the group resumes from there and stops at the analysis resolution (or at the
/// control's own block when that comes later). The unedited image at each size is rendered once
/// per batch and model.
public struct SemanticAlignment: Sendable {
    public let parent: StyleEditor
    public let child: StyleEditor
    public let settings: AlignmentSettings

    /// `statistics` (the parent's) scales channel edits in both models; nil when only W
    /// directions are measured.
    public init(parent: Generator, child: Generator, statistics: StyleStatistics?, settings: AlignmentSettings) throws {
        try ModelComparison.checkAligned(parent: parent.config, child: child.config)
        try settings.check(parent.config)
        self.parent = try StyleEditor(generator: parent, statistics: statistics)
        self.child = try StyleEditor(generator: child, statistics: statistics)
        self.settings = settings
    }

    /// One result per control, in the order given. `progress` counts control × seed-batch units.
    public func measure(_ controls: [Control], progress: ProgressHandler? = nil) throws -> [ControlAlignment] {
        let layout = parent.generator.layout
        for control in controls { try control.check(parent.generator.config) }
        let groups = Dictionary(grouping: controls.indices) { controls[$0].firstLayer(in: layout) }
        var accumulators = [AlignmentAccumulator](repeating: AlignmentAccumulator(), count: controls.count)
        let batches = settings.batches
        let total = batches.count * controls.count
        var done = 0
        for seeds in batches {
            let ws = try settings.ws(seeds, parent.generator)
            let passes = try [Pass(editor: parent, ws: ws, settings: settings), Pass(editor: child, ws: ws, settings: settings)]
            // Unedited images per skip-image size, already reduced to the analysis size.
            var unedited: [[Int: Tensor]] = [[:], [:]]
            for layer in groups.keys.sorted() {
                let members = groups[layer] ?? []
                let size = AlignmentSettings.renderSize(settings.analysisResolution, firstLayer: layer, layout: layout)
                let states = try passes.map { try $0.state(before: min(layer, layout.layers.count)) }
                for m in 0..<2 where unedited[m][size] == nil {
                    unedited[m][size] = try passes[m].render(passes[m].styles, from: states[m], size: size)
                }
                for i in members {
                    let alpha = settings.alpha(for: controls[i])
                    let effects = try (0..<2).map { m in
                        let edited = try passes[m].editor.styles(ws: passes[m].ws, base: passes[m].styles,
                                                                 control: controls[i], alpha: alpha)
                        return EffectImage(base: unedited[m][size]!,
                                           edited: try passes[m].render(edited, from: states[m], size: size))
                    }
                    accumulators[i].add(parent: effects[0], child: effects[1])
                    done += 1
                    progress?(done, total)
                }
            }
        }
        return zip(controls, accumulators).map { $1.result($0) }
    }
}

/// One model's unedited styles for one batch of ws.
private struct Pass {
    let editor: StyleEditor
    let settings: AlignmentSettings
    let ws: Tensor
    let styles: StyleCodes

    init(editor: StyleEditor, ws: Tensor, settings: AlignmentSettings) throws {
        self.editor = editor
        self.settings = settings
        self.ws = ws
        styles = try editor.generator.styles(ws: ws)
    }

    func state(before layer: Int) throws -> SynthesisState {
        try editor.generator.state(before: layer, styles: styles, noise: settings.noise, noiseSeed: settings.noiseSeed)
    }

    /// Synthesis from `state` with `styles` up to the skip image after block `size`, reduced to
    /// the analysis size: [N, C, R, R].
    func render(_ styles: StyleCodes, from state: SynthesisState, size: Int) throws -> Tensor {
        try editor.generator.resume(from: state, styles: styles, noise: settings.noise, noiseSeed: settings.noiseSeed,
                                    upTo: size).boxDownsampled(to: settings.analysisResolution)
    }
}
