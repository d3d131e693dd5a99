import NIOCore
import Synchronization

/// Notices when the client closes its side of the connection, so the request being served can be cancelled.
///
/// Hummingbird lets remote half-closure through, so a client that goes away shows up only as an `inputClosed` event
/// (or the channel going inactive), never as a cancelled task. This handler sits in each connection's pipeline after
/// HTTP decoding, passes everything on unchanged, and runs the actions registered with ``onClose(_:)`` when the input
/// ends. Unlike consuming the request stream to watch for its end, it leaves keep-alive intact.
final class ConnectionCloseWatcher: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny

    private struct State {
        var closed = false
        /// What to run when the client closes (cancelling the tasks that serve it), by registration.
        var closeActions: [Int: @Sendable () -> Void] = [:]
        var nextRegistration = 0
        /// The connection's event loop as a task executor (known once the handler is added).
        var executor: EventLoopTaskExecutor?
    }

    private let state = Mutex(State())

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, case .inputClosed = event {
            markClosed()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        markClosed()
        context.fireChannelInactive()
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let executor = EventLoopTaskExecutor.shared(for: context.eventLoop)
        state.withLock { $0.executor = executor }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        markClosed()
    }

    /// Whether the client has closed its side.
    var isClosed: Bool { state.withLock { $0.closed } }

    private func markClosed() {
        let actions = state.withLock { state in
            state.closed = true
            defer { state.closeActions.removeAll() }
            return Array(state.closeActions.values)
        }
        for action in actions { action() }
    }
}

extension ConnectionCloseWatcher {
    /// The connection's event loop as a task executor, once the handler is in the pipeline.
    var executor: EventLoopTaskExecutor? { state.withLock { $0.executor } }

    /// Runs `action` when the client closes the connection; `nil` (and `action` not kept) when it already has.
    /// Remove the registration with ``removeOnClose(_:)`` once it no longer matters.
    func onClose(_ action: @escaping @Sendable () -> Void) -> Int? {
        state.withLock { state -> Int? in
            if state.closed { return nil }
            state.nextRegistration += 1
            state.closeActions[state.nextRegistration] = action
            return state.nextRegistration
        }
    }

    /// Forgets a registration of ``onClose(_:)``.
    func removeOnClose(_ registration: Int) {
        _ = state.withLock { $0.closeActions.removeValue(forKey: registration) }
    }

    /// Runs `operation`, cancelling it when the client closes the connection first.
    ///
    /// The operation runs as one task on the connection's event loop, which the close cancels; the caller waits for
    /// it (and passes its own cancellation on). One task and no task group: this wraps every upstream call.
    /// - Throws: `CancellationError` when the client went away; otherwise whatever `operation` throws.
    func cancellingOnClose<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = Task(executorPreference: executor) { try await operation() }
        guard let registration = onClose({ task.cancel() }) else {
            task.cancel()
            _ = try? await task.value
            throw CancellationError()
        }
        defer { removeOnClose(registration) }
        let value: Value
        do {
            value = try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
        } catch {
            if isClosed { throw CancellationError() }
            throw error
        }
        if isClosed { throw CancellationError() }
        return value
    }
}
