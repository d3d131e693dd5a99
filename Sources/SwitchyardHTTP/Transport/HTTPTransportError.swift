/// Why an HTTP exchange failed, with a stable code and the underlying message (curl's, where it came from curl).
public struct HTTPTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable kind of failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public let rawValue: String
        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The host name did not resolve.
        public static let dnsFailure = Code(rawValue: "dns_failure")
        /// The server refused the connection.
        public static let connectionRefused = Code(rawValue: "connection_refused")
        /// Connecting took longer than the connect timeout.
        public static let connectTimeout = Code(rawValue: "connect_timeout")
        /// The whole exchange took longer than the total timeout.
        public static let totalTimeout = Code(rawValue: "total_timeout")
        /// The body went longer than the idle timeout without a byte.
        public static let idleTimeout = Code(rawValue: "idle_timeout")
        /// TLS failed (handshake, certificate verification).
        public static let tls = Code(rawValue: "tls")
        /// The connection closed or reset before the response was complete.
        public static let connectionReset = Code(rawValue: "connection_reset")
        /// The body ended before the length the server announced.
        public static let truncatedBody = Code(rawValue: "truncated_body")
        /// A collected body was larger than allowed.
        public static let bodyTooLarge = Code(rawValue: "body_too_large")
        /// The calling task was cancelled.
        public static let cancelled = Code(rawValue: "cancelled")
        /// The transport was shut down.
        public static let shutdown = Code(rawValue: "shutdown")
        /// The request itself was invalid (bad URL, bad header).
        public static let invalidRequest = Code(rawValue: "invalid_request")
        /// Any other failure.
        public static let other = Code(rawValue: "other")

        /// A readable form, for logs and messages.
        public var description: String { rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// A human-readable message (for curl failures, curl's own error text).
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// Whether retrying the request, on this or another target, may succeed.
    public var isRetryable: Bool {
        switch code {
        case .dnsFailure, .connectionRefused, .connectTimeout, .totalTimeout, .idleTimeout, .connectionReset, .truncatedBody:
            true
        default:
            false
        }
    }

    /// A collected body went over its limit.
    public static func bodyTooLarge(limit: Int) -> HTTPTransportError {
        HTTPTransportError(code: .bodyTooLarge, message: "response body larger than \(limit) bytes")
    }

    /// A readable form, for logs and messages.
    public var description: String { "\(code): \(message)" }
}
