extension PartnershipModule: ProfileConfigurable {
    /// The module's settings at their defaults.
    public static var starterProfile: JSONValue {
        let module = PartnershipModule()
        let attendance = module.attendance
        return .object([
            "settings": .object([
                "attendanceThreshold": .number(attendance.threshold),
                "attendanceMeetings": .number(Double(attendance.meetings)),
                "attendanceMinimumMeetings": .number(Double(attendance.minimumMeetings)),
                "priorityGraceMonths": .number(Double(module.priorityGraceMonths)),
                "voiceWindowMonths": .number(Double(module.voiceWindowMonths)),
            ])
        ])
    }

    /// The module configured from its part of a profile: its settings.
    public init(profile part: ProfileReader?) {
        self.init()
        guard let part, part.fields(allowing: ["settings"]) != nil, let settings = part.child("settings") else {
            return
        }
        _ = settings.fields(allowing: [
            "attendanceThreshold", "attendanceMeetings", "attendanceMinimumMeetings", "priorityGraceMonths",
            "voiceWindowMonths",
        ])
        priorityGraceMonths = settings.child("priorityGraceMonths")?.integer(in: 0...12) ?? priorityGraceMonths
        voiceWindowMonths = settings.child("voiceWindowMonths")?.integer(in: 1...60) ?? voiceWindowMonths
        attendance.threshold = settings.child("attendanceThreshold")?.number(in: 0...1) ?? attendance.threshold
        attendance.meetings = settings.child("attendanceMeetings")?.integer(in: 1...60) ?? attendance.meetings
        attendance.minimumMeetings =
            settings.child("attendanceMinimumMeetings")?.integer(in: 1...60) ?? attendance.minimumMeetings
    }

    /// None: the partnership's structure is the profile's own part.
    public var profileRecords: [any StorableRecord] { [] }
}
