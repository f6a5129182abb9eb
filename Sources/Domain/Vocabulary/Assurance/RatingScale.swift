/// The kind of a rating scale's identifier.
public enum RatingScaleKind: IdentifierKind, Sendable {
    /// The noun used in messages.
    public static var noun: String { "rating scale" }
}

/// One level of a rating scale.
public struct RatingLevel: Hashable, Sendable, Codable {
    /// The level's code, as stored and imported, such as `green`, `2` or `requires-improvement`.
    public var code: RatingCode
    /// The label shown to people, such as `Requires improvement`.
    public var label: String
    /// The level's position, 0 for the worst; a higher rank is better.
    public var rank: Int
    /// The traffic-light colour the level counts as.
    public var rag: RAG

    /// Creates a level.
    public init(code: RatingCode, label: String, rank: Int, rag: RAG) {
        self.code = code
        self.label = label
        self.rank = rank
        self.rag = rag
    }
}

/// A rating scale: RAG, 0–3, 1–4, the four-point Ofsted-style scale, or the partnership's own.
///
/// Levels run from worst to best; each counts as a RAG colour, so that the analysis of ratings
/// ("rated red or amber by many agencies") works on any scale.
public struct RatingScale: Hashable, Sendable, Codable, Identifiable {
    /// The scale's id.
    public var id: Identifier<RatingScaleKind>
    /// The scale's name.
    public var name: String
    /// The levels, worst first.
    public private(set) var levels: [RatingLevel]

    /// Creates a scale from its levels, worst first.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` when there are fewer than two levels or a code repeats.
    public init(id: Identifier<RatingScaleKind>, name: String, levels: [RatingLevel]) throws(DomainError) {
        guard levels.count >= 2 else {
            throw DomainError(.invalidInput, "rating scale \(id) has \(levels.count) level(s); expected at least 2")
        }
        var seen = Set<RatingCode>()
        for level in levels where !seen.insert(level.code).inserted {
            throw DomainError(
                .invalidInput,
                "rating scale \(id) repeats the level code \(DomainError.quote(level.code.rawValue))"
            )
        }
        self.id = id
        self.name = name
        self.levels = levels.enumerated().map { offset, level in
            RatingLevel(code: level.code, label: level.label, rank: offset, rag: level.rag)
        }
    }

    private init(trusted id: Identifier<RatingScaleKind>, name: String, levels: [(String, String, RAG)]) {
        self.id = id
        self.name = name
        self.levels = levels.enumerated().map { RatingLevel(code: RatingCode($1.0), label: $1.1, rank: $0, rag: $1.2) }
    }

    /// The level with a code, or `nil`.
    public func level(_ code: RatingCode) -> RatingLevel? { levels.first { $0.code == code } }

    /// The level with a code.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` listing the codes the scale has.
    public func requireLevel(_ code: RatingCode) throws(DomainError) -> RatingLevel {
        guard let level = level(code) else {
            throw DomainError(
                .invalidInput,
                "rating \(DomainError.quote(code.rawValue)) is not on the \(name) scale; expected one of "
                    + levels.map(\.code.rawValue).joined(separator: ", ")
            )
        }
        return level
    }

    /// Red / Amber / Green, with green as fully met.
    public static let rag = RatingScale(
        trusted: "rag",
        name: "RAG",
        levels: [("red", "Red", .red), ("amber", "Amber", .amber), ("green", "Green", .green)]
    )

    /// 0 to 3, as used in Greater Manchester and Pan-Cheshire Section 11 tools.
    public static let zeroToThree = RatingScale(
        trusted: "zero-to-three",
        name: "0–3",
        levels: [
            ("0", "0 – not met", .red), ("1", "1 – partly met", .amber), ("2", "2 – mostly met", .amber),
            ("3", "3 – fully met", .green),
        ]
    )

    /// Levels 1 to 4, as used in some s175 tools.
    public static let oneToFour = RatingScale(
        trusted: "one-to-four",
        name: "1–4",
        levels: [("1", "Level 1", .red), ("2", "Level 2", .amber), ("3", "Level 3", .green), ("4", "Level 4", .green)]
    )

    /// The four-point scale of case audits: Outstanding, Good, Requires improvement, Inadequate.
    public static let fourPoint = RatingScale(
        trusted: "four-point",
        name: "Outstanding / Good / Requires improvement / Inadequate",
        levels: [
            ("inadequate", "Inadequate", .red), ("requires-improvement", "Requires improvement", .amber),
            ("good", "Good", .green), ("outstanding", "Outstanding", .green),
        ]
    )
}

extension RatingScale {
    /// The levels that count as a colour, best first.
    public func levels(counting rag: RAG) -> [RatingLevel] { levels.filter { $0.rag == rag }.reversed() }

    /// What a report calls the levels that count as a colour: `Red` on the RAG scale, `Outstanding or
    /// Good` on the four-point scale, `Not met` on a scale of Met, Partially met and Not met; the
    /// colour's name when no level counts as it.
    public func name(of rag: RAG) -> String {
        let labels = levels(counting: rag).map(\.label)
        return labels.isEmpty ? rag.rawValue.capitalizedFirst : labels.joined(separator: " or ")
    }

    /// The same, inside a sentence: `red`, `outstanding or good`, `not met`.
    public func words(for rag: RAG) -> String {
        let labels = levels(counting: rag).map(\.label.inSentence)
        return labels.isEmpty ? rag.rawValue : labels.joined(separator: " or ")
    }

    /// The colours some level of the scale counts as, worst first: the columns of a table of ratings.
    public var colours: [RAG] { RAG.allCases.filter { !levels(counting: $0).isEmpty } }

    /// The least good level that still counts as green: `Good`, `Green`, `Met`.
    public var leastGreen: RatingLevel? { levels.first { $0.rag == .green } }

    /// Ratings short of green, in a sentence: `below green`, `below good`, `below met`.
    public var belowGreen: String { "below " + (leastGreen?.label ?? "green").inSentence }

    /// Ratings short of green, named in a sentence worst first: `red or amber`, `inadequate or
    /// requires improvement`, `not met or partially met`.
    public var shortOfGreen: String {
        levels.filter { $0.rag != .green }.map(\.label.inSentence).joined(separator: " or ")
    }
}

extension Array where Element == String {
    /// The items as a sentence lists them: `red, amber and green`.
    package var listed: String {
        count < 2 ? joined() : dropLast().joined(separator: ", ") + " and " + last!
    }
}

extension String {
    /// The text as it reads inside a sentence: its first letter in lower case, unless the first word
    /// is an abbreviation (`MASH`, `LADO`) or a number.
    package var inSentence: String {
        let word = prefix { !$0.isWhitespace }
        guard let first, word.count < 2 || !word.dropFirst().first!.isUppercase else { return self }
        return first.lowercased() + dropFirst()
    }
}
