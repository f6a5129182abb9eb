import Domain
import Foundation

/// The BSD sysexits numbers the CLI exits with.
enum ExitCode: Int32 {
    case success = 0
    case failure = 1
    case usage = 64
    case dataError = 65
    case noInput = 66
    case software = 70
}

/// A failure that ends the command with a message and an exit code.
struct CLIError: Error, CustomStringConvertible {
    var code: ExitCode
    var message: String

    init(_ code: ExitCode, _ message: String) {
        self.code = code
        self.message = message
    }

    static func usage(_ message: String, command: String? = nil) -> CLIError {
        let hint = command.map { "; see 'qaf \($0) --help'" } ?? "; see 'qaf --help'"
        return CLIError(.usage, message + hint)
    }

    var description: String { message }
}

/// A subcommand: its name, one-line summary, help text with an example, and its body.
protocol Command {
    static var name: String { get }
    static var summary: String { get }
    static var help: String { get }
    static func run(_ arguments: inout Arguments) async throws
}

/// The parsed command line: options (`--name value` or `--flag`) and positional arguments, in order.
struct Arguments {
    let command: String
    private var options: [(name: String, value: String?)] = []
    private(set) var positionals: [String] = []
    private var used = Set<Int>()

    /// Splits the arguments; `flags` are the options that take no value.
    init(command: String, _ raw: [String], flags: Set<String>) throws {
        self.command = command
        var index = 0
        while index < raw.count {
            let argument = raw[index]
            if argument == "--" {
                positionals += raw[(index + 1)...]
                break
            }
            if argument.hasPrefix("--") || (argument.hasPrefix("-") && argument.count == 2 && argument != "-") {
                let name = argument.hasPrefix("--") ? String(argument.dropFirst(2)) : String(argument.dropFirst())
                if let equals = name.firstIndex(of: "=") {
                    options.append((String(name[..<equals]), String(name[name.index(after: equals)...])))
                } else if flags.contains(name) {
                    options.append((name, nil))
                } else {
                    guard index + 1 < raw.count else {
                        throw CLIError.usage("--\(name) needs a value", command: command)
                    }
                    options.append((name, raw[index + 1]))
                    index += 1
                }
            } else {
                positionals.append(argument)
            }
            index += 1
        }
    }

    /// Whether a flag was given.
    mutating func flag(_ name: String) -> Bool {
        guard let position = options.firstIndex(where: { $0.name == name }) else { return false }
        used.insert(position)
        return true
    }

    /// The value of an option given at most once.
    mutating func option(_ name: String) throws -> String? {
        let positions = options.indices.filter { options[$0].name == name }
        guard let position = positions.first else { return nil }
        guard positions.count == 1 else { throw CLIError.usage("--\(name) is given more than once", command: command) }
        used.insert(position)
        guard let value = options[position].value else {
            throw CLIError.usage("--\(name) needs a value", command: command)
        }
        return value
    }

    /// Every value of a repeatable option.
    mutating func options(_ name: String) throws -> [String] {
        try options.indices.filter { options[$0].name == name }.map { position in
            used.insert(position)
            guard let value = options[position].value else {
                throw CLIError.usage("--\(name) needs a value", command: command)
            }
            return value
        }
    }

    /// Every `COLUMN=VALUE` of a repeatable option, such as `--filter`, by column.
    mutating func pairs(_ name: String) throws -> [String: String] {
        var pairs: [String: String] = [:]
        for text in try options(name) {
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw CLIError.usage("--\(name) \(DomainError.quote(text)) is not COLUMN=VALUE", command: command)
            }
            let column = String(text[..<equals])
            guard pairs[column] == nil else {
                throw CLIError.usage("--\(name) names the column \(DomainError.quote(column)) twice", command: command)
            }
            pairs[column] = String(text[text.index(after: equals)...])
        }
        return pairs
    }

    /// A required option.
    mutating func required(_ name: String) throws -> String {
        guard let value = try option(name) else { throw CLIError.usage("--\(name) is required", command: command) }
        return value
    }

    /// An option that must be one of some choices.
    mutating func choice(_ name: String, _ choices: [String], default fallback: String) throws -> String {
        let value = try option(name) ?? fallback
        guard choices.contains(value) else {
            throw CLIError.usage(
                "--\(name) \(DomainError.quote(value)) is not one of \(choices.joined(separator: ", "))",
                command: command
            )
        }
        return value
    }

    /// An option that must be a whole number in a range.
    mutating func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = try option(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw CLIError.usage(
                "--\(name) \(DomainError.quote(text)) is not a whole number from \(range.lowerBound) to \(range.upperBound)",
                command: command
            )
        }
        return value
    }

    /// An option that must be a finite number.
    mutating func number(_ name: String) throws -> Double? {
        guard let text = try option(name) else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw CLIError.usage("--\(name) \(DomainError.quote(text)) is not a number", command: command)
        }
        return value
    }

    /// The positional arguments, checking their count.
    func positional(_ names: [String]) throws -> [String] {
        guard positionals.count == names.count else {
            let expected = names.isEmpty ? "no arguments" : names.map { $0.uppercased() }.joined(separator: " ")
            throw CLIError.usage(
                "expected \(expected), got \(positionals.isEmpty ? "none" : positionals.joined(separator: " "))",
                command: command
            )
        }
        return positionals
    }

    /// The positional arguments, some of them optional, checking their count.
    func positional(_ names: [String], optional: [String]) throws -> [String] {
        guard (names.count...(names.count + optional.count)).contains(positionals.count) else {
            let expected = (names.map { $0.uppercased() } + optional.map { "[\($0.uppercased())]" }).joined(
                separator: " "
            )
            throw CLIError.usage(
                "expected \(expected), got \(positionals.isEmpty ? "none" : positionals.joined(separator: " "))",
                command: command
            )
        }
        return positionals
    }

    /// Throws for any option that no command read.
    func finish() throws {
        for (position, option) in options.enumerated() where !used.contains(position) {
            throw CLIError.usage("unknown option --\(option.name)", command: command)
        }
    }
}

/// Reads a whole input file, mapping a missing one to exit 66.
func readInput(_ path: String) throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    guard FileManager.default.fileExists(atPath: path) else {
        throw CLIError(.noInput, "no such file: \(path)")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CLIError(.noInput, "cannot read \(path)")
    }
    return data
}

/// Writes text to standard output.
func output(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Writes a line to standard error.
func message(_ text: String) {
    FileHandle.standardError.write(Data("\(text)\n".utf8))
}

/// Progress on standard error, only when it is a terminal.
func progress(_ text: String) {
    if isatty(STDERR_FILENO) == 1 { message(text) }
}

/// A number in the shortest text that reads back as the same `Double`, integers without a point.
func shortest(_ value: Double?) -> String {
    value.map(NumberText.shortest) ?? ""
}

/// A CSV field, quoted when it must be.
func csvField(_ text: String) -> String { CSVText.field(text) }

/// JSON with sorted keys, so output is the same from run to run.
func json(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}

/// The principal the CLI acts as: the person at the terminal, as the partnership lead.
let operatorPrincipal = Principal(id: "qaf-operator", roles: [.partnershipLead])
