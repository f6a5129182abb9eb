extension PartnershipModule: ProfileConfigurable {
    /// The module's settings at their defaults.
    public static var starterProfile: JSONValue {
        let attendance = PartnershipModule().attendance
        return .object([
            "settings": .object([
                "attendanceThreshold": .number(attendance.threshold),
                "attendanceMeetings": .number(Double(attendance.meetings)),
                "attendanceMinimumMeetings": .number(Double(attendance.minimumMeetings)),
            ])
        ])
    }

    /// The module configured from its part of a profile: its settings.
    public init(profile part: ProfileReader?) {
        self.init()
        guard let part, part.fields(allowing: ["settings"]) != nil, let settings = part.child("settings") else {
            return
        }
        _ = settings.fields(allowing: ["attendanceThreshold", "attendanceMeetings", "attendanceMinimumMeetings"])
        attendance.threshold = settings.child("attendanceThreshold")?.number(in: 0...1) ?? attendance.threshold
        attendance.meetings = settings.child("attendanceMeetings")?.integer(in: 1...60) ?? attendance.meetings
        attendance.minimumMeetings =
            settings.child("attendanceMinimumMeetings")?.integer(in: 1...60) ?? attendance.minimumMeetings
    }

    /// None: the partnership's structure is the profile's own part.
    public var profileRecords: [any StorableRecord] { [] }
}
