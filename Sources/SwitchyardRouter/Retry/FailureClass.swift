import SwitchyardCore

/// What a failed attempt means for routing.
enum FailureClass: Sendable, Hashable {
    /// Transient (429, 5xx, timeouts, connection failures): retry this target with backoff, then fall back.
    case retryable
    /// This provider cannot serve it (401, 403, 404 model not found, unsupported field, configuration): fall back
    /// at once and report it.
    case targetSpecific
    /// The caller's mistake (400) or a final verdict (safety): return at once, no retry, no fallback.
    case final

    /// Classifies an error.
    init(_ error: SwitchyardError) {
        if error.isRetryable {
            self = .retryable
            return
        }
        switch error.code {
        case .unauthenticated, .permissionDenied, .notFound, .unimplemented, .unsupportedField, .configuration, .internal:
            self = .targetSpecific
        case .invalidArgument where Self.isCredentialRejection(error):
            // AI Studio answers a bad API key with 400 INVALID_ARGUMENT + ErrorInfo API_KEY_INVALID: a provider's
            // configuration problem, not the caller's.
            self = .targetSpecific
        default:
            self = .final
        }
    }

    /// Whether a 400 is really a rejected credential (`ErrorInfo.reason` `API_KEY_INVALID` and kin).
    static func isCredentialRejection(_ error: SwitchyardError) -> Bool {
        for detail in error.details {
            guard detail["@type"]?.stringValue?.hasSuffix("google.rpc.ErrorInfo") == true,
                let reason = detail["reason"]?.stringValue
            else { continue }
            if reason.hasPrefix("API_KEY_") || reason == "ACCESS_TOKEN_EXPIRED" || reason == "SERVICE_DISABLED" { return true }
        }
        return false
    }
}
