// libFuzzer target: the JSON formats read from outside: Section 11 assessments and backups.
import Domain
import Foundation
import Section11

/// libFuzzer's entry point: one input, as bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONImport(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        _ = try AssessmentInterchange(json: data, source: "fuzz.json")
    } catch is DomainError {
    } catch {
        fatalError("the Section 11 reader threw something other than a DomainError: \(error)")
    }
    // The backup reader throws only DomainError (typed throws); what it reads must write back as
    // the same snapshot.
    if let snapshot = try? StoreBackup.decode(data, source: "fuzz.json") {
        let again = try? StoreBackup.decode(StoreBackup.encode(snapshot), source: "again")
        precondition(again == snapshot, "a backup read did not survive being written and read again")
    }
    return 0
}
