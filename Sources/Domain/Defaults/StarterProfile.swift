extension PartnershipProfile {
    /// The starter profile, the one the demo uses.
    ///
    /// It holds the framework the package was built from (the Devon Safeguarding Children
    /// Partnership's Quality Assurance Framework), its groups and cadences, the package's escalation and
    /// reminder policies (local defaults where the framework gives no figure), and each module's part
    /// as the module ships it. It is the one place a partnership's name is written into the package.
    ///
    /// - Parameter modules: The modules whose parts it holds.
    /// - Returns: The profile.
    public static func starter(modules: [any ProfileConfigurable.Type]) -> PartnershipProfile {
        var parts: [String: JSONValue] = [:]
        for type in modules { parts[moduleID(type).rawValue] = type.starterProfile }
        var profile = PartnershipProfile(
            partnershipID: "partnership",
            partnershipName: "Safeguarding Children Partnership",
            framework: FrameworkDocument(
                name: "Devon SCP Quality Assurance Framework",
                sections: [
                    .businessTeam: "The Role of the Devon SCP Business Team",
                    .voices: "The Voices of Devon's Children and Families",
                    .practiceDevelopmentGroup: "The Role of the Practice Development Group",
                    .qualityAssuranceDeliveryGroup: "The Role of the Quality Assurance Delivery Group",
                ],
                quotes: starterQuotes,
                levels: [
                    .agency: .init("Agency"), .subGroup: .init("Sub-group"),
                    .practiceDevelopmentGroup: .init("Practice Development Group", group: "pdg"),
                    .executive: .init("Executive", group: "executive"),
                ],
                reports: [
                    .practiceDevelopmentAssurance: .init(
                        title: "Practice Development Group assurance report to the Executive",
                        addressee: "Executive"
                    ),
                    .subGroupReport: .init(title: "Sub-group report to the Executive", addressee: "Executive"),
                    .scrutinyPack: .init(title: "Six-monthly scrutiny pack"),
                ]
            ),
            groups: [
                Group(id: "executive", name: "Executive", kind: .executive),
                Group(
                    id: "pdg",
                    name: "Practice Development Group",
                    kind: .practiceDevelopmentGroup,
                    reportsTo: "executive"
                ),
                Group(
                    id: "qadg",
                    name: "Quality Assurance Delivery Group",
                    kind: .qualityAssuranceDeliveryGroup,
                    reportsTo: "pdg"
                ),
                Group(
                    id: "wdg",
                    name: "Workforce Development Group",
                    kind: .workforceDevelopmentGroup,
                    reportsTo: "pdg"
                ),
                Group(
                    id: "lcsprg",
                    name: "Local Child Safeguarding Practice Review Group",
                    kind: .practiceReviewGroup,
                    reportsTo: "pdg"
                ),
                Group(
                    id: "cceg",
                    name: "Connecting, Communicating and Engaging Group",
                    kind: .connectingCommunicatingEngaging,
                    reportsTo: "pdg"
                ),
            ],
            escalation: .standard,
            reminders: .standard,
            modules: parts
        )
        profile.contacts = starterContacts
        return profile
    }

    /// Role mailboxes at the reserved `example.org`, for the demo's digests: a partnership puts its
    /// own in its profile.
    static var starterContacts: ContactDirectory {
        let domain = "partnership.example.org"
        return ContactDirectory(
            sender: "Safeguarding Children Partnership <quality.assurance@\(domain)>",
            contacts: [
                Contact(
                    id: "executive",
                    name: "Executive business support",
                    address: .email("executive@\(domain)"),
                    receives: .atOnce
                ),
                Contact(id: "pdg", name: "Practice Development Group chair", address: .email("pdg@\(domain)")),
                Contact(id: "sub-groups", name: "Sub-group chairs", address: .email("sub-groups@\(domain)")),
                Contact(
                    id: "safeguarding-lead",
                    name: "Safeguarding lead",
                    address: .email("safeguarding.lead@{agency}.\(domain)")
                ),
                Contact(
                    id: "quality-assurance",
                    name: "Quality Assurance Lead",
                    address: .email("quality.assurance@\(domain)")
                ),
                Contact(
                    id: "business-team",
                    name: "Partnership business team",
                    address: .email("business.team@\(domain)")
                ),
            ],
            routes: [
                ContactRoute(.level(.executive), to: ["executive"]),
                ContactRoute(.level(.practiceDevelopmentGroup), to: ["pdg"]),
                ContactRoute(.level(.subGroup), to: ["sub-groups"]),
                ContactRoute(.agency(nil), to: ["safeguarding-lead"]),
                ContactRoute(
                    .role(.qualityAssurance),
                    kinds: [.findingEscalated, .decisionAsked],
                    to: ["quality-assurance"]
                ),
                ContactRoute(.role(.businessTeam), to: ["business-team"]),
            ]
        )
    }
}

