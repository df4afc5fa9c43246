import Foundation
import Report
import StyleGAN
import ZeroShot

/// Zero-shot transfer results -> report cells: the method in prose, a table of every attribute
/// under every condition, and per attribute the ranked-examples grid and the calibration plot.
/// Shared by the report's "Zero-shot transfer" section and `stylealign zeroshot`. Computes nothing.
public enum ZeroShotCells {
    public static func cells(_ runs: [TransferRun]) -> [ReportCell] {
        guard let first = runs.first?.result else { return [] }
        var cells: [ReportCell] = [.prose(method(first, runs: runs))]
        if runs.contains(where: { isMeasured($0.result) }) {
            cells.append(.prose("Built-in measures, computed on each network's own images:\n" + ImageMeasure.definitions))
        }
        if runs.count == 1, let keys = keyFigures(first) { cells.append(.keyFigures(keys)) }
        cells.append(.table(table(runs.map(\.result))))
        for note in Set(runs.flatMap(\.result.notes)).sorted() { cells.append(.alert(.info, note)) }
        if let reading = reading(runs.map(\.result)) { cells.append(.prose(reading)) }
        for run in runs {
            if runs.count > 1 { cells.append(.heading(level: 2, text: run.result.attribute)) }
            cells.append(.figure(examplesFigure(run)))
            cells.append(.figure(calibrationFigure(run.result)))
        }
        cells.append(.prose(timingText(first)))
        return cells
    }

    /// Whether the labels are one of the built-in image measures (see `LabelSource.description`).
    static func isMeasured(_ r: TransferResult) -> Bool { r.labels.source == "measure" }

    static func method(_ r: TransferResult, runs: [TransferRun]) -> String {
        // "yaw (csv faces.csv [yaw])", or just "brightness:whole" when the name is the measure itself.
        let attributes = Cells.list(runs.map { run in
            run.result.labels.detail == run.result.attribute ? run.result.attribute : "\(run.result.attribute) (\(run.result.labels))"
        })
        let space: String
        switch r.space {
        case .w: space = "W (the mapping output)"
        case .wPlus(let rows):
            space = r.task == .classify ? "W+ rows \(rows.lowerBound)–\(rows.upperBound), concatenated"
                                        : "W, with the signed distance averaged over W+ rows \(rows.lowerBound)–\(rows.upperBound) (the paper's regressor)"
        case .s: space = "StyleSpace S (all \(r.parent.styleDimension) affine outputs)"
        }
        let model = r.task == .classify
            ? "an L2-regularised logistic regression (λ = \(shortNumber(runs[0].model.l2)), standardised features, L-BFGS)"
            : "the signed distance to a logistic-regression hyperplane (λ = \(shortNumber(runs[0].model.l2))) with a least-squares line from distance to label value"
        var text = "Supervision in the parent only (StyleAlign §5.4–5.5): for \(attributes), \(model) is fitted in \(space) on \(r.trainingSeedCount) parent samples (seeds \(r.trainingSeeds)), then applied to \(r.testSeedCount) test seeds (\(r.testSeeds)) rendered by the child from the very same ws (from the parent's mapping\(r.sampling.truncationPsi == 1 ? "" : ", ψ = \(r.sampling.truncationPsi)")). The child's own labels are measured on the child's images in the same way."
        if r.task == .classify {
            text += " Continuous labels are split at each network's own median (the child's over its training seeds, each floor network's over its test seeds), so both classes are balanced everywhere and chance is 0.5; labels that are all 0 or 1 are used as they are. A sample is predicted positive when the model's score (log-odds) is above 0."
        } else {
            text += " The regressor predicts the label value; Pearson and Spearman correlations are scale-free, the mean absolute error is in the label's units."
        }
        text += "\n\nConditions: parent = the model on the parent's own test samples; transfer = the same model on the child's samples against the child's labels (the headline); ceiling = a model trained the same way on the child's own labels; floor = the parent's model on \(r.floors.count == 1 ? "an independently initialised network" : "\(r.floors.count) independently initialised networks") of the same architecture, never aligned with the parent\(r.floors.count > 1 ? " (metric averaged over them)" : ""). Intervals: \(Int(r.bootstrap.confidence * 100)) % percentile bootstrap over test seeds (\(r.bootstrap.resamples) resamples, seed \(r.bootstrap.seed), the same resamples for every condition)."
        if isMeasured(r) {
            text += " Measures are taken on the skip image after the \(r.sampling.analysisResolution) × \(r.sampling.analysisResolution) block"
            text += r.sampling.analysisResolution == r.parent.resolution ? " (the full image)." : " (a reduced analysis resolution; the network renders \(r.parent.resolution) px)."
        }
        return text
    }

