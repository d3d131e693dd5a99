import Foundation

/// Which API shape a request speaks; decides how errors are rendered and how the request is authenticated.
enum Surface: String, Sendable {
    /// Google's Gemini API (`/v1beta/models/...`) and Vertex AI paths.
    case gemini
    /// OpenAI's `/v1/chat/completions`, `/v1/images/generations`, `/v1/models`.
    case openAI = "openai"
    /// `/healthz`, `/readyz`, `/metrics`.
    case operations
}

/// A Gemini model method served on the Gemini-compatible surface.
enum GeminiMethod: String, Sendable, CaseIterable {
    case generateContent
    case streamGenerateContent
    case countTokens
    case predict

    /// The method whose name is exactly `verb`, compared as bytes.
    init?(verb: Substring.UTF8View) {
        guard let method = Self.allCases.first(where: { $0.rawValue.utf8.elementsEqual(verb) }) else { return nil }
        self = method
    }
}

/// What a request asks for, parsed from its method, path and headers.
enum Endpoint: Sendable {
    /// `POST /{ver}/models/{model}:{method}` or the Vertex-shaped equivalent.
    case geminiCall(model: String, method: GeminiMethod)
    /// `GET /{ver}/models` (`vertex`: `/{ver}/publishers/google/models`).
    case geminiListModels(vertex: Bool)
    /// `GET /{ver}/models/{model}` (`vertex`: `/{ver}/publishers/google/models/{model}`).
    case geminiGetModel(model: String, vertex: Bool)
    /// `POST /v1/chat/completions`.
    case chatCompletions
    /// `POST /v1/images/generations`.
    case imageGenerations
    /// `GET /v1/models`.
    case openAIListModels
    /// `GET /v1/models/{model}`.
    case openAIGetModel(model: String)
    /// `GET /healthz`.
    case health
    /// `GET /readyz`.
    case readiness
    /// `GET /metrics`.
    case metrics

    /// The surface the endpoint belongs to.
    var surface: Surface {
        switch self {
        case .geminiCall, .geminiListModels, .geminiGetModel: .gemini
        case .chatCompletions, .imageGenerations, .openAIListModels, .openAIGetModel: .openAI
        case .health, .readiness, .metrics: .operations
        }
    }

    /// Whether the endpoint calls a provider (and so reads a body, and is cancelled when the client goes away).
    var callsUpstream: Bool {
        switch self {
        case .geminiCall, .chatCompletions, .imageGenerations: true
        default: false
        }
    }

    /// The metric and log name of the operation, e.g. `generateContent`, `chat.completions`.
    var operation: String {
        switch self {
        case .geminiCall(_, let method): method.rawValue
        case .geminiListModels, .openAIListModels: "models.list"
        case .geminiGetModel, .openAIGetModel: "models.get"
        case .chatCompletions: "chat.completions"
        case .imageGenerations: "images.generations"
        case .health: "healthz"
        case .readiness: "readyz"
        case .metrics: "metrics"
        }
    }
}

/// Maps a method and path to an ``Endpoint``, or to the 404/405 error to answer.
struct EndpointResolver: Sendable {
    static let geminiVersions: Set<String> = ["v1beta", "v1", "v1alpha"]
    static let vertexVersions: Set<String> = ["v1", "v1beta1"]

    /// Hints that a `GET /v1/models[/{model}]` comes from a Google SDK rather than an OpenAI client.
    struct ClientHints: Sendable {
        var hasGoogleAPIKeyHeader = false
        var hasKeyQuery = false
        var hasGoogleClientHeader = false
        var hasPagingQuery = false

        var looksLikeGoogle: Bool { hasGoogleAPIKeyHeader || hasKeyQuery || hasGoogleClientHeader || hasPagingQuery }
    }

