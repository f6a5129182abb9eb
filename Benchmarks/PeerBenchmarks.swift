import Domain
import Foundation
import Measures

/// The Python peers of the SPC engine, run on the same series, their timings and agreement with our flags.
func spcPeers(_ harness: Harness, series: [ObservationSeries], definitions: [MeasureID: MeasureDefinition]) async throws
{
    let python = "\(Workspace.directory)/venv/bin/python"
    let script = "Benchmarks/peers/spc_peer.py"
    guard FileManager.default.isExecutableFile(atPath: python) else {
        harness.note(
            "peer.abspc",
            "skipped: run Benchmarks/peers/install.sh to install the Python peers into .build-bench/venv"
        )
        harness.note(
            "peer.pyqicharts",
            "skipped: run Benchmarks/peers/install.sh to install the Python peers into .build-bench/venv"
        )
        return
    }
    // Complete series only (the peers refuse gaps), capped so the slow peer finishes in reasonable time.
    let complete = series.filter { $0.points.allSatisfy { $0.value != nil } && $0.points.count >= 12 }
    for (peer, limit) in [("abspc", 200_000), ("pyqicharts", 12_000)] where harness.wants("peer.\(peer)") {
        var chosen: [ObservationSeries] = []
        var points = 0
        for held in complete where points + held.points.count <= limit {
            chosen.append(held)
            points += held.points.count
        }
        var csv = "series,value\n"
        for (index, held) in chosen.enumerated() {
            for point in held.points { csv += "\(index),\(point.value!)\n" }
        }
        let input = "\(Workspace.directory)/spc-\(peer).csv"
        try csv.write(toFile: input, atomically: true, encoding: .utf8)
        guard let outcome = run(python, [script, peer, input]),
            let json = try? JSONSerialization.jsonObject(with: outcome.output) as? [String: Any],
            let seconds = json["seconds"] as? Double, let flags = json["flags"] as? [[Int]]
        else {
            harness.note("peer.\(peer)", "skipped: the peer failed to run")
            continue
        }
        // Our engine set to the peer's rule set, on the same series.
        let options: SPCOptions =
            peer == "abspc"
            ? SPCOptions(screenOutliers: false, shiftLength: 8, trendLength: 6)
            : SPCOptions(screenOutliers: false, shiftLength: 7, trendLength: 7, twoInThree: .mdc2023)
        let engine = try SPCEngine(options: options)
        var agree = 0
        var total = 0
        var ourSeconds = 0.0
        let clock = ContinuousClock()
        for (index, held) in chosen.enumerated() {
            let started = clock.now
            let chart = engine.analyse(held)
            let elapsed = started.duration(to: clock.now)
            ourSeconds += Double(elapsed.components.attoseconds) / 1e18
            for (position, point) in chart.points.enumerated() {
                total += 1
                if (point.isSpecialCause ? 1 : 0) == flags[index][position] { agree += 1 }
            }
        }
        let ours = harness.results.first { $0.name == "spc.all-series" }?.itemsPerSecond ?? Double(points) / ourSeconds
        let peerRate = Double(points) / seconds
        harness.recordPeer(
            "peer.\(peer)",
            items: points,
            unit: "points",
            seconds: seconds,
            note: String(
                format:
                    "%d series; ours is %.0f× its throughput; special-cause flags agree on %.2f%% of points (%@)",
                chosen.count,
                ours / peerRate,
                Double(agree) / Double(max(1, total)) * 100,
                peer == "abspc"
                    ? "both set to no screening, shift 8, trend 6; it uses 3/1.128 for 2.66"
                    : "both set to 7-point runs, no screening"
            )
        )
    }
}
