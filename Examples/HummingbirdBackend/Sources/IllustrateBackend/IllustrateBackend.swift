import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Switchyard

/// A backend with one endpoint, `POST /illustrate {"prompt": "..."}`, that answers with a PNG made through
/// Switchyard's `Gateway`: the gateway picks the provider, retries and falls back; this code only asks.
///
/// Environment: `SWITCHYARD_CONFIG` (default `../../config/switchyard.yaml`), `ILLUSTRATE_ROUTE` (default `image`),
/// `PORT` (default 8081).
@main
struct IllustrateBackend {
    static func main() async throws {
        let environment = ProcessInfo.processInfo.environment
        var logger = Logger(label: "illustrate")
        logger.logLevel = .info

        let gateway = try await Gateway.load(configFile: environment["SWITCHYARD_CONFIG"] ?? "../../config/switchyard.yaml", logger: logger)
        let route = environment["ILLUSTRATE_ROUTE"] ?? "image"

        let router = Router()
        router.get("/healthz") { _, _ in "ok" }
        router.post("/illustrate") { request, context in
            try await Illustrator(gateway: gateway, route: route).illustrate(request, context: context)
        }

        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: Int(environment["PORT"] ?? "") ?? 8081)),
            services: [gateway],  // the gateway is a ServiceLifecycle Service: its transport stops on shutdown
            logger: logger
        )
        try await app.runService()
    }
}

/// The body of `POST /illustrate`.
struct IllustrateRequest: Decodable {
    var prompt: String
}

/// Turns a prompt into a PNG through the gateway.
struct Illustrator {
    let gateway: Gateway
    let route: String

    func illustrate(_ request: Request, context: some RequestContext) async throws -> Response {
        let input = try await request.decode(as: IllustrateRequest.self, context: context)
        guard !input.prompt.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw HTTPError(.badRequest, message: "prompt must not be empty")
        }

        // One request in Gemini's GenerateContent shape, whichever backend ends up serving it.
        var generate = GenerateContentRequest()
        generate.contents = [Content(role: .user, parts: [Part(text: input.prompt)])]
        var config = GenerationConfig()
        config.responseModalities = [.text, .image]
        generate.generationConfig = config

        let reply: RoutedReply<GenerateContentResponse>
        do {
            reply = try await gateway.generateContent(generate, model: route)
        } catch {
            // RoutingError: the error to show plus the trail of every target tried.
            throw HTTPError(
                HTTPResponse.Status(code: error.error.responseHTTPStatus),
                message: "\(error.error.message) (tried: \(error.trail.attemptsHeaderValue))"
            )
        }
        let parts = reply.value.candidates?.first?.content?.parts ?? []
        guard let image = parts.compactMap(\.inlineData).first, let data = image.data else {
            throw HTTPError(.badGateway, message: "the model answered without an image")
        }
        var headers: HTTPFields = [.contentType: image.mimeType ?? "image/png"]
        if let name = HTTPField.Name("x-switchyard-provider") { headers[name] = "\(reply.trail.provider ?? "-")/\(reply.trail.model ?? "-")" }
        if let name = HTTPField.Name("x-switchyard-attempts") { headers[name] = reply.trail.attemptsHeaderValue }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data.bytes())))
    }
}
