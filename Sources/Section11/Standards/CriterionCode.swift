public import Domain

/// The code of a criterion within its standard set, such as `1.2`.
public typealias CriterionCode = Code<CodeKinds.CriterionCode>

/// The code of a standard within its standard set, such as `1`.
public typealias StandardCode = Code<CodeKinds.StandardCode>

extension CodeKinds {
    /// What a criterion code names.
    public enum CriterionCode: CodeKind {}
    /// What a standard code names.
    public enum StandardCode: CodeKind {}
}
