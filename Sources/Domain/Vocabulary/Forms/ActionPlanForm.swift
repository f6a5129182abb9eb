import Foundation

/// An agency's action-plan update as a spreadsheet: each of its open actions with the
/// recommendation it answers, its lead and due day, and columns for the new status, what was done
/// and the evidence of completion.
public enum ActionPlanForm: Sendable {
    /// The form's name, on its About sheet.
    public static let formName = "qaf-action-plan-update"
    /// The form's version.
    public static let version = 1

    /// The actions sheet's column headings, in order.
    public enum Heading: Sendable {
        /// The action's reference: its id.
        public static let reference = "Action ref"
        /// The recommendation it answers.
        public static let recommendation = "Recommendation"
        /// What will be done.
        public static let action = "Action"
        /// Its lead.
        public static let lead = "Lead"
        /// The day it is due.
        public static let due = "Due"
        /// Its status as held.
        public static let statusNow = "Status now"
        /// The status the agency reports.
        public static let newStatus = "New status"
        /// What was done since the last update.
        public static let done = "What was done"
        /// The evidence of completion, one item per line.
        public static let evidence = "Evidence of completion (one per line)"
        /// The version of the action the form was written from.
        public static let version = "Version (leave as it is)"

        /// Every heading, left to right.
        public static let all = [
            reference, recommendation, action, lead, due, statusNow, newStatus, done, evidence, version,
        ]
    }

    /// The About sheet's labels.
    public enum Label: Sendable {
        /// The agency's id.
        public static let agencyID = "Agency id"
    }

    /// The statuses an agency may report, as the drop-down shows them.
    static let reportable: [TrackedAction.Status] = [.notStarted, .onTrack, .atRisk, .completed]

    /// An agency's form: its open actions, oldest due first.
    public static func workbook(
        partnership: String,
        agency: Agency,
        actions: [(action: Versioned<TrackedAction>, recommendation: String)],
        writtenOn day: Day
    ) -> Workbook {
        var sheet = Worksheet(name: "Your actions")
        sheet.columnWidths = [1: 16, 2: 40, 3: 40, 4: 22, 5: 12, 6: 14, 7: 14, 8: 48, 9: 36, 10: 10]
        sheet.boldRows = [1]
        sheet.frozenRows = 1
        sheet.setRow(1, Heading.all.map { .text($0) })
        for (index, entry) in actions.enumerated() {
            let action = entry.action.value
            sheet.setRow(
                index + 2,
                [
                    .text(action.id.rawValue), .text(entry.recommendation), .text(action.text), .text(action.lead),
                    .text(action.dueOn.description), .text(action.status.description), nil, nil, nil,
                    .number(Double(entry.action.version)),
                ]
            )
        }
        if !actions.isEmpty {
            sheet.dropDowns = [
                DropDown(column: 7, rows: 2...(actions.count + 1), choices: reportable.map(\.description))
            ]
        }
        let about = AboutSheet(
            title: "Action plan update: \(agency.name)",
            facts: [
                ("Partnership", .text(partnership)),
                ("Agency", .text(agency.name)),
                ("Open actions", .number(Double(actions.count))),
                ("Written on", .text(day.description)),
            ],
            steps: [
                "On the sheet \"Your actions\", give each action you have news of a new status with the "
                    + "drop-down, and say what was done.",
                "For an action completed, list the evidence that it was, one item per line: an action completed "
                    + "with evidence is reported as completed and evidenced.",
                "Leave a row blank to report nothing on it. Do not change the references, the versions or the "
                    + "details below.",
                "Save the workbook as .xlsx and send it back. If an action has been updated since this form was "
                    + "written, the import refuses it: ask for a new form.",
            ],
            more: nil,
            form: formName,
            version: version,
            ids: [(Label.agencyID, agency.id.rawValue)]
        )
        return Workbook(sheets: [sheet, about.worksheet])
    }

    /// Reads a filled form: a progress report for each row with a new status or what was done.
    ///
    /// - Parameters:
    ///   - workbook: The form as saved.
    ///   - file: The name errors give the file.
    ///   - held: The agency's open actions as held, by id, with their versions.
    /// - Returns: The agency and its progress reports, in the sheet's order.
    /// - Throws: `SpreadsheetError` for the first cell that is not as the form asks, a stale write
    ///   for an action changed since the form was written.
    public static func read(
        _ workbook: Workbook,
        file: String,
        held: [TrackedAction.ID: Versioned<TrackedAction>]
    ) throws(SpreadsheetError) -> [ActionProgress] {
        let table = try FormTable.find(
            headings: [Heading.reference, Heading.newStatus, Heading.done, Heading.version],
            in: workbook,
            file: file
        )
        var progress: [ActionProgress] = []
        for row in 2...max(table.sheet.lastRow, 2) {
            let newStatus = table.text(Heading.newStatus, row: row)
            let done = table.text(Heading.done, row: row)
            let evidence = table.text(Heading.evidence, row: row)
            guard newStatus != nil || done != nil || evidence != nil else { continue }
            guard let reference = table.text(Heading.reference, row: row) else {
                throw FormTable.problem(file, table, Heading.reference, row, nil, "the row has news but no action ref")
            }
            guard let action = held.first(where: { $0.key.rawValue == reference })?.value else {
                throw FormTable.problem(
                    file,
                    table,
                    Heading.reference,
                    row,
                    reference,
                    "is not an open action of this agency's; it may have been completed since the form was written"
                )
            }
            let status = try status(newStatus, row: row, table: table, file: file) ?? action.value.status
            let versionText = table.text(Heading.version, row: row)
            guard let versionText, let version = Int(versionText) else {
                throw FormTable.problem(file, table, Heading.version, row, versionText, "is not the version written")
            }
            guard version == action.version else {
                throw FormTable.problem(
                    file,
                    table,
                    Heading.version,
                    row,
                    versionText,
                    "is not the action's version now (\(action.version)): it was updated after the form was "
                        + "written; ask for a new form",
                    code: .staleWrite
                )
            }
            progress.append(
                ActionProgress(
                    action: action.value.id,
                    version: version,
                    status: status,
                    note: done ?? "Status reported as \(status).",
                    evidence: evidence?.split(whereSeparator: \.isNewline)
                        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                        .map { EvidenceReference(.document, title: $0) } ?? []
                )
            )
        }
        return progress
    }

    private static func status(
        _ text: String?,
        row: Int,
        table: FormTable,
        file: String
    ) throws(SpreadsheetError) -> TrackedAction.Status? {
        guard let text else { return nil }
        let wanted = text.lowercased().replacingOccurrences(of: "-", with: " ")
        guard let status = reportable.first(where: { $0.description == wanted }) else {
            throw FormTable.problem(
                file,
                table,
                Heading.newStatus,
                row,
                text,
                "is not a status; expected one of " + reportable.map(\.description).joined(separator: ", ")
            )
        }
        return status
    }
}
