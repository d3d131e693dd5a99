import Foundation
import SwitchyardCrypto
import SwitchyardHTTP
import Testing

@testable import GoogleEmulator

@Suite("OAuth token endpoint", .timeLimit(.minutes(1)))
struct TokenEndpointTests {
    static let audience = "https://oauth2.googleapis.com/token"

    @Test("the minted key file has every field of a real one and a JWT grant succeeds")
    func grant() async throws {
        try await Harness.with { harness in
            let account = try await harness.emulator.createServiceAccount(project: Harness.project)
            let object = try JSONSerialization.jsonObject(with: account.json) as? [String: Any] ?? [:]
            for field in [
                "type", "project_id", "private_key_id", "private_key", "client_email", "client_id", "auth_uri", "token_uri",
                "auth_provider_x509_cert_url", "client_x509_cert_url", "universe_domain",
            ] {
                #expect(object[field] is String, "missing \(field)")
            }
            #expect((object["private_key"] as? String)?.hasPrefix("-----BEGIN PRIVATE KEY-----") == true)
            #expect(object["token_uri"] as? String == harness.emulator.tokenURL)
            #expect((object["private_key_id"] as? String)?.count == 40)

            let file = try ServiceAccountFile(account.json)
            #expect(file.key.bits == 2048)
            let reply = try await harness.tokenRequest(assertion: try file.assertion(audience: Self.audience))
            #expect(reply.status == 200)
            #expect(reply.json["token_type"] as? String == "Bearer")
            #expect(reply.json["expires_in"] as? Int == 3600)
            #expect((reply.json["access_token"] as? String)?.isEmpty == false)

            let ownURL = try await harness.tokenRequest(assertion: try file.assertion(audience: harness.emulator.tokenURL))
            #expect(ownURL.status == 200)
            let counters = await harness.emulator.counters
            #expect(counters.tokenGrants == 2)
            #expect(counters.tokenRequests == 2)
        }
    }

    @Test("a JWT signed with a different key is refused with invalid_grant")
    func wrongKey() async throws {
        try await Harness.with { harness in
            let account = try await harness.emulator.createServiceAccount(project: Harness.project)
            let file = try ServiceAccountFile(account.json)
            let other = try RSAPrivateKey.generate()
            let reply = try await harness.tokenRequest(assertion: try file.assertion(audience: Self.audience, signingKey: other))
            #expect(reply.status == 400)
            #expect(reply.json["error"] as? String == "invalid_grant")
            #expect(reply.json["error_description"] as? String == "Invalid JWT Signature.")
            let counters = await harness.emulator.counters
            #expect(counters.tokenGrants == 0)
            #expect(counters.tokenRequests == 1)
        }
    }

    @Test("lifetime over an hour, iat in the future or exp in the past are refused")
    func timeframe() async throws {
        try await Harness.with { harness in
            let account = try await harness.emulator.createServiceAccount(project: Harness.project)
            let file = try ServiceAccountFile(account.json)
            let now = Int(Date().timeIntervalSince1970)
            let message =
                "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim."
            for assertion in [
                try file.assertion(audience: Self.audience, lifetime: 3601),
                try file.assertion(audience: Self.audience, issuedAt: now + 3000),
                try file.assertion(audience: Self.audience, issuedAt: now - 7200),
            ] {
                let reply = try await harness.tokenRequest(assertion: assertion)
                #expect(reply.status == 400)
                #expect(reply.json["error"] as? String == "invalid_grant")
                #expect(reply.json["error_description"] as? String == message)
            }
            let skewed = try await harness.tokenRequest(assertion: try file.assertion(audience: Self.audience, issuedAt: now + 60))
            #expect(skewed.status == 200)
        }
    }

    @Test("scope, audience and issuer are checked")
    func claims() async throws {
        try await Harness.with { harness in
            let account = try await harness.emulator.createServiceAccount(project: Harness.project)
            let file = try ServiceAccountFile(account.json)
            let noScope = try await harness.tokenRequest(assertion: try file.assertion(audience: Self.audience, scope: ""))
            #expect(noScope.json["error"] as? String == "invalid_scope")
            let otherScope = try await harness.tokenRequest(
                assertion: try file.assertion(audience: Self.audience, scope: "https://www.googleapis.com/auth/userinfo.email")
            )
            #expect(otherScope.json["error"] as? String == "invalid_scope")
            let audience = try await harness.tokenRequest(assertion: try file.assertion(audience: "https://example.com/token"))
            #expect(audience.json["error"] as? String == "invalid_grant")
            let issuer = try await harness.tokenRequest(
                assertion: try file.assertion(audience: Self.audience, issuer: "ghost@switchyard-test.iam.gserviceaccount.com")
            )
            #expect(issuer.json["error"] as? String == "invalid_grant")
            #expect(issuer.json["error_description"] as? String == "Invalid grant: account not found")
        }
    }

    @Test("unsupported grants and JSON bodies are unsupported_grant_type")
    func unsupportedGrant() async throws {
        try await Harness.with { harness in
            let password = try await harness.send(
                .post,
                "/token",
                headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: Data("grant_type=password&username=a".utf8)
            )
            #expect(password.status == 400)
            #expect(password.json["error"] as? String == "unsupported_grant_type")
            #expect(password.json["error_description"] as? String == "Invalid grant_type: password")
            let json = try await harness.send(.post, "/token", json: ["grant_type": "refresh_token"])
            #expect(json.json["error_description"] as? String == "Invalid grant_type: ")
        }
    }

    @Test("the refresh_token grant for authorized_user files checks client id, secret and refresh token")
    func refreshGrant() async throws {
        try await Harness.with { harness in
            let user = try await harness.emulator.createAuthorizedUser(quotaProject: Harness.project)
            let object = try JSONSerialization.jsonObject(with: user.json) as? [String: String] ?? [:]
            #expect(object["type"] == "authorized_user")
            #expect(object["quota_project_id"] == Harness.project)
            #expect(object["token_uri"] == harness.emulator.tokenURL)
            func form(_ secret: String?, _ refresh: String?) -> Data {
                let fields = [
                    "grant_type=refresh_token",
                    "client_id=\(object["client_id"] ?? "")",
                    "client_secret=\(secret ?? "")",
                    "refresh_token=\((refresh ?? "").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")",
                ]
                return Data(fields.joined(separator: "&").utf8)
            }
            let headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
            let good = try await harness.send(.post, "/token", headers: headers, body: form(object["client_secret"], object["refresh_token"]))
            #expect(good.status == 200)
            let token = try #require(good.json["access_token"] as? String)
            let used = try await harness.vertex("gemini-2.0-flash", "countTokens", textRequest("hi"), token: token)
            #expect(used.status == 200)

            let secret = try await harness.send(.post, "/token", headers: headers, body: form("wrong", object["refresh_token"]))
            #expect(secret.status == 401)
            #expect(secret.json["error"] as? String == "invalid_client")
            let refresh = try await harness.send(.post, "/token", headers: headers, body: form(object["client_secret"], "1//nope"))
            #expect(refresh.status == 400)
            #expect(refresh.json["error"] as? String == "invalid_grant")
        }
    }
}
