import Domain
import Foundation
package import Measures

extension PartnershipGenerator {
    // MARK: Measures

    /// The catalogue: the starter measures, then local measures up to the scale's count.
    package func measures() throws -> MeasureCatalogue {
        var definitions = Array(MeasureCatalogue.starter.definitions.prefix(scale.measures))
        var number = definitions.count
        while definitions.count < scale.measures {
            number += 1
            definitions.append(
                MeasureDefinition(
                    id: MeasureID(unchecked: "local-measure-\(String(format: "%02d", number))"),
                    name: "Local measure \(number)",
                    summary: "A measure the partnership defined for its own priorities.",
                    question: number % 3 == 0 ? .betterOff : (number % 2 == 0 ? .howWell : .howMuch),
                    unit: number % 2 == 0 ? .percentage : .count,
                    polarity: number % 2 == 0 ? .higherIsBetter : .neither,
                    frequency: number % 5 == 0 ? .quarterly : .monthly,
                    scopes: [.partnership, .locality],
                    targets: number % 2 == 0 ? [TargetStep(from: firstMonth, value: 75)] : [],
                    source: "Partnership business team"
                )
            )
        }
        // The partnership reports every partnership measure by locality too, and sets targets for the
        // framework's timeliness measures, so the scorecard has RAG ratings.
        for index in definitions.indices {
            if definitions[index].scopes.contains(.partnership), !definitions[index].scopes.contains(.locality) {
                definitions[index].scopes.append(.locality)
            }
            switch definitions[index].id.rawValue {
            case "assessments-within-45wd": definitions[index].targets = [TargetStep(from: firstMonth, value: 85)]
            case "icpc-within-15wd-of-strategy": definitions[index].targets = [TargetStep(from: firstMonth, value: 80)]
            case "core-groups-within-10wd": definitions[index].targets = [TargetStep(from: firstMonth, value: 90)]
            case "re-referrals-12m": definitions[index].targets = [TargetStep(from: firstMonth, value: 20)]
            case "mash-contact-conversion": definitions[index].targets = [TargetStep(from: firstMonth, value: 40)]
            default: break
            }
        }
        return try MeasureCatalogue(definitions)
    }

    func observations(
        catalogue: MeasureCatalogue,
        localities: [Locality],
        agencies: [Agency],
        random: inout SeededRandom,
        index: Int
    ) -> [ObservationSeries] {
        var result: [ObservationSeries] = []
        let lastMonth = ReportingPeriod.containing(referenceDay, kind: .month).previous
        let agencyScopes = Array(agencies.prefix(3)).map(\.id)
        for definition in catalogue.definitions {
            var periods: [ReportingPeriod] = []
            var period = ReportingPeriod.containing(
                firstMonth.firstDay,
                kind: definition.frequency.kind,
                basis: definition.frequency.basis
            )
            while period.lastDay <= lastMonth.lastDay {
                if period.firstDay >= firstMonth.firstDay { periods.append(period) }
                period = period.next
            }
            var scopes: [SeriesScope] = []
            if definition.scopes.contains(.partnership) { scopes.append(.partnership) }
            if definition.scopes.contains(.locality) { scopes += localities.map { .locality($0.id) } }
            if definition.scopes.contains(.agency) { scopes += agencyScopes.map { .agency($0) } }
            for scope in scopes {
                let size: Double = scope == .partnership ? 1 : (scope.locality != nil ? 0.1 : 0.3)
                let plant = plantedCause(definition.id, scope, localities: localities, index: index, random: &random)
                var points: [SeriesPoint] = []
                for (position, period) in periods.enumerated() {
                    let fromEnd = periods.count - position
                    points.append(
                        point(definition, period, size: size, plant: plant, fromEnd: fromEnd, random: &random)
                    )
                }
                result.append(ObservationSeries(measure: definition.id, scope: scope, points: points))
            }
        }
        return result
    }

    /// A planted special cause: a step of `shift` standard deviations over the last `periods` periods.
    struct Plant {
        var shift: Double
        var periods: Int
    }

