import Foundation

/// An OAuth access token (or a self-signed JWT used as one) and when it expires.
///
/// `description` never shows the token.
public struct AccessToken: Sendable, CustomStringConvertible {
    /// The token, sent as `Authorization: Bearer <value>`. A secret.
    public let value: String
    /// When the token stops working.
    public let expiry: Date

    /// Creates a token.
    public init(value: String, expiry: Date) {
        self.value = value
        self.expiry = expiry
    }

    /// A description with the expiry only.
    public var description: String { "AccessToken(expires: \(expiry))" }
}
