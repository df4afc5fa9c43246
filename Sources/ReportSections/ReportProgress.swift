/// Receives the builder's progress: which section runs, and its image batches.
public protocol ReportProgress: AnyObject {
    /// Section `index` (0-based) of `count` starts; it will make `batches` forward passes.
    func sectionStarted(_ title: String, index: Int, count: Int, batches: Int)
    /// After each forward pass of the running section.
    func batchDone(_ done: Int, of total: Int)
    func sectionFinished(seconds: Double)
}
