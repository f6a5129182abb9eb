public import Audit
public import Domain
public import Foundation
public import Section11
import Spreadsheets

/// What a form imported.
public enum ImportedForm: Sendable {
    /// An agency's Section 11 or s175 return.
    case section11Return(SelfAssessment)
    /// An agency's returns for an audit's cases.
    case caseReturns([CaseReturn])
    /// An agency's action-plan update.
    case actionPlanUpdate([TrackedAction])
    /// A meeting's attendance register.
    case attendanceRegister(Meeting)
}

/// Every form the package writes, read back by what it is: a partner tool hands over the file its
/// user uploaded, and the form says which it is.
///
/// ```swift
/// let imported = try await PartnershipForms(environment: environment).importForm(upload, file: name, by: user)
/// ```
public struct PartnershipForms: Sendable {
    /// The environment the records are in.
    public let environment: AssuranceEnvironment

    /// Creates the forms over a partnership's records.
    public init(environment: AssuranceEnvironment) { self.environment = environment }

    /// The forms' names, as their About sheets give them.
    public static let formNames = [
        Section11ReturnForm.formName, CaseReturnForm.formName, ActionPlanForm.formName, AttendanceRegisterForm.formName,
    ]

    /// Imports any of the package's forms.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for a file that is no form of the package's, or
    ///   as each form's import throws. Nothing is written on any error.
    public func importForm(_ data: Data, file: String, by principal: Principal) async throws -> ImportedForm {
        let workbook: Workbook
        do {
            workbook = try Workbook(data: data, file: file)
        } catch {
            throw error.domainError
        }
        switch FormDetails.formName(in: workbook) {
        case Section11ReturnForm.formName:
            return .section11Return(
                try await Section11Forms(environment: environment).importReturn(data, file: file, by: principal)
            )
        case CaseReturnForm.formName:
            return .caseReturns(
                try await CaseReturnForms(environment: environment).importReturns(data, file: file, by: principal)
            )
        case ActionPlanForm.formName:
            return .actionPlanUpdate(
                try await ActionPlanForms(environment: environment).importUpdate(data, file: file, by: principal)
            )
        case AttendanceRegisterForm.formName:
            return .attendanceRegister(
                try await AttendanceRegisterForms(environment: environment).importRegister(
                    data,
                    file: file,
                    by: principal
                )
            )
        default:
            throw DomainError(
                .invalidInput,
                "\(file): no sheet names one of the package's forms (a \"Form\" row in column A saying "
                    + Self.formNames.joined(separator: ", ") + ")",
                context: .init(file: file)
            )
        }
    }
}
