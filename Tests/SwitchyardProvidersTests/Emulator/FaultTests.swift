import Foundation
import GoogleEmulator
import SwitchyardConfig
import SwitchyardCore
import SwitchyardProviders
import Testing

@Suite("Errors and faults from the emulator on both providers", .timeLimit(.minutes(1)))
struct FaultTests {
    static let model = "gemini-2.5-flash"

    private func failure(
        _ harness: ProviderHarness,
        _ request: GenerateContentRequest = Requests.text("hello"),
        context: ProviderCallContext = testContext
    ) async throws -> SwitchyardError {
        do {
            _ = try await harness.provider.generateContent(request, model: Self.model, context: context)
        } catch {
            return try #require(error.switchyard, "\(error)")
        }
        Issue.record("the call must fail")
        return SwitchyardError(.internal, "no failure")
    }

    @Test("429 with RetryInfo: rateLimited, retryAfter from the body, QuotaFailure and RetryInfo kept", arguments: Backend.allCases)
    func rateLimited(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            await harness.inject(.rateLimited(retryDelay: "7s"))
            let error = try await failure(harness)
            #expect(error.code == .rateLimited)
            #expect(error.httpStatus == 429)
            #expect(error.googleStatus == "RESOURCE_EXHAUSTED")
            #expect(error.retryAfter == .seconds(7))
            #expect(error.isRetryable)
            #expect(error.provider == harness.provider.name)
            #expect(error.model == Self.model)
            let types = error.details.compactMap { $0["@type"]?.stringValue }
            #expect(types.contains("type.googleapis.com/google.rpc.RetryInfo"))
            #expect(types.contains("type.googleapis.com/google.rpc.QuotaFailure"))
        }
    }

    @Test("500 is a retryable upstream error; 503 is upstreamUnavailable", arguments: Backend.allCases)
    func serverErrors(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            await harness.inject(.status(500))
            let internalError = try await failure(harness)
            #expect(internalError.code == .upstream)
            #expect(internalError.httpStatus == 500)
            #expect(internalError.googleStatus == "INTERNAL")
            #expect(internalError.isRetryable)

            await harness.inject(.status(503))
            let unavailable = try await failure(harness)
            #expect(unavailable.code == .upstreamUnavailable)
            #expect(unavailable.message.contains("overloaded"))
            #expect(unavailable.isRetryable)
        }
    }

    @Test("latency: answered normally within the deadline; past a short deadline it is a timeout", arguments: Backend.allCases)
    func latency(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            await harness.inject(.latency(.milliseconds(150)))
            let clock = ContinuousClock()
            let start = clock.now
            let reply = try await harness.provider.generateContent(Requests.text("slow"), model: Self.model, context: testContext)
            #expect(clock.now - start >= .milliseconds(150))
            #expect(reply.value.firstText.hasPrefix("Echo: slow"))
            let record = try #require(await harness.modelRequests().last)
            let serverTimeout = try #require(record.header("X-Server-Timeout").flatMap { Int($0) })
            #expect((1...30).contains(serverTimeout), "X-Server-Timeout comes from the deadline")

            await harness.inject(.latency(.seconds(1)))
            let error = try await failure(harness, context: ProviderCallContext(deadline: .now + .milliseconds(200)))
            #expect(error.code == .timeout)
            #expect(error.isRetryable)

            let expired = try await failure(harness, context: ProviderCallContext(deadline: .now - .seconds(1)))
            #expect(expired.code == .timeout)
            #expect(expired.message.contains("before it was sent"))
        }
    }

    @Test("a dropped connection is a retryable transport error", arguments: Backend.allCases)
    func dropped(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            await harness.inject(.dropConnection, count: 2)
            let error = try await failure(harness)
            #expect(error.code == .transport)
            #expect(error.isRetryable)
            #expect(error.httpStatus == nil)
        }
    }

    @Test("a 200 with a body that is not JSON keeps the raw body", arguments: Backend.allCases)
    func malformed(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            await harness.inject(.malformedBody)
            let error = try await failure(harness)
            #expect(error.code == .upstream)
            #expect(error.rawBody?.contains("<html>not json") ?? false)
            #expect(error.message.contains("HTTP 200"))
            #expect(error.isRetryable)
        }
    }

    @Test("a malformed stream and an error event mid-stream both throw; nothing ends silently", arguments: Backend.allCases)
    func streamFailures(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            await harness.inject(.malformedBody)
            let broken = try await harness.provider.streamGenerateContent(Requests.text("hello there"), model: Self.model, context: testContext)
            await #expect(throws: SwitchyardError.self) {
                for try await _ in broken.value {}
            }

            await harness.inject(.streamErrorAfter(chunks: 2))
            let stream = try await harness.provider.streamGenerateContent(
                Requests.text("one two three four five six"),
                model: Self.model,
                context: testContext
            )
            var received = 0
            do {
                for try await _ in stream.value { received += 1 }
                Issue.record("the error event must throw")
            } catch {
                #expect(received == 2)
                #expect(error.switchyard?.httpStatus == 500)
            }

            await harness.inject(.dropConnection, count: 2)
            do {
                _ = try await harness.provider.streamGenerateContent(Requests.text("hello"), model: Self.model, context: testContext)
                Issue.record("a dropped stream must throw when it opens")
            } catch {
                #expect(error.switchyard?.code == .transport)
            }
        }
    }

    @Test("errors never carry the API key or the bearer token", arguments: Backend.allCases)
    func noSecrets(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            await harness.inject(.status(400))
            let error = try await failure(harness)
            #expect(!"\(error)".contains(ProviderHarness.apiKey))
            #expect(!"\(error.details)".contains(ProviderHarness.apiKey))
            #expect(!"\(error)".contains("ya29"))
            #expect(!"\(error)".lowercased().contains("bearer"))
        }
    }

    @Test("Vertex AI: a refused token grant is an unauthenticated error, never a model call")
    func tokenRefused() async throws {
        try await ProviderHarness.run(.vertexAI) { harness in
            await harness.emulator.injectFault(
                EmulatorFault(kind: .tokenError(error: "invalid_grant", status: 400), match: EmulatorFault.Match(surface: .token))
            )
            let error = try await failure(harness)
            #expect(error.code == .unauthenticated)
            #expect(!error.isRetryable)
            #expect(error.message.contains("credentials"))
            #expect(await harness.modelRequests().isEmpty)
        }
    }

    @Test("an unknown model is Google's 404 NOT_FOUND, not retryable", arguments: Backend.allCases)
    func unknownModel(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            do {
                _ = try await harness.provider.generateContent(Requests.text("hi"), model: "gemini-9-ultra", context: testContext)
                Issue.record("must fail")
            } catch {
                #expect(error.switchyard?.code == .notFound)
                #expect(error.switchyard?.httpStatus == 404)
                #expect(error.switchyard?.isRetryable == false)
            }
        }
    }
}
