/// Counts over caller-given bins: filled bars for one series, translucent overlaid steps for several.
struct HistogramRenderer: FigureRenderer {
    let histogram: Histogram

    private var hasData: Bool { histogram.binEdges.count >= 2 && !histogram.series.isEmpty }

    private var xScale: AxisScale {
        let edges = histogram.binEdges.filter { $0.isFinite }
        guard let low = edges.min(), let high = edges.max(), high > low else { return AxisScale.linear(0, 1) }
        return AxisScale.linear(low, high)
    }

    private var yScale: AxisScale {
        AxisScale.forBars(values: histogram.series.flatMap { $0.counts }, isLog: histogram.logScale)
    }

    private var legend: Legend {
        guard histogram.series.count > 1 else { return Legend(entries: []) }
        return Legend(entries: histogram.series.enumerated().map {
            Legend.Entry(name: $0.element.name, color: Theme.seriesColor($0.offset), mark: .box)
        })
    }

    func height(width: Double, maxHeight: Double, canvas: Canvas) -> Double {
        guard hasData else { return min(PlotProportions.emptyHeight, maxHeight) }
        let total = XYFrame.height(width: width, plotHeight: PlotProportions.plotHeight(width: width),
                                   xAxis: .numeric(xScale), yScale: yScale, xLabel: histogram.xLabel,
                                   yLabel: histogram.yLabel, legend: legend, canvas: canvas)
        return min(total, maxHeight)
    }

    func draw(in rect: Rect, canvas: Canvas) {
        guard hasData else {
            canvas.noData(in: rect)
            return
        }
        let frame = XYFrame(in: rect, xAxis: .numeric(xScale), yScale: yScale, xLabel: histogram.xLabel,
                            yLabel: histogram.yLabel, legend: legend, canvas: canvas)
        frame.drawGrid(canvas: canvas)
        let single = histogram.series.count == 1
        let baseline = frame.baselineY
        for (seriesIndex, series) in histogram.series.enumerated() {
            let color = Theme.seriesColor(seriesIndex)
            // The top edge of the series as a staircase; bins a log axis cannot show drop to the baseline.
            var outline: [(Double, Double)] = []
            for (bin, count) in series.counts.enumerated() {
                guard let left = histogram.binEdges[safe: bin].flatMap(frame.x),
                      let right = histogram.binEdges[safe: bin + 1].flatMap(frame.x) else { continue }
                let top = frame.y(count).map { min(max($0, frame.plot.y), baseline) } ?? baseline
                if single {
                    let bar = Rect(x: left, y: top, width: right - left, height: baseline - top)
                    canvas.fill(bar, color.withAlpha(0.85))
                    // Thin white edges keep neighbouring bins apart where bins are wide enough.
                    if right - left > 3 && bar.height > 0 { canvas.stroke(bar, Color(hex: 0xFFFFFF), lineWidth: 0.5) }
                }
                outline.append((left, top))
                outline.append((right, top))
            }
            guard !single, let start = outline.first, let end = outline.last else { continue }
            let closed = [(start.0, baseline)] + outline + [(end.0, baseline)]
            canvas.fillPolygon(closed, color.withAlpha(0.28))
            canvas.polyline(closed.map { Optional($0) }, color, width: 1.2)
        }
        frame.drawAxes(canvas: canvas)
    }
}
