import Foundation
import GoogleAuth
import GoogleEmulator
import Logging
import SwitchyardCrypto
import SwitchyardHTTP
import Testing

/// The JWT-bearer grant against the emulator's token endpoint, which verifies signatures for real, over libcurl.
@Suite("Service-account token exchange against the emulator", .timeLimit(.minutes(1)))
struct TokenExchangeTests {
    let logger = Logger(label: "test")

    @Test("a key the emulator minted gets a token; the request is a form POST with the JWT-bearer grant")
    func exchangeSucceeds() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let account = try await emulator.createServiceAccount(project: EmulatorHarness.project)
            let metrics = TestMetrics()
            let source = try await CredentialSourceFactory.serviceAccount(json: account.json)
                .makeSource(context: EmulatorHarness.context(transport, metrics: metrics))
            let headers = try await source.authorizationHeaders(logger: logger)
            let authorization = try #require(headers["Authorization"])
            #expect(authorization.hasPrefix("Bearer "))
            #expect(authorization.count > "Bearer ".count)
            #expect(headers["x-goog-user-project"] == nil)
            #expect(await emulator.counters.tokenGrants == 1)
            let tokenRequests = await emulator.requestLog().filter { $0.path == "/token" }
            #expect(tokenRequests.count == 1)
            #expect(tokenRequests.first?.method == "POST")
            #expect(metrics.counterValue("switchyard_auth_token_requests_total") == 1)
            #expect(metrics.counterValue("switchyard_auth_token_failures_total") == 0)
            #expect(metrics.counterValue("switchyard_auth_jwt_signatures_total") == 1)
            #expect(metrics.timerCount("switchyard_auth_token_refresh_duration") == 1)
            #expect(source.label == accountLabel(account.email))
        }
    }

    @Test("503 → 503 → 200 takes exactly 3 attempts and succeeds")
    func retriesStatus() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let account = try await emulator.createServiceAccount(project: EmulatorHarness.project)
            await emulator.injectFault(EmulatorFault(kind: .status(503), match: .init(surface: .token), count: 2))
            let source = try await CredentialSourceFactory.serviceAccount(json: account.json)
                .makeSource(context: EmulatorHarness.context(transport))
            _ = try await source.authorizationHeaders(logger: logger)
            #expect(await emulator.counters.tokenRequests == 3)
            #expect(await emulator.counters.tokenGrants == 1)
        }
    }

    @Test("a server_error body is retried whatever the status: 3 attempts")
    func retriesServerErrorBody() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let account = try await emulator.createServiceAccount(project: EmulatorHarness.project)
            await emulator.injectFault(
                EmulatorFault(kind: .tokenError(error: "server_error", status: 400), match: .init(surface: .token), count: 2)
            )
            let source = try await CredentialSourceFactory.serviceAccount(json: account.json)
                .makeSource(context: EmulatorHarness.context(transport))
            _ = try await source.authorizationHeaders(logger: logger)
            #expect(await emulator.counters.tokenRequests == 3)
            #expect(await emulator.counters.tokenGrants == 1)
        }
    }

    @Test("retryable failures on all 3 attempts end in a retryable token_endpoint_unavailable error")
    func retriesExhausted() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let account = try await emulator.createServiceAccount(project: EmulatorHarness.project)
            await emulator.injectFault(EmulatorFault(kind: .status(503), match: .init(surface: .token), count: 5))
            let source = try await CredentialSourceFactory.serviceAccount(json: account.json)
                .makeSource(context: EmulatorHarness.context(transport))
            let error = await #expect(throws: GoogleAuthError.self) { try await source.authorizationHeaders(logger: logger) }
            #expect(error?.code == .tokenEndpointUnavailable)
            #expect(error?.isRetryable == true)
            #expect(error?.httpStatus == 503)
            #expect(await emulator.counters.tokenRequests == 3)
        }
    }

    @Test("invalid_grant is not retried and carries Google's description and the account, never the assertion")
    func invalidGrant() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let account = try await emulator.createServiceAccount(project: EmulatorHarness.project)
            await emulator.injectFault(
                EmulatorFault(kind: .tokenError(error: "invalid_grant", status: 400), match: .init(surface: .token), count: 1)
            )
            let source = try await CredentialSourceFactory.serviceAccount(json: account.json)
                .makeSource(context: EmulatorHarness.context(transport))
            let error = await #expect(throws: GoogleAuthError.self) { try await source.authorizationHeaders(logger: logger) }
            #expect(error?.code == .invalidGrant)
            #expect(error?.isRetryable == false)
            #expect(error?.oauthError == "invalid_grant")
            #expect(error?.account == account.email)
            #expect(error?.httpStatus == 400)
            #expect(error?.message.contains(account.email) == true)
            #expect(error?.description.contains("eyJ0eXAiOiAiSldUIi") == false)
            #expect(await emulator.counters.tokenRequests == 1)
        }
    }

    @Test("invalid_scope is a non-retryable rejection after 1 attempt")
    func invalidScope() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let account = try await emulator.createServiceAccount(project: EmulatorHarness.project)
            await emulator.injectFault(
                EmulatorFault(kind: .tokenError(error: "invalid_scope", status: 400), match: .init(surface: .token), count: 1)
            )
            let source = try await CredentialSourceFactory.serviceAccount(json: account.json)
                .makeSource(context: EmulatorHarness.context(transport))
            let error = await #expect(throws: GoogleAuthError.self) { try await source.authorizationHeaders(logger: logger) }
            #expect(error?.code == .tokenRequestRejected)
            #expect(error?.oauthError == "invalid_scope")
            #expect(error?.isRetryable == false)
            #expect(await emulator.counters.tokenRequests == 1)
        }
    }

    @Test("a dropped connection is a transport failure and is not retried by the token loop")
    func droppedConnection() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let account = try await emulator.createServiceAccount(project: EmulatorHarness.project)
            await emulator.injectFault(EmulatorFault(kind: .dropConnection, match: .init(surface: .token), count: 1))
            let source = try await CredentialSourceFactory.serviceAccount(json: account.json)
                .makeSource(context: EmulatorHarness.context(transport))
            let error = await #expect(throws: GoogleAuthError.self) { try await source.authorizationHeaders(logger: logger) }
            #expect(error?.code == .transportFailure)
            #expect(await emulator.counters.tokenRequests == 1)
            #expect(await emulator.counters.tokenGrants == 0)
        }
    }

    @Test("a malformed success body is an invalid token response")
    func malformedBody() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let account = try await emulator.createServiceAccount(project: EmulatorHarness.project)
            await emulator.injectFault(EmulatorFault(kind: .malformedBody, match: .init(surface: .token), count: 1))
            let source = try await CredentialSourceFactory.serviceAccount(json: account.json)
                .makeSource(context: EmulatorHarness.context(transport))
            let error = await #expect(throws: GoogleAuthError.self) { try await source.authorizationHeaders(logger: logger) }
            #expect(error?.code == .invalidTokenResponse)
        }
    }

    @Test("a key signed by a key the emulator does not know is refused with invalid_grant, once")
    func unknownKeyRefused() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let account = try await emulator.createServiceAccount(project: EmulatorHarness.project)
            var object = try #require(try JSONSerialization.jsonObject(with: account.json) as? [String: Any])
            let stranger = try #require(KeyFiles.sharedKey)
            object["private_key"] = try stranger.pkcs8PEM()
            let forged = try JSONSerialization.data(withJSONObject: object)
            let source = try await CredentialSourceFactory.serviceAccount(json: forged)
                .makeSource(context: EmulatorHarness.context(transport))
            let error = await #expect(throws: GoogleAuthError.self) { try await source.authorizationHeaders(logger: logger) }
            #expect(error?.code == .invalidGrant)
            #expect(error?.isRetryable == false)
            #expect(error?.account == account.email)
            #expect(await emulator.counters.tokenRequests == 1)
            #expect(await emulator.counters.tokenGrants == 0)
            let text = "\(String(describing: error))"
            for line in KeyFiles.secretLines(of: try stranger.pkcs8PEM()) { #expect(!text.contains(line)) }
        }
    }
}

/// The label metrics use for an account: its email's local part.
func accountLabel(_ email: String) -> String {
    String(email.split(separator: "@").first ?? "")
}
