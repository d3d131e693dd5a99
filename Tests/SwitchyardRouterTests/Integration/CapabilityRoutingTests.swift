import GoogleEmulator
import SwitchyardCore
import SwitchyardRouter
import Testing

@Suite("Capability routing against the emulator", .timeLimit(.minutes(1)))
struct CapabilityRoutingTests {
    @Test("a Gemini image model failing on both providers → answered by imagegeneration@006 on Vertex, with images")
    func imageFallsBackToImagen() async throws {
        try await withHarness { harness in
            await harness.emulator.injectFault(
                EmulatorFault(kind: .status(503), match: .init(surface: .aiStudio, model: "gemini-2.0-flash-preview-image-generation"), count: 100)
            )
            await harness.emulator.injectFault(
                EmulatorFault(kind: .status(503), match: .init(surface: .vertex, model: "gemini-2.0-flash-preview-image-generation"), count: 100)
            )
            let request = Prompts.text("A watercolour lighthouse at dusk", accepting: [.text, .image])
            let reply = try await harness.router().generateContent(request, model: "image")
            #expect(reply.trail.provider == "vertex")
            #expect(reply.trail.model == "imagegeneration@006")
            #expect(reply.trail.attempts.map(\.provider) == ["studio", "studio", "studio", "vertex", "vertex", "vertex", "vertex"])
            #expect(reply.trail.fallbacks == 2)
            let parts = reply.value.candidates?.first?.content?.parts ?? []
            #expect(!parts.isEmpty)
            #expect(parts.allSatisfy { $0.inlineData?.mimeType?.hasPrefix("image/") == true })
            let predict = await harness.emulator.requestLog().filter { $0.path.hasSuffix(":predict") }
            #expect(predict.count == 1)
        }
    }

    @Test("a request with tools skips Imagen with a recorded reason and is served by a Gemini image model")
    func toolsSkipImagen() async throws {
        try await withHarness { harness in
            let request = Prompts.withTool(Prompts.text("Draw today's weather in Paris", accepting: [.text, .image]))
            let reply = try await harness.router().generateContent(request, model: "image")
            #expect(reply.trail.provider == "studio")
            #expect(reply.trail.model == "gemini-2.0-flash-preview-image-generation")
            let imagen = reply.trail.skipped.first { $0.model == "imagegeneration@006" }
            #expect(imagen?.provider == "vertex")
            #expect(imagen?.reasons.contains("uses tools; model does not support tools") == true)
        }
    }

    @Test("streaming and multi-turn requests skip Imagen too")
    func streamingAndMultiTurnSkipImagen() async throws {
        try await withHarness { harness in
            let router = harness.router()
            let stream = try await router.streamGenerateContent(Prompts.text("A cat", accepting: [.text, .image]), model: "image")
            #expect(stream.trail.skipped.first { $0.model == "imagegeneration@006" }?.reasons.contains { $0.contains("streaming") } == true)
            for try await _ in stream.events {}

            var edit = Prompts.text("A cat", accepting: [.text, .image])
            edit.contents?.append(Content(role: .model, parts: [Part(text: "Here is a cat.")]))
            edit.contents?.append(Content(role: .user, parts: [Part(text: "Make it orange")]))
            let reply = try await router.generateContent(edit, model: "image")
            #expect(reply.trail.skipped.first { $0.model == "imagegeneration@006" }?.reasons.contains { $0.contains("multi-turn") } == true)
        }
    }

    @Test("no capable target → 400 in Google's shape listing each target and why; nothing is sent")
    func noCapableTarget() async throws {
        try await withHarness { harness in
            let request = Prompts.withTool(Prompts.text("Draw the weather", accepting: [.image]))
            do {
                _ = try await harness.router().generateContent(request, model: "imagen")
                Issue.record("expected noCapableTarget")
            } catch let error as RoutingError {
                #expect(error.error.code == .noCapableTarget)
                #expect(error.error.responseHTTPStatus == 400)
                #expect(error.error.responseGoogleStatus == "INVALID_ARGUMENT")
                #expect(error.error.message.contains("vertex/imagegeneration@006: uses tools; model does not support tools"))
                #expect(error.trail.attempts.isEmpty)
                #expect(error.trail.skipped.map(\.model) == ["imagegeneration@006"])
                let body = error.error.googleErrorBody
                #expect(body.error.code == 400)
                #expect(body.error.details?.first?["reason"]?.stringValue == "NO_CAPABLE_TARGET")
                #expect(body.error.details?.first?["metadata"]?["vertex/imagegeneration@006"]?.stringValue?.contains("uses tools") == true)
            }
            // A text-only prompt cannot go to an image-only route either.
            do {
                _ = try await harness.router().generateContent(Prompts.text("Hello"), model: "imagen")
                Issue.record("expected noCapableTarget")
            } catch let error as RoutingError {
                #expect(error.error.message.contains("needs text output; model outputs IMAGE only"))
            }
            #expect(await harness.emulator.counters.vertexRequests == 0)
            #expect(await harness.emulator.counters.aiStudioRequests == 0)
        }
    }
}
