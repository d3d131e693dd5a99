/// How a service-account key becomes a bearer token.
public enum ServiceAccountMode: Sendable, Hashable {
    /// Sign an assertion and exchange it at the key's `token_uri` for an access token (the OAuth JWT-bearer grant).
    /// Works with every Google API; the default.
    case tokenExchange
    /// Send a self-signed JWT with this `aud` as the bearer token, with no exchange (AIP-4111).
    case selfSignedJWT(audience: String)

    /// A self-signed JWT for Vertex AI: `aud` `https://aiplatform.googleapis.com/`, as Google's Vertex clients send.
    public static let selfSignedVertexJWT = ServiceAccountMode.selfSignedJWT(audience: ServiceAccountKey.vertexSelfSignedAudience)
}
