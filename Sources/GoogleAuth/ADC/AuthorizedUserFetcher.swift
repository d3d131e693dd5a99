import Logging

/// Gets access tokens for gcloud user credentials with the refresh-token grant (google-auth's `refresh_grant`).
struct AuthorizedUserFetcher: AccessTokenFetcher {
    let credentials: AuthorizedUserCredentials
    let endpoint: TokenEndpointClient

    var kind: String { "authorized_user" }
    var credentialLabel: String {
        credentials.account.map(AuthMetrics.label(forAccount:)) ?? "authorized-user"
    }

    func fetchToken(logger: Logger) async throws -> AccessToken {
        try await endpoint.requestToken(
            url: credentials.tokenURI,
            form: [
                ("grant_type", "refresh_token"),
                ("client_id", credentials.clientID),
                ("client_secret", credentials.clientSecret),
                ("refresh_token", credentials.refreshToken),
            ],
            account: credentials.displayName,
            secrets: [credentials.refreshToken, credentials.clientSecret],
            logger: logger
        )
    }
}
