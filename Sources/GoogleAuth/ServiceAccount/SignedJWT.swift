import SwitchyardCrypto

/// A JWT signed with RS256, with every intermediate form kept so it can be compared with google-auth's output.
///
/// ``compact`` is the token itself and is a secret: it authorises calls (self-signed mode) or buys one (grant mode).
/// `description` never prints it.
public struct SignedJWT: Sendable, CustomStringConvertible {
    /// The header JSON text, e.g. `{"typ": "JWT", "alg": "RS256", "kid": "…"}`.
    public let headerJSON: String
    /// The claims JSON text.
    public let payloadJSON: String
    /// `base64url(header) + "." + base64url(payload)`: the bytes that were signed.
    public let signingInput: String
    /// The RSASSA-PKCS1-v1_5 SHA-256 signature, exactly the modulus size.
    public let signature: [UInt8]
    /// The `iat` claim, in whole seconds since 1970.
    public let issuedAt: Int64
    /// The `exp` claim, in whole seconds since 1970.
    public let expiresAt: Int64

    /// The compact serialisation `header.payload.signature`, all base64url without padding.
    public var compact: String { signingInput + "." + Base64URL.encode(signature) }

    /// A description without the token or its signature.
    public var description: String { "SignedJWT(header: \(headerJSON), iat: \(issuedAt), exp: \(expiresAt))" }

    /// Builds and signs a JWT the way google-auth's `jwt.encode` does.
    static func sign(
        header: [(key: String, value: PythonJSON.Value)],
        claims: [(key: String, value: PythonJSON.Value)],
        issuedAt: Int64,
        expiresAt: Int64,
        with key: RSAPrivateKey
    ) throws -> SignedJWT {
        let headerJSON = PythonJSON.object(header)
        let payloadJSON = PythonJSON.object(claims)
        let signingInput = Base64URL.encode(Array(headerJSON.utf8)) + "." + Base64URL.encode(Array(payloadJSON.utf8))
        let signature = try key.signSHA256(Array(signingInput.utf8))
        return SignedJWT(
            headerJSON: headerJSON,
            payloadJSON: payloadJSON,
            signingInput: signingInput,
            signature: signature,
            issuedAt: issuedAt,
            expiresAt: expiresAt
        )
    }
}
