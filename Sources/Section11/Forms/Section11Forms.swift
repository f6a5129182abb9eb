public import Domain
import Foundation

/// Section 11 and s175 returns as spreadsheets, for a partnership's records: the form an agency
/// fills in, and its import.
public struct Section11Forms: Sendable {
    /// The environment the records are in.
    public let environment: AssuranceEnvironment

    /// Creates the forms over a partnership's records.
    public init(environment: AssuranceEnvironment) { self.environment = environment }

    private var assessments: SelfAssessments { SelfAssessments(environment: environment) }

    /// An agency's return form for a cycle, with its current answers (carried forward from the
    /// last cycle, or saved since) filled in.
    ///
    /// - Throws: `DomainError.Code.notFound` for a cycle or agency the records do not have;
    ///   `DomainError.Code.invalidInput` for an agency the cycle does not invite.
    public func template(
        cycle cycleID: AssessmentCycle.ID,
        agency agencyID: Agency.ID,
        as principal: Principal
    ) async throws -> Workbook {
        let records = environment.records
        let cycle = try await records.require(AssessmentCycle.self, id: cycleID, as: principal).value
        let agency = try await records.require(Agency.self, id: agencyID, as: principal).value
        guard
            let assessment = try await assessments.assessments(in: cycleID, as: principal)
                .first(where: { $0.value.agency == agencyID })?.value
        else {
            throw DomainError(
                .invalidInput,
                "cycle \(DomainError.quote(cycle.name)) does not invite \(agency.name); expected one of "
                    + cycle.invited.map(\.rawValue).joined(separator: ", ")
            )
        }
        let set = try await assessments.standardSet(cycle.standardSet)
        let partnership = try await records.all(Partnership.self, as: principal).first?.value.name ?? "The partnership"
        return Section11ReturnForm.workbook(
            partnership: partnership,
            cycle: cycle,
            set: set,
            agency: agency,
            assessment: assessment
        )
    }

    /// Imports a filled return: its answers set on the agency's assessment and, when the form says
    /// it is ready, the assessment submitted, as a JSON file of assessments is imported.
    ///
    /// - Parameters:
    ///   - workbook: The form as filled in, read from its `.xlsx` file by the Spreadsheets library
    ///     (`Workbook(data:file:)`).
    ///   - file: The name errors give the file.
    ///   - principal: Who imports.
    /// - Returns: The assessment as written.
    /// - Throws: `DomainError.Code.invalidInput` placing the problem by file, sheet, cell and column;
    ///   nothing is written.
    @discardableResult
    public func importReturn(_ workbook: Workbook, file: String, by principal: Principal) async throws -> SelfAssessment
    {
        let details: (cycle: AssessmentCycle.ID, agency: Agency.ID, submit: Bool)
        do {
            details = try Section11ReturnForm.details(of: workbook, file: file)
        } catch {
            throw error.domainError
        }
        let records = environment.records
        let cycle = try await records.require(AssessmentCycle.self, id: details.cycle, as: principal).value
        let agency = try await records.require(Agency.self, id: details.agency, as: principal).value
        let held = try await assessments.assessments(in: cycle.id, as: principal).first { $0.value.agency == agency.id }
        if let held, ![.invited, .inProgress, .returned].contains(held.value.status) {
            throw DomainError(
                .invalidTransition,
                "\(file): \(agency.name)'s return to \(cycle.name) is \(held.value.status) and a form cannot change it; "
                    + "the partnership returns it to the agency for changes first"
            )
        }
        let set = try await assessments.standardSet(cycle.standardSet)
        let read: Section11ReturnForm.Return
        do {
            read = try Section11ReturnForm.read(workbook, file: file, set: set, sector: agency.sector)
        } catch {
            throw error.domainError
        }
        let written = try await assessments.importAssessments(
            AssessmentInterchange(cycle: read.cycle, assessments: [read.entry]),
            source: file,
            by: principal
        )
        return written[0]
    }
}