    static func keyFigures(_ r: TransferResult) -> [KeyFigure]? {
        let metric = r.headlineMetric
        let figures = TransferCondition.allCases.compactMap { c -> KeyFigure? in
            guard let e = r.condition(c)?.metric(metric) else { return nil }
            return KeyFigure(label: conditionShortTitle(c), value: NumberText3.value(e.value), note: "\(metric), \(NumberText3.interval(e))")
        }
        return figures.isEmpty ? nil : figures
    }

    /// What the intervals say, attribute by attribute: does the transfer beat the floor, and is
    /// the floor itself at chance (classification only: chance is 0.5 by construction).
    static func reading(_ results: [TransferResult]) -> String? {
        var sentences: [String] = []
        for r in results where r.task == .classify {
            let metric = r.headlineMetric
            guard let transfer = r.condition(.transfer)?.metric(metric), let floor = r.condition(.floor)?.metric(metric) else { continue }
            if transfer.lower > floor.upper {
                sentences.append("\(r.attribute): the transfer (\(NumberText3.value(transfer.value))) is above the floor's interval.")
            } else {
                sentences.append("\(r.attribute): the transfer (\(NumberText3.value(transfer.value))) is not distinguishable from the floor (\(NumberText3.value(floor.value))).")
            }
            if floor.lower > 0.5 || floor.upper < 0.5 {
                sentences.append("Its floor's interval (\(NumberText3.range(floor))) excludes chance: the parent's direction for \(r.attribute) also orders the images of unaligned networks of this architecture, so part of the transfer need not come from the alignment.")
            }
        }
        return sentences.isEmpty ? nil : "Reading the intervals (\(results.first?.headlineMetric ?? "")): " + sentences.joined(separator: " ")
    }

    static func conditionShortTitle(_ c: TransferCondition) -> String {
        switch c {
        case .parent: "Parent (at home)"
        case .transfer: "Transfer to child"
        case .ceiling: "Ceiling (child-trained)"
        case .floor: "Floor (unaligned)"
        }
    }

    static func table(_ results: [TransferResult]) -> Table {
        let classify = results.first?.task != .regress
        // (metric, shown with its interval): plain accuracy and Spearman's ρ go without, to keep the table narrow.
        let metrics: [(String, Bool)] = classify
            ? [(ClassificationScore.accuracy.rawValue, false), (ClassificationScore.balancedAccuracy.rawValue, true),
               (ClassificationScore.auc.rawValue, true)]
            : [(RegressionScore.pearson.rawValue, true), (RegressionScore.spearman.rawValue, false), (RegressionScore.mae.rawValue, true)]
        let names = metrics.map(\.0)
        let percent = Int(((results.first?.bootstrap.confidence ?? 0.95) * 100).rounded())
        var columns = [TableColumn("Attribute"), TableColumn("Condition")]
        for (name, interval) in metrics {
            columns.append(TableColumn(name, alignment: .right))
            if interval { columns.append(TableColumn("\(percent) % interval", alignment: .center)) }
        }
        var rows: [[TableCell]] = []
        for r in results {
            for c in r.conditions {
                var row: [TableCell] = [.text(r.attribute), .text(conditionShortTitle(c.condition))]
                for (name, interval) in metrics {
                    let e = c.metric(name)
                    row.append(e.map { $0.value.isFinite ? .fixed($0.value, decimals: 3) : .missing } ?? .missing)
                    if interval { row.append(e.map { $0.lower.isFinite ? .text(NumberText3.range($0)) : .missing } ?? .missing) }
                }
                rows.append(row)
            }
        }
        let unit = classify ? "prediction = score > 0; labels split at each network's own median" : "prediction = a · distance + b"
        return Table(name: "zeroshot-transfer",
                     caption: "Zero-shot transfer per attribute. Rows: attribute and condition (parent: the parent-trained model on parent samples; transfer: the same model on the child's samples and labels; ceiling: a model trained on the child's labels; floor: the parent model on unaligned random networks of the same architecture). Columns: \(Cells.list(names)) on the \(results.first?.testSeedCount ?? 0) test seeds (\(unit)), with bootstrap intervals.",
                     columns: columns, rows: rows)
    }

