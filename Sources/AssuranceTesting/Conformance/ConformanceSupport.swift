import Domain
import Foundation

struct Expectation: Error, CustomStringConvertible {
    var description: String
}

func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw Expectation(description: message()) }
}

/// Expects a body to throw exactly an error: its code and its message, as `StoreRules` words it.
func expectError(_ expected: DomainError, _ body: () async throws -> Void) async throws {
    try await expectError(expected.code, expected.message, body)
}

func expectError(
    _ code: DomainError.Code,
    _ message: String? = nil,
    _ body: () async throws -> Void
) async throws {
    do {
        try await body()
    } catch let error as DomainError {
        try expect(error.code == code, "expected \(code), got \(error)")
        if let message {
            try expect(error.message == message, "expected the message «\(message)», got «\(error.message)»")
        }
        return
    } catch {
        throw Expectation(description: "expected a DomainError \(code), got \(error)")
    }
    throw Expectation(description: "expected \(code), but nothing was thrown")
}

let noon = Date(timeIntervalSince1970: 1_750_000_000)

let writer = ChangeContext(principal: "conformance", at: noon)

func record(
    _ id: String,
    type: RecordType = "test.thing",
    version: Int = 0,
    schemaVersion: Int = 1,
    index: RecordIndex = RecordIndex(),
    body: String = "{}"
) -> StoredRecord {
    StoredRecord(
        type: type,
        id: Identifier(rawValue: id)!,
        version: version,
        schemaVersion: schemaVersion,
        index: index,
        payload: Data(body.utf8)
    )
}

/// The error a `StoreRules` check throws for a value, for checks that expect a store to refuse
/// the same value with the same error.
func ruleError(_ check: () throws -> Void) throws -> DomainError {
    do {
        try check()
    } catch let error as DomainError {
        return error
    }
    throw Expectation(description: "the suite's own bad value passed StoreRules")
}
