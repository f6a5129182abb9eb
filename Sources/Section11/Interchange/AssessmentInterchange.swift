public import Domain
public import Foundation

/// The documented JSON format for exchanging a cycle's assessments, version 1.
///
/// ```json
/// {
///   "format": "qaf-section11-assessments",
///   "version": 1,
///   "cycle": "c-2025",
///   "assessments": [
///     {
///       "agency": "police",
///       "submit": true,
///       "responses": [
///         {
///           "criterion": "1.1",
///           "rating": "amber",
///           "narrative": "A board lead is named; staff awareness is patchy.",
///           "areasForImprovement": "Publicise the lead on the intranet.",
///           "evidence": [{ "kind": "document", "title": "Board minutes, May", "location": "minutes/2025-05.pdf" }],
///           "actions": [{ "id": "a1", "text": "Intranet page for the lead", "owner": "Head of safeguarding", "dueOn": "2025-09-30" }]
///         }
///       ]
///     }
///   ]
/// }
/// ```
///
/// An import sets each agency's answers and, with `"submit": true`, submits the assessment. Exports
/// add each assessment's `status`, its moderated ratings (`moderatedRating`) and its lifecycle
/// (`steps`); an import must not carry moderated ratings, which only moderation sets.
public struct AssessmentInterchange: Codable, Hashable, Sendable {
    /// One agency's assessment in the file.
    public struct Entry: Codable, Hashable, Sendable {
        /// One criterion's answer.
        public struct Response: Codable, Hashable, Sendable {
            /// The criterion's code.
            public var criterion: CriterionCode
            /// The self-rating: a level code of the set's scale.
            public var rating: RatingCode?
            /// The moderated rating (exports only).
            public var moderatedRating: RatingCode?
            /// The narrative.
            public var narrative: String?
            /// Areas for improvement.
            public var areasForImprovement: String?
            /// Evidence.
            public var evidence: [EvidenceReference]?
            /// Actions.
            public var actions: [AssessmentAction]?

            /// Creates an answer for a file.
            public init(
                criterion: CriterionCode,
                rating: RatingCode? = nil,
                moderatedRating: RatingCode? = nil,
                narrative: String? = nil,
                areasForImprovement: String? = nil,
                evidence: [EvidenceReference]? = nil,
                actions: [AssessmentAction]? = nil
            ) {
                self.criterion = criterion
                self.rating = rating
                self.moderatedRating = moderatedRating
                self.narrative = narrative
                self.areasForImprovement = areasForImprovement
                self.evidence = evidence
                self.actions = actions
            }
        }

        /// The agency.
        public var agency: Agency.ID
        /// Whether to submit the assessment after applying the answers (imports).
        public var submit: Bool?
        /// The assessment's status (exports only).
        public var status: SelfAssessment.Status?
        /// The lifecycle (exports only).
        public var steps: [SelfAssessment.Step]?
        /// The answers.
        public var responses: [Response]

        /// Creates an agency's assessment for a file.
        public init(
            agency: Agency.ID,
            submit: Bool? = nil,
            status: SelfAssessment.Status? = nil,
            steps: [SelfAssessment.Step]? = nil,
            responses: [Response]
        ) {
            self.agency = agency
            self.submit = submit
            self.status = status
            self.steps = steps
            self.responses = responses
        }
    }

    /// `qaf-section11-assessments`.
    public var format: String
    /// `1`.
    public var version: Int
    /// The cycle.
    public var cycle: AssessmentCycle.ID
    /// The assessments.
    public var assessments: [Entry]

    /// The format's name.
    public static let formatName = "qaf-section11-assessments"

    /// Decodes a file, checking its format and version.
    ///
    /// - Throws: `DomainError.Code.invalidInput` with the path to the bad field.
    public init(json data: Data, source: String) throws {
        do {
            self = try JSONDecoder().decode(AssessmentInterchange.self, from: data)
        } catch {
            throw DomainError.decoding(error, in: source)
        }
        guard format == Self.formatName else {
            throw DomainError(
                .invalidInput,
                "\(source): at format: \(DomainError.quote(format)) is not \(Self.formatName)"
            )
        }
        guard version == 1 else {
            throw DomainError(
                .invalidInput,
                "\(source): at version: format version \(version) is not supported; expected 1"
            )
        }
    }

    /// Creates a file's contents.
    public init(cycle: AssessmentCycle.ID, assessments: [Entry]) {
        self.format = Self.formatName
        self.version = 1
        self.cycle = cycle
        self.assessments = assessments
    }

    /// The file as JSON, keys sorted.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension SelfAssessments {
    /// Imports a file of assessments: every entry is checked before anything is written, then all are
    /// written in one transaction.
    ///
    /// - Returns: The assessments written.
    /// - Throws: `DomainError.Code.invalidInput` naming the file and the path to the bad field
    ///   (such as `assessments[2].responses[0].rating`); `DomainError.Code.accessDenied` when
    ///   the principal may not write one of the agencies' assessments. Nothing is written.
    @discardableResult
    public func importAssessments(
        json data: Data,
        source: String,
        by principal: Principal
    ) async throws -> [SelfAssessment] {
        try await importAssessments(
            try AssessmentInterchange(json: data, source: source),
            source: source,
            by: principal
        )
    }

