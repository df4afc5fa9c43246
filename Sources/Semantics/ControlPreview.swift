import StyleGAN

/// Images of a control at a few strengths in both models, for figures: the same ws, the same
/// edit, rendered at `size` (or at the control's own block, box-averaged down to `size`, when
/// that block comes later, as the alignment measure does).
public struct ControlPreview: Sendable {
    /// images[model][alpha]: [N, C, size, size]; model 0 is the parent.
    public let images: [[Tensor]]

    public init(_ alignment: SemanticAlignment, control: Control, alphas: [Float], ws: Tensor, size: Int) throws {
        let layout = alignment.parent.generator.layout
        let first = control.firstLayer(in: layout)
        let s = alignment.settings
        let renderSize = AlignmentSettings.renderSize(size, firstLayer: first, layout: layout)
        images = try [alignment.parent, alignment.child].map { editor in
            let g = editor.generator
            let base = try g.styles(ws: ws)
            let state = try g.state(before: first, styles: base, noise: s.noise, noiseSeed: s.noiseSeed)
            return try alphas.map { alpha in
                let styles = try editor.styles(ws: ws, base: base, control: control, alpha: alpha)
                return try g.resume(from: state, styles: styles, noise: s.noise, noiseSeed: s.noiseSeed, upTo: renderSize)
                    .boxDownsampled(to: size)
            }
        }
    }
}
