import XCTest
import StyleGAN
@testable import Semantics

final class EditTests: XCTestCase {
    func testAlphaZeroIsTheIdentity() throws {
        let g = try TestNetworks.network()
        let editor = try StyleEditor(generator: g, statistics: TestNetworks.statistics(g))
        let ws = try g.mapping(z: Tensor.seedLatents([0, 1, 2], zDim: g.config.zDim))
        let base = try g.styles(ws: ws)
        let unedited = try g.synthesis(ws: ws)
        let direction = Control(name: "d", kind: .direction((0..<9).map { Float($0) - 4 }, rows: 1..<5))
        for control in [Control(name: "6_5", kind: .channel(StyleChannel(layer: 6, channel: 5))), direction] {
            let styles = try editor.styles(ws: ws, base: base, control: control, alpha: 0)
            XCTAssertEqual(styles, base, control.name)
            let l = control.firstLayer(in: g.layout)
            XCTAssertEqual(try g.resume(from: g.state(before: l, styles: base), styles: styles), unedited, control.name)
            XCTAssertNotEqual(try g.synthesis(styles: editor.styles(ws: ws, base: base, control: control, alpha: 2)), unedited)
        }
    }

    func testChannelEditAddsAlphaSigmaToOneChannelOnly() throws {
        let g = try TestNetworks.network()
        let stats = try TestNetworks.statistics(g)
        let editor = try StyleEditor(generator: g, statistics: stats)
        let ws = try g.mapping(z: Tensor.seedLatents([3, 4], zDim: g.config.zDim))
        let base = try g.styles(ws: ws)
        let channel = StyleChannel(layer: 5, channel: 7)
        let edited = try editor.styles(ws: ws, base: base, control: Control(name: "x", kind: .channel(channel)), alpha: -3)
        for (l, (a, b)) in zip(edited.layers, base.layers).enumerated() {
            let d = a.shape[1]
            for i in 0..<a.count {
                let expected = l == 5 && i % d == 7 ? b.data[i] + -3 * stats.std[5][7] : b.data[i]
                XCTAssertEqual(a.data[i], expected)
            }
        }
    }

    /// An edit at style layer l: every skip image of an earlier block is unchanged, the state
    /// before l is the same with or without the edit, and resuming there equals a full pass.
    func testEditAtLayerLeavesEarlierLayersUnchangedAndResumeEqualsFullPass() throws {
        let g = try TestNetworks.network()
        let editor = try StyleEditor(generator: g, statistics: TestNetworks.statistics(g))
        let ws = try g.mapping(z: Tensor.seedLatents([7, 8], zDim: g.config.zDim))
        let base = try g.styles(ws: ws)
        for layer in g.layout.layers {
            let control = Control(name: "c", kind: .channel(StyleChannel(layer: layer.index, channel: 1)))
            let edited = try editor.styles(ws: ws, base: base, control: control, alpha: 5)
            let full = try g.synthesis(styles: edited)
            let fromBase = try g.resume(from: g.state(before: layer.index, styles: base), styles: edited)
            let fromEdited = try g.resume(from: g.state(before: layer.index, styles: edited), styles: edited)
            XCTAssertEqual(fromBase, full, "resume at \(layer.index)")
            XCTAssertEqual(fromEdited, fromBase, "state before \(layer.index) does not see the edit")
            XCTAssertNotEqual(full, try g.synthesis(styles: base), "edit at \(layer.index) changes the image")
            for r in g.config.blockResolutions where r < layer.resolution {
                XCTAssertEqual(try g.synthesis(styles: edited, upTo: r), try g.synthesis(styles: base, upTo: r),
                               "block \(r) before layer \(layer.index)")
            }
        }
    }

    func testDirectionMovesOnlyTheChosenRows() throws {
        let g = try TestNetworks.network()
        let ws = try g.mapping(z: Tensor.seedLatents([1], zDim: g.config.zDim))
        let d = (0..<9).map { Float($0) }
        let moved = StyleEditor.move(ws, along: d, rows: 2..<4, alpha: 0.5)
        for r in 0..<g.config.numWs {
            for i in 0..<9 {
                let k = r * 9 + i
                XCTAssertEqual(moved.data[k], ws.data[k] + ((2..<4).contains(r) ? 0.5 * d[i] : 0))
            }
        }
        let control = Control(name: "d", kind: .direction(d, rows: 2..<4))
        // Rows 2-3 first feed b8.conv1 (layer 3) in the skip layout.
        XCTAssertEqual(control.firstLayer(in: g.layout), g.layout.layers.firstIndex { $0.wIndex == 2 })
        XCTAssertEqual(Control(name: "all", kind: .direction(d, rows: nil)).firstLayer(in: g.layout), 0)
        XCTAssertThrowsError(try Control(name: "bad", kind: .direction(d, rows: 0..<99)).check(g.config))
        XCTAssertThrowsError(try Control(name: "short", kind: .direction([1, 2], rows: nil)).check(g.config))
        XCTAssertThrowsError(try Control(name: "nan", kind: .direction(d.map { _ in .nan }, rows: nil)).check(g.config))
    }

    func testStyleMixingTakesTheChosenRowsFromTheColumn() throws {
        let rows = Tensor(shape: [2, 4, 3], data: (0..<24).map(Float.init))
        let cols = Tensor(shape: [3, 4, 3], data: (0..<36).map { Float(100 + $0) })
        let mixed = try StyleMixing.mix(rowWs: rows, colWs: cols, styles: [0, 2])
        XCTAssertEqual(mixed.shape, [6, 4, 3])
        for r in 0..<2 {
            for c in 0..<3 {
                for k in 0..<4 {
                    let cell = Array(mixed.data[(((r * 3 + c) * 4 + k) * 3)..<(((r * 3 + c) * 4 + k + 1) * 3)])
                    let source = [0, 2].contains(k) ? Array(cols.data[((c * 4 + k) * 3)..<((c * 4 + k + 1) * 3)])
                                                     : Array(rows.data[((r * 4 + k) * 3)..<((r * 4 + k + 1) * 3)])
                    XCTAssertEqual(cell, source)
                }
            }
        }
        XCTAssertThrowsError(try StyleMixing.mix(rowWs: rows, colWs: cols, styles: [4]))
    }
}
