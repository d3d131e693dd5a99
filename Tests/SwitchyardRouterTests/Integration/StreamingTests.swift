import GoogleEmulator
import SwitchyardCore
import SwitchyardRouter
import Testing

@Suite("Streaming fallback against the emulator", .timeLimit(.minutes(1)))
struct StreamingTests {
    static let longPrompt = Prompts.text("Tell a long story about a lighthouse keeper and a storm, in many sentences.")

    @Test("failures before the first event retry and fall back; the stream then comes from Vertex")
    func fallbackBeforeFirstEvent() async throws {
        try await withHarness { harness in
            await harness.emulator.injectFault(
                EmulatorFault(kind: .status(503), match: .init(surface: .aiStudio, method: "streamGenerateContent"), count: 2)
            )
            // An error event before any chunk also counts as "before the first event".
            await harness.emulator.injectFault(
                EmulatorFault(kind: .streamErrorAfter(chunks: 0), match: .init(surface: .aiStudio, method: "streamGenerateContent"), count: 1)
            )
            let stream = try await harness.router().streamGenerateContent(Self.longPrompt, model: "chat")
            #expect(stream.trail.provider == "vertex")
            #expect(stream.trail.attempts.map(\.provider) == ["studio", "studio", "studio", "vertex"])
            #expect(stream.trail.fallbacks == 1)
            var events = 0
            for try await event in stream.events {
                events += 1
                _ = event
            }
            #expect(events >= 1)
        }
    }

    @Test("a failure after the first event ends the stream with a thrown SwitchyardError naming the provider")
    func errorAfterFirstEvent() async throws {
        try await withHarness { harness in
            await harness.emulator.injectFault(
                EmulatorFault(kind: .streamErrorAfter(chunks: 1), match: .init(surface: .aiStudio, method: "streamGenerateContent"), count: 1)
            )
            let stream = try await harness.router().streamGenerateContent(Self.longPrompt, model: "chat")
            #expect(stream.trail.provider == "studio")
            #expect(stream.trail.attempts.count == 1)
            var received = 0
            do {
                for try await _ in stream.events { received += 1 }
                Issue.record("expected the stream to throw")
            } catch let error as SwitchyardError {
                #expect(error.provider == "studio")
                #expect(error.model == "gemini-2.5-flash")
            }
            #expect(received == 1)
            #expect(await harness.emulator.counters.vertexRequests == 0, "no fallback once an event was delivered")
        }
    }
}