    /// The endpoint, or the surface whose error shape the failure should be rendered in plus the error.
    static func resolve(method: String, path: String, hints: ClientHints) -> Result<Endpoint, SurfacedError> {
        if let call = geminiCallFastPath(method: method, path: path) { return .success(call) }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { segment in
            segment.utf8.contains(UInt8(ascii: "%")) ? (String(segment).removingPercentEncoding ?? String(segment)) : String(segment)
        }
        func require(_ allowed: String, _ endpoint: Endpoint) -> Result<Endpoint, SurfacedError> {
            if method == allowed || (allowed == "GET" && method == "HEAD") { return .success(endpoint) }
            return .failure(SurfacedError(endpoint.surface, .methodNotAllowed(method, path, allowed: allowed)))
        }
        let notFound = Result<Endpoint, SurfacedError>.failure(SurfacedError(.gemini, .unknownPath(method, path)))

        switch segments.count {
        case 1:
            switch segments[0] {
            case "healthz": return require("GET", .health)
            case "readyz": return require("GET", .readiness)
            case "metrics": return require("GET", .metrics)
            default: return notFound
            }
        case 0:
            return notFound
        default:
            break
        }
        let version = segments[0]
        let rest = Array(segments.dropFirst())

        // OpenAI surface.
        if version == "v1" {
            if rest == ["chat", "completions"] { return require("POST", .chatCompletions) }
            if rest == ["images", "generations"] { return require("POST", .imageGenerations) }
            if rest.first == "models", !hints.looksLikeGoogle, rest.count <= 2, rest.count == 1 || !rest[1].contains(":") {
                return require("GET", rest.count == 1 ? .openAIListModels : .openAIGetModel(model: rest[1]))
            }
        }

        // Gemini API: /{ver}/models[/{model}[:{method}]]
        if geminiVersions.contains(version), rest.first == "models" {
            return modelResource(Array(rest.dropFirst()), vertex: false, method: method, path: path)
        }

        // Vertex AI: /{ver}/projects/{p}/locations/{l}/publishers/google/models/{model}:{method}
        // and express mode /{ver}/publishers/google/models/{model}:{method}. Project and location are accepted and
        // ignored: the route decides which provider (and so which project) serves the model.
        if vertexVersions.contains(version) {
            var tail = rest
            if tail.count >= 4, tail[0] == "projects", tail[2] == "locations" {
                tail = Array(tail.dropFirst(4))
            }
            if tail.count >= 3, tail[0] == "publishers", tail[1] == "google", tail[2] == "models" {
                return modelResource(Array(tail.dropFirst(3)), vertex: true, method: method, path: path)
            }
        }
        return notFound
    }

    /// `POST /{v1beta|v1|v1alpha}/models/{model}:{method}` with a plain model id and a served method, read without
    /// splitting the path into strings (the request most clients send). Anything else, including every error, goes
    /// through the general resolver.
    private static func geminiCallFastPath(method: String, path: String) -> Endpoint? {
        guard method == "POST" else { return nil }
        let bytes = path.utf8
        guard let versionEnd = versionPrefixLength(bytes) else { return nil }
        let rest = bytes.dropFirst(versionEnd)
        guard let colon = rest.lastIndex(of: UInt8(ascii: ":")) else { return nil }
        let model = rest[..<colon]
        guard !model.isEmpty, !model.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "%") }),
            let geminiMethod = GeminiMethod(verb: rest[rest.index(after: colon)...])
        else { return nil }
        return .geminiCall(model: String(Substring(model)), method: geminiMethod)
    }

    /// The length of `/v1beta/models/`, `/v1/models/` or `/v1alpha/models/` at the start of `path`, compared as bytes.
    private static func versionPrefixLength(_ path: String.UTF8View) -> Int? {
        if path.starts(with: betaPrefix) { return betaPrefix.count }
        if path.starts(with: stablePrefix) { return stablePrefix.count }
        if path.starts(with: alphaPrefix) { return alphaPrefix.count }
        return nil
    }

    private static let betaPrefix = Array("/v1beta/models/".utf8)
    private static let stablePrefix = Array("/v1/models/".utf8)
    private static let alphaPrefix = Array("/v1alpha/models/".utf8)

    private static func modelResource(_ tail: [String], vertex: Bool, method: String, path: String) -> Result<Endpoint, SurfacedError> {
        if tail.isEmpty {
            return method == "GET" || method == "HEAD"
                ? .success(.geminiListModels(vertex: vertex))
                : .failure(SurfacedError(.gemini, .methodNotAllowed(method, path, allowed: "GET")))
        }
        // Tolerate a doubled `models/` prefix (`models/models%2Fgemini-2.5-flash`).
        var joined = tail.joined(separator: "/")
        if joined.hasPrefix("models/") { joined.removeFirst("models/".count) }
        guard let colon = joined.lastIndex(of: ":") else {
            guard !joined.contains("/") else { return .failure(SurfacedError(.gemini, .unknownPath(method, path))) }
            return method == "GET" || method == "HEAD"
                ? .success(.geminiGetModel(model: joined, vertex: vertex))
                : .failure(SurfacedError(.gemini, .methodNotAllowed(method, path, allowed: "GET")))
        }
        let model = String(joined[..<colon])
        let verb = String(joined[joined.index(after: colon)...])
        guard !model.isEmpty, !model.contains("/") else { return .failure(SurfacedError(.gemini, .unknownPath(method, path))) }
        guard let geminiMethod = GeminiMethod(rawValue: verb) else {
            let served = GeminiMethod.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(
                SurfacedError(
                    .gemini,
                    ServerError(
                        httpStatus: 404,
                        googleStatus: "NOT_FOUND",
                        code: "notFound",
                        message: "method \"\(verb)\" is not served by Switchyard (served: \(served))"
                    )
                )
            )
        }
        guard method == "POST" else {
            return .failure(SurfacedError(.gemini, .methodNotAllowed(method, path, allowed: "POST")))
        }
        return .success(.geminiCall(model: model, method: geminiMethod))
    }
}

/// An error together with the surface whose shape renders it.
struct SurfacedError: Error, Sendable {
    var surface: Surface
    var error: ServerError

    init(_ surface: Surface, _ error: ServerError) {
        self.surface = surface
        self.error = error
    }
}
