// SQLiteStore
//
// The storage seam on the system SQLite: one database file, WAL, versioned records and an append-only change log.
