/// The standing of an observed value.
public enum ObservationStatus: Hashable, Sendable, CustomStringConvertible {
    /// A final value.
    case actual
    /// A value that may still change.
    case provisional
    /// No value: a published symbol stands in its place.
    case symbol(StatisticsSymbol)

    /// `actual`, `provisional`, or the symbol (`c`, `x`, `z`, `u`, `low`).
    public var description: String {
        switch self {
        case .actual: "actual"
        case .provisional: "provisional"
        case .symbol(let symbol): symbol.rawValue
        }
    }

    /// Parses the text form.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` listing the accepted values.
    public init(parsing text: String) throws(DomainError) {
        switch text {
        case "actual": self = .actual
        case "provisional": self = .provisional
        default:
            guard let symbol = StatisticsSymbol(rawValue: text) else {
                throw DomainError(
                    .invalidInput,
                    "status \(DomainError.quote(text)) is not a status; expected actual, provisional, c, x, z, u or low"
                )
            }
            self = .symbol(symbol)
        }
    }

    /// Whether the observation carries a number.
    public var hasValue: Bool {
        if case .symbol = self { return false }
        return true
    }

    /// A small integer code for stores' own columns; part of stored formats, so it never changes.
    public var code: Int {
        switch self {
        case .actual: 0
        case .provisional: 1
        case .symbol(let symbol): 2 + StatisticsSymbol.allCases.firstIndex(of: symbol)!
        }
    }

    /// Rebuilds a status from ``code``, or returns `nil` for a number that is no status's code.
    public init?(code: Int) {
        switch code {
        case 0: self = .actual
        case 1: self = .provisional
        case 2..<(2 + StatisticsSymbol.allCases.count): self = .symbol(StatisticsSymbol.allCases[code - 2])
        default: return nil
        }
    }
}

extension ObservationStatus: Codable {
    /// Decodes the text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try ObservationStatus(parsing: text)
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
