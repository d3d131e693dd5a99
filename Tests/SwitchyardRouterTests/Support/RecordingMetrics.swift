import CoreMetrics
import Synchronization

/// A metrics backend that keeps every value, keyed by `label{name=value,…}` with dimensions sorted.
final class RecordingMetrics: MetricsFactory, Sendable {
    private let values = Mutex<[String: Int64]>([:])

    static func key(_ label: String, _ dimensions: [(String, String)]) -> String {
        label + "{" + dimensions.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: ",") + "}"
    }

    /// The counter's total, or the recorder's last value, for a label and dimensions.
    func value(_ label: String, _ dimensions: [(String, String)]) -> Int64? {
        values.withLock { $0[Self.key(label, dimensions)] }
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        Handler(key: Self.key(label, dimensions), values: self, accumulate: true)
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        Handler(key: Self.key(label, dimensions), values: self, accumulate: false)
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        Handler(key: Self.key(label, dimensions), values: self, accumulate: true)
    }

    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}

    fileprivate func store(_ key: String, _ value: Int64, accumulate: Bool) {
        values.withLock { values in
            values[key] = accumulate ? (values[key] ?? 0) + value : value
        }
    }

    /// Counters and timers add up (a timer counts recordings); recorders keep the last value.
    private final class Handler: CounterHandler, RecorderHandler, TimerHandler, Sendable {
        let key: String
        let values: RecordingMetrics
        let accumulate: Bool

        init(key: String, values: RecordingMetrics, accumulate: Bool) {
            self.key = key
            self.values = values
            self.accumulate = accumulate
        }

        func increment(by amount: Int64) { values.store(key, amount, accumulate: true) }
        func reset() { values.store(key, 0, accumulate: false) }
        func record(_ value: Int64) { values.store(key, value, accumulate: accumulate) }
        func record(_ value: Double) { values.store(key, Int64(value), accumulate: accumulate) }
        func recordNanoseconds(_ duration: Int64) { values.store(key, 1, accumulate: true) }
    }
}
