package import Domain
import Measures
import Section11

extension PartnershipGenerator {
    /// Who generated records are written by, in the change log: `generator`, with the system's rights.
    package static let principal = Principal(id: "generator", roles: [.system])

    /// Writes every generated partnership into a store: structure, the measure catalogue and the
    /// standard sets once, then each partnership's Section 11 assessments, learning, audits and
    /// observation series.
    ///
    /// Records are written as at the reference day by ``principal``.
    ///
    /// - Parameters:
    ///   - store: The store to write to.
    ///   - withSeries: Whether to write the observation series too.
    ///   - progress: Called after each partnership with the number loaded so far.
    /// - Throws: The store's error, or a `DomainError` if a generated record is invalid.
    ///
    /// A store holds one partnership's series: each partnership's partnership-wide series have the
    /// same measure and scope. With more than one partnership, pass `withSeries: false` to load the
    /// records alone, as the national benchmarks of the modules' analyses do.
    package func load(
        into store: any RecordStore,
        withSeries: Bool = true,
        progress: (Int) -> Void = { _ in }
    ) async throws {
        for index in 0..<scale.partnerships {
            var generated = try generated(index)
            if !withSeries { generated.partnership.series = [] }
            try await load(generated, into: store, withReferenceData: index == 0)
            progress(index + 1)
        }
    }

    /// Everything generated for one partnership, before it is written anywhere.
    package struct Generated: Sendable {
        /// The partnership's structure, measures and voice records.
        package var partnership: GeneratedPartnership
        /// Its Section 11 and schools' self-assessments.
        package var section11: GeneratedSection11
        /// Its reviews, recommendations and actions.
        package var learning: GeneratedLearning
        /// Its audit programme.
        package var audits: GeneratedAudit
    }

    /// Generates the partnership at an index, from 0, without writing it.
    package func generated(_ index: Int) throws -> Generated {
        let partnership = try partnership(index)
        return chained(
            Generated(
                partnership: partnership,
                section11: section11(for: partnership, index: index),
                learning: learning(for: partnership, index: index),
                audits: audits(for: partnership, index: index)
            ),
            index: index
        )
    }

    /// Writes one generated partnership into a store.
    ///
    /// - Parameters:
    ///   - generated: The partnership's records.
    ///   - store: The store to write to.
    ///   - withReferenceData: Whether to write the measure catalogue and the standard sets too: once
    ///     per store.
    /// - Throws: The store's error, or a `DomainError` if a generated record is invalid.
    package func load(_ generated: Generated, into store: any RecordStore, withReferenceData: Bool) async throws {
        let records = Records(store: store, clock: .constant(referenceDay.start(in: .england)))
        try await load(generated, through: records, withReferenceData: withReferenceData)
    }

    /// Writes one generated partnership through a host's ``Domain/Records``, so that its decoded-record
    /// cache holds what was written.
    ///
    /// - Parameters:
    ///   - generated: The partnership's records.
    ///   - records: The typed access to write through.
    ///   - withReferenceData: Whether to write the measure catalogue and the standard sets too.
    /// - Throws: The store's error, or a ``Domain/DomainError`` if a generated record is invalid.
    package func load(_ generated: Generated, through records: Records, withReferenceData: Bool) async throws {
        try await records.commit(try generated.partnership.structureBatch(), by: Self.principal)
        if withReferenceData {
            var batch = RecordBatch()
            for definition in generated.partnership.catalogue.definitions { try batch.save(definition, version: 0) }
            for set in shape?.standardSets ?? [.section11Classic, .schoolsSection175] {
                try batch.save(set, version: 0)
            }
            if let tool = shape?.auditTool { try batch.save(tool, version: 0) }
            try await records.commit(batch, by: Self.principal)
        }
        try await records.commit(try generated.section11.batch(), by: Self.principal)
        try await records.commit(try generated.learning.batch(), by: Self.principal)
        try await records.commit(try generated.audits.batch(), by: Self.principal)
        try await records.append(generated.partnership.series, mode: .insertOnly, by: Self.principal)
    }
}
