import Domain
import Testing

/// The English every module's report text shares.
struct ProseTests {
    @Test func countsAgreeWithTheirNouns() {
        #expect(Prose.counted(1, "recommendation") == "1 recommendation")
        #expect(Prose.counted(29, "recommendation") == "29 recommendations")
        #expect(Prose.counted(0, "view from a child", plural: "views from children") == "0 views from children")
    }

    @Test func listsReadAsSentences() {
        #expect(Prose.listed([]) == "")
        #expect(Prose.listed(["audits"]) == "audits")
        #expect(Prose.listed(["audits", "reviews"]) == "audits and reviews")
        #expect(Prose.listed(["audits", "reviews", "Section 11 returns"]) == "audits, reviews and Section 11 returns")
    }

    @Test func aNameEndingInSTakesAnApostropheAlone() {
        #expect(Prose.possessive("Children's Services") == "Children's Services'")
        #expect(Prose.possessive("Brackenshire Constabulary") == "Brackenshire Constabulary's")
        #expect(Day(unchecked: 0).longForm == "1 January 1970")
    }
}
