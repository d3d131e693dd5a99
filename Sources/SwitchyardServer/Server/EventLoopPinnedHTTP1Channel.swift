import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 child channel, with each connection's handling task pinned to the connection's event loop.
///
/// Hummingbird handles a connection in a task on Swift's global pool: every request then costs a hop from the event
/// loop to the pool, and every write a hop back. With the task preferring the connection's event loop
/// (``EventLoopTaskExecutor``), both hops disappear; only the upstream call leaves the thread (to libcurl's thread)
/// and comes back. The pipeline, limits and behaviour are Hummingbird's own.
struct EventLoopPinnedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await withTaskExecutorPreference(EventLoopTaskExecutor.shared(for: value.channel.eventLoop)) {
            await base.handle(value: value, logger: logger)
        }
    }
}

extension HTTPServerBuilder {
    /// An HTTP/1.1 server whose connections are handled on their own event loops (``EventLoopPinnedHTTP1Channel``).
    static func eventLoopPinnedHTTP1(configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            EventLoopPinnedHTTP1Channel(base: HTTP1Channel(responder: responder, configuration: configuration))
        }
    }
}
