import Domain

extension StandardSet {
    /// The eight classic Section 11 standards, from the 2007 statutory guidance *Making arrangements to
    /// safeguard and promote the welfare of children under section 11 of the Children Act 2004*, as the
    /// Pan-London and Tees tools use them, with criteria a partnership can edit.
    public static let section11Classic: StandardSet = {
        let wt = "Working Together to Safeguard Children 2023, chapter 2"
        // swift-format-ignore
        let standards = [
            Standard(code: "1", title: "Senior management commitment to safeguarding and promoting children's welfare", criteria: [
                Criterion(code: "1.1", text: "A named senior lead at board level has overall responsibility for safeguarding.", guidance: [wt], evidencePrompts: ["Board minutes naming the lead", "Job description"]),
                Criterion(code: "1.2", text: "Staff know who the safeguarding lead is and how to reach them.", evidencePrompts: ["Staff survey results", "Intranet page"]),
                Criterion(code: "1.3", text: "The lead has the training, time and supervision the role needs.", evidencePrompts: ["Training record", "Supervision arrangements"]),
                Criterion(code: "1.4", text: "Systems quality-assure compliance with safeguarding policy.", evidencePrompts: ["Audit programme", "Board reports"]),
                Criterion(code: "1.5", text: "Commissioned and contracted services meet section 11.", evidencePrompts: ["Contract clauses", "Contract monitoring"]),
            ]),
            Standard(code: "2", title: "A clear statement of the agency's responsibilities towards children, available to all staff", criteria: [
                Criterion(code: "2.1", text: "Written safeguarding policies are reviewed at least every three years.", evidencePrompts: ["Policy with review date"]),
                Criterion(code: "2.2", text: "Policies follow the partnership's procedures and thresholds.", evidencePrompts: ["Cross-references to procedures"]),
                Criterion(code: "2.3", text: "Online safety policies are in place and understood.", evidencePrompts: ["Online safety policy"]),
                Criterion(code: "2.4", text: "Children and families can use an accessible complaints procedure.", evidencePrompts: ["Complaints leaflet", "Complaints log"]),
                Criterion(code: "2.5", text: "There is a clear whistleblowing procedure, following Freedom to Speak Up principles.", evidencePrompts: ["Whistleblowing policy"]),
            ]),
            Standard(code: "3", title: "A clear line of accountability for safeguarding work", criteria: [
                Criterion(code: "3.1", text: "Lines of accountability for safeguarding run from practitioners to the board.", evidencePrompts: ["Governance chart"]),
                Criterion(code: "3.2", text: "Designated and named practitioners are in place (named and designated professionals in health).", evidencePrompts: ["Named roles"]),
                Criterion(code: "3.3", text: "Clear escalation and professional challenge policies are used.", evidencePrompts: ["Escalation policy", "Escalation log"]),
                Criterion(code: "3.4", text: "Safeguarding performance is reported to senior leaders regularly.", evidencePrompts: ["Performance reports"]),
                Criterion(code: "3.5", text: "Learning from reviews is acted on and its impact checked.", evidencePrompts: ["Action plans", "Re-audit"]),
            ]),
            Standard(code: "4", title: "Service development informed by the need to safeguard and by the views of children and families", criteria: [
                Criterion(code: "4.1", text: "The agency listens to children and takes account of their wishes and feelings.", evidencePrompts: ["Participation records", "Feedback"]),
                Criterion(code: "4.2", text: "The views of children and families shape service design.", evidencePrompts: ["Consultations", "Changes made"]),
                Criterion(code: "4.3", text: "Equality, diversity and inclusion are considered in safeguarding practice.", evidencePrompts: ["Impact assessments"]),
                Criterion(code: "4.4", text: "Service changes are assessed for their impact on safeguarding.", evidencePrompts: ["Impact assessments"]),
                Criterion(code: "4.5", text: "Children know how to raise a concern and are told what happened.", evidencePrompts: ["Information for children"]),
            ]),
            Standard(code: "5", title: "Safeguarding training for all staff working with, or in contact with, children and families", criteria: [
                Criterion(code: "5.1", text: "All staff complete safeguarding training at the level their role needs.", evidencePrompts: ["Training compliance"]),
                Criterion(code: "5.2", text: "Staff take up the partnership's multi-agency training.", evidencePrompts: ["Attendance at partnership training"]),
                Criterion(code: "5.3", text: "Training is refreshed at the intervals the role requires.", evidencePrompts: ["Refresher schedule"]),
                Criterion(code: "5.4", text: "The impact of training on practice is evaluated.", evidencePrompts: ["Evaluations", "Audit results"]),
                Criterion(code: "5.5", text: "Practitioners receive regular safeguarding supervision.", evidencePrompts: ["Supervision records"]),
            ]),
            Standard(code: "6", title: "Safer recruitment", criteria: [
                Criterion(code: "6.1", text: "Safer recruitment practice, including criminal record checks, is followed for every post.", evidencePrompts: ["Recruitment checklist"]),
                Criterion(code: "6.2", text: "Recruiting managers are trained in safer recruitment.", evidencePrompts: ["Training record"]),
                Criterion(code: "6.3", text: "Allegations against staff are referred to the LADO within one working day.", guidance: [wt], evidencePrompts: ["LADO referrals"]),
                Criterion(code: "6.4", text: "Volunteers and contractors are checked as staff are.", evidencePrompts: ["Volunteer records"]),
                Criterion(code: "6.5", text: "Ongoing safe working practices are monitored.", evidencePrompts: ["Code of conduct", "Monitoring"]),
            ]),
            Standard(code: "7", title: "Effective inter-agency working", criteria: [
                Criterion(code: "7.1", text: "Staff contribute to multi-agency assessments, plans and conferences.", evidencePrompts: ["Conference attendance", "Reports submitted"]),
                Criterion(code: "7.2", text: "The agency attends and contributes to partnership groups.", evidencePrompts: ["Attendance records"]),
                Criterion(code: "7.3", text: "Referrals to children's social care meet the partnership's thresholds.", evidencePrompts: ["Contacts converted to referrals"]),
                Criterion(code: "7.4", text: "The agency works with others on early help.", evidencePrompts: ["Early help assessments"]),
                Criterion(code: "7.5", text: "Disagreements between agencies are resolved through the escalation procedure.", evidencePrompts: ["Escalations"]),
            ]),
            Standard(code: "8", title: "Information sharing", criteria: [
                Criterion(code: "8.1", text: "Clear information-sharing processes are known to staff.", evidencePrompts: ["Guidance", "Staff survey"]),
                Criterion(code: "8.2", text: "Information is shared for strategy discussions and conferences on time.", evidencePrompts: ["Reports shared before conferences"]),
                Criterion(code: "8.3", text: "Records are accurate, timely and show the child's voice.", evidencePrompts: ["Record audits"]),
                Criterion(code: "8.4", text: "Staff understand consent and when to share without it.", evidencePrompts: ["Training", "Audit"]),
                Criterion(code: "8.5", text: "Systems let staff see relevant safeguarding information.", evidencePrompts: ["System flags"]),
            ]),
        ]
        do {
            return try StandardSet(
                id: "section11-classic-v1",
                family: "section11-classic",
                version: 1,
                name: "Section 11: the eight standards",
                duty: .section11,
                standards: Self.themed(
                    standards,
                    [
                        "1": [.governance], "2": [.governance], "3": [.governance], "4": [.voiceOfTheChild],
                        "5": [.workforce], "6": [.saferRecruitment], "7": [.multiAgencyWorking],
                        "8": [.informationSharing],
                    ],
                    criteria: [
                        "2.3": [.onlineSafety], "2.5": [.escalation], "3.3": [.escalation],
                        "3.5": [.multiAgencyWorking], "4.3": [.equalityAndDiversity], "5.5": [.supervision],
                        "6.3": [.saferRecruitment, .allegations], "7.3": [.thresholds], "7.4": [.earlyHelp],
                        "7.5": [.escalation],
                    ]
                )
            )
        } catch {
            preconditionFailure("the starter Section 11 set is invalid: \(error)")
        }
    }()

