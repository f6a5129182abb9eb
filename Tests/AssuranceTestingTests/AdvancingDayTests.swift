import AssuranceTesting
import Domain
import Foundation
import Testing

struct AdvancingDayTests {
    @Test func theDateSourceReadsTheCurrentDayAtItsHour() {
        let today = AdvancingDay(.fixture("2025-06-30"))
        let source = today.dateSource
        #expect(source.today(in: .england) == .fixture("2025-06-30"))
        #expect(source() == DateSource.fixed(.fixture("2025-06-30"))())
        #expect(today.advance() == .fixture("2025-07-01"))
        #expect(source.today(in: .england) == .fixture("2025-07-01"))
        // Friday 2025-08-22 and three working days on: the bank holiday Monday is passed over.
        today.set(.fixture("2025-08-22"))
        #expect(today.advance(workingDays: 3) == .fixture("2025-08-28"))
        #expect(today.advance(days: -1) == .fixture("2025-08-27"))
    }

    /// One environment across days: the second day's finding gets a new id, where a fresh
    /// environment with `.incrementing` ids would start again at 1 and collide.
    @Test func oneEnvironmentCarriesIdentifiersAcrossDays() async throws {
        let store = InMemoryStore()
        let today = AdvancingDay(.fixture("2025-01-01"))
        let environment = AssuranceEnvironment(store: store, clock: today.dateSource, ids: .incrementing)
        let first = environment.ids.make(Finding.self)
        today.advance()
        let second = environment.ids.make(Finding.self)
        #expect(first != second)
        #expect(environment.today() == .fixture("2025-01-02"))
    }
}
