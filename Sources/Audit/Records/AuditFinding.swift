public import Domain
import Foundation

/// A finding of an audit: a strength, a gap or a concern.
public struct AuditFinding: Hashable, Sendable, Codable {
    /// The kind of finding.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A strength.
        case strength
        /// A gap.
        case gap
        /// A concern.
        case concern
    }

    /// The kind.
    public var kind: Kind
    /// What was found.
    public var text: String
    /// Themes it bears on.
    public var themes: [Theme]

    /// Creates a finding.
    public init(kind: Kind, text: String, themes: [Theme] = []) {
        self.kind = kind
        self.text = text
        self.themes = themes
    }
}
