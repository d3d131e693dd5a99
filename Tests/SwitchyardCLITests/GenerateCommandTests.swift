import Foundation
import Testing

@Suite("switchyard generate", .timeLimit(.minutes(1)))
struct GenerateCommandTests {
    @Test("writes each returned image as a decodable PNG and names who answered")
    func writesImages() async throws {
        try await withEmulatorFixture { fixture in
            let config = try fixture.writeConfig()
            let out = fixture.outputDirectory("out")
            let run = try await CLIProcess.run(["generate", "--config", config, "--model", "image", "--out", out.path, "A lighthouse at dusk"])
            #expect(run.status == 0, "\(run)")
            let image = out.appendingPathComponent("image-1.png")
            #expect(run.stdout.contains("wrote \(image.path)"), "\(run)")
            let size = PNGCheck.dimensions(try Data(contentsOf: image))
            #expect(size != nil, "image-1.png is not a PNG with a valid IHDR")
            #expect(run.stdout.contains("answered by studio/gemini-2.0-flash-preview-image-generation (route image) after 1 attempt"), "\(run)")
            #expect(run.stdout.contains("Here is the image you asked for: A lighthouse at dusk"), "\(run)")
        }
    }

    @Test("--image feeds an earlier output back in (multi-turn edit) and numbers the new image on")
    func editRoundTrip() async throws {
        try await withEmulatorFixture { fixture in
            let config = try fixture.writeConfig()
            let out = fixture.outputDirectory("edit")
            let first = try await CLIProcess.run(["generate", "--config", config, "--model", "image", "--out", out.path, "A red boat"])
            #expect(first.status == 0, "\(first)")
            let original = out.appendingPathComponent("image-1.png")
            let originalBytes = try Data(contentsOf: original)

            try await fixture.control.reset()
            let second = try await CLIProcess.run([
                "generate", "--config", config, "--model", "image", "--out", out.path, "--image", original.path, "Make the sky purple",
            ])
            #expect(second.status == 0, "\(second)")
            let edited = out.appendingPathComponent("image-2.png")
            #expect(second.stdout.contains("wrote \(edited.path)"), "\(second)")
            #expect(second.stdout.contains("Here is the edited image: Make the sky purple"), "\(second)")
            let editedBytes = try Data(contentsOf: edited)
            #expect(PNGCheck.dimensions(editedBytes) != nil)
            #expect(editedBytes != originalBytes)
            #expect(try Data(contentsOf: original) == originalBytes, "the input image must not be overwritten")

            // The emulator received the earlier image as inline data.
            let calls = try await fixture.control.requests().filter { ($0["path"] as? String)?.hasSuffix(":generateContent") == true }
            let body = try #require(calls.last?["body"] as? String)
            let request = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let parts = try #require(((request["contents"] as? [[String: Any]])?.first?["parts"]) as? [[String: Any]])
            let inline = try #require(parts.first?["inlineData"] as? [String: Any])
            #expect(inline["mimeType"] as? String == "image/png")
            #expect((inline["data"] as? String).flatMap { Data(base64Encoded: $0) } == originalBytes)
        }
    }

    @Test("--stream prints the text and the trail")
    func streams() async throws {
        try await withEmulatorFixture { fixture in
            let config = try fixture.writeConfig()
            let run = try await CLIProcess.run(["generate", "--config", config, "--model", "chat", "--stream", "Tell me about trains"])
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.contains("Echo: Tell me about trains"), "\(run)")
            #expect(run.stdout.contains("answered by studio/gemini-2.5-flash (route chat) after 1 attempt"), "\(run)")
            let streamed = try await fixture.control.requests().filter { ($0["path"] as? String)?.hasSuffix(":streamGenerateContent") == true }
            #expect(streamed.count == 1)
        }
    }

    @Test("falls back to Vertex AI when AI Studio fails, and says so")
    func fallback() async throws {
        try await withEmulatorFixture { fixture in
            let config = try fixture.writeConfig()
            try await fixture.control.injectFault(["kind": "status", "status": 503, "match": ["surface": "aiStudio"], "count": 10])
            let run = try await CLIProcess.run(["generate", "--config", config, "--model", "chat", "Hello"])
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.contains("answered by vertex/gemini-2.5-flash (route chat) after 3 attempts, 1 fallback"), "\(run)")
        }
    }

    @Test("--json prints the response and the trail as one JSON document")
    func json() async throws {
        try await withEmulatorFixture { fixture in
            let config = try fixture.writeConfig()
            let run = try await CLIProcess.run(["generate", "--config", config, "--model", "chat", "--json", "Hello JSON"])
            #expect(run.status == 0, "\(run)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let response = try #require(document["response"] as? [String: Any])
            #expect((response["candidates"] as? [Any])?.isEmpty == false)
            let trail = try #require(document["trail"] as? [String: Any])
            #expect(trail["provider"] as? String == "studio")
            #expect(trail["model"] as? String == "gemini-2.5-flash")
            #expect((trail["attempts"] as? [Any])?.count == 1)
        }
    }

    @Test("an unknown route fails with exit code 1 and a hint; a missing --model is a usage error (2)")
    func failures() async throws {
        try await withEmulatorFixture { fixture in
            let config = try fixture.writeConfig()
            let unknown = try await CLIProcess.run(["generate", "--config", config, "--model", "nope", "Hello"])
            #expect(unknown.status == 1, "\(unknown)")
            #expect(unknown.stderr.contains("switchyard generate: error:"), "\(unknown)")
            #expect(unknown.stderr.contains("hint: `switchyard models"), "\(unknown)")
            #expect(!unknown.stderr.contains("Fatal error"))

            let usage = try await CLIProcess.run(["generate", "--config", config, "Hello"])
            #expect(usage.status == 2, "\(usage)")
            #expect(usage.stderr.contains("--model"), "\(usage)")

            let missingImage = try await CLIProcess.run(["generate", "--config", config, "--model", "image", "--image", "/nonexistent.png", "x"])
            #expect(missingImage.status == 2, "\(missingImage)")
            #expect(missingImage.stderr.contains("cannot read --image /nonexistent.png"), "\(missingImage)")
        }
    }
}
