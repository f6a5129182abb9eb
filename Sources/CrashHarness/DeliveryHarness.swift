// The delivery harness: the outbox holds a few hundred messages; a deliverer (a child process with
// the package's Notifier and SendmailTransport) sends them through a sendmail stand-in that keeps
// each email as a file, and is killed with SIGKILL at random moments. After each kill the outbox
// must say nothing was sent that did not go, and the store must be whole; at the end every message
// has gone, each under its one Message-ID, and a message is only ever seen twice when a kill fell
// between its sending and its recording (the Message-ID then tells the receiver it is the same).
//
//   swift run CrashHarness deliver --kills 100 [--messages 300] [--seed N]
//   swift run CrashHarness deliver-race [--deliverers 2] [--messages 300]
//
// deliver-race starts several deliverers at once on one database, none killed: every message must
// be sent exactly once.
import Delivery
import Domain
import Foundation
import SQLiteStore
import SyntheticPartnership

enum DeliveryHarness {
    static let day = try! Day(parsing: "2026-04-30")

    static func contacts(_ count: Int) -> ContactDirectory {
        ContactDirectory(
            sender: "Harness <qa@harness.example.org>",
            contacts: (1...count).map { number in
                Contact(
                    id: "c\(number)",
                    name: "Contact \(number)",
                    address: .email("c\(number)@harness.example.org"),
                    receives: .atOnce
                )
            },
            routes: (1...count).map { number in
                ContactRoute(.agency(Agency.ID(unchecked: "a\(number)")), to: ["c\(number)"])
            }
        )
    }

