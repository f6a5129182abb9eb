import AssuranceTesting
import Domain
import Foundation
import Testing

/// Agencies and meetings read themselves from the store's parsed payload (`RecordPayloadDecodable`);
/// they must read exactly what their synthesized `init(from:)` reads, and leave to Foundation what it
/// refuses.
struct PartnershipPayloadDecodingTests {
    func agency(_ number: Int) -> Agency {
        Agency(
            id: Agency.ID(rawValue: "agency-\(number)")!,
            name: "St Mary’s “Academy” \(number)\n",
            sector: AgencySector.knownSectors[number % AgencySector.knownSectors.count],
            isStatutoryPartner: number % 2 == 0,
            locality: number % 3 == 0 ? nil : Locality.ID(rawValue: "loc-\(number % 3)")!
        )
    }

    func meeting(_ number: Int) -> Meeting {
        let agencies = (0..<(number % 5)).map { Agency.ID(rawValue: "agency-\($0)")! }
        return Meeting(
            id: Meeting.ID(rawValue: "meeting-\(number)")!,
            group: "pdg",
            day: Day.fixture("2025-04-01").adding(days: number),
            invited: agencies,
            attended: Array(agencies.prefix(number % 3))
        )
    }

    @Test func readingTheNodesGivesWhatDecodableGives() throws {
        for number in 0..<12 {
            try PayloadDecodingCheck.readsWhatDecodableReads(agency(number))
            try PayloadDecodingCheck.readsWhatDecodableReads(meeting(number))
        }
    }

    @Test func aStoredListOutOfOrderIsReadAsStored() throws {
        let payload = #"{"attended":["b","a"],"day":"2025-04-01","group":"pdg","id":"m","invited":["b","a","b"]}"#
        let read = try RecordJSONDecoder().decode(Meeting.self, from: Data(payload.utf8))
        #expect(read == (try JSONDecoder().decode(Meeting.self, from: Data(payload.utf8))))
        #expect(read.invited.map(\.rawValue) == ["b", "a", "b"])
    }

    @Test func whatTheReaderRefusesFoundationDecides() throws {
        let agencyText = String(decoding: try RecordJSONEncoder().encode(agency(1)), as: UTF8.self)
        let meetingText = String(decoding: try RecordJSONEncoder().encode(meeting(4)), as: UTF8.self)
        let brokenAgencies = [
            agencyText.replacingOccurrences(of: #""isStatutoryPartner":false"#, with: #""isStatutoryPartner":0"#),
            agencyText.replacingOccurrences(of: #""locality":"loc-1","#, with: #""locality":"","#),
            agencyText.replacingOccurrences(of: #""sector":"#, with: #""sectors":"#),
        ]
        for payload in brokenAgencies {
            #expect(payload != agencyText)
            try PayloadDecodingCheck.refusesAsFoundationDoes(Agency.self, payload: Data(payload.utf8))
        }
        let brokenMeetings = [
            meetingText.replacingOccurrences(of: #""day":"2025-04-05""#, with: #""day":"2025-04-31""#),
            meetingText.replacingOccurrences(of: #""attended":["agency-0"]"#, with: #""attended":[null]"#),
        ]
        for payload in brokenMeetings {
            #expect(payload != meetingText)
            try PayloadDecodingCheck.refusesAsFoundationDoes(Meeting.self, payload: Data(payload.utf8))
        }
    }
}
