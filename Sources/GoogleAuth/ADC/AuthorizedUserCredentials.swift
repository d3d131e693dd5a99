import Foundation

/// gcloud user credentials (`gcloud auth application-default login`): a refresh token and the OAuth client it belongs to.
///
/// `description` shows neither the refresh token nor the client secret.
public struct AuthorizedUserCredentials: Sendable, CustomStringConvertible {
    /// Where the credentials came from.
    public let source: String
    /// `client_id`: the OAuth client (gcloud's own, unless another was used to log in).
    public let clientID: String
    let clientSecret: String
    let refreshToken: String
    /// `quota_project_id`: the project gcloud recorded for quota and billing.
    public let quotaProjectID: String?
    /// `token_uri` when the file has one (real gcloud files do not), else Google's token endpoint.
    public let tokenURI: String
    /// `account`: the user's email, when gcloud recorded it.
    public let account: String?
    /// `universe_domain`: `googleapis.com` when absent.
    public let universeDomain: String

    /// Google's token endpoint, used when the file names none.
    public static let defaultTokenURI = "https://oauth2.googleapis.com/token"

    /// Parses an `authorized_user` file's JSON.
    /// - Throws: ``GoogleAuthError`` naming `source` and the missing or bad field.
    public init(json: Data, source: String = "<inline authorized_user JSON>") throws {
        try self.init(parsed: CredentialFileJSON(data: json, source: source, kind: "authorized_user"))
    }

    init(parsed: CredentialFileJSON) throws {
        var json = parsed
        json.kind = "authorized_user"
        _ = try json.requireType("authorized_user")
        self.source = json.source
        self.clientID = try json.requiredString("client_id")
        self.clientSecret = try json.requiredString("client_secret")
        self.refreshToken = try json.requiredString("refresh_token")
        self.quotaProjectID = try json.optionalString("quota_project_id").flatMap { $0.isEmpty ? nil : $0 }
        self.account = try json.optionalString("account").flatMap { $0.isEmpty ? nil : $0 }
        self.universeDomain = try json.universeDomain()
        let tokenURI = try json.optionalString("token_uri").flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultTokenURI
        try json.checkTokenURI(tokenURI)
        self.tokenURI = tokenURI
    }

    /// Who these credentials are, for messages: the account when known, else the client.
    var displayName: String {
        account ?? "gcloud user credentials (client \(clientID))"
    }

    /// A description without secrets.
    public var description: String {
        "AuthorizedUserCredentials(\(displayName), source: \(source))"
    }
}
