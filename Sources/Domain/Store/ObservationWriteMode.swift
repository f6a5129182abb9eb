/// What happens when appended observations are already held.
public enum ObservationWriteMode: String, Hashable, Sendable, Codable {
    /// Refuse the whole batch if any measure, scope and period is already held.
    case insertOnly = "insert-only"
    /// Replace held values, such as provisional figures superseded by actuals.
    case replaceExisting = "replace-existing"
}
