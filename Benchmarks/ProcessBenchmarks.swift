import Foundation

/// `qaf spc` as a whole process on 10,000 series of 60 months (read the file, chart every series,
/// write every point), beside abspc doing the same job as a whole Python process.
func spcProcessBenchmarks(_ harness: Harness) async throws {
    guard harness.wantsAny(["cli.spc-csv", "cli.spc-json", "peer.abspc-process"]) else { return }
    let series = 10_000
    let months = 60
    let points = series * months
    let input = "\(Workspace.directory)/spc-process.csv"
    if !FileManager.default.fileExists(atPath: input) {
        // A seeded random walk per series, written once and reused.
        var state: UInt64 = 0x5EED
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var text = "series,period,value\n"
        text.reserveCapacity(points * 32)
        for number in 0..<series {
            var level = 100 + next() * 400
            for month in 0..<months {
                level += (next() - 0.5) * 20
                let period = "\(2021 + month / 12)-\(String(format: "%02d", month % 12 + 1))"
                text += "s\(number),\(period),\((level * 100).rounded() / 100)\n"
            }
        }
        try text.write(toFile: input, atomically: true, encoding: .utf8)
    }
    let qaf = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qaf")
        .path
    let output = "\(Workspace.directory)/spc-process.out"
    var ours: [String: Double] = [:]
    for (name, format) in [("cli.spc-csv", "csv"), ("cli.spc-json", "json")] where harness.wants(name) {
        let result = try await harness.measure(
            name,
            items: points,
            unit: "points",
            runs: 5,
            note: "qaf spc --format \(format) on 10,000 series × 60 months, as a whole process: read, chart, write"
        ) {
            guard let seconds = timeProcess(qaf, ["spc", "--format", format, input], output: output), seconds > 0 else {
                throw HarnessFailure("qaf spc failed; build it with swift build -c release --product qaf")
            }
        }
        ours[format] = result?.itemsPerSecond
    }
    guard harness.wants("peer.abspc-process") else { return }
    let python = "\(Workspace.directory)/venv/bin/python"
    guard FileManager.default.isExecutableFile(atPath: python) else {
        harness.note("peer.abspc-process", "skipped: run Benchmarks/peers/install.sh to install the Python peers")
        return
    }
    guard
        let seconds = timeProcess(
            python,
            ["Benchmarks/peers/spc_peer.py", "abspc-process", input, "\(Workspace.directory)/spc-process-abspc.out"],
            output: "\(Workspace.directory)/spc-process-abspc.log"
        )
    else {
        harness.note("peer.abspc-process", "skipped: the peer failed to run")
        return
    }
    let rate = Double(points) / seconds
    let ratios = ["csv", "json"].compactMap { format in
        ours[format].map { String(format: "%@ %.0f×", format, $0 / rate) }
    }
    harness.recordPeer(
        "peer.abspc-process",
        items: points,
        unit: "points",
        seconds: seconds,
        note: "abspc as a whole Python process on the same file (read, chart, write CSV); qaf spc is "
            + ratios.joined(separator: ", ") + " its throughput"
    )
}

/// The wall-clock seconds of a process whose standard output goes to a file, or `nil` when it fails.
func timeProcess(_ executable: String, _ arguments: [String], output path: String) -> Double? {
    // Created when missing and emptied when not, never replaced: the path may be a device.
    if !FileManager.default.fileExists(atPath: path) {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
    }
    guard let sink = FileHandle(forWritingAtPath: path) else { return nil }
    defer { try? sink.close() }
    try? sink.truncate(atOffset: 0)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = sink
    process.standardError = FileHandle.nullDevice
    let clock = ContinuousClock()
    let started = clock.now
    do { try process.run() } catch { return nil }
    process.waitUntilExit()
    let elapsed = started.duration(to: clock.now)
    guard process.terminationStatus == 0 else { return nil }
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// A benchmark that could not run.
struct HarnessFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
