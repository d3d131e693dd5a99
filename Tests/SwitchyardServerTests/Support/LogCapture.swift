import Logging
import Synchronization

/// An in-memory log handler: records every line and lets a test await a line that matches.
final class LogCapture: Sendable {
    struct Record: Sendable {
        var label: String
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private struct State {
        var records: [Record] = []
        var waiters: [(predicate: @Sendable (Record) -> Bool, continuation: CheckedContinuation<Record, Never>)] = []
    }

    private let state = Mutex(State())

    /// A logger writing here at `level`.
    func logger(label: String, level: Logger.Level = .debug) -> Logger {
        var logger = Logger(label: label) { label in Handler(label: label, capture: self) }
        logger.logLevel = level
        return logger
    }

    var records: [Record] { state.withLock { $0.records } }

    /// Every line's text, metadata values included, for "no secret anywhere" checks.
    var fullText: String {
        records.map { record in
            record.message + " " + record.metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// Returns the first line (already logged or still to come) that matches.
    func first(where predicate: @escaping @Sendable (Record) -> Bool) async -> Record {
        await withCheckedContinuation { continuation in
            state.withLock { state in
                if let found = state.records.first(where: predicate) {
                    continuation.resume(returning: found)
                } else {
                    state.waiters.append((predicate, continuation))
                }
            }
        }
    }

    /// The access-log line of a request.
    func accessLine(requestID: String) async -> Record {
        await first { $0.message == "access" && $0.metadata["request.id"] == requestID }
    }

    fileprivate func append(_ record: Record) {
        let ready = state.withLock { state -> [CheckedContinuation<Record, Never>] in
            state.records.append(record)
            var ready: [CheckedContinuation<Record, Never>] = []
            state.waiters.removeAll { waiter in
                guard waiter.predicate(record) else { return false }
                ready.append(waiter.continuation)
                return true
            }
            return ready
        }
        for continuation in ready { continuation.resume(returning: record) }
    }

    private struct Handler: LogHandler {
        let label: String
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var merged = metadata
            if let explicit = event.metadata { merged.merge(explicit) { $1 } }
            capture.append(
                Record(label: label, level: event.level, message: event.message.description, metadata: merged.mapValues { "\($0)" })
            )
        }
    }
}
