import CoreMetrics
import Synchronization

/// An in-memory metrics backend for one test: counters and timer recordings by label and dimensions.
final class TestMetrics: MetricsFactory, Sendable {
    private let counters = Mutex<[String: TestCounter]>([:])
    private let timers = Mutex<[String: TestTimer]>([:])

    static func key(_ label: String, _ dimensions: [(String, String)]) -> String {
        ([label] + dimensions.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }).joined(separator: ",")
    }

    /// The sum of every counter with this label whose dimensions include `matching`.
    func counterValue(_ label: String, matching: [(String, String)] = []) -> Int64 {
        counters.withLock { counters in
            counters.values.filter { counter in
                counter.label == label && matching.allSatisfy { pair in counter.dimensions.contains { $0 == pair } }
            }.reduce(0) { $0 + $1.value }
        }
    }

    /// How many durations timers with this label recorded.
    func timerCount(_ label: String) -> Int {
        timers.withLock { $0.values.filter { $0.label == label }.reduce(0) { $0 + $1.count } }
    }

    /// Every dimension value reported under a dimension name, across all metrics.
    func dimensionValues(_ name: String) -> Set<String> {
        let fromCounters = counters.withLock { $0.values.flatMap(\.dimensions) }
        let fromTimers = timers.withLock { $0.values.flatMap(\.dimensions) }
        return Set((fromCounters + fromTimers).filter { $0.0 == name }.map(\.1))
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        counters.withLock { counters in
            let key = Self.key(label, dimensions)
            if let existing = counters[key] { return existing }
            let counter = TestCounter(label: label, dimensions: dimensions)
            counters[key] = counter
            return counter
        }
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        NOOPMetricsHandler.instance
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        timers.withLock { timers in
            let key = Self.key(label, dimensions)
            if let existing = timers[key] { return existing }
            let timer = TestTimer(label: label, dimensions: dimensions)
            timers[key] = timer
            return timer
        }
    }

    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}
}

final class TestCounter: CounterHandler, Sendable {
    let label: String
    let dimensions: [(String, String)]
    private let total = Mutex<Int64>(0)

    init(label: String, dimensions: [(String, String)]) {
        self.label = label
        self.dimensions = dimensions
    }

    var value: Int64 { total.withLock { $0 } }
    func increment(by amount: Int64) { total.withLock { $0 += amount } }
    func reset() { total.withLock { $0 = 0 } }
}

final class TestTimer: TimerHandler, Sendable {
    let label: String
    let dimensions: [(String, String)]
    private let recordings = Mutex<[Int64]>([])

    init(label: String, dimensions: [(String, String)]) {
        self.label = label
        self.dimensions = dimensions
    }

    var count: Int { recordings.withLock { $0.count } }
    func recordNanoseconds(_ duration: Int64) { recordings.withLock { $0.append(duration) } }
}
