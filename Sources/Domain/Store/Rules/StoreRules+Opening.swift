extension StoreRules {
    /// The error for records written by a newer schema than this build reads.
    public static func schemaTooNew(_ type: RecordType, stored: Int, supported: Int) -> DomainError {
        DomainError(
            .schemaTooNew,
            "\(type) records were written with schema version \(stored), but this build reads up to version "
                + "\(supported); update the package before opening this data",
            context: .init(field: "schemaVersion", value: "\(stored)", expected: "\(supported) or lower")
        )
    }

    /// Checks that a store holds nothing written by a newer schema than this build reads: a type the
    /// build does not know is left alone (a module the host does not compose).
    ///
    /// - Parameters:
    ///   - stored: The highest schema version stored of each type (``RecordStore/storedSchemaVersions()``).
    ///   - supported: The schema version this build writes of each type.
    /// - Throws: ``DomainError/Code/schemaTooNew`` (``schemaTooNew(_:stored:supported:)``) for the first
    ///   type, by name, that is too new.
    public static func checkSchema(_ stored: [RecordType: Int], supported: [RecordType: Int]) throws(DomainError) {
        for (type, version) in stored.sorted(by: { $0.key < $1.key }) {
            if let known = supported[type], version > known {
                throw schemaTooNew(type, stored: version, supported: known)
            }
        }
    }

    /// The error for a database, store or backup whose layout is newer than this build reads.
    ///
    /// - Parameters:
    ///   - place: The file, database or schema, as its owner would name it.
    ///   - kind: What has the version: `database format`, `store format`, `backup format`.
    ///   - found: The version found.
    ///   - supported: The newest version this build reads.
    /// - Returns: The ``DomainError/Code/schemaTooNew`` error naming the place and both versions.
    public static func formatTooNew(_ place: String, kind: String, found: Int, supported: Int) -> DomainError {
        DomainError(
            .schemaTooNew,
            "\(place) has \(kind) version \(found), but this build reads up to version \(supported); "
                + "update the package before opening it",
            context: .init(field: "version", file: place, value: "\(found)", expected: "\(supported) or lower")
        )
    }

    /// The error for a database or schema that holds something this package did not make.
    ///
    /// - Parameters:
    ///   - place: The file, database or schema.
    ///   - found: What was found there, such as `tables invoices, payments`.
    /// - Returns: The ``DomainError/Code/notOurDatabase`` error naming the place and what it holds.
    public static func notOurDatabase(_ place: String, found: String) -> DomainError {
        DomainError(
            .notOurDatabase,
            "\(place) is not a safeguarding QA store: it holds \(found); open an empty database or schema, "
                + "or one made by this package",
            context: .init(file: place, value: found)
        )
    }

    /// The error for a store of ours that lacks one of its tables.
    public static func missingTable(_ table: String, in place: String) -> DomainError {
        DomainError(
            .corruptDatabase,
            "\(place) has no \(table) table; restore it from a backup",
            context: .init(field: table, file: place)
        )
    }
}
