import Foundation

/// A meeting's attendance register as a spreadsheet: each agency invited (the group's members on
/// the day, or the meeting's own list once it is held), and whether it attended.
public enum AttendanceRegisterForm: Sendable {
    /// The form's name, on its About sheet.
    public static let formName = "qaf-attendance-register"
    /// The form's version.
    public static let version = 1

    /// The register's column headings, in order.
    public enum Heading: Sendable {
        /// The agency's reference: its id.
        public static let reference = "Agency ref"
        /// The agency's name.
        public static let agency = "Agency"
        /// Whether it was invited: Yes or No.
        public static let invited = "Invited"
        /// Whether it attended: Yes or No.
        public static let attended = "Attended"

        /// Every heading, left to right.
        public static let all = [reference, agency, invited, attended]
    }

    /// The About sheet's labels.
    public enum Label: Sendable {
        /// The group's id.
        public static let groupID = "Group id"
        /// The meeting's day.
        public static let day = "Meeting day"
        /// The meeting's version when the form was written; 0 for a meeting not yet recorded.
        public static let meetingVersion = "Meeting version"
    }

    /// What a read register holds.
    public struct Register: Sendable {
        /// The group.
        public var group: Group.ID
        /// The day.
        public var day: Day
        /// The version of the meeting the form was written from; 0 for a new meeting.
        public var version: Int
        /// The agencies invited.
        public var invited: [Agency.ID]
        /// The agencies that attended.
        public var attended: [Agency.ID]
    }

    /// A register for a group's meeting on a day.
    public static func workbook(
        partnership: String,
        group: Group,
        day: Day,
        agencies: [Agency],
        meeting: Versioned<Meeting>?
    ) -> Workbook {
        var sheet = Worksheet(name: "Register")
        sheet.columnWidths = [1: 18, 2: 48, 3: 10, 4: 10]
        sheet.boldRows = [1]
        sheet.frozenRows = 1
        sheet.setRow(1, Heading.all.map { .text($0) })
        let invited = Set(meeting?.value.invited ?? agencies.map(\.id))
        let attended = Set(meeting?.value.attended ?? [])
        for (index, agency) in agencies.enumerated() {
            sheet.setRow(
                index + 2,
                [
                    .text(agency.id.rawValue), .text(agency.name), .text(invited.contains(agency.id) ? "Yes" : "No"),
                    meeting == nil ? nil : .text(attended.contains(agency.id) ? "Yes" : "No"),
                ]
            )
        }
        if !agencies.isEmpty {
            let rows = 2...(agencies.count + 1)
            sheet.dropDowns = [
                DropDown(column: 3, rows: rows, choices: ["Yes", "No"]),
                DropDown(column: 4, rows: rows, choices: ["Yes", "No"]),
            ]
        }
        let about = AboutSheet(
            title: "Attendance register: \(group.name), \(day)",
            facts: [
                ("Partnership", .text(partnership)), ("Group", .text(group.name)), ("Day", .text(day.description)),
            ],
            steps: [
                "Mark each agency Yes or No under Attended.",
                "An agency that came without being invited: mark it Invited No, Attended Yes; an agency not "
                    + "listed: add a row with its reference.",
                "Save the workbook as .xlsx and send it back. Do not change the references or the details below.",
            ],
            more: nil,
            form: formName,
            version: version,
            ids: [
                (Label.groupID, group.id.rawValue), (Label.day, day.description),
                (Label.meetingVersion, String(meeting?.version ?? 0)),
            ]
        )
        return Workbook(sheets: [sheet, about.worksheet])
    }

    /// Reads a filled register.
    ///
    /// - Parameters:
    ///   - workbook: The register as saved.
    ///   - file: The name errors give the file.
    ///   - agencies: The partnership's agencies, by id.
    /// - Returns: The meeting's group, day, the version it was written from, and who was invited and came.
    /// - Throws: `SpreadsheetError` for the first cell that is not as the form asks.
    public static func read(
        _ workbook: Workbook,
        file: String,
        agencies: [Agency.ID: Agency]
    ) throws(SpreadsheetError) -> Register {
        let details = try FormDetails.find(formName, version: version, in: workbook, file: file)
        let groupText = try details.text(Label.groupID, file: file)
        let dayText = try details.text(Label.day, file: file)
        let versionText = try details.text(Label.meetingVersion, file: file)
        guard let group = try? Group.ID(validating: groupText), let day = try? Day(parsing: dayText),
            let version = Int(versionText)
        else {
            throw SpreadsheetError(
                file: file,
                sheet: details.sheet,
                field: Label.groupID,
                message: "the form's details were changed; they are the package's and must be left as they are"
            )
        }
        let table = try FormTable.find(headings: [Heading.reference, Heading.attended], in: workbook, file: file)
        var invited: [Agency.ID] = []
        var attended: [Agency.ID] = []
        var seen: [Agency.ID: Int] = [:]
        for row in 2...max(table.sheet.lastRow, 2) {
            guard let reference = table.text(Heading.reference, row: row) else { continue }
            guard let agency = agencies.keys.first(where: { $0.rawValue == reference }) else {
                let known = agencies.keys.map(\.rawValue).sorted()
                throw FormTable.problem(
                    file,
                    table,
                    Heading.reference,
                    row,
                    reference,
                    "is not an agency of the partnership; expected one of " + known.prefix(20).joined(separator: ", ")
                        + (known.count > 20 ? ", … (\(known.count) in all)" : "")
                )
            }
            if let first = seen[agency] {
                throw FormTable.problem(
                    file,
                    table,
                    Heading.reference,
                    row,
                    reference,
                    "is listed twice, first on row \(first)"
                )
            }
            seen[agency] = row
            if try yes(Heading.invited, row: row, table: table, file: file, empty: true) { invited.append(agency) }
            if try yes(Heading.attended, row: row, table: table, file: file, empty: false) {
                attended.append(agency)
                invited.append(agency)
            }
        }
        return Register(group: group, day: day, version: version, invited: invited, attended: attended)
    }

    private static func yes(
        _ heading: String,
        row: Int,
        table: FormTable,
        file: String,
        empty: Bool
    ) throws(SpreadsheetError) -> Bool {
        guard let value = table.value(heading, row: row) else { return empty }
        if case .bool(let answer) = value { return answer }
        switch value.text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes", "y", "true", "1", "✓", "x": return true
        case "no", "n", "false", "0", "": return false
        default:
            throw FormTable.problem(file, table, heading, row, value.text, "is neither Yes nor No")
        }
    }
}
