import Foundation
import GoogleAuth
import SwitchyardCrypto
import Testing

@Suite("JWTs byte-identical to google-auth 2.62.2")
struct JWTVectorTests {
    static let key: ServiceAccountKey? = try? ServiceAccountKey(contentsOfFile: SharedVectors.keyFile)

    @Test("the shared vector file has every case: grant, grant with two scopes, grant with subject, self-signed aud and scope")
    func vectorsArePresent() {
        let modes = SharedVectors.vectors.map(\.mode)
        #expect(SharedVectors.vectors.count >= 5, "vectors.json not found under \(SharedVectors.directory.path)")
        #expect(modes.contains("grant"))
        #expect(modes.contains("jwt-aud"))
        #expect(modes.contains("jwt-scope"))
        #expect(SharedVectors.vectors.contains { !$0.values(of: "--subject").isEmpty })
        #expect(SharedVectors.vectors.contains { $0.values(of: "--scope").count > 1 })
    }

    @Test("header, payload, signing input, signature, JWT and form body match", arguments: SharedVectors.vectors)
    func vectorMatches(_ vector: JWTVector) throws {
        let key = try #require(Self.key)
        let issuedAt = Date(timeIntervalSince1970: TimeInterval(vector.iat))
        let scopes = vector.values(of: "--scope").isEmpty ? [ServiceAccountKey.cloudPlatformScope] : vector.values(of: "--scope")
        let jwt: SignedJWT
        switch vector.mode {
        case "grant":
            jwt = try key.grantAssertion(scopes: scopes, subject: vector.values(of: "--subject").first, issuedAt: issuedAt)
        case "jwt-aud":
            let audience = vector.values(of: "--audience").first ?? ServiceAccountKey.vertexSelfSignedAudience
            jwt = try key.selfSignedJWT(audience: audience, issuedAt: issuedAt)
        case "jwt-scope":
            jwt = try key.selfSignedJWT(scopes: scopes, issuedAt: issuedAt)
        default:
            Issue.record("unknown vector mode \(vector.mode)")
            return
        }
        #expect(jwt.headerJSON == vector.headerJSON)
        #expect(jwt.payloadJSON == vector.payloadJSON)
        #expect(jwt.signingInput == vector.headerB64 + "." + vector.payloadB64)
        #expect(SHA256.hexHash(Array(jwt.signingInput.utf8)) == vector.signingInputSHA256Hex)
        #expect(Base64URL.encode(jwt.signature) == vector.signatureB64)
        #expect(jwt.signature.count == 256)
        #expect(jwt.compact == vector.jwt)
        #expect(jwt.issuedAt == vector.iat)
        #expect(jwt.expiresAt == vector.iat + 3600)
        if let body = vector.tokenRequestBody {
            #expect(jwt.grantRequestBody == body)
        }
        #expect(key.privateKey(matches: jwt))
    }

    @Test("a key without private_key_id gives a header without kid")
    func headerWithoutKeyID() throws {
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: SharedVectors.keyFile))) as? [String: Any]
        )
        object.removeValue(forKey: "private_key_id")
        let key = try ServiceAccountKey(json: JSONSerialization.data(withJSONObject: object))
        let jwt = try key.grantAssertion(scopes: [], issuedAt: Date(timeIntervalSince1970: 1_700_000_000.9))
        #expect(jwt.headerJSON == #"{"typ": "JWT", "alg": "RS256"}"#)
        #expect(jwt.payloadJSON.contains(#""iat": 1700000000, "exp": 1700003600"#))
        #expect(jwt.payloadJSON.contains(#""scope": """#))
    }

    @Test("strings are escaped as Python's json.dumps does (ensure_ascii, lower-case hex, surrogate pairs, / unescaped)")
    func pythonEscaping() throws {
        let key = try #require(Self.key)
        let audience = "\u{7f}/é😀\u{01}\"\\\u{08}\u{0C}\n\r\t~ "
        let jwt = try key.selfSignedJWT(audience: audience, issuedAt: Date(timeIntervalSince1970: 0))
        let expected = #""aud": "\u007f/\u00e9\ud83d\ude00\u0001\"\\\b\f\n\r\t~ "}"#
        #expect(jwt.payloadJSON.hasSuffix(expected))
        #expect(!jwt.description.contains(jwt.compact))
    }
}

extension ServiceAccountKey {
    /// Whether the JWT's signature verifies with the public half of the key in the shared key file.
    fileprivate func privateKey(matches jwt: SignedJWT) -> Bool {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: SharedVectors.keyFile)),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let pem = object["private_key"] as? String,
            let privateKey = try? RSAPrivateKey(pem: pem)
        else { return false }
        return privateKey.publicKey.verifySHA256(signature: jwt.signature, message: Array(jwt.signingInput.utf8))
    }
}
