import Foundation

/// Writing comma-separated values (RFC 4180), for every CSV file the package writes.
package enum CSVText {
    /// A field, quoted when it holds a comma, a quote or a line break, with quotes doubled.
    package static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A record: the fields quoted as needed, joined by commas, ending with a line feed.
    package static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
