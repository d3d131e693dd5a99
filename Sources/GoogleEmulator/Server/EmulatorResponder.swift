import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The request context: Hummingbird's core storage plus the connection, so a fault can drop it.
struct EmulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}

/// Hummingbird glue: reads the request, hands it to ``EmulatorCore`` and writes the ``Reply``.
struct EmulatorResponder: HTTPResponder {
    typealias Context = EmulatorRequestContext

    /// Google's limit on request payloads.
    static let maxBody = 20 * 1024 * 1024

    let core: EmulatorCore
    let control: ControlAPI

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let body: Data
        do {
            let buffer = try await request.collectBody(upTo: Self.maxBody)
            body = Data(buffer.readableBytesView)
        } catch {
            return response(
                .error(GoogleError(code: 413, status: "INVALID_ARGUMENT", message: "Request payload size exceeds the limit: \(Self.maxBody) bytes.")),
                context: context
            )
        }
        let path = request.uri.path
        let method = request.method.rawValue
        let route = Route.parse(method: method, path: path)
        if case .control(let controlPath) = route {
            return response(await control.handle(method: method, path: controlPath, body: body), context: context)
        }
        let incoming = EmulatorCore.Incoming(
            method: method,
            path: path,
            query: request.uri.query ?? "",
            headers: request.headers.map { (name: $0.name.rawName, value: $0.value) },
            body: body
        )
        return response(await core.handle(incoming, route: route), context: context)
    }

    private func response(_ reply: Reply, context: Context) -> Response {
        var headers = HTTPFields()
        for (name, value) in reply.headers {
            if let fieldName = HTTPField.Name(name) { headers.append(HTTPField(name: fieldName, value: value)) }
        }
        switch reply.body {
        case .data(let data):
            return Response(status: .init(code: reply.status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        case .chunks(let chunks):
            let body = ResponseBody { writer in
                for chunk in chunks {
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
                try await writer.finish(nil)
            }
            return Response(status: .init(code: reply.status), headers: headers, body: body)
        case .pausedChunks(let chunks, let before, let pause):
            let body = ResponseBody { writer in
                for (index, chunk) in chunks.enumerated() {
                    if index == before { try await Task.sleep(for: pause) }
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
                try await writer.finish(nil)
            }
            return Response(status: .init(code: reply.status), headers: headers, body: body)
        case .drop:
            // Closing the channel before any byte of the response is written: the client sees the connection end
            // without a status line. The response returned below is never written.
            context.channel.close(mode: .all, promise: nil)
            return Response(status: .internalServerError)
        }
    }
}
