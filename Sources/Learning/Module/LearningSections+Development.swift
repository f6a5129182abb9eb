import Domain
import Foundation

extension LearningSections {
    /// The learning and development programme of the period's year: whether it is commissioned,
    /// which themes raised by reviews and audits it answers, each course's places and take-up, and
    /// what follow-ups say changed.
    func development(
        _ state: LearningState,
        _ development: DevelopmentState,
        request: ReportRequest,
        words: DevelopmentWords
    ) -> [ReportSection] {
        guard
            let programme = development.programme(on: request.period.lastDay)
                ?? development.programme(on: request.period.firstDay)
        else { return [] }
        let courses = development.courses.filter { $0.programme == programme.id }.sorted {
            ($0.title, $0.id) < ($1.title, $1.id)
        }
        let ids = Set(courses.map(\.id))
        let sessions = development.sessions.filter { ids.contains($0.course) }
        let attendance = development.attendance.filter { ids.contains($0.course) }
        let followUps = development.evaluations.filter { $0.stage == .followUp && ids.contains($0.course) }
        let raised = state.recommendations.filter {
            [.review, .audit].contains($0.source.kind) && programme.year.contains($0.raisedOn)
        }
        let needed = Set(raised.flatMap(\.themes) + programme.themes).sorted()
        let coverage: [[ReportCell]] = needed.map { theme in
            let answering = courses.filter { $0.themes.contains(theme) }.map(\.title)
            let from = raised.filter { $0.themes.contains(theme) }.count
            return [
                .text(theme.label), .number(Double(from), decimals: 0),
                answering.isEmpty ? .rag(.red, label: "No offer") : .text(answering.joined(separator: "; ")),
            ]
        }
        let rows = courseRows(
            courses,
            sessions: sessions,
            attendance: attendance,
            followUps: followUps,
            by: request.day
        )
        let status =
            programme.commissionedOn.map { "commissioned by the \(words.holder) on \($0)" }
            ?? "not yet commissioned"
        return [
            ReportSection(
                id: "learning.development",
                title: "Learning and development programme \(programme.year.label)",
                module: module.name,
                order: 45,
                blocks: [
                    .text(
                        TextBlock(paragraphs: [
                            "The programme for \(programme.year.label), on "
                                + (words.workforce.map { "the \($0)'s strategy" } ?? "its strategy")
                                + " (\(programme.strategy)), is \(status). It offers \(courses.count) courses, briefings "
                                + "and events; each names the themes and the recommendations it answers."
                        ])
                    ),
                    .table(
                        TableBlock(
                            caption:
                                "Themes raised by reviews and audits in \(programme.year.label), and the offers that answer them",
                            columns: [.init("Theme"), .init("Recommendations", numeric: true), .init("Offers")],
                            rows: coverage
                        )
                    ),
                    .table(
                        TableBlock(
                            caption:
                                "Courses: sessions held, places offered, committed and taken up, and practice changed at follow-up",
                            columns: [
                                .init("Course"), .init("Kind"), .init("Sessions", numeric: true),
                                .init("Places", numeric: true), .init("Committed", numeric: true),
                                .init("Attended", numeric: true), .init("Take-up", numeric: true),
                                .init("Practice changed", numeric: true),
                            ],
                            rows: rows
                        )
                    ),
                ]
            )
        ] + attendanceByAgency(state, attendance: attendance, sessions: sessions, request: request)
    }

    /// Each course's sessions held by the day, places offered, committed and taken up, and practice
    /// changed at follow-up.
    private func courseRows(
        _ courses: [Course],
        sessions: [CourseSession],
        attendance: [Attendance],
        followUps: [Evaluation],
        by day: Day
    ) -> [[ReportCell]] {
        courses.map { course in
            let held = sessions.filter { $0.course == course.id && !$0.isCancelled && $0.day <= day }
            let places = attendance.filter { record in held.contains { $0.id == record.session } }
            let committed = places.reduce(0) { $0 + $1.committed }
            let attended = places.reduce(0) { $0 + ($1.attended ?? 0) }
            let follow = followUps.filter { $0.course == course.id }
            let changed = follow.reduce(0) { $0 + $1.practiceChanged }
            let asked = follow.reduce(0) { $0 + $1.respondents }
            return [
                .text(course.title), .text(course.kind.description),
                .number(Double(held.count), decimals: 0),
                .number(Double(held.reduce(0) { $0 + $1.placesOffered }), decimals: 0),
                .number(Double(committed), decimals: 0), .number(Double(attended), decimals: 0),
                committed == 0
                    ? .empty
                    : .percentage(
                        Double(attended) / Double(committed) * 100,
                        numerator: nil,
                        denominator: nil,
                        decimals: 0
                    ),
                asked == 0
                    ? .text("Not yet")
                    : .percentage(Double(changed) / Double(asked) * 100, numerator: nil, denominator: nil, decimals: 0),
            ]
        }
    }

