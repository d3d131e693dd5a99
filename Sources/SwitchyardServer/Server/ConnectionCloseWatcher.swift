import NIOCore
import Synchronization

/// Notices when the client closes its side of the connection, so the request being served can be cancelled.
///
/// Hummingbird lets remote half-closure through, so a client that goes away shows up only as an `inputClosed` event
/// (or the channel going inactive), never as a cancelled task. This handler sits in each connection's pipeline after
/// HTTP decoding, passes everything on unchanged, and wakes ``waitUntilClosed()`` when the input ends. Unlike
/// consuming the request stream to watch for its end, it leaves keep-alive intact.
final class ConnectionCloseWatcher: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny

    private struct State {
        var closed = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0
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

    func handlerRemoved(context: ChannelHandlerContext) {
        markClosed()
    }

    /// Whether the client has closed its side.
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Returns once the client has closed its side, or when the calling task is cancelled.
    func waitUntilClosed() async {
        let id = state.withLock { state -> Int in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.closed || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }

    private func markClosed() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.closed = true
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }
}

extension ConnectionCloseWatcher {
    /// Runs `operation`, cancelling it when the client closes the connection first.
    /// - Throws: `CancellationError` when the client went away; otherwise whatever `operation` throws.
    func cancellingOnClose<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
        try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                await self.waitUntilClosed()
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw CancellationError()
            }
            return value
        }
    }
}
