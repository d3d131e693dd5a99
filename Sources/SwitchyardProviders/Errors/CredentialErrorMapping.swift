import GoogleAuth
import SwitchyardCore

/// Turns a credentials failure (no token could be obtained) into a ``SwitchyardError``.
enum CredentialErrorMapping {
    /// `upstreamUnavailable` when the token endpoint may answer later, else `unauthenticated`; `nil` for other errors.
    /// The message is the credentials layer's, which never carries secrets.
    static func map(_ error: any Error, provider: String, model: String?) -> SwitchyardError? {
        guard let auth = error as? GoogleAuthError else { return nil }
        return SwitchyardError(
            auth.isRetryable ? .upstreamUnavailable : .unauthenticated,
            "could not obtain credentials: \(auth.message)",
            provider: provider,
            model: model
        )
    }
}
