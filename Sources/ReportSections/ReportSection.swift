import Analysis
import Report

/// One section of the alignment report: it runs its analysis on the pair and turns the results
/// into cells. Sections are independent of each other and run in catalogue order; each section
/// computes nothing itself beyond calling its analysis.
///
/// To add a section: write a type conforming to `ReportSection` in this module and list it in
/// `SectionCatalog.all`; `stylealign report --sections` then selects it by `id`.
public protocol ReportSection {
    /// The name `--sections` uses, lower case, e.g. "weights".
    var id: String { get }
    /// The level-1 heading, e.g. "Weight changes".
    var title: String { get }
    /// One line for `--help`.
    var summary: String { get }
    /// Whether the section runs when `--sections` is not given.
    var runsByDefault: Bool { get }
    /// Forward passes the section will make, for the progress bar (0 when it renders nothing).
    func batchCount(_ context: SectionContext) -> Int
    func make(_ context: SectionContext) throws -> SectionCells
}

extension ReportSection {
    public var runsByDefault: Bool { true }
    public func batchCount(_ context: SectionContext) -> Int { 0 }
}

/// What a section hands back: its cells (after its heading, which the builder adds), and cells
/// for the appendix at the end of the report (long tables such as per-tensor lists).
public struct SectionCells {
    public var body: [ReportCell]
    public var appendix: [ReportCell]

    public init(body: [ReportCell], appendix: [ReportCell] = []) {
        self.body = body
        self.appendix = appendix
    }
}

/// What every section reads: the aligned pair, the render settings shared by all sections, and
/// where to report progress of image batches.
public struct SectionContext {
    public let parent: ReportModel
    public let child: ReportModel
    public let settings: RenderSettings
    public let progress: ProgressHandler?

    public init(parent: ReportModel, child: ReportModel, settings: RenderSettings, progress: ProgressHandler? = nil) {
        self.parent = parent
        self.child = child
        self.settings = settings
        self.progress = progress
    }
}
