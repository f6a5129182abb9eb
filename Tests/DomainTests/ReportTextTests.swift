import Domain
import Testing

/// What a report prints for a chart's values and a sector: the words a partnership would sign.
struct ReportTextTests {
    func chart(unit: String, counts: Bool, _ points: [(Double?, Bool)]) -> SPCChart {
        SPCChart(
            title: "T",
            unit: unit,
            improvement: .neutral,
            points: points.enumerated().map { index, point in
                SPCChart.Point(
                    label: ["Jan 2026", "Feb 2026", "Mar 2026"][index],
                    value: point.0,
                    mean: nil,
                    lowerLimit: nil,
                    upperLimit: nil,
                    lowerNearLimit: nil,
                    upperNearLimit: nil,
                    pointType: .commonCause,
                    phase: 0,
                    isSuppressed: point.1
                )
            },
            valuesAreCounts: counts
        )
    }

    @Test func countsAreWholeAndUnitsKeepTheirSpace() {
        #expect(chart(unit: "", counts: true, []).text(356) == "356")
        #expect(chart(unit: "per 10,000", counts: false, []).text(333) == "333.0 per 10,000")
        #expect(chart(unit: "%", counts: false, []).text(27.06) == "27.1%")
    }

    @Test func theLatestIsTheLatestPeriodSuppressedOrNot() {
        let suppressed = chart(unit: "", counts: true, [(4, false), (nil, true), (nil, true)])
        #expect(suppressed.latestText == "c (Mar 2026)")
        let missing = chart(unit: "%", counts: false, [(40, false), (41, false), (nil, false)])
        #expect(missing.latestText == "no value (Mar 2026)")
        let held = chart(unit: "%", counts: false, [(40, false), (41, false), (42.25, false)])
        #expect(held.latestText == "42.3% (Mar 2026)")
        #expect(chart(unit: "", counts: true, []).latestText == "no data")
    }

    @Test func aSectorIsNamedNotIdentified() {
        #expect(AgencySector.localAuthorityChildrensServices.label == "Local authority children's services")
        #expect(AgencySector.generalPractice.label == "General practice")
        #expect(AgencySector(rawValue: "private-fostering-agency").label == "Private fostering agency")
    }
}
