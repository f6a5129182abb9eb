extension DomainError.Code {
    /// The BSD `sysexits.h` status a command-line tool exits with for this error, so that every tool
    /// built on the package (`qaf`, `qaf-postgres`, a host's own) reports the same failure alike.
    ///
    /// 65 (`EX_DATAERR`) for data that is wrong, too new, not ours, damaged, stale or refused; 66
    /// (`EX_NOINPUT`) for something named that does not exist; 70 (`EX_SOFTWARE`) for a store or
    /// delivery that failed.
    public var exitStatus: Int32 {
        switch self {
        case .notFound: 66
        case .storeFailed, .deliveryFailed: 70
        default: 65
        }
    }
}
