/// A section of a report, contributed by a module: a title and a list of blocks.
///
/// Modules build sections from their own records and hand them to Reporting, which assembles the
/// standard reports and renders them; Reporting never imports a feature module.
public struct ReportSection: Hashable, Sendable {
    /// Whether a section may go to every audience.
    public enum Disclosure: String, Hashable, Sendable, Codable {
        /// Fit for every audience once small numbers are suppressed.
        case any
        /// Left out of public reports: it names agencies' ratings or cases.
        case notPublic = "not-public"
    }

    /// A stable id, such as `measures.scorecard`.
    public var id: String
    /// The section's title.
    public var title: String
    /// The module that contributed it.
    public var module: String
    /// Its position among the module's sections.
    public var order: Int
    /// The part of the report it goes in.
    public var part: ReportPart
    /// Who may see it.
    public var disclosure: Disclosure
    /// The blocks, in order.
    public var blocks: [ReportBlock]

    /// Creates a section.
    public init(
        id: String,
        title: String,
        module: String,
        order: Int = 0,
        part: ReportPart = .body,
        disclosure: Disclosure = .any,
        blocks: [ReportBlock]
    ) {
        self.part = part
        self.id = id
        self.title = title
        self.module = module
        self.order = order
        self.disclosure = disclosure
        self.blocks = blocks
    }
}

extension Array where Element == ReportSection {
    /// The sections, with those `isDetail` picks placed in the detail part when the report is the
    /// Practice Development Group's, whose detail the data pack carries; in any other report, as
    /// they are.
    ///
    /// A report whose detail no composed report carries shows its detail sections in its body.
    public func placingDetail(
        for request: ReportRequest,
        where isDetail: (ReportSection) -> Bool
    ) -> [ReportSection] {
        guard request.kind == .practiceDevelopmentAssurance else { return self }
        return map { section in
            var section = section
            if section.part == .body, isDetail(section) { section.part = .detail }
            return section
        }
    }
}
