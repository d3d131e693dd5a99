import HTTPTypes

extension HTTPField.Name {
    // Built once: `HTTPField.Name(_:)` validates its text on every call, and these are used on every request.

    /// `x-goog-api-key`: Google's API key header.
    static let googleAPIKey = HTTPField.Name("x-goog-api-key")!
    /// `x-goog-api-client`: sent by Google's SDKs.
    static let googleAPIClient = HTTPField.Name("x-goog-api-client")!
    /// `x-request-id`.
    static let requestID = HTTPField.Name("x-request-id")!
    /// `x-server-timeout`: the caller's deadline in seconds (google-genai's `http_options.timeout`).
    static let serverTimeout = HTTPField.Name("x-server-timeout")!
    /// `x-switchyard-provider`: the provider that answered.
    static let switchyardProvider = HTTPField.Name("x-switchyard-provider")!
    /// `x-switchyard-model`: the model that answered.
    static let switchyardModel = HTTPField.Name("x-switchyard-model")!
    /// `x-switchyard-route`: the route or model asked for.
    static let switchyardRoute = HTTPField.Name("x-switchyard-route")!
    /// `x-switchyard-attempts`: how many attempts the answer took.
    static let switchyardAttempts = HTTPField.Name("x-switchyard-attempts")!
    /// `x-switchyard-warnings`: fields dropped or changed on the way.
    static let switchyardWarnings = HTTPField.Name("x-switchyard-warnings")!
}
