import Foundation

/// One request the emulator received, with secrets redacted.
public struct EmulatorRequestRecord: Sendable, Hashable {
    /// The HTTP method.
    public var method: String
    /// The path, without the query.
    public var path: String
    /// The query string without `?` (API keys redacted), or `""`.
    public var query: String
    /// The header fields in order; API keys, bearer tokens and cookies are redacted.
    public var headers: [EmulatorHeader]
    /// The body; form fields carrying assertions, refresh tokens and client secrets are redacted.
    public var body: Data
    /// The surface the request went to.
    public var surface: EmulatorFault.Surface
    /// The status answered, or `0` when the connection was dropped.
    public var status: Int

    /// Creates a record.
    public init(
        method: String,
        path: String,
        query: String,
        headers: [EmulatorHeader],
        body: Data,
        surface: EmulatorFault.Surface,
        status: Int
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.surface = surface
        self.status = status
    }

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// A header field of a recorded request.
public struct EmulatorHeader: Sendable, Hashable {
    /// The field name as received.
    public var name: String
    /// The value, or `REDACTED`.
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Counts of what the emulator did since start or the last reset.
public struct EmulatorCounters: Sendable, Hashable {
    /// Successful `/token` grants (JWT-bearer and refresh_token).
    public var tokenGrants: Int = 0
    /// All `/token` requests, failed ones included.
    public var tokenRequests: Int = 0
    /// Requests for a metadata-server access token.
    public var metadataTokenRequests: Int = 0
    /// All requests except the `/emulator/` control API.
    public var requests: Int = 0
    /// Requests to AI Studio routes.
    public var aiStudioRequests: Int = 0
    /// Requests to Vertex AI routes.
    public var vertexRequests: Int = 0
    /// Model calls answered successfully (generate, stream, countTokens, predict).
    public var modelCallsSucceeded: Int = 0
    /// Faults that fired.
    public var faultsFired: Int = 0

    /// Creates zeroed counters.
    public init() {}
}
