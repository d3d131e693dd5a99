import Hummingbird
import NIOCore

/// The per-request context: Hummingbird's core storage and the connection (to notice a client that goes away);
/// request state lives in ``RequestSummary``.
public struct GatewayRequestContext: RequestContext {
    /// Hummingbird's storage (logger, request id, parameters).
    public var coreContext: CoreRequestContextStorage
    /// The connection the request arrived on.
    let channel: any Channel

    /// Creates the context for a request on a connection.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    /// The connection's ``ConnectionCloseWatcher``: looked up in place when running on the connection's event loop
    /// (as handlers do, see ``EventLoopPinnedHTTP1Channel``), else through the loop.
    var closeWatcher: ConnectionCloseWatcher? {
        get async {
            if channel.eventLoop.inEventLoop {
                return try? channel.pipeline.syncOperations.handler(type: ConnectionCloseWatcher.self)
            }
            return try? await channel.pipeline.handler(type: ConnectionCloseWatcher.self).get()
        }
    }
}
