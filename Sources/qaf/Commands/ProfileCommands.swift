import Domain
import Foundation
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

        A partnership profile (qaf-profile, JSON; see Documentation/DataFormats.md) holds everything that
        differs between partnerships: the framework's name and sections as rules cite them, groups and
        cadences, priorities, the escalation and reminder policies, and each module's part: Section 11
        standard sets, audit tools, the measure catalogue, clocks and every threshold with its default.
          init   writes the starter profile, the framework the package was built from
          check  checks a profile whole: exit 0, or 65 with every problem and its JSON path
          show   summarises one: groups, standards per sector, measures, clocks and thresholds

        example:
          qaf profile init -o partnership.qaf-profile.json
          qaf profile check partnership.qaf-profile.json
        """

    static func run(_ arguments: inout Arguments) async throws {
        let values = try arguments.positional(["action"], optional: ["file"])
        let out = try arguments.option("o")
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
        case "show":
            guard values.count > 1 else { throw CLIError.usage("profile show needs a FILE", command: name) }
            let (profile, modules) = try readWhole(values[1])
            output(try summary(profile, modules))
        default:
            throw CLIError.usage(
                "unknown action \(DomainError.quote(values[0])); expected init, check or show",
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
        var text = "\(profile.partnershipName)\nframework: \(profile.framework.name)\n\ngroups:\n"
        let names = profile.groups.keyed(by: \.id, value: \.name)
        for group in profile.groups {
            var line = "  \(group.name) (\(group.kind.rawValue))"
            if let parent = group.reportsTo { line += ", reports to \(names[parent] ?? parent.rawValue)" }
            if let cadence = group.meetingCadence { line += ", meets \(cadence)" }
            if let cadence = group.reportingCadence { line += ", reports \(cadence)" }
            if let cadence = group.scrutinyCadence { line += ", scrutinised \(cadence)" }
            text += line + "\n"
        }
        text +=
            "\nescalation: "
            + profile.escalation.route.map { level in
                profile.escalation.after[level].map { "\(level) (\($0))" } ?? level.description
            }.joined(separator: " → ") + "\n"
        for module in modules {
            switch module {
            case let section11 as Section11Module:
                text += "\nSection 11 standard sets:\n"
                for set in section11.standardSets {
                    text +=
                        "  \(set.name): \(set.standards.count) standards, \(set.standards.flatMap(\.criteria).count) criteria\n"
                    let sectors = Set(set.standards.flatMap(\.sectors)).sorted()
                    for sector in sectors {
                        text += "    \(sector.label): \(set.standards(for: sector).count) standards\n"
                    }
                }
            default:
                break
            }
        }
        let catalogue = try AssuranceFramework(modules: modules, document: profile.framework).ruleCatalogue
        text += "\nrules: \(catalogue.count); local defaults:\n"
        for rule in catalogue where !rule.localDefaults.isEmpty {
            text += "  \(rule.id): " + rule.localDefaults.map(\.description).joined(separator: "; ") + "\n"
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
        for record in profile.records(for: modules) { try batch.save(record, version: 0) }
        try batch.save(StoredProfile(json: String(decoding: try profile.encoded(), as: UTF8.self)), version: 0)
        try await Records(store: store).commit(batch, by: operatorPrincipal)
        try await store.checkpoint()
        message(
            "made \(database): \(profile.partnershipName), \(profile.groups.count) groups, from \(path ?? "the starter profile")"
        )
    }
}
