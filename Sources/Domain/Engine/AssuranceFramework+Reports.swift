extension AssuranceFramework {
    /// A view for making a report, once its maker is allowed to read what the report shows: the one
    /// access check of a report.
    ///
    /// A report draws on every module's records, so its maker must be able to read what it shows:
    /// the partnership's findings; for an agency's report, that agency's records (and no other
    /// agency's are shown); for an internal report, the audit case records too. Sections read the
    /// view the check returns and ask nothing more of the policy.
    ///
    /// ```swift
    /// let view = try framework.view(for: request, as: chair)
    /// let sections = try await framework.reportSections(for: request, in: view)
    /// ```
    ///
    /// - Throws: ``DomainError/Code/accessDenied`` naming the principal and the report;
    ///   ``DomainError/Code/invalidInput`` for a kind the framework does not know, a report about an
    ///   agency or a group that names none, or a period of a kind the report does not cover.
    public func view(for request: ReportRequest, as principal: Principal) throws(DomainError) -> AssuranceView {
        let definition = try reportDefinition(for: request.kind)
        try definition.check(request)
        try checkReader(principal, of: request, definition)
        return AssuranceView(
            store: environment.store,
            calendar: environment.calendar,
            timeZone: environment.timeZone,
            moduleNames: moduleNames,
            decodedRecords: environment.decodedRecords,
            reader: principal,
            document: document,
            measures: measureDescriptions
        )
    }

    private func checkReader(
        _ principal: Principal,
        of request: ReportRequest,
        _ definition: ReportDefinition
    ) throws(DomainError) {
        let access = environment.access
        let name = definition.title
        let report = RecordReference(type: "domain.report", id: Identifier(unchecked: request.kind.rawValue))
        if definition.subject == .agency, let agency = request.agency {
            guard access.permits(principal, .read, AccessScope(.section11Assessment, agency: agency)),
                access.permits(principal, .read, AccessScope(.finding, agency: agency))
            else {
                throw DomainError(
                    .accessDenied,
                    "principal \(principal) may not make the \(name.lowercased()) report of agency \(agency): it may not read that agency's records",
                    context: .init(record: report, field: "agency", value: agency.rawValue)
                )
            }
        } else if !access.permits(principal, .read, AccessScope(.finding)) {
            throw DomainError(
                .accessDenied,
                "principal \(principal) may not make a \(name) report: it may not read the partnership's findings",
                context: .init(record: report)
            )
        }
        if request.audience == .internal, !access.permits(principal, .read, AccessScope(.auditCaseRecord)) {
            throw DomainError(
                .accessDenied,
                "principal \(principal) may not make an internal \(name) report: it may not read audit case records; "
                    + "make a partnership report instead",
                context: .init(record: report, field: "audience", value: request.audience.rawValue)
            )
        }
    }

    /// The sections of a report from every composed module that contributes to its kind, in module
    /// order, all read through one view.
    ///
    /// - Parameters:
    ///   - request: The report asked for.
    ///   - view: The view the report is made from (``view(for:as:)``), shared by every section so
    ///     that each analysis is made once.
    /// - Returns: The sections, in module order and each module's own order.
    /// - Throws: What a module throws reading its records.
    public func reportSections(for request: ReportRequest, in view: AssuranceView) async throws -> [ReportSection] {
        var sections: [ReportSection] = []
        for module in modules where module.contributes(to: request.kind) {
            sections += try await module.reportSections(for: request, in: view).sorted { $0.order < $1.order }
        }
        return sections
    }
}

extension ReportDefinition {
    /// Checks a request is one this kind of report can answer: the agency or group it is about,
    /// and a period of a kind it covers.
    ///
    /// - Throws: ``DomainError/Code/invalidInput`` saying what is missing or wrong.
    public func check(_ request: ReportRequest) throws(DomainError) {
        if subject == .agency, request.agency == nil {
            throw DomainError(
                .invalidInput,
                "\(title) is about one agency; name the agency",
                context: .init(field: "agency")
            )
        }
        if subject == .group, request.group == nil {
            throw DomainError(
                .invalidInput,
                "a \(title.lowercased()) is about a group; name the group",
                context: .init(field: "group")
            )
        }
        if !periodKinds.isEmpty, !periodKinds.contains(request.period.kind) {
            let kinds = periodKinds.map(\.rawValue).joined(separator: " or ")
            throw DomainError(
                .invalidInput,
                "a \(title.lowercased()) covers a \(kinds); \(request.period) is a \(request.period.kind.rawValue)",
                context: .init(field: "period", value: request.period.description, expected: kinds)
            )
        }
    }
}
