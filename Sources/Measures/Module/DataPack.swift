public import Domain

extension ReportKind {
    /// The data pack: every measure's chart, by partnership and locality, beside the scorecard.
    public static let dataPack: ReportKind = "data-pack"
}

extension ReportDefinition {
    /// The data pack: the scorecard and every measure's SPC chart, the appendix to the Practice
    /// Development Group's report and the yearly report, which chart only what needs attention.
    public static let dataPack = ReportDefinition(
        kind: .dataPack,
        title: "Data pack",
        layout: [.summary, .body],
        expectedModules: ["Measures"]
    )
}
