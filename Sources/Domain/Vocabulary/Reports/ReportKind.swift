/// A kind of report: an open set.
///
/// The framework's standard reports are the static members; a module defines a kind of its own
/// with a ``ReportDefinition`` in ``AssuranceModule/reportDefinitions``:
///
/// ```swift
/// extension ReportKind {
///     static let exploitationQuarterly: ReportKind = "exploitation-quarterly"
/// }
/// ```
///
/// A kind's name is lower-case letters, digits and hyphens: it names files and is typed on the
/// command line.
public typealias ReportKind = Code<CodeKinds.ReportKind>

extension CodeKinds {
    /// What a report kind names.
    public enum ReportKind: CodeKind {}
}

extension Code where Kind == CodeKinds.ReportKind {
    /// Creates a kind from text, checking it.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` when the text is not lower-case letters, digits
    ///   and hyphens.
    public init(validating text: String) throws(DomainError) {
        guard !text.isEmpty,
            text.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
        else {
            throw DomainError(
                .invalidInput,
                "report kind \(DomainError.quote(text)) is not valid; expected lower-case letters, digits and hyphens"
            )
        }
        self.rawValue = text
    }

    /// The Practice Development Group's balanced assurance report to the Executive.
    public static var practiceDevelopmentAssurance: ReportKind { "pdg-assurance" }
    /// A sub-group's bi-monthly report to the Executive.
    public static var subGroupReport: ReportKind { "sub-group" }
    /// The six-monthly scrutiny pack for a group or project.
    public static var scrutinyPack: ReportKind { "scrutiny-pack" }
    /// The quarterly summary of the multi-agency safeguarding hub.
    public static var mashQuarterly: ReportKind { "mash-quarterly" }
    /// The quarterly summary of the child protection conference chairs.
    public static var conferenceChairsQuarterly: ReportKind { "conference-chairs-quarterly" }
    /// The yearly report, 1 April to 31 March.
    public static var yearly: ReportKind { "yearly" }
    /// One agency's feedback for a year: its Section 11 ratings, its gaps, its actions and its
    /// contribution.
    public static var agencyFeedback: ReportKind { "agency-feedback" }
    /// The practitioners' briefing: what reviews and audits found and what to do differently.
    public static var practitionerBriefing: ReportKind { "practitioner-briefing" }

}
