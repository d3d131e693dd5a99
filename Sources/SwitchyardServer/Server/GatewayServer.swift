import Hummingbird
import Logging
import NIOCore
import Prometheus
import Switchyard

/// The HTTP server in front of a ``Gateway``: Gemini-compatible and OpenAI-compatible surfaces plus `/healthz`,
/// `/readyz` and `/metrics`.
///
/// Routes:
/// - Gemini API: `POST /{v1beta|v1|v1alpha}/models/{model}:generateContent|streamGenerateContent|countTokens|predict`,
///   `GET /{ver}/models`, `GET /{ver}/models/{model}`. `{model}` is a route or a catalog model (a `models/` prefix is
///   tolerated). `streamGenerateContent?alt=sse` answers `data: <json>` + blank line per event with no terminator;
///   without `alt=sse` it answers one JSON array, as Google does.
/// - Vertex AI: `POST /{v1|v1beta1}/projects/{p}/locations/{l}/publishers/google/models/{model}:{method}` and the
///   express form `/{v1|v1beta1}/publishers/google/models/{model}:{method}`; `GET /{ver}/publishers/google/models[/{m}]`.
///   Project and location are accepted and ignored: the route decides the provider, and so the project.
/// - OpenAI: `POST /v1/chat/completions`, `POST /v1/images/generations`, `GET /v1/models[/{model}]`. `GET /v1/models`
///   is Google's list when the request carries `x-goog-api-key`, `?key=`, `x-goog-api-client` or `pageSize`/`pageToken`,
///   else OpenAI's.
/// - Operations (no key needed): `GET /healthz`, `GET /readyz`, `GET /metrics`.
///
/// Client keys (`server.api_keys`) are read from `x-goog-api-key`, `?key=` or `Authorization: Bearer`. Gemini surface:
/// a missing key is 401 `UNAUTHENTICATED`, a wrong one 403 `PERMISSION_DENIED`; OpenAI surface: 401
/// `authentication_error` for both. Every error is Google's `{"error":{code,message,status}}` shape, or OpenAI's
/// `{"error":{message,type,param,code}}` on the OpenAI surface; success is always exactly 200. Answers carry
/// `x-request-id` (the client's, when it sent a sane one) and the attempt trail (`x-switchyard-provider`, `-model`,
/// `-route`, `-attempts`, `-warnings`).
///
/// ```swift
/// let application = try GatewayServer.buildApplication(gateway: gateway, settings: settings, metrics: metrics, logger: logger)
/// let group = ServiceGroup(services: [gateway, application], gracefulShutdownSignals: [.sigterm], logger: logger)
/// try await group.run()
/// ```
public enum GatewayServer {
    /// Builds the Hummingbird application. Run it as a ServiceLifecycle service; graceful shutdown stops accepting
    /// connections and lets requests in flight finish.
    ///
    /// - Parameters:
    ///   - gateway: Serves every model call.
    ///   - settings: Address, client keys and body limit.
    ///   - metrics: Where request series are recorded and what `/metrics` renders.
    ///   - logger: Receives the access log (one line per request) and server events.
    ///   - onServerRunning: Called with the bound port once the server listens (useful with port 0).
    /// - Throws: ``GatewayServerError`` when no client keys are configured and the host is not loopback.
    public static func buildApplication(
        gateway: Gateway,
        settings: GatewayServerSettings,
        metrics: ServerMetrics,
        logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws(GatewayServerError) -> some ApplicationProtocol {
        let authenticator = ClientAuthenticator(keys: settings.apiKeys)
        if !authenticator.isEnabled && !settings.isLoopback {
            throw GatewayServerError(
                .insecureBinding,
                "server.api_keys is empty but server.host is \(settings.host), which is not loopback; "
                    + "add client keys to server.api_keys or listen on 127.0.0.1"
            )
        }
        let responder = GatewayResponder(
            gateway: gateway,
            settings: settings,
            authenticator: authenticator,
            metrics: metrics,
            logger: logger
        )
        return Application(
            responder: responder,
            server: .eventLoopPinnedHTTP1(configuration: .init(additionalChannelHandlers: [ConnectionCloseWatcher()])),
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "switchyard"),
            onServerRunning: { channel in
                await onServerRunning(channel.localAddress?.port ?? settings.port)
            },
            logger: logger
        )
    }
}

/// Why the server cannot start.
public struct GatewayServerError: Error, Sendable, CustomStringConvertible {
    /// A stable reason.
    public struct Code: RawRepresentable, Hashable, Sendable {
        /// The reason's name.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// No client keys while listening beyond loopback.
        public static let insecureBinding = Code(rawValue: "insecureBinding")
    }

    /// The reason.
    public var code: Code
    /// A one-line explanation naming the setting to change.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
