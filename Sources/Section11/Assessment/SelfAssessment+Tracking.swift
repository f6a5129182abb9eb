public import Domain
import Foundation

extension SelfAssessment {
    /// The id of the recommendation an agency's actions on a criterion serve in the one tracker:
    /// `s11-<assessment>-<criterion>`, with any character an id may not hold as a hyphen.
    public func trackingRecommendationID(for criterion: CriterionCode) -> Recommendation.ID {
        Self.identifier("s11-\(id)-\(criterion)".replacingOccurrences(of: ".", with: "-"))
    }

    /// The recommendation of the agency's own that its actions on a criterion serve: improving its
    /// practice on the criterion, with the criterion's themes, owned by the agency.
    ///
    /// Its source is titled by the agency and the cycle, such as
    /// `Brackenshire Police's return to Section 11 2025`.
    public func trackingRecommendation(
        for response: CriterionResponse,
        set: StandardSet,
        agencyName: String,
        cycleName: String? = nil,
        day: Day
    ) -> Recommendation {
        let criterion = response.criterion
        let rating = response.standingRating.flatMap { set.scale.level($0)?.label.lowercased() } ?? "unrated"
        return Recommendation(
            id: trackingRecommendationID(for: criterion),
            source: Recommendation.Source(
                .section11,
                record: reference,
                title: cycleName.map { "\(agencyName)'s return to \($0)" } ?? "\(agencyName)'s self-assessment return"
            ),
            text:
                "\(agencyName): improve on criterion \(criterion) (\(set.criterion(criterion)?.text ?? "")), rated \(rating).",
            ownerAgency: agency,
            themes: set.themes(of: criterion),
            raisedOn: day,
            dueOn: response.actions?.map(\.dueOn).max()
        )
    }

    /// The tracked action an action of the agency's becomes, serving a recommendation, with the
    /// response as its origin; a return made before actions were tracked brings its progress with it.
    public func trackedAction(
        for action: AssessmentAction,
        on criterion: CriterionCode,
        serving recommendation: Recommendation.ID,
        in workStream: WorkStream.ID?,
        day: Day
    ) -> TrackedAction {
        var tracked = TrackedAction(
            id: Self.identifier("\(recommendation)-\(action.id)"),
            recommendation: recommendation,
            workStream: workStream,
            text: action.text,
            ownerAgency: agency,
            lead: action.owner,
            startOn: min(day, action.dueOn),
            dueOn: action.dueOn
        )
        tracked.origin = TrackedAction.Origin(record: reference, detail: criterion.rawValue)
        if let completed = action.completedOn {
            tracked.status = .completed
            tracked.completedOn = completed
        }
        tracked.updates = (action.progress ?? []).map {
            TrackedAction.Update(on: $0.on, by: "section11", text: $0.text, status: tracked.status)
        }
        return tracked
    }

    /// Puts every action not yet tracked in the one tracker, for a writer that makes records
    /// directly (an importer of earlier returns, a generator): the recommendations and tracked
    /// actions to save, with each action of the assessment referring to its tracked action.
    ///
    /// The work streams are the writer's to place the recommendations in (`WorkStream.place(_:in:ids:)`).
    public mutating func trackActions(
        set: StandardSet,
        agencyName: String,
        cycleName: String? = nil,
        day: Day
    ) -> (recommendations: [Recommendation], actions: [TrackedAction]) {
        var recommendations: [Recommendation] = []
        var actions: [TrackedAction] = []
        for (index, response) in responses.enumerated() {
            guard let held = response.actions, held.contains(where: { $0.tracked == nil }) else { continue }
            let recommendation = trackingRecommendation(
                for: response,
                set: set,
                agencyName: agencyName,
                cycleName: cycleName,
                day: day
            )
            recommendations.append(recommendation)
            responses[index].actions = held.map { action in
                guard action.tracked == nil else { return action }
                let tracked = trackedAction(
                    for: action,
                    on: response.criterion,
                    serving: recommendation.id,
                    in: nil,
                    day: day
                )
                actions.append(tracked)
                var referring = action
                referring.tracked = tracked.id
                return referring
            }
        }
        return (recommendations, actions)
    }

    /// An identifier from text, with each character an id may not hold as a hyphen.
    static func identifier<Kind: IdentifierKind>(_ text: String) -> Identifier<Kind> {
        let allowed = text.unicodeScalars.map { scalar -> Character in
            let value = scalar.value
            let ok =
                (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
                || value == 0x2D || value == 0x5F || value == 0x2E || value == 0x3A
            return ok ? Character(scalar) : "-"
        }
        let cleaned = String(allowed.prefix(Identifier<Kind>.maximumLength))
        return (try? Identifier<Kind>(validating: cleaned.isEmpty ? "-" : cleaned)) ?? "s11"
    }
}
