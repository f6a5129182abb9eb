import Domain

/// What a generated recommendation asks practitioners to do differently, theme by theme, in plain
/// words: the practitioners' briefing quotes it, so it says what to do, not that something should
/// be strengthened.
enum PracticeAdvice {
    static func recommendation(_ theme: Theme) -> String {
        switch theme {
        case .neglect:
            "Use the neglect toolkit in every assessment where neglect is suspected, and review it at each core group."
        case .domesticAbuse:
            "Ask about domestic abuse at every contact, seeing the parent alone, and refer to MARAC when the risk is high."
        case .exploitation:
            "Complete the exploitation screening tool when a child goes missing or has unexplained money or phones."
        case .mentalHealth:
            "Ask about a parent's mental health in every assessment and ask the adult service what it knows."
        case .onlineSafety:
            "Ask children what they do online and with whom, and record it in the assessment."
        case .voiceOfTheChild:
            "See the child alone, write down what they said in their own words, and record what changed because of it."
        case .informationSharing:
            "Share information for a strategy discussion on the day it is asked for, and record what was shared and why."
        case .neurodiversity:
            "Adapt how you communicate to the child's needs, and ask the family what works for them."
        case .parentalSubstanceMisuse:
            "Ask how a parent's drinking or drug use affects the children, and check with the treatment service."
        case .selfHarmAndSuicide:
            "Ask directly about self-harm and thoughts of suicide, and make a safety plan with the young person."
        case .sexualAbuse:
            "Act on a child's first disclosure of sexual abuse at once: refer the same day and do not question them further."
        case .physicalAbuse:
            "Refer any bruise on a baby who is not yet mobile the same day, using the bruising protocol."
        case .missingChildren:
            "Offer a return home interview within 72 hours of every missing episode, and act on what the child says."
        case .earlyHelp:
            "Offer an early help assessment as soon as a family's needs show, before they reach the threshold for social care."
        case .thresholds:
            "Use the threshold guidance with the family's consent before every referral, and say which level applies and why."
        case .escalation:
            "Use the escalation procedure when you disagree with another agency's decision, and record the outcome."
        case .saferRecruitment:
            "Check references and the barred list before anyone starts work with children."
        case .supervision:
            "Discuss every child on a plan at each supervision and record the decisions made."
        case .workforce:
            "Give every new starter safeguarding training in their first month."
        case .disabledChildren:
            "Make sure every disabled child on a plan has their views gathered in the way they communicate."
        case .equalityAndDiversity:
            "Record each family's culture, faith and language, and say how they shaped the plan."
        case .assessmentAndPlanning:
            "Write plans with outcomes the family understands, each with a person and a date."
        case .multiAgencyWorking:
            "Invite every agency that knows the family to the strategy discussion and the core group."
        case .fathersAndMen:
            "Find out about every father and man in the household, and include them in the assessment."
        case .governance:
            "Report each agency's safeguarding performance to its board every quarter."
        case .allegations:
            "Report every allegation against a member of staff to the LADO within one working day."
        default:
            "Apply the learning on \(theme.label.lowercased()) in every assessment and plan, and record what changed."
        }
    }

    /// The actions that carry a recommendation out, in the order they are taken.
    static func action(_ number: Int, theme: Theme) -> String {
        let subject = theme.label.lowercased()
        switch number {
        case 0: return "Update the \(subject) procedure and guidance with the learning"
        case 1: return "Brief frontline practitioners on the \(subject) learning at team meetings"
        case 2: return "Re-audit a sample of cases for the \(subject) change three months on"
        default: return "Report progress on \(subject) to the Practice Development Group, step \(number + 1)"
        }
    }
}
