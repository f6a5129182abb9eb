import Domain

/// Each recommendation id's first position in an array of recommendations, found by a table keyed
/// by the id's bytes.
///
/// A national tracker joins hundreds of thousands of actions, impact records and work-stream
/// members to their recommendations by id. A `Dictionary` keyed by the id hashes every byte with
/// SipHash and compares through the id's string; this table hashes eight bytes at a time, keeps
/// the hash beside the position so most probes compare one word, and is half empty, so a probe
/// rarely moves on. The ids are the partnership's own records, not text from outside, which is why
/// a fixed, unseeded hash serves here where `Hasher`'s seeding would guard a table open to anyone.
struct RecommendationPositions {
    private let recommendations: [Recommendation]
    /// The first position of each position's id.
    private var firsts: [Int32]
    private var entries: [Entry]
    private let mask: Int
    /// The position last found: ids asked for in the store's order are usually at it or after it.
    private var cursor = 0

    private struct Entry {
        var hash: UInt64 = 0
        var position: Int32 = -1
    }

    /// Indexes the recommendations' ids; where an id repeats, its first position stands.
    init(_ recommendations: [Recommendation]) {
        self.recommendations = recommendations
        var capacity = 16
        while capacity < recommendations.count * 2 { capacity <<= 1 }
        entries = [Entry](repeating: Entry(), count: capacity)
        firsts = []
        firsts.reserveCapacity(recommendations.count)
        mask = capacity - 1
        for (position, recommendation) in recommendations.enumerated() {
            let hash = identifierHash(recommendation.id.rawValue)
            let bucket = bucket(of: recommendation.id, hash: hash)
            if entries[bucket].position < 0 { entries[bucket] = Entry(hash: hash, position: Int32(position)) }
            firsts.append(entries[bucket].position)
        }
    }

    /// How many recommendations it indexes.
    var count: Int { recommendations.count }

    /// The first position of the recommendation at a position's id.
    func first(_ position: Int) -> Int { Int(firsts[position]) }

    /// The first position of the recommendation with an id, or `nil` when none has it.
    mutating func position(of id: Recommendation.ID) -> Int? {
        // Actions, impact and members read in id order name recommendations in id order too, so the
        // one last found or the next is nearly always the one asked for, and no bucket is read.
        for candidate in cursor..<min(cursor + 2, recommendations.count) where recommendations[candidate].id == id {
            cursor = candidate
            return Int(firsts[candidate])
        }
        let position = entries[bucket(of: id, hash: identifierHash(id.rawValue))].position
        guard position >= 0 else { return nil }
        cursor = Int(position)
        return Int(position)
    }

    /// The bucket holding an id, or the empty bucket where it would go.
    private func bucket(of id: Recommendation.ID, hash: UInt64) -> Int {
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while case let entry = entries[bucket], entry.position >= 0 {
            if entry.hash == hash, recommendations[Int(entry.position)].id == id { return bucket }
            bucket = (bucket + 1) & mask
        }
        return bucket
    }
}

/// A 64-bit hash of a text's UTF-8 bytes, eight at a time, mixed as MurmurHash3's finaliser mixes.
func identifierHash(_ text: String) -> UInt64 {
    var text = text
    return text.withUTF8 { bytes in
        let raw = UnsafeRawBufferPointer(bytes)
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var offset = 0
        while offset + 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < raw.count {
            tail |= UInt64(raw[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 29)
    }
}
