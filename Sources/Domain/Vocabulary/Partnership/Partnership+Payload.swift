// Every view of a partnership reads its agencies (by id, for sectors) and its meetings (for
// attendance); nationally they number in the tens of thousands. These read the payload's nodes
// directly, each exactly the keys its synthesized `init(from:)` reads, in sorted order.
// `PartnershipPayloadDecodingTests` decodes them both ways and compares.

extension Agency: RecordPayloadDecodable {
    /// Reads an agency from its stored payload.
    public init(payload: inout RecordObjectReader) throws {
        id = try payload.id(Agency.self, "id")
        isStatutoryPartner = try payload.bool("isStatutoryPartner")
        locality = try payload.idIfPresent(Locality.self, "locality")
        name = try payload.string("name")
        sector = try payload.raw(AgencySector.self, "sector")
    }
}

extension Meeting: RecordPayloadDecodable {
    /// Reads a meeting from its stored payload, its agency lists as stored.
    public init(payload: inout RecordObjectReader) throws {
        attended = try payload.rawArray(Agency.ID.self, "attended")
        day = try payload.day("day")
        group = try payload.id(Group.self, "group")
        id = try payload.id(Meeting.self, "id")
        invited = try payload.rawArray(Agency.ID.self, "invited")
    }
}
