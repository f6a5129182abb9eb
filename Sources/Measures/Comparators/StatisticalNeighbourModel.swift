import Domain
public import Foundation

/// The Department for Education's statistical neighbour model: for each local authority, its ten
/// closest authorities, each with a closeness band.
public struct StatisticalNeighbourModel: Hashable, Sendable {
    /// One authority's neighbours.
    public struct Entry: Hashable, Sendable {
        /// The authority's three-digit code.
        public var code: String
        /// Its name.
        public var name: String
        /// Its neighbours' codes, closest first.
        public var neighbours: [String]
        /// Each neighbour's closeness band, such as `Very close`, trimmed.
        public var closeness: [String]
    }

    /// The entries, by authority code.
    public var entries: [String: Entry]

    /// Reads the model as published: `old_la_code`, `la_name`, then `SN_1` … `SN_10` with `SN_1P` … bands.
    ///
    /// - Throws: `DomainError.Code.invalidInput` naming the file, line and column.
    public init(data: Data, source: String) throws {
        var reader = try CSVReader(data: data, source: source)
        let code = try reader.requireColumn("old_la_code")
        let name = try reader.requireColumn("la_name")
        var neighbourColumns: [(Int, Int?)] = []
        var number = 1
        while let column = reader.column("SN_\(number)") {
            neighbourColumns.append((column, reader.column("SN_\(number)P")))
            number += 1
        }
        guard !neighbourColumns.isEmpty else {
            throw DomainError(
                .invalidInput,
                "\(source):1: the header has no column \"SN_1\"; expected SN_1 … SN_10 neighbour columns"
            )
        }
        // The model's codes are the three-digit local authority numbers of the published statistics;
        // a name or an ONS code in their place would match nothing, silently.
        func isCode(_ text: String) -> Bool {
            text.count == 3 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
        }
        var entries: [String: Entry] = [:]
        while try reader.next() {
            let authority = reader.field(code)
            guard isCode(authority) else {
                throw reader.problem(code, "is not a local authority code; expected three digits such as 878")
            }
            var neighbours: [String] = []
            var closeness: [String] = []
            for (column, band) in neighbourColumns where !reader.isEmpty(column) {
                guard isCode(reader.field(column)) else {
                    throw reader.problem(column, "is not a local authority code; expected three digits such as 878")
                }
                neighbours.append(reader.field(column))
                closeness.append(band.map { reader.field($0).trimmingCharacters(in: .whitespaces) } ?? "")
            }
            if entries[authority] != nil {
                throw DomainError(.invalidInput, "\(source):\(reader.line): authority \(authority) appears twice")
            }
            entries[authority] = Entry(
                code: authority,
                name: reader.field(name),
                neighbours: neighbours,
                closeness: closeness
            )
        }
        self.entries = entries
    }
}
