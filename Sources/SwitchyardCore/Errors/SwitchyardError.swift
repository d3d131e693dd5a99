import Foundation

/// The one error type of Switchyard: a stable ``Code`` plus the context needed to act on it and to render it as
/// Google's or OpenAI's error body.
///
/// Never holds secrets: messages are written by Switchyard or copied from Google's error bodies, which carry none.
public struct SwitchyardError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, stable across releases.
    public var code: Code
    /// A one-line human explanation.
    public var message: String
    /// The configured provider involved, e.g. `studio`.
    public var provider: String?
    /// The model involved, e.g. `gemini-2.5-flash`.
    public var model: String?
    /// The HTTP status the upstream answered, when there was an answer.
    public var httpStatus: Int?
    /// Google's canonical status, e.g. `RESOURCE_EXHAUSTED`.
    public var googleStatus: String?
    /// How long to wait before retrying, from `RetryInfo` or `Retry-After`.
    public var retryAfter: Duration?
    /// Google's `error.details` entries (`RetryInfo`, `QuotaFailure`, `ErrorInfo`, …), verbatim.
    public var details: [JSONValue]
    /// The upstream body, when it was not a Google error body.
    public var rawBody: String?

    /// Creates an error.
    public init(
        _ code: Code,
        _ message: String,
        provider: String? = nil,
        model: String? = nil,
        httpStatus: Int? = nil,
        googleStatus: String? = nil,
        retryAfter: Duration? = nil,
        details: [JSONValue] = [],
        rawBody: String? = nil
    ) {
        self.code = code
        self.message = message
        self.provider = provider
        self.model = model
        self.httpStatus = httpStatus
        self.googleStatus = googleStatus
        self.retryAfter = retryAfter
        self.details = details
        self.rawBody = rawBody
    }

    /// Whether trying again (later, or on another target) may succeed: rate limits, unavailability, timeouts,
    /// transport failures, and upstream 408/429/5xx answers.
    public var isRetryable: Bool {
        switch code {
        case .rateLimited, .upstreamUnavailable, .deadlineExceeded, .timeout, .transport:
            return true
        case .upstream:
            guard let httpStatus else { return true }
            return httpStatus == 408 || httpStatus == 429 || httpStatus >= 500
        default:
            return false
        }
    }

    /// The HTTP status to answer a client with: the code's status, or for ``Code/upstream`` the upstream's own.
    public var responseHTTPStatus: Int {
        if code == .upstream, let httpStatus, httpStatus >= 400 { return httpStatus }
        return code.httpStatus
    }

    /// The Google status to answer a client with.
    public var responseGoogleStatus: String {
        if code == .upstream, let googleStatus { return googleStatus }
        if code == .upstream { return GoogleStatus.forHTTPStatus(responseHTTPStatus) }
        return code.googleStatus
    }

    /// Google's error body for this error: `{"error":{"code","message","status","details"}}`.
    public var googleErrorBody: GoogleErrorBody {
        GoogleErrorBody(
            code: responseHTTPStatus,
            message: message,
            status: responseGoogleStatus,
            details: details
        )
    }

    /// `code: message (provider studio, model m, HTTP 429 RESOURCE_EXHAUSTED, retry after 2s)`.
    public var description: String {
        var context: [String] = []
        if let provider { context.append("provider \(provider)") }
        if let model { context.append("model \(model)") }
        if let httpStatus {
            context.append("HTTP \(httpStatus)" + (googleStatus.map { " \($0)" } ?? ""))
        } else if let googleStatus {
            context.append(googleStatus)
        }
        if let retryAfter { context.append("retry after \(retryAfter)") }
        let suffix = context.isEmpty ? "" : " (" + context.joined(separator: ", ") + ")"
        return "\(code): \(message)\(suffix)"
    }
}

extension SwitchyardError {
    /// An `invalidArgument` error for a request body that did not decode, naming the field in Google's style.
    public init(decoding error: any Error) {
        let message: String
        if let decodingError = error as? DecodingError {
            message = decodingError.fieldMessage
        } else if let syntaxError = error as? JSONSyntaxError {
            message = "invalid JSON: \(syntaxError)"
        } else {
            message = "invalid request body: \(error)"
        }
        self.init(.invalidArgument, message)
    }

    /// Builds the error for a non-200 upstream answer from its status, body and `Retry-After` header.
    ///
    /// A Google error body gives the message, status and details; `RetryInfo.retryDelay` (or else the
    /// `Retry-After` header in seconds) gives ``retryAfter``. A body that is not Google's shape is kept in
    /// ``rawBody`` (cut to 4 KiB) and the message becomes the HTTP reason.
    public init(
        upstreamStatus httpStatus: Int,
        body: Data,
        retryAfterHeader: String? = nil,
        provider: String? = nil,
        model: String? = nil
    ) {
        let parsed = GoogleErrorBody.parse(body)
        let googleStatus = parsed?.error.status
        let code = Code.forUpstream(httpStatus: httpStatus, googleStatus: googleStatus)
        var retryAfter = parsed.flatMap { GoogleErrorBody.retryDelay(in: $0.error.details ?? []) }
        if retryAfter == nil, let header = retryAfterHeader?.trimmingCharacters(in: .whitespaces), let seconds = Int(header) {
            retryAfter = .seconds(seconds)
        }
        let rawBody: String? =
            parsed == nil && !body.isEmpty ? String(decoding: body.prefix(4096), as: UTF8.self) : nil
        self.init(
            code,
            parsed?.error.message ?? "upstream answered HTTP \(httpStatus)",
            provider: provider,
            model: model,
            httpStatus: httpStatus,
            googleStatus: googleStatus,
            retryAfter: retryAfter,
            details: parsed?.error.details ?? [],
            rawBody: rawBody
        )
    }
}
