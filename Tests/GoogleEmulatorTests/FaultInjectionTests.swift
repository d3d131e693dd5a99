import Foundation
import SwitchyardHTTP
import Testing

@testable import GoogleEmulator

@Suite("Fault injection", .timeLimit(.minutes(1)))
struct FaultInjectionTests {
    /// A streamed (SSE) AI Studio call whose answer comes in three events.
    static func sixWordStream(_ harness: Harness) async throws -> Harness.Reply {
        try await harness.aiStudio("gemini-2.0-flash", "streamGenerateContent", textRequest("one two three four five six"), query: "?alt=sse")
    }

    @Test("rateLimited gives 429 RESOURCE_EXHAUSTED with RetryInfo and QuotaFailure, for the next N calls only")
    func rateLimited() async throws {
        try await Harness.with { harness in
            await harness.emulator.injectFault(EmulatorFault(kind: .rateLimited(retryDelay: "2s"), match: .init(surface: .aiStudio), count: 2))
            for _ in 0..<2 {
                let reply = try await harness.aiStudio("gemini-2.0-flash", "generateContent", textRequest("hi"))
                #expect(reply.status == 429)
                #expect(reply.error["status"] as? String == "RESOURCE_EXHAUSTED")
                #expect(reply.detail("RetryInfo")?["retryDelay"] as? String == "2s")
                let violations = reply.detail("QuotaFailure")?["violations"] as? [[String: Any]] ?? []
                #expect(violations.first?["quotaId"] is String)
            }
            let third = try await harness.aiStudio("gemini-2.0-flash", "generateContent", textRequest("hi"))
            #expect(third.status == 200)
            #expect(await harness.emulator.counters.faultsFired == 2)
        }
    }

    @Test("status faults match surface, model and method")
    func statusMatching() async throws {
        try await Harness.with { harness in
            await harness.emulator.injectFault(
                EmulatorFault(kind: .status(503), match: .init(surface: .vertex, model: "gemini-2.5-pro", method: "generateContent"), count: 1)
            )
            await harness.emulator.injectFault(EmulatorFault(kind: .status(500), match: .init(surface: .aiStudio), count: 1))
            let token = await harness.emulator.mintAccessToken()
            let otherModel = try await harness.vertex("gemini-2.0-flash", "generateContent", textRequest("hi"), token: token)
            #expect(otherModel.status == 200)
            let unavailable = try await harness.vertex("gemini-2.5-pro", "generateContent", textRequest("hi"), token: token)
            #expect(unavailable.status == 503)
            #expect(unavailable.error["status"] as? String == "UNAVAILABLE")
            let failure = try await harness.aiStudio("gemini-2.0-flash", "countTokens", ["contents": [["parts": [["text": "x"]]]]])
            #expect(failure.status == 500)
            #expect(failure.error["status"] as? String == "INTERNAL")
        }
    }

    @Test("a fraction applies to an even share of calls")
    func fraction() async throws {
        try await Harness.with { harness in
            await harness.emulator.injectFault(EmulatorFault(kind: .status(503), match: .init(surface: .aiStudio), fraction: 0.5))
            var statuses: [Int] = []
            for _ in 0..<6 {
                statuses.append(try await harness.aiStudio("gemini-2.0-flash", "countTokens", ["contents": [["parts": [["text": "x"]]]]]).status)
            }
            #expect(statuses == [200, 503, 200, 503, 200, 503])
            await harness.emulator.clearFaults()
            let cleared = try await harness.aiStudio("gemini-2.0-flash", "countTokens", ["contents": [["parts": [["text": "x"]]]]])
            #expect(cleared.status == 200)
        }
    }

    @Test("latency delays the answer")
    func latency() async throws {
        try await Harness.with { harness in
            await harness.emulator.injectFault(EmulatorFault(kind: .latency(.milliseconds(300)), match: .init(surface: .aiStudio)))
            let clock = ContinuousClock()
            let started = clock.now
            let reply = try await harness.aiStudio("gemini-2.0-flash", "generateContent", textRequest("slow"))
            #expect(reply.status == 200)
            #expect(clock.now - started >= .milliseconds(300))
        }
    }

