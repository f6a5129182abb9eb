import Foundation

/// Runs the built `qaf` binary, as a newcomer would.
struct QAF {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The binary, next to the test bundle in the build's products directory.
    static let binary: URL = {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("qaf")
        }
        #endif
        return Bundle.main.bundleURL.appendingPathComponent("qaf")
    }()

    /// Runs `qaf` with arguments in a directory; standard input is empty.
    ///
    /// Output goes to files rather than pipes, so that a child writing much cannot stall on a full pipe.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let scratch = Scratch()
        _ = FileManager.default.createFile(atPath: scratch.path("out"), contents: nil)
        _ = FileManager.default.createFile(atPath: scratch.path("err"), contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.path("out")))
        let error = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.path("err")))
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        try error.close()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: scratch.contents("out") ?? Data(), as: UTF8.self),
            standardError: String(decoding: scratch.contents("err") ?? Data(), as: UTF8.self)
        )
    }
}

/// A fresh directory for one test, removed when the test ends.
final class Scratch: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("qaf-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func contents(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }

    deinit { try? FileManager.default.removeItem(at: url) }
}
