import Audit
import Domain
import Foundation
import Learning
import Measures
import Section11
import Testing

/// The complete small profile in Documentation/DataFormats.md is one the package accepts.
struct ProfileExampleTests {
    @Test func theDocumentedProfileIsAccepted() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Documentation/DataFormats.md"), encoding: .utf8)
        let start = try #require(text.range(of: "<!-- profile-example -->\n```json\n"))
        let end = try #require(text.range(of: "```\n<!-- end profile-example -->"))
        let json = Data(text[start.upperBound..<end.lowerBound].utf8)
        let types: [any ProfileConfigurable.Type] = [
            PartnershipModule.self, Section11Module.self, AuditModule.self, MeasuresModule.self, LearningModule.self,
        ]
        let (profile, modules) = try PartnershipProfile.read(json: json, source: "DataFormats.md", modules: types)
        #expect(profile.framework.name == "Riverside Assurance Framework")
        #expect(profile.escalation.route == [.agency, .practiceDevelopmentGroup, .executive])
        #expect(modules.compactMap { $0 as? Section11Module }.first?.standardSets.first?.standards.count == 2)
        #expect(
            modules.compactMap { $0 as? MeasuresModule }.first?.catalogue.definitions.map(\.id) == ["re-referrals-12m"]
        )
        #expect(modules.compactMap { $0 as? AuditModule }.first?.challengeMonths == 4)
    }
}
