public import Domain
public import Foundation

/// A scenario a QA lead writes without Swift (`qaf-scenario`, JSON): a small partnership state in the
/// profile's terms, the days the assurance cycle runs, and the findings, levels and reminders
/// expected after the last.
///
/// ```json
/// {"format": "qaf-scenario", "version": 1, "name": "A challenge session overdue",
///  "days": ["2025-11-02"], "records": [{"type": "audit.audit", "record": {…}}],
///  "expect": {"findings": [{"rule": "audit.challenge-overdue", "level": "practice-development-group"}]}}
/// ```
public struct Scenario: Sendable {
    /// The file format's name.
    public static let format = "qaf-scenario"
    /// The version this build reads.
    public static let version = 1

    /// A finding expected to be open after the last day's cycle.
    public struct ExpectedFinding: Hashable, Sendable {
        /// The rule that raises it.
        public var rule: RuleID
        /// The level it is at.
        public var level: EscalationLevel?
        /// Text its message contains.
        public var messageContains: String?
    }

    /// A reminder expected to have been sent by the last day.
    public struct ExpectedReminder: Hashable, Sendable {
        /// The kind of deadline.
        public var kind: DeadlineKind
        /// The day it falls due.
        public var dueOn: Day?
    }

    /// The scenario's name.
    public var name: String
    /// The days the cycle runs, in order.
    public var days: [Day]
    /// The records, each decoded as its type.
    public var records: [JSONValue]
    /// The observation series.
    public var observations: [ObservationSeries]
    /// The findings expected open after the last day.
    public var findings: [ExpectedFinding]
    /// Rules expected to have no open finding.
    public var noFindingsFrom: [RuleID]
    /// The reminders expected to have been sent.
    public var reminders: [ExpectedReminder]

    /// Reads a scenario, checking it whole.
    ///
    /// - Throws: `DomainError.Code.invalidInput` naming every problem with its JSON path.
    public init(json data: Data, source: String) throws {
        let document = try JSONValue.read(data, source: source)
        let reader = ProfileReader(document)
        _ = reader.fields(allowing: ["format", "version", "name", "days", "records", "observations", "expect"])
        if reader.child("format", required: true)?.string().map({ $0 == Self.format }) == false {
            reader.problem("expected \(DomainError.quote(Self.format))", at: "format")
        }
        if let version = reader.child("version", required: true)?.integer(in: 1...Int.max), version > Self.version {
            reader.problem("version \(version) is newer than this build reads (\(Self.version))", at: "version")
        }
        name = reader.child("name", required: true)?.string() ?? source
        days = (reader.child("days", required: true)?.elements() ?? []).compactMap(Self.day)
        if days.isEmpty { reader.problem("expected at least one day", at: "days") }
        if days != days.sorted() { reader.problem("the days must run in order", at: "days") }
        records = reader.child("records")?.elements().map(\.value) ?? []
        observations = (reader.child("observations")?.elements() ?? []).compactMap(Self.series)
        var findings: [ExpectedFinding] = []
        var absent: [RuleID] = []
        var reminders: [ExpectedReminder] = []
        if let expect = reader.child("expect", required: true) {
            _ = expect.fields(allowing: ["findings", "noFindingsFrom", "reminders"])
            for element in expect.child("findings")?.elements() ?? [] {
                _ = element.fields(allowing: ["rule", "level", "messageContains"])
                guard let rule = element.child("rule", required: true)?.string() else { continue }
                var level: EscalationLevel?
                if let text = element.child("level")?.string() {
                    level = EscalationLevel(rawValue: text)
                    if level == nil {
                        element.problem(
                            "\(DomainError.quote(text)) is not a level; expected one of "
                                + EscalationLevel.allCases.map(\.rawValue).joined(separator: ", "),
                            at: "level"
                        )
                    }
                }
                findings.append(
                    ExpectedFinding(
                        rule: RuleID(unchecked: rule),
                        level: level,
                        messageContains: element.child("messageContains")?.string()
                    )
                )
            }
            absent = (expect.child("noFindingsFrom")?.elements() ?? []).compactMap { element in
                element.string().map { RuleID(unchecked: $0) }
            }
            for element in expect.child("reminders")?.elements() ?? [] {
                _ = element.fields(allowing: ["kind", "dueOn"])
                guard let kind = element.child("kind", required: true)?.string() else { continue }
                reminders.append(
                    ExpectedReminder(
                        kind: DeadlineKind(rawValue: kind),
                        dueOn: element.child("dueOn").flatMap(Self.day)
                    )
                )
            }
        }
        self.findings = findings
        noFindingsFrom = absent
        self.reminders = reminders
        if !reader.problems.isEmpty {
            throw DomainError(
                .invalidInput,
                "\(source) has \(reader.problems.count) problem\(reader.problems.count == 1 ? "" : "s"):\n"
                    + reader.problems.map { "  \($0)" }.joined(separator: "\n")
            )
        }
    }

    /// A series as a scenario writes it: each point `{"period", "value"}`, with `numerator`,
    /// `denominator` and `status` (`actual` unless given) as it needs them.
    static func series(_ reader: ProfileReader) -> ObservationSeries? {
        guard case .object(var series) = reader.value else { return reader.decode(ObservationSeries.self) }
        if case .array(let points)? = series["points"] {
            series["points"] = .array(
                points.map { point in
                    guard case .object(var fields) = point, fields["status"] == nil else { return point }
                    fields["status"] = .string("actual")
                    return .object(fields)
                }
            )
        }
        return reader.reading(.object(series)).decode(ObservationSeries.self)
    }

    static func day(_ reader: ProfileReader) -> Day? {
        guard let text = reader.string() else { return nil }
        do {
            return try Day(parsing: text)
        } catch {
            reader.problem("\(DomainError.quote(text)) is not a day; expected YYYY-MM-DD")
            return nil
        }
    }
}
