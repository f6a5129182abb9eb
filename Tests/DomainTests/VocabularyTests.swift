import Domain
import Foundation
import Testing

struct VocabularyTests {
    @Test(arguments: ["partnership", "locality:north", "agency:police"])
    func scopeTextRoundTrips(_ text: String) throws {
        #expect(try SeriesScope(parsing: text).description == text)
    }

    @Test func badScopeTextIsRefused() {
        #expect(
            throws: DomainError(
                .invalidInput,
                "scope \"county\" is not a scope; expected partnership, locality:ID or agency:ID"
            )
        ) { try SeriesScope(parsing: "county") }
        #expect(
            throws: DomainError(
                .invalidInput,
                "agency id \"bad id\" contains a character that is not allowed; expected only A-Z a-z 0-9 - _ . :"
            )
        ) { try SeriesScope(parsing: "agency:bad id") }
    }

    /// Identifiers hold exactly the allowed characters.
    ///
    /// The rule (1 to 128 characters from A-Z a-z 0-9 - _ . :) byte by byte and at its length's
    /// edges, against a plain statement of it.
    @Test func identifiersHoldExactlyTheAllowedCharacters() {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:".utf8)
        for byte in UInt8.min...UInt8.max {
            let text = String(decoding: [0x61, byte, 0x62], as: UTF8.self)
            let expected = allowed.contains(byte)
            #expect((Agency.ID(rawValue: text) != nil) == expected, "byte \(byte)")
        }
        #expect(Agency.ID(rawValue: "é") == nil)
        #expect(Agency.ID(rawValue: "") == nil)
        #expect(Agency.ID(rawValue: String(repeating: "a", count: 128)) != nil)
        #expect(Agency.ID(rawValue: String(repeating: "a", count: 129)) == nil)
        #expect(
            throws: DomainError(
                .invalidInput,
                "agency id \"\" is empty; expected 1 to 128 characters from A-Z a-z 0-9 - _ . :"
            )
        ) { try SeriesScope(parsing: "agency:") }
    }

    @Test func observationStatusesKeepStatisticsSymbols() throws {
        #expect(try ObservationStatus(parsing: "c") == .symbol(.c))
        #expect(try ObservationStatus(parsing: "low") == .symbol(.low))
        #expect(try ObservationStatus(parsing: "provisional") == .provisional)
        #expect(!(try ObservationStatus(parsing: "x")).hasValue)
        #expect(
            throws: DomainError(
                .invalidInput,
                "status \"final\" is not a status; expected actual, provisional, c, x, z, u or low"
            )
        ) { try ObservationStatus(parsing: "final") }
    }

    @Test func ratingScalesRunWorstToBestWithRAG() throws {
        let scale = RatingScale.fourPoint
        #expect(scale.levels.map(\.code) == ["inadequate", "requires-improvement", "good", "outstanding"])
        #expect(scale.levels.map(\.rank) == [0, 1, 2, 3])
        #expect(try scale.requireLevel("requires-improvement").rag == .amber)
        #expect(RatingScale.zeroToThree.level("0")?.rag == .red)
        #expect(
            throws: DomainError(
                .invalidInput,
                "rating \"purple\" is not on the RAG scale; expected one of red, amber, green"
            )
        ) { try RatingScale.rag.requireLevel("purple") }
    }

    @Test func aPartnershipCanDefineItsOwnScale() throws {
        let scale = try RatingScale(
            id: "met",
            name: "Met / Not met",
            levels: [
                RatingLevel(code: "not-met", label: "Not met", rank: 9, rag: .red),
                RatingLevel(code: "met", label: "Met", rank: 0, rag: .green),
            ]
        )
        #expect(scale.levels.map(\.rank) == [0, 1])
        #expect(throws: DomainError(.invalidInput, "rating scale one has 1 level(s); expected at least 2")) {
            try RatingScale(id: "one", name: "One", levels: [RatingLevel(code: "a", label: "A", rank: 0, rag: .red)])
        }
        #expect(throws: DomainError(.invalidInput, "rating scale dup repeats the level code \"a\"")) {
            try RatingScale(
                id: "dup",
                name: "Dup",
                levels: [
                    RatingLevel(code: "a", label: "A", rank: 0, rag: .red),
                    RatingLevel(code: "a", label: "A", rank: 1, rag: .green),
                ]
            )
        }
    }

    /// Cadences from the framework document: the PDG meets monthly; sub-groups report bi-monthly to the
    /// Executive; the QA lead holds a six-monthly scrutiny session (devon-qa-framework.txt, "The Role of
    /// the Practice Development Group").
    @Test func groupCadencesDefaultToTheFrameworks() {
        let pdg = Group(id: "pdg", name: "Practice Development Group", kind: .practiceDevelopmentGroup)
        #expect(pdg.meetingCadence == .monthly)
        #expect(pdg.reportingCadence == nil)
        let qadg = Group(id: "qadg", name: "Quality Assurance Delivery Group", kind: .qualityAssuranceDeliveryGroup)
        #expect(qadg.reportingCadence == .biMonthly)
        #expect(qadg.scrutinyCadence == .sixMonthly)
        let custom = Group(id: "t", name: "Task", kind: .taskAndFinish, reportingCadence: .quarterly)
        #expect(custom.reportingCadence == .quarterly)
        #expect(Cadence.biMonthly.description == "bi-monthly")
    }

    @Test func meetingsKeepAgencyListsSortedAndUnique() throws {
        let meeting = Meeting(
            id: "m1",
            group: "pdg",
            day: try Day(parsing: "2025-05-01"),
            invited: ["police", "health", "police"],
            attended: ["police"]
        )
        #expect(meeting.invited == ["health", "police"])
        #expect(meeting.index.period?.description == "2025-05")
    }

    @Test func severityAndEscalationAreOrdered() {
        #expect(Severity.allCases.sorted() == Severity.allCases)
        #expect(Severity.decisionRequired > .recurringConcern)
        #expect(EscalationLevel.subGroup.next == .practiceDevelopmentGroup)
        #expect(EscalationLevel.executive.next == nil)
        #expect(RAG.red < .amber && RAG.amber < .green)
    }

    @Test func themesHaveLabels() {
        #expect(Theme.voiceOfTheChild.label == "Voice of the child")
        #expect(Theme(rawValue: "county-lines").label == "County lines")
        #expect(Set(Theme.starterCatalogue).count == Theme.starterCatalogue.count)
    }

    @Test func recordsCodeWithTheirTypedIdentifiers() throws {
        let agency = Agency(id: "police", name: "Police", sector: .police, isStatutoryPartner: true)
        let data = try JSONEncoder().encode(agency)
        #expect(try JSONDecoder().decode(Agency.self, from: data) == agency)
        #expect(agency.reference.description == "domain.agency/police")
    }
}
