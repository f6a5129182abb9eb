/// Recommendations raised in the same transaction as a module's own writes, each placed in the work
/// stream of its theme.
///
/// A module that raises recommendations as part of a larger change (a Section 11 submission, an
/// audit's report) stages them here and saves the work streams once at the end:
///
/// ```swift
/// var chain = try await ChainWrites(environment: environment)
/// var batch = RecordBatch()
/// try batch.save(assessment, version: held.version)
/// try chain.raise(recommendation, in: &batch)
/// try chain.finish(into: &batch)
/// try await environment.records.commit(batch, by: principal)
/// ```
public struct ChainWrites: Sendable {
    /// The work streams, at the versions read, with any the recommendations staged so far joined.
    public private(set) var streams: [Versioned<WorkStream>]
    private var changed: Set<Int> = []
    private let ids: IDGenerator

    /// Reads the work streams held.
    public init(environment: AssuranceEnvironment) async throws {
        self.streams = try await environment.records.all(WorkStream.self, as: .system)
        self.ids = environment.ids
    }

    /// Starts from work streams already read.
    public init(streams: [Versioned<WorkStream>], ids: IDGenerator) {
        self.streams = streams
        self.ids = ids
    }

    /// Stages a recommendation, placed in its theme's work stream; one with no theme joins none.
    ///
    /// - Parameters:
    ///   - recommendation: The recommendation.
    ///   - batch: The batch it is saved in.
    ///   - version: The version read, 0 for a new recommendation.
    /// - Returns: The work stream it joined, if it has a theme.
    /// - Throws: `invalidInput` when the recommendation cannot be coded.
    @discardableResult
    public mutating func raise(
        _ recommendation: Recommendation,
        in batch: inout RecordBatch,
        version: Int = 0
    ) throws -> WorkStream.ID? {
        try batch.save(recommendation, version: version)
        guard let index = WorkStream.place(recommendation, in: &streams, ids: ids) else { return nil }
        changed.insert(index)
        return streams[index].value.id
    }

    /// The work stream a recommendation is in, among those read and staged.
    public func stream(of recommendation: Recommendation.ID) -> WorkStream.ID? {
        streams.first { $0.value.recommendations.contains(recommendation) }?.value.id
    }

    /// Saves the work streams the staged recommendations joined.
    ///
    /// Placing a recommendation in its theme's work stream is the framework's consequence of raising
    /// it: whoever may raise the recommendation (an agency lead submitting a return) needs no right
    /// to change the partnership's work streams.
    public mutating func finish(into batch: inout RecordBatch) throws {
        for index in changed.sorted() {
            try batch.saveConsequence(streams[index].value, version: streams[index].version)
            streams[index].version += 1
        }
        changed = []
    }
}
