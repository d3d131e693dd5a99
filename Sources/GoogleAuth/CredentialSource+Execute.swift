import Logging
import SwitchyardHTTP

extension CredentialSource {
    /// Runs one API call with authentication, applying the 401 rule: when the API answers `401`, the token is dropped,
    /// a fresh one is fetched and the call is made once more; the second answer is final.
    /// - Parameters:
    ///   - logger: Where to log the refresh.
    ///   - call: Makes the call with the given authentication headers.
    ///   - isUnauthorized: Whether a result is a `401`.
    /// - Returns: The result of the last call made.
    public func withAuthorization<Result>(
        logger: Logger,
        _ call: (HTTPHeaders) async throws -> Result,
        isUnauthorized: (Result) -> Bool
    ) async throws -> Result {
        let headers = try await authorizationHeaders(logger: logger)
        let first = try await call(headers)
        guard isUnauthorized(first), await invalidate(rejected: headers, logger: logger) else {
            return first
        }
        logger.debug("API answered 401; retrying once with a fresh token", metadata: ["switchyard.credential": "\(label)"])
        return try await call(authorizationHeaders(logger: logger))
    }

    /// Sends a request with authentication headers added, applying the 401 rule of ``withAuthorization(logger:_:isUnauthorized:)``.
    ///
    /// When the first answer is a `401` and a fresh token can help, its body is read (up to 64 KiB) and dropped,
    /// and the request is sent again with new headers.
    /// - Parameters:
    ///   - request: The request, without authentication headers.
    ///   - transport: The transport that carries it.
    ///   - logger: Where to log.
    /// - Returns: The last response.
    public func execute(_ request: HTTPRequest, on transport: any HTTPTransport, logger: Logger) async throws -> HTTPResponse {
        let headers = try await authorizationHeaders(logger: logger)
        let first = try await transport.execute(request.addingHeaders(headers))
        guard first.status == 401, await invalidate(rejected: headers, logger: logger) else {
            return first
        }
        _ = try? await first.body.collect(upTo: 64 * 1024)
        logger.debug("API answered 401; retrying once with a fresh token", metadata: ["switchyard.credential": "\(label)"])
        return try await transport.execute(request.addingHeaders(authorizationHeaders(logger: logger)))
    }
}

extension HTTPRequest {
    /// A copy with each of `headers` set, replacing fields of the same name.
    fileprivate func addingHeaders(_ headers: HTTPHeaders) -> HTTPRequest {
        var copy = self
        for field in headers { copy.headers.replaceOrAdd(name: field.name, value: field.value) }
        return copy
    }
}
