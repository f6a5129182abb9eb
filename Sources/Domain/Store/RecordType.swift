/// The name of a kind of stored record, such as `domain.agency` or `audit.audit`.
///
/// Names are `module.kind` in lower case, so that two modules can never claim the same name.
public typealias RecordType = Code<CodeKinds.RecordType>

extension CodeKinds {
    /// What a record type names.
    public enum RecordType: CodeKind {}
}
