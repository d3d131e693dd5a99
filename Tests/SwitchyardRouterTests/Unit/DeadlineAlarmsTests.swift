import Testing

@testable import SwitchyardRouter

@Suite("Deadline alarms: one driver for every attempt's deadline, nothing left behind", .timeLimit(.minutes(1)))
struct DeadlineAlarmsTests {
    @Test("a wait returns true once its deadline has passed, earlier deadlines replacing the driver")
    func firesInOrder() async {
        let alarms = DeadlineAlarms(clock: .continuous)
        let start = ContinuousClock.now
        let order = LockedArray<Int>()
        await withTaskGroup(of: Void.self) { group in
            // Registered latest first, so each earlier deadline replaces the driver.
            for index in [3, 2, 1] {
                group.addTask {
                    let passed = await alarms.wait(alarms.arm(until: start + .milliseconds(40 * index)))
                    #expect(passed)
                    #expect(ContinuousClock.now >= start + .milliseconds(40 * index))
                    order.append(index)
                }
            }
        }
        #expect(order.values.sorted() == [1, 2, 3])
        #expect(alarms.pendingCount == 0)
        #expect(!alarms.isDriving, "the driver stops when nobody waits")
    }

    @Test("cancelled waits return false at once and leave no entry and no driver behind")
    func cancellationLeavesNothing() async {
        let alarms = DeadlineAlarms(clock: .continuous)
        let farAway = ContinuousClock.now + .seconds(3600)
        let started = ContinuousClock.now
        let results = await withTaskGroup(of: Bool.self, returning: [Bool].self) { group in
            for _ in 0..<1000 {
                group.addTask { await alarms.wait(alarms.arm(until: farAway)) }
            }
            group.cancelAll()
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 1000)
        #expect(results.allSatisfy { !$0 })
        #expect(ContinuousClock.now - started < .seconds(30), "cancelled waits do not sit out their deadline")
        #expect(alarms.pendingCount == 0)
    }

    @Test("a wait started in an already cancelled task returns false without registering")
    func alreadyCancelled() async {
        let alarms = DeadlineAlarms(clock: .continuous)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await alarms.wait(alarms.arm(until: .now + .seconds(3600)))
        }
        #expect(await task.value == false)
        #expect(alarms.pendingCount == 0)
    }

    @Test("ringing settles an alarm early: its wait returns false, whether it started before or after the ring")
    func ringing() async {
        let alarms = DeadlineAlarms(clock: .continuous)
        let farAway = ContinuousClock.now + .seconds(3600)
        let early = alarms.arm(until: farAway)
        alarms.ring(early)
        #expect(await alarms.wait(early) == false)

        let late = alarms.arm(until: farAway)
        async let waited = alarms.wait(late)
        // The ring settles the alarm whether or not the wait has begun by then.
        alarms.ring(late)
        #expect(await waited == false)
        #expect(alarms.pendingCount == 0)
    }

    @Test("an alarm whose deadline passed before anyone waited reports it at once")
    func passedBeforeWaiting() async {
        let alarms = DeadlineAlarms(clock: .continuous)
        let deadline = ContinuousClock.now + .milliseconds(20)
        let alarm = alarms.arm(until: deadline)
        // A second alarm at the same instant, waited for: once it fires, the driver has settled the first one too.
        #expect(await alarms.wait(alarms.arm(until: deadline)))
        #expect(await alarms.wait(alarm))
        #expect(alarms.pendingCount == 0)
        #expect(!alarms.isDriving)
    }
}
