import XCTest
import ZeroShot

final class StatisticsTests: XCTestCase {
    func testQuantilesMatchNumpyLinear() {
        XCTAssertEqual(Statistics.median([3, 1, 2]), 2)
        XCTAssertEqual(Statistics.median([4, 1, 3, 2]), 2.5)
        // numpy.quantile([1, 2, 3, 4, 10], 0.9) == 7.6
        XCTAssertEqual(Statistics.quantile([10, 1, 2, 3, 4], 0.9), 7.6, accuracy: 1e-12)
        XCTAssertTrue(Statistics.median([]).isNaN)
    }

    func testRanksShareTies() {
        XCTAssertEqual(Statistics.ranks([10, 20, 10, 30]), [1.5, 3, 1.5, 4])
    }

    func testCorrelations() {
        let x: [Double] = [1, 2, 3, 4, 5]
        XCTAssertEqual(Statistics.pearson(x, x.map { 3 * $0 - 1 }), 1, accuracy: 1e-12)
        XCTAssertEqual(Statistics.spearman(x, x.map { exp($0) }), 1, accuracy: 1e-12)
        XCTAssertEqual(Statistics.spearman(x, x.map { -$0 * $0 * $0 }), -1, accuracy: 1e-12)
        // scipy.stats.pearsonr([1,2,3,4,5], [2,1,4,3,5]) = 0.8
        XCTAssertEqual(Statistics.pearson(x, [2, 1, 4, 3, 5]), 0.8, accuracy: 1e-12)
        XCTAssertTrue(Statistics.pearson(x, [1, 1, 1, 1, 1]).isNaN)
    }

    func testClassificationScores() {
        let scores: [Double] = [-2, -0.5, 0.3, 1, 2, -1]
        let labels = [false, true, false, true, true, false]
        // Predictions (score > 0): F F T T T F -> 4 of 6 right; TPR 2/3, TNR 2/3.
        XCTAssertEqual(ClassificationScore.accuracy.value(scores: scores, threshold: 0, labels: labels), 4.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(ClassificationScore.balancedAccuracy.value(scores: scores, threshold: 0, labels: labels), 2.0 / 3, accuracy: 1e-12)
        // sklearn.metrics.roc_auc_score(labels, scores) = 8/9
        XCTAssertEqual(ClassificationScore.auc.value(scores: scores, threshold: 0, labels: labels), 8.0 / 9, accuracy: 1e-12)
        // Ties count one half.
        XCTAssertEqual(ClassificationScore.auc.value(scores: [1, 1], threshold: 0, labels: [true, false]), 0.5)
        XCTAssertTrue(ClassificationScore.auc.value(scores: [1, 2], threshold: 0, labels: [true, true]).isNaN)
    }

    func testRegressionScores() {
        XCTAssertEqual(RegressionScore.mae.value(predictions: [1, 2, 3], labels: [2, 2, 1]), 1, accuracy: 1e-12)
        XCTAssertEqual(RegressionScore.pearson.value(predictions: [1, 2, 3], labels: [2, 4, 6]), 1, accuracy: 1e-12)
    }

    func testBootstrapIsDeterministicAndBracketsTheEstimate() {
        let values = (0..<200).map { Double(($0 * 37) % 101) }
        let b = Bootstrap(resamples: 500, seed: 3)
        let sets = b.indexSets(count: values.count)
        XCTAssertEqual(sets, b.indexSets(count: values.count))
        XCTAssertNotEqual(sets, Bootstrap(resamples: 500, seed: 4).indexSets(count: values.count))
        let mean = b.estimate(sets, count: values.count) { idx in Statistics.mean(idx.map { values[$0] }) }
        XCTAssertEqual(mean.value, Statistics.mean(values))
        XCTAssertLessThan(mean.lower, mean.value)
        XCTAssertGreaterThan(mean.upper, mean.value)
        // The standard error of a mean of 200 uniform-ish values in 0-100 is about 2: the 95 % interval spans about ±4.
        XCTAssertEqual(mean.upper - mean.lower, 4 * 29.0 / 200.squareRoot(), accuracy: 2.5)
    }

    func testCalibrationBinsSplitBySortedScore() {
        let bins = Calibration.bins(scores: [-3, -2, -1, 1, 2, 3], threshold: 0, labels: [0, 0, 1, 1, 1, 0], classify: true, binCount: 3)
        XCTAssertEqual(bins.map(\.count), [2, 2, 2])
        XCTAssertEqual(bins.map(\.accuracy), [1, 0.5, 0.5])
        XCTAssertEqual(bins.map(\.meanScore), [-2.5, 0, 2.5])
    }

    func testRankedExamples() {
        let r = RankedExamples(seeds: [10, 11, 12, 13, 14, 15, 16], scores: [0.1, -3, 2, -0.05, 5, -1, 0.5], labels: nil,
                               neutralScore: 0, count: 2)
        XCTAssertEqual(r.positive.map(\.seed), [14, 12])
        XCTAssertEqual(r.negative.map(\.seed), [11, 15])
        XCTAssertEqual(r.neutral.map(\.seed), [13, 10])
    }
}
