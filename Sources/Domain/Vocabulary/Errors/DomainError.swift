public import Foundation

/// The error thrown by the Domain module and by the seams every module writes through.
///
/// An error carries a stable ``Code`` to switch on and a message that says what failed,
/// quotes the offending value and says what was expected or what to do next.
///
/// ```swift
/// do {
///     _ = try Day(parsing: "2025-02-30")
/// } catch let error as DomainError where error.code == .invalidInput {
///     print(error.message)  // day "2025-02-30" does not exist: February 2025 has 28 days; …
/// }
/// ```
public struct DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable classification of a ``DomainError``; new codes may be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case invalidInput
            case notFound
            case staleWrite
            case duplicate
            case schemaTooNew
            case notOurDatabase
            case corruptDatabase
            case accessDenied
            case invalidTransition
            case storeFailed
            case deliveryFailed
            case unchanged
        }

        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// Text, a value or a record does not have the form that was expected.
        public static var invalidInput: Self { Self(.invalidInput) }
        /// A record, period or other named thing does not exist.
        public static var notFound: Self { Self(.notFound) }
        /// A write was made against a version of a record that is no longer the latest.
        public static var staleWrite: Self { Self(.staleWrite) }
        /// Something that must be unique already exists.
        public static var duplicate: Self { Self(.duplicate) }
        /// Stored data was written by a newer schema than this build understands.
        public static var schemaTooNew: Self { Self(.schemaTooNew) }
        /// A file opened as a store is not one of ours.
        public static var notOurDatabase: Self { Self(.notOurDatabase) }
        /// A store's file is damaged.
        public static var corruptDatabase: Self { Self(.corruptDatabase) }
        /// The acting principal may not take the action on the record.
        public static var accessDenied: Self { Self(.accessDenied) }
        /// A lifecycle step that is not allowed from the record's current state.
        public static var invalidTransition: Self { Self(.invalidTransition) }
        /// The store failed for a reason of its own (I/O, a database engine error).
        public static var storeFailed: Self { Self(.storeFailed) }
        /// A notification could not be delivered.
        public static var deliveryFailed: Self { Self(.deliveryFailed) }
        /// A change would leave the record as it is: nothing was written, and no version was spent.
        public static var unchanged: Self { Self(.unchanged) }

        /// The code's name, as it prefixes ``DomainError/description``.
        public var description: String { kind.rawValue }
    }

    /// The stable classification of the error.
    public var code: Code
    /// What failed, the offending value, and what was expected or what to do next.
    public var message: String
    /// What failed, as values: the record, the field or JSON path, the position in a file or in a
    /// list the caller gave, the offending value and what was expected.
    ///
    /// Match on these, and on ``code``, never on the message's text, which may be reworded.
    public var context: Context
    /// The error of a host's store or sink that this error wraps, if any.
    public var underlying: (any Error)?

    /// Creates an error with a code and a message.
    ///
    /// - Parameters:
    ///   - code: The classification.
    ///   - message: The explanation, which should name the offending value and what was expected.
    ///   - context: What failed, as values.
    ///   - underlying: The error being wrapped, if any.
    public init(_ code: Code, _ message: String, context: Context = Context(), underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.context = context
        self.underlying = underlying
    }

    /// The same error with more of its context known: each field of `more` that is set replaces the
    /// error's own, and the message is kept.
    public func adding(_ more: Context) -> DomainError {
        var error = self
        error.context = context.merging(more)
        return error
    }

    /// The code and the message, as `code: message`.
    public var description: String { "\(code): \(message)" }

    /// Two errors are equal when their codes and messages are equal; the context and the wrapped
    /// error are not compared.
    public static func == (lhs: DomainError, rhs: DomainError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }

    /// Hashes the code and the message.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
    }
}

extension DomainError: LocalizedError {
    /// The same text as ``description``, so that `localizedDescription` is useful on Linux too.
    public var errorDescription: String? { description }
}

extension DomainError {
    /// Quotes a value for an error message, escaping quotes and control characters and shortening long values.
    ///
    /// A store or module outside the package quotes what it names in its errors with this, so that every
    /// message quotes values the same way.
    public static func quote<Value: RawRepresentable>(_ value: Value, limit: Int = 80) -> String
    where Value.RawValue == String {
        quote(value.rawValue, limit: limit)
    }

    /// Quotes text for an error message, escaping quotes and control characters and shortening long text.
    public static func quote(_ value: some StringProtocol, limit: Int = 80) -> String {
        var out = ""
        var count = 0
        for scalar in value.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return "\"\(out)\""
    }
}
