import NIOCore
import Synchronization

/// Runs a task's jobs on one NIO event loop.
///
/// A connection's handling task prefers this executor (see ``EventLoopPinnedHTTP1Channel``), so reading the request,
/// the handler's own work and writing the answer happen on the thread that owns the socket, instead of hopping from
/// the event loop to Swift's global pool for every request and back for every write. Work that must not run on an
/// event loop (blocking calls) must not run in a request handler anyway.
///
/// swift-nio 2.101 has no `TaskExecutor` for its event loops (only `SerialExecutor`, for actors), so this is the
/// small adapter that `withTaskExecutorPreference` needs.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    private init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// The one executor of `eventLoop`. One instance per loop matters: the runtime tells executors apart by
    /// identity, so a second instance for the same loop would force a needless hop through the loop's queue.
    static func shared(for eventLoop: any EventLoop) -> EventLoopTaskExecutor {
        let key = ObjectIdentifier(eventLoop)
        return executors.withLock { executors in
            if let existing = executors[key] { return existing }
            let made = EventLoopTaskExecutor(eventLoop)
            executors[key] = made
            return made
        }
    }

    /// Event loops live as long as their group (the process-wide singleton group for the server), so the table
    /// stays as small as the number of loops.
    private static let executors = Mutex<[ObjectIdentifier: EventLoopTaskExecutor]>([:])

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
