/// The assurance icon: whether the process will meet its target.
public enum SPCAssuranceIcon: String, Hashable, Sendable, Codable, CaseIterable {
    /// The target lies beyond the limits on the side of improvement: the process will consistently meet it.
    case consistentPass = "consistent_pass"
    /// The target lies beyond the limits on the side of concern: the process will consistently fail it.
    case consistentFail = "consistent_fail"
    /// The target lies within the limits: it will be hit and missed.
    case inconsistent
}
