extension PartnershipProfile {
    /// The starter profile, the one the demo uses.
    ///
    /// It holds the framework the package was built from (the Devon Safeguarding Children
    /// Partnership's Quality Assurance Framework), its groups and cadences, the package's escalation and
    /// reminder policies (local defaults where the framework gives no figure), and each module's part
    /// as the module ships it. It is the one place a partnership's name is written into the package.
    ///
    /// - Parameter modules: The modules whose parts it holds.
    /// - Returns: The profile.
    public static func starter(modules: [any ProfileConfigurable.Type]) -> PartnershipProfile {
        var parts: [String: JSONValue] = [:]
        for type in modules { parts[moduleID(type).rawValue] = type.starterProfile }
        return PartnershipProfile(
            partnershipID: "partnership",
            partnershipName: "Safeguarding Children Partnership",
            framework: FrameworkDocument(
                name: "Devon SCP Quality Assurance Framework",
                sections: [
                    .businessTeam: "The Role of the Devon SCP Business Team",
                    .voices: "The Voices of Devon's Children and Families",
                ]
            ),
            groups: [
                Group(id: "executive", name: "Executive", kind: .executive),
                Group(
                    id: "pdg",
                    name: "Practice Development Group",
                    kind: .practiceDevelopmentGroup,
                    reportsTo: "executive"
                ),
                Group(
                    id: "qadg",
                    name: "Quality Assurance Delivery Group",
                    kind: .qualityAssuranceDeliveryGroup,
                    reportsTo: "pdg"
                ),
                Group(
                    id: "wdg",
                    name: "Workforce Development Group",
                    kind: .workforceDevelopmentGroup,
                    reportsTo: "pdg"
                ),
                Group(
                    id: "lcsprg",
                    name: "Local Child Safeguarding Practice Review Group",
                    kind: .practiceReviewGroup,
                    reportsTo: "pdg"
                ),
                Group(
                    id: "cceg",
                    name: "Connecting, Communicating and Engaging Group",
                    kind: .connectingCommunicatingEngaging,
                    reportsTo: "pdg"
                ),
            ],
            escalation: .standard,
            reminders: .standard,
            modules: parts
        )
    }
}
