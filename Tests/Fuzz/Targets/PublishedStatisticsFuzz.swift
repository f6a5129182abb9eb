// libFuzzer target: Explore Education Statistics files and the statistical neighbour model.
import Domain
import Foundation
import Measures

/// libFuzzer's entry point: one input, as bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPublishedStatistics(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        let statistics = try PublishedStatistics(data: data, source: "fuzz.csv", indicator: "At31_episodes")
        _ = statistics.rows.count
    } catch is DomainError {
    } catch {
        fatalError("the statistics reader threw something other than a DomainError: \(error)")
    }
    do {
        _ = try StatisticalNeighbourModel(data: data, source: "fuzz.csv")
    } catch is DomainError {
    } catch {
        fatalError("the neighbour model reader threw something other than a DomainError: \(error)")
    }
    return 0
}
