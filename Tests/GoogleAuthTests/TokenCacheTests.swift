import Foundation
import GoogleAuth
import Logging
import SwitchyardCrypto
import SwitchyardHTTP
import Testing

/// The token cache, driven through self-signed JWT credentials: every token is one local RSA signature, counted by the
/// `switchyard_auth_jwt_signatures_total` metric, so the cache is observed without a network.
@Suite("Token cache (self-signed JWT mode, no network)", .timeLimit(.minutes(1)))
struct TokenCacheTests {
    let logger = Logger(label: "test")

    struct Fixture {
        let source: any CredentialSource
        let clock: ManualClock
        let metrics: TestMetrics

        var signatures: Int64 { metrics.counterValue("switchyard_auth_jwt_signatures_total") }
    }

    func makeFixture(environment: AuthEnvironment = AuthEnvironment(), quotaProject: String? = nil) async throws -> Fixture {
        let json = try KeyFiles.json(KeyFiles.serviceAccountObject(pem: KeyFiles.sharedPKCS8()))
        let clock = ManualClock(Date(timeIntervalSince1970: 1_750_000_000))
        let metrics = TestMetrics()
        let context = CredentialContext(
            transport: NoNetworkTransport(),
            environment: environment,
            clock: clock.authClock,
            metricsFactory: metrics
        )
        let source = try await CredentialSourceFactory.serviceAccount(
            json: json,
            mode: .selfSignedVertexJWT,
            quotaProject: quotaProject
        ).makeSource(context: context)
        return Fixture(source: source, clock: clock, metrics: metrics)
    }

