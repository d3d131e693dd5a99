import GoogleEmulator
import SwitchyardConfig
import SwitchyardCore
import SwitchyardRouter
import Testing

@Suite("Retries and fallback against the emulator", .timeLimit(.minutes(1)))
struct RetryAndFallbackTests {
    @Test("429 with RetryInfo, then success: the advised delay is waited, not the jitter; two attempts")
    func rateLimitedThenSuccess() async throws {
        try await withHarness { harness in
            await harness.emulator.injectFault(
                EmulatorFault(kind: .rateLimited(retryDelay: "0.3s"), match: .init(surface: .aiStudio, model: "gemini-2.5-flash"), count: 1)
            )
            let recording = RecordingClock()
            // A jitter draw near 1 would wait ~5 ms; the advice (300 ms) must win.
            let router = harness.router(clock: recording.clock, random: RandomSource { 0.99 })
            let started = ContinuousClock.now
            let reply = try await router.generateContent(Prompts.text("Say hello"), model: "chat")
            let elapsed = ContinuousClock.now - started

            #expect(reply.trail.provider == "studio")
            #expect(reply.trail.model == "gemini-2.5-flash")
            #expect(reply.trail.attempts.count == 2)
            #expect(reply.trail.attempts.first?.outcome.label == "rateLimited")
            if case .failure(_, let status, _)? = reply.trail.attempts.first?.outcome { #expect(status == 429) }
            #expect(reply.trail.attempts.last?.outcome == .success)
            #expect(reply.trail.fallbacks == 0)
            #expect(elapsed >= .milliseconds(300))
            let waits = recording.waits.values
            #expect(waits.count == 1)
            #expect(waits.allSatisfy { $0 > .milliseconds(290) && $0 <= .milliseconds(300) })
            #expect(reply.value.candidates?.isEmpty == false)
        }
    }

    @Test("503 on AI Studio until the attempt budget is spent → answered by Vertex; the trail shows both")
    func unavailableFallsBack() async throws {
        try await withHarness { harness in
            await harness.emulator.injectFault(EmulatorFault(kind: .status(503), match: .init(surface: .aiStudio), count: 3))
            let metrics = RecordingMetrics()
            let reply = try await harness.router(metrics: metrics).generateContent(Prompts.text("Say hello"), model: "chat")
            #expect(reply.trail.provider == "vertex")
            #expect(reply.trail.attempts.map(\.provider) == ["studio", "studio", "studio", "vertex"])
            #expect(reply.trail.attempts.prefix(3).allSatisfy { $0.outcome.label == "upstreamUnavailable" })
            #expect(reply.trail.fallbacks == 1)
            #expect(reply.trail.attemptsHeaderValue.hasSuffix("vertex/gemini-2.5-flash=success"))
            let counters = await harness.emulator.counters
            #expect(counters.aiStudioRequests == 3)
            #expect(counters.faultsFired == 3)

            let studio = [("provider", "studio"), ("model", "gemini-2.5-flash")]
            let vertex = [("provider", "vertex"), ("model", "gemini-2.5-flash")]
            #expect(metrics.value("switchyard_router_attempts_total", studio + [("outcome", "upstreamUnavailable")]) == 3)
            #expect(metrics.value("switchyard_router_attempts_total", vertex + [("outcome", "success")]) == 1)
            #expect(metrics.value("switchyard_router_attempt_duration", studio) == 3)
            #expect(metrics.value("switchyard_router_fallbacks_total", [("route", "chat")] + studio) == 1)
            #expect(metrics.value("switchyard_router_cooldown_state", studio) == 1, "three failures opened the breaker")
        }
    }

    @Test("advice longer than max_retry_delay falls back at once instead of waiting")
    func longAdviceFallsBack() async throws {
        try await withHarness { harness in
            await harness.emulator.injectFault(
                EmulatorFault(kind: .rateLimited(retryDelay: "45s"), match: .init(surface: .aiStudio), count: 1)
            )
            let recording = RecordingClock()
            let started = ContinuousClock.now
            let reply = try await harness.router(clock: recording.clock).generateContent(Prompts.text("Hi"), model: "chat")
            #expect(ContinuousClock.now - started < .seconds(30), "well under the advised 45 s")
            #expect(reply.trail.attempts.map(\.provider) == ["studio", "vertex"])
            #expect(recording.waits.values.isEmpty)
        }
    }

    @Test("a caller error (400) returns at once: no retry, no fallback")
    func callerErrorIsFinal() async throws {
        try await withHarness { harness in
            await harness.emulator.injectFault(EmulatorFault(kind: .status(400), match: .init(surface: .aiStudio), count: 1))
            do {
                _ = try await harness.router().generateContent(Prompts.text("Hi"), model: "chat")
                Issue.record("expected a routing error")
            } catch let error as RoutingError {
                #expect(error.error.code == .invalidArgument)
                #expect(error.error.responseHTTPStatus == 400)
                #expect(error.trail.attempts.count == 1)
                #expect(error.trail.fallbacks == 0)
            }
            #expect(await harness.emulator.counters.vertexRequests == 0)
        }
    }

    @Test("401, 403 and 404 on one provider fall back to the next and are reported", arguments: [401, 403, 404])
    func providerErrorsFallBack(status: Int) async throws {
        try await withHarness { harness in
            await harness.emulator.injectFault(EmulatorFault(kind: .status(status), match: .init(surface: .aiStudio), count: 1))
            let reply = try await harness.router().generateContent(Prompts.text("Hi"), model: "chat")
            #expect(reply.trail.provider == "vertex")
            #expect(reply.trail.attempts.count == 2)
            if case .failure(_, let http, _)? = reply.trail.attempts.first?.outcome { #expect(http == status) }
            #expect(reply.trail.fallbacks == 1)
        }
    }

    @Test("a cancelled caller ends the request promptly with `cancelled`, and no target is blamed")
    func cancellation() async throws {
        try await withHarness { harness in
            // An upstream answer would take 15 s; ending far sooner can only be the cancellation.
            await harness.emulator.injectFault(EmulatorFault(kind: .latency(.seconds(15)), match: .init(surface: .aiStudio), count: 1))
            let router = harness.router()
            let started = ContinuousClock.now
            let task = Task { () async -> RoutingError? in
                do {
                    _ = try await router.generateContent(Prompts.text("Hi"), model: "chat")
                    return nil
                } catch {
                    return error as? RoutingError
                }
            }
            task.cancel()
            let error = try #require(await task.value, "expected the request to end cancelled")
            #expect(ContinuousClock.now - started < .seconds(12))
            #expect(error.error.code == .cancelled)
            #expect(await router.cooldowns.allSatisfy { $0.consecutiveFailures == 0 })
            #expect(await harness.emulator.counters.vertexRequests == 0, "a cancelled request does not fall back")
        }
    }

    @Test("every target failing returns the last upstream error with the whole trail")
    func everythingFails() async throws {
        try await withHarness { harness in
            await harness.emulator.injectFault(EmulatorFault(kind: .status(503), match: .init(surface: .aiStudio), count: 100))
            await harness.emulator.injectFault(EmulatorFault(kind: .status(503), match: .init(surface: .vertex), count: 100))
            do {
                _ = try await harness.router().generateContent(Prompts.text("Hi"), model: "chat")
                Issue.record("expected a routing error")
            } catch let error as RoutingError {
                #expect(error.error.code == .upstreamUnavailable)
                #expect(error.error.provider == "vertex")
                #expect(error.trail.attempts.count == 6)
                #expect(error.trail.provider == nil)
                #expect(error.trail.fallbacks == 1)
            }
        }
    }

    @Test("a weighted route draws by weight and keeps the rest as fallbacks")
    func weighted() async throws {
        try await withHarness { harness in
            let low = try await harness.router(random: RandomSource { 0.1 }).generateContent(Prompts.text("Hi"), model: "weighted")
            #expect(low.trail.provider == "studio")
            let high = try await harness.router(random: RandomSource { 0.5 }).generateContent(Prompts.text("Hi"), model: "weighted")
            #expect(high.trail.provider == "vertex")
            await harness.emulator.injectFault(EmulatorFault(kind: .status(500), match: .init(surface: .vertex), count: 3))
            let fallback = try await harness.router(random: RandomSource { 0.5 }).generateContent(Prompts.text("Hi"), model: "weighted")
            #expect(fallback.trail.provider == "studio")
            #expect(fallback.trail.fallbacks == 1)
        }
    }

    @Test("a catalog model named directly is served by every provider that has it; unknown names are 404")
    func catalogModelsAndUnknown() async throws {
        try await withHarness { harness in
            let router = harness.router()
            #expect(router.targets(for: "gemini-2.5-pro")?.map(\.provider) == ["studio", "vertex"])
            await harness.emulator.injectFault(EmulatorFault(kind: .status(503), match: .init(surface: .aiStudio), count: 3))
            let reply = try await router.generateContent(Prompts.text("Hi"), model: "gemini-2.5-pro")
            #expect(reply.trail.route == "gemini-2.5-pro")
            #expect(reply.trail.provider == "vertex")
            do {
                _ = try await router.generateContent(Prompts.text("Hi"), model: "gemini-9-ultra")
                Issue.record("expected unknownModel")
            } catch let error as RoutingError {
                #expect(error.error.code == .unknownModel)
                #expect(error.error.responseHTTPStatus == 404)
                #expect(error.error.message.contains("chat"))
            }
        }
    }

    @Test("countTokens and generateImages route like generateContent")
    func otherOperations() async throws {
        try await withHarness { harness in
            let router = harness.router()
            var count = CountTokensRequest()
            count.contents = [Content(role: .user, parts: [Part(text: "How many tokens is this?")])]
            let tokens = try await router.countTokens(count, model: "chat")
            #expect(tokens.trail.provider == "studio")
            #expect((tokens.value.totalTokens ?? 0) > 0)

            var images = ImagenPredictRequest()
            var instance = ImagenInstance()
            instance.prompt = "a red bicycle"
            images.instances = [instance]
            var parameters = ImagenParameters()
            parameters.sampleCount = 2
            images.parameters = parameters
            let predicted = try await router.generateImages(images, model: "imagen")
            #expect(predicted.trail.provider == "vertex")
            #expect(predicted.value.predictions?.count == 2)
        }
    }
}
