import Foundation
import Testing

/// `qaf check --deliver`, `qaf deliver` and `qaf outbox`, run as a partnership's daily job would.
@Suite(.serialized) struct DeliveryCommandTests {
    /// A sendmail stand-in: it keeps each email it is given as a file, or, while a file named
    /// `down` is in its folder, fails as sendmail does when the server is unavailable (75).
    func sendmail(in scratch: Scratch) throws -> String {
        let folder = scratch.path("sent")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = scratch.path("sendmail.sh")
        let text = """
            #!/bin/sh
            [ "$1 $2" = "-t -i" ] || { echo "expected -t -i, got $*" >&2; exit 64; }
            if [ -e '\(scratch.path("down"))' ]; then cat >/dev/null; echo 'mail server unavailable' >&2; exit 75; fi
            cat > "$(mktemp '\(folder)/XXXXXX')"
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: script))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        return script
    }

    func sent(in scratch: Scratch) -> [String] {
        let folder = scratch.path("sent")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.map {
            String(decoding: FileManager.default.contents(atPath: "\(folder)/\($0)") ?? Data(), as: UTF8.self)
        }
    }

    @Test func theDemoWritesEachDigestAsAnEmailAndRecordsItSent() throws {
        let scratch = Scratch()
        #expect(try QAF.run(["demo", "--path", scratch.path("p.sqlite")]).status == 0)
        let digests = try FileManager.default.contentsOfDirectory(atPath: scratch.path("digests")).sorted()
        #expect(digests.count == 64)
        #expect(digests.allSatisfy { $0.hasPrefix("2026-04-30-") && $0.hasSuffix(".eml") })
        let first = String(decoding: scratch.contents("digests/\(digests[0])") ?? Data(), as: UTF8.self)
        #expect(first.contains("\r\nMessage-ID: <m-"))
        #expect(first.contains("Content-Type: multipart/alternative"))
        let pending = try QAF.run(["outbox", "--db", scratch.path("p.sqlite"), "--status", "pending"])
        #expect(pending.standardError.contains("0 messages"))
        let all = try QAF.run(["outbox", "--db", scratch.path("p.sqlite"), "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(all.standardOutput.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count == 64)
        #expect(
            rows.allSatisfy { $0["status"] as? String == "sent" && ($0["sentAt"] as? String)?.hasSuffix("Z") == true }
        )
    }

    @Test func aDailyRunDeliversEachMessageOnceAndAFailureWaitsForALaterRun() throws {
        let scratch = Scratch()
        let database = scratch.path("p.sqlite")
        #expect(try QAF.run(["demo", "--path", database]).status == 0)
        let program = try sendmail(in: scratch)

        // The next working days' runs: the first finds new reminders and findings, and sends them.
        let check = try QAF.run(["check", "--db", database, "--day", "2026-05-05", "--deliver", "--sendmail", program])
        #expect(check.status == 0, "\(check.standardError)")
        let composed = try #require(
            check.standardError.firstMatch(of: /(\d+) messages for the outbox/).flatMap { Int($0.1) }
        )
        #expect(composed > 0)
        #expect(check.standardError.contains("delivery: \(composed) sent, 0 to try again, 0 undeliverable"))
        let emails = sent(in: scratch)
        #expect(emails.count == composed)
        #expect(emails.allSatisfy { $0.contains("\nMessage-ID: <m-") && !$0.contains("\r\n") })
        #expect(
            Set(emails.compactMap { $0.firstMatch(of: /Message-ID:\s+(\S+)/).map { String($0.1) } }).count == composed
        )

        // The same day again (cron run twice, or a rerun after a crash) sends nothing.
        let again = try QAF.run(["check", "--db", database, "--day", "2026-05-05", "--deliver", "--sendmail", program])
        #expect(again.standardError.contains("0 messages for the outbox"))
        #expect(again.standardError.contains("delivery: 0 sent"))
        #expect(try QAF.run(["deliver", "--db", database, "--sendmail", program]).standardError.contains("0 sent"))
        #expect(sent(in: scratch).count == composed)

        // The server down: the day's messages wait; a run before the wait is over sends nothing;
        // with the server back, --now sends them, each once.
        FileManager.default.createFile(atPath: scratch.path("down"), contents: nil)
        let down = try QAF.run(["check", "--db", database, "--day", "2026-05-11", "--deliver", "--sendmail", program])
        let waiting = try #require(
            down.standardError.firstMatch(of: /delivery: 0 sent, (\d+) to try again/).flatMap { Int($0.1) }
        )
        #expect(waiting > 0)
        let failed = try QAF.run(["outbox", "--db", database, "--status", "failed"])
        #expect(failed.standardOutput.split(separator: "\n").count == waiting)
        #expect(
            failed.standardOutput.contains(
                "1 attempt · \(program) exited with status 75: mail server unavailable · next try "
            )
        )
        try FileManager.default.removeItem(atPath: scratch.path("down"))
        let early = try QAF.run(["deliver", "--db", database, "--sendmail", program])
        #expect(early.standardError.contains("0 sent"), "\(early.standardError)")
        let now = try QAF.run(["deliver", "--db", database, "--sendmail", program, "--now"])
        #expect(now.standardError.contains("\(waiting) sent"), "\(now.standardError)")
        #expect(sent(in: scratch).count == composed + waiting)
        #expect(try QAF.run(["outbox", "--db", database, "--status", "pending"]).standardError.contains("0 messages"))
    }

    /// Debian's msmtp as the sendmail program, relaying to an SMTP server on 127.0.0.1 that keeps
    /// each message (the delivery tests' `smtp_sink.py`).
    @Test func throughARealMailTransferAgentEachRecipientGetsOneDigestAndASecondRunSendsNothing() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp") else { return }  // .ci/run installs it
        let scratch = Scratch()
        let database = scratch.path("p.sqlite")
        #expect(try QAF.run(["demo", "--path", database]).status == 0)
        let sink = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DeliveryTests/Fixtures/smtp_sink.py")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        server.arguments = [sink.path, scratch.path("smtp")]
        try server.run()
        defer { kill(server.processIdentifier, SIGKILL) }
        var port: String?
        for _ in 1...500 where port == nil {
            port = try? String(contentsOfFile: scratch.path("smtp/port"), encoding: .utf8)
            if port == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        let program = "/usr/bin/msmtp --host=127.0.0.1 --port=\(try #require(port)) --from=qa@partnership.example.org"
        func received() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: scratch.path("smtp")).filter { $0.hasSuffix(".eml") }
                .count
        }

        let check = try QAF.run(["check", "--db", database, "--day", "2026-05-05", "--deliver", "--sendmail", program])
        #expect(check.status == 0, "\(check.standardError)")
        let outbox = try QAF.run(["outbox", "--db", database, "--format", "json"])
        let rows = (try JSONSerialization.jsonObject(with: Data(outbox.standardOutput.utf8)) as? [[String: Any]] ?? [])
            .filter { $0["day"] as? String == "2026-05-05" }
        let digests = rows.filter { $0["form"] as? String == "daily-digest" }
        #expect(!digests.isEmpty)
        #expect(Set(digests.compactMap { $0["recipient"] as? String }).count == digests.count, "one digest each")
        #expect(rows.allSatisfy { $0["status"] as? String == "sent" })
        #expect(try received() == rows.count)
        #expect(check.standardError.contains("delivery: \(rows.count) sent, 0 to try again, 0 undeliverable"))

        let again = try QAF.run(["check", "--db", database, "--day", "2026-05-05", "--deliver", "--sendmail", program])
        #expect(again.standardError.contains("delivery: 0 sent"))
        #expect(try received() == rows.count)
    }

    @Test func badOptionsAreRefusedWithWhatWasExpected() throws {
        let scratch = Scratch()
        #expect(try QAF.run(["demo", "--path", scratch.path("p.sqlite")]).status == 0)
        let status = try QAF.run(["outbox", "--db", scratch.path("p.sqlite"), "--status", "lost"])
        #expect(status.status == 64)
        #expect(status.standardError.contains("--status \"lost\" is not one of pending, sent, failed, undeliverable"))
        let lease = try QAF.run(["deliver", "--db", scratch.path("p.sqlite"), "--lease", "soon"])
        #expect(lease.status == 64)
        let recipient = try QAF.run(["deliver", "--db", scratch.path("p.sqlite"), "--recipient", "pdg"])
        #expect(recipient.status == 64, "--recipient goes with --retry-undeliverable")
    }
}
