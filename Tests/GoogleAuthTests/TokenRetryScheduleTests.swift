import GoogleAuth
import Testing

@Suite("Token retry schedule")
struct TokenRetryScheduleTests {
    @Test("the default is google-auth's: 3 attempts, ~1 s then ~2 s, ±10 %")
    func defaultSchedule() {
        let schedule = TokenRetrySchedule.googleAuth
        #expect(schedule.totalAttempts == 3)
        #expect(schedule.nominalDelay(beforeRetry: 1) == .seconds(1))
        #expect(schedule.nominalDelay(beforeRetry: 2) == .seconds(2))
        #expect(milliseconds(schedule.delayRange(beforeRetry: 1).lowerBound) == 900)
        #expect(milliseconds(schedule.delayRange(beforeRetry: 1).upperBound) == 1100)
        #expect(milliseconds(schedule.delayRange(beforeRetry: 2).lowerBound) == 1800)
        #expect(milliseconds(schedule.delayRange(beforeRetry: 2).upperBound) == 2200)
        for _ in 0..<200 {
            #expect(schedule.delayRange(beforeRetry: 1).contains(schedule.delay(beforeRetry: 1)))
            #expect(schedule.delayRange(beforeRetry: 2).contains(schedule.delay(beforeRetry: 2)))
        }
    }

    @Test("draws are jittered, not constant")
    func jitter() {
        let draws = Set((0..<50).map { _ in TokenRetrySchedule.googleAuth.delay(beforeRetry: 1) })
        #expect(draws.count > 1)
    }

    private func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + Int64((Double(attoseconds) / 1e15).rounded())
    }

    @Test("out-of-range values are clamped instead of trapping")
    func clamped() {
        let schedule = TokenRetrySchedule(totalAttempts: 0, initialDelay: .seconds(-1), multiplier: -3, randomization: -0.5)
        #expect(schedule.totalAttempts == 1)
        #expect(schedule.initialDelay == .zero)
        #expect(schedule.multiplier == 1)
        #expect(schedule.randomization == 0)
        #expect(schedule.delay(beforeRetry: 3) == .zero)
        let wild = TokenRetrySchedule(totalAttempts: 3, initialDelay: .milliseconds(10), randomization: 7)
        #expect(wild.randomization == 1)
        #expect(wild.delayRange(beforeRetry: 1).contains(wild.delay(beforeRetry: 1)))
    }
}
