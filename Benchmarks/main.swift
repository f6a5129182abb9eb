// The benchmark executable: `swift run -c release Benchmarks [--scale county|national] [--filter NAME]
// [--format text|json] [--runs N]`. It builds (or reuses) the generated database under .build-bench/,
// measures each benchmark after a warm-up over several runs on a monotonic clock, and prints a table
// or JSON. Figures go in Documentation/Performance.md.
import Foundation
import SyntheticPartnership

var scaleName = "county"
var filter: String?
var format = "text"
var runs = 5
var arguments = CommandLine.arguments.dropFirst()
func usage(_ message: String) -> Never {
    FileHandle.standardError.write(
        Data(
            "Benchmarks: \(message)\nusage: Benchmarks [--scale county|national] [--filter NAME] [--format text|json] [--runs N]\n"
                .utf8
        )
    )
    exit(64)
}
while let argument = arguments.popFirst() {
    switch argument {
    case "--scale":
        guard let value = arguments.popFirst() else { usage("--scale needs a value") }
        scaleName = value
    case "--filter":
        guard let value = arguments.popFirst() else { usage("--filter needs a value") }
        filter = value
    case "--format":
        guard let value = arguments.popFirst() else { usage("--format needs a value") }
        format = value
    case "--runs":
        guard let value = arguments.popFirst().flatMap({ Int($0) }), value > 0 else {
            usage("--runs needs a whole number")
        }
        runs = value
    case "--help", "-h": usage("measures the package's hot paths")
    default: usage("unknown argument \(argument)")
    }
}
guard let scale = SyntheticScale.named.first(where: { $0.name == scaleName }) else {
    usage("unknown scale \(scaleName); expected county or national")
}
guard format == "text" || format == "json" else { usage("unknown format \(format); expected text or json") }

let harness = Harness(scale: scale.name, filter: filter, runs: runs)
let workspace = Workspace(scale: scale)
do {
    try await storeBenchmarks(harness)
    try await csvBenchmarks(harness)
    try await spcProcessBenchmarks(harness)
    // At national scale, every partnership's records in one database (without series, which each
    // partnership keeps in its own): the national views of Section 11, audit and learning. They run
    // before the SPC benchmark, which holds every national series in memory.
    try await section11Benchmark(harness, workspace: workspace)
    try await learningBenchmark(harness, workspace: workspace)
    try await auditBenchmark(harness, workspace: workspace)
    try await spcBenchmarks(harness, workspace: workspace)
    if scale.partnerships == 1 {
        try await codecBenchmarks(harness, workspace: workspace)
        try await tablesBenchmarks(harness, workspace: workspace)
        try await scorecardBenchmark(harness, workspace: workspace)
    }
    if scale.partnerships > 1 {
        // Many partnerships are served one database each: the pipeline runs the cycle and the
        // report in each; one cycle over every partnership's records at once is not how they run.
        try await pipelineBenchmark(harness, scale: scale, name: "pipeline.\(scale.name)")
        postgresPipelineBenchmark(harness, scale: scale, share: 1, name: "pipeline.\(scale.name)-postgresql")
        postgresPipelineBenchmark(
            harness,
            scale: scale,
            share: 1.0 / 8,
            name: "pipeline.\(scale.name)-postgresql.scaling-1/8"
        )
    } else {
        try await cycleBenchmarks(harness, workspace: workspace)
    }
    // Scaling: the same benchmarks on an eighth, a quarter and a half of the data.
    for share in [8, 4, 2] {
        let part = scale.fraction(1 / Double(share))
        if scale.partnerships > 1 {
            try await pipelineBenchmark(harness, scale: part, name: "pipeline.scaling-1/\(share)")
        } else {
            try await cycleBenchmarks(harness, workspace: Workspace(scale: part), suffix: "scaling-1/\(share)")
        }
    }
} catch {
    FileHandle.standardError.write(Data("Benchmarks failed: \(error)\n".utf8))
    exit(70)
}

if format == "json" {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let machine = [
        "processors": "\(ProcessInfo.processInfo.activeProcessorCount)",
        "memory": "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB",
        "system": ProcessInfo.processInfo.operatingSystemVersionString,
    ]
    struct Report: Encodable {
        var machine: [String: String]
        var scale: String
        var results: [BenchmarkResult]
    }
    print(
        String(
            decoding: try encoder.encode(Report(machine: machine, scale: scale.name, results: harness.results)),
            as: UTF8.self
        )
    )
} else {
    print("scale: \(scale.name); \(ProcessInfo.processInfo.activeProcessorCount) processors")
    printTable(harness.results)
}
