extension Group {
    /// When something the group does at a cadence fell due, if it is overdue on a day.
    ///
    /// It falls due one cadence after it was last done, or after the group was established when it
    /// has never been done; a group with neither has nothing due.
    ///
    /// - Returns: The day it fell due and the day counted from (the last time, or the day the group
    ///   was established), or `nil` when it is not overdue.
    func overdue(_ cadence: Cadence, lastDone last: Day?, on day: Day) -> (due: Day, base: Day)? {
        guard let base = last ?? established else { return nil }
        let due = cadence.after(base)
        return day > due ? (due, base) : nil
    }

    /// The bodies the group reports to, by name, as a sentence gives them after "the": `Board`,
    /// `Board or the Leaders Group`; the given name when it reports to none.
    func addressees(_ names: [Group.ID: String], otherwise: String) -> String {
        let listed = reportsToAll.map { names[$0] ?? $0.rawValue }
        return listed.isEmpty ? otherwise : listed.joined(separator: " or the ")
    }
}