    static func examplesFigure(_ run: TransferRun) -> Figure {
        let r = run.result, p = run.pictures
        let ranks = p.child.map(\.count).min() ?? 0
        var images: [[RGBImage]] = []
        for rank in 0..<ranks {
            var row: [RGBImage] = []
            for column in 0..<p.child.count {
                row.append(rgb(p.parent[column][rank]))
                row.append(rgb(p.child[column][rank]))
            }
            images.append(row)
        }
        let columnLabels = ["positive", "neutral", "negative"].flatMap { ["\($0) · parent", "\($0) · child"] }
        let listing = r.examples.columns.map { column in
            "\(column.title): " + column.seeds.map { "\($0.seed) (\(NumberText3.signed($0.score)))" }.joined(separator: ", ")
        }.joined(separator: "; ")
        let resolution = p.child.first?.first?.width ?? 0
        let neutral = r.task == .classify ? "scores nearest the decision threshold 0" : "predictions nearest the value on the hyperplane"
        return Figure(name: "zeroshot-\(r.attribute)-ranked",
                      caption: "\(r.attribute): the child's test samples ranked by the parent-trained model (\(r.space)). Columns: the highest scores (positive), the \(neutral) (neutral) and the lowest scores (negative), each shown as rendered by the parent and by the child from the same ws; rows: rank within the column. Seeds (score): \(listing). \(resolution) × \(resolution) px.",
                      content: .imageGrid(ImageGrid(images: images, rowLabels: (0..<ranks).map { "\($0 + 1)" },
                                                    columnLabels: columnLabels, rowAxisTitle: "rank",
                                                    columnAxisTitle: "parent model's ranking of the child's samples")))
    }

    static func calibrationFigure(_ r: TransferResult) -> Figure {
        let classify = r.task == .classify
        var series = r.conditions.map { c in
            LinePlot.Series(name: conditionShortTitle(c.condition), x: c.calibration.map(\.meanScore),
                            y: c.calibration.map { classify ? $0.accuracy : $0.meanLabel })
        }
        let xs = r.conditions.flatMap { $0.calibration.map(\.meanScore) }.filter(\.isFinite)
        if let lo = xs.min(), let hi = xs.max() {
            series.append(classify ? LinePlot.Series(name: "chance", x: [lo, hi], y: [0.5, 0.5], showsMarkers: false)
                                   : LinePlot.Series(name: "prediction = label", x: [lo, hi], y: [lo, hi], showsMarkers: false))
        }
        let bins = r.conditions.first?.calibration.count ?? 0
        let caption = classify
            ? "\(r.attribute): accuracy against the model's score. The test samples of each condition are split into \(bins) equal-count bins by score; x: mean score (log-odds) of a bin, y: fraction of its samples classified correctly (score > 0 against the network's own labels). The parent, transfer and floor curves score with the parent's model, the ceiling with the child-trained one. A model that transfers is right far from 0 and near chance at 0."
            : "\(r.attribute): calibration of the regressor. The test samples of each condition are split into \(bins) equal-count bins by prediction; x: mean prediction of a bin, y: mean label value of its samples."
        return Figure(name: "zeroshot-\(r.attribute)-calibration", caption: caption,
                      content: .linePlot(LinePlot(series: series, xLabel: classify ? "model's score (log-odds; the ceiling uses its own model)" : "predicted \(r.attribute)",
                                                  yLabel: classify ? "accuracy" : "mean \(r.attribute)")))
    }

    static func timingText(_ r: TransferResult) -> String {
        let total = r.timings.reduce(0) { $0 + $1.seconds }
        let phases = r.timings.map { "\($0.phase) \(String(format: "%.2f", $0.seconds)) s" }.joined(separator: "; ")
        return "Computation: \(String(format: "%.1f", total)) s in all (\(phases))."
    }

    static func rgb(_ image: ExampleImage) -> RGBImage {
        RGBImage(width: image.width, height: image.height, pixels: image.pixels)
    }

    static func shortNumber(_ x: Double) -> String { String(format: "%g", x) }
}

/// Three-decimal texts for metric values and their intervals.
enum NumberText3 {
    static func value(_ x: Double) -> String { x.isFinite ? String(format: "%.3f", x) : "undefined" }

    static func range(_ e: Estimate) -> String {
        "\(String(format: "%.3f", e.lower))–\(String(format: "%.3f", e.upper))"
    }

    static func interval(_ e: Estimate) -> String { e.lower.isFinite ? "interval \(range(e))" : "no interval" }

    static func signed(_ x: Double) -> String { (x >= 0 ? "+" : "−") + String(format: "%.2f", abs(x)) }
}