    @Test("1,000 concurrent callers on a cold cache share one token and one signature")
    func singleFlight() async throws {
        let fixture = try await makeFixture()
        let values = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<1000 {
                group.addTask { try await fixture.source.authorizationHeaders(logger: logger)["Authorization"] ?? "" }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(values.count == 1)
        #expect(values.first?.hasPrefix("Bearer ey") == true)
        #expect(fixture.signatures == 1)
        #expect(fixture.metrics.counterValue("switchyard_auth_token_requests_total") == 1)
    }

    @Test("a token is reused until 225 s before expiry, then refreshed; never signed per request")
    func earlyRefresh() async throws {
        let fixture = try await makeFixture()
        let first = try await fixture.source.authorizationHeaders(logger: logger)
        for _ in 0..<50 { _ = try await fixture.source.authorizationHeaders(logger: logger) }
        #expect(fixture.signatures == 1)
        fixture.clock.advance(by: 3600 - 225 - 1)
        #expect(try await fixture.source.authorizationHeaders(logger: logger) == first)
        #expect(fixture.signatures == 1)
        fixture.clock.advance(by: 1)
        let second = try await fixture.source.authorizationHeaders(logger: logger)
        #expect(second != first)
        #expect(fixture.signatures == 2)
        #expect(fixture.metrics.timerCount("switchyard_auth_token_refresh_duration") == 2)
    }

    @Test("invalidate drops the rejected token; a stale rejection keeps the newer token")
    func invalidate() async throws {
        let fixture = try await makeFixture()
        let first = try await fixture.source.authorizationHeaders(logger: logger)
        #expect(await fixture.source.invalidate(rejected: first, logger: logger))
        fixture.clock.advance(by: 1)
        let second = try await fixture.source.authorizationHeaders(logger: logger)
        #expect(fixture.signatures == 2)
        #expect(second != first)
        _ = await fixture.source.invalidate(rejected: first, logger: logger)
        #expect(try await fixture.source.authorizationHeaders(logger: logger) == second)
        #expect(fixture.signatures == 2)
    }

    @Test("withAuthorization retries a 401 once with a fresh token, and returns a second 401 as is")
    func unauthorizedRetriesOnce() async throws {
        let fixture = try await makeFixture()
        var seen: [String] = []
        let status = try await fixture.source.withAuthorization(
            logger: logger,
            { headers in
                seen.append(headers["Authorization"] ?? "")
                fixture.clock.advance(by: 1)
                return seen.count == 1 ? 401 : 200
            },
            isUnauthorized: { $0 == 401 }
        )
        #expect(status == 200)
        #expect(seen.count == 2)
        #expect(seen[0] != seen[1])
        var calls = 0
        let final = try await fixture.source.withAuthorization(
            logger: logger,
            { _ in
                calls += 1
                return 401
            },
            isUnauthorized: { $0 == 401 }
        )
        #expect(final == 401)
        #expect(calls == 2)
    }

    @Test("metrics name the credential by the account's local part and never carry secrets")
    func metricLabels() async throws {
        let fixture = try await makeFixture()
        let headers = try await fixture.source.authorizationHeaders(logger: logger)
        #expect(fixture.metrics.dimensionValues("credential") == ["unit-test"])
        #expect(fixture.metrics.dimensionValues("kind") == ["service_account_jwt"])
        #expect(fixture.source.label == "unit-test")
        let token = try #require(headers["Authorization"]).dropFirst("Bearer ".count)
        #expect(!"\(fixture.source)".contains(token))
    }

    @Test("refreshes and invalidations log at trace level without the key, the JWT or its signature")
    func nothingSecretLogged() async throws {
        let rsa = try #require(KeyFiles.sharedKey)
        let pem = try rsa.pkcs8PEM()
        let capture = LogCapture()
        let logger = capture.logger()
        let context = CredentialContext(
            transport: NoNetworkTransport(),
            logger: logger,
            environment: AuthEnvironment(),
            metricsFactory: TestMetrics()
        )
        let source = try await CredentialSourceFactory.serviceAccount(
            json: KeyFiles.json(KeyFiles.serviceAccountObject(pem: pem)),
            mode: .selfSignedVertexJWT
        ).makeSource(context: context)
        let headers = try await source.authorizationHeaders(logger: logger)
        _ = await source.invalidate(rejected: headers, logger: logger)
        _ = try await source.authorizationHeaders(logger: logger)
        #expect(!capture.all.isEmpty)
        let jwt = try #require(headers["Authorization"]).dropFirst("Bearer ".count)
        #expect(!capture.contains(jwt))
        #expect(!capture.contains(jwt.split(separator: ".").last ?? "-"))
        for line in KeyFiles.secretLines(of: pem) { #expect(!capture.contains(line)) }
    }

    @Test("quota project: explicit, then GOOGLE_CLOUD_QUOTA_PROJECT")
    func quotaProject() async throws {
        let environment = AuthEnvironment(variables: ["GOOGLE_CLOUD_QUOTA_PROJECT": "from-env"])
        let fromEnvironment = try await makeFixture(environment: environment)
        #expect(try await fromEnvironment.source.authorizationHeaders(logger: logger)["x-goog-user-project"] == "from-env")
        let explicit = try await makeFixture(environment: environment, quotaProject: "explicit")
        #expect(try await explicit.source.authorizationHeaders(logger: logger)["x-goog-user-project"] == "explicit")
        let none = try await makeFixture()
        #expect(try await none.source.authorizationHeaders(logger: logger)["x-goog-user-project"] == nil)
    }
}

@Suite("API keys")
struct APIKeyTests {
    @Test("an API key is sent as x-goog-api-key, never shown, and a 401 is not retried")
    func apiKey() async throws {
        let logger = Logger(label: "test")
        let context = CredentialContext(transport: NoNetworkTransport(), environment: AuthEnvironment())
        let source = try await CredentialSourceFactory.apiKey("AIzaSyTEST-not-a-real-key", quotaProject: "billing")
            .makeSource(context: context)
        let headers = try await source.authorizationHeaders(logger: logger)
        #expect(headers["x-goog-api-key"] == "AIzaSyTEST-not-a-real-key")
        #expect(headers["Authorization"] == nil)
        #expect(headers["x-goog-user-project"] == "billing")
        #expect(!"\(source)".contains("AIzaSyTEST"))
        #expect(source.label == "api-key")
        #expect(await source.invalidate(rejected: headers, logger: logger) == false)
        var calls = 0
        _ = try await source.withAuthorization(
            logger: logger,
            { _ in
                calls += 1
                return 401
            },
            isUnauthorized: { $0 == 401 }
        )
        #expect(calls == 1)
    }

    @Test("an empty API key is refused")
    func emptyKey() async throws {
        let context = CredentialContext(transport: NoNetworkTransport(), environment: AuthEnvironment())
        let error = await #expect(throws: GoogleAuthError.self) {
            try await CredentialSourceFactory.apiKey("  ").makeSource(context: context)
        }
        #expect(error?.code == .emptyAPIKey)
    }
}