    func plantedCause(
        _ measure: MeasureID,
        _ scope: SeriesScope,
        localities: [Locality],
        index: Int,
        random: inout SeededRandom
    ) -> Plant? {
        // The demo's three stories, in every partnership.
        if measure == "mash-contact-conversion", scope == .locality(localities[min(2, localities.count - 1)].id) {
            return Plant(shift: -3.5, periods: 8)
        }
        if measure == "re-referrals-12m", scope == .partnership { return Plant(shift: 2.5, periods: 7) }
        if measure == "icpc-within-15wd-of-strategy", scope == .partnership { return Plant(shift: 3, periods: 9) }
        // Elsewhere, about one series in twenty has a special cause of its own.
        return random.chance(0.05)
            ? Plant(shift: random.chance(0.5) ? 3 : -3, periods: random.integer(in: 6...10)) : nil
    }

    func point(
        _ definition: MeasureDefinition,
        _ period: ReportingPeriod,
        size: Double,
        plant: Plant?,
        fromEnd: Int,
        random: inout SeededRandom
    ) -> SeriesPoint {
        let months = Double(period.kind.months)
        let shift = plant.map { fromEnd <= $0.periods ? $0.shift : 0 } ?? 0
        switch definition.unit {
        case .count:
            let base =
                (definition.id == "mash-contacts" ? 900 : definition.id == "lado-referrals" ? 18 : 120) * size * months
            let mean = max(0.5, base + shift * base.squareRoot())
            return SeriesPoint(period: period, value: Double(random.poisson(mean)))
        case .percentage:
            let denominator = Double(max(1, random.poisson(200 * size * months)))
            let base = Self.percentageBase[definition.id.rawValue] ?? 75
            let spread = 4.0
            let rate = min(99.5, max(0.5, random.normal(mean: base + shift * spread, deviation: spread))) / 100
            let numerator = (rate * denominator).rounded()
            return SeriesPoint(
                period: period,
                value: (numerator / denominator * 1000).rounded() / 10,
                numerator: numerator,
                denominator: denominator
            )
        case .ratePer10000:
            let base = definition.id == "cin-rate" ? 330.0 : definition.id == "cp-plan-rate" ? 42 : 38
            return SeriesPoint(
                period: period,
                value: (random.normal(mean: base + shift * 3, deviation: 3) * 10).rounded() / 10
            )
        case .days, .workingDays:
            return SeriesPoint(
                period: period,
                value: max(1, random.normal(mean: 30 + shift * 2, deviation: 2).rounded())
            )
        }
    }

    /// Each agency's attendance at partnership meetings as its meeting records give it, in place of
    /// a drawn series, so that its feedback's measure agrees with its attendance table and the
    /// attendance findings; a period in which it was invited to nothing has no value.
    static func attendance(_ series: [ObservationSeries], from meetings: [Meeting]) -> [ObservationSeries] {
        let invitedTo = Dictionary(grouping: meetings.flatMap { meeting in meeting.invited.map { ($0, meeting) } }) {
            $0.0
        }.mapValues { $0.map(\.1) }
        return series.map { held in
            guard held.measure == "partnership-meeting-attendance", let agency = held.scope.agency else { return held }
            var derived = held
            derived.points = held.points.map { point in
                let invited = (invitedTo[agency] ?? []).filter { point.period.contains($0.day) }
                guard !invited.isEmpty else { return SeriesPoint(period: point.period, value: nil) }
                let attended = Double(invited.filter { $0.attended.contains(agency) }.count)
                return SeriesPoint(
                    period: point.period,
                    value: (attended / Double(invited.count) * 1000).rounded() / 10,
                    numerator: attended,
                    denominator: Double(invited.count)
                )
            }
            return derived
        }
    }

    static let percentageBase: [String: Double] = [
        "mash-contact-conversion": 40, "re-referrals-12m": 19, "assessments-within-45wd": 84,
        "icpc-within-15wd-of-strategy": 76, "dfe-icpc-within-15wd": 80, "conference-attendance": 86,
        "conference-reports-shared": 70, "core-groups-within-10wd": 88, "cp-reviews-in-timescale": 93,
        "lado-referrals-within-1wd": 82, "partnership-meeting-attendance": 81, "training-take-up": 78,
        "supervision-in-timescale": 85, "staff-turnover": 14, "agency-staff": 16, "cp-second-or-subsequent": 22,
        "cp-plans-2-years-plus": 4, "children-feel-safer": 72, "families-better-able-to-care": 68,
        "children-seen-alone": 64, "return-interviews-72h": 61,
    ]
}
