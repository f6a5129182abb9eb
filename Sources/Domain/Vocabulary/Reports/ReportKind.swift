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
public struct ReportKind: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The kind's name, such as `pdg-assurance`.
    public let rawValue: String

    /// Creates a kind from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a kind from a literal name.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Creates a kind from text, checking it.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` when the text is not lower-case letters, digits
    ///   and hyphens.
    public init(_ text: String) throws(DomainError) {
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

    /// The kind's name.
    public var description: String { rawValue }

    /// Orders kinds by name.
    public static func < (lhs: ReportKind, rhs: ReportKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The Practice Development Group's balanced assurance report to the Executive.
    public static let practiceDevelopmentAssurance: ReportKind = "pdg-assurance"
    /// A sub-group's bi-monthly report to the Executive.
    public static let subGroupReport: ReportKind = "sub-group"
    /// The six-monthly scrutiny pack for a group or project.
    public static let scrutinyPack: ReportKind = "scrutiny-pack"
    /// The quarterly summary of the multi-agency safeguarding hub.
    public static let mashQuarterly: ReportKind = "mash-quarterly"
    /// The quarterly summary of the child protection conference chairs.
    public static let conferenceChairsQuarterly: ReportKind = "conference-chairs-quarterly"
    /// The yearly report, 1 April to 31 March.
    public static let yearly: ReportKind = "yearly"
    /// One agency's feedback for a year: its Section 11 ratings, its gaps, its actions and its
    /// contribution.
    public static let agencyFeedback: ReportKind = "agency-feedback"
    /// The practitioners' briefing: what reviews and audits found and what to do differently.
    public static let practitionerBriefing: ReportKind = "practitioner-briefing"
}
