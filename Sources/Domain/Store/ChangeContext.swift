public import Foundation

/// Who is writing and when, stamped on every change-log entry of a batch.
public struct ChangeContext: Hashable, Sendable {
    /// The acting principal.
    public var principal: Principal.ID
    /// The instant of the write, from the clock seam.
    public var at: Date

    /// Creates a context.
    public init(principal: Principal.ID, at: Date) {
        self.principal = principal
        self.at = at
    }
}
