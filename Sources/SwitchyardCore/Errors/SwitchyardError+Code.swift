extension SwitchyardError {
    /// A stable, open error code. Each code has the HTTP status and Google status a client is answered with.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name, e.g. `rateLimited`.
        public let rawValue: String

        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The request is malformed or asks for something impossible.
        public static let invalidArgument = Code(rawValue: "invalidArgument")
        /// The request uses a field the chosen provider cannot honour, and the config says to refuse.
        public static let unsupportedField = Code(rawValue: "unsupportedField")
        /// No route or catalog entry has the requested model.
        public static let unknownModel = Code(rawValue: "unknownModel")
        /// No target of the route can serve the request's needs.
        public static let noCapableTarget = Code(rawValue: "noCapableTarget")
        /// The upstream answered with an error that has no more specific code.
        public static let upstream = Code(rawValue: "upstream")
        /// The upstream is unavailable (HTTP 503 / `UNAVAILABLE`), or every target is cooling down.
        public static let upstreamUnavailable = Code(rawValue: "upstreamUnavailable")
        /// A quota or rate limit was hit (HTTP 429 / `RESOURCE_EXHAUSTED`).
        public static let rateLimited = Code(rawValue: "rateLimited")
        /// Credentials are missing or were rejected.
        public static let unauthenticated = Code(rawValue: "unauthenticated")
        /// The credentials may not do this.
        public static let permissionDenied = Code(rawValue: "permissionDenied")
        /// The resource does not exist.
        public static let notFound = Code(rawValue: "notFound")
        /// The upstream ran out of time (`DEADLINE_EXCEEDED`).
        public static let deadlineExceeded = Code(rawValue: "deadlineExceeded")
        /// Switchyard's own timeout fired.
        public static let timeout = Code(rawValue: "timeout")
        /// The connection failed: DNS, TCP, TLS, or a dropped connection.
        public static let transport = Code(rawValue: "transport")
        /// Every output was blocked by safety filters.
        public static let safetyBlocked = Code(rawValue: "safetyBlocked")
        /// The configuration is invalid.
        public static let configuration = Code(rawValue: "configuration")
        /// The caller cancelled the request.
        public static let cancelled = Code(rawValue: "cancelled")
        /// The operation is not implemented for this provider.
        public static let unimplemented = Code(rawValue: "unimplemented")
        /// A bug or an impossible state in Switchyard.
        public static let `internal` = Code(rawValue: "internal")

        /// The code's name.
        public var description: String { rawValue }

        /// The HTTP status a client is answered with.
        public var httpStatus: Int {
            switch self {
            case .invalidArgument, .unsupportedField, .noCapableTarget, .safetyBlocked: 400
            case .unauthenticated: 401
            case .permissionDenied: 403
            case .unknownModel, .notFound: 404
            case .rateLimited: 429
            case .cancelled: 499
            case .unimplemented: 501
            case .upstream, .transport: 502
            case .upstreamUnavailable: 503
            case .deadlineExceeded, .timeout: 504
            default: 500
            }
        }

        /// The Google status a client is answered with.
        public var googleStatus: String {
            switch self {
            case .upstream, .transport: GoogleStatus.unavailable
            default: GoogleStatus.forHTTPStatus(httpStatus)
            }
        }

        /// The code for an upstream error: from Google's status when there is one, else from the HTTP status.
        public static func forUpstream(httpStatus: Int, googleStatus: String?) -> Code {
            switch googleStatus {
            case GoogleStatus.invalidArgument?, GoogleStatus.failedPrecondition?, GoogleStatus.outOfRange?: return .invalidArgument
            case GoogleStatus.unauthenticated?: return .unauthenticated
            case GoogleStatus.permissionDenied?: return .permissionDenied
            case GoogleStatus.notFound?: return .notFound
            case GoogleStatus.resourceExhausted?: return .rateLimited
            case GoogleStatus.unavailable?: return .upstreamUnavailable
            case GoogleStatus.deadlineExceeded?: return .deadlineExceeded
            case GoogleStatus.cancelled?: return .cancelled
            case GoogleStatus.unimplemented?: return .unimplemented
            case .some: return .upstream
            case nil: break
            }
            switch httpStatus {
            case 400: return .invalidArgument
            case 401: return .unauthenticated
            case 403: return .permissionDenied
            case 404: return .notFound
            case 408, 504: return .deadlineExceeded
            case 429: return .rateLimited
            case 501: return .unimplemented
            case 503: return .upstreamUnavailable
            default: return .upstream
            }
        }
    }
}
