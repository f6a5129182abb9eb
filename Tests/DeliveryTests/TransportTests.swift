import Delivery
import Domain
import Foundation
import Testing

@Suite struct TransportTests {
    let message = Sample.digest
    let executive = Sample.contacts.contacts[0]

    func script(_ body: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sendmail-\(UUID().uuidString).sh")
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return file.path
    }

    @Test func throughMsmtpToAnSMTPServerTheEmailArrivesWhole() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp") else {
            // Debian's msmtp: .ci/run installs it; a machine without it skips the real MTA.
            return
        }
        let sink = try #require(try LocalServer(script: "smtp_sink.py"))
        let transport = SendmailTransport(
            program: "/usr/bin/msmtp --host=127.0.0.1 --port=\(sink.port) --from=qa@brackenshire.example.org",
            clock: Sample.clock
        )
        try await transport.send(message, to: executive, in: Sample.contacts)
        let received = try sink.received()
        #expect(received.count == 1)
        let text = String(decoding: received.first ?? Data(), as: UTF8.self)
        let expected = EmailMessage(message, to: executive, in: Sample.contacts, date: Sample.clock.now())
        #expect(text.contains("Message-ID: \(expected.messageID)"))
        #expect(decodeQuotedPrintable(text).contains("What to do: Consider it at the Executive's next meeting."))
    }

    @Test func theServerDownIsAFailureToTryAgain() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp") else { return }
        // Port 9 (discard) is closed on the loopback: msmtp cannot connect.
        let transport = SendmailTransport(
            program: "/usr/bin/msmtp --host=127.0.0.1 --port=9 --from=qa@example.org",
            clock: Sample.clock
        )
        await #expect {
            try await transport.send(message, to: executive, in: Sample.contacts)
        } throws: { error in
            (error as? DeliveryFailure)?.isPermanent == false
        }
    }

    /// Whether a process has ended (gone, or a zombie not yet reaped), waiting up to ten seconds for
    /// a killed one to go.
    static func ended(_ pid: Int32) async -> Bool {
        for _ in 0..<100 {
            guard kill(pid, 0) == 0 else { return true }
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            // The state follows the command name, which is in parentheses.
            if let close = stat.lastIndex(of: ")"), stat[stat.index(after: close)...].hasPrefix(" Z") { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test func sendmailsExitStatusIsJudgedAsSysexitsHasIt() async throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        let accepting = SendmailTransport(program: try script("cat > \(copy.path)"), clock: Sample.clock)
        try await accepting.send(message, to: executive, in: Sample.contacts)
        let piped = try String(contentsOf: copy, encoding: .utf8)
        #expect(piped.contains("\nMessage-ID: "), "a local sendmail reads lines ending LF")
        #expect(!piped.contains("\r\n"))

        for (status, permanent) in [(75, false), (69, false), (67, true), (68, true)] {
            let refusing = SendmailTransport(
                program: try script("cat >/dev/null; echo 'no way' >&2; exit \(status)"),
                clock: Sample.clock
            )
            await #expect {
                try await refusing.send(message, to: executive, in: Sample.contacts)
            } throws: { error in
                let failure = error as? DeliveryFailure
                return failure?.isPermanent == permanent && failure?.reason.contains("status \(status): no way") == true
            }
        }
        // A program that would run five minutes, and a child it starts: both are stopped at the
        // time-out. Judged by the processes, not the clock: under the thread sanitizer on a loaded
        // machine the time-out itself has been reached only after most of a minute.
        let pids = FileManager.default.temporaryDirectory.appendingPathComponent("pids-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: pids) }
        let slow = SendmailTransport(
            program: try script("echo $$ > \(pids.path); sleep 300 & echo $! >> \(pids.path); wait"),
            timeout: 0.5,
            clock: Sample.clock
        )
        let started = Date()
        await #expect {
            try await slow.send(message, to: executive, in: Sample.contacts)
        } throws: { error in
            (error as? DeliveryFailure)?.reason.contains("did not finish within") == true
        }
        #expect(Date().timeIntervalSince(started) < 300, "the program was stopped, not left to end")
        let spawned = try String(contentsOf: pids, encoding: .utf8).split(separator: "\n").compactMap { Int32($0) }
        #expect(spawned.count == 2, "the shell and its child both started")
        for pid in spawned {
            #expect(await Self.ended(pid), "process \(pid) was left running")
        }
        let missing = SendmailTransport(program: "/nonexistent/sendmail", clock: Sample.clock)
        await #expect(throws: DeliveryFailure.self) {
            try await missing.send(message, to: executive, in: Sample.contacts)
        }
    }

    /// A program held open for writing at the moment it is started ("text file busy": a host's
    /// other thread forking while writing it) is started once the moment passes.
    @Test func aProgramBusyBeingWrittenIsStartedOnceItIsClosed() async throws {
        let path = try script("cat >/dev/null")
        let writer = open(path, O_WRONLY)
        try #require(writer >= 0)
        let transport = SendmailTransport(program: path, clock: Sample.clock)
        let sending = Task { try await transport.send(message, to: executive, in: Sample.contacts) }
        try await Task.sleep(for: .milliseconds(150))
        close(writer)
        try await sending.value
    }

    @Test func aWebhookPostsJSONWithTheIdempotencyKeyAndTheTokenFromTheEnvironment() async throws {
        let receiver = try #require(try LocalServer(script: "webhook_receiver.py"))
        let base = "http://127.0.0.1:\(receiver.port)"
        let ticketing = Contact(
            id: "ticketing",
            name: "Ticketing",
            address: .webhook("\(base)/ok"),
            tokenVariable: "QAF_TOKEN"
        )
        let transport = WebhookTransport(environment: ["QAF_TOKEN": "secret-1"], clock: Sample.clock)
        try await transport.send(message, to: ticketing, in: Sample.contacts)
        let received = try receiver.received()
        #expect(received.count == 1)
        let record = try JSONSerialization.jsonObject(with: received[0]) as? [String: Any]
        let headers = record?["headers"] as? [String: String] ?? [:]
        #expect(headers["Idempotency-Key"] == message.idempotencyKey)
        #expect(headers["Authorization"] == "Bearer secret-1")
        let body =
            try JSONSerialization.jsonObject(with: Data((record?["body"] as? String ?? "").utf8)) as? [String: Any]
        #expect(body?["format"] as? String == "qaf-message")
        #expect((body?["items"] as? [Any])?.count == 2)

        let failing = [("\(base)/status/503", false), ("\(base)/status/429", false), ("\(base)/status/404", true)]
        for (url, permanent) in failing {
            let contact = Contact(id: "t", name: "T", address: .webhook(url))
            await #expect {
                try await transport.send(message, to: contact, in: Sample.contacts)
            } throws: { error in
                (error as? DeliveryFailure)?.isPermanent == permanent
            }
        }
        let slow = WebhookTransport(timeout: 1, environment: [:], clock: Sample.clock)
        let started = Date()
        await #expect {
            try await slow.send(
                message,
                to: Contact(id: "t", name: "T", address: .webhook("\(base)/slow/3")),
                in: Sample.contacts
            )
        } throws: { error in
            let failure = error as? DeliveryFailure
            return failure?.isPermanent == false
                && failure?.reason.hasSuffix("did not answer within its time-out of 1 s") == true
        }
        #expect(Date().timeIntervalSince(started) >= 0.9, "the request waited for its time-out")
        let withoutToken = WebhookTransport(environment: [:], clock: Sample.clock)
        await #expect {
            try await withoutToken.send(message, to: ticketing, in: Sample.contacts)
        } throws: { error in
            (error as? DeliveryFailure)?.reason.contains("QAF_TOKEN") == true
        }
    }
}
