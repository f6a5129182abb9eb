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

    /// The text with every day written as `YYYY-MM-DD` written in the long UK form instead:
    /// "due by 2025-11-22" reads "due by 22 November 2025".
    ///
    /// A run of digits and hyphens longer than a day, or a day that does not exist, is left as it is,
    /// so that references such as `Rapid review 2025-005` are untouched.
    public static func longDays(in text: String) -> String {
        guard text.contains("-") else { return text }
        let characters = Array(text)
        var result = ""
        var index = 0
        func isDigit(_ offset: Int) -> Bool {
            offset < characters.count && characters[offset].isASCII && characters[offset].isNumber
        }
        func joins(_ offset: Int) -> Bool {
            offset >= 0 && offset < characters.count && (characters[offset].isNumber || characters[offset] == "-")
        }
        while index < characters.count {
            let candidate =
                index + 10 <= characters.count
                && (0..<4).allSatisfy { isDigit(index + $0) } && characters[index + 4] == "-"
                && isDigit(index + 5) && isDigit(index + 6) && characters[index + 7] == "-"
                && isDigit(index + 8) && isDigit(index + 9) && !joins(index - 1) && !joins(index + 10)
            if candidate, let day = Day(String(characters[index..<(index + 10)])) {
                result += day.longForm
                index += 10
            } else {
                result.append(characters[index])
                index += 1
            }
        }
        return result
    }

}
