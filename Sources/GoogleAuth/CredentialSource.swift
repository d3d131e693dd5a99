import Logging
import SwitchyardHTTP

/// Produces the authentication headers for calls to Google: the seam providers use.
///
/// A provider asks for headers before each call and reports a `401` with ``invalidate(rejected:logger:)``;
/// ``CredentialSource/execute(_:on:logger:)`` does both, with one retry, so providers need not.
public protocol CredentialSource: Sendable {
    /// A label for logs and metrics, free of secrets (an account name, `api-key`, …).
    var label: String { get }

    /// The headers to add to one API request: `Authorization: Bearer …` or `x-goog-api-key`, plus
    /// `x-goog-user-project` when a quota project is configured.
    ///
    /// Cheap when a token is cached; otherwise waits for the one refresh in flight.
    /// - Throws: ``GoogleAuthError`` when no token could be obtained.
    func authorizationHeaders(logger: Logger) async throws -> HTTPHeaders

    /// Reports that the API answered `401 Unauthorized` to a request that carried `rejected`.
    ///
    /// Drops that token if it is still the cached one, so the next ``authorizationHeaders(logger:)`` fetches a fresh one.
    /// - Returns: Whether retrying with new headers can help (`false` for an API key, which cannot change).
    func invalidate(rejected: HTTPHeaders, logger: Logger) async -> Bool
}
