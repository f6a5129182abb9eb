// libFuzzer target: the CSV reader, on any bytes, only ever returns fields or throws DomainError.
import Domain
import Foundation
import Measures

/// libFuzzer's entry point: one input, as bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        var reader = try CSVReader(data: data, source: "fuzz.csv", maximumRecordLength: 4096)
        var records = 0
        while try reader.next(), records < 1000 {
            records += 1
            for index in reader.header.indices {
                _ = reader.field(index)
                _ = try? reader.number(index)
                _ = try? reader.integer(index)
            }
        }
    } catch is DomainError {
        // Refused, as bad input should be.
    } catch {
        fatalError("the CSV reader threw something other than a DomainError: \(error)")
    }
    return 0
}
