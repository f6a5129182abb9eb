import Foundation

/// An agency's action-plan update as a spreadsheet: the form of its open actions, and its import.
public struct ActionPlanForms: Sendable {
    /// The environment the records are in.
    public let environment: AssuranceEnvironment

    /// Creates the forms over a partnership's records.
    public init(environment: AssuranceEnvironment) { self.environment = environment }

    /// An agency's open actions, by id, with their versions.
    func openActions(of agency: Agency.ID, as principal: Principal) async throws -> [Versioned<TrackedAction>] {
        try await environment.records.all(TrackedAction.self, as: principal)
            .filter { $0.value.ownerAgency == agency && !$0.value.status.isComplete }
            .sorted { ($0.value.dueOn, $0.value.id) < ($1.value.dueOn, $1.value.id) }
    }

    /// An agency's form: every open action it owns, due first.
    public func template(agency agencyID: Agency.ID, as principal: Principal) async throws -> Workbook {
        let records = environment.records
        let agency = try await records.require(Agency.self, id: agencyID, as: principal).value
        let actions = try await openActions(of: agencyID, as: principal)
        let recommendations = try await records.all(Recommendation.self, as: principal).map(\.value).keyed(by: \.id)
        let partnership = try await records.all(Partnership.self, as: principal).first?.value.name ?? "The partnership"
        return ActionPlanForm.workbook(
            partnership: partnership,
            agency: agency,
            actions: actions.map { ($0, recommendations[$0.value.recommendation]?.text ?? "") },
            writtenOn: environment.today()
        )
    }

    /// Imports a filled form: each reported action's status and update, and each completed
    /// action's evidence, in one transaction.
    ///
    /// - Returns: The actions as written.
    /// - Throws: `DomainError.Code.invalidInput` placing the problem by file, sheet, cell and column;
    ///   `DomainError.Code.staleWrite` for an action updated since the form was written. Nothing is
    ///   written.
    @discardableResult
    public func importUpdate(
        _ workbook: Workbook,
        file: String,
        by principal: Principal
    ) async throws -> [TrackedAction] {
        let agencyText: String
        do {
            let details = try FormDetails.find(
                ActionPlanForm.formName,
                version: ActionPlanForm.version,
                in: workbook,
                file: file
            )
            agencyText = try details.text(ActionPlanForm.Label.agencyID, file: file)
        } catch {
            throw error.domainError
        }
        let agency = try Agency.ID(validating: agencyText)
        let held = try await openActions(of: agency, as: principal).keyed(by: \.value.id)
        let progress: [ActionProgress]
        do {
            progress = try ActionPlanForm.read(workbook, file: file, held: held)
        } catch {
            throw error.domainError
        }
        return try await ActionTracker(environment: environment).record(progress, by: principal)
    }
}

/// A meeting's attendance register as a spreadsheet: the form, and its import.
public struct AttendanceRegisterForms: Sendable {
    /// The environment the records are in.
    public let environment: AssuranceEnvironment

    /// Creates the forms over a partnership's records.
    public init(environment: AssuranceEnvironment) { self.environment = environment }

    /// The register of a group's meeting on a day: the meeting's own lists once it is recorded,
    /// else the group's members on the day.
    public func template(group groupID: Group.ID, day: Day, as principal: Principal) async throws -> Workbook {
        let records = environment.records
        let group = try await records.require(Group.self, id: groupID, as: principal).value
        let meeting = try await self.meeting(of: groupID, on: day, as: principal)
        let agencies = try await records.all(Agency.self, as: principal).map(\.value).keyed(by: \.id)
        let listed: Set<Agency.ID>
        if let meeting {
            listed = Set(meeting.value.invited + meeting.value.attended)
        } else {
            listed = Set(
                try await records.all(Membership.self, as: principal).map(\.value)
                    .filter { $0.group == groupID && $0.since <= day && ($0.until.map { $0 >= day } ?? true) }
                    .map(\.agency)
            )
        }
        let partnership = try await records.all(Partnership.self, as: principal).first?.value.name ?? "The partnership"
        return AttendanceRegisterForm.workbook(
            partnership: partnership,
            group: group,
            day: day,
            agencies: listed.compactMap { agencies[$0] }.sorted { $0.name < $1.name },
            meeting: meeting
        )
    }

    private func meeting(of group: Group.ID, on day: Day, as principal: Principal) async throws -> Versioned<Meeting>? {
        try await environment.records.all(Meeting.self, as: principal).first {
            $0.value.group == group && $0.value.day == day
        }
    }

    /// Imports a filled register: the meeting recorded, or its lists changed as a new version.
    ///
    /// - Returns: The meeting as written.
    /// - Throws: `DomainError.Code.invalidInput` placing the problem by file, sheet, cell and column;
    ///   `DomainError.Code.staleWrite` when the meeting was recorded or changed since the register
    ///   was written. Nothing is written.
    @discardableResult
    public func importRegister(_ workbook: Workbook, file: String, by principal: Principal) async throws -> Meeting {
        let records = environment.records
        let agencies = try await records.all(Agency.self, as: principal).map(\.value).keyed(by: \.id)
        let register: AttendanceRegisterForm.Register
        do {
            register = try AttendanceRegisterForm.read(
                workbook,
                file: file,
                agencies: agencies
            )
        } catch {
            throw error.domainError
        }
        let group = try await records.require(Group.self, id: register.group, as: principal).value
        let held = try await meeting(of: register.group, on: register.day, as: principal)
        guard (held?.version ?? 0) == register.version else {
            throw DomainError(
                .staleWrite,
                "\(file): the meeting of \(group.name) on \(register.day) was "
                    + (register.version == 0 ? "recorded" : "changed") + " after the register was written "
                    + "(version \(register.version), now \(held?.version ?? 0)); write the register again",
                context: .init(field: AttendanceRegisterForm.Label.meetingVersion, file: file)
            )
        }
        let id = try held?.value.id ?? Meeting.ID(validating: "meeting-\(register.group)-\(register.day)")
        let meeting = Meeting(
            id: id,
            group: register.group,
            day: register.day,
            invited: register.invited,
            attended: register.attended
        )
        return try await records.save(meeting, version: held?.version ?? 0, by: principal).value
    }
}
