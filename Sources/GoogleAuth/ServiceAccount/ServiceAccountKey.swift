import Foundation
import SwitchyardCrypto

/// A service-account key file (`gcloud iam service-accounts keys create`), every field loaded.
///
/// The private key is held by OpenSSL and never printed: neither `description` nor any error carries it.
public struct ServiceAccountKey: Sendable, CustomStringConvertible {
    /// Where the key came from: a file path, or a description for JSON handed over in memory.
    public let source: String
    /// `type`: always `service_account`.
    public let type: String
    /// `project_id`: the project the account belongs to.
    public let projectID: String?
    /// `private_key_id`: becomes the JWT header's `kid`; the header has no `kid` when it is absent.
    public let privateKeyID: String?
    /// `client_email`: the account, used as the JWT `iss` (and `sub` of self-signed JWTs).
    public let clientEmail: String
    /// `client_id`: the account's numeric ID.
    public let clientID: String?
    /// `auth_uri`: not used for service accounts.
    public let authURI: String?
    /// `token_uri`: where the JWT-bearer grant is POSTed.
    public let tokenURI: String
    /// `auth_provider_x509_cert_url`: Google's certificate URL.
    public let authProviderX509CertURL: String?
    /// `client_x509_cert_url`: where the account's public certificates are published.
    public let clientX509CertURL: String?
    /// `universe_domain`: `googleapis.com` when absent.
    public let universeDomain: String
    /// The RSA key from `private_key` (PKCS#8 or PKCS#1 PEM).
    let privateKey: RSAPrivateKey

    /// The default `source` for keys handed over in memory.
    public static let inlineSource = "<inline service-account JSON>"

    /// Parses a key file's JSON.
    /// - Parameters:
    ///   - json: The file's bytes.
    ///   - source: The file's path or another description, used in error messages.
    /// - Throws: ``GoogleAuthError`` naming `source` and the missing or bad field.
    public init(json: Data, source: String = ServiceAccountKey.inlineSource) throws {
        try self.init(parsed: CredentialFileJSON(data: json, source: source, kind: "service-account key"))
    }

    /// Reads and parses a key file.
    /// - Throws: ``GoogleAuthError`` naming `path` and the missing or bad field.
    public init(contentsOfFile path: String) throws {
        var parsed = try CredentialFileJSON(contentsOfFile: path)
        parsed.kind = "service-account key"
        try self.init(parsed: parsed)
    }

    init(parsed: CredentialFileJSON) throws {
        var json = parsed
        json.kind = "service-account key"
        let type = try json.requireType("service_account")
        self.source = json.source
        self.type = type
        self.projectID = try json.optionalString("project_id")
        self.privateKeyID = try json.optionalString("private_key_id")
        self.clientEmail = try json.requiredString("client_email")
        self.clientID = try json.optionalString("client_id")
        self.authURI = try json.optionalString("auth_uri")
        self.tokenURI = try json.requiredString("token_uri")
        self.authProviderX509CertURL = try json.optionalString("auth_provider_x509_cert_url")
        self.clientX509CertURL = try json.optionalString("client_x509_cert_url")
        self.universeDomain = try json.universeDomain()
        try json.checkTokenURI(tokenURI)
        let pem = try json.requiredString("private_key")
        do {
            self.privateKey = try RSAPrivateKey(pem: pem)
        } catch let error as CryptoError {
            throw GoogleAuthError(
                code: .invalidPrivateKey,
                message: "the field \"private_key\" in \(json.source) is not an unencrypted RSA private key in PEM form (\(error.message))",
                file: json.source,
                field: "private_key",
                account: clientEmail
            )
        }
    }

    /// A description naming the account and key ID, never the key.
    public var description: String {
        "ServiceAccountKey(\(clientEmail), kid: \(privateKeyID ?? "none"), source: \(source))"
    }