extension PartnershipProfile {
    /// What the starter framework says of the obligation each built-in rule checks, in its own words.
    static let starterQuotes: [RuleID: String] = [
        "partnership.statutory-partner-attendance":
            "commitment to safeguarding is measured by attendance at and engagement with multi-agency meetings",
        "partnership.group-report-overdue":
            "sub-group chairs and project leads produce bi-monthly reports to the Executive",
        "partnership.scrutiny-session-overdue":
            "the Quality Assurance Lead provides a six-monthly scrutiny session to chairs and leads",
        "partnership.meeting-cadence": "the group meets monthly",
        "partnership.sub-group-escalation":
            "sub-group chairs and project leads formalise any barriers and escalations they wish to raise",
        "partnership.priority-without-activity":
            "it is important that groups and projects link to the priorities of the partnership",
        "partnership.voice-changed-practice": "what children and families tell us shapes what we do",
        "partnership.undeliverable-message": "reporting back to stakeholders",
        "section11.return-overdue": "agencies measure themselves against a standard relevant to their contribution",
        "section11.rework-not-resubmitted": "scrutiny and challenge of returns",
        "section11.red-without-action":
            "where there are common themes and gaps arising, these are highlighted, and action identified",
        "section11.action-overdue": "the Practice Development Group requests annual updates and evidence of progress",
        "section11.system-wide-gap":
            "where there are common themes and gaps arising, these are highlighted, and action identified",
        "section11.rating-contradicted-by-data":
            "our approach triangulates a number of interrelated areas which offer a more rounded and accurate picture",
        "section11.standard-moved-to-green":
            "the Practice Development Group requests annual updates and evidence of progress",
        "audit.past-planned-window": "develops an audit forward plan and manages the agreed audit cycle",
        "audit.return-overdue":
            "manages the agreed audit cycle, using a consistent standard and framework for auditing",
        "audit.moderation-not-held": "analyses, questions and challenges the findings of multi-agency audit reviews",
        "audit.report-not-presented": "refers findings from audit to the Practice Development Group",
        "audit.challenge-overdue":
            "a rolling plan of challenge sessions to assess the impact of review activity, findings and recommendations",
        "audit.closed-without-voice":
            "all audits seek the views and experience of children and their families where possible",
        "audit.proposed-spot-audit":
            "case audits designed to help understand in more detail any anomalies or odd trends in the data",
        "audit.recurring-theme": "highlight commonly recurring themes that require further investigation",
        "audit.quarterly-summary-missing": "we ask for a quarterly summary",
        "audit.good-practice":
            "reports on findings highlight not only what is working well, but also gaps in provision or areas of concern",
        "audit.learning-embedded":
            "a rolling plan of challenge sessions to assess the impact of the group's review activity, findings and recommendations",
        "measures.off-target": "alert the Executive to declining or poor performance",
        "measures.unexplained-special-cause":
            "review the data and identify and question possible anomalies or unexplained local data trends",
        "measures.data-not-submitted":
            "the agreed Framework Data Measures (the framework's Appendix 2, not published with it; the catalogue holds the partnership's own)",
        "measures.better-off-without-data": "what difference did it make to outcomes for children and young people?",
        "measures.special-cause-improvement": "examples of good practice and particular strengths",
        "learning.breach-without-reason":
            "overseeing the end-to-end process to ensure deadlines are met (a breached deadline is explained on the record)",
        "learning.action-overdue": "recommendations arising from reviews and audits are considered and actions agreed",
        "learning.not-disseminated": "we feed back learning direct to practitioners",
        "learning.work-stream-stalled":
            "any improvement work is drawn into themed work streams to avoid duplicative action plans",
        "learning.recommendation-without-theme":
            "any improvement work is drawn into themed work streams to avoid duplicative action plans",
        "learning.attendance-below-commitment": "commitment is measured by training courses committed to and attended",
        "learning.programme-not-commissioned":
            "commissioning an annual safeguarding learning and development programme through the strategy developed by the Workforce Development Group",
        "learning.follow-up-overdue": "uses evaluations to assess impact on practice",
        "learning.theme-without-offer":
            "learning is shared through the Partnership Multi-Agency Training Programme and single agency training",
        "learning.training-changed-practice": "uses evaluations to assess impact on practice",
    ]
}
