import Testing

@testable import SwitchyardRouter

@Suite("Cool-down table: open, skip, half-open probe, close")
struct CooldownTableTests {
    let key = TargetKey(provider: "studio", model: "gemini-2.5-flash")
    let start = ContinuousClock.now
    let failing = CooldownTable.Health.failing(perDay: false, retryAfter: nil)

    func table() -> CooldownTable {
        CooldownTable(policy: CooldownPolicy(failures: 3, period: .seconds(30), perDayPeriod: .seconds(3600)))
    }

    @Test("opens after N consecutive failures, skips until the period ends, then lets exactly one probe through")
    func fullCycle() async {
        let table = table()
        #expect(table.admit(key, now: start) == .pass)
        table.record(key, failing, now: start)
        table.record(key, failing, now: start)
        #expect(table.admit(key, now: start) == .pass, "two failures do not open a threshold of three")
        table.record(key, failing, now: start + .seconds(1))
        let opened = table.states(now: start + .seconds(1))
        #expect(opened.first?.phase == .open)
        #expect(opened.first?.reopensAt == start + .seconds(31))
        #expect(opened.first?.reason == "3 consecutive failures")

        guard case .skip(let reason, let reopensAt) = table.admit(key, now: start + .seconds(30)) else {
            Issue.record("expected skip while open")
            return
        }
        #expect(reason.contains("cooling down for 1s more"))
        #expect(reopensAt == start + .seconds(31))

        #expect(table.admit(key, now: start + .seconds(31)) == .probe)
        guard case .skip(let halfOpenReason, _) = table.admit(key, now: start + .seconds(31)) else {
            Issue.record("a second request must not probe concurrently")
            return
        }
        #expect(halfOpenReason.contains("probe"))
        #expect(table.states(now: start + .seconds(31)).first?.phase == .halfOpen)

        table.record(key, .healthy, now: start + .seconds(32))
        #expect(table.states(now: start + .seconds(32)).first?.phase == .closed)
        #expect(table.admit(key, now: start + .seconds(32)) == .pass)
    }

    @Test("a failed probe opens the breaker again for a full period")
    func failedProbe() async {
        let table = table()
        for _ in 0..<3 { table.record(key, failing, now: start) }
        #expect(table.admit(key, now: start + .seconds(30)) == .probe)
        table.record(key, failing, now: start + .seconds(30))
        let state = table.states(now: start + .seconds(30)).first
        #expect(state?.phase == .open)
        #expect(state?.reopensAt == start + .seconds(60))
        #expect(state?.reason == "probe failed")
    }

    @Test("a released probe lets the next request probe")
    func releasedProbe() async {
        let table = table()
        for _ in 0..<3 { table.record(key, failing, now: start) }
        #expect(table.admit(key, now: start + .seconds(30)) == .probe)
        table.releaseProbe(key)
        #expect(table.admit(key, now: start + .seconds(30)) == .probe)
    }

    @Test("a success between failures resets the count")
    func successResets() async {
        let table = table()
        table.record(key, failing, now: start)
        table.record(key, failing, now: start)
        table.record(key, .healthy, now: start)
        table.record(key, failing, now: start)
        table.record(key, failing, now: start)
        #expect(table.admit(key, now: start) == .pass)
        #expect(table.states(now: start).first?.consecutiveFailures == 2)
    }

    @Test("a per-day quota opens at once for the per-day period, or the advised delay when longer")
    func perDay() async {
        let table = table()
        table.record(key, .failing(perDay: true, retryAfter: .seconds(2)), now: start)
        let state = table.states(now: start).first
        #expect(state?.phase == .open)
        #expect(state?.reopensAt == start + .seconds(3600))
        #expect(state?.reason == "per-day quota exhausted")

        let other = TargetKey(provider: "vertex", model: "gemini-2.5-flash")
        table.record(other, .failing(perDay: true, retryAfter: .seconds(7200)), now: start)
        #expect(table.states(now: start).last?.reopensAt == start + .seconds(7200))
    }

    @Test("targets are independent")
    func independent() async {
        let table = table()
        for _ in 0..<3 { table.record(key, failing, now: start) }
        #expect(table.admit(TargetKey(provider: "vertex", model: "gemini-2.5-flash"), now: start) == .pass)
        #expect(table.admit(TargetKey(provider: "studio", model: "gemini-2.5-pro"), now: start) == .pass)
    }

    @Test("transitions are reported once each")
    func transitions() async {
        let seen = TransitionLog()
        let table = CooldownTable(policy: CooldownPolicy(failures: 1, period: .seconds(5))) { seen.append($0) }
        table.record(key, failing, now: start)
        _ = table.admit(key, now: start + .seconds(5))
        table.record(key, .healthy, now: start + .seconds(5))
        #expect(seen.phases == [.open, .halfOpen, .closed])
    }
}

/// Collects transitions reported by the table.
final class TransitionLog: Sendable {
    private let storage = LockedArray<CooldownTable.Transition>()
    func append(_ transition: CooldownTable.Transition) { storage.append(transition) }
    var phases: [CooldownState.Phase] { storage.values.map(\.to) }
}
