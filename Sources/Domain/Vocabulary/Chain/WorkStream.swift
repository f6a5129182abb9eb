/// A themed work stream: recommendations from different sources on one theme, answered by one action
/// plan, so that no partner keeps duplicate plans.
public struct WorkStream: StorableRecord, IdentifierKind, Hashable {
    /// The noun used in messages.
    public static var noun: String { "work stream" }
    /// The type of the work stream's identifier.
    public typealias ID = Identifier<WorkStream>
    /// `learning.work-stream`.
    public static var recordType: RecordType { "learning.work-stream" }
    /// Version 2: a work stream names the priorities it serves.
    public static var schemaVersion: Int { 2 }
    /// Version 1 reads unchanged, with no priorities.
    public static var migrations: [RecordMigration] { [RecordMigration(from: 1) { $0 }] }

    /// How a recommendation came to be in the work stream.
    public struct Member: Hashable, Sendable, Codable {
        /// How it was matched.
        public enum Match: String, Hashable, Sendable, Codable {
            /// Matched by theme.
            case theme
            /// Placed by a person.
            case manual
        }

        /// The recommendation.
        public var recommendation: Recommendation.ID
        /// How it was matched.
        public var match: Match
        /// Whether a person has confirmed the match.
        public var confirmed: Bool

        /// Creates a member.
        public init(recommendation: Recommendation.ID, match: Match, confirmed: Bool) {
            self.recommendation = recommendation
            self.match = match
            self.confirmed = confirmed
        }
    }

    /// The work stream's id.
    public var id: WorkStream.ID
    /// Its theme.
    public var theme: Theme
    /// Its title.
    public var title: String
    /// The agency that leads it.
    public var leadAgency: Agency.ID?
    /// The recommendations it answers.
    public var members: [Member]
    /// The partnership's priorities it serves; `nil` in records from before priorities.
    public var priorities: [Priority.ID]?

    /// Creates an empty work stream.
    public init(id: WorkStream.ID, theme: Theme, title: String, leadAgency: Agency.ID? = nil) {
        self.id = id
        self.theme = theme
        self.title = title
        self.leadAgency = leadAgency
        self.members = []
    }

    /// The recommendations it answers.
    public var recommendations: [Recommendation.ID] { members.map(\.recommendation) }

    /// Places a recommendation in the work stream it joins.
    ///
    /// That is the first whose theme is among the recommendation's themes, in the order the
    /// recommendation lists them, or a new one for its first theme. A recommendation with no theme
    /// joins none: it is reported as without a theme, never hidden in a catch-all stream.
    ///
    /// - Parameters:
    ///   - recommendation: The recommendation.
    ///   - streams: The work streams held, at the versions read; a new stream is added to them.
    ///   - ids: Makes the id of a new stream when its theme's usual id (`ws-<theme>`) is taken.
    /// - Returns: The index in `streams` of the stream it joined, or `nil` for no theme.
    public static func place(
        _ recommendation: Recommendation,
        in streams: inout [Versioned<WorkStream>],
        ids: IDGenerator
    ) -> Int? {
        guard let theme = recommendation.themes.first else { return nil }
        let member = Member(recommendation: recommendation.id, match: .theme, confirmed: false)
        let held = streams
        let index = recommendation.themes.compactMap { theme in held.firstIndex { $0.value.theme == theme } }.first
        if let index {
            guard !streams[index].value.recommendations.contains(recommendation.id) else { return index }
            streams[index].value.members.append(member)
            return index
        }
        let usual = WorkStream.ID(rawValue: "ws-\(theme.rawValue)")
        let id = usual.flatMap { usual in streams.contains { $0.value.id == usual } ? nil : usual } ?? ids.make()
        var stream = WorkStream(id: id, theme: theme, title: theme.label, leadAgency: recommendation.ownerAgency)
        stream.members.append(member)
        streams.append(Versioned(stream, version: 0))
        return streams.count - 1
    }

    /// The work stream a recommendation matches by theme: the first whose theme is among the
    /// recommendation's themes, in the order the recommendation lists them.
    public static func match(_ recommendation: Recommendation, in streams: [WorkStream]) -> WorkStream? {
        for theme in recommendation.themes {
            if let stream = streams.first(where: { $0.theme == theme }) { return stream }
        }
        return nil
    }

    /// Indexed by theme.
    public var index: RecordIndex { RecordIndex(agency: leadAgency, key: theme.rawValue) }
    /// Learning.
    public var accessScope: AccessScope { AccessScope(.learning) }
}
