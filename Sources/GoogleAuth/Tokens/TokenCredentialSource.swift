import Foundation
import Logging
import Metrics
import SwitchyardHTTP

/// A credential that authorises calls with `Authorization: Bearer <token>`: service accounts (grant or self-signed JWT),
/// gcloud user credentials and the metadata server.
///
/// Holds one ``TokenCache`` actor, so every copy of this value shares one token and one refresh in flight.
public struct TokenCredentialSource: CredentialSource, CustomStringConvertible {
    /// What kind of credential this is: `service_account`, `service_account_jwt`, `authorized_user` or `metadata_server`.
    public let kind: String
    /// A label free of secrets, e.g. a service account's name.
    public let label: String
    /// The project for quota and billing (`x-goog-user-project`), or `nil`.
    public let quotaProject: String?
    private let cache: TokenCache

    init(
        fetcher: any AccessTokenFetcher,
        quotaProject: String?,
        clock: AuthClock,
        metrics: AuthMetrics
    ) {
        self.kind = fetcher.kind
        self.label = fetcher.credentialLabel
        self.quotaProject = quotaProject
        let kind = fetcher.kind
        let label = fetcher.credentialLabel
        self.cache = TokenCache(clock: clock) { logger in
            let start = ContinuousClock.now
            metrics.tokenRequests.increment()
            do {
                let token = try await fetcher.fetchToken(logger: logger)
                metrics.refreshDuration.record(duration: ContinuousClock.now - start)
                logger.debug(
                    "fetched an access token",
                    metadata: ["switchyard.credential": "\(label)", "switchyard.credential.kind": "\(kind)"]
                )
                return token
            } catch {
                metrics.refreshDuration.record(duration: ContinuousClock.now - start)
                metrics.tokenFailures.increment()
                logger.warning(
                    "fetching an access token failed",
                    metadata: [
                        "switchyard.credential": "\(label)",
                        "switchyard.credential.kind": "\(kind)",
                        "error": "\(error)",
                    ]
                )
                throw error
            }
        }
    }

    /// A description without any token.
    public var description: String { "TokenCredentialSource(\(kind), \(label), quotaProject: \(quotaProject ?? "none"))" }

    /// A token that is fresh now: the cached one, or a new one from the single refresh in flight.
    /// - Throws: ``GoogleAuthError`` when the refresh fails.
    public func accessToken(logger: Logger) async throws -> AccessToken {
        try await cache.token(logger: logger)
    }

    /// `Authorization: Bearer <token>`, plus `x-goog-user-project` when set.
    public func authorizationHeaders(logger: Logger) async throws -> HTTPHeaders {
        let token = try await cache.token(logger: logger)
        var headers: HTTPHeaders = ["Authorization": "Bearer \(token.value)"]
        if let quotaProject { headers.add(name: "x-goog-user-project", value: quotaProject) }
        return headers
    }

    /// Drops the token in `rejected` if it is still cached; always `true`, as the next call gets a fresh token.
    public func invalidate(rejected: HTTPHeaders, logger: Logger) async -> Bool {
        if let authorization = rejected["Authorization"], authorization.hasPrefix("Bearer ") {
            await cache.invalidate(String(authorization.dropFirst("Bearer ".count)))
        }
        logger.debug("the API refused an access token; dropping it", metadata: ["switchyard.credential": "\(label)"])
        return true
    }
}
