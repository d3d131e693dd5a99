import Metrics

/// The metrics one credential reports, all with the dimensions `credential` (a label free of secrets) and `kind`.
///
/// - `switchyard_auth_token_requests_total`: token refreshes started.
/// - `switchyard_auth_token_failures_total`: token refreshes that failed.
/// - `switchyard_auth_token_refresh_duration`: how long each refresh took (a timer).
/// - `switchyard_auth_jwt_signatures_total`: RSA signatures made (one per token, never per API request).
struct AuthMetrics: Sendable {
    let tokenRequests: Counter
    let tokenFailures: Counter
    let refreshDuration: Timer
    let signatures: Counter

    init(credential: String, kind: String, factory: any MetricsFactory) {
        let dimensions = [("credential", credential), ("kind", kind)]
        self.tokenRequests = Counter(label: "switchyard_auth_token_requests_total", dimensions: dimensions, factory: factory)
        self.tokenFailures = Counter(label: "switchyard_auth_token_failures_total", dimensions: dimensions, factory: factory)
        self.refreshDuration = Timer(label: "switchyard_auth_token_refresh_duration", dimensions: dimensions, factory: factory)
        self.signatures = Counter(label: "switchyard_auth_jwt_signatures_total", dimensions: dimensions, factory: factory)
    }

    /// The label a service account reports under: the email's local part, e.g. `vertex-test` for
    /// `vertex-test@example-project.iam.gserviceaccount.com`.
    static func label(forAccount email: String) -> String {
        String(email.split(separator: "@", maxSplits: 1).first ?? Substring(email))
    }
}
