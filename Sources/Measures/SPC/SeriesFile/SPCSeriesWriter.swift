import Domain

/// Writes the series file's output straight into bytes.
///
/// Formatting numbers was most of `qaf spc`'s time: a phase's mean and limits are the same on every
/// point of the phase, so they are formatted once a phase, and every number and name is appended to
/// one buffer without an intermediate `String` for each field or record.
struct SPCSeriesWriter {
    private(set) var bytes: [UInt8] = []
    /// Each rule's label as written, made once: a label is built by interpolation.
    private let labels = RuleLabels()
    /// Takes the bytes written so far whenever they pass a megabyte, so that a large output streams
    /// through a small buffer; `nil` to keep everything in ``bytes``.
    private let flush: ((inout [UInt8]) -> Void)?

    init(capacity: Int, flush: ((inout [UInt8]) -> Void)? = nil) {
        self.flush = flush
        bytes.reserveCapacity(flush == nil ? capacity : 1 << 21)
    }

    /// Hands the bytes written to the flush, when there is one and enough has been written.
    mutating func flushIfFull(force: Bool = false) {
        guard let flush, force || bytes.count >= 1 << 20 else { return }
        flush(&bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: CSV

    mutating func csv(_ series: [SPCSeries], engine: SPCEngine) {
        append(SPCSeriesFile.csvHeader)
        for held in series {
            let chart = engine.analyse(held.values, rebase: held.rebase)
            var name: [UInt8] = []
            Self.csvField(held.name, into: &name)
            // Each phase's mean, limits and near limits, formatted once.
            let statistics = chart.phases.map { phase -> [UInt8] in
                var text: [UInt8] = []
                for value in [
                    phase.mean, phase.lowerLimit, phase.upperLimit, phase.lowerNearLimit, phase.upperNearLimit,
                ] {
                    text.append(UInt8(ascii: ","))
                    if let value { Self.shortest(value, into: &text) }
                }
                return text
            }
            // Every row of the series written through one pointer into a chunk sized for the worst
            // case (every field quoted, the longest number), then appended whole.
            var periodBytes = 0
            for period in held.periods { periodBytes += period.utf8.count * 2 + 2 }
            let rowBound = name.count + 32 + 48 + 24 + 2 * 40 + 8
            let statisticsBound = statistics.reduce(0) { max($0, $1.count) }
            let bound = held.periods.count * (rowBound + statisticsBound) + periodBytes
            let chunk = [UInt8](unsafeUninitializedCapacity: bound) { buffer, written in
                var cursor = buffer.baseAddress!
                for (index, point) in chart.points.enumerated() {
                    cursor = Self.put(name, at: cursor)
                    cursor.pointee = UInt8(ascii: ",")
                    cursor += 1
                    let period = held.periods[index]
                    if Self.needsQuotes(period) {
                        var quoted: [UInt8] = []
                        Self.csvField(period, into: &quoted)
                        cursor = Self.put(quoted, at: cursor)
                    } else {
                        cursor = Self.put(period, at: cursor)
                    }
                    cursor.pointee = UInt8(ascii: ",")
                    cursor += 1
                    if let value = point.value { cursor = Self.shortest(value, at: cursor) }
                    cursor = Self.put(statistics[point.phase], at: cursor)
                    cursor = Self.put(point.isSpecialCause ? Self.specialCauseText : Self.commonCauseText, at: cursor)
                    cursor = Self.put(Self.pointTypeText[Self.position(point.pointType)], at: cursor)
                    cursor.pointee = UInt8(ascii: ",")
                    cursor += 1
                    if let rule = point.rule { cursor = Self.put(labels.csv(rule), at: cursor) }
                    cursor.pointee = UInt8(ascii: "\n")
                    cursor += 1
                }
                written = cursor - buffer.baseAddress!
            }
            bytes.append(contentsOf: chunk)
            flushIfFull()
        }
        flushIfFull(force: true)
    }

    /// Copies bytes to a pointer, returning the pointer after them.
    static func put(_ bytes: [UInt8], at cursor: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        bytes.withUnsafeBufferPointer { source in
            cursor.update(from: source.baseAddress!, count: source.count)
            return cursor + source.count
        }
    }

    /// Copies a string's UTF-8 to a pointer, returning the pointer after it.
    static func put(_ text: String, at cursor: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var text = text
        return text.withUTF8 { source in
            cursor.update(from: source.baseAddress!, count: source.count)
            return cursor + source.count
        }
    }

    static let specialCauseText = Array(",true,".utf8)
    static let commonCauseText = Array(",false,".utf8)
    // Each point type's text as a CSV field and as a JSON string, made once and found by position
    // (a switch) rather than hashed or escaped again for every point.
    static let pointTypeText = PointType.allCases.map { Array($0.rawValue.utf8) }
    static let pointTypeJSON = PointType.allCases.map { type in
        [UInt8](unsafeUninitializedCapacity: type.rawValue.utf8.count * 6 + 2) { buffer, written in
            written = jsonString(type.rawValue, at: buffer.baseAddress!) - buffer.baseAddress!
        }
    }

    /// A point type's position in `PointType.allCases`.
    static func position(_ type: PointType) -> Int {
        switch type {
        case .commonCause: 0
        case .improvement: 1
        case .concern: 2
        case .neutralHigh: 3
        case .neutralLow: 4
        }
    }

    /// Whether a field must be quoted in CSV.
    static func needsQuotes(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            utf8.contains {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
                    || $0 == UInt8(ascii: "\r")
            }
        }
    }

    static let jsonPointOpen = Array("      {\n        \"period\" : ".utf8)
    static let jsonPhase = Array(",\n        \"phase\" : ".utf8)
    static let jsonPointType = Array(",\n        \"pointType\" : ".utf8)
    static let jsonRule = Array(",\n        \"rule\" : ".utf8)
    static let jsonSpecialCause = Array(",\n        \"specialCause\" : true".utf8)
    static let jsonCommonCause = Array(",\n        \"specialCause\" : false".utf8)
    static let jsonValue = Array(",\n        \"value\" : ".utf8)
    static let jsonPointCloseMore = Array("\n      },\n".utf8)
    static let jsonPointCloseLast = Array("\n      }\n".utf8)

    /// A JSON string at a pointer, escaped as Foundation's encoder escapes it (slashes left alone);
    /// at most six bytes for each byte of the text, and two for the quotes.
    static func jsonString(_ text: String, at start: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        start.pointee = UInt8(ascii: "\"")
        var text = text
        // The cursor lives inside the closure, where no other code can reach it: no access checks.
        let end = text.withUTF8 { utf8 -> UnsafeMutablePointer<UInt8> in
            var cursor = start + 1
            for byte in utf8 {
                let escape: UInt8
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): escape = byte
                case 0x0A: escape = UInt8(ascii: "n")
                case 0x0D: escape = UInt8(ascii: "r")
                case 0x09: escape = UInt8(ascii: "t")
                case 0x08: escape = UInt8(ascii: "b")
                case 0x0C: escape = UInt8(ascii: "f")
                case 0..<0x20: escape = UInt8(ascii: "u")
                default:
                    cursor.pointee = byte
                    cursor += 1
                    continue
                }
                cursor[0] = UInt8(ascii: "\\")
                cursor[1] = escape
                cursor += 2
                if escape == UInt8(ascii: "u") {
                    let hex = Self.hexDigits
                    cursor[0] = UInt8(ascii: "0")
                    cursor[1] = UInt8(ascii: "0")
                    cursor[2] = hex[Int(byte >> 4)]
                    cursor[3] = hex[Int(byte & 0x0F)]
                    cursor += 4
                }
            }
            return cursor
        }
        end.pointee = UInt8(ascii: "\"")
        return end + 1
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// Writes ``shortest(_:into:)``'s form at a pointer, returning the pointer after it.
    ///
    /// At most 32 bytes. With `trimmingPointZero`, a description ending `.0` loses it, as Foundation's
    /// JSON has it.
    static func shortest(
        _ value: Double,
        at cursor: UnsafeMutablePointer<UInt8>,
        trimmingPointZero: Bool = false
    ) -> UnsafeMutablePointer<UInt8> {
        var cursor = cursor
        if value.rounded() == value, abs(value) < 1e15 {
            var magnitude = Int64(value).magnitude
            if value < 0, magnitude != 0 {
                cursor.pointee = UInt8(ascii: "-")
                cursor += 1
            }
            var digits = 1
            var scale: UInt64 = 10
            while magnitude >= scale, digits < 19 {
                digits += 1
                scale &*= 10
            }
            var position = cursor + digits
            cursor = position
            repeat {
                position -= 1
                position.pointee = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while position > cursor - digits
            return cursor
        }
        var text = value.description
        if trimmingPointZero, text.hasSuffix(".0") { text.removeLast(2) }
        return text.withUTF8 { source in
            cursor.update(from: source.baseAddress!, count: source.count)
            return cursor + source.count
        }
    }

    /// A CSV field as `CSVText.field` writes it: quoted when it holds a comma, a quote or a line break.
    static func csvField(_ text: String, into bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var needsQuotes = false
            for byte in utf8
            where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
            {
                needsQuotes = true
                break
            }
            guard needsQuotes else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// A number as `NumberText.shortest` writes it: whole numbers without a fraction, others in the
    /// shortest form that reads back as the same double.
    static func shortest(_ value: Double, into bytes: inout [UInt8]) {
        appending(32, to: &bytes) { shortest(value, at: $0) }
    }

    /// Appends what a pointer writer puts in a temporary buffer of `capacity` bytes.
    private static func appending(
        _ capacity: Int,
        to bytes: inout [UInt8],
        _ write: (UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            let start = buffer.baseAddress!
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: write(start) - start))
        }
    }

