public import Domain
public import Foundation

extension Workbook {
    /// The workbook as an `.xlsx` file: the same sheets give the same bytes.
    public func data() -> Data {
        var archive = ZipArchive()
        let sheetNumbers = sheets.indices.map { $0 + 1 }
        let overrides = sheetNumbers.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        archive.add(
            "[Content_Types].xml",
            Self.xml(
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                    + overrides + "</Types>"
            )
        )
        archive.add(
            "_rels/.rels",
            Self.xml(
                "<Relationships xmlns=\"\(Self.relationshipsNamespace)\">"
                    + "<Relationship Id=\"rId1\" Type=\"\(Self.officeRelationship)/officeDocument\" "
                    + "Target=\"xl/workbook.xml\"/></Relationships>"
            )
        )
        let sheetEntries = zip(sheets, sheetNumbers).map { sheet, number in
            "<sheet name=\"\(xmlEscaped(sheet.name))\" sheetId=\"\(number)\" r:id=\"rId\(number)\"/>"
        }.joined()
        archive.add(
            "xl/workbook.xml",
            Self.xml(
                "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.officeRelationship)\">"
                    + "<workbookPr date1904=\"\(usesDate1904 ? 1 : 0)\"/><sheets>\(sheetEntries)</sheets></workbook>"
            )
        )
        let sheetRelations = sheetNumbers.map {
            "<Relationship Id=\"rId\($0)\" Type=\"\(Self.officeRelationship)/worksheet\" "
                + "Target=\"worksheets/sheet\($0).xml\"/>"
        }.joined()
        archive.add(
            "xl/_rels/workbook.xml.rels",
            Self.xml(
                "<Relationships xmlns=\"\(Self.relationshipsNamespace)\">\(sheetRelations)"
                    + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.officeRelationship)/styles\" "
                    + "Target=\"styles.xml\"/></Relationships>"
            )
        )
        archive.add("xl/styles.xml", Self.xml(Self.styles))
        for (sheet, number) in zip(sheets, sheetNumbers) {
            archive.add("xl/worksheets/sheet\(number).xml", Self.xml(Self.worksheetXML(sheet)))
        }
        return archive.data()
    }

    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let officeRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// Styles: 0 the default; 1 plain and 2 bold, both wrapping text and aligned to the top (a
    /// spreadsheet program may ignore the default style's alignment, so no cell is written in it).
    private static let styles =
        "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Arial\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Arial\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
        + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
        + "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\">"
        + "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    private static func xml(_ body: String) -> Data {
        Data(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + body).utf8)
    }

    private static func worksheetXML(_ sheet: Worksheet) -> String {
        // Printed to the page's width, as many pages long as it takes.
        var xml =
            "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(officeRelationship)\">"
            + "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        if sheet.frozenRows > 0 {
            let corner = CellAddress(row: sheet.frozenRows + 1, column: 1)
            xml +=
                "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(sheet.frozenRows)\" "
                + "topLeftCell=\"\(corner)\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if !sheet.columnWidths.isEmpty {
            xml += "<cols>"
            for (column, width) in sheet.columnWidths.sorted(by: { $0.key < $1.key }) {
                xml += "<col min=\"\(column)\" max=\"\(column)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        let rows = Dictionary(grouping: sheet.cells.keys, by: \.row)
        for row in rows.keys.sorted() {
            xml += "<row r=\"\(row)\"\(rowHeight(row, in: sheet))>"
            for address in rows[row]!.sorted() {
                let style = sheet.boldRows.contains(row) ? 2 : 1
                xml += cellXML(sheet.cells[address]!, at: address, style: style)
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.dropDowns.isEmpty {
            xml += "<dataValidations count=\"\(sheet.dropDowns.count)\">"
            for dropDown in sheet.dropDowns {
                let letters = CellAddress.letters(of: dropDown.column)
                let list = dropDown.choices.map { $0.replacingOccurrences(of: "\"", with: "\"\"") }.joined(
                    separator: ","
                )
                xml +=
                    "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" "
                    + "sqref=\"\(letters)\(dropDown.rows.lowerBound):\(letters)\(dropDown.rows.upperBound)\">"
                    + "<formula1>\(xmlEscaped("\"" + list + "\""))</formula1></dataValidation>"
            }
            xml += "</dataValidations>"
        }
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        xml += "<headerFooter><oddFooter>&amp;C&amp;A, page &amp;P of &amp;N</oddFooter></headerFooter>"
        return xml + "</worksheet>"
    }

    /// The height a row's wrapped text needs, for spreadsheet programs that do not fit rows to their
    /// text when they open a file (LibreOffice Calc does not): lines of 15 points, each column's text
    /// wrapped at its width in characters.
    private static func rowHeight(_ row: Int, in sheet: Worksheet) -> String {
        var lines = 1
        for column in 1...max(sheet.row(row).count, 1) {
            guard case .text(let text)? = sheet[row, column] else { continue }
            let width = max(Int((sheet.columnWidths[column] ?? 8.43) * 1.1), 1)
            let wrapped = text.split(separator: "\n", omittingEmptySubsequences: false)
                .reduce(0) { $0 + max(1, ($1.count + width - 1) / width) }
            lines = max(lines, wrapped)
        }
        return lines == 1 ? "" : " ht=\"\(lines * 15)\" customHeight=\"1\""
    }

    private static func cellXML(_ value: CellValue, at address: CellAddress, style: Int) -> String {
        switch value {
        case .text(let text):
            return "<c r=\"\(address)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                + xmlEscaped(text) + "</t></is></c>"
        case .number(let number):
            return "<c r=\"\(address)\" s=\"\(style)\"><v>\(CellValue.number(number).text)</v></c>"
        case .bool(let value):
            return "<c r=\"\(address)\" s=\"\(style)\" t=\"b\"><v>\(value ? 1 : 0)</v></c>"
        case .error(let error):
            return "<c r=\"\(address)\" s=\"\(style)\" t=\"e\"><v>\(xmlEscaped(error))</v></c>"
        }
    }
}
