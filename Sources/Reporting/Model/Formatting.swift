import Domain
import Foundation

/// Text for numbers and cells that is the same on every machine: no locale, fixed decimals.
enum Formatting {
    /// A whole number with thousands separators, such as `12,345`.
    static func grouped(_ value: Int) -> String { NumberText.grouped(value) }

    /// A number with a fixed number of decimals, rounded half away from zero.
    static func fixed(_ value: Double, decimals: Int) -> String { NumberText.fixed(value, decimals: decimals) }

    /// A coordinate for SVG, to one decimal; charts hold thousands, so it avoids `String(format:)`.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let whole = String(abs(tenths) / 10)
        let sign = tenths < 0 ? "-" : ""
        let digit = abs(tenths) % 10
        return digit == 0 ? sign + whole : sign + whole + "." + String(digit)
    }

    /// When a finding reached its level, and when it first arose if that was earlier.
    static func since(_ item: FindingsBlock.Item) -> String {
        let reached = "since \(item.since.longForm)"
        return item.arose < item.since ? "\(reached); first arose \(item.arose.longForm)" : reached
    }

    /// The text of a cell, as every renderer shows it.
    static func text(_ cell: ReportCell) -> String {
        switch cell {
        case .text(let text): text
        case .count(let count): grouped(count)
        case .number(let value, let decimals): fixed(value, decimals: decimals)
        case .percentage(let value, _, _, let decimals): value.map { fixed($0, decimals: decimals) + "%" } ?? "—"
        case .rag(_, let label): label
        case .day(let day): day.description
        case .period(let period): period.label
        case .symbol(let symbol): symbol.rawValue
        case .caseReference(let reference): reference.rawValue
        case .empty: ""
        }
    }

    /// Whether a cell holds a number, for alignment.
    static func isNumeric(_ cell: ReportCell) -> Bool {
        switch cell {
        case .count, .number, .percentage: true
        default: false
        }
    }

    /// A slug for file names and anchors: lower case letters, digits and hyphens.
    static func slug(_ text: String) -> String {
        var result = ""
        var lastWasHyphen = true
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                result.unicodeScalars.append(scalar)
                lastWasHyphen = false
            } else if !lastWasHyphen {
                result.append("-")
                lastWasHyphen = true
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return String(result.prefix(60))
    }

    /// The label of a point type or icon, such as `special cause concern`.
    static func label(_ code: String) -> String { code.replacingOccurrences(of: "_", with: " ") }
}
