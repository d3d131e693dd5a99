import Foundation
import Logging
import Metrics

/// Mints self-signed JWTs (no token exchange): one RSA signature per token, each valid for 3,600 s.
struct SelfSignedJWTFetcher: AccessTokenFetcher {
    let key: ServiceAccountKey
    let audience: String
    let clock: AuthClock
    let metrics: AuthMetrics

    var kind: String { "service_account_jwt" }
    var credentialLabel: String { AuthMetrics.label(forAccount: key.clientEmail) }

    func fetchToken(logger: Logger) async throws -> AccessToken {
        let jwt = try key.selfSignedJWT(audience: audience, issuedAt: clock.now())
        metrics.signatures.increment()
        return AccessToken(value: jwt.compact, expiry: Date(timeIntervalSince1970: TimeInterval(jwt.expiresAt)))
    }
}
