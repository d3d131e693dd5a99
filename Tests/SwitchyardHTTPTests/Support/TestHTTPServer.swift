import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 (port 0) with routes that exercise the transport:
///
/// - `/echo`: the request body back.
/// - `/bytes/N`: N bytes of ``TestHTTPServer/patternByte(at:)``.
/// - `/inspect`: the request line, the header fields in order, and the body length, as text.
/// - `/stream/ID`: a chunked body whose chunks the test releases through ``StreamControl``.
/// - `/held/ID`: like `/stream/ID`, but even the head waits for ``StreamControl/sendHead()``.
/// - `/stall-head`: never answers. `/stall-body`: announces 1000 bytes, sends 10, then stalls.
/// - `/truncate`: announces 1000 bytes, sends 500, then closes the connection.
/// - `/continue`: a `100 Continue` head, then `200` with body `after-continue`.
/// - `/status/N`: status N with a short body.
final class TestHTTPServer: Sendable {
    let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let state: ServerState

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Connections accepted so far.
    var acceptedConnections: Int { state.accepted.withLock { $0 } }

    private init(port: Int, group: MultiThreadedEventLoopGroup, channel: any Channel, state: ServerState) {
        self.port = port
        self.group = group
        self.channel = channel
        self.state = state
    }

    static func start() async throws -> TestHTTPServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let state = ServerState()
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                state.accepted.withLock { $0 += 1 }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(RouteHandler(state: state))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TestHTTPServer(port: channel.localAddress?.port ?? 0, group: group, channel: channel, state: state)
    }

    /// A chunked stream the test drives; request it at `baseURL + control.path`.
    func makeStream(holdingHead: Bool = false) -> StreamControl {
        let control = StreamControl(path: "/\(holdingHead ? "held" : "stream")/\(UUID().uuidString)")
        state.streams.withLock { $0[control.path] = control }
        return control
    }

    func shutdown() async throws {
        try? await channel.close()
        try await group.shutdownGracefully()
    }

    /// The byte at `index` of every `/bytes/N` body.
    static func patternByte(at index: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: index % 251)
    }

    static func pattern(count: Int) -> Data {
        var bytes = [UInt8](repeating: 0, count: count)
        for index in 0..<count { bytes[index] = patternByte(at: index) }
        return Data(bytes)
    }
}

private final class ServerState: Sendable {
    let accepted = Mutex(0)
    let streams = Mutex<[String: StreamControl]>([:])
}

/// Releases the chunks of one `/stream/ID` response and reports when the client closes the connection.
final class StreamControl: Sendable {
    enum Operation: Sendable {
        case head
        case chunk(String)
        case end
    }

    private struct State {
        var channel: (any Channel)?
        var pending: [Operation] = []
        var closed = false
        var closeWaiters: [CheckedContinuation<Void, Never>] = []
        var attachWaiters: [CheckedContinuation<Void, Never>] = []
    }

    let path: String
    private let state = Mutex(State())

    init(path: String) {
        self.path = path
    }

    /// Sends the response head (for `/held/ID`).
    func sendHead() { perform(.head) }

    /// Sends one chunk (immediately if the request arrived, else as soon as it does).
    func send(_ text: String) { perform(.chunk(text)) }

    /// Ends the body.
    func end() { perform(.end) }

    private func perform(_ operation: Operation) {
        let channel: (any Channel)? = state.withLock { state in
            guard let channel = state.channel else {
                state.pending.append(operation)
                return nil
            }
            return channel
        }
        if let channel { Self.apply(operation, on: channel) }
    }