    /// Imports assessments read from any form, such as a spreadsheet: checked and written as a file
    /// of them is.
    ///
    /// - Parameters:
    ///   - file: The assessments.
    ///   - source: The name errors give where they came from.
    ///   - principal: Who imports.
    /// - Returns: The assessments written.
    /// - Throws: As ``importAssessments(json:source:by:)``: `DomainError.Code.invalidInput` naming
    ///   the source and the path to the bad field; `DomainError.Code.accessDenied`. Nothing is written.
    @discardableResult
    public func importAssessments(
        _ file: AssessmentInterchange,
        source: String,
        by principal: Principal
    ) async throws -> [SelfAssessment] {
        let cycle = try await environment.records.require(AssessmentCycle.self, id: file.cycle, as: principal).value
        let set = try await standardSet(cycle.standardSet)
        let held = (try await assessments(in: cycle.id, as: .system)).keyed(by: \.value.agency)
        let day = environment.today()
        var seen = Set<Agency.ID>()
        var batch = RecordBatch()
        var chain = try await ChainWrites(environment: environment)
        var written: [SelfAssessment] = []
        for (entryIndex, entry) in file.assessments.enumerated() {
            let path = "\(source): at assessments[\(entryIndex)]"
            guard seen.insert(entry.agency).inserted else {
                throw DomainError(.invalidInput, "\(path).agency: agency \(entry.agency) appears twice in the file")
            }
            guard let current = held[entry.agency] else {
                throw DomainError(
                    .invalidInput,
                    "\(path).agency: agency \(entry.agency) is not invited to cycle \(cycle.id)"
                )
            }
            var assessment = current.value
            guard [.invited, .inProgress, .returned].contains(assessment.status) else {
                throw DomainError(
                    .invalidTransition,
                    "\(path): assessment of \(entry.agency) is \(assessment.status) and cannot be changed by an import"
                )
            }
            let answers = entry.responses.map(Self.answer)
            do throws(AnswerProblem) {
                if !answers.isEmpty { try assessment.answer(answers, on: set.scale) }
            } catch {
                throw DomainError(
                    .invalidInput,
                    "\(path).responses[\(error.index)].\(error.field): \(error.message)",
                    context: error.error(in: assessment).context.merging(
                        .init(field: "\(path).responses[\(error.index)].\(error.field)")
                    )
                )
            }
            if assessment.status != .inProgress { assessment.advance(to: .inProgress, on: day, by: principal.id) }
            if entry.submit == true {
                do {
                    try Self.checkComplete(assessment, set)
                } catch {
                    throw DomainError(.invalidInput, "\(path): \(error.message)")
                }
                assessment.advance(to: .submitted, on: day, by: principal.id)
                let agency = try await environment.records.load(Agency.self, id: entry.agency, as: .system)?.value
                try await track(
                    &assessment,
                    set: set,
                    agencyName: agency?.name ?? entry.agency.rawValue,
                    cycleName: cycle.name,
                    day: day,
                    chain: &chain,
                    batch: &batch
                )
            }
            try batch.save(assessment, version: current.version)
            written.append(assessment)
        }
        try chain.finish(into: &batch)
        try await environment.records.commit(batch, by: principal)
        return written
    }

    /// A file's response as the answer it records.
    static func answer(_ response: AssessmentInterchange.Entry.Response) -> CriterionResponse {
        var answer = CriterionResponse(
            criterion: response.criterion,
            selfRating: response.rating,
            evidence: response.evidence,
            narrative: response.narrative,
            areasForImprovement: response.areasForImprovement,
            actions: response.actions
        )
        answer.moderatedRating = response.moderatedRating
        return answer
    }

    /// Exports a cycle's assessments that the principal may read.
    public func exportAssessments(
        of cycle: AssessmentCycle.ID,
        as principal: Principal
    ) async throws -> AssessmentInterchange {
        let entries = try await assessments(in: cycle, as: principal).map { held in
            AssessmentInterchange.Entry(
                agency: held.value.agency,
                submit: nil,
                status: held.value.status,
                steps: held.value.steps,
                responses: held.value.responses.map {
                    AssessmentInterchange.Entry.Response(
                        criterion: $0.criterion,
                        rating: $0.selfRating,
                        moderatedRating: $0.moderatedRating,
                        narrative: $0.narrative,
                        areasForImprovement: $0.areasForImprovement,
                        evidence: $0.evidence,
                        actions: $0.actions
                    )
                }
            )
        }
        return AssessmentInterchange(cycle: cycle, assessments: entries)
    }
}
