import Logging
import Metrics
import SwitchyardHTTP

/// What a ``CredentialSourceFactory`` needs to build a credential: the transport for token requests, a logger,
/// the environment (never read from the process inside the logic), a clock, the token retry schedule and where
/// metrics go.
public struct CredentialContext: Sendable {
    /// Carries token requests and metadata-server calls.
    public var transport: any HTTPTransport
    /// Where credential discovery and refreshes log.
    public var logger: Logger
    /// Environment variables and the home directory, for Application Default Credentials and the quota project.
    public var environment: AuthEnvironment
    /// The wall clock for JWT times and token expiry.
    public var clock: AuthClock
    /// How token requests are retried.
    public var tokenRetry: TokenRetrySchedule
    /// Where credential metrics go.
    public var metricsFactory: any MetricsFactory

    /// Creates a context.
    /// - Parameters:
    ///   - transport: Carries token requests.
    ///   - logger: Where to log; discards by default.
    ///   - environment: The environment to discover credentials in; pass ``AuthEnvironment/process`` at the program's edge.
    ///   - clock: The wall clock; the system clock by default.
    ///   - tokenRetry: google-auth's schedule by default.
    ///   - metricsFactory: The globally bootstrapped metrics backend by default.
    public init(
        transport: any HTTPTransport,
        logger: Logger = Logger(label: "switchyard.auth", factory: { _ in SwiftLogNoOpLogHandler() }),
        environment: AuthEnvironment,
        clock: AuthClock = .system,
        tokenRetry: TokenRetrySchedule = .googleAuth,
        metricsFactory: any MetricsFactory = MetricsSystem.factory
    ) {
        self.transport = transport
        self.logger = logger
        self.environment = environment
        self.clock = clock
        self.tokenRetry = tokenRetry
        self.metricsFactory = metricsFactory
    }

    var tokenEndpoint: TokenEndpointClient {
        TokenEndpointClient(transport: transport, retry: tokenRetry, clock: clock)
    }

    /// The quota project: the explicit one, else `GOOGLE_CLOUD_QUOTA_PROJECT`, else the credential's own.
    func quotaProject(explicit: String?, fromCredential: String?) -> String? {
        explicit.flatMap { $0.isEmpty ? nil : $0 } ?? environment["GOOGLE_CLOUD_QUOTA_PROJECT"] ?? fromCredential
    }
}