    // MARK: JSON

    /// The series as Foundation's `JSONEncoder` writes them with sorted keys, pretty printed and
    /// without escaped slashes, byte for byte.
    mutating func json(_ series: [SPCSeries], engine: SPCEngine) {
        append("[\n")
        for (seriesIndex, held) in series.enumerated() {
            let chart = engine.analyse(held.values, rebase: held.rebase)
            append("  {\n    \"phases\" : [\n")
            for (phaseIndex, phase) in chart.phases.enumerated() {
                append("      {\n")
                var first = true
                func field(_ key: String, _ write: (inout SPCSeriesWriter) -> Void) {
                    if !first { append(",\n") }
                    first = false
                    append("        \"")
                    append(key)
                    append("\" : ")
                    write(&self)
                }
                if let assurance = phase.assurance { field("assurance") { $0.jsonString(assurance.rawValue) } }
                if let value = phase.lowerLimit { field("lpl") { $0.jsonNumber(value) } }
                if let value = phase.mean { field("mean") { $0.jsonNumber(value) } }
                if let value = phase.lowerNearLimit { field("nlpl") { $0.jsonNumber(value) } }
                if let value = phase.upperNearLimit { field("nupl") { $0.jsonNumber(value) } }
                field("observed") { Self.shortest(Double(phase.observed), into: &$0.bytes) }
                field("points") { Self.shortest(Double(phase.count), into: &$0.bytes) }
                field("start") { Self.shortest(Double(phase.start), into: &$0.bytes) }
                field("trialLimits") { $0.append(phase.trialLimits ? "true" : "false") }
                if let value = phase.upperLimit { field("upl") { $0.jsonNumber(value) } }
                field("variationIcon") { $0.jsonString(phase.variation.rawValue) }
                append(phaseIndex + 1 < chart.phases.count ? "\n      },\n" : "\n      }\n")
            }
            append("    ],\n    \"points\" : [\n")
            var stringBytes = 0
            for period in held.periods { stringBytes += period.utf8.count * 6 }
            let bound = held.periods.count * (200 + 6 * 40 + 32) + stringBytes
            let count = chart.points.count
            let chunk = [UInt8](unsafeUninitializedCapacity: bound) { buffer, written in
                var cursor = buffer.baseAddress!
                for (index, point) in chart.points.enumerated() {
                    cursor = Self.put(Self.jsonPointOpen, at: cursor)
                    cursor = Self.jsonString(held.periods[index], at: cursor)
                    cursor = Self.put(Self.jsonPhase, at: cursor)
                    cursor = Self.shortest(Double(point.phase), at: cursor)
                    cursor = Self.put(Self.jsonPointType, at: cursor)
                    cursor = Self.put(Self.pointTypeJSON[Self.position(point.pointType)], at: cursor)
                    if let rule = point.rule {
                        cursor = Self.put(Self.jsonRule, at: cursor)
                        cursor = Self.put(labels.json(rule), at: cursor)
                    }
                    cursor = Self.put(point.isSpecialCause ? Self.jsonSpecialCause : Self.jsonCommonCause, at: cursor)
                    if let value = point.value {
                        cursor = Self.put(Self.jsonValue, at: cursor)
                        cursor = Self.jsonNumber(value, at: cursor)
                    }
                    cursor = Self.put(index + 1 < count ? Self.jsonPointCloseMore : Self.jsonPointCloseLast, at: cursor)
                }
                written = cursor - buffer.baseAddress!
            }
            bytes.append(contentsOf: chunk)
            append("    ],\n    \"series\" : ")
            jsonString(held.name)
            append(seriesIndex + 1 < series.count ? "\n  },\n" : "\n  }\n")
            flushIfFull()
        }
        append("]\n")
        flushIfFull(force: true)
    }

