import Foundation

/// The axes shared by bar charts, line plots and histograms: margins sized to the labels,
/// light horizontal grid, left and bottom spines, ticks, axis labels and a legend on top.
struct XYFrame {
    enum XAxis {
        /// Evenly spaced slots, one per category (bar charts).
        case categories([String])
        case numeric(AxisScale)
    }

    private enum CategoryLabelMode {
        case horizontal
        case wrapped([[String]])
        /// Rotated 45°, showing every `stride`-th label.
        case rotated(stride: Int)
    }

    private static let tickLength = 3.0
    private static let topPadding = 6.0
    private static let maxRotatedLabelWidth = 110.0

    let plot: Rect
    let xAxis: XAxis
    let yScale: AxisScale
    let xLabel: String?
    let yLabel: String
    let legend: Legend
    private let legendOrigin: (x: Double, y: Double, width: Double)
    private let categoryMode: CategoryLabelMode

    /// Lays the frame out inside rect.
    init(in rect: Rect, xAxis: XAxis, yScale: AxisScale, xLabel: String?, yLabel: String, legend: Legend,
         canvas: Canvas) {
        self.xAxis = xAxis
        self.yScale = yScale
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.legend = legend
        var left = rect.x + Self.leftMargin(yScale: yScale, yLabel: yLabel, canvas: canvas)
        let right = rect.maxX - Self.rightMargin(xAxis: xAxis, canvas: canvas)
        let mode = Self.categoryMode(xAxis: xAxis, plotWidth: max(right - left, 1), canvas: canvas)
        left += Self.rotatedLabelOverhang(xAxis: xAxis, mode: mode, leftMargin: left - rect.x,
                                          plotWidth: max(right - left, 1), canvas: canvas)
        let legendHeight = legend.height(width: right - left, canvas: canvas)
        let top = rect.y + legendHeight + Self.topPadding
        let width = max(right - left, 1)
        let bottom = rect.maxY - Self.bottomMargin(xAxis: xAxis, mode: mode, xLabel: xLabel, canvas: canvas)
        plot = Rect(x: left, y: top, width: width, height: max(bottom - top, 1))
        legendOrigin = (left, rect.y, width)
        categoryMode = mode
    }

    /// Total height for a given plot-area height at this width.
    static func height(width: Double, plotHeight: Double, xAxis: XAxis, yScale: AxisScale, xLabel: String?,
                       yLabel: String, legend: Legend, canvas: Canvas) -> Double {
        let left = leftMargin(yScale: yScale, yLabel: yLabel, canvas: canvas)
        let plotWidth = max(width - left - rightMargin(xAxis: xAxis, canvas: canvas), 1)
        let mode = categoryMode(xAxis: xAxis, plotWidth: plotWidth, canvas: canvas)
        return legend.height(width: plotWidth, canvas: canvas) + topPadding + plotHeight
            + bottomMargin(xAxis: xAxis, mode: mode, xLabel: xLabel, canvas: canvas)
    }

    // MARK: coordinates

    /// Page y of a value on the y axis; nil when the scale cannot show it.
    func y(_ value: Double) -> Double? {
        yScale.fraction(value).map { plot.maxY - $0 * plot.height }
    }

    /// Page x of a numeric value.
    func x(_ value: Double) -> Double? {
        guard case .numeric(let scale) = xAxis else { return nil }
        return scale.fraction(value).map { plot.x + $0 * plot.width }
    }

    /// The slot of category `index` (bar charts).
    func slot(_ index: Int) -> (x: Double, width: Double) {
        guard case .categories(let names) = xAxis, !names.isEmpty else { return (plot.x, plot.width) }
        let width = plot.width / Double(names.count)
        return (plot.x + Double(index) * width, width)
    }

    /// The y of the value axis baseline: zero, or the bottom for log axes.
    var baselineY: Double {
        if yScale.isLog { return plot.maxY }
        return y(min(max(0, yScale.lower), yScale.upper)) ?? plot.maxY
    }

    // MARK: drawing

