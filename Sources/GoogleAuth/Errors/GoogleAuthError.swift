/// Why a credential could not be loaded or could not produce a token.
///
/// Messages name the file, the field, the account and Google's own explanation where there is one.
/// They never contain a private key, a refresh token, a client secret, an assertion, an access token or an API key.
public struct GoogleAuthError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable kind of failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name.
        public let rawValue: String
        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A credentials file could not be read (missing, unreadable).
        public static let unreadableFile = Code(rawValue: "unreadable_file")
        /// A credentials file is not a JSON object.
        public static let invalidJSON = Code(rawValue: "invalid_json")
        /// A required field is absent or empty.
        public static let missingField = Code(rawValue: "missing_field")
        /// A field is present but has the wrong type or an unusable value.
        public static let invalidField = Code(rawValue: "invalid_field")
        /// The file's `type` is not one Switchyard supports.
        public static let unsupportedCredentialType = Code(rawValue: "unsupported_credential_type")
        /// The `private_key` field is not an unencrypted RSA private key in PEM form.
        public static let invalidPrivateKey = Code(rawValue: "invalid_private_key")
        /// Signing the JWT failed.
        public static let signingFailed = Code(rawValue: "signing_failed")
        /// The token endpoint answered `invalid_grant` (bad signature, unknown key or account, clock skew).
        public static let invalidGrant = Code(rawValue: "invalid_grant")
        /// The token endpoint refused the request for another reason (`invalid_scope`, `unauthorized_client`, …).
        public static let tokenRequestRejected = Code(rawValue: "token_request_rejected")
        /// The token endpoint kept failing with retryable errors until the attempts ran out.
        public static let tokenEndpointUnavailable = Code(rawValue: "token_endpoint_unavailable")
        /// The token endpoint answered success without a usable token.
        public static let invalidTokenResponse = Code(rawValue: "invalid_token_response")
        /// The request for a token could not be carried (connection refused, timeout, …).
        public static let transportFailure = Code(rawValue: "transport_failure")
        /// The metadata server answered with an error.
        public static let metadataServerError = Code(rawValue: "metadata_server_error")
        /// Application Default Credentials found no credential anywhere it looked.
        public static let noDefaultCredentials = Code(rawValue: "no_default_credentials")
        /// An API key is empty.
        public static let emptyAPIKey = Code(rawValue: "empty_api_key")

        /// A readable form, for logs and messages.
        public var description: String { rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, in words; free of secrets.
    public var message: String
    /// The credentials file involved, when there is one.
    public var file: String?
    /// The JSON field involved, when there is one.
    public var field: String?
    /// The account (service-account email, or a description of the user credential) involved.
    public var account: String?
    /// The HTTP status the token endpoint or metadata server answered, when it answered.
    public var httpStatus: Int?
    /// Google's OAuth `error` value (e.g. `invalid_grant`), when it sent one.
    public var oauthError: String?
    /// Google's OAuth `error_description`, when it sent one.
    public var oauthErrorDescription: String?
    /// Whether trying again later may succeed.
    public var isRetryable: Bool

    /// Creates an error.
    public init(
        code: Code,
        message: String,
        file: String? = nil,
        field: String? = nil,
        account: String? = nil,
        httpStatus: Int? = nil,
        oauthError: String? = nil,
        oauthErrorDescription: String? = nil,
        isRetryable: Bool = false
    ) {
        self.code = code
        self.message = message
        self.file = file
        self.field = field
        self.account = account
        self.httpStatus = httpStatus
        self.oauthError = oauthError
        self.oauthErrorDescription = oauthErrorDescription
        self.isRetryable = isRetryable
    }

    /// A readable form, for logs and messages: the code, the message and every piece of context.
    public var description: String {
        var parts = ["\(code): \(message)"]
        if let file { parts.append("file: \(file)") }
        if let field { parts.append("field: \(field)") }
        if let account { parts.append("account: \(account)") }
        if let httpStatus { parts.append("HTTP status: \(httpStatus)") }
        return parts.joined(separator: "; ")
    }
}

extension GoogleAuthError {
    static func missingField(_ field: String, file: String, kind: String) -> GoogleAuthError {
        GoogleAuthError(
            code: .missingField,
            message: "the \(kind) file \(file) has no \"\(field)\" field",
            file: file,
            field: field
        )
    }

    static func invalidField(_ field: String, file: String, reason: String) -> GoogleAuthError {
        GoogleAuthError(
            code: .invalidField,
            message: "the field \"\(field)\" in \(file) \(reason)",
            file: file,
            field: field
        )
    }
}
