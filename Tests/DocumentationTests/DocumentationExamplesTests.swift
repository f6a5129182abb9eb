import Foundation
import Testing

/// Every Swift example in the documentation is quoted from code the package compiles and runs.
///
/// That is a snippet (built by `swift build`, run by `.ci/run`), a test, or an example package
/// (built and tested by `.ci/run`). A guide cannot drift from the code it shows.
///
/// A block matches when its code, without comments and white space, stands in one file in order;
/// a comment with an ellipsis (`// …`) marks code left out, and splits the block into parts that
/// must follow each other in that file. Package-manifest excerpts (`.package(` or `.product(name:`) are
/// checked by SwiftPM in the example packages instead.
struct DocumentationExamplesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Block: CustomStringConvertible {
        var file: String
        var line: Int
        var parts: [String]
        var description: String { "\(file):\(line)" }
    }

    static func files(under folder: String, ending suffix: String) -> [URL] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        var found: [URL] = []
        while let url = walker.nextObject() as? URL {
            if url.path.contains("/.build") {
                walker.skipDescendants()
                continue
            }
            if url.lastPathComponent.hasSuffix(suffix) { found.append(url) }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The documents: the README, `Documentation/`, every DocC catalog and the examples' and adapters' READMEs.
    static var documents: [URL] {
        [root.appendingPathComponent("README.md")] + files(under: "Documentation", ending: ".md")
            + files(under: "Sources", ending: ".md").filter { $0.path.contains(".docc/") }
            + files(under: "Examples", ending: "README.md") + files(under: "Adapters", ending: "README.md")
    }

    /// The code a document may quote.
    static var quotable: [(path: String, text: String)] {
        let urls =
            files(under: "Snippets", ending: ".swift") + files(under: "Tests", ending: ".swift")
            + files(under: "Examples", ending: ".swift") + files(under: "Adapters", ending: ".swift")
        return urls.compactMap { url in
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
            return (
                url.path.replacingOccurrences(of: root.path + "/", with: ""), normalise(text.split(separator: "\n"))
            )
        }
    }

    /// Code without comments and white space, so that formatting does not matter.
    static func normalise(_ lines: some Sequence<Substring>) -> String {
        var out = ""
        for raw in lines {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("//") { continue }
            if let comment = trailingComment(in: line) { line = String(line[..<comment]) }
            out += line.filter { !$0.isWhitespace }
        }
        // A trailing comma in a list that spans lines is the formatter's, not the code's.
        return out.replacingOccurrences(of: ",]", with: "]").replacingOccurrences(of: ",)", with: ")")
    }

    /// Where a `//` comment starts, outside string literals.
    static func trailingComment(in line: String) -> String.Index? {
        var quotes = 0
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == "\"" { quotes += 1 }
            let next = line.index(after: index)
            if quotes % 2 == 0, line[index] == "/", next < line.endIndex, line[next] == "/" { return index }
            index = next
        }
        return nil
    }

    static func blocks(in url: URL) throws -> [Block] {
        let name = url.path.replacingOccurrences(of: root.path + "/", with: "")
        let lines = try String(contentsOf: url, encoding: .utf8).split(
            separator: "\n",
            omittingEmptySubsequences: false
        )
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            guard lines[index].trimmingCharacters(in: .whitespaces) == "```swift" else {
                index += 1
                continue
            }
            let start = index + 1
            var end = start
            while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces) != "```" { end += 1 }
            let body = lines[start..<end]
            index = end + 1
            if body.contains(where: { $0.contains(".product(name:") || $0.contains(".package(") }) { continue }
            var parts: [[Substring]] = [[]]
            for line in body {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("//"), trimmed.contains("…") {
                    parts.append([])
                } else {
                    parts[parts.count - 1].append(line)
                }
            }
            blocks.append(
                Block(file: name, line: start, parts: parts.map(normalise).filter { !$0.isEmpty })
            )
        }
        return blocks
    }

    static func isQuoted(_ block: Block, in text: String) -> Bool {
        var from = text.startIndex
        for part in block.parts {
            guard let found = text.range(of: part, range: from..<text.endIndex) else { return false }
            from = found.upperBound
        }
        return true
    }

    @Test func everySwiftExampleIsQuotedFromCodeThatIsCompiledAndRun() throws {
        let sources = Self.quotable
        var checked = 0
        for document in Self.documents {
            for block in try Self.blocks(in: document) {
                checked += 1
                #expect(
                    sources.contains { Self.isQuoted(block, in: $0.text) },
                    "\(block): this example is not quoted from a snippet, a test or an example package"
                )
            }
        }
        #expect(checked == 57, "the documents hold \(checked) Swift examples")
    }

    /// The checker itself: a quote matches across formatting, an edited quote does not.
    @Test func theCheckerSeesAnEditedQuote() {
        let source = Self.normalise(
            ["let framework = try AssuranceFramework(", "    modules: [PartnershipModule()],  // the module", ")"]
        )
        let same = Block(
            file: "x",
            line: 1,
            parts: [Self.normalise(["let framework = try AssuranceFramework(modules: [PartnershipModule()])"])]
        )
        let edited = Block(
            file: "x",
            line: 1,
            parts: [Self.normalise(["let framework = try AssuranceFramework(modules: [])"])]
        )
        #expect(Self.isQuoted(same, in: source))
        #expect(!Self.isQuoted(edited, in: source))
    }
}
