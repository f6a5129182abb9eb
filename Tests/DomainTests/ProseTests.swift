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

/// Days in a report's prose are written the long UK way; references that merely look like days are not.
struct LongDaysTests {
    @Test func everyDayInTheTextIsWrittenInTheLongForm() {
        #expect(
            Prose.longDays(in: "reported on 2023-10-09; its report was due by 2025-11-22.")
                == "reported on 9 October 2023; its report was due by 22 November 2025."
        )
        #expect(Prose.longDays(in: "2026-04-30") == "30 April 2026")
        #expect(Prose.longDays(in: "Missed the meeting of 2025-12-10") == "Missed the meeting of 10 December 2025")
    }

    @Test func referencesAndImpossibleDaysAreLeftAlone() {
        for text in [
            "Rapid review 2025-005", "case 2025-11-22-7", "ref 12025-11-22", "2025-02-30 is no day", "FY2025-26-Q4",
            "no days here",
        ] {
            #expect(Prose.longDays(in: text) == text, "\(text)")
        }
    }
}
