import Logging
import Metrics
import SwitchyardCrypto

/// Gets access tokens for a service account with the JWT-bearer grant: one RSA signature per token.
struct ServiceAccountGrantFetcher: AccessTokenFetcher {
    let key: ServiceAccountKey
    let scopes: [String]
    let subject: String?
    let endpoint: TokenEndpointClient
    let clock: AuthClock
    let metrics: AuthMetrics

    var kind: String { "service_account" }
    var credentialLabel: String { AuthMetrics.label(forAccount: key.clientEmail) }

    func fetchToken(logger: Logger) async throws -> AccessToken {
        let assertion = try key.grantAssertion(scopes: scopes, subject: subject, issuedAt: clock.now())
        metrics.signatures.increment()
        return try await endpoint.requestToken(
            url: key.tokenURI,
            form: assertion.grantRequestFields,
            account: key.clientEmail,
            secrets: [assertion.compact, Base64URL.encode(assertion.signature)],
            logger: logger
        )
    }
}