    /// Grid lines, drawn under the data.
    func drawGrid(canvas: Canvas) {
        for tick in yScale.ticks {
            guard let y = y(tick) else { continue }
            canvas.line(plot.x, y, plot.maxX, y, Theme.grid, width: 0.5)
        }
    }

    /// Spines, ticks, labels and legend, drawn over the data.
    func drawAxes(canvas: Canvas) {
        let spine = 0.7
        canvas.line(plot.x, plot.y, plot.x, plot.maxY, Theme.axis, width: spine)
        canvas.line(plot.x, plot.maxY, plot.maxX, plot.maxY, Theme.axis, width: spine)
        // A zero line inside the frame, unless it would sit right on the bottom spine.
        if !yScale.isLog, yScale.lower < 0, yScale.upper > 0, let zero = y(0), plot.maxY - zero > 2 {
            canvas.line(plot.x, zero, plot.maxX, zero, Theme.axis, width: 0.5)
        }

        for tick in yScale.ticks {
            guard let y = y(tick) else { continue }
            canvas.line(plot.x - Self.tickLength, y, plot.x, y, Theme.axis, width: spine)
            canvas.text(yScale.tickLabel(tick), x: plot.x - Self.tickLength - 2.5, middle: y, FigureFonts.tick,
                        align: .right)
        }
        let yLabelX = plot.x - Self.tickLength - 2.5 - Self.widestTick(yScale, canvas) - 8
            - FigureFonts.axisLabel.size / 2
        canvas.verticalText(yLabel, centerX: yLabelX, centerY: plot.midY, FigureFonts.axisLabel)

        let tickTop = plot.maxY + Self.tickLength
        var labelsBottom = tickTop
        switch xAxis {
        case .numeric(let scale):
            // Labels that would collide with the previous one are left out (their ticks stay).
            var lastLabelEnd = -Double.infinity
            for tick in scale.ticks {
                guard let x = x(tick) else { continue }
                canvas.line(x, plot.maxY, x, tickTop, Theme.axis, width: spine)
                let label = scale.tickLabel(tick)
                let halfWidth = canvas.width(label, FigureFonts.tick) / 2
                guard x - halfWidth >= lastLabelEnd + 4 else { continue }
                canvas.text(label, x: x, baseline: tickTop + 2 + FigureFonts.tick.size, FigureFonts.tick, align: .center)
                lastLabelEnd = x + halfWidth
            }
            labelsBottom = tickTop + 2 + FigureFonts.tick.lineHeight
        case .categories(let names):
            labelsBottom = drawCategoryLabels(names, top: tickTop, canvas: canvas)
        }
        if let xLabel {
            canvas.text(xLabel, x: plot.midX, baseline: labelsBottom + 4 + FigureFonts.axisLabel.size,
                        FigureFonts.axisLabel, align: .center)
        }
        legend.draw(x: legendOrigin.x, y: legendOrigin.y, width: legendOrigin.width, canvas: canvas)
    }

    /// Returns the y below the lowest label.
    private func drawCategoryLabels(_ names: [String], top: Double, canvas: Canvas) -> Double {
        let font = FigureFonts.tick
        switch categoryMode {
        case .horizontal:
            for (index, name) in names.enumerated() {
                let slot = slot(index)
                canvas.text(name, x: slot.x + slot.width / 2, baseline: top + 2 + font.size, font, align: .center)
            }
            return top + 2 + font.lineHeight
        case .wrapped(let lines):
            for (index, labelLines) in lines.enumerated() {
                let slot = slot(index)
                for (lineIndex, line) in labelLines.enumerated() {
                    canvas.text(line, x: slot.x + slot.width / 2,
                                baseline: top + 2 + font.size + Double(lineIndex) * font.lineHeight, font, align: .center)
                }
            }
            return top + 2 + 2 * font.lineHeight
        case .rotated(let stride):
            var lowest = top
            for (index, name) in names.enumerated() where index % stride == 0 {
                let slot = slot(index)
                let text = TextWrapper.truncated(name, width: Self.maxRotatedLabelWidth, font: font, canvas: canvas)
                let centre = slot.x + slot.width / 2
                canvas.line(centre, plot.maxY, centre, top, Theme.axis, width: 0.7)
                // Anchor the end of the text just below the tick, reading up to the right.
                canvas.rotatedText(text, x: centre + 2, y: top + 4, angle: -Double.pi / 4, font, align: .right)
                lowest = max(lowest, top + 4 + canvas.width(text, font) * 0.7071 + font.size * 0.5)
            }
            return lowest
        }
    }

