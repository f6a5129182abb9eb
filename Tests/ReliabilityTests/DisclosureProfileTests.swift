import Domain
import Foundation
import Reporting
import Testing

/// The framework's disclosure rule in the profile: the counts a public report hides.
struct DisclosureProfileTests {
    func read(disclosure: Any) throws -> PartnershipProfile {
        var document = try JSONSerialization.jsonObject(with: ProfileTests.starter.encoded()) as? [String: Any] ?? [:]
        var framework = document["framework"] as? [String: Any] ?? [:]
        framework["disclosure"] = disclosure
        document["framework"] = framework
        let data = try JSONSerialization.data(withJSONObject: document)
        return try PartnershipProfile.read(json: data, source: "ours.json", modules: ProfileTests.types).0
    }

    @Test func aPartnershipsOwnRuleIsReadWrittenBackAndExplainedInItsPublicReports() throws {
        let profile = try read(disclosure: ["smallCounts": ["from": 1, "to": 9]])
        #expect(profile.framework.suppressedCounts == 1...9)
        let again = try PartnershipProfile.read(json: profile.encoded(), source: "again", modules: ProfileTests.types).0
        #expect(again.framework.suppressedCounts == 1...9)
        let framework = try AssuranceFramework(profile: profile, modules: ProfileTests.types)
        let disclosure = StandardReports(framework: framework).disclosure
        #expect(disclosure.smallCounts == 1...9)
        #expect(disclosure.explanation.hasPrefix("c: not published. A count from 1 to 9 is not published"))
        // Left out, the rule is the children in need statistics' 1 to 5, and the file does not name it.
        #expect(ProfileTests.starter.framework.suppressedCounts == 1...5)
        #expect(!String(decoding: try ProfileTests.starter.encoded(), as: UTF8.self).contains("smallCounts"))
    }

    @Test func theSectionsThatMayNameAgenciesAreThePartnershipsToSay() throws {
        #expect(ProfileTests.starter.framework.sectionsNamingAgencies == ["partnership.attendance"])
        let profile = try read(disclosure: ["namesAgenciesIn": ["partnership.attendance", "learning.tracker"]])
        #expect(profile.framework.sectionsNamingAgencies == ["partnership.attendance", "learning.tracker"])
        #expect(profile.framework.suppressedCounts == 1...5)
        let again = try PartnershipProfile.read(json: profile.encoded(), source: "again", modules: ProfileTests.types).0
        #expect(again.framework.sectionsNamingAgencies == ["partnership.attendance", "learning.tracker"])
        let framework = try AssuranceFramework(profile: profile, modules: ProfileTests.types)
        #expect(StandardReports(framework: framework).disclosure.sectionsNamingAgencies.contains("learning.tracker"))
        let none = try read(disclosure: ["namesAgenciesIn": [String]()])
        #expect(none.framework.sectionsNamingAgencies.isEmpty)
        #expect {
            try read(disclosure: ["namesAgenciesIn": "partnership.attendance"])
        } throws: { error in
            (error as? DomainError)?.message.contains("framework.disclosure.namesAgenciesIn: expected an array") == true
        }
    }

    @Test func aRuleThatHidesNothingSensibleIsRefusedAtItsPath() throws {
        #expect {
            try read(disclosure: ["smallCounts": ["from": 5, "to": 2]])
        } throws: { error in
            (error as? DomainError)?.message.contains(
                "framework.disclosure.smallCounts: from 5 is after to 2; expected the smallest count hidden, then the largest"
            ) == true
        }
        #expect {
            try read(disclosure: ["smallCounts": ["from": 0, "to": 5], "publish": true])
        } throws: { error in
            let message = (error as? DomainError)?.message ?? ""
            return message.contains("framework.disclosure.publish: unknown key")
                && message.contains("framework.disclosure.smallCounts.from: 0 is not a whole number from 1 to 1000")
        }
    }
}

/// The judgements of impact on which the partnership closes a recommendation: the profile's rule.
struct ClosingRuleProfileTests {
    func read(closesOn: Any) throws -> PartnershipProfile {
        var document = try JSONSerialization.jsonObject(with: ProfileTests.starter.encoded()) as? [String: Any] ?? [:]
        var framework = document["framework"] as? [String: Any] ?? [:]
        framework["closesRecommendationsOn"] = closesOn
        document["framework"] = framework
        let data = try JSONSerialization.data(withJSONObject: document)
        return try PartnershipProfile.read(json: data, source: "ours.json", modules: ProfileTests.types).0
    }

    @Test func aChangeEmbeddedUnlessThePartnershipAcceptsOneInProgress() throws {
        #expect(ProfileTests.starter.framework.recommendationsCloseOn == [.embedded])
        #expect(
            !String(decoding: try ProfileTests.starter.encoded(), as: UTF8.self).contains("closesRecommendationsOn")
        )
        let accepting = try read(closesOn: ["embedded", "progressing"])
        #expect(accepting.framework.recommendationsCloseOn == [.embedded, .progressing])
        let again = try PartnershipProfile.read(json: accepting.encoded(), source: "again", modules: ProfileTests.types)
            .0
        #expect(again.framework.recommendationsCloseOn == [.embedded, .progressing])
        let framework = try AssuranceFramework(profile: accepting, modules: ProfileTests.types)
        #expect(ActionTracker(framework: framework).closesOn == [.embedded, .progressing])
    }

    @Test func aRuleThatClosesOnLessThanAChangeEmbeddedIsRefusedAtItsPath() throws {
        #expect {
            try read(closesOn: ["progressing"])
        } throws: { error in
            (error as? DomainError)?.message.contains(
                "framework.closesRecommendationsOn: a recommendation closes at least on a change embedded"
            ) == true
        }
        #expect {
            try read(closesOn: ["embedded", "not-achieved"])
        } throws: { error in
            (error as? DomainError)?.message.contains(
                "\"not-achieved\" is not a judgement a recommendation may close on; expected embedded or progressing"
            ) == true
        }
    }
}
