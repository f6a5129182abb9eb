public import Domain

extension ReportKind {
    /// The data pack: every measure's chart, by partnership and locality, beside the scorecard.
    public static let dataPack: ReportKind = "data-pack"
}

extension ReportDefinition {
    /// The data pack: the scorecard and every measure's SPC chart, the appendix to the Practice
    /// Development Group's report and the yearly report, which chart only what needs attention;
    /// and the detail the Practice Development Group's report leaves to it (every outstanding
    /// action, every grade, the rules behind its findings with their thresholds).
    public static let dataPack = ReportDefinition(
        kind: .dataPack,
        title: "Data pack",
        layout: [.summary, .body, .detail],
        expectedModules: ["Measures"],
        detailOf: .practiceDevelopmentAssurance
    )
}
