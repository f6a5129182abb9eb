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
    /// - Throws: `DeliveryFailure`, permanent for a refusal the program says is for good.
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
///
/// Spawned directly rather than through `Process`: the program gets a process group of its own
/// and a clean signal mask (a child otherwise inherits the host's, and hosts, test runners among
/// them, may block SIGTERM), so a time-out stops it and anything it started (`sh -c`'s children
/// too), and the run ends when the program does rather than when its last descendant closes an
/// inherited descriptor.
enum ProgramRun {
    struct Outcome {
        var status: Int32
        var errorOutput: String
    }

    private enum RunNumbers {
        nonisolated(unsafe) private static var last = 0
        private static let lock = NSLock()

        static func next() -> Int {
            lock.withLock {
                last += 1
                return last
            }
        }
    }

    static func run(_ command: [String], input: Data, name: String, timeout: TimeInterval) async throws -> Outcome {
        guard let program = command.first else { throw DeliveryFailure("no program was given", permanent: true) }
        // A folder of this run's own: two sends of one message (two contacts, two tasks) never
        // share their input or error files.
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "qaf-delivery-\(ProcessInfo.processInfo.processIdentifier)-\(RunNumbers.next())-\(name)"
            )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputURL = folder.appendingPathComponent("message")
        let errorURL = folder.appendingPathComponent("errors")
        try input.write(to: inputURL)
        let arguments = program.contains("/") ? command : ["/usr/bin/env"] + command
        let (inputPath, errorPath) = (inputURL.path, errorURL.path)
        let ran = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<(Int32, Bool), any Error>, Never>) in
            // Started, waited for and stopped on a thread of the run's own, never on a shared
            // queue or Swift's cooperative threads: a start tried again while the program is
            // "text file busy" sleeps, and a host whose queues are busy must not let a stuck
            // program outlive its time.
            Thread.detachNewThread {
                continuation.resume(
                    returning: Result {
                        let processID = try spawn(arguments, input: inputPath, errors: errorPath)
                        return waitForExit(of: processID, timeout: timeout)
                    }
                )
            }
        }
        let (status, timedOut) = try ran.get()
        if timedOut {
            throw DeliveryFailure("\(program) did not finish within \(Int(timeout)) seconds and was stopped")
        }
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let errors = String(decoding: (try? Data(contentsOf: errorURL)) ?? Data(), as: UTF8.self)
        return Outcome(status: exitStatus, errorOutput: errors)
    }

    /// Waits for the program to end, stopping its whole process group (a shell's children too)
    /// once `timeout` has passed; returns the raw wait status and whether it was stopped.
    private static func waitForExit(of processID: pid_t, timeout: TimeInterval) -> (Int32, Bool) {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1_000_000_000)
        var raw: Int32 = 0
        var pause: useconds_t = 1_000
        while true {
            let result = waitpid(processID, &raw, WNOHANG)
            if result == processID { return (raw, false) }
            if result == -1, errno != EINTR { return (raw, false) }
            if DispatchTime.now().uptimeNanoseconds >= deadline {
                kill(-processID, SIGKILL)
                while waitpid(processID, &raw, 0) == -1, errno == EINTR {}
                return (raw, true)
            }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
    }

    private static func spawn(_ arguments: [String], input: String, errors: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes,
            Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        )
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for variable in environment { free(variable) } }
        var processID = pid_t()
        var result = posix_spawn(&processID, arguments[0], &actions, &attributes, argv, environment)
        // "Text file busy": the program was being written, or another thread of the host forked
        // while holding it open for writing; the moment passes, so it is tried again a few times.
        var attempt = 0
        while result == ETXTBSY, attempt < 10 {
            attempt += 1
            usleep(useconds_t(20_000 * attempt))
            result = posix_spawn(&processID, arguments[0], &actions, &attributes, argv, environment)
        }
        guard result == 0 else {
            throw DeliveryFailure("\(arguments[0]) could not be started: \(String(cString: strerror(result)))")
        }
        return processID
    }
}