    /// A schools' s175/s157 set (Education Act 2002), from typical partnership audit tools under
    /// *Keeping Children Safe in Education*: roles and responsibilities, safer recruitment, training,
    /// online safety, site security, policies, allegations, and children missing education.
    public static let schoolsSection175: StandardSet = {
        let kcsie = "Keeping Children Safe in Education"
        let schools: [AgencySector] = [.education]
        // swift-format-ignore
        let standards = [
            Standard(code: "S1", title: "Roles and responsibilities", criteria: [
                Criterion(code: "S1.1", text: "A designated safeguarding lead and deputies are in place and trained.", guidance: [kcsie]),
                Criterion(code: "S1.2", text: "The designated safeguarding lead is a member of the senior leadership team."),
                Criterion(code: "S1.3", text: "A designated teacher for looked-after children is in place."),
                Criterion(code: "S1.4", text: "A safeguarding governor visits at least twice a year and safeguarding is a standing governors' item."),
            ], sectors: schools),
            Standard(code: "S2", title: "Safer recruitment", criteria: [
                Criterion(code: "S2.1", text: "The head and a governor are trained in safer recruitment."),
                Criterion(code: "S2.2", text: "The single central record is complete and checked."),
                Criterion(code: "S2.3", text: "Pre-employment checks are completed before anyone starts."),
            ], sectors: schools),
            Standard(code: "S3", title: "Training", criteria: [
                Criterion(code: "S3.1", text: "All staff have safeguarding training at induction and are updated at least yearly."),
                Criterion(code: "S3.2", text: "Staff have read Part 1 of Keeping Children Safe in Education.", guidance: [kcsie]),
            ], sectors: schools),
            Standard(code: "S4", title: "Online safety", criteria: [
                Criterion(code: "S4.1", text: "Filtering and monitoring are in place and reviewed."),
                Criterion(code: "S4.2", text: "Pupils are taught how to stay safe online."),
            ], sectors: schools),
            Standard(code: "S5", title: "Site security", criteria: [
                Criterion(code: "S5.1", text: "Visitors are signed in, identified and supervised."),
                Criterion(code: "S5.2", text: "The site is secure during the school day."),
            ], sectors: schools),
            Standard(code: "S6", title: "Policies", criteria: [
                Criterion(code: "S6.1", text: "The child protection policy is reviewed yearly and published."),
                Criterion(code: "S6.2", text: "Behaviour, anti-bullying and staff conduct policies are in place."),
            ], sectors: schools),
            Standard(code: "S7", title: "Allegations", criteria: [
                Criterion(code: "S7.1", text: "Allegations against staff are referred to the LADO within one working day."),
                Criterion(code: "S7.2", text: "Low-level concerns are recorded and reviewed."),
            ], sectors: schools),
            Standard(code: "S8", title: "Children missing education", criteria: [
                Criterion(code: "S8.1", text: "Absence is followed up the same day and patterns are acted on."),
                Criterion(code: "S8.2", text: "Children leaving the roll are reported to the local authority."),
            ], sectors: schools),
        ]
        do {
            return try StandardSet(
                id: "schools-s175-v1",
                family: "schools-s175",
                version: 1,
                name: "Schools: section 175/157 self-assessment",
                duty: .section175,
                standards: Self.themed(
                    standards,
                    [
                        "S1": [.governance], "S2": [.saferRecruitment], "S3": [.workforce], "S4": [.onlineSafety],
                        "S5": [.governance], "S6": [.governance], "S7": [.allegations], "S8": [.missingChildren],
                    ],
                    criteria: [:]
                )
            )
        } catch {
            preconditionFailure("the starter s175 set is invalid: \(error)")
        }
    }()
}

extension StandardSet {
    /// Standards with the themes of each, and of any criterion whose themes differ.
    static func themed(
        _ standards: [Standard],
        _ themes: [StandardCode: [Theme]],
        criteria: [CriterionCode: [Theme]]
    ) -> [Standard] {
        standards.map { standard in
            var standard = standard
            standard.themes = themes[standard.code]
            standard.criteria = standard.criteria.map { criterion in
                var criterion = criterion
                criterion.themes = criteria[criterion.code]
                return criterion
            }
            return standard
        }
    }
}
