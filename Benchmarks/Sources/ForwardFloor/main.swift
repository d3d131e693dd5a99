import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import SwitchyardHTTP

// forward-floor: the gateway's stack with none of the gateway's logic. Hummingbird (connections handled on their
// event loops, as the gateway does) takes a POST, CurlTransport sends the same body to the same path upstream, and
// the upstream answer's bytes go back unchanged. gateway-bench measures it beside the gateway, so the report can
// tell what the server and the outbound HTTP stack cost from what Switchyard's own work costs.
//   forward-floor <port> <upstream base URL> <upstream API key>

let arguments = CommandLine.arguments
guard arguments.count == 4, let port = Int(arguments[1]) else {
    print("usage: forward-floor <port> <upstream base URL> <upstream API key>")
    exit(2)
}
let upstream = arguments[2]
let apiKey = arguments[3]
let transport = CurlTransport(configuration: CurlTransport.Configuration(totalTimeout: .seconds(60), maxConnectionsPerHost: 128, proxy: .none))

struct Forwarder: HTTPResponder {
    typealias Context = BasicRequestContext
    let transport: CurlTransport
    let upstream: String
    let apiKey: String

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .post else {
            return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "ok")))
        }
        var body = try await request.body.collect(upTo: 64 << 20)
        let bytes = body.readData(length: body.readableBytes) ?? Data()
        let reply = try await transport.execute(
            SwitchyardHTTP.HTTPRequest(
                method: .post,
                url: upstream + request.uri.path,
                headers: ["content-type": "application/json", "x-goog-api-key": apiKey],
                body: bytes
            )
        )
        let data = try await reply.body.collect(upTo: 64 << 20)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(
            status: .init(code: reply.status),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}

/// Runs a connection's task on its event loop (the same adapter the gateway uses).
final class LoopExecutor: TaskExecutor {
    let eventLoop: any EventLoop
    init(_ eventLoop: any EventLoop) { self.eventLoop = eventLoop }
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

struct PinnedHTTP1: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let base: HTTP1Channel
    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> { base.setup(channel: channel, logger: logger) }
    func handle(value: Value, logger: Logger) async {
        await withTaskExecutorPreference(LoopExecutor(value.channel.eventLoop)) {
            await base.handle(value: value, logger: logger)
        }
    }
}

var logger = Logger(label: "forward-floor")
logger.logLevel = .warning
let application = Application(
    responder: Forwarder(transport: transport, upstream: upstream, apiKey: apiKey),
    server: HTTPServerBuilder { responder in PinnedHTTP1(base: HTTP1Channel(responder: responder)) },
    configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
    logger: logger
)
try await application.runService()
