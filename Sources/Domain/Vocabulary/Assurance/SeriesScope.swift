/// What a series of observations covers: the whole partnership, a locality or an agency.
///
/// Its text form is `partnership`, `locality:ID` or `agency:ID`.
public enum SeriesScope: Hashable, Comparable, Sendable, CustomStringConvertible, LosslessStringConvertible {
    /// The whole partnership's area.
    case partnership
    /// One locality.
    case locality(Locality.ID)
    /// One agency.
    case agency(Agency.ID)

    /// The text form: `partnership`, `locality:ID` or `agency:ID`.
    public var description: String {
        switch self {
        case .partnership: "partnership"
        case .locality(let id): "locality:\(id)"
        case .agency(let id): "agency:\(id)"
        }
    }

    /// Parses the text form, returning `nil` for anything else.
    public init?(_ description: String) {
        guard let scope = try? SeriesScope(parsing: description) else { return nil }
        self = scope
    }

    /// Parses the text form.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` quoting the text and giving the accepted forms.
    public init(parsing text: String) throws(DomainError) {
        if text == "partnership" {
            self = .partnership
            return
        }
        if text.hasPrefix("locality:") {
            self = .locality(try Locality.ID(validating: String(text.dropFirst(9))))
            return
        }
        if text.hasPrefix("agency:") {
            self = .agency(try Agency.ID(validating: String(text.dropFirst(7))))
            return
        }
        throw DomainError(
            .invalidInput,
            "scope \(DomainError.quote(text)) is not a scope; expected partnership, locality:ID or agency:ID"
        )
    }

    /// The agency, for an agency scope.
    public var agency: Agency.ID? {
        if case .agency(let id) = self { return id }
        return nil
    }

    /// The locality, for a locality scope.
    public var locality: Locality.ID? {
        if case .locality(let id) = self { return id }
        return nil
    }

    /// Orders partnership first, then localities, then agencies, each by id.
    public static func < (lhs: SeriesScope, rhs: SeriesScope) -> Bool {
        func rank(_ scope: SeriesScope) -> (Int, String) {
            switch scope {
            case .partnership: (0, "")
            case .locality(let id): (1, id.rawValue)
            case .agency(let id): (2, id.rawValue)
            }
        }
        return rank(lhs) < rank(rhs)
    }
}

extension SeriesScope: Codable {
    /// Decodes the text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try SeriesScope(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
