/// A step that brings a record's coded form from one schema version to the next.
///
/// Migrations work on the JSON form, so that a module can rename or restructure fields without
/// keeping the old Swift type:
///
/// ```swift
/// static var migrations: [RecordMigration] {
///     [RecordMigration(from: 1) { json in json.renamingKey("lead", to: "leadAgency") }]
/// }
/// ```
public struct RecordMigration: Sendable {
    /// The schema version this migration reads; it produces version `from + 1`.
    public var from: Int
    /// Transforms the coded form.
    public var migrate: @Sendable (JSONValue) throws -> JSONValue

    /// Creates a migration from a version to the next.
    public init(from: Int, migrate: @escaping @Sendable (JSONValue) throws -> JSONValue) {
        self.from = from
        self.migrate = migrate
    }
}