    // MARK: margins

    private static func widestTick(_ scale: AxisScale, _ canvas: Canvas) -> Double {
        scale.ticks.map { canvas.width(scale.tickLabel($0), FigureFonts.tick) }.max() ?? 0
    }

    private static func leftMargin(yScale: AxisScale, yLabel: String, canvas: Canvas) -> Double {
        tickLength + 2.5 + widestTick(yScale, canvas) + 8 + FigureFonts.axisLabel.size + 2
    }

    private static func rightMargin(xAxis: XAxis, canvas: Canvas) -> Double {
        guard case .numeric(let scale) = xAxis, let last = scale.ticks.last else { return 6 }
        return max(6, canvas.width(scale.tickLabel(last), FigureFonts.tick) / 2 + 2)
    }

    private static func categoryMode(xAxis: XAxis, plotWidth: Double, canvas: Canvas) -> CategoryLabelMode {
        guard case .categories(let names) = xAxis, !names.isEmpty else { return .horizontal }
        let font = FigureFonts.tick
        let slotWidth = plotWidth / Double(names.count)
        let room = slotWidth - 4
        if names.allSatisfy({ canvas.width($0, font) <= room }) { return .horizontal }
        let wrapped = names.map { TextWrapper.lines($0, width: room, font: font, canvas: canvas) }
        let wordsIntact = zip(names, wrapped).allSatisfy { name, lines in
            lines.joined(separator: " ") == name.split(separator: " ").joined(separator: " ")
        }
        if room > 20, wordsIntact, wrapped.allSatisfy({ $0.count <= 2 }) { return .wrapped(wrapped) }
        let stride = max(1, Int((font.lineHeight / slotWidth).rounded(.up)))
        return .rotated(stride: stride)
    }

    /// How far rotated category labels would reach left of the figure; the plot moves right by that much.
    private static func rotatedLabelOverhang(xAxis: XAxis, mode: CategoryLabelMode, leftMargin: Double,
                                             plotWidth: Double, canvas: Canvas) -> Double {
        guard case .categories(let names) = xAxis, case .rotated(let stride) = mode, !names.isEmpty else { return 0 }
        let font = FigureFonts.tick
        let slotWidth = plotWidth / Double(names.count)
        var overhang = 0.0
        for (index, name) in names.enumerated() where index % stride == 0 {
            let width = canvas.width(TextWrapper.truncated(name, width: maxRotatedLabelWidth, font: font, canvas: canvas), font)
            let reach = width * 0.7071 + font.size * 0.4 - 2
            overhang = max(overhang, reach - leftMargin - (Double(index) + 0.5) * slotWidth)
        }
        // The plot narrows as it moves, which moves the labels a little further left.
        return overhang * 1.1
    }

    private static func bottomMargin(xAxis: XAxis, mode: CategoryLabelMode, xLabel: String?, canvas: Canvas) -> Double {
        let font = FigureFonts.tick
        var labels = 2 + font.lineHeight
        if case .categories(let names) = xAxis {
            switch mode {
            case .horizontal: break
            case .wrapped: labels = 2 + 2 * font.lineHeight
            case .rotated:
                let widest = names.map {
                    canvas.width(TextWrapper.truncated($0, width: maxRotatedLabelWidth, font: font, canvas: canvas), font)
                }.max() ?? 0
                labels = 4 + widest * 0.7071 + font.size * 0.5
            }
        }
        let label = xLabel == nil ? 2 : 4 + FigureFonts.axisLabel.lineHeight
        return tickLength + labels + label
    }
}
