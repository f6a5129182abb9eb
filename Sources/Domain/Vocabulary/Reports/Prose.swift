/// Small pieces of English every module's report text needs, so that a count and its noun agree
/// and a list reads as a sentence wherever they are written.
public enum Prose: Sendable {
    /// A count with its noun, singular for one: `1 recommendation`, `29 recommendations`.
    ///
    /// - Parameters:
    ///   - count: The number.
    ///   - singular: The noun for one.
    ///   - plural: The noun for any other number; the singular and `s` when not given.
    /// - Returns: The number, a space and the noun.
    public static func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }

    /// Items as a sentence lists them: `audits`, `audits and reviews`, `audits, reviews and
    /// Section 11 returns`.
    public static func listed(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// A name made possessive: `the police's`, `Children's Services'`.
    public static func possessive(_ name: String) -> String {
        name.hasSuffix("s") ? name + "'" : name + "'s"
    }
}
