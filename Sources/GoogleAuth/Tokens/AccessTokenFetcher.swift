import Logging

/// Gets a new access token from one kind of source (token endpoint, metadata server, local signing).
protocol AccessTokenFetcher: Sendable {
    /// What kind of credential this is, for logs and metrics (`service_account`, `authorized_user`, …).
    var kind: String { get }
    /// A label for the credential, free of secrets (an account name), for logs and metrics.
    var credentialLabel: String { get }
    /// Fetches a token. Called by the cache, one call at a time.
    func fetchToken(logger: Logger) async throws -> AccessToken
}
