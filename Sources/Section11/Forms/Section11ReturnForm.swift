public import Domain
import Foundation

/// An agency's Section 11 (or s175) return as a spreadsheet: its own criteria, the scale as a
/// drop-down, columns for narrative, evidence, areas for improvement and an action, and the
/// instructions and deadline on a sheet of their own.
///
/// ```swift
/// let forms = Section11Forms(environment: environment)
/// let workbook = try await forms.template(cycle: cycle.id, agency: "police", as: qaLead)
/// try workbook.data().write(to: url)
/// // … the agency fills it in and sends it back …
/// let assessment = try await forms.importReturn(try Data(contentsOf: url), file: "police.xlsx", by: qaLead)
/// ```
public enum Section11ReturnForm: Sendable {
    /// The form's name, on its About sheet.
    public static let formName = "qaf-section11-return"
    /// The form's version.
    public static let version = 1

    /// The answers sheet's column headings, in order.
    public enum Heading: Sendable {
        /// The standard the criterion belongs to.
        public static let standard = "Standard"
        /// The criterion's code.
        public static let criterion = "Criterion"
        /// The criterion's words and evidence prompts.
        public static let expected = "What is expected"
        /// The agency's rating, chosen from the scale.
        public static let rating = "Rating"
        /// What the agency does and how it knows.
        public static let narrative = "What you do and how you know"
        /// The evidence, one item per line.
        public static let evidence = "Evidence (one per line)"
        /// Areas for improvement.
        public static let improvement = "Areas for improvement"
        /// An action to improve.
        public static let action = "Action to improve"
        /// The action's owner: a role.
        public static let owner = "Action owner"
        /// The day the action is due.
        public static let due = "Action due"

        /// Every heading, left to right.
        public static let all = [
            standard, criterion, expected, rating, narrative, evidence, improvement, action, owner, due,
        ]
    }

    /// Labels of the About sheet's details.
    public enum Label: Sendable {
        /// The cycle's id.
        public static let cycleID = "Cycle id"
        /// The agency's id.
        public static let agencyID = "Agency id"
        /// Whether the agency is ready to submit: Yes or No.
        public static let submit = "Ready to submit"
    }

    /// The form's content, as read back.
    public struct Return: Sendable {
        /// The cycle.
        public var cycle: AssessmentCycle.ID
        /// The agency's answers, and whether it is ready to submit.
        public var entry: AssessmentInterchange.Entry
    }

    /// An agency's form for a cycle, with its current answers filled in.
    public static func workbook(
        partnership: String,
        cycle: AssessmentCycle,
        set: StandardSet,
        agency: Agency,
        assessment: SelfAssessment
    ) -> Workbook {
        let criteria = set.criteria(for: agency.sector)
        let standards = set.standardCodesByCriterion
        let titles = Dictionary(uniqueKeysWithValues: set.standards.map { ($0.code, $0.title) })
        var answers = Worksheet(name: "Your return")
        answers.setRow(1, Heading.all.map { .text($0) })
        answers.boldRows = [1]
        answers.frozenRows = 1
        answers.columnWidths = [1: 24, 2: 10, 3: 48, 4: 16, 5: 48, 6: 32, 7: 32, 8: 32, 9: 20, 10: 14]
        for (index, criterion) in criteria.enumerated() {
            let row = index + 2
            let response = assessment.response(criterion.code)
            let standard = standards[criterion.code]
            let action = response?.actions?.first
            answers.setRow(
                row,
                [
                    standard.map { .text("\($0) \(titles[$0] ?? "")".trimmingCharacters(in: .whitespaces)) },
                    .text(criterion.code.rawValue),
                    .text(([criterion.text] + criterion.evidencePrompts.map { "• \($0)" }).joined(separator: "\n")),
                    response?.selfRating.flatMap { code in set.scale.levels.first { $0.code == code } }.map {
                        .text($0.label)
                    },
                    response?.narrative.map { .text($0) },
                    response?.evidence.map { .text($0.map(\.title).joined(separator: "\n")) },
                    response?.areasForImprovement.map { .text($0) },
                    action.map { .text($0.text) },
                    action.map { .text($0.owner) },
                    action.map { .text($0.dueOn.description) },
                ]
            )
        }
        if !criteria.isEmpty {
            answers.dropDowns = [
                DropDown(column: 4, rows: 2...(criteria.count + 1), choices: set.scale.levels.reversed().map(\.label))
            ]
        }
        return Workbook(sheets: [answers, about(partnership, cycle, set, agency, criteria.count)])
    }

    private static func about(
        _ partnership: String,
        _ cycle: AssessmentCycle,
        _ set: StandardSet,
        _ agency: Agency,
        _ count: Int
    ) -> Worksheet {
        AboutSheet(
            title: "\(set.duty) self-assessment: \(agency.name)",
            facts: [
                ("Partnership", .text(partnership)),
                ("Cycle", .text(cycle.name)),
                ("Agency", .text(agency.name)),
                ("Standards", .text(set.name)),
                ("Return by", .text(cycle.returnDeadline.description)),
                (Label.submit, .text("No")),
            ],
            steps: [
                "On the sheet \"Your return\", rate each of your \(count) criteria with the drop-down in the Rating column.",
                "Say what you do and how you know in the next column, and list your evidence, one item per line.",
                "Where you are not yet where you want to be, give the area for improvement and an action with its "
                    + "owner and the day it is due (YYYY-MM-DD, or a date).",
                "When every criterion has a rating, set \"\(Label.submit)\" above to Yes, save the workbook as .xlsx "
                    + "and return it by \(cycle.returnDeadline).",
                "Do not change the headings, the criterion codes or the details below; rows and sheets may be "
                    + "moved, and columns widened.",
            ],
            more: ("The rating scale", set.scale.levels.reversed().map { ($0.label, "counts as \($0.rag.rawValue)") }),
            form: formName,
            version: version,
            ids: [(Label.cycleID, cycle.id.rawValue), (Label.agencyID, agency.id.rawValue)],
            yesOrNo: [Label.submit]
        ).worksheet
    }
}
