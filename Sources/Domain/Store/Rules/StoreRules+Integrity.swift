extension StoreRules {
    /// The most UTF-8 bytes an indexed text may hold: a record's type, id, agency, group, period,
    /// status, parent and key, and a series' measure and scope.
    ///
    /// Every store keeps these texts in an index. PostgreSQL refuses an index entry of more than
    /// about 2,700 bytes (a third of its 8 KiB page, less overhead), and the limit applies to the
    /// type and the text together; SQLite takes far more. So that every store accepts exactly the
    /// same records, each refuses a longer text before writing anything, whatever it could hold.
    public static let maximumIndexedTextBytes = 2000

    /// Checks a text a store indexes: no NUL character, and at most ``maximumIndexedTextBytes``.
    ///
    /// SQLite and PostgreSQL both end a text at a NUL when they compare or index it, and PostgreSQL
    /// refuses one outright; a store that took it would hold something other than what it was given.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - field: The field's name, for the message: `id`, `index.key`, `measure`.
    ///   - owner: The record it belongs to, if any.
    /// - Throws: ``DomainError/Code/invalidInput`` naming the record, the field and the limit.
    public static func validateIndexedText(
        _ text: String,
        field: String,
        of owner: RecordReference? = nil
    ) throws(DomainError) {
        let whose = owner.map { "\($0)'s " } ?? ""
        if text.utf8.contains(0) {
            throw DomainError(
                .invalidInput,
                "\(whose)\(field) holds a NUL character (U+0000), which no store can index; remove it",
                context: .init(record: owner, field: field, expected: "text without NUL characters")
            )
        }
        if text.utf8.count > maximumIndexedTextBytes {
            throw DomainError(
                .invalidInput,
                "\(whose)\(field) is \(text.utf8.count) bytes long; a store indexes at most "
                    + "\(maximumIndexedTextBytes) bytes of UTF-8",
                context: .init(
                    record: owner,
                    field: field,
                    value: "\(text.utf8.count) bytes",
                    expected: "at most \(maximumIndexedTextBytes) bytes"
                )
            )
        }
    }

    /// Checks every indexed text of a record (``validateIndexedText(_:field:of:)``).
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` for the first bad text.
    public static func validateIndexedTexts(of record: StoredRecord) throws(DomainError) {
        let owner = record.reference
        try validateIndexedText(record.type.rawValue, field: "type", of: owner)
        try validateIndexedText(record.id.rawValue, field: "id", of: owner)
        let index = record.index
        let texts: [(String, String?)] = [
            ("index.agency", index.agency?.rawValue), ("index.group", index.group?.rawValue),
            ("index.period", index.period?.description), ("index.status", index.status?.rawValue),
            ("index.parent", index.parent?.rawValue), ("index.key", index.key),
        ]
        for case (let field, let text?) in texts { try validateIndexedText(text, field: field, of: owner) }
    }

    /// Checks a backup's content before a store writes any of it, and returns what to write.
    ///
    /// Beyond ``validate(_:)-(StoreSnapshot)``: a log written before entries were chained (none
    /// carries a hash, as in a `qaf-backup` version 1 file) is chained now
    /// (``ChangeLogChain/chainedWithoutContent(_:)``); then the whole is verified
    /// (``StoreVerification``): the log numbered without gaps, every hash in its chain, every record
    /// and series matching its last entry.
    ///
    /// - Returns: The snapshot to write, chained.
    /// - Throws: ``DomainError/Code/invalidInput`` naming the first problems found, or those of
    ///   ``validate(_:)-(StoreSnapshot)``.
    public static func checkedForRestore(_ snapshot: StoreSnapshot) throws(DomainError) -> StoreSnapshot {
        try validate(snapshot)
        var checked = snapshot
        if !snapshot.changeLog.isEmpty, snapshot.changeLog.allSatisfy({ $0.hash == nil && $0.contentDigest == nil }) {
            checked.changeLog = ChangeLogChain.chainedWithoutContent(snapshot.changeLog)
        }
        let verification = StoreVerification.of(checked)
        guard verification.isSound else { throw unsound(verification, what: "the backup") }
        return checked
    }

    /// The error for data that does not verify: the first problems, and how many more.
    ///
    /// - Parameters:
    ///   - verification: What the check found.
    ///   - what: What was checked, such as `the backup` or `the store`.
    /// - Returns: An ``DomainError/Code/invalidInput`` error.
    public static func unsound(_ verification: StoreVerification, what: String) -> DomainError {
        let shown = verification.problems.prefix(3).map(\.description).joined(separator: "; ")
        let more = verification.problems.count > 3 ? " (and \(verification.problems.count - 3) more)" : ""
        return DomainError(
            .invalidInput,
            "\(what) does not verify: \(shown)\(more); nothing was written",
            context: .init(field: verification.problems.first?.location)
        )
    }
}
