import Synchronization

/// Wakes waiting tasks when their deadlines pass, with one sleeping task for all of them.
///
/// Every attempt races its provider call against the request's deadline. Racing against `Task.sleep` left one
/// timer per request behind: a cancelled sleep resumes at once, but its timer stays queued until the instant it was
/// set for, so at a few thousand requests per second with a two-minute deadline the process held about a million
/// queued timers (some 600 bytes each). Here an alarm is an entry in a dictionary, and one driver task sleeps until
/// the earliest deadline; a new earlier deadline replaces the driver.
///
/// An alarm is armed with ``arm(until:)``, waited for once with ``wait(_:)``, and can be settled early with
/// ``ring(_:)`` (the attempt finished first), so the waiting caller needs no task of its own.
final class DeadlineAlarms: Sendable {
    /// An armed alarm.
    struct Alarm: Sendable {
        fileprivate let id: Int
    }

    private enum Entry {
        /// Armed, nobody waiting yet.
        case armed(ContinuousClock.Instant)
        /// Armed, with its waiter.
        case waiting(ContinuousClock.Instant, CheckedContinuation<Bool, Never>)
        /// Decided before anyone waited: `true` when the deadline passed.
        case settled(Bool)

        var deadline: ContinuousClock.Instant? {
            switch self {
            case .armed(let deadline), .waiting(let deadline, _): deadline
            case .settled: nil
            }
        }
    }

    private struct State {
        var entries: [Int: Entry] = [:]
        var nextID = 0
        /// Which driver is current; older drivers stop when they see it changed.
        var generation = 0
        var driver: Task<Void, Never>?
        /// The instant the current driver sleeps until; `nil` when no driver runs.
        var driverWakesAt: ContinuousClock.Instant?
    }

    private let clock: RouterClock
    private let state = Mutex(State())

    init(clock: RouterClock) {
        self.clock = clock
    }

    /// Arms an alarm for `deadline`. Wait for it exactly once.
    func arm(until deadline: ContinuousClock.Instant) -> Alarm {
        var superseded: Task<Void, Never>?
        let id = state.withLock { state in
            state.nextID += 1
            state.entries[state.nextID] = .armed(deadline)
            if state.driverWakesAt.map({ $0 > deadline }) ?? true {
                superseded = state.driver
                state.generation += 1
                state.driverWakesAt = deadline
                state.driver = startDriver(generation: state.generation, firstWake: deadline)
            }
            return state.nextID
        }
        superseded?.cancel()
        return Alarm(id: id)
    }

    /// Settles the alarm early: its wait returns `false` (now, or at once when it starts).
    func ring(_ alarm: Alarm) {
        let waiter: CheckedContinuation<Bool, Never>? = state.withLock { state in
            switch state.entries[alarm.id] {
            case .armed:
                state.entries[alarm.id] = .settled(false)
                return nil
            case .waiting(_, let continuation):
                state.entries[alarm.id] = nil
                return continuation
            case .settled, nil:
                return nil
            }
        }
        waiter?.resume(returning: false)
    }

    /// Waits until the alarm's deadline has passed (`true`), or until it is rung or the calling task is cancelled
    /// (`false`). The alarm is spent afterwards.
    func wait(_ alarm: Alarm) async -> Bool {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let immediate: Bool? = state.withLock { state in
                    switch state.entries[alarm.id] {
                    case .armed(let deadline):
                        // Cancelled before waiting: the handler below found no waiter to resume.
                        if Task.isCancelled {
                            state.entries[alarm.id] = nil
                            return false
                        }
                        state.entries[alarm.id] = .waiting(deadline, continuation)
                        return nil
                    case .settled(let passed):
                        state.entries[alarm.id] = nil
                        return passed
                    case .waiting, nil:
                        return false  // waited twice, or already spent
                    }
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter: CheckedContinuation<Bool, Never>? = state.withLock { state in
                switch state.entries[alarm.id] {
                case .waiting(_, let continuation):
                    state.entries[alarm.id] = nil
                    return continuation
                case .armed:
                    state.entries[alarm.id] = .settled(false)
                    return nil
                case .settled, nil:
                    return nil
                }
            }
            waiter?.resume(returning: false)
        }
    }

    /// Alarms not yet spent (for tests).
    var pendingCount: Int { state.withLock { $0.entries.count } }

    /// Whether a driver task is running (for tests: none once no alarm is armed).
    var isDriving: Bool { state.withLock { $0.driverWakesAt != nil } }

    private func startDriver(generation: Int, firstWake: ContinuousClock.Instant) -> Task<Void, Never> {
        Task { [self] in
            var wake = firstWake
            while true {
                do {
                    try await clock.sleepUntil(wake)
                } catch {
                    return  // replaced by a driver for an earlier deadline
                }
                let now = clock.now()
                var due: [CheckedContinuation<Bool, Never>] = []
                let next: ContinuousClock.Instant? = state.withLock { state in
                    guard state.generation == generation else { return nil }
                    var earliest: ContinuousClock.Instant?
                    for (id, entry) in state.entries {
                        guard let deadline = entry.deadline else { continue }
                        if deadline <= now {
                            if case .waiting(_, let continuation) = entry {
                                due.append(continuation)
                                state.entries[id] = nil
                            } else {
                                state.entries[id] = .settled(true)
                            }
                        } else {
                            earliest = min(earliest ?? deadline, deadline)
                        }
                    }
                    state.driverWakesAt = earliest
                    if earliest == nil { state.driver = nil }
                    return earliest
                }
                for continuation in due { continuation.resume(returning: true) }
                guard let next else { return }
                wake = next
            }
        }
    }
}
