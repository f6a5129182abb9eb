/// Numbers as text that is the same on every machine: no locale, no `String(format:)`.
///
/// ```swift
/// NumberText.shortest(12.0)               // "12"
/// NumberText.shortest(0.1 + 0.2)          // "0.30000000000000004"
/// NumberText.fixed(1234.5, decimals: 1)   // "1,234.5"
/// NumberText.grouped(-12345)              // "-12,345"
/// ```
public enum NumberText: Sendable {
    /// The shortest text that reads back as the same `Double`; a whole number without a decimal point.
    public static func shortest(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A whole number with thousands separators, such as `12,345`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        result.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// A number with a fixed number of decimals, rounded half away from zero, with thousands
    /// separators; `—` for a value that is not finite.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int64(scaled / scale)
        var text = grouped(Int(whole))
        if decimals > 0 {
            let fraction = Int64(scaled) - whole * Int64(scale)
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        }
        return (value < 0 && scaled != 0 ? "-" : "") + text
    }
}
