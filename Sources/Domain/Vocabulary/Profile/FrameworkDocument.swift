import Foundation

/// The partnership's quality assurance framework in its own words: its name, its titles for the
/// sections rules rest on, what it says of each obligation a rule checks, its names for the levels
/// findings are escalated through, and its titles for its reports.
///
/// Nothing a particular partnership says is compiled into a rule: a rule names a section and says
/// what it checks in the package's own neutral words, and the document of the partnership that runs
/// it supplies the rest. The starter profile's document carries the starter framework's words.
///
/// ```swift
/// var document = FrameworkDocument(name: "Northfield Safeguarding Assurance Framework")
/// document.levels[.executive] = .init("Safeguarding Leaders Group", group: "leaders")
/// document.quotes[.partnershipMeetingCadence] = "the Board meets every two months"
/// ```
public struct FrameworkDocument: Hashable, Sendable {
    /// A level as the partnership names it, and the group or board that holds it.
    public struct Level: Hashable, Sendable {
        /// The name, as a sentence uses it after "the": `Practice Development Group`, `Board`.
        public var name: String
        /// The group that holds the level, if one does.
        public var group: Group.ID?

        /// Creates a level's name.
        public init(_ name: String, group: Group.ID? = nil) {
            self.name = name
            self.group = group
        }
    }

    /// A report kind as the partnership titles it, and whom it is addressed to.
    public struct Report: Hashable, Sendable {
        /// The title, such as `Assurance report to the Board`.
        public var title: String?
        /// The body the report goes to, as a sentence names it after "the".
        public var addressee: String?

        /// Creates a report's words.
        public init(title: String? = nil, addressee: String? = nil) {
            self.title = title
            self.addressee = addressee
        }
    }

    /// The framework's name, such as `Brackenshire SCP Quality Assurance Framework`.
    public var name: String
    /// The partnership's titles of its sections, where they differ from the common ones.
    public var sections: [FrameworkSection: String]
    /// What the framework says of the obligation each rule checks, by rule: the words a rule quotes.
    ///
    /// A rule with none cites its section in the package's own words.
    public var quotes: [RuleID: String]
    /// The partnership's names for the levels, and the groups that hold them.
    public var levels: [EscalationLevel: Level]
    /// The partnership's titles and addressees of its reports, by kind.
    public var reports: [ReportKind: Report]
    /// The settings the partnership's profile gives each rule's module a value of its own, by rule.
    ///
    /// A figure it sets is the partnership's, not a local default. Filled when a framework is made
    /// from a profile.
    public var settings: [RuleID: Set<String>] = [:]
    /// The counts the framework's disclosure rules keep out of public reports: `1...5` unless the
    /// profile says otherwise (the children in need statistics publish no count from 1 to 5).
    public var suppressedCounts: ClosedRange<Int> = 1...5
    /// The report sections whose statements the partnership publishes naming its agencies.
    ///
    /// The statutory partners' attendance at partnership meetings unless the profile says
    /// otherwise; any other table of a public report that names an agency is withheld.
    public var sectionsNamingAgencies: Set<String> = ["partnership.attendance"]
    /// The judgements of impact on which a recommendation may close: the change embedded, unless the
    /// profile says a change in progress is enough (`closesRecommendationsOn`).
    public var recommendationsCloseOn: Set<ImpactRecord.Judgement> = [.embedded]

    /// Creates a framework document.
    public init(
        name: String,
        sections: [FrameworkSection: String] = [:],
        quotes: [RuleID: String] = [:],
        levels: [EscalationLevel: Level] = [:],
        reports: [ReportKind: Report] = [:]
    ) {
        self.name = name
        self.sections = sections
        self.quotes = quotes
        self.levels = levels
        self.reports = reports
    }

    /// A framework not yet named: rules cite "the partnership's quality assurance framework".
    public static let unnamed = FrameworkDocument(name: "The partnership's quality assurance framework")

    /// A section's title in this framework.
    public func title(of section: FrameworkSection) -> String { sections[section] ?? section.commonTitle }

    /// The partnership's name for a level: its own, else the package's plain one.
    public func name(of level: EscalationLevel) -> String { levels[level]?.name ?? level.plainName }

    /// Text in the partnership's words: each level named in braces (`{executive}`,
    /// `{practice-development-group}`, `{sub-group}`, `{agency}`) as the partnership names it.
    ///
    /// A rule's title, summary and local defaults name levels this way, so that the catalogue and
    /// every source line speak of the partnership's own groups.
    public func words(_ text: String) -> String {
        guard text.contains("{") else { return text }
        var out = text
        for level in EscalationLevel.allCases {
            out = out.replacingOccurrences(of: "{\(level.rawValue)}", with: name(of: level))
        }
        return out
    }

    /// The group that holds a level, if the partnership says.
    public func group(holding level: EscalationLevel) -> Group.ID? { levels[level]?.group }

    /// A report's title in this framework: the partnership's own; else, for the assurance report,
    /// one made of the partnership's names for its levels; else the definition's.
    public func title(of report: ReportDefinition) -> String {
        if let title = reports[report.kind]?.title { return title }
        if report.kind == .practiceDevelopmentAssurance {
            let holder = name(of: .practiceDevelopmentGroup)
            let addressee = reports[report.kind]?.addressee ?? name(of: .executive)
            return "\(holder.prefix(1).uppercased() + holder.dropFirst()) assurance report to the \(addressee)"
        }
        return report.title
    }

    /// A source as this framework cites it: a source in a section of the framework names the
    /// framework and the section; any other source is its own citation.
    public func cite(_ source: ObligationSource) -> String { cite(source, rule: nil) }

    /// A source as this framework cites it for a rule: as ``cite(_:)``, with what this framework
    /// says of the rule's obligation (``quotes``) in place of the rule's own words.
    public func cite(_ source: ObligationSource, rule: RuleID?) -> String {
        guard let section = source.section else { return source.citation }
        let place = "\(name), \(title(of: section))"
        let quote = rule.flatMap { quotes[$0] }
        if source.kind == .framework {
            let text = quote ?? source.citation
            return text.isEmpty ? place : "\(place): \(text)"
        }
        let text = quote ?? source.sectionText ?? ""
        return "\(source.citation); " + (text.isEmpty ? place : "\(place): \(text)")
    }

    /// A rule's figure as this framework shows it: in its words, and set by the partnership when its
    /// profile sets it.
    public func figure(_ figure: LocalDefault, rule: RuleID) -> LocalDefault {
        var shown = figure
        shown.name = words(figure.name)
        shown.isSetByPartnership = figure.setting.map { settings[rule]?.contains($0) ?? false } ?? false
        return shown
    }

    /// A source as this framework cites it, whole, with its section resolved: what a rule catalogue
    /// or a report shows.
    public func resolve(_ source: ObligationSource, rule: RuleID? = nil) -> ObligationSource {
        guard source.section != nil else { return source }
        var resolved = ObligationSource(source.kind, cite(source, rule: rule), url: source.url)
        resolved.section = nil
        return resolved
    }
}

extension EscalationLevel {
    /// The package's plain name for the level, where a partnership gives none.
    public var plainName: String {
        switch self {
        case .agency: "agency"
        case .subGroup: "sub-group"
        case .practiceDevelopmentGroup: "assurance group"
        case .executive: "safeguarding partners"
        }
    }
}
