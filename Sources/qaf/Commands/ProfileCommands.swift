import Audit
import Domain
import Foundation
import Learning
import Measures
import SQLiteStore
import Section11

/// `qaf profile`: write, check and summarise a partnership profile.
enum ProfileCommand: Command {
    static let name = "profile"
    static let summary = "write the starter partnership profile, or check or summarise one"
    static let help = """
        usage: qaf profile init -o FILE
               qaf profile check FILE
               qaf profile show FILE
               qaf profile apply FILE --db DB

        A partnership profile (qaf-profile, JSON; see Documentation/DataFormats.md) holds everything that
        differs between partnerships: the framework's name and sections as rules cite them, groups and
        cadences, priorities, the escalation and reminder policies, and each module's part: Section 11
        standard sets, audit tools, the measure catalogue, clocks and every threshold with its default.
          init   writes the starter profile, the framework the package was built from
          check  checks a profile whole: exit 0, or 65 with every problem and its JSON path
          apply  applies a changed profile to a database: what it adds is added, what it changes
                 (an agency renamed, a group's cadence) is a new version with its history, and
                 nothing is deleted; the database keeps the new profile
          show   summarises one: groups, escalation, standard sets, audit tools and programmes,
                 measures, clocks, and every threshold, marked as the partnership's where it set one

        example:
          qaf profile init -o partnership.qaf-profile.json
          qaf profile check partnership.qaf-profile.json
        """

    static func run(_ arguments: inout Arguments) async throws {
        let values = try arguments.positional(["action"], optional: ["file"])
        let out = try arguments.option("o")
        let database = try arguments.option("db")
        try arguments.finish()
        switch values[0] {
        case "init":
            guard let out else { throw CLIError.usage("profile init needs -o FILE", command: name) }
            try DemoCommand.write(String(decoding: try starterProfile.encoded(), as: UTF8.self) + "\n", to: out)
            message("wrote the starter profile to \(out)")
        case "check":
            guard values.count > 1 else { throw CLIError.usage("profile check needs a FILE", command: name) }
            let (profile, modules) = try readWhole(values[1])
            message(
                "\(values[1]): a valid profile of \(profile.partnershipName) (\(profile.framework.name)), \(modules.count) modules"
            )
            for note in profile.migrationNotes { message("note: \(note)") }
        case "show":
            guard values.count > 1 else { throw CLIError.usage("profile show needs a FILE", command: name) }
            let (profile, modules) = try readWhole(values[1])
            output(try summary(profile, modules))
        case "apply":
            guard values.count > 1, let database else {
                throw CLIError.usage("profile apply needs a FILE and --db DB", command: name)
            }
            let (profile, modules) = try readWhole(values[1])
            let store = try openDatabase(database, create: false)
            let environment = environment(store)
            let applied = try await profile.apply(
                to: environment.records,
                modules: modules,
                on: environment.today(),
                by: operatorPrincipal
            )
            try await store.checkpoint()
            message(
                "applied \(values[1]) to \(database): \(applied.added.count) added, \(applied.changed.count) changed, "
                    + "\(applied.unchanged) unchanged"
            )
        default:
            throw CLIError.usage(
                "unknown action \(DomainError.quote(values[0])); expected init, check, show or apply",
                command: name
            )
        }
    }

