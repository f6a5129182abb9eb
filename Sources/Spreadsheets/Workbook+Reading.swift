public import Domain
public import Foundation

extension Workbook {
    /// Reads a workbook's sheets and their cells.
    ///
    /// - Parameters:
    ///   - data: The `.xlsx` file's bytes.
    ///   - file: The name errors give the file.
    /// - Throws: ``SpreadsheetError`` for a file that is not a workbook, or a part of it that is not
    ///   XML as the format has it, naming the part.
    public init(data: Data, file: String) throws(SpreadsheetError) {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(data: data)
        } catch {
            throw SpreadsheetError(file: file, message: error.message)
        }
        var reader = WorkbookReader(archive: archive, file: file)
        self.init(sheets: [])
        let (sheets, date1904) = try reader.read()
        self.sheets = sheets
        self.usesDate1904 = date1904
    }
}

/// Reads the parts of a workbook archive.
private struct WorkbookReader {
    let archive: ZipArchive
    let file: String

    mutating func read() throws(SpreadsheetError) -> ([Worksheet], Bool) {
        let workbookPath = try officeDocument()
        let workbook = try part(workbookPath)
        let relations = try self.relations(of: workbookPath)
        let date1904 = workbook.child("workbookPr")?.attribute("date1904").map { ["1", "true"].contains($0) } ?? false
        let strings = try sharedStrings(relations, base: workbookPath)
        guard let sheetList = workbook.child("sheets") else {
            throw SpreadsheetError(file: file, message: "\(workbookPath) lists no sheets; save the file again")
        }
        var sheets: [Worksheet] = []
        for entry in sheetList.children("sheet") {
            let name = entry.attribute("name") ?? "Sheet\(sheets.count + 1)"
            guard let id = entry.attributes["r:id"] ?? entry.attribute("id"), let target = relations[id]?.target else {
                throw SpreadsheetError(file: file, sheet: name, message: "the sheet has no part in the workbook")
            }
            let path = Self.resolve(target, from: workbookPath)
            sheets.append(try sheet(named: name, part: self.part(path, sheet: name), strings: strings))
        }
        return (sheets, date1904)
    }

    func officeDocument() throws(SpreadsheetError) -> String {
        guard archive["_rels/.rels"] != nil else {
            if archive["content.xml"] != nil {
                throw SpreadsheetError(
                    file: file,
                    message: "the file is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx)"
                )
            }
            throw SpreadsheetError(file: file, message: "the file is a zip archive but not a workbook (.xlsx)")
        }
        let relations = try self.relations(of: "")
        guard let document = relations.values.first(where: { $0.type.hasSuffix("/officeDocument") }) else {
            throw SpreadsheetError(file: file, message: "the file is not a workbook: it names no office document")
        }
        return Self.resolve(document.target, from: "")
    }

    func part(_ path: String, sheet: String? = nil) throws(SpreadsheetError) -> XMLElement {
        guard let data = archive[path] else {
            throw SpreadsheetError(file: file, sheet: sheet, message: "the workbook has no part \(path); save it again")
        }
        do {
            return try XMLParser.parse(data)
        } catch {
            throw SpreadsheetError(
                file: file,
                sheet: sheet,
                message: "\(path), line \(error.line), is not XML as a workbook has it: \(error.message)"
            )
        }
    }

    /// A part's relationships by id: where each points and of what type.
    func relations(of path: String) throws(SpreadsheetError) -> [String: (target: String, type: String)] {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let relationsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard archive[relationsPath] != nil else { return [:] }
        var relations: [String: (target: String, type: String)] = [:]
        for relation in try part(relationsPath).children("Relationship") {
            guard let id = relation.attribute("Id"), let target = relation.attribute("Target") else { continue }
            relations[id] = (target, relation.attribute("Type") ?? "")
        }
        return relations
    }

    /// A relationship's target as a path in the archive.
    static func resolve(_ target: String, from source: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = (source as NSString).deletingLastPathComponent.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." {
                _ = parts.popLast()
            } else if piece != "." {
                parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    func sharedStrings(
        _ relations: [String: (target: String, type: String)],
        base: String
    ) throws(SpreadsheetError) -> [String] {
        let target = relations.values.first { $0.type.hasSuffix("/sharedStrings") }?.target
        let path = target.map { Self.resolve($0, from: base) } ?? "xl/sharedStrings.xml"
        guard archive[path] != nil else { return [] }
        return try part(path).children("si").map(Self.text(of:))
    }

    /// A string item's text: its `t`, or its runs' `t`s, leaving out phonetic readings.
    static func text(of item: XMLElement) -> String {
        if let plain = item.child("t") { return plain.allText }
        return item.children("r").compactMap { $0.child("t")?.allText }.joined()
    }

    func sheet(named name: String, part: XMLElement, strings: [String]) throws(SpreadsheetError) -> Worksheet {
        var sheet = Worksheet(name: name)
        var rowNumber = 0
        for row in part.child("sheetData")?.children("row") ?? [] {
            rowNumber = row.attribute("r").flatMap { Int($0) } ?? rowNumber + 1
            var columnNumber = 0
            for cell in row.children("c") {
                let address = cell.attribute("r").flatMap { CellAddress($0) }
                columnNumber = address?.column ?? columnNumber + 1
                let place = CellAddress(row: address?.row ?? rowNumber, column: columnNumber)
                if let value = try value(of: cell, at: place, sheet: name, strings: strings) {
                    sheet.cells[place] = value
                }
            }
        }
        return sheet
    }

    func value(
        of cell: XMLElement,
        at place: CellAddress,
        sheet: String,
        strings: [String]
    ) throws(SpreadsheetError) -> CellValue? {
        let raw = cell.child("v")?.allText
        switch cell.attribute("t") ?? "n" {
        case "s":
            guard let index = raw.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                strings.indices.contains(index)
            else {
                throw SpreadsheetError(
                    file: file,
                    sheet: sheet,
                    cell: place,
                    message: "the cell names shared string \(raw ?? "none"), which the workbook does not have"
                )
            }
            return strings[index].isEmpty ? nil : .text(strings[index])
        case "inlineStr":
            let text = cell.child("is").map(Self.text(of:)) ?? ""
            return text.isEmpty ? nil : .text(text)
        case "str":
            return raw.flatMap { $0.isEmpty ? nil : .text($0) }
        case "b":
            return raw.map { .bool($0.trimmingCharacters(in: .whitespaces) == "1") }
        case "e":
            return raw.map { .error($0) }
        default:
            guard let raw, !raw.isEmpty else { return nil }
            guard let number = Double(raw.trimmingCharacters(in: .whitespaces)) else {
                throw SpreadsheetError(
                    file: file,
                    sheet: sheet,
                    cell: place,
                    value: raw,
                    message: "the cell is stored as a number but holds \(raw)"
                )
            }
            return .number(number)
        }
    }
}
