import SwitchyardCore
import Testing

@testable import SwitchyardRouter

@Suite("Backoff: full jitter, cap, upstream advice")
struct BackoffTests {
    let policy = RetryPolicy(maxAttempts: 5, initialBackoff: .milliseconds(200), maxBackoff: .seconds(1), maxRetryDelay: .seconds(10))
    let unavailable = SwitchyardError(.upstreamUnavailable, "overloaded", httpStatus: 503)

    @Test("the ceiling doubles per attempt and stops at maxBackoff")
    func ceilingDoublesThenCaps() {
        #expect(policy.backoffCeiling(afterAttempt: 1) == .milliseconds(200))
        #expect(policy.backoffCeiling(afterAttempt: 2) == .milliseconds(400))
        #expect(policy.backoffCeiling(afterAttempt: 3) == .milliseconds(800))
        #expect(policy.backoffCeiling(afterAttempt: 4) == .seconds(1))
        #expect(policy.backoffCeiling(afterAttempt: 5) == .seconds(1))
        #expect(policy.backoffCeiling(afterAttempt: 10_000) == .seconds(1), "no overflow for huge attempt numbers")
    }

    @Test("full jitter draws uniformly from zero to the ceiling", arguments: [1, 2, 3, 4])
    func fullJitterBounds(attempt: Int) {
        let ceiling = policy.backoffCeiling(afterAttempt: attempt)
        #expect(policy.backoff(afterAttempt: attempt, unit: 0) == .zero)
        #expect(policy.backoff(afterAttempt: attempt, unit: 0.5) == ceiling / 2)
        let top = policy.backoff(afterAttempt: attempt, unit: 0.999_999)
        #expect(top < ceiling)
        #expect(top > ceiling * 0.999)
        // Out-of-range units are clamped rather than trusted.
        #expect(policy.backoff(afterAttempt: attempt, unit: 7) == ceiling)
        #expect(policy.backoff(afterAttempt: attempt, unit: -1) == .zero)
    }

    @Test("a retryable failure without advice waits the jittered backoff")
    func jitteredWait() {
        #expect(policy.decision(after: unavailable, attempt: 2, unit: 0.25) == .retry(after: .milliseconds(100), advised: false))
    }

    @Test("RetryInfo / Retry-After takes precedence over the backoff")
    func advicePrecedence() {
        var limited = SwitchyardError(.rateLimited, "quota", httpStatus: 429)
        limited.retryAfter = .milliseconds(1500)
        // Longer than the 1 s backoff cap, and not jittered.
        #expect(policy.decision(after: limited, attempt: 3, unit: 0.1) == .retry(after: .milliseconds(1500), advised: true))
        limited.retryAfter = .zero
        #expect(policy.decision(after: limited, attempt: 1, unit: 0.9) == .retry(after: .zero, advised: true))
    }

    @Test("advice longer than max_retry_delay moves on instead of waiting")
    func adviceOverCapMovesOn() {
        var limited = SwitchyardError(.rateLimited, "quota", httpStatus: 429)
        limited.retryAfter = .seconds(11)
        guard case .moveOn(let reason) = policy.decision(after: limited, attempt: 1, unit: 0.5) else {
            Issue.record("expected moveOn")
            return
        }
        #expect(reason.contains("11s"))
        #expect(reason.contains("10s"))
        limited.retryAfter = .seconds(10)
        #expect(policy.decision(after: limited, attempt: 1, unit: 0.5) == .retry(after: .seconds(10), advised: true))
    }

    @Test("the attempt budget moves on after maxAttempts")
    func budget() {
        #expect(policy.decision(after: unavailable, attempt: 4, unit: 0) == .retry(after: .zero, advised: false))
        guard case .moveOn(let reason) = policy.decision(after: unavailable, attempt: 5, unit: 0) else {
            Issue.record("expected moveOn")
            return
        }
        #expect(reason == "5 attempts made")
        let single = RetryPolicy(maxAttempts: 1)
        #expect(single.decision(after: unavailable, attempt: 1, unit: 0) == .moveOn(reason: "1 attempt made"))
    }

    @Test("policy values come from the configuration and are clamped")
    func clamping() {
        let odd = RetryPolicy(maxAttempts: 0, initialBackoff: .seconds(-1), maxBackoff: .zero, maxRetryDelay: .seconds(-5))
        #expect(odd.maxAttempts == 1)
        #expect(odd.backoffCeiling(afterAttempt: 3) == .zero)
        #expect(odd.maxRetryDelay == .zero)
    }
}
