import Synchronization

/// Wakes waiting tasks when their deadlines pass, with one sleeping task for all of them.
///
/// Every attempt races its provider call against the request's deadline. Racing against `Task.sleep` left one
/// timer per request behind: a cancelled sleep resumes at once, but its timer stays queued until the instant it was
/// set for, so at a few thousand requests per second with a two-minute deadline the process held about a million
/// queued timers (some 600 bytes each). Here a wait is an entry in a dictionary that cancellation removes, and one
/// driver task sleeps until the earliest deadline; a new earlier deadline replaces the driver.
final class DeadlineAlarms: Sendable {
    private struct Waiter {
        let deadline: ContinuousClock.Instant
        let continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var waiters: [Int: Waiter] = [:]
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

    /// Waits until `deadline` has passed (`true`), or until the calling task is cancelled (`false`, at once).
    func wait(until deadline: ContinuousClock.Instant) async -> Bool {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                var superseded: Task<Void, Never>?
                let admitted = state.withLock { state -> Bool in
                    // Cancelled before the entry exists: the handler below found nothing to remove.
                    if Task.isCancelled { return false }
                    state.waiters[id] = Waiter(deadline: deadline, continuation: continuation)
                    if let wakesAt = state.driverWakesAt, wakesAt <= deadline { return true }
                    superseded = state.driver
                    state.generation += 1
                    state.driverWakesAt = deadline
                    state.driver = startDriver(generation: state.generation, firstWake: deadline)
                    return true
                }
                superseded?.cancel()
                if !admitted { continuation.resume(returning: false) }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.continuation.resume(returning: false)
        }
    }

    /// Waits not yet woken or cancelled (for tests).
    var pendingCount: Int { state.withLock { $0.waiters.count } }

    /// Whether a driver task is running (for tests: none once nobody waits).
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
                    for (id, waiter) in state.waiters {
                        if waiter.deadline <= now {
                            due.append(waiter.continuation)
                            state.waiters[id] = nil
                        } else {
                            earliest = min(earliest ?? waiter.deadline, waiter.deadline)
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
