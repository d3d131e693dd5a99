import Foundation

/// Runs blocking work (a subprocess wait, a blocking read) on a dedicated thread of its own, never on Swift
/// concurrency's cooperative pool: that pool has one thread per core (two on CI), and a test that blocks one of them
/// stalls every other test's tasks.
enum OffPool {
    /// Runs `work` on a new thread and resumes the caller with its result once it returns.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.name = "switchyard-test-blocking"
            thread.start()
        }
    }
}

/// Waits for a subprocess to exit through its termination handler (set before `run()`), without blocking a thread.
final class ProcessExit: Sendable {
    private let exited = AsyncStream<Int32>.makeStream()

    /// Installs the termination handler on `process`; call before `process.run()`.
    init(of process: Process) {
        let continuation = exited.continuation
        process.terminationHandler = { finished in
            continuation.yield(finished.terminationStatus)
            continuation.finish()
        }
    }

    /// Waits until the process has exited and returns its termination status (-1 if it was never started).
    func status() async -> Int32 {
        for await status in exited.stream { return status }
        return -1
    }
}
