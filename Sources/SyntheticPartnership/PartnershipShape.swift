package import Audit
package import Domain
package import Measures
package import Section11

/// A partnership's own structure for the generator to fill with data.
///
/// Its name, groups and priorities, its measure catalogue, its standard sets and its audit tool, as
/// its profile gives them: the demo of a profile is made in that partnership's shape, not the
/// starter's.
package struct PartnershipShape: Sendable {
    /// The partnership's name.
    package var name: String
    /// Its groups, with their reporting lines and cadences.
    package var groups: [Group]
    /// Its priorities; none for generated ones.
    package var priorities: [Priority]
    /// Its measure catalogue.
    package var catalogue: MeasureCatalogue
    /// Its standard sets: the first of each duty is the one its cycles issue.
    package var standardSets: [StandardSet]
    /// Its audit tool.
    package var auditTool: AuditTemplate

    /// Creates a shape.
    package init(
        name: String,
        groups: [Group],
        priorities: [Priority],
        catalogue: MeasureCatalogue,
        standardSets: [StandardSet],
        auditTool: AuditTemplate
    ) {
        self.name = name
        self.groups = groups
        self.priorities = priorities
        self.catalogue = catalogue
        self.standardSets = standardSets
        self.auditTool = auditTool
    }

    /// The shape of a profile's partnership, from the modules made from it: its name, groups and
    /// priorities, measure catalogue, standard sets and latest audit tool.
    package init(profile: PartnershipProfile, modules: [any AssuranceModule]) {
        let section11 = modules.compactMap { $0 as? Section11Module }.first ?? Section11Module()
        let audit = modules.compactMap { $0 as? AuditModule }.first ?? AuditModule()
        let measures = modules.compactMap { $0 as? MeasuresModule }.first ?? MeasuresModule()
        self.init(
            name: profile.partnershipName,
            groups: profile.groups,
            priorities: profile.priorities,
            catalogue: measures.catalogue,
            standardSets: section11.standardSets,
            auditTool: audit.templates.max { ($0.version, $0.id) < ($1.version, $1.id) } ?? .standard
        )
    }

    /// The set a duty's cycles issue, if the partnership has one.
    package func set(for duty: AssessmentDuty) -> StandardSet? { standardSets.first { $0.duty == duty } }

    /// The group at the top: the one that reports to no other.
    package var top: Group.ID? { groups.first { $0.reportsToAll.isEmpty }?.id }

    /// The groups that report to another, in the profile's order.
    package var reporting: [Group] { groups.filter { !$0.reportsToAll.isEmpty } }
}

extension RatingScale {
    /// The level a generated rating of a colour takes: the best level that counts as it, or the
    /// nearest colour's when none does.
    func generated(_ rag: RAG) -> RatingCode {
        let order: [RAG] = rag == .amber ? [.amber, .red, .green] : rag == .red ? [.red, .amber] : [.green, .amber]
        for colour in order {
            if let level = levels(counting: colour).first { return level.code }
        }
        return levels.last!.code
    }
}
