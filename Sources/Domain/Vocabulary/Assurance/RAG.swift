/// Red, amber or green: the partnership's common traffic-light judgement.
public enum RAG: String, Hashable, Comparable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Not met; action needed.
    case red
    /// Partly met.
    case amber
    /// Met.
    case green

    /// The colour's name.
    public var description: String { rawValue }

    /// Orders red before amber before green.
    public static func < (lhs: RAG, rhs: RAG) -> Bool { lhs.order < rhs.order }

    private var order: Int {
        switch self {
        case .red: 0
        case .amber: 1
        case .green: 2
        }
    }
}
