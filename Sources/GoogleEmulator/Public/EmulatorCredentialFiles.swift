import Foundation

/// A service-account key file minted by the emulator, which its token endpoint trusts.
public struct EmulatorServiceAccount: Sendable, CustomStringConvertible {
    /// The key file's JSON bytes (RSA-2048 PKCS#8 key, `token_uri` pointing at the emulator).
    public let json: Data
    /// The account's `client_email`.
    public let email: String
    /// The `private_key_id` (the JWT `kid`).
    public let keyID: String
    /// The project the account belongs to.
    public let project: String

    /// A description without key material.
    public var description: String { "EmulatorServiceAccount(\(email), kid \(keyID))" }
}

/// An `authorized_user` credentials file (gcloud ADC shape) whose refresh token the emulator accepts.
public struct EmulatorAuthorizedUser: Sendable, CustomStringConvertible {
    /// The file's JSON bytes; carries `token_uri` pointing at the emulator.
    public let json: Data
    /// The OAuth client id in the file.
    public let clientID: String
    /// The file's `quota_project_id`.
    public let quotaProject: String?

    /// A description without secrets.
    public var description: String { "EmulatorAuthorizedUser(client \(clientID))" }
}
