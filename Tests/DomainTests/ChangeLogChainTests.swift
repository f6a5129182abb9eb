import Foundation
import Testing

@testable import Domain

/// The digest the change log is chained with, against the standard's own examples, and the chain
/// finding each kind of tampering.
struct ChangeLogChainTests {
    /// FIPS 180-4's SHA-256 examples (NIST, "Examples with intermediate values", SHA256.pdf and
    /// SHA2_Additional.pdf): the empty message, "abc", the two-block message and a million `a`s.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func sha256MatchesTheStandardsExamples(message: String, digest: String) {
        #expect(ChangeLogDigest.of(Array(message.utf8)).hex == digest)
    }

    /// Fed in pieces of every size around the block's 64 bytes, the digest is the one of the whole.
    @Test func sha256IsTheSameFedInPieces() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let whole = SHA256.digest(bytes)
        for size in [1, 55, 56, 63, 64, 65, 127, 128, 999] {
            var hasher = SHA256()
            var offset = 0
            while offset < bytes.count {
                hasher.update(Array(bytes[offset..<min(offset + size, bytes.count)]))
                offset += size
            }
            #expect(hasher.finalize() == whole, "pieces of \(size)")
        }
    }

    /// The entry of Documentation/DataFormats.md's backup example, sealed: the digests were computed
    /// from the byte layout `ChangeLogChain` documents by an independent implementation (Python's
    /// `hashlib` and `struct`), so the layout, not only this code, is what is checked.
    @Test func theDocumentedExampleSealsAsAnIndependentImplementationDoes() throws {
        let payload =
            #"{"id":"brackenshire","name":"Brackenshire Safeguarding Children Partnership","timeZoneIdentifier":"Europe/London"}"#
        let record = StoredRecord(
            type: "domain.partnership",
            id: "brackenshire",
            version: 1,
            schemaVersion: 1,
            index: RecordIndex(),
            payload: Data(payload.utf8)
        )
        let content = ChangeLogChain.contentDigest(of: record)
        #expect(content.hex == "f9874d383f214090e0765d151885c777396b77e6f61e9254a86030e5beca88df")
        let entry = ChangeLogChain.sealed(
            ChangeLogEntry(
                sequence: 1,
                at: Date(timeIntervalSinceReferenceDate: 799_200_000),
                principal: "generator",
                kind: .created,
                record: record.reference,
                version: 1
            ),
            content: content,
            after: ChangeLogChain.origin
        )
        #expect(entry.hash?.hex == "168c92b6408d2e236dc957bbf2fe8946ae09b0bccb34cceaf20f7b02bd883798")
    }

    @Test func aDigestReadsBackFromItsHex() throws {
        let digest = ChangeLogDigest.of(Array("x".utf8))
        #expect(ChangeLogDigest(hex: digest.hex) == digest)
        #expect(ChangeLogDigest(hex: digest.hex.uppercased()) == digest)
        #expect(ChangeLogDigest(hex: String(digest.hex.dropLast())) == nil)
        #expect(ChangeLogDigest(hex: String(digest.hex.dropLast()) + "g") == nil)
        #expect(ChangeLogDigest(bytes: [1, 2, 3]) == nil)
        let encoded = try JSONEncoder().encode([digest])
        #expect(String(decoding: encoded, as: UTF8.self) == "[\"\(digest.hex)\"]")
        #expect(try JSONDecoder().decode([ChangeLogDigest].self, from: encoded) == [digest])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ChangeLogDigest].self, from: Data(#"["ab"]"#.utf8))
        }
    }

    /// A store's history, then each kind of tampering a person with the file could do: each is found,
    /// and says where.
    @Test func verificationFindsEachKindOfTampering() async throws {
        let store = InMemoryStore()
        let context = ChangeContext(principal: "lead", at: Date(timeIntervalSinceReferenceDate: 800_000_000))
        let payload = Data(#"{"name":"North"}"#.utf8)
        func record(_ id: String, version: Int = 0) -> StoredRecord {
            StoredRecord(
                type: "test.thing",
                id: Identifier(rawValue: id)!,
                version: version,
                schemaVersion: 1,
                index: RecordIndex(),
                payload: payload
            )
        }
        try await store.apply(
            StoreChanges(records: [.save(record("a")), .save(record("b")), .save(record("c"))]),
            context: context
        )
        try await store.apply(StoreChanges(records: [.save(record("a", version: 1))]), context: context)
        try await store.apply(StoreChanges(records: [.delete(record("c").reference, version: 1)]), context: context)
        let good = try await store.snapshot()
        let sound = StoreVerification.of(good)
        #expect(sound.problems == [])
        #expect(sound.entries == 5)
        #expect(sound.records == 2)
        #expect(sound.head == good.changeLog.last?.hash)

        var edited = good
        edited.changeLog[1].principal = "someone-else"
        #expect(StoreVerification.of(edited).problems.map(\.location) == ["change log entry 2"])

        var cut = good
        cut.changeLog.removeSubrange(1...2)
        let cutProblems = StoreVerification.of(cut).problems
        #expect(cutProblems.first?.location == "change log entry 4")
        #expect(cutProblems.first?.message.hasPrefix("entries 2–3 are missing") == true)

        var forged = good
        var extra = good.changeLog[4]
        extra.sequence = 10
        extra.kind = .deleted
        forged.changeLog.append(extra)
        #expect(StoreVerification.of(forged).problems.map(\.location).contains("change log entry 10"))

        var changed = good
        changed.records[0].payload = Data(#"{"name":"South"}"#.utf8)
        let changedProblems = StoreVerification.of(changed).problems
        #expect(changedProblems.map(\.location) == ["record test.thing/a"])
        #expect(changedProblems.first?.message.contains("changed outside the store") == true)

        var bumped = good
        bumped.records[1].version = 4
        #expect(StoreVerification.of(bumped).problems.first?.message.contains("is at version 4") == true)

        var removed = good
        removed.records.remove(at: 1)
        #expect(StoreVerification.of(removed).problems.first?.message.contains("removed outside the store") == true)

        var revived = good
        revived.records.append(record("c", version: 1))
        #expect(StoreVerification.of(revived).problems.first?.message.contains("put back outside the store") == true)

        var unlogged = good
        unlogged.records.append(record("d", version: 1))
        #expect(StoreVerification.of(unlogged).problems.first?.message.contains("no change-log entry") == true)
    }

    /// A store restores a backup only when it verifies, and chains a log written before chaining.
    @Test func aRestoreChainsAnUnchainedLogAndRefusesATamperedOne() async throws {
        let source = InMemoryStore()
        let context = ChangeContext(principal: "lead", at: Date(timeIntervalSinceReferenceDate: 800_000_000))
        let thing = StoredRecord(
            type: "test.thing",
            id: "a",
            version: 0,
            schemaVersion: 1,
            index: RecordIndex(),
            payload: Data("{}".utf8)
        )
        try await source.apply(StoreChanges(records: [.save(thing)]), context: context)
        var unchained = try await source.snapshot()
        for index in unchained.changeLog.indices {
            unchained.changeLog[index].hash = nil
            unchained.changeLog[index].contentDigest = nil
        }
        let target = InMemoryStore()
        try await target.restore(unchained)
        let restored = try await target.snapshot()
        #expect(restored.changeLog.allSatisfy { $0.hash != nil && $0.contentDigest == nil })
        #expect(StoreVerification.of(restored).entriesWithoutContent == 1)

        var half = try await source.snapshot()
        half.changeLog[0].hash = nil
        await #expect(throws: DomainError.self) { try await InMemoryStore().restore(half) }
    }
}
