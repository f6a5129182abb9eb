import Audit
import Domain
import Foundation
import Section11
import Spreadsheets

/// A form's bytes read as a workbook, as a host reads an upload, its problems as the package's
/// errors.
func workbook(_ data: Data, file: String) throws -> Workbook {
    do {
        return try Workbook(data: data, file: file)
    } catch {
        throw error.domainError
    }
}

extension Section11Forms {
    /// Imports a return from its file's bytes.
    @discardableResult
    func importReturn(_ data: Data, file: String, by principal: Principal) async throws -> SelfAssessment {
        try await importReturn(try workbook(data, file: file), file: file, by: principal)
    }
}

extension CaseReturnForms {
    /// Imports case returns from their file's bytes.
    @discardableResult
    func importReturns(_ data: Data, file: String, by principal: Principal) async throws -> [CaseReturn] {
        try await importReturns(try workbook(data, file: file), file: file, by: principal)
    }
}

extension ActionPlanForms {
    /// Imports an action-plan update from its file's bytes.
    @discardableResult
    func importUpdate(_ data: Data, file: String, by principal: Principal) async throws -> [TrackedAction] {
        try await importUpdate(try workbook(data, file: file), file: file, by: principal)
    }
}

extension AttendanceRegisterForms {
    /// Imports a register from its file's bytes.
    @discardableResult
    func importRegister(_ data: Data, file: String, by principal: Principal) async throws -> Meeting {
        try await importRegister(try workbook(data, file: file), file: file, by: principal)
    }
}
