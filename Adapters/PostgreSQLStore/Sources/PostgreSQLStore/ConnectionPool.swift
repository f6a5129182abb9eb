import Domain
import Foundation

/// A small pool of connections: each lent to one caller at a time, opened when first needed, up to a
/// maximum; a caller beyond it waits its turn.
actor ConnectionPool {
    private let conninfo: String
    private let maximum: Int
    private let prepare: @Sendable (Connection) throws -> Void
    private var idle: [Connection] = []
    private var opened = 0
    private var waiting: [CheckedContinuation<Connection?, Never>] = []

    init(conninfo: String, maximum: Int, prepare: @escaping @Sendable (Connection) throws -> Void) {
        self.conninfo = conninfo
        self.maximum = max(1, maximum)
        self.prepare = prepare
    }

    /// Lends a connection, opening one when none is idle and the pool is below its maximum.
    func acquire() async throws -> Connection {
        if let connection = idle.popLast() { return connection }
        if opened < maximum {
            opened += 1
            do {
                let connection = try await Connection.open(conninfo, label: "qaf.postgres.connection\(opened)")
                let prepare = self.prepare
                try await connection.run { try prepare($0) }
                return connection
            } catch {
                opened -= 1
                wakeOne()
                throw error
            }
        }
        if let connection = await withCheckedContinuation({ waiting.append($0) }) { return connection }
        return try await acquire()
    }

    /// Takes a connection back; a broken one is closed, so that the next caller opens a new one.
    func release(_ connection: Connection) {
        guard connection.isHealthy else {
            opened -= 1
            wakeOne()
            return
        }
        if !waiting.isEmpty {
            waiting.removeFirst().resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }

    /// Wakes one waiting caller to open a connection of its own in place of one closed.
    private func wakeOne() {
        if !waiting.isEmpty { waiting.removeFirst().resume(returning: nil) }
    }

    /// Closes every idle connection.
    func drain() {
        opened -= idle.count
        idle.removeAll()
    }

    /// Runs blocking work on a lent connection, off Swift's cooperative pool.
    func with<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        let connection = try await acquire()
        do {
            let value = try await connection.run(body)
            release(connection)
            return value
        } catch {
            release(connection)
            throw error
        }
    }
}
