import Foundation
import Logging
import SwitchyardHTTP

/// Gets access tokens for the default service account from the metadata server
/// (`GET …/instance/service-accounts/default/token`), retried as google-auth's `_metadata.get`: 5 attempts on
/// 408/429/500/503/504 and on transport failures.
struct MetadataTokenFetcher: AccessTokenFetcher {
    let server: MetadataServer
    let scopes: [String]
    let transport: any HTTPTransport
    let retry: TokenRetrySchedule
    let clock: AuthClock

    /// google-auth's attempts for metadata requests.
    static let totalAttempts = 5

    var kind: String { "metadata_server" }
    var credentialLabel: String { "metadata-server" }

    /// The token URL, with `?scopes=a%2Cb` when scopes are set.
    var tokenURL: String {
        let base = server.rootURL + "instance/service-accounts/default/token"
        guard !scopes.isEmpty else { return base }
        return base + "?" + FormURLEncoding.encode([("scopes", scopes.joined(separator: ","))])
    }

    func fetchToken(logger: Logger) async throws -> AccessToken {
        let url = tokenURL
        let request = HTTPRequest(
            method: .get,
            url: url,
            headers: ["Metadata-Flavor": "Google"],
            timeouts: TokenEndpointClient.timeouts
        )
        let schedule = retry.withTotalAttempts(Self.totalAttempts)
        let account = "the metadata server's default service account"
        var attempt = 1
        while true {
            try Task.checkCancellation()
            let failure: GoogleAuthError
            do {
                let response = try await transport.execute(request)
                let body = try await response.body.collect(upTo: TokenEndpointClient.maxResponseBytes)
                if response.status == 200 {
                    let parser = TokenEndpointClient(transport: transport, retry: schedule, clock: clock)
                    return try parser.parseSuccess(body, status: response.status, account: account, url: url)
                }
                let text = String(decoding: body.prefix(512), as: UTF8.self)
                failure = GoogleAuthError(
                    code: .metadataServerError,
                    message: "the metadata server at \(url) answered HTTP \(response.status): \(text.isEmpty ? "an empty body" : text)",
                    account: account,
                    httpStatus: response.status,
                    isRetryable: TokenEndpointClient.retryableStatuses.contains(response.status)
                )
            } catch let error as HTTPTransportError {
                failure = GoogleAuthError(
                    code: .transportFailure,
                    message: "requesting a token from the metadata server at \(url) failed: \(error.description)",
                    account: account,
                    isRetryable: true
                )
            }
            guard failure.isRetryable, attempt < schedule.totalAttempts else { throw failure }
            try await Task.sleep(for: schedule.delay(beforeRetry: attempt))
            attempt += 1
        }
    }
}
