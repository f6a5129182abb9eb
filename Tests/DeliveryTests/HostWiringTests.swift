import AssuranceTesting
import Delivery
import Domain
import Foundation
import Testing

/// The host's side, as the Delivery catalog shows it: a notifier composed from the profile's
/// contacts, with a transport for each channel.
@Suite struct HostWiringTests {
    @Test func aHostSendsThroughTheProfilesContactsAndEachMessageGoesOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qaf-host-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = PartnershipProfile.starter(modules: [])
        let records = Records(store: InMemoryStore(), clock: Sample.clock)

        let notifier = Notifier(
            transports: [
                EmailFolderTransport(folder: folder, clock: records.clock),
                WebhookTransport(environment: ProcessInfo.processInfo.environment, clock: records.clock),
            ],
            contacts: profile.contacts,
            records: records
        )
        let report = try await notifier.send(Sample.notification(1, due: 9))

        #expect(report.sent.map(\.recipient) == ["executive"])
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(written.count == 1 && written[0].hasSuffix(".eml"))
        let again = try await notifier.send(Sample.notification(1, due: 9))
        #expect(again.sent.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 1)
    }
}
