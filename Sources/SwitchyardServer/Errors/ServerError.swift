import SwitchyardCore

/// An error as the server answers it: the HTTP status and what both surfaces' error bodies need.
///
/// Built from a ``SwitchyardError`` (routing and upstream failures, bad request bodies) or by the server itself
/// (authentication, unknown paths, wrong methods, oversized bodies). Messages never contain secrets.
struct ServerError: Error, Sendable {
    /// The HTTP status of the answer.
    var httpStatus: Int
    /// Google's canonical status name for the Google-shaped body, e.g. `INVALID_ARGUMENT`.
    var googleStatus: String
    /// One line naming the problem.
    var message: String
    /// Google `error.details` entries, e.g. `ErrorInfo`, `RetryInfo`.
    var details: [JSONValue] = []
    /// A stable name for logs and metrics, e.g. `unknownModel`, `methodNotAllowed`.
    var code: String
    /// OpenAI's `error.param`: the request field at fault, when one is.
    var parameter: String?
    /// Extra response headers, e.g. `Allow` or `Retry-After`.
    var headers: [(name: String, value: String)] = []

    init(
        httpStatus: Int,
        googleStatus: String,
        code: String,
        message: String,
        details: [JSONValue] = [],
        parameter: String? = nil,
        headers: [(name: String, value: String)] = []
    ) {
        self.httpStatus = httpStatus
        self.googleStatus = googleStatus
        self.code = code
        self.message = message
        self.details = details
        self.parameter = parameter
        self.headers = headers
    }

    /// Wraps a Switchyard error: its answer status, Google status, message, details and retry advice.
    init(_ error: SwitchyardError) {
        var headers: [(name: String, value: String)] = []
        if let retryAfter = error.retryAfter {
            let seconds = max(1, Int((Double(retryAfter.components.seconds) + Double(retryAfter.components.attoseconds) / 1e18).rounded(.up)))
            headers.append(("Retry-After", String(seconds)))
        }
        self.init(
            httpStatus: error.responseHTTPStatus,
            googleStatus: error.responseGoogleStatus,
            code: error.code.rawValue,
            message: error.message,
            details: error.details,
            headers: headers
        )
    }

    /// Google's error body: `{"error":{"code","message","status","details"}}`.
    var googleBody: GoogleErrorBody {
        GoogleErrorBody(code: httpStatus, message: message, status: googleStatus, details: details)
    }

    /// OpenAI's error body: `{"error":{"message","type","param","code"}}`.
    var openAIBody: OpenAIErrorBody {
        OpenAIErrorBody(message: message, type: openAIType, param: parameter, code: openAICode)
    }

    /// OpenAI's error `type` for the status.
    var openAIType: String {
        switch httpStatus {
        case 401: "authentication_error"
        case 403: "permission_error"
        case 404: "not_found_error"
        case 429: "rate_limit_error"
        case 400..<500: "invalid_request_error"
        default: "api_error"
        }
    }

    /// OpenAI's error `code`: OpenAI's own names where one exists, else the Switchyard code in snake_case.
    var openAICode: String {
        switch code {
        case SwitchyardError.Code.unknownModel.rawValue: return "model_not_found"
        case SwitchyardError.Code.rateLimited.rawValue: return "rate_limit_exceeded"
        default:
            return Self.snakeCase(code)
        }
    }
}

extension ServerError {
    /// `invalidAPIKey` → `invalid_api_key`, `unknownModel` → `unknown_model`.
    static func snakeCase(_ name: String) -> String {
        let characters = Array(name)
        var snake = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase && index > 0 {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) {
                    snake += "_"
                }
            }
            snake += character.lowercased()
        }
        return snake
    }

    /// 404 for a path the server does not serve.
    static func unknownPath(_ method: String, _ path: String) -> ServerError {
        ServerError(
            httpStatus: 404,
            googleStatus: GoogleStatus.notFound,
            code: "notFound",
            message: "\(method) \(path) is not served by Switchyard; see GET /v1beta/models and POST /v1/chat/completions"
        )
    }

    /// 405 for a known path asked with the wrong method; lists the allowed one in `Allow`.
    static func methodNotAllowed(_ method: String, _ path: String, allowed: String) -> ServerError {
        ServerError(
            httpStatus: 405,
            googleStatus: GoogleStatus.unimplemented,
            code: "methodNotAllowed",
            message: "method \(method) is not allowed on \(path); use \(allowed)",
            headers: [("Allow", allowed)]
        )
    }

    /// 413 for a body over the configured limit.
    static func bodyTooLarge(limit: Int) -> ServerError {
        ServerError(
            httpStatus: 413,
            googleStatus: GoogleStatus.invalidArgument,
            code: "bodyTooLarge",
            message: "Request payload size exceeds the limit: \(limit) bytes."
        )
    }

    /// 400 for a bad request the server itself detects, naming the field.
    static func invalidArgument(_ message: String, parameter: String? = nil) -> ServerError {
        ServerError(
            httpStatus: 400,
            googleStatus: GoogleStatus.invalidArgument,
            code: SwitchyardError.Code.invalidArgument.rawValue,
            message: message,
            parameter: parameter
        )
    }
}
