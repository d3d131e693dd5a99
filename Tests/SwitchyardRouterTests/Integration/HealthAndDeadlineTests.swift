import Foundation
import GoogleEmulator
import SwitchyardCore
import SwitchyardRouter
import Synchronization
import Testing

/// A clock that runs in real time but can be moved forward by the test (to end a cool-down without waiting).
final class AdvancingClock: Sendable {
    private let offset = Mutex<Duration>(.zero)

    func advance(by duration: Duration) {
        offset.withLock { $0 += duration }
    }

    var clock: RouterClock {
        RouterClock(
            now: { [self] in ContinuousClock.now + offset.withLock { $0 } },
            sleepUntil: { [self] instant in
                try await Task.sleep(until: instant - offset.withLock { $0 }, clock: .continuous)
            }
        )
    }
}

@Suite("Cool-downs and deadlines against the emulator", .timeLimit(.minutes(1)))
struct HealthAndDeadlineTests {
    @Test("a cool-down opens after N failures, skips the target, lets one probe through, closes on its success")
    func cooldownCycle() async throws {
        // A long period that only the test's clock can end, so a slow machine cannot end it early.
        let retry = RouterHarness.retry.replacingOccurrences(of: "period: 300ms", with: "period: 60s")
        try await withHarness(retry: retry) { harness in
            let time = AdvancingClock()
            let router = harness.router(clock: time.clock)
            let studio = EmulatorFault.Match(surface: .aiStudio, model: "gemini-2.5-flash")
            await harness.emulator.injectFault(EmulatorFault(kind: .status(503), match: studio, count: 3))

            let first = try await router.generateContent(Prompts.text("Hi"), model: "chat")
            #expect(first.trail.attempts.map(\.provider) == ["studio", "studio", "studio", "vertex"])
            let opened = await router.cooldowns.first { $0.provider == "studio" }
            #expect(opened?.phase == .open)
            #expect(opened?.reason == "3 consecutive failures")

            let skipped = try await router.generateContent(Prompts.text("Hi"), model: "chat")
            #expect(skipped.trail.attempts.map(\.provider) == ["vertex"])
            #expect(skipped.trail.skipped.first?.provider == "studio")
            #expect(skipped.trail.skipped.first?.reasons.first?.hasPrefix("cooling down") == true)
            #expect(await harness.emulator.counters.aiStudioRequests == 3)

            // The period passes; the probe fails and opens the breaker again.
            time.advance(by: .seconds(61))
            await harness.emulator.injectFault(EmulatorFault(kind: .status(503), match: studio, count: 1))
            let failedProbe = try await router.generateContent(Prompts.text("Hi"), model: "chat")
            #expect(failedProbe.trail.attempts.map(\.provider) == ["studio", "vertex"], "a probe gets exactly one try")
            #expect(await router.cooldowns.first { $0.provider == "studio" }?.reason == "probe failed")

            time.advance(by: .seconds(61))
            let probe = try await router.generateContent(Prompts.text("Hi"), model: "chat")
            #expect(probe.trail.attempts.map(\.provider) == ["studio"])
            let closed = await router.cooldowns.first { $0.provider == "studio" }
            #expect(closed?.phase == .closed)
            #expect(closed?.consecutiveFailures == 0)
        }
    }

    @Test("when every capable target is cooling down the answer is 503 naming them, and nothing is sent")
    func everythingCooling() async throws {
        // A long period, so the breakers are still open for the second request however slow the first was.
        let retry = RouterHarness.retry.replacingOccurrences(of: "period: 300ms", with: "period: 60s")
        try await withHarness(retry: retry) { harness in
            let router = harness.router()
            await harness.emulator.injectFault(EmulatorFault(kind: .status(503), match: .init(surface: .aiStudio), count: 3))
            await harness.emulator.injectFault(EmulatorFault(kind: .status(503), match: .init(surface: .vertex), count: 3))
            // Every breaker opens during the first request, so each reopens at least 60 s after `opening`; the
            // second request's answer comes before `answered`. Bounds from instants, not from the machine's speed.
            let opening = ContinuousClock.now
            _ = try? await router.generateContent(Prompts.text("Hi"), model: "chat")
            let before = await harness.emulator.counters.requests
            do {
                _ = try await router.generateContent(Prompts.text("Hi"), model: "chat")
                Issue.record("expected upstreamUnavailable")
            } catch let error as RoutingError {
                #expect(error.error.code == .upstreamUnavailable)
                #expect(error.error.responseHTTPStatus == 503)
                #expect(error.error.message.contains("studio/gemini-2.5-flash"))
                #expect(error.error.message.contains("vertex/gemini-2.5-flash"))
                let answered = ContinuousClock.now
                let retryAfter = try #require(error.error.retryAfter, "a Retry-After for the soonest reopening")
                #expect(retryAfter >= .seconds(60) - (answered - opening) && retryAfter <= .seconds(60))
                #expect(error.trail.attempts.isEmpty)
            }
            #expect(await harness.emulator.counters.requests == before)
        }
    }

