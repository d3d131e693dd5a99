import CCurl

extension HTTPTransportError {
    /// Maps a failed transfer's `CURLcode` to a typed error carrying curl's message.
    ///
    /// - Parameters:
    ///   - code: The transfer's result.
    ///   - detail: The text curl wrote to the transfer's error buffer, if any.
    ///   - timeoutKind: Which timeout applies when curl reports `CURLE_OPERATION_TIMEDOUT`.
    static func fromCurl(_ code: CURLcode, detail: String, timeoutKind: Code) -> HTTPTransportError {
        let kind: Code
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            kind = .dnsFailure
        case CURLE_COULDNT_CONNECT:
            kind = .connectionRefused
        case CURLE_OPERATION_TIMEDOUT:
            kind = timeoutKind
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_USE_SSL_FAILED:
            kind = .tls
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            kind = .connectionReset
        case CURLE_PARTIAL_FILE:
            kind = .truncatedBody
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_BAD_FUNCTION_ARGUMENT:
            kind = .invalidRequest
        default:
            kind = .other
        }
        let summary = String(cString: curl_easy_strerror(code))
        let message = detail.isEmpty ? summary : "\(summary): \(detail)"
        return HTTPTransportError(code: kind, message: "\(message) (curl \(code.rawValue))")
    }

    /// The transport was shut down before or while this exchange ran.
    static let transportShutdown = HTTPTransportError(code: .shutdown, message: "the HTTP transport has been shut down")

    /// The calling task was cancelled or the body was abandoned.
    static let transferCancelled = HTTPTransportError(code: .cancelled, message: "the HTTP exchange was cancelled")
}
