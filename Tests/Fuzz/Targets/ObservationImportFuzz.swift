// libFuzzer target: a measures CSV file checked against the starter catalogue.
import Domain
import Foundation
import Measures

let catalogue = MeasureCatalogue.starter
let today = try! Day(year: 2026, month: 4, day: 30)

/// libFuzzer's entry point: one input, as bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzObservationImport(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        let parsed = try ObservationImport(
            csv: data,
            source: "fuzz.csv",
            catalogue: catalogue,
            agencies: ["police"],
            localities: ["north"],
            today: today
        )
        precondition(parsed.rows > 0)
    } catch is DomainError {
    } catch {
        fatalError("the measures importer threw something other than a DomainError: \(error)")
    }
    return 0
}
