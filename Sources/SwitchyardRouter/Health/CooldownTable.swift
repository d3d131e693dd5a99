import Synchronization

/// Per-target circuit breakers, shared by every request a router serves.
///
/// Closed → open after ``CooldownPolicy/failures`` consecutive retryable failures, or at once on a per-day quota 429;
/// open → half-open when the period ends, and the first request to arrive becomes the only probe; the probe's answer
/// closes the breaker, its retryable failure opens it again. Any answer that is not a retryable failure (a success, a
/// caller error) counts as healthy.
///
/// Every operation is a few dictionary steps that never suspend, so the table is a class with its entries behind a
/// `Mutex` rather than an actor: each request consults it twice, and an actor hop there cost two executor switches
/// per consultation on the request path. Transition callbacks run after the lock is released.
final class CooldownTable: Sendable {
    /// Whether a request may try a target.
    enum Admission: Sendable, Hashable {
        /// Closed: go ahead.
        case pass
        /// Half-open: this request is the one probe and must report back (or release it).
        case probe
        /// Open (until `reopensAt`), or half-open with a probe in flight (`reopensAt` nil).
        case skip(reason: String, reopensAt: ContinuousClock.Instant?)
    }

    /// What an attempt said about a target's health.
    enum Health: Sendable, Hashable {
        /// It answered (success or a non-retryable answer).
        case healthy
        /// A retryable failure; `perDay` when a 429 named a per-day quota; `retryAfter` as advised.
        case failing(perDay: Bool, retryAfter: Duration?)
    }

    /// A breaker's phase change, for logs and metrics.
    struct Transition: Sendable, Hashable {
        var key: TargetKey
        var from: CooldownState.Phase
        var to: CooldownState.Phase
        var reason: String
        var reopensAt: ContinuousClock.Instant?
    }

    private struct Entry {
        var failures = 0
        var phase: CooldownState.Phase = .closed
        var reopensAt: ContinuousClock.Instant?
        var probing = false
        var reason: String?
    }

    let policy: CooldownPolicy
    private let entries = Mutex<[TargetKey: Entry]>([:])
    private let onTransition: @Sendable (Transition) -> Void

    init(policy: CooldownPolicy, onTransition: @escaping @Sendable (Transition) -> Void = { _ in }) {
        self.policy = policy
        self.onTransition = onTransition
    }

    /// Decides whether a request may try `key` now; a half-open target admits exactly one probe.
    func admit(_ key: TargetKey, now: ContinuousClock.Instant) -> Admission {
        let (admission, transition) = entries.withLock { entries in Self.admit(key, now: now, entries: &entries) }
        if let transition { onTransition(transition) }
        return admission
    }

    private static func admit(_ key: TargetKey, now: ContinuousClock.Instant, entries: inout [TargetKey: Entry]) -> (Admission, Transition?) {
        guard var entry = entries[key] else { return (.pass, nil) }
        switch entry.phase {
        case .closed:
            return (.pass, nil)
        case .open:
            if let reopensAt = entry.reopensAt, now < reopensAt {
                let reason = "cooling down for \((reopensAt - now).compactText) more (\(entry.reason ?? "failures"))"
                return (.skip(reason: reason, reopensAt: reopensAt), nil)
            }
            entry.phase = .halfOpen
            entry.probing = true
            entries[key] = entry
            return (.probe, Transition(key: key, from: .open, to: .halfOpen, reason: "cool-down over; probing", reopensAt: nil))
        case .halfOpen:
            if entry.probing { return (.skip(reason: "half-open: a probe request is in flight", reopensAt: nil), nil) }
            entry.probing = true
            entries[key] = entry
            return (.probe, nil)
        }
    }

    /// Records what an attempt at `key` said about its health.
    func record(_ key: TargetKey, _ health: Health, now: ContinuousClock.Instant) {
        let policy = self.policy
        let transition: Transition? = entries.withLock { entries in
            var entry = entries[key] ?? Entry()
            let before = entry.phase
            var transition: Transition?
            switch health {
            case .healthy:
                entry.failures = 0
                if entry.phase == .halfOpen {
                    entry = Entry()
                    transition = Transition(key: key, from: before, to: .closed, reason: "probe succeeded", reopensAt: nil)
                }
            case .failing(let perDay, let retryAfter):
                entry.failures += 1
                if perDay {
                    let period = max(policy.perDayPeriod, retryAfter ?? .zero)
                    transition = Self.open(&entry, key: key, until: now + period, reason: "per-day quota exhausted")
                } else if entry.phase == .halfOpen {
                    transition = Self.open(&entry, key: key, until: now + max(policy.period, retryAfter ?? .zero), reason: "probe failed")
                } else if entry.phase == .closed, entry.failures >= policy.failures {
                    transition = Self.open(&entry, key: key, until: now + policy.period, reason: "\(entry.failures) consecutive failures")
                }
            }
            entries[key] = entry
            return transition
        }
        if let transition { onTransition(transition) }
    }

    /// Gives back a probe that ended without a verdict (cancelled), so the next request probes instead.
    func releaseProbe(_ key: TargetKey) {
        entries.withLock { entries in
            guard var entry = entries[key], entry.phase == .halfOpen else { return }
            entry.probing = false
            entries[key] = entry
        }
    }

    /// Every target that has a record, sorted by provider and model.
    func states(now: ContinuousClock.Instant) -> [CooldownState] {
        entries.withLock { $0 }.map { key, entry in
            CooldownState(
                provider: key.provider,
                model: key.model,
                phase: entry.phase,
                consecutiveFailures: entry.failures,
                reopensAt: entry.phase == .open ? entry.reopensAt : nil,
                reason: entry.phase == .closed ? nil : entry.reason
            )
        }
        .sorted { ($0.provider, $0.model) < ($1.provider, $1.model) }
    }

    private static func open(_ entry: inout Entry, key: TargetKey, until: ContinuousClock.Instant, reason: String) -> Transition? {
        let before = entry.phase
        if before == .open, let current = entry.reopensAt, current >= until { return nil }
        entry.phase = .open
        entry.reopensAt = until
        entry.probing = false
        entry.reason = reason
        return Transition(key: key, from: before, to: .open, reason: reason, reopensAt: until)
    }
}
