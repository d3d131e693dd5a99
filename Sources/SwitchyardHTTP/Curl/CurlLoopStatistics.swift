import Synchronization

/// Counters the multi loop keeps about backpressure, cheap enough for the hot path.
final class CurlLoopStatistics: Sendable {
    private let pauses = Atomic<Int>(0)
    private let bufferHighWater = Atomic<Int>(0)
    private let pauseWaiters = Mutex<[CheckedContinuation<Void, Never>]>([])

    /// How many times a transfer paused because its consumer was slow.
    var pauseCount: Int { pauses.load(ordering: .relaxed) }

    /// The most body bytes any one transfer held unread.
    var maxBufferedBytes: Int { bufferHighWater.load(ordering: .relaxed) }

    func recordPause() {
        pauses.add(1, ordering: .relaxed)
        let waiters = pauseWaiters.withLock { waiters in
            let taken = waiters
            waiters = []
            return taken
        }
        for waiter in waiters { waiter.resume() }
    }

    func recordBuffered(_ bytes: Int) {
        var current = bufferHighWater.load(ordering: .relaxed)
        while bytes > current {
            let (exchanged, original) = bufferHighWater.compareExchange(expected: current, desired: bytes, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }

    /// Returns after the next pause (or at once if one already happened since `count` was read).
    func waitForPause(after count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let already = pauseWaiters.withLock { waiters in
                if pauses.load(ordering: .relaxed) > count { return true }
                waiters.append(continuation)
                return false
            }
            if already { continuation.resume() }
        }
    }
}