    @Test("a per-minute 429 is transient: it never opens a long (per-day) cool-down")
    func perMinuteIsNotPerDay() async throws {
        try await withHarness { harness in
            let router = harness.router()
            await harness.emulator.injectFault(
                EmulatorFault(kind: .rateLimited(retryDelay: "0.01s"), match: .init(surface: .aiStudio), count: 3)
            )
            let reply = try await router.generateContent(Prompts.text("Hi"), model: "chat")
            #expect(reply.trail.attempts.map(\.provider) == ["studio", "studio", "studio", "vertex"])
            let state = try #require(await router.cooldowns.first { $0.provider == "studio" })
            #expect(state.reason == "3 consecutive failures")
            let reopensIn = try #require(state.reopensAt) - ContinuousClock.now
            #expect(reopensIn <= .milliseconds(300), "the configured period, not a day")
        }
    }

    @Test("a per-day quota 429 opens a long cool-down at once and falls back without retrying")
    func perDayQuota() async throws {
        try await withHarness { harness in
            let router = harness.router(perDayCooldown: .seconds(600))
            let sent = ContinuousClock.now
            await harness.emulator.injectFault(
                EmulatorFault(kind: .dailyQuotaExhausted(retryDelay: "0.01s"), match: .init(surface: .aiStudio), count: 1)
            )
            let first = try await router.generateContent(Prompts.text("Hi"), model: "chat")
            #expect(first.trail.attempts.map(\.provider) == ["studio", "vertex"], "a daily quota is not retried, whatever RetryInfo says")
            let state = try #require(await router.cooldowns.first { $0.provider == "studio" })
            #expect(state.phase == .open)
            #expect(state.reason == "per-day quota exhausted")
            // 600 s from the failure, which came after `sent` (not the 300 ms period, not the 0.01 s advice).
            #expect(try #require(state.reopensAt) >= sent + .seconds(600))

            let second = try await router.generateContent(Prompts.text("Hi"), model: "chat")
            #expect(second.trail.attempts.map(\.provider) == ["vertex"])
            #expect(second.trail.skipped.first?.reasons.first?.contains("per-day quota exhausted") == true)
            #expect(await harness.emulator.counters.aiStudioRequests == 1)
        }
    }

    @Test("the deadline bounds a slow attempt: 504 deadlineExceeded soon after it passes")
    func deadlineBoundsAttempt() async throws {
        try await withHarness { harness in
            // The upstream holds the answer 15 times longer than the deadline, so however slow the machine, an answer
            // before the upstream's can only come from the deadline.
            await harness.emulator.injectFault(EmulatorFault(kind: .latency(.seconds(15)), match: .init(surface: .aiStudio), count: 1))
            let started = ContinuousClock.now
            do {
                _ = try await harness.router().generateContent(Prompts.text("Hi"), model: "chat", options: RequestOptions(timeout: .seconds(1)))
                Issue.record("expected deadlineExceeded")
            } catch let error as RoutingError {
                #expect(error.error.code == .deadlineExceeded)
                #expect(error.error.responseHTTPStatus == 504)
                #expect(error.error.message.contains("1s"))
                #expect(error.trail.attempts.first?.provider == "studio")
            }
            let elapsed = ContinuousClock.now - started
            #expect(elapsed >= .seconds(1))
            #expect(elapsed < .seconds(12), "bounded by the 1 s deadline, not by the 15 s upstream delay")
        }
    }

    @Test("a wait that would pass the deadline falls back at once instead")
    func waitPastDeadlineFallsBack() async throws {
        let retry = RouterHarness.retry.replacingOccurrences(of: "max_retry_delay: 2s", with: "max_retry_delay: 60s")
        try await withHarness(retry: retry) { harness in
            await harness.emulator.injectFault(
                EmulatorFault(kind: .rateLimited(retryDelay: "50s"), match: .init(surface: .aiStudio), count: 1)
            )
            let started = ContinuousClock.now
            let reply = try await harness.router().generateContent(
                Prompts.text("Hi"),
                model: "chat",
                options: RequestOptions(timeout: .seconds(30))
            )
            // Waiting 50 s (within max_retry_delay) would have passed the 30 s deadline and ended in a 504; an answer
            // from Vertex before the deadline shows the router moved on at once, without sleeping until it.
            #expect(ContinuousClock.now - started < .seconds(30))
            #expect(reply.trail.attempts.map(\.provider) == ["studio", "vertex"])
            #expect(reply.trail.attempts.first?.outcome.label == "rateLimited")
        }
    }
}