    /// A profile file, read and its partnership's part checked.
    static func read(_ path: String) throws -> PartnershipProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError(.noInput, "no profile at \(path); write one with 'qaf profile init -o \(path)'")
        }
        return try PartnershipProfile(json: data, source: path)
    }

    /// A profile file checked whole, with the CLI's modules made from it.
    static func readWhole(_ path: String) throws -> (PartnershipProfile, [any AssuranceModule]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError(.noInput, "no profile at \(path); write one with 'qaf profile init -o \(path)'")
        }
        return try PartnershipProfile.read(json: data, source: path, modules: moduleTypes)
    }

    /// The CLI's modules made from a profile, every problem reported.
    static func modules(_ profile: PartnershipProfile, source: String) throws -> [any AssuranceModule] {
        try profile.modules(moduleTypes, source: source)
    }

    static func summary(_ profile: PartnershipProfile, _ modules: [any AssuranceModule]) throws -> String {
        let framework = try AssuranceFramework(profile: profile, modules: moduleTypes)
        var text = "\(profile.partnershipName)\nframework: \(profile.framework.name)\n\ngroups:\n"
        let names = profile.groups.keyed(by: \.id, value: \.name)
        for group in profile.groups {
            var line = "  \(group.name) (\(group.kind.rawValue))"
            let parents = group.reportsToAll.map { names[$0] ?? $0.rawValue }
            if !parents.isEmpty { line += ", reports to \(parents.joined(separator: " and "))" }
            if let cadence = group.meetingCadence { line += ", meets \(cadence)" }
            if let cadence = group.reportingCadence { line += ", reports \(cadence)" }
            if let cadence = group.scrutinyCadence { line += ", scrutinised \(cadence)" }
            text += line + "\n"
        }
        for note in profile.migrationNotes { text += "note: \(note)\n" }
        text += "\nescalation: \(framework.escalationSummary)\n"
        for module in modules { text += moduleSummary(module) }
        let catalogue = framework.ruleCatalogue
        text += "\nrules: \(catalogue.count); thresholds and timescales:\n"
        for rule in catalogue where !rule.localDefaults.isEmpty {
            text += "  \(rule.id): " + rule.localDefaults.map(\.description).joined(separator: "; ") + "\n"
        }
        return text
    }

    /// What a module's part of the profile holds: standard sets, audit tools and programmes, the
    /// measure catalogue, clocks.
    static func moduleSummary(_ module: any AssuranceModule) -> String {
        var text = ""
        switch module {
        case let section11 as Section11Module:
            text += "\nSection 11 standard sets:\n"
            for set in section11.standardSets {
                text +=
                    "  \(set.name): \(set.standards.count) standards, \(set.standards.flatMap(\.criteria).count) criteria, "
                    + "rated \(set.scale.levels.reversed().map(\.label).joined(separator: " / "))\n"
                for sector in Set(set.standards.flatMap(\.sectors)).sorted() {
                    text += "    \(sector.label): \(set.standards(for: sector).count) standards\n"
                }
            }
        case let audit as AuditModule:
            text += "\naudit tools:\n"
            for tool in audit.templates {
                text +=
                    "  \(tool.name) (version \(tool.version)): \(tool.sections.count) sections, graded "
                    + tool.scale.levels.reversed().map(\.label).joined(separator: " / ") + "\n"
            }
            text += "audit types: " + audit.types.map(\.label).joined(separator: ", ") + "\n"
            for programme in audit.programmes {
                text += "  programme: a \(audit.label(of: programme.type).lowercased()) \(programme.every)"
                text += (programme.from.map { " from \($0)" } ?? "") + "\n"
            }
        case let measures as MeasuresModule:
            text += "\nmeasures: \(measures.catalogue.definitions.count)\n"
            for definition in measures.catalogue.definitions {
                let roles = (definition.roles ?? []).map(\.rawValue)
                text +=
                    "  \(definition.id): \(definition.name)"
                    + (roles.isEmpty ? "" : " [\(roles.joined(separator: ", "))]")
                text += "\n"
            }
        case let learning as LearningModule:
            text += "\nclocks:\n"
            for clock in learning.clocks { text += "  \(clock.name): \(clock.rule) (\(clock.source.citation))\n" }
        default:
            break
        }
        return text
    }
}

/// `qaf new`: an empty partnership database, configured from a profile.
enum NewCommand: Command {
    static let name = "new"
    static let summary = "create an empty partnership database from a profile, ready for data"
    static let help = """
        usage: qaf new --db DB [--profile FILE]

        Creates a database holding the partnership, its groups and priorities, and each module's
        reference data (standard sets, audit tools, the measure catalogue, clocks) from the profile
        (default the starter profile), which it keeps: every later command on the database is
        configured from it. Refuses a database that exists.

        example:
          qaf new --db ours.sqlite --profile partnership.qaf-profile.json
        """

    static func run(_ arguments: inout Arguments) async throws {
        let database = try arguments.required("db")
        let path = try arguments.option("profile")
        _ = try arguments.positional([])
        try arguments.finish()
        let profile = try path.map(ProfileCommand.read) ?? starterProfile
        let modules = try ProfileCommand.modules(profile, source: path ?? "the starter profile")
        guard !FileManager.default.fileExists(atPath: database) else {
            throw CLIError(.dataError, "\(database) exists; qaf new makes a new database")
        }
        let store = try openDatabase(database, create: true)
        var batch = RecordBatch()
        for record in profile.records(for: modules, membersSince: environment(store).today()) {
            try batch.save(record, version: 0)
        }
        try batch.save(StoredProfile(json: String(decoding: try profile.encoded(), as: UTF8.self)), version: 0)
        try await Records(store: store).commit(batch, by: operatorPrincipal)
        try await store.checkpoint()
        message(
            "made \(database): \(profile.partnershipName), \(profile.agencies.count) agencies, "
                + "\(profile.localities.count) localities, \(profile.groups.count) groups, from \(path ?? "the starter profile")"
        )
    }
}
