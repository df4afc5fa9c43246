import Analysis
import Report
import StyleGAN

/// The grouped bar chart of the weight-change section: block resolution on the x axis (the
/// mapping network, which has none, as the first group), one bar per component.
enum WeightChangeChart {
    static func figure(_ changes: WeightChanges) -> Figure {
        let categories = ["mapping"] + changes.resolutions.map { "\($0.resolution)" }
        let components = changes.components.map(\.component)
        let series = components.map { component -> BarChart.Series in
            // NaN: the component has no tensor in that group (no bar; "NaN" in the CSV).
            let mapping = component == .mapping ? percent(changes.summary(of: .mapping)) : .nan
            let blocks = changes.resolutions.map { block in
                component == .mapping ? .nan : percent(block.summary(of: component))
            }
            return BarChart.Series(name: component.title, values: [mapping] + blocks)
        }
        let positive = series.flatMap(\.values).filter { $0.isFinite && $0 > 0 }
        // Changes of different components often differ by orders of magnitude; a log axis keeps
        // the small ones visible when the positive values span more than two decades.
        let useLog = (positive.max() ?? 0) / (positive.min() ?? 1) > 100
        let chart = BarChart(categories: categories, series: series, yLabel: "relative change ‖θc − θp‖ / ‖θp‖ (%)",
                             xLabel: "block resolution (px); mapping network first", logScale: useLog)
        let scaleNote = useLog
            ? " The y axis is logarithmic; components with zero change have no bar (their zeros are in the CSV)."
            : " Components with zero change have no visible bar."
        return Figure(name: "weight-change-by-resolution",
                      caption: "Relative weight change per block resolution and component. x: the mapping network, then the synthesis blocks by resolution; one bar per component (legend); y: relative L2 change of the component's tensors in that block, in %." + scaleNote,
                      content: .barChart(chart))
    }

    static func percent(_ summary: ChangeSummary?) -> Double {
        guard let summary, let r = summary.relativeChange else { return .nan }
        return r * 100
    }
}
