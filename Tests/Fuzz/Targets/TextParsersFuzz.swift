// libFuzzer target: days, periods and identifiers from text; whatever parses prints back the same.
import Domain
import Foundation

/// libFuzzer's entry point: one input, as bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextParsers(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = start.map { String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self) } ?? ""
    if let day = try? Day(parsing: text) {
        precondition(day.description == text, "\(text) parsed as \(day)")
    }
    if let period = try? ReportingPeriod(parsing: text) {
        precondition(period.description == text, "\(text) parsed as \(period)")
        precondition(period.firstDay <= period.lastDay)
    }
    if let identifier = try? Agency.ID(text) {
        precondition(identifier.rawValue == text)
    }
    return 0
}
