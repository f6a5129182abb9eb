/// The kind of a module's identifier.
public enum ModuleKind: IdentifierKind, Sendable {
    /// The noun used in messages.
    public static var noun: String { "module" }
}

/// A module's stable id, such as `section11`: what stored signals and profiles name a module by,
/// so that a module may be renamed for people (``AssuranceModule/name``) without losing anything.
public typealias ModuleID = Identifier<ModuleKind>

extension ModuleID {
    /// The ids the package's modules had before modules had ids: each name slugged (lower case,
    /// words joined by hyphens), with the package's own modules given their ids, so that a signal
    /// or a profile written under a name is read as the module's.
    ///
    /// - Parameter name: A module's display name, such as `Section 11` or `Child exploitation`.
    /// - Returns: The id it stands for: `section11`, `child-exploitation`.
    public static func formerlyNamed(_ name: String) -> ModuleID {
        if let known = packageModules[name] { return known }
        var slug = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return ModuleID(rawValue: String(slug.prefix(ModuleID.maximumLength))) ?? "module"
    }

    /// The package's modules' display names and ids.
    static let packageModules: [String: ModuleID] = [
        "Partnership": "partnership", "Section 11": "section11", "Audit": "audit", "Measures": "measures",
        "Learning": "learning", "Local rules": "local-rules",
    ]
}