    /// A double as Foundation's encoder writes it: its shortest description, without a trailing `.0`.
    private mutating func jsonNumber(_ value: Double) {
        Self.appending(32, to: &bytes) { Self.jsonNumber(value, at: $0) }
    }

    /// ``jsonNumber(_:)``'s form at a pointer, returning the pointer after it; at most 32 bytes.
    static func jsonNumber(_ value: Double, at cursor: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        guard value == 0, value.sign == .minus else { return shortest(value, at: cursor, trimmingPointZero: true) }
        return put(Array("-0".utf8), at: cursor)
    }

    /// A JSON string, escaped as Foundation's encoder escapes it (slashes left alone).
    private mutating func jsonString(_ text: String) {
        Self.appending(text.utf8.count * 6 + 2, to: &bytes) { Self.jsonString(text, at: $0) }
    }

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
}

/// The rules' labels as CSV fields and JSON strings, each made the first time it is written.
private final class RuleLabels {
    private var csvForms: [SpecialCauseRule: [UInt8]] = [:]
    private var jsonForms: [SpecialCauseRule: [UInt8]] = [:]

    func csv(_ rule: SpecialCauseRule) -> [UInt8] {
        if let known = csvForms[rule] { return known }
        var bytes: [UInt8] = []
        SPCSeriesWriter.csvField(rule.label, into: &bytes)
        csvForms[rule] = bytes
        return bytes
    }

    func json(_ rule: SpecialCauseRule) -> [UInt8] {
        if let known = jsonForms[rule] { return known }
        let label = rule.label
        let bytes = [UInt8](unsafeUninitializedCapacity: label.utf8.count * 6 + 2) { buffer, written in
            written = SPCSeriesWriter.jsonString(label, at: buffer.baseAddress!) - buffer.baseAddress!
        }
        jsonForms[rule] = bytes
        return bytes
    }
}
