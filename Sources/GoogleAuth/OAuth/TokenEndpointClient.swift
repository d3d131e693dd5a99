import Foundation
import Logging
import SwitchyardHTTP

/// POSTs form-encoded token requests to an OAuth 2.0 token endpoint and reads the answer as google-auth does
/// (`_client._token_endpoint_request_no_throw`): retries on 408/429/500/503/504 and on the body error codes
/// `internal_failure`, `server_error` and `temporarily_unavailable`; transport failures are not retried here.
struct TokenEndpointClient: Sendable {
    let transport: any HTTPTransport
    let retry: TokenRetrySchedule
    let clock: AuthClock

    /// HTTP statuses google-auth retries (`DEFAULT_RETRYABLE_STATUS_CODES`); 502 is not one.
    static let retryableStatuses: Set<Int> = [408, 429, 500, 503, 504]
    /// OAuth `error` (or `error_description`) values google-auth retries whatever the status.
    static let retryableErrorCodes: Set<String> = ["internal_failure", "server_error", "temporarily_unavailable"]
    /// The most response bytes read from a token endpoint.
    static let maxResponseBytes = 1 << 20
    /// Per-request timeouts for token requests.
    static let timeouts = HTTPTimeouts(connect: .seconds(10), total: .seconds(60))

    /// One failed attempt, classified.
    private struct Rejection {
        let error: GoogleAuthError
        let retryable: Bool
    }

    /// Requests a token.
    /// - Parameters:
    ///   - url: The token endpoint.
    ///   - form: The form fields, in order.
    ///   - account: Who the token is for, for messages (an email or a description; never a secret).
    ///   - secrets: Values to scrub from any text the server echoes back (assertion, refresh token, client secret).
    /// - Throws: ``GoogleAuthError``.
    func requestToken(
        url: String,
        form: [(name: String, value: String)],
        account: String,
        secrets: [String],
        logger: Logger
    ) async throws -> AccessToken {
        let request = HTTPRequest(
            method: .post,
            url: url,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
            body: Data(FormURLEncoding.encode(form).utf8),
            timeouts: Self.timeouts
        )
        var attempt = 1
        while true {
            try Task.checkCancellation()
            let rejection: Rejection
            switch try await send(request, account: account, secrets: secrets) {
            case .success(let token): return token
            case .failure(let failure): rejection = failure
            }
            guard rejection.retryable else { throw rejection.error }
            guard attempt < retry.totalAttempts else {
                var exhausted = rejection.error
                exhausted.code = .tokenEndpointUnavailable
                exhausted.message = "the token endpoint \(url) kept failing after \(attempt) attempts; last answer: \(rejection.error.message)"
                exhausted.isRetryable = true
                throw exhausted
            }
            let delay = retry.delay(beforeRetry: attempt)
            logger.debug(
                "token request failed; retrying",
                metadata: [
                    "switchyard.auth.account": "\(account)",
                    "switchyard.auth.attempt": "\(attempt)",
                    "http.response.status_code": "\(rejection.error.httpStatus.map(String.init) ?? "-")",
                ]
            )
            try await Task.sleep(for: delay)
            attempt += 1
        }
    }

    private enum Outcome {
        case success(AccessToken)
        case failure(Rejection)
    }

    private func send(_ request: HTTPRequest, account: String, secrets: [String]) async throws -> Outcome {
        let body: Data
        let status: Int
        do {
            let response = try await transport.execute(request)
            status = response.status
            body = try await response.body.collect(upTo: Self.maxResponseBytes)
        } catch let error as HTTPTransportError {
            throw GoogleAuthError(
                code: .transportFailure,
                message: "requesting a token for \(account) from \(request.url) failed: \(error.description)",
                account: account,
                isRetryable: error.isRetryable
            )
        }
        if (200..<300).contains(status) {
            return .success(try parseSuccess(body, status: status, account: account, url: request.url))
        }
        return .failure(classifyFailure(body, status: status, account: account, url: request.url, secrets: secrets))
    }

    func parseSuccess(_ body: Data, status: Int, account: String, url: String) throws -> AccessToken {
        func invalid(_ reason: String) -> GoogleAuthError {
            GoogleAuthError(
                code: .invalidTokenResponse,
                message: "the token endpoint \(url) answered \(status) for \(account) but \(reason)",
                account: account,
                httpStatus: status
            )
        }
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            throw invalid("the body is not a JSON object")
        }
        guard let token = object["access_token"] as? String, !token.isEmpty else {
            throw invalid("sent no access token")
        }
        let lifetime: Int
        switch object["expires_in"] {
        case nil, is NSNull:
            lifetime = 3600
        case let text as String:
            guard let parsed = Int(text.trimmingCharacters(in: .whitespaces)) else { throw invalid("\"expires_in\" is not a number") }
            lifetime = parsed
        case let number as NSNumber:
            let seconds = number.doubleValue
            guard seconds.isFinite, abs(seconds) < 1e9 else { throw invalid("\"expires_in\" is out of range") }
            lifetime = Int(seconds)
        default:
            throw invalid("\"expires_in\" is not a number")
        }
        return AccessToken(value: token, expiry: clock.now().addingTimeInterval(TimeInterval(lifetime)))
    }

    private func classifyFailure(_ body: Data, status: Int, account: String, url: String, secrets: [String]) -> Rejection {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        let oauthError = (object?["error"] as? String).map { Self.scrub($0, secrets: secrets) }
        let description = (object?["error_description"] as? String).map { Self.scrub($0, secrets: secrets) }
        let retryable =
            Self.retryableStatuses.contains(status)
            || oauthError.map(Self.retryableErrorCodes.contains) == true
            || description.map(Self.retryableErrorCodes.contains) == true
        let detail: String
        if let oauthError {
            detail = description.map { "\(oauthError): \($0)" } ?? oauthError
        } else {
            let text = String(decoding: body.prefix(512), as: UTF8.self)
            detail = text.isEmpty ? "an empty body" : Self.scrub(text, secrets: secrets)
        }
        let code: GoogleAuthError.Code = oauthError == "invalid_grant" ? .invalidGrant : .tokenRequestRejected
        let error = GoogleAuthError(
            code: code,
            message: "the token endpoint \(url) refused a token for \(account) with HTTP \(status): \(detail)",
            account: account,
            httpStatus: status,
            oauthError: oauthError,
            oauthErrorDescription: description,
            isRetryable: retryable
        )
        return Rejection(error: error, retryable: retryable)
    }

    /// Replaces every occurrence of a secret with `<redacted>`.
    static func scrub(_ text: String, secrets: [String]) -> String {
        secrets.filter { $0.count >= 8 }.reduce(text) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
    }
}