    /// Each agency's places committed and taken up: named agencies, so not for a public audience.
    private func attendanceByAgency(
        _ state: LearningState,
        attendance: [Attendance],
        sessions: [CourseSession],
        request: ReportRequest
    ) -> [ReportSection] {
        let held = Set(sessions.filter { !$0.isCancelled && $0.day <= request.day }.map(\.id))
        let recorded = attendance.filter { held.contains($0.session) && $0.attended != nil }
        guard !recorded.isEmpty else { return [] }
        let rows: [[ReportCell]] = Dictionary(grouping: recorded, by: \.agency).map { agency, places in
            let committed = places.reduce(0) { $0 + $1.committed }
            let attended = places.reduce(0) { $0 + ($1.attended ?? 0) }
            return [
                .text(state.name(agency)), .number(Double(committed), decimals: 0),
                .number(Double(attended), decimals: 0), .number(Double(committed - attended), decimals: 0),
                .percentage(Double(attended) / Double(committed) * 100, numerator: nil, denominator: nil, decimals: 0),
            ]
        }.sorted {
            if case .text(let left) = $0[0], case .text(let right) = $1[0] { return left < right }
            return false
        }
        return [
            ReportSection(
                id: "learning.development.attendance",
                title: "Training places committed and taken up, by agency",
                module: module.name,
                order: 46,
                disclosure: .notPublic,
                blocks: [
                    .table(
                        TableBlock(
                            caption: "Places each agency committed to and took up at the sessions held",
                            columns: [
                                .init("Agency"), .init("Committed", numeric: true), .init("Attended", numeric: true),
                                .init("Did not attend", numeric: true), .init("Take-up", numeric: true),
                            ],
                            rows: rows
                        )
                    )
                ]
            )
        ]
    }

    /// An agency's own training: the places it committed to and took up, and its own learning activity.
    func developmentFeedback(
        _ state: LearningState,
        _ development: DevelopmentState,
        agency: Agency.ID,
        request: ReportRequest
    ) -> [ReportSection] {
        let name = state.name(agency)
        let titles = development.courses.keyed(by: \.id, value: \.title)
        let places = development.attendance.filter { $0.agency == agency && request.period.contains($0.day) }
            .sorted { ($0.day, $0.id) < ($1.day, $1.id) }
        let activities = development.activities.filter { $0.agency == agency && request.period.contains($0.day) }
            .sorted { ($0.day, $0.id) < ($1.day, $1.id) }
        guard !places.isEmpty || !activities.isEmpty else { return [] }
        var blocks: [ReportBlock] = []
        if !places.isEmpty {
            blocks.append(
                .table(
                    TableBlock(
                        caption:
                            "\(Prose.possessive(name)) training places, \(request.period.label): committed and taken up",
                        columns: [
                            .init("Course"), .init("Day"), .init("Committed", numeric: true),
                            .init("Attended", numeric: true),
                        ],
                        rows: places.map {
                            [
                                .text(titles[$0.course] ?? $0.course.rawValue), .day($0.day),
                                .number(Double($0.committed), decimals: 0),
                                $0.attended.map { .number(Double($0), decimals: 0) } ?? .text("Not yet held"),
                            ]
                        }
                    )
                )
            )
        }
        if !activities.isEmpty {
            blocks.append(
                .table(
                    TableBlock(
                        caption: "\(Prose.possessive(name)) own learning activity",
                        columns: [
                            .init("Day"), .init("Activity"), .init("Practitioners", numeric: true),
                            .init("What it did"),
                        ],
                        rows: activities.map {
                            [
                                .day($0.day), .text($0.kind.description), .number(Double($0.participants), decimals: 0),
                                .text($0.summary),
                            ]
                        }
                    )
                )
            )
        }
        return [
            ReportSection(
                id: "learning.development.feedback",
                title: "\(Prose.possessive(name)) learning and development",
                module: module.name,
                order: 25,
                blocks: blocks
            )
        ]
    }
}

/// The partnership's names the learning and development sections speak of.
struct DevelopmentWords {
    /// The group that commissions the programme, as the partnership names its level.
    var holder: String
    /// The group whose strategy the programme follows, if the partnership has one.
    var workforce: String?
}