    private static func apply(_ operation: Operation, on channel: any Channel) {
        switch operation {
        case .head:
            var headers = HTTPHeaders()
            headers.add(name: "content-type", value: "text/plain")
            channel.writeAndFlush(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers)), promise: nil)
        case .chunk(let text):
            channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(string: text))), promise: nil)
        case .end:
            channel.writeAndFlush(HTTPServerResponsePart.end(nil), promise: nil)
        }
    }

    /// Called on the event loop once the response head is written.
    func attach(_ channel: any Channel) {
        let (pending, waiters) = state.withLock { state in
            state.channel = channel
            let pending = state.pending
            state.pending = []
            let waiters = state.attachWaiters
            state.attachWaiters = []
            return (pending, waiters)
        }
        for operation in pending { Self.apply(operation, on: channel) }
        for waiter in waiters { waiter.resume() }
        channel.closeFuture.whenComplete { [self] _ in
            let waiters = state.withLock { state in
                state.closed = true
                let waiters = state.closeWaiters
                state.closeWaiters = []
                return waiters
            }
            for waiter in waiters { waiter.resume() }
        }
    }

    /// Returns once the server has seen the request.
    func waitUntilRequested() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state in
                if state.channel != nil { return true }
                state.attachWaiters.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Returns once the connection that carried this stream has closed.
    func waitUntilClosed() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let closed = state.withLock { state in
                if state.closed { return true }
                state.closeWaiters.append(continuation)
                return false
            }
            if closed { continuation.resume() }
        }
    }
}

private final class RouteHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: ServerState
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()

    init(state: ServerState) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.clear()
        case .body(var chunk):
            body.writeBuffer(&chunk)
        case .end:
            guard let head else { return }
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        var path = head.uri
        if path.hasPrefix("http://"), let slash = path.dropFirst(7).firstIndex(of: "/") {
            path = String(path[slash...])  // absolute form, as sent to a proxy
        }
        if path.hasPrefix("/bytes/"), let count = Int(path.dropFirst(7)) {
            sendBytes(count: count, context: context)
        } else if path == "/echo" {
            send(status: .ok, body: body, context: context)
        } else if path == "/inspect" {
            var text = "\(head.method.rawValue) \(head.uri)\n"
            for (name, value) in head.headers { text += "\(name): \(value)\n" }
            text += "body-length: \(body.readableBytes)\n"
            send(status: .ok, body: ByteBuffer(string: text), context: context)
        } else if path.hasPrefix("/stream/") || path.hasPrefix("/held/") {
            guard let control = state.streams.withLock({ $0[path] }) else {
                send(status: .notFound, body: ByteBuffer(string: "no such stream"), context: context)
                return
            }
            if path.hasPrefix("/stream/") {
                var headers = HTTPHeaders()
                headers.add(name: "content-type", value: "text/plain")
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            }
            control.attach(context.channel)
        } else if path == "/stall-head" {
            return
        } else if path == "/stall-body" {
            var headers = HTTPHeaders()
            headers.add(name: "content-length", value: "1000")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: "0123456789")))), promise: nil)
        } else if path == "/truncate" {
            var headers = HTTPHeaders()
            headers.add(name: "content-length", value: "1000")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            let half = ByteBuffer(bytes: TestHTTPServer.pattern(count: 500))
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(half)))).whenComplete { _ in
                channel.close(promise: nil)
            }
        } else if path == "/continue" {
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .continue))), promise: nil)
            send(status: .ok, body: ByteBuffer(string: "after-continue"), context: context)
        } else if path.hasPrefix("/status/"), let code = Int(path.dropFirst(8)) {
            send(status: HTTPResponseStatus(statusCode: code), body: ByteBuffer(string: "status \(code)"), context: context)
        } else {
            send(status: .notFound, body: ByteBuffer(string: "no route \(path)"), context: context)
        }
    }

    private func send(status: HTTPResponseStatus, body: ByteBuffer, context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "content-length", value: "\(body.readableBytes)")
        headers.add(name: "x-test-server", value: "nio")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        if body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    private func sendBytes(count: Int, context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "content-length", value: "\(count)")
        headers.add(name: "x-test-server", value: "nio")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
        let pieceSize = 256 * 1024
        var offset = 0
        while offset < count {
            let length = min(pieceSize, count - offset)
            var buffer = context.channel.allocator.buffer(capacity: length)
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: length) { raw in
                for index in 0..<length { raw[index] = TestHTTPServer.patternByte(at: offset + index) }
                return length
            }
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            offset += length
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
