import Foundation

/// Grouped bars with optional error bars and value labels.
struct BarChartRenderer: FigureRenderer {
    let chart: BarChart

    private var scale: AxisScale {
        var values: [Double] = []
        for series in chart.series {
            for (index, value) in series.values.enumerated() {
                values.append(value)
                if let error = series.errors?[safe: index], error.isFinite {
                    values.append(value + abs(error))
                    values.append(value - abs(error))
                }
            }
        }
        // Room above the tallest bar for its value label.
        if chart.valueFormat != nil, let highest = values.filter({ $0.isFinite }).max(), highest > 0 {
            values.append(highest * (chart.logScale ? 2 : 1.1))
        }
        return AxisScale.forBars(values: values, isLog: chart.logScale)
    }

    private var legend: Legend {
        guard chart.series.count > 1 else { return Legend(entries: []) }
        return Legend(entries: chart.series.enumerated().map {
            Legend.Entry(name: $0.element.name, color: Theme.seriesColor($0.offset), mark: .box)
        })
    }

    func height(width: Double, maxHeight: Double, canvas: Canvas) -> Double {
        guard !chart.categories.isEmpty, !chart.series.isEmpty else { return min(PlotProportions.emptyHeight, maxHeight) }
        let plotHeight = PlotProportions.plotHeight(width: width)
        let total = XYFrame.height(width: width, plotHeight: plotHeight, xAxis: .categories(chart.categories),
                                   yScale: scale, xLabel: chart.xLabel, yLabel: chart.yLabel, legend: legend,
                                   canvas: canvas)
        return min(total, maxHeight)
    }

    func draw(in rect: Rect, canvas: Canvas) {
        guard !chart.categories.isEmpty, !chart.series.isEmpty else {
            canvas.noData(in: rect)
            return
        }
        let frame = XYFrame(in: rect, xAxis: .categories(chart.categories), yScale: scale, xLabel: chart.xLabel,
                            yLabel: chart.yLabel, legend: legend, canvas: canvas)
        frame.drawGrid(canvas: canvas)
        let seriesCount = Double(chart.series.count)
        let baseline = frame.baselineY
        for categoryIndex in chart.categories.indices {
            let slot = frame.slot(categoryIndex)
            let groupWidth = slot.width * (chart.series.count == 1 ? 0.66 : 0.8)
            let barWidth = groupWidth / seriesCount
            let groupLeft = slot.x + (slot.width - groupWidth) / 2
            for (seriesIndex, series) in chart.series.enumerated() {
                guard let value = series.values[safe: categoryIndex], let top = frame.y(value) else { continue }
                let clampedTop = min(max(top, frame.plot.y), frame.plot.maxY)
                let left = groupLeft + Double(seriesIndex) * barWidth
                // A hairline gap between neighbouring bars keeps them apart when printed.
                let gap = chart.series.count > 1 ? min(0.6, barWidth * 0.1) : 0
                let bar = Rect(x: left + gap / 2, y: min(clampedTop, baseline), width: barWidth - gap,
                               height: abs(baseline - clampedTop))
                canvas.fill(bar, Theme.seriesColor(seriesIndex))
                let centre = left + barWidth / 2
                if let error = series.errors?[safe: categoryIndex], error.isFinite, error != 0 {
                    drawErrorBar(value: value, error: abs(error), x: centre, capWidth: min(barWidth * 0.5, 6),
                                 frame: frame, canvas: canvas)
                }
                if let format = chart.valueFormat {
                    drawValueLabel(format.text(value), value: value, x: centre, bar: bar, barTop: clampedTop,
                                   canvas: canvas)
                }
            }
        }
        frame.drawAxes(canvas: canvas)
    }

    private func drawErrorBar(value: Double, error: Double, x: Double, capWidth: Double, frame: XYFrame,
                              canvas: Canvas) {
        guard let high = frame.y(value + error) else { return }
        let low = frame.y(value - error) ?? frame.plot.maxY
        let color = Theme.text
        canvas.line(x, low, x, high, color, width: 0.8)
        canvas.line(x - capWidth / 2, high, x + capWidth / 2, high, color, width: 0.8)
        canvas.line(x - capWidth / 2, low, x + capWidth / 2, low, color, width: 0.8)
    }

    private func drawValueLabel(_ text: String, value: Double, x: Double, bar: Rect, barTop: Double,
                                canvas: Canvas) {
        let font = FigureFonts.annotation
        let above = value >= 0 || chart.logScale
        let textWidth = canvas.width(text, font)
        if textWidth <= bar.width * 1.6 {
            let baseline = above ? barTop - 2.5 : barTop + 2.5 + font.size
            canvas.text(text, x: x, baseline: baseline, font, align: .center)
            return
        }
        // Narrow bars: the label runs along the bar, inside it when the bar is long enough
        // (so tall bars never push labels out of the frame), beyond its end otherwise.
        if bar.height >= textWidth + 6 {
            var inside = font
            inside.color = Color(hex: 0xFFFFFF)
            let y = above ? barTop + 3 : barTop - 3
            canvas.rotatedText(text, x: x, y: y, angle: -Double.pi / 2, inside, align: above ? .right : .left)
        } else {
            let y = above ? barTop - 2.5 : barTop + 2.5
            canvas.rotatedText(text, x: x, y: y, angle: -Double.pi / 2, font, align: above ? .left : .right)
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        index >= 0 && index < count ? self[index] : nil
    }
}
