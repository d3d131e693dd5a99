import Foundation
import SwitchyardCore
import SwitchyardRouter
import Testing

/// Not a benchmark suite (that is issue 10's): a quick look at what routing adds per request, run on demand with
/// `SWITCHYARD_MEASURE=1 swift test --filter RouterOverheadMeasurement`.
@Suite(
    "Router overhead (on demand)",
    .enabled(if: ProcessInfo.processInfo.environment["SWITCHYARD_MEASURE"] != nil),
    .timeLimit(.minutes(2))
)
struct RouterOverheadMeasurement {
    @Test("median latency of generateContent: provider directly vs through the router, sequential, against the emulator")
    func overhead() async throws {
        try await withHarness { harness in
            let router = harness.router()
            let provider = try #require(harness.providers["studio"])
            let request = Prompts.text("Say hello")
            let rounds = 400
            func median(_ samples: [Duration]) -> Duration { samples.sorted()[samples.count / 2] }
            // Warm up both paths (connections, caches).
            for _ in 0..<50 {
                _ = try await provider.generateContent(request, model: "gemini-2.5-flash", context: ProviderCallContext())
                _ = try await router.generateContent(request, model: "chat")
            }
            var direct: [Duration] = []
            var routed: [Duration] = []
            for _ in 0..<rounds {
                let start = ContinuousClock.now
                _ = try await provider.generateContent(request, model: "gemini-2.5-flash", context: ProviderCallContext())
                let middle = ContinuousClock.now
                _ = try await router.generateContent(request, model: "chat")
                direct.append(middle - start)
                routed.append(ContinuousClock.now - middle)
            }
            let added = median(routed) - median(direct)
            print("router overhead: direct median \(median(direct)), routed median \(median(routed)), added \(added) over \(rounds) rounds")
            #expect(routed.count == rounds)
        }
    }
}
