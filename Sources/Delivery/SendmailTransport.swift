public import Domain
public import Foundation

/// Sends email through a sendmail-compatible program (`sendmail -t -i`): Debian's `msmtp`,
/// Postfix's or Exim's `sendmail`, or any program that reads an RFC 5322 message on its standard
/// input and takes the recipients from its headers.
///
/// The program's exit status is judged as sendmail's (`sysexits.h`): 0 is sent; 64 (usage), 65
/// (data), 67 (no such user) and 68 (no such host) are refusals for good; anything else (75, the
/// server unavailable, above all) is tried again later. A program still running after the time-out
/// is stopped and the attempt failed.
public struct SendmailTransport: MessageTransport {
    /// The program, with any arguments of its own (`msmtp --file=/etc/qaf-msmtprc`): found on the
    /// `PATH` unless it is a path.
    public var command: [String]
    /// The arguments that follow: `-t -i` (recipients from the headers; a lone `.` is not the end).
    public var arguments: [String]
    /// Seconds before the program is stopped.
    public var timeout: TimeInterval
    /// The instant each email is dated, from the time seam.
    public var clock: DateSource

    /// Email.
    public var channel: ContactChannel { .email }

    /// Creates a transport.
    ///
    /// - Parameters:
    ///   - program: The program and any arguments of its own, split at spaces.
    ///   - arguments: The sendmail arguments.
    ///   - timeout: Seconds before the program is stopped.
    ///   - clock: Dates each email.
    public init(
        program: String = "/usr/sbin/sendmail",
        arguments: [String] = ["-t", "-i"],
        timeout: TimeInterval = 60,
        clock: DateSource
    ) {
        self.command = program.split(separator: " ").map(String.init)
        self.arguments = arguments
        self.timeout = timeout
        self.clock = clock
    }

    /// Pipes the email to the program and judges its exit status.
    ///
    /// - Throws: ``DeliveryFailure``, permanent for a refusal the program says is for good.
    public func send(_ message: OutboxMessage, to contact: Contact, in contacts: ContactDirectory) async throws {
        let email = EmailMessage(message, to: contact, in: contacts, date: clock.now())
        let outcome = try await ProgramRun.run(
            command + arguments,
            input: email.rendered(lineEnding: "\n"),
            name: message.id.rawValue,
            timeout: timeout
        )
        guard outcome.status != 0 else { return }
        let said = outcome.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        throw DeliveryFailure(
            "\(command.first ?? "sendmail") exited with status \(outcome.status)"
                + (said.isEmpty ? "" : ": \(said.split(separator: "\n").last ?? "")"),
            permanent: [64, 65, 67, 68].contains(outcome.status)
        )
    }
}

/// A program run to its end with its input from a file (so that a program that stops reading
/// early cannot stop the caller with a broken pipe) and its error output to another.
enum ProgramRun {
    struct Outcome {
        var status: Int32
        var errorOutput: String
    }

    /// Holds the process for the time-out, which runs on another queue.
    private final class Running: @unchecked Sendable {
        let process = Process()
        var timedOut = false
        let lock = NSLock()

        var didTimeOut: Bool { lock.withLock { timedOut } }
    }

    static func run(_ command: [String], input: Data, name: String, timeout: TimeInterval) async throws -> Outcome {
        guard let program = command.first else { throw DeliveryFailure("no program was given", permanent: true) }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("qaf-delivery-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputURL = folder.appendingPathComponent("message")
        let errorURL = folder.appendingPathComponent("errors")
        try input.write(to: inputURL)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let running = Running()
        let process = running.process
        process.executableURL = URL(fileURLWithPath: program.contains("/") ? program : "/usr/bin/env")
        process.arguments = program.contains("/") ? Array(command.dropFirst()) : command
        let inputHandle = try FileHandle(forReadingFrom: inputURL)
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        defer {
            try? inputHandle.close()
            try? errorHandle.close()
        }
        process.standardInput = inputHandle
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorHandle
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(
                    throwing: DeliveryFailure("\(program) could not be started: \(error.localizedDescription)")
                )
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                running.lock.lock()
                defer { running.lock.unlock() }
                if running.process.isRunning {
                    running.timedOut = true
                    running.process.terminate()
                }
            }
        }
        if running.didTimeOut {
            throw DeliveryFailure("\(program) did not finish within \(Int(timeout)) seconds and was stopped")
        }
        let errors = String(decoding: (try? Data(contentsOf: errorURL)) ?? Data(), as: UTF8.self)
        return Outcome(status: status, errorOutput: errors)
    }
}
