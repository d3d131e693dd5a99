import Foundation
import Logging
import SwitchyardHTTP

/// An API key for AI Studio (Gemini API) or Vertex AI express mode, sent as `x-goog-api-key`.
///
/// `description` never shows the key.
public struct APIKeyCredentialSource: CredentialSource, CustomStringConvertible {
    private let key: String
    /// The project for quota and billing (`x-goog-user-project`), or `nil`.
    public let quotaProject: String?

    /// Creates a source for one key.
    /// - Throws: ``GoogleAuthError`` `emptyAPIKey` when the key is empty or only whitespace.
    public init(key: String, quotaProject: String? = nil) throws {
        let trimmed = key.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw GoogleAuthError(code: .emptyAPIKey, message: "the API key is empty")
        }
        self.key = trimmed
        self.quotaProject = quotaProject
    }

    /// Always `api-key`.
    public var label: String { "api-key" }

    /// A description without the key.
    public var description: String { "APIKeyCredentialSource(quotaProject: \(quotaProject ?? "none"))" }

    /// `x-goog-api-key: <key>`, plus `x-goog-user-project` when set.
    public func authorizationHeaders(logger: Logger) async throws -> HTTPHeaders {
        var headers: HTTPHeaders = ["x-goog-api-key": key]
        if let quotaProject { headers.add(name: "x-goog-user-project", value: quotaProject) }
        return headers
    }

    /// A key cannot be refreshed, so a retry cannot help: always `false`.
    public func invalidate(rejected: HTTPHeaders, logger: Logger) async -> Bool {
        false
    }
}
