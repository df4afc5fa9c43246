import ArgumentParser
import Semantics
import StyleGAN

/// How StyleSpace channel statistics and W principal directions are sampled, and where they are
/// cached (keyed by the SHA-256 of the tensors they come from, so never stale).
struct StatisticsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("ws sampled for the StyleSpace channel std (the unit of a channel edit) and for W principal directions.", valueName: "N"))
    var statsSamples = LatentSampling.styleStatistics.samples

    @Option(help: ArgumentHelp("numpy RandomState seed of those samples' z.", valueName: "seed"))
    var statsSeed = LatentSampling.styleStatistics.seed

    @Option(help: ArgumentHelp("Truncation psi of the StyleSpace statistics samples (StyleSpace's convention: 0.7 on the first 8 ws; W principal directions are always sampled untruncated).", valueName: "psi"))
    var statsTrunc = LatentSampling.styleStatistics.truncation.psi

    @Option(help: ArgumentHelp("Truncate only the first N ws of those samples.", valueName: "N"))
    var statsTruncCutoff = LatentSampling.styleStatistics.truncation.cutoff ?? 8

    @Option(help: ArgumentHelp("Folder of the statistics cache (default $XDG_CACHE_HOME/stylealign or ~/.cache/stylealign).", valueName: "dir"))
    var cacheDir: String?

    func validate() throws {
        guard statsSamples >= 2 else { throw ValidationError("--stats-samples must be at least 2") }
        guard statsTrunc.isFinite else { throw ValidationError("--stats-trunc must be finite") }
        guard statsTruncCutoff >= 0 else { throw ValidationError("--stats-trunc-cutoff must be 0 or more") }
    }

    var cache: StatisticsCache { StatisticsCache(directory: cacheDir ?? StatisticsCache.defaultDirectory) }

    func styleSampling(classIndex: Int?) -> LatentSampling {
        LatentSampling(samples: statsSamples, seed: statsSeed, truncation: Truncation(psi: statsTrunc, cutoff: statsTruncCutoff),
                       classIndex: classIndex)
    }

    func directionSampling(classIndex: Int?) -> LatentSampling {
        LatentSampling(samples: statsSamples, seed: statsSeed, truncation: .none, classIndex: classIndex)
    }

    /// The StyleSpace statistics of g, from the cache or computed (and then stored), saying which.
    func styleStatistics(_ g: Generator, classIndex: Int?, source: String) throws -> StyleStatistics {
        let (stats, outcome) = try cache.styleStatistics(g, sampling: styleSampling(classIndex: classIndex))
        report(outcome, what: "StyleSpace statistics of \(source) (\(statsSamples) samples, seed \(statsSeed), psi \(statsTrunc) on the first \(statsTruncCutoff) ws)")
        return stats
    }

    /// The first `keep` W principal directions of g.
    func principalDirections(_ g: Generator, keep: Int, classIndex: Int?, source: String) throws -> PrincipalDirections {
        let (pca, outcome) = try cache.principalDirections(g, sampling: directionSampling(classIndex: classIndex), keep: keep)
        report(outcome, what: "W principal directions of \(source) (\(statsSamples) samples, seed \(statsSeed))")
        return pca
    }

    func report(_ outcome: StatisticsCache.Outcome, what: String) {
        switch outcome {
        case let .loaded(path): print("\(what): cached in \(path)")
        case let .computedAndStored(path): print("\(what): computed, cached in \(path)")
        case let .computedNotStored(reason): print("\(what): computed (not cached: \(reason))")
        }
    }
}
