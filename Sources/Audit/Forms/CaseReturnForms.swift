public import Domain
import Foundation

/// An audit's case returns as spreadsheets: the form an agency fills in for the cases sampled, and
/// its import.
public struct CaseReturnForms: Sendable {
    /// The environment the records are in.
    public let environment: AssuranceEnvironment

    /// Creates the forms over a partnership's records.
    public init(environment: AssuranceEnvironment) { self.environment = environment }

    private var programme: AuditProgramme { AuditProgramme(environment: environment) }

    /// An agency's form for an audit: a sheet for each case it was asked to return.
    ///
    /// - Throws: `DomainError.Code.notFound` for an audit or agency the records do not have;
    ///   `DomainError.Code.invalidInput` when the audit asked the agency for no return.
    public func template(
        audit auditID: Audit.ID,
        agency agencyID: Agency.ID,
        as principal: Principal
    ) async throws
        -> Workbook
    {
        let records = environment.records
        let audit = try await records.require(Audit.self, id: auditID, as: principal).value
        let agency = try await records.require(Agency.self, id: agencyID, as: principal).value
        let returns = try await programme.returns(of: auditID, as: principal).filter { $0.agency == agencyID }
        guard !returns.isEmpty else {
            throw DomainError(
                .invalidInput,
                "audit \(DomainError.quote(audit.title)) asked \(agency.name) for no case return"
            )
        }
        let cases = try await programme.cases(of: auditID).keyed(by: \.id)
        let tool = try await programme.template(audit.template ?? AuditTemplate.standard.id)
        let partnership = try await records.all(Partnership.self, as: principal).first?.value.name ?? "The partnership"
        return CaseReturnForm.workbook(
            partnership: partnership,
            audit: audit,
            tool: tool,
            agency: agency,
            cases: returns.compactMap { caseReturn in cases[caseReturn.auditCase].map { ($0, caseReturn) } }
        )
    }

    /// Imports a filled form: every case sheet it holds submitted, in one transaction.
    ///
    /// - Returns: The returns as written.
    /// - Throws: `DomainError.Code.invalidInput` placing the problem by file, sheet, cell and column;
    ///   `DomainError.Code.invalidTransition` for a return already submitted. Nothing is written.
    @discardableResult
    public func importReturns(_ workbook: Workbook, file: String, by principal: Principal) async throws -> [CaseReturn]
    {
        let (auditID, agencyID): (Audit.ID, Agency.ID)
        do {
            (auditID, agencyID) = try CaseReturnForm.details(of: workbook, file: file)
        } catch {
            throw error.domainError
        }
        let audit = try await environment.records.require(Audit.self, id: auditID, as: principal).value
        let returns = try await programme.returns(of: auditID, as: principal).filter { $0.agency == agencyID }
        let tool = try await programme.template(audit.template ?? AuditTemplate.standard.id)
        let submissions: [CaseReturnSubmission]
        do {
            submissions = try CaseReturnForm.read(workbook, file: file, tool: tool, returns: returns.keyed(by: \.id))
        } catch {
            throw error.domainError
        }
        let held = returns.keyed(by: \.id)
        for submission in submissions where held[submission.caseReturn]?.status == .submitted {
            throw DomainError(
                .invalidTransition,
                "\(file): return \(submission.caseReturn) was submitted on "
                    + "\(held[submission.caseReturn]?.submittedOn?.description ?? "an earlier day") and a form cannot change it"
            )
        }
        return try await programme.submitReturns(submissions, by: principal)
    }
}
