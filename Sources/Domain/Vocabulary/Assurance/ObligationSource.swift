/// Where an obligation comes from: a statute, regulations, statutory guidance, other guidance,
/// or the partnership's own framework.
public struct ObligationSource: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The kind of source.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// An Act of Parliament.
        case statute
        /// Regulations made under an Act.
        case regulations
        /// Statutory guidance, such as Working Together.
        case statutoryGuidance = "statutory-guidance"
        /// Non-statutory national guidance.
        case guidance
        /// The partnership's own quality assurance framework.
        case framework
    }

    /// The kind of source.
    public var kind: Kind
    /// The citation, such as `Children Act 2004 s16C(1)`.
    public var citation: String
    /// Where to read it.
    public var url: String?
    /// The section of the partnership's framework it rests on (for a framework source), or also rests
    /// on (for any other): the partnership's framework document names the framework and titles the
    /// section (``FrameworkDocument/cite(_:)``).
    public var section: FrameworkSection?
    /// What that section says, for a source of another kind that also rests on the framework.
    public var sectionText: String?

    /// Creates a source.
    public init(_ kind: Kind, _ citation: String, url: String? = nil) {
        self.kind = kind
        self.citation = citation
        self.url = url
    }

    /// The citation, without the framework's name: ``FrameworkDocument/cite(_:)`` gives it whole.
    public var description: String { citation }

    /// A source in the partnership's framework, cited whole: for a host's rule that names its own
    /// framework and section.
    public static func framework(_ citation: String) -> ObligationSource {
        ObligationSource(.framework, citation)
    }

    /// A section of the partnership's framework and what it says; the framework document gives the
    /// framework's name and the section's title.
    public static func framework(_ section: FrameworkSection, _ text: String = "") -> ObligationSource {
        var source = ObligationSource(.framework, text)
        source.section = section
        return source
    }

    /// The source, also resting on a section of the partnership's framework.
    public func also(_ section: FrameworkSection, _ text: String) -> ObligationSource {
        var source = self
        source.section = section
        source.sectionText = text
        return source
    }
}
