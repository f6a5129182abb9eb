import Delivery
import Domain
import Foundation
import Testing

@Suite struct EmailMessageTests {
    let email = EmailMessage(
        Sample.digest,
        to: Sample.contacts.contacts[0],
        in: Sample.contacts,
        date: Sample.clock.now()
    )

    @Test func theEmailIsASCIIInLinesOfAtMost78WithUTF8HeadersEncoded() throws {
        let text = String(decoding: email.rendered(), as: UTF8.self)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 78 }, "RFC 5322 2.1.1: lines of at most 78 characters")
        // The recipient's name holds an em dash: an RFC 2047 encoded word, which decodes back.
        let to = try #require(lines.first { $0.hasPrefix("To: ") })
        let word = try #require(to.split(separator: " ").first { $0.hasPrefix("=?UTF-8?B?") })
        let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
        #expect(String(decoding: Data(base64Encoded: String(base64))!, as: UTF8.self) == "Executive — business support")
        #expect(lines.contains("Message-ID: \(email.messageID)"))
        #expect(email.messageID == "<\(Sample.digest.id.rawValue)@brackenshire.example.org>")
        #expect(lines.contains("Date: Thu, 30 Apr 2026 08:00:00 +0000"))
        #expect(lines.contains("Auto-Submitted: auto-generated"))
    }

    @Test func bothPartsSayEveryItemSoonestFirstWithWhatToDoAndTheSource() throws {
        let text = String(decoding: email.rendered(), as: UTF8.self)
        let parts = text.components(separatedBy: "--qaf-\(Sample.digest.id.rawValue)-alternative")
        #expect(parts.count == 4, "a preamble, two parts and the closing delimiter")
        let plain = decodeQuotedPrintable(
            parts[1].components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        )
        let html = decodeQuotedPrintable(
            parts[2].components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        )
        #expect(plain.contains("Content-Type") == false)
        let second = try #require(plain.range(of: "1. Rapid review late — number 2"))
        let first = try #require(plain.range(of: "2. Rapid review late — number 1"))
        #expect(second.lowerBound < first.lowerBound, "number 2 is due sooner")
        #expect(plain.contains("What to do: Consider it at the Executive's next meeting."))
        #expect(plain.contains("Source: Working Together to Safeguard Children 2023, chapter 5"))
        #expect(plain.contains("The partnership's reports: https://brackenshire.example.org/assurance"))
        #expect(html.contains("<html lang=\"en-GB\">"))
        #expect(html.contains("<h2 style=\"font-size: 1.125em;\">Rapid review late — number 2 (emerging risk)</h2>"))
        #expect(html.contains("<a href=\"https://brackenshire.example.org/assurance\">"))
        #expect(html.contains("<strong>What to do:</strong>"))
    }

    @Test func quotedPrintableRoundTripsLongLinesAndTrailingSpace() {
        let text = String(repeating: "Working Together — ", count: 12) + "end \nline with = sign \n"
        let encoded = EmailMessage.quotedPrintable(text)
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(decodeQuotedPrintable(encoded) == text)
    }

    @Test func pythonsEmailParserReadsItWithoutDefects() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).eml")
        try email.rendered().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            "-c",
            """
            import sys, email
            from email import policy
            m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default)
            assert not m.defects, m.defects
            print(m['To']); print(m['Subject'])
            print(m.get_body(preferencelist=('plain',)).get_content().splitlines()[0])
            """,
            file.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let said = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(
            said == """
                Executive — business support <executive@127.0.0.1>
                Safeguarding assurance: 2 items for Executive — business support, 30 April 2026
                To Executive — business support,

                """
        )
    }
}
