extension SignedJWT {
    /// The JWT-bearer grant type (RFC 7523).
    public static let jwtBearerGrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer"

    /// The form fields of the token request this assertion is sent in: `assertion`, then `grant_type`.
    var grantRequestFields: [(name: String, value: String)] {
        [("assertion", compact), ("grant_type", Self.jwtBearerGrantType)]
    }

    /// The exact body of the token request, as google-auth sends it:
    /// `assertion=<jwt>&grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer`. Contains the assertion: a secret.
    public var grantRequestBody: String {
        FormURLEncoding.encode(grantRequestFields)
    }
}
