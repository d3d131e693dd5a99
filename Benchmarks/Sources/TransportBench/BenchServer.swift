import NIOCore
import NIOHTTP1
import NIOPosix

/// A loopback HTTP/1.1 server with two routes: `/small` (a 128-byte body) and `/large` (a 2 MiB body).
/// Bodies are built once, so the server's own cost is the same for every client.
final class BenchServer: Sendable {
    let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel

    static let smallBody = ByteBuffer(repeating: UInt8(ascii: "s"), count: 128)
    static let largeBody = ByteBuffer(repeating: UInt8(ascii: "L"), count: 2 << 20)

    private init(port: Int, group: MultiThreadedEventLoopGroup, channel: any Channel) {
        self.port = port
        self.group = group
        self.channel = channel
    }

    static func start() async throws -> BenchServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(BenchHandler())
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return BenchServer(port: channel.localAddress?.port ?? 0, group: group, channel: channel)
    }

    func shutdown() async throws {
        try? await channel.close()
        try await group.shutdownGracefully()
    }
}

private final class BenchHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private var uri = ""

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            uri = head.uri
        case .body:
            break
        case .end:
            let body = uri == "/large" ? BenchServer.largeBody : BenchServer.smallBody
            var headers = HTTPHeaders()
            headers.add(name: "content-length", value: "\(body.readableBytes)")
            headers.add(name: "content-type", value: "application/octet-stream")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
