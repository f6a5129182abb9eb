/// A part of a report, in which sections are placed: an open set.
///
/// A ``ReportDefinition`` lists its parts in order; the assembler writes the summary and the
/// findings itself, and places each module's sections in the part the section names
/// (``ReportSection/part``), in the order the modules were composed.
public struct ReportPart: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The part's name.
    public let rawValue: String

    /// Creates a part from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a part from a literal name.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The part's name.
    public var description: String { rawValue }

    /// The summary: what the report covers and its findings counted by part and level.
    public static let summary: ReportPart = "summary"
    /// The findings, in the framework's balanced order.
    public static let findings: ReportPart = "findings"
    /// What children, young people and families told the partnership.
    public static let voice: ReportPart = "voice"
    /// The modules' sections: the body of the report.
    public static let body: ReportPart = "body"
}