    /// A sendmail stand-in: the email is written under a temporary name, then renamed, so a file
    /// that ends `.eml` is a whole email the "server" accepted.
    static func writeSendmail(into folder: String) throws -> String {
        let sink = "\(folder)/sink"
        try FileManager.default.createDirectory(atPath: sink, withIntermediateDirectories: true)
        let script = "\(folder)/sendmail.sh"
        let text = """
            #!/bin/sh
            part=$(mktemp '\(sink)/.part.XXXXXX') || exit 75
            cat > "$part" || exit 75
            mv "$part" "$part.eml"
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: script))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        return script
    }

    static func prepare(folder: String, messages: Int) async throws -> String {
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = "\(folder)/outbox.sqlite"
        let records = Records(store: try SQLiteStore(path: path))
        let notifications = (1...messages).map { number in
            AssuranceNotification(
                key: "reminder:r\(number)",
                kind: .reminder,
                subject: "Reminder \(number)",
                body: "A return is due.",
                agency: Agency.ID(unchecked: "a\(number)"),
                raisedOn: day
            )
        }
        var batch = RecordBatch()
        try await Outbox.stage(notifications, contacts: contacts(messages), on: day, into: &batch, store: records.store)
        try await records.commit(batch, by: .system)
        _ = try writeSendmail(into: folder)
        return path
    }

    /// A deliverer: sends until nothing is pending, waiting out other deliverers' claims.
    static func deliverer(folder: String, messages: Int, lease: TimeInterval) async throws -> Never {
        let records = Records(store: try SQLiteStore(path: "\(folder)/outbox.sqlite"))
        let notifier = Notifier(
            transports: [SendmailTransport(program: "\(folder)/sendmail.sh", timeout: 10, clock: .system)],
            contacts: contacts(messages),
            records: records,
            lease: lease
        )
        while true {
            let report = try await notifier.deliverPending(ignoringWaits: true)
            if report.sent.isEmpty && report.retrying.isEmpty && report.heldElsewhere == 0 { exit(0) }
            if report.sent.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
        }
    }

    /// The Message-IDs of the emails the sink holds, one for each email (a resent one twice).
    static func received(in folder: String) throws -> [String] {
        let sink = "\(folder)/sink"
        return try FileManager.default.contentsOfDirectory(atPath: sink).filter { $0.hasSuffix(".eml") }.map { name in
            let text = try String(contentsOfFile: "\(sink)/\(name)", encoding: .utf8)
            guard let match = text.firstMatch(of: /\nMessage-ID:\s+(<[^>]+>)/) else {
                fail("\(name) has no Message-ID: the sink holds a torn email")
            }
            return String(match.1)
        }
    }

    /// What the outbox says: each message's Message-ID and status.
    static func outbox(_ folder: String) async throws -> [(id: String, status: OutboxMessage.Status, attempts: Int)] {
        let store = try SQLiteStore(path: "\(folder)/outbox.sqlite", options: .init(checkIntegrityOnOpen: false))
        let integrity = try await store.integrityCheck()
        guard integrity == ["ok"] else { fail("integrity check: \(integrity.joined(separator: "; "))") }
        return try await Records(store: store).all(OutboxMessage.self, as: .system).map { held in
            ("<\(held.value.id.rawValue)@harness.example.org>", held.value.status, held.value.attempts.count)
        }
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func killed(folder: String, kills: Int, messages: Int, seed: UInt64) async throws {
        _ = try await prepare(folder: folder, messages: messages)
        var random = SeededRandom(seed: seed)
        let started = ContinuousClock.now
        var kills = kills
        var done = 0
        var rounds = 0
        while done < kills {
            let process = try start(["deliver-child", "--folder", folder, "--messages", "\(messages)", "--lease", "1"])
            let wait = Int.random(in: 1...120, using: &random)
            try await Task.sleep(for: .milliseconds(wait))
            let finished = !process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            rounds += 1
            if !finished { done += 1 }
            // What the outbox records as sent went: nothing is recorded before it is sent.
            let went = Set(try received(in: folder))
            for message in try await outbox(folder) where message.status == .sent && !went.contains(message.id) {
                fail("\(message.id) is recorded sent but the sink never had it")
            }
            if try await outbox(folder).allSatisfy({ $0.status == .sent }) {
                // Everything went before the kills ran out: start again with a full outbox.
                try await summarise(folder: folder, messages: messages, kills: done, final: false)
                _ = try await prepare(folder: folder, messages: messages)
                kills -= done
                done = 0
            }
        }
        // The last deliverer runs to its end, after the killed one's claims have lapsed.
        try await Task.sleep(for: .seconds(1.1))
        let last = try start(["deliver-child", "--folder", folder, "--messages", "\(messages)", "--lease", "1"])
        last.waitUntilExit()
        guard last.terminationStatus == 0 else { fail("the last deliverer exited \(last.terminationStatus)") }
        try await summarise(folder: folder, messages: messages, kills: done, final: true)
        let elapsed = started.duration(to: .now).components.seconds
        print(
            "CrashHarness deliver: \(rounds) deliverers started one after another, each killed at a random moment unless it had finished, in \(elapsed) s"
        )
    }

    nonisolated(unsafe) static var totals = (kills: 0, messages: 0, resent: 0)

    static func summarise(folder: String, messages: Int, kills: Int, final: Bool) async throws {
        let outbox = try await outbox(folder)
        let received = try received(in: folder)
        guard outbox.allSatisfy({ $0.status == .sent }) else {
            fail("\(outbox.filter { $0.status != .sent }.count) messages were never sent")
        }
        let distinct = Set(received)
        guard distinct == Set(outbox.map(\.id)) else {
            fail("the sink holds \(distinct.count) Message-IDs for \(outbox.count) messages")
        }
        let resent = received.count - distinct.count
        // A message is seen twice only when a kill fell between its sending and its recording.
        guard resent <= kills else { fail("\(resent) emails sent again after only \(kills) kills") }
        totals.kills += kills
        totals.messages += messages
        totals.resent += resent
        guard final else { return }
        print(
            "CrashHarness deliver: \(totals.kills) kills; \(totals.messages) messages, every one sent and recorded; "
                + "\(totals.resent) sent a second time under the same Message-ID (a kill between sending and "
                + "recording); none recorded sent that did not go; integrity ok after every kill"
        )
    }

    static func race(folder: String, deliverers: Int, messages: Int) async throws {
        _ = try await prepare(folder: folder, messages: messages)
        let processes = try (1...deliverers).map { _ in
            try start(["deliver-child", "--folder", folder, "--messages", "\(messages)", "--lease", "600"])
        }
        for process in processes {
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { fail("a deliverer exited \(process.terminationStatus)") }
        }
        let outbox = try await outbox(folder)
        let received = try received(in: folder)
        guard outbox.allSatisfy({ $0.status == .sent && $0.attempts == 1 }) else {
            fail("not every message was sent at its first attempt")
        }
        guard received.count == messages, Set(received).count == messages else {
            fail("\(received.count) emails for \(messages) messages (\(Set(received).count) distinct)")
        }
        print(
            "CrashHarness deliver-race: \(deliverers) deliverers at once on one database; \(messages) messages, "
                + "each sent exactly once (\(received.count) emails, \(Set(received).count) Message-IDs)"
        )
    }
}
