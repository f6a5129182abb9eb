import Delivery
import Domain
import Foundation

/// A helper process from the fixtures (the SMTP sink, the webhook receiver) that writes its port to a file in its folder.
final class LocalServer: @unchecked Sendable {
    let process = Process()
    let folder: URL
    let port: Int

    /// Starts a fixture script with a fresh folder; `nil` when python3 is not installed.
    init?(script: String) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return nil }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("qaf-server-\(UUID().uuidString)")
        let path = Bundle.module.url(forResource: "Fixtures/\(script)", withExtension: nil)!.path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [path, folder.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let portFile = folder.appendingPathComponent("port")
        let deadline = Date().addingTimeInterval(20)
        var announced: Int?
        while announced == nil, Date() < deadline, process.isRunning {
            if let text = try? String(contentsOf: portFile, encoding: .utf8) {
                announced = Int(text)
            } else {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        guard let port = announced else {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        self.port = port
    }

    /// The files the server wrote, in order.
    func received() throws -> [Data] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.filter { $0.hasSuffix(".eml") || $0.hasSuffix(".json") }.sorted().map {
            try Data(contentsOf: folder.appendingPathComponent($0))
        }
    }

    deinit {
        // The test runner blocks SIGTERM, and its children inherit the mask.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}

enum Sample {
    static let day = try! Day(parsing: "2026-04-30")
    static let clock = DateSource.constant(Date(timeIntervalSince1970: 1_777_536_000))
    static let contacts = ContactDirectory(
        sender: "Brackenshire Safeguarding Children Partnership <qa@brackenshire.example.org>",
        reports: "https://brackenshire.example.org/assurance",
        contacts: [
            Contact(id: "executive", name: "Executive — business support", address: .email("executive@127.0.0.1")),
            Contact(
                id: "ticketing",
                name: "Ticketing",
                address: .webhook("http://127.0.0.1:1/ok"),
                tokenVariable: "QAF_TOKEN"
            ),
        ],
        routes: [ContactRoute(.level(.executive), to: ["executive", "ticketing"])]
    )

    static func notification(_ number: Int, due: Int) -> AssuranceNotification {
        AssuranceNotification(
            key: "finding:f\(number):executive",
            kind: .findingRaised,
            subject: "Rapid review late — number \(number) (emerging risk)",
            body: "Rapid review 2025-00\(number) was due by 2026-04-\(10 + due): the panel has not had it.",
            level: .executive,
            levelName: "Executive",
            severity: .emergingRisk,
            rule: "learning.breach-without-reason",
            source: "Working Together to Safeguard Children 2023, chapter 5",
            action: "Consider it at the Executive's next meeting.",
            raisedOn: day,
            dueOn: try! Day(parsing: "2026-04-\(10 + due)")
        )
    }

    static var digest: OutboxMessage {
        Outbox.compose([notification(1, due: 9), notification(2, due: 3)], contacts: contacts, on: day).first {
            $0.channel == .email
        }!
    }
}

/// Decodes quoted-printable text, for checking what the email says.
func decodeQuotedPrintable(_ text: String) -> String {
    var bytes: [UInt8] = []
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
        separator: "\n",
        omittingEmptySubsequences: false
    )
    for (index, line) in lines.enumerated() {
        var characters = Array(line.utf8)
        var soft = false
        if characters.last == UInt8(ascii: "=") {
            characters.removeLast()
            soft = true
        }
        var position = 0
        while position < characters.count {
            if characters[position] == UInt8(ascii: "="), position + 2 < characters.count + 0,
                let value = UInt8(String(decoding: characters[position + 1...position + 2], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                position += 3
            } else {
                bytes.append(characters[position])
                position += 1
            }
        }
        if !soft, index < lines.count - 1 { bytes.append(UInt8(ascii: "\n")) }
    }
    return String(decoding: bytes, as: UTF8.self)
}
