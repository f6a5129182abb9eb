import Foundation
import Testing

/// Compares text with a snapshot under `Tests/ReportingTests/Snapshots/`.
///
/// Run with `QAF_RECORD_SNAPSHOTS=1` to write the snapshots afresh, then review the diff: a change in
/// a snapshot is a change in what a partnership's readers see.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots"
    )

    static var isRecording: Bool { ProcessInfo.processInfo.environment["QAF_RECORD_SNAPSHOTS"] == "1" }

    static func expect(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if isRecording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "no snapshot \(name); record it with QAF_RECORD_SNAPSHOTS=1 swift test",
                sourceLocation: sourceLocation
            )
            return
        }
        if expected != text {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first =
                zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expectedLines.count, actualLines.count)
            let show = { (lines: [Substring]) in
                first < lines.count ? String(lines[first].prefix(300)) : "(end of text)"
            }
            Issue.record(
                """
                \(name) differs from its snapshot at line \(first + 1):
                  expected: \(show(expectedLines))
                  actual:   \(show(actualLines))
                """,
                sourceLocation: sourceLocation
            )
        }
    }
}
