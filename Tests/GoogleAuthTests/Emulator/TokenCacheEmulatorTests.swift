import Foundation
import GoogleAuth
import GoogleEmulator
import Logging
import SwitchyardHTTP
import Testing

/// The token cache against the emulator's token endpoint, counted with the emulator's own counters.
@Suite("Token cache against the emulator", .timeLimit(.minutes(1)))
struct TokenCacheEmulatorTests {
    let logger = Logger(label: "test")

    @Test("1,000 concurrent callers on a cold cache make exactly one token request and one signature")
    func singleFlight() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let account = try await emulator.createServiceAccount(project: EmulatorHarness.project)
            let metrics = TestMetrics()
            let source = try await CredentialSourceFactory.serviceAccount(json: account.json)
                .makeSource(context: EmulatorHarness.context(transport, metrics: metrics))
            let logger = self.logger
            let tokens = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<1000 {
                    group.addTask { try await source.authorizationHeaders(logger: logger)["Authorization"] ?? "" }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(tokens.count == 1)
            #expect(await emulator.counters.tokenGrants == 1)
            #expect(await emulator.counters.tokenRequests == 1)
            #expect(metrics.counterValue("switchyard_auth_jwt_signatures_total") == 1)
        }
    }

    @Test("with a 300 s token the cache refreshes at 75 s (225 s before expiry), not before")
    func earlyRefresh() async throws {
        try await EmulatorHarness.run(tokenLifetime: .seconds(300)) { emulator, transport in
            let account = try await emulator.createServiceAccount(project: EmulatorHarness.project)
            let clock = ManualClock()
            let source = try await CredentialSourceFactory.serviceAccount(json: account.json)
                .makeSource(context: EmulatorHarness.context(transport, clock: clock.authClock))
            let first = try await source.authorizationHeaders(logger: logger)
            clock.advance(by: 74)
            #expect(try await source.authorizationHeaders(logger: logger) == first)
            #expect(await emulator.counters.tokenGrants == 1)
            clock.advance(by: 1)
            let second = try await source.authorizationHeaders(logger: logger)
            #expect(second != first)
            #expect(await emulator.counters.tokenGrants == 2)
        }
    }

    @Test("a failed refresh is not cached: the next caller tries again and succeeds")
    func failedRefreshNotCached() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let account = try await emulator.createServiceAccount(project: EmulatorHarness.project)
            await emulator.injectFault(
                EmulatorFault(kind: .tokenError(error: "invalid_grant", status: 400), match: .init(surface: .token), count: 1)
            )
            let metrics = TestMetrics()
            let source = try await CredentialSourceFactory.serviceAccount(json: account.json)
                .makeSource(context: EmulatorHarness.context(transport, metrics: metrics))
            await #expect(throws: GoogleAuthError.self) { try await source.authorizationHeaders(logger: logger) }
            let headers = try await source.authorizationHeaders(logger: logger)
            #expect(headers["Authorization"]?.hasPrefix("Bearer ") == true)
            #expect(await emulator.counters.tokenRequests == 2)
            #expect(await emulator.counters.tokenGrants == 1)
            #expect(metrics.counterValue("switchyard_auth_token_failures_total") == 1)
            #expect(metrics.counterValue("switchyard_auth_token_requests_total") == 2)
        }
    }

    @Test("a 401 from the API drops the token; the call is retried once with a fresh one and succeeds")
    func unauthorizedRefreshes() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let account = try await emulator.createServiceAccount(project: EmulatorHarness.project)
            let source = try await CredentialSourceFactory.serviceAccount(json: account.json)
                .makeSource(context: EmulatorHarness.context(transport))
            _ = try await source.authorizationHeaders(logger: logger)
            await emulator.injectFault(EmulatorFault(kind: .status(401), match: .init(surface: .vertex), count: 1))
            let response = try await source.execute(Self.countTokensRequest(emulator), on: transport, logger: logger)
            _ = try await response.body.collect(upTo: 1 << 20)
            #expect(response.status == 200)
            #expect(await emulator.counters.tokenGrants == 2)
        }
    }

    @Test("self-signed JWT mode calls Vertex with no token exchange; a JWT for another audience is refused")
    func selfSignedJWT() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let account = try await emulator.createServiceAccount(project: EmulatorHarness.project)
            let metrics = TestMetrics()
            let source = try await CredentialSourceFactory.serviceAccount(json: account.json, mode: .selfSignedVertexJWT)
                .makeSource(context: EmulatorHarness.context(transport, metrics: metrics))
            let request = Self.countTokensRequest(emulator)
            for _ in 0..<3 {
                let response = try await source.execute(request, on: transport, logger: logger)
                _ = try await response.body.collect(upTo: 1 << 20)
                #expect(response.status == 200)
            }
            #expect(await emulator.counters.tokenRequests == 0)
            #expect(metrics.counterValue("switchyard_auth_jwt_signatures_total") == 1)
            let wrongAudience = try await CredentialSourceFactory.serviceAccount(
                json: account.json,
                mode: .selfSignedJWT(audience: "https://example.com/")
            ).makeSource(context: EmulatorHarness.context(transport))
            let refused = try await wrongAudience.execute(request, on: transport, logger: logger)
            _ = try await refused.body.collect(upTo: 1 << 20)
            #expect(refused.status == 401)
        }
    }

    static func countTokensRequest(_ emulator: GoogleEmulator) -> HTTPRequest {
        HTTPRequest(
            method: .post,
            url: emulator.baseURL
                + "/v1/projects/\(EmulatorHarness.project)/locations/us-central1/publishers/google/models/gemini-2.5-flash:countTokens",
            headers: ["Content-Type": "application/json"],
            body: Data(#"{"contents":[{"role":"user","parts":[{"text":"hello"}]}]}"#.utf8)
        )
    }
}
