import Foundation

/// One benchmark's measurements.
struct BenchmarkResult: Codable {
    var name: String
    var scale: String
    var items: Int
    var unit: String
    var runs: Int
    var medianSeconds: Double
    var minSeconds: Double
    var maxSeconds: Double
    var itemsPerSecond: Double
    var peakResidentBytes: Int
    var note: String?
}

/// Runs benchmarks: a warm-up, then several timed runs on a monotonic clock, each after its own setup.
final class Harness {
    let scale: String
    let filter: String?
    let defaultRuns: Int
    private(set) var results: [BenchmarkResult] = []

    init(scale: String, filter: String?, runs: Int) {
        self.scale = scale
        self.filter = filter
        self.defaultRuns = runs
    }

    func wants(_ name: String) -> Bool {
        guard let filter else { return true }
        return name.contains(filter)
    }

    /// Whether any of the benchmarks is wanted.
    func wantsAny(_ names: [String]) -> Bool { names.contains(where: wants) }

    /// Measures a body; `setup` runs before each run and is not timed.
    @discardableResult
    func measure<State>(
        _ name: String,
        items: Int,
        unit: String,
        runs: Int? = nil,
        warmup: Bool = true,
        note: String? = nil,
        setup: () async throws -> State,
        run body: (State) async throws -> Void
    ) async throws -> BenchmarkResult? {
        guard wants(name) else { return nil }
        progress("running \(name)…")
        let count = runs ?? defaultRuns
        if warmup { try await body(try await setup()) }
        var seconds: [Double] = []
        resetPeakResident()
        let clock = ContinuousClock()
        for _ in 0..<count {
            let state = try await setup()
            let started = clock.now
            try await body(state)
            let elapsed = started.duration(to: clock.now)
            seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        seconds.sort()
        let median = seconds[seconds.count / 2]
        let result = BenchmarkResult(
            name: name,
            scale: scale,
            items: items,
            unit: unit,
            runs: count,
            medianSeconds: median,
            minSeconds: seconds.first!,
            maxSeconds: seconds.last!,
            itemsPerSecond: Double(items) / median,
            peakResidentBytes: peakResident(),
            note: note
        )
        results.append(result)
        return result
    }

    /// Measures a body with no setup.
    @discardableResult
    func measure(
        _ name: String,
        items: Int,
        unit: String,
        runs: Int? = nil,
        warmup: Bool = true,
        note: String? = nil,
        _ body: () async throws -> Void
    ) async throws -> BenchmarkResult? {
        try await measure(
            name,
            items: items,
            unit: unit,
            runs: runs,
            warmup: warmup,
            note: note,
            setup: {},
            run: { _ in try await body() }
        )
    }

    /// Adds to the note of a result already measured (a ratio to a peer measured after it).
    func annotate(_ name: String, with text: String) {
        guard let index = results.lastIndex(where: { $0.name == name }) else { return }
        results[index].note = [results[index].note, text].compactMap { $0 }.joined(separator: "; ")
    }

    /// Records a result measured elsewhere (a peer's own timing).
    func record(_ result: BenchmarkResult) {
        results.append(result)
    }

    /// Records a peer timed outside the harness (a process, or the best of a few), once.
    func recordPeer(_ name: String, items: Int, unit: String, seconds: Double, runs: Int = 1, note: String) {
        record(
            BenchmarkResult(
                name: name,
                scale: scale,
                items: items,
                unit: unit,
                runs: runs,
                medianSeconds: seconds,
                minSeconds: seconds,
                maxSeconds: seconds,
                itemsPerSecond: Double(items) / seconds,
                peakResidentBytes: 0,
                note: note
            )
        )
    }

    /// Records a line that is not a measurement: a peer not installed, an agreement figure.
    func note(_ name: String, _ text: String) {
        results.append(
            BenchmarkResult(
                name: name,
                scale: scale,
                items: 0,
                unit: "",
                runs: 0,
                medianSeconds: 0,
                minSeconds: 0,
                maxSeconds: 0,
                itemsPerSecond: 0,
                peakResidentBytes: 0,
                note: text
            )
        )
    }
}

func progress(_ text: String) {
    FileHandle.standardError.write(Data("\(text)\n".utf8))
}

/// Resets the process's peak resident set size (Linux: writing 5 to /proc/self/clear_refs).
func resetPeakResident() {
    if let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
        try? handle.write(contentsOf: Data("5".utf8))
        try? handle.close()
    }
}

/// The process's peak resident set size since the last reset, in bytes (VmHWM from /proc/self/status).
func peakResident() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kilobytes * 1024
    }
    return 0
}

/// Runs a command, returning its standard output, or `nil` when it cannot run or fails; its
/// standard error is dropped, or shown on this process's with `showingErrors` (a long run's progress).
func run(
    _ executable: String,
    _ arguments: [String],
    input: Data? = nil,
    showingErrors: Bool = false
) -> (output: Data, seconds: Double)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = showingErrors ? FileHandle.standardError : FileHandle.nullDevice
    let inputPipe = Pipe()
    if input != nil { process.standardInput = inputPipe }
    let clock = ContinuousClock()
    let started = clock.now
    do { try process.run() } catch { return nil }
    if let input {
        inputPipe.fileHandleForWriting.write(input)
        try? inputPipe.fileHandleForWriting.close()
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let elapsed = started.duration(to: clock.now)
    guard process.terminationStatus == 0 else { return nil }
    return (data, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

func format(_ seconds: Double) -> String {
    if seconds >= 1 { return String(format: "%.2f s", seconds) }
    if seconds >= 0.001 { return String(format: "%.1f ms", seconds * 1000) }
    return String(format: "%.1f µs", seconds * 1_000_000)
}

func formatRate(_ rate: Double) -> String {
    if rate >= 1_000_000 { return String(format: "%.2fM/s", rate / 1_000_000) }
    if rate >= 1000 { return String(format: "%.1fk/s", rate / 1000) }
    return String(format: "%.1f/s", rate)
}

func printTable(_ results: [BenchmarkResult]) {
    let header = ["benchmark", "items", "median", "min", "max", "throughput", "peak RSS", "note"]
    var rows: [[String]] = [header]
    for result in results {
        if result.runs == 0 {
            rows.append([result.name, "", "", "", "", "", "", result.note ?? ""])
            continue
        }
        rows.append([
            result.name, "\(result.items) \(result.unit)", format(result.medianSeconds), format(result.minSeconds),
            format(result.maxSeconds), "\(formatRate(result.itemsPerSecond)) \(result.unit)",
            String(format: "%.0f MiB", Double(result.peakResidentBytes) / 1_048_576), result.note ?? "",
        ])
    }
    let widths = (0..<header.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
    for (index, row) in rows.enumerated() {
        print(zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  "))
        if index == 0 { print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
    }
}
