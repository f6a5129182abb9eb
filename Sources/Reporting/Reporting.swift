// Reporting
//
// The partnership's reports: the PDG assurance report and the others, rendered as Markdown, HTML with charts, JSON and CSV.
