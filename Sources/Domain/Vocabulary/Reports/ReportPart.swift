/// A part of a report, in which sections are placed: an open set.
///
/// A ``ReportDefinition`` lists its parts in order; the assembler writes the summary and the
/// findings itself, and places each module's sections in the part the section names
/// (``ReportSection/part``), in the order the modules were composed.
public typealias ReportPart = Code<CodeKinds.ReportPart>

extension CodeKinds {
    /// What a report part names.
    public enum ReportPart: CodeKind {}
}

extension Code where Kind == CodeKinds.ReportPart {
    /// The summary: what the report covers and its findings counted by part and level.
    public static var summary: ReportPart { "summary" }
    /// The findings, in the framework's balanced order.
    public static var findings: ReportPart { "findings" }
    /// What the report's reader must do, and by when: an agency's actions lead its feedback.
    public static var actions: ReportPart { "actions" }
    /// What children, young people and families told the partnership.
    public static var voice: ReportPart { "voice" }
    /// The modules' sections: the body of the report.
    public static var body: ReportPart { "body" }
    /// Detail behind the body (every row of a table the body summarises): a report whose
    /// definition names another as carrying its detail (``ReportDefinition/detailOf``) leaves
    /// these sections to that one, as the Practice Development Group's report leaves them to the
    /// data pack.
    public static var detail: ReportPart { "detail" }
}
