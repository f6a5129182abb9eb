import Audit
import Domain
import Foundation
import Section11
import Spreadsheets

/// What a form imported.
enum ImportedForm: Sendable {
    /// An agency's Section 11 or s175 return.
    case section11Return(SelfAssessment)
    /// An agency's returns for an audit's cases.
    case caseReturns([CaseReturn])
    /// An agency's action-plan update.
    case actionPlanUpdate([TrackedAction])
    /// A meeting's attendance register.
    case attendanceRegister(Meeting)
}

/// Every form the package writes, read back by what it is.
///
/// The file says which form it is, and the module whose form it is imports it. The CLI composes every module, so it can take any form; a
/// host does the same for the modules it composes (see the article "Importing a partnership's own
/// files").
struct PartnershipForms: Sendable {
    /// The environment the records are in.
    let environment: AssuranceEnvironment

    /// The forms' names, as their About sheets give them.
    static let formNames = [
        Section11ReturnForm.formName, CaseReturnForm.formName, ActionPlanForm.formName, AttendanceRegisterForm.formName,
    ]

    /// Imports any of the package's forms.
    ///
    /// - Throws: `DomainError.Code.invalidInput` for a file that is no form of the package's, or
    ///   as each form's import throws. Nothing is written on any error.
    func importForm(_ data: Data, file: String, by principal: Principal) async throws -> ImportedForm {
        let workbook = try readWorkbook(data, file: file)
        switch FormDetails.formName(in: workbook) {
        case Section11ReturnForm.formName:
            return .section11Return(
                try await Section11Forms(environment: environment).importReturn(workbook, file: file, by: principal)
            )
        case CaseReturnForm.formName:
            return .caseReturns(
                try await CaseReturnForms(environment: environment).importReturns(workbook, file: file, by: principal)
            )
        case ActionPlanForm.formName:
            return .actionPlanUpdate(
                try await ActionPlanForms(environment: environment).importUpdate(workbook, file: file, by: principal)
            )
        case AttendanceRegisterForm.formName:
            return .attendanceRegister(
                try await AttendanceRegisterForms(environment: environment).importRegister(
                    workbook,
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

/// A workbook's bytes read as a workbook, its problems as the package's errors.
func readWorkbook(_ data: Data, file: String) throws -> Workbook {
    do {
        return try Workbook(data: data, file: file)
    } catch {
        throw error.domainError
    }
}
