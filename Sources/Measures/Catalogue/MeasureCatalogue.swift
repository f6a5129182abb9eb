public import Domain
public import Foundation

/// A list of measure definitions: the starter catalogue, or a partnership's own edited copy.
///
/// The catalogue is data a host can copy and edit: ``json()`` writes it and ``init(json:source:)``
/// reads it back, refusing a bad file with the path to the bad field.
public struct MeasureCatalogue: Hashable, Sendable {
    /// The definitions, in order.
    public private(set) var definitions: [MeasureDefinition]

    /// Creates a catalogue.
    ///
    /// - Throws: `DomainError.Code.invalidInput` when a definition is invalid or an id repeats.
    public init(_ definitions: [MeasureDefinition]) throws(DomainError) {
        var seen = Set<MeasureID>()
        for definition in definitions {
            try definition.validate()
            guard seen.insert(definition.id).inserted else {
                throw DomainError(.invalidInput, "the catalogue defines measure \(definition.id) twice")
            }
        }
        self.definitions = definitions
    }

    init(trusted definitions: [MeasureDefinition]) {
        self.definitions = definitions
    }

    /// The definition of a measure, or `nil`.
    public subscript(id: MeasureID) -> MeasureDefinition? { definitions.first { $0.id == id } }

    /// The definitions by id.
    public var byID: [MeasureID: MeasureDefinition] {
        definitions.keyed(by: \.id)
    }

    /// The catalogue as JSON, keys sorted, for a host to copy and edit.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(CatalogueFile(version: 1, measures: definitions))
    }

    /// Reads a catalogue from JSON.
    ///
    /// - Throws: `DomainError.Code.invalidInput` with the path to the bad field.
    public init(json data: Data, source: String) throws {
        let file: CatalogueFile
        do {
            file = try JSONDecoder().decode(CatalogueFile.self, from: data)
        } catch {
            throw DomainError.decoding(error, in: source)
        }
        guard file.version == 1 else {
            throw DomainError(.invalidInput, "\(source): catalogue format version \(file.version); expected 1")
        }
        try self.init(file.measures)
    }

    private struct CatalogueFile: Codable {
        var version: Int
        var measures: [MeasureDefinition]
    }
}
