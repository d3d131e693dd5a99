import Foundation
import GoogleAuth
import GoogleEmulator
import Logging
import SwitchyardHTTP

/// Starts an emulator on 127.0.0.1 and a real libcurl transport for one test, and tears both down after it.
enum EmulatorHarness {
    static let project = "switchyard-test"
    /// A retry schedule with google-auth's attempt count and tiny pauses, so attempt counts are tested quickly.
    static let fastRetry = TokenRetrySchedule(totalAttempts: 3, initialDelay: .milliseconds(5))

    static func run<Result>(
        tokenLifetime: Duration = .seconds(3600),
        _ body: (GoogleEmulator, CurlTransport) async throws -> Result
    ) async throws -> Result {
        let emulator = try await GoogleEmulator.start(
            GoogleEmulator.Configuration(
                host: "127.0.0.1",
                port: 0,
                apiKeys: ["test-api-key"],
                projects: [project],
                tokenLifetime: tokenLifetime
            )
        )
        let transport = CurlTransport()
        do {
            let result = try await body(emulator, transport)
            await transport.shutdown()
            try await emulator.shutdown()
            return result
        } catch {
            await transport.shutdown()
            try? await emulator.shutdown()
            throw error
        }
    }

    static func context(
        _ transport: CurlTransport,
        environment: AuthEnvironment = AuthEnvironment(),
        clock: AuthClock = .system,
        metrics: TestMetrics = TestMetrics()
    ) -> CredentialContext {
        CredentialContext(
            transport: transport,
            environment: environment,
            clock: clock,
            tokenRetry: fastRetry,
            metricsFactory: metrics
        )
    }
}