    /// The scope Vertex AI needs, and the default for every service-account token.
    public static let cloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform"
    /// The `aud` google-auth puts in every grant assertion, whatever `token_uri` says.
    public static let grantAudience = "https://oauth2.googleapis.com/token"
    /// The audience Google's Vertex AI clients use for self-signed JWTs.
    public static let vertexSelfSignedAudience = "https://aiplatform.googleapis.com/"
    /// How long assertions and self-signed JWTs live: exactly 3,600 s, as google-auth and AIP-4111 require.
    public static let jwtLifetimeSeconds: Int64 = 3600

    /// The assertion for the JWT-bearer grant (RFC 7523), byte-identical to google-auth's.
    ///
    /// Claims, in google-auth's order: `iat`, `exp` (= `iat` + 3600), `iss`, `aud` (the constant
    /// ``grantAudience``), `scope` (space-joined; empty when there are none), then `sub` when a subject is given.
    /// - Parameters:
    ///   - scopes: The OAuth scopes to ask for.
    ///   - subject: The user to impersonate (domain-wide delegation); `nil` for none.
    ///   - issuedAt: The time to put in `iat`, truncated to whole seconds.
    public func grantAssertion(scopes: [String], subject: String? = nil, issuedAt: Date) throws -> SignedJWT {
        let iat = Self.wholeSeconds(issuedAt)
        let exp = iat + Self.jwtLifetimeSeconds
        var claims: [(key: String, value: PythonJSON.Value)] = [
            ("iat", .integer(iat)),
            ("exp", .integer(exp)),
            ("iss", .string(clientEmail)),
            ("aud", .string(Self.grantAudience)),
            ("scope", .string(scopes.joined(separator: " "))),
        ]
        if let subject { claims.append(("sub", .string(subject))) }
        return try sign(claims: claims, issuedAt: iat, expiresAt: exp)
    }

    /// A self-signed JWT with an audience, used directly as the bearer token (no exchange), as google-auth's
    /// `_create_self_signed_jwt(audience)` makes it. Claims: `iss`, `sub` (both the account), `iat`, `exp`, `aud`.
    /// - Parameters:
    ///   - audience: The API, e.g. ``vertexSelfSignedAudience`` (trailing slash included).
    ///   - issuedAt: The time to put in `iat`, truncated to whole seconds.
    public func selfSignedJWT(audience: String, issuedAt: Date) throws -> SignedJWT {
        try selfSigned(final: ("aud", .string(audience)), issuedAt: issuedAt)
    }

    /// A self-signed JWT with a `scope` claim instead of an audience. Claims: `iss`, `sub`, `iat`, `exp`, `scope`.
    /// - Parameters:
    ///   - scopes: The scopes, space-joined into the claim.
    ///   - issuedAt: The time to put in `iat`, truncated to whole seconds.
    public func selfSignedJWT(scopes: [String], issuedAt: Date) throws -> SignedJWT {
        try selfSigned(final: ("scope", .string(scopes.joined(separator: " "))), issuedAt: issuedAt)
    }

    private func selfSigned(final: (key: String, value: PythonJSON.Value), issuedAt: Date) throws -> SignedJWT {
        let iat = Self.wholeSeconds(issuedAt)
        let exp = iat + Self.jwtLifetimeSeconds
        let claims: [(key: String, value: PythonJSON.Value)] = [
            ("iss", .string(clientEmail)),
            ("sub", .string(clientEmail)),
            ("iat", .integer(iat)),
            ("exp", .integer(exp)),
            final,
        ]
        return try sign(claims: claims, issuedAt: iat, expiresAt: exp)
    }

    private func sign(claims: [(key: String, value: PythonJSON.Value)], issuedAt: Int64, expiresAt: Int64) throws -> SignedJWT {
        var header: [(key: String, value: PythonJSON.Value)] = [("typ", .string("JWT")), ("alg", .string("RS256"))]
        if let privateKeyID { header.append(("kid", .string(privateKeyID))) }
        do {
            return try SignedJWT.sign(header: header, claims: claims, issuedAt: issuedAt, expiresAt: expiresAt, with: privateKey)
        } catch let error as CryptoError {
            throw GoogleAuthError(
                code: .signingFailed,
                message: "signing a JWT for \(clientEmail) failed (\(error.message))",
                file: source,
                account: clientEmail
            )
        }
    }

    private static func wholeSeconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }
}