    @Test("dropConnection closes the socket without a response")
    func dropConnection() async throws {
        try await Harness.with { harness in
            await harness.emulator.injectFault(EmulatorFault(kind: .dropConnection))
            await #expect(throws: HTTPTransportError.self) {
                _ = try await harness.aiStudio("gemini-2.0-flash", "generateContent", textRequest("bye"))
            }
            let next = try await harness.aiStudio("gemini-2.0-flash", "generateContent", textRequest("hello again"))
            #expect(next.status == 200)
            #expect(await harness.emulator.requestLog().first?.status == 0)
        }
    }

    @Test("malformedBody answers 200 with a body that is not JSON")
    func malformedBody() async throws {
        try await Harness.with { harness in
            await harness.emulator.injectFault(EmulatorFault(kind: .malformedBody))
            let reply = try await harness.aiStudio("gemini-2.0-flash", "generateContent", textRequest("hi"))
            #expect(reply.status == 200)
            #expect((try? JSONSerialization.jsonObject(with: reply.body)) == nil)
        }
    }

    @Test("streamErrorAfter sends N chunks, then a data: error event")
    func streamError() async throws {
        try await Harness.with { harness in
            await harness.emulator.injectFault(EmulatorFault(kind: .streamErrorAfter(chunks: 2)))
            // A unary call does not consume a stream fault.
            let unary = try await harness.aiStudio("gemini-2.0-flash", "generateContent", textRequest("one two three four five six"))
            #expect(unary.status == 200)
            let reply = try await Self.sixWordStream(harness)
            #expect(reply.status == 200)
            let events = reply.events
            #expect(events.count == 3)
            #expect(events.prefix(2).allSatisfy { $0["candidates"] != nil })
            let error = events.last?["error"] as? [String: Any]
            #expect(error?["code"] as? Int == 500)
            #expect(error?["status"] as? String == "INTERNAL")
        }
    }

    @Test("streamPauseAfter sends N chunks, pauses, then the rest; it is also set over the control API")
    func streamPause() async throws {
        try await Harness.with { harness in
            let added = try await harness.send(
                .post,
                "/emulator/faults",
                json: ["kind": "streamPauseAfter", "chunks": 1, "milliseconds": 300, "match": ["method": "streamGenerateContent"], "count": 1]
            )
            #expect(added.status == 200)
            let started = ContinuousClock.now
            let reply = try await Self.sixWordStream(harness)
            #expect(reply.status == 200)
            #expect(reply.events.count == 3)
            #expect(reply.events.allSatisfy { $0["candidates"] != nil })
            #expect(ContinuousClock.now - started >= .milliseconds(300))

            let missing = try await harness.send(.post, "/emulator/faults", json: ["kind": "streamPauseAfter", "chunks": 1])
            #expect(missing.status == 400)
        }
    }

    @Test("token faults: tokenError and status on /token")
    func tokenFaults() async throws {
        try await Harness.with { harness in
            await harness.emulator.injectFault(EmulatorFault(kind: .tokenError(error: "server_error", status: 500), match: .init(surface: .token)))
            await harness.emulator.injectFault(EmulatorFault(kind: .status(503), match: .init(surface: .token), count: 1))
            let account = try await harness.emulator.createServiceAccount(project: Harness.project)
            let assertion = try ServiceAccountFile(account.json).assertion(audience: "https://oauth2.googleapis.com/token")
            let first = try await harness.tokenRequest(assertion: assertion)
            #expect(first.status == 500)
            #expect(first.json["error"] as? String == "server_error")
            let second = try await harness.tokenRequest(assertion: assertion)
            #expect(second.status == 503)
            let third = try await harness.tokenRequest(assertion: assertion)
            #expect(third.status == 200)
            let counters = await harness.emulator.counters
            #expect(counters.tokenRequests == 3)
            #expect(counters.tokenGrants == 1)
        }
    }

    @Test("the HTTP control API injects and clears faults and serves the log and counters")
    func controlAPI() async throws {
        try await Harness.with { harness in
            let added = try await harness.send(
                .post,
                "/emulator/faults",
                json: ["kind": "status", "status": 503, "match": ["surface": "aiStudio", "method": "generateContent"], "count": 5]
            )
            #expect(added.status == 200)
            let failed = try await harness.aiStudio("gemini-2.0-flash", "generateContent", textRequest("hi"))
            #expect(failed.status == 503)
            let cleared = try await harness.send(.delete, "/emulator/faults")
            #expect(cleared.status == 200)
            let ok = try await harness.aiStudio("gemini-2.0-flash", "generateContent", textRequest("hi"))
            #expect(ok.status == 200)

            let bad = try await harness.send(.post, "/emulator/faults", json: ["kind": "explode"])
            #expect(bad.status == 400)

            let log = try await harness.send(.get, "/emulator/requests")
            let requests = log.json["requests"] as? [[String: Any]] ?? []
            #expect(requests.count == 2)
            #expect(requests.allSatisfy { ($0["path"] as? String)?.hasPrefix("/emulator") == false })
            let counters = try await harness.send(.get, "/emulator/counters")
            #expect(counters.json["aiStudioRequests"] as? Int == 2)
            #expect(counters.json["faultsFired"] as? Int == 1)
        }
    }
}
