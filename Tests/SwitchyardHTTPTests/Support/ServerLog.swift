import Foundation
import Synchronization

/// The output of a server process, collected as it arrives, with event-driven waits on its content.
final class ServerLog: Sendable {
    private struct Waiter {
        let predicate: @Sendable (String) -> Bool
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var text = ""
        var ended = false
        var waiters: [UUID: Waiter] = [:]
        /// Waits that timed out or were cancelled before they registered.
        var abandoned: [UUID: any Error] = [:]
    }

    private let state = Mutex(State())

    /// Everything received so far.
    var text: String { state.withLock { $0.text } }

    /// Adds output and wakes the waiters it satisfies.
    func append(_ data: Data) {
        let ready: [CheckedContinuation<Void, any Error>] = state.withLock { state in
            state.text += String(decoding: data, as: UTF8.self)
            let text = state.text
            let satisfied = state.waiters.filter { $0.value.predicate(text) }
            for id in satisfied.keys { state.waiters[id] = nil }
            return satisfied.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    /// The process closed its output (it exited): waiters still waiting will never be satisfied.
    func end() {
        let (waiters, text) = state.withLock { state in
            state.ended = true
            let taken = state.waiters
            state.waiters = [:]
            return (taken, state.text)
        }
        for waiter in waiters.values {
            waiter.continuation.resume(throwing: TestServerError("the server exited; its output was:\n\(text)"))
        }
    }

    /// Returns once the output satisfies `predicate`; throws if the process exits first or `timeout` passes.
    func wait(
        for what: String,
        timeout: Duration = .seconds(20),
        until predicate: @escaping @Sendable (String) -> Bool
    ) async throws {
        let id = UUID()
        let timer = Task { [weak self] in
            try await Task.sleep(for: timeout)  // a bound on the wait, not synchronisation
            self?.fail(id, TestServerError("timed out after \(timeout) waiting for \(what)"))
        }
        defer { timer.cancel() }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let immediate: Result<Void, any Error>? = state.withLock { state in
                    if predicate(state.text) { return .success(()) }
                    if state.ended { return .failure(TestServerError("the server exited before \(what)")) }
                    if let error = state.abandoned.removeValue(forKey: id) { return .failure(error) }
                    state.waiters[id] = Waiter(predicate: predicate, continuation: continuation)
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            fail(id, CancellationError())
        }
    }

    private func fail(_ id: UUID, _ error: any Error) {
        let waiter: Waiter? = state.withLock { state in
            guard let waiter = state.waiters.removeValue(forKey: id) else {
                state.abandoned[id] = error
                return nil
            }
            return waiter
        }
        waiter?.continuation.resume(throwing: error)
    }
}
