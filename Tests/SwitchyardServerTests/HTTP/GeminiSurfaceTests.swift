import Foundation
import GoogleEmulator
import SwitchyardHTTP
import Testing

@Suite("Gemini-compatible surface over HTTP", .timeLimit(.minutes(1)))
struct GeminiSurfaceTests {
    static let prompt = #"{"contents":[{"role":"user","parts":[{"text":"Hello there"}]}]}"#

    private func text(of response: [String: Any]?) -> String {
        let candidates = response?["candidates"] as? [[String: Any]] ?? []
        let parts = (candidates.first?["content"] as? [String: Any])?["parts"] as? [[String: Any]] ?? []
        return parts.compactMap { $0["text"] as? String }.joined()
    }

    @Test("generateContent: exactly 200, Google's shape, the emulator's answer, trail headers")
    func generate() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.send(.post, "/v1beta/models/chat:generateContent", json: Self.prompt)
            #expect(reply.status == 200)
            #expect(text(of: reply.json).hasPrefix("Echo: Hello there [gemini-2.5-flash"))
            #expect(reply.header("x-switchyard-provider") == "studio")
            #expect(reply.header("x-switchyard-model") == "gemini-2.5-flash")
            #expect(reply.header("x-switchyard-attempts") == "1")
            #expect(reply.header("x-request-id")?.isEmpty == false)
            #expect(reply.header("content-type")?.hasPrefix("application/json") == true)
            // Watching for a client that goes away does not cost keep-alive.
            #expect(reply.header("connection")?.lowercased() != "close")
            #expect((reply.json?["usageMetadata"] as? [String: Any])?["totalTokenCount"] as? Int ?? 0 > 0)
        }
    }

    @Test("fields the provider dropped are listed in x-switchyard-warnings")
    func warningsHeader() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.send(
                .post,
                "/v1beta/models/chat:generateContent",
                json: #"{"contents":[{"role":"user","parts":[{"text":"Hi"}]}],"generationConfig":{"routingConfig":{"autoMode":{}}}}"#
            )
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.header("x-switchyard-provider") == "studio")
            #expect(reply.header("x-switchyard-warnings")?.contains("routingConfig") == true, "\(reply.headers)")
        }
    }

    @Test("a catalog model id and a models/ prefix work as the model; v1 works like v1beta")
    func catalogModel() async throws {
        try await ServerHarness.with { server in
            let direct = try await server.send(.post, "/v1/models/gemini-2.5-flash:generateContent", json: Self.prompt)
            #expect(direct.status == 200)
            #expect(text(of: direct.json).hasPrefix("Echo: Hello there"))
            let prefixed = try await server.send(.post, "/v1beta/models/models%2Fchat:generateContent", json: Self.prompt)
            #expect(prefixed.status == 200)
        }
    }

    @Test("streamGenerateContent?alt=sse: `data: <json>` + blank line per event, no terminator, same text as unary")
    func streamSSE() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.send(.post, "/v1beta/models/chat:streamGenerateContent?alt=sse", json: Self.prompt)
            #expect(reply.status == 200)
            #expect(reply.header("content-type") == "text/event-stream")
            #expect(reply.header("x-switchyard-provider") == "studio")
            let events = try #require(JSONComparison.serverSentEvents(reply.body), "framing: \(reply.text)")
            #expect(events.count >= 2)
            #expect(!reply.text.contains("[DONE]"))
            let streamed = events.map { text(of: JSONComparison.object($0)) }.joined()
            let unary = try await server.send(.post, "/v1beta/models/chat:generateContent", json: Self.prompt)
            #expect(streamed == text(of: unary.json))
            let last = JSONComparison.object(events[events.count - 1])
            #expect(((last?["candidates"] as? [[String: Any]])?.first?["finishReason"] as? String) == "STOP")
        }
    }

    @Test("streamGenerateContent without alt=sse: one JSON array")
    func streamArray() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.send(.post, "/v1beta/models/chat:streamGenerateContent", json: Self.prompt)
            #expect(reply.status == 200)
            let array = try #require((try? JSONSerialization.jsonObject(with: reply.body)) as? [[String: Any]])
            #expect(array.count >= 2)
        }
    }

    @Test("a failure after the first event ends the stream with data: {\"error\":…}")
    func streamErrorAfterFirstEvent() async throws {
        try await ServerHarness.with { server in
            await server.emulator.injectFault(
                EmulatorFault(kind: .streamErrorAfter(chunks: 1), match: .init(surface: .aiStudio, model: "gemini-2.5-flash"))
            )
            let reply = try await server.send(.post, "/v1beta/models/chat:streamGenerateContent?alt=sse", json: Self.prompt)
            #expect(reply.status == 200)
            let events = try #require(JSONComparison.serverSentEvents(reply.body), "framing: \(reply.text)")
            #expect(events.count >= 2)
            let error = try #require(JSONComparison.object(events[events.count - 1])?["error"] as? [String: Any])
            #expect(error["code"] as? Int ?? 0 >= 400)
            #expect(error["status"] is String)
            #expect(error["message"] is String)
        }
    }

    @Test("countTokens")
    func countTokens() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.send(.post, "/v1beta/models/chat:countTokens", json: Self.prompt)
            #expect(reply.status == 200)
            #expect(reply.json?["totalTokens"] as? Int ?? 0 > 0)
        }
    }

    @Test("predict on an Imagen route returns base64 PNG predictions")
    func predict() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.send(
                .post,
                "/v1beta/models/imagen:predict",
                json: #"{"instances":[{"prompt":"a red bicycle"}],"parameters":{"sampleCount":2}}"#
            )
            #expect(reply.status == 200, "\(reply.text)")
            let predictions = reply.json?["predictions"] as? [[String: Any]] ?? []
            #expect(predictions.count == 2)
            let bytes = Data(base64Encoded: predictions.first?["bytesBase64Encoded"] as? String ?? "") ?? Data()
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(reply.header("x-switchyard-provider") == "vertex")
        }
    }

    @Test("Vertex-shaped paths (with and without project/location) serve the same call")
    func vertexPath() async throws {
        try await ServerHarness.with { server in
            let regional = try await server.send(
                .post,
                "/v1beta1/projects/any-project/locations/us-central1/publishers/google/models/chat:generateContent",
                json: Self.prompt,
                key: nil,
                headers: [("Authorization", "Bearer \(ServerHarness.clientKey)")]
            )
            #expect(regional.status == 200)
            #expect(text(of: regional.json).hasPrefix("Echo: Hello there"))
            let express = try await server.send(.post, "/v1/publishers/google/models/chat:streamGenerateContent?alt=sse", json: Self.prompt)
            #expect(express.status == 200)
            #expect(JSONComparison.serverSentEvents(express.body) != nil)
        }
    }

    @Test("models.list and models.get in Google's ModelInfo shape")
    func models() async throws {
        try await ServerHarness.with { server in
            let list = try await server.send(.get, "/v1beta/models")
            #expect(list.status == 200)
            let models = list.json?["models"] as? [[String: Any]] ?? []
            let chat = try #require(models.first { $0["name"] as? String == "models/chat" })
            #expect((chat["supportedGenerationMethods"] as? [String])?.contains("generateContent") == true)
            #expect(chat["inputTokenLimit"] as? Int ?? 0 > 0)
            let imagen = try #require(models.first { $0["name"] as? String == "models/imagen" })
            #expect(imagen["supportedGenerationMethods"] as? [String] == ["predict"])
            #expect(models.contains { $0["name"] as? String == "models/gemini-2.5-flash" })

            let one = try await server.send(.get, "/v1beta/models/chat")
            #expect(one.status == 200)
            #expect(one.json?["name"] as? String == "models/chat")
            let missing = try await server.send(.get, "/v1beta/models/no-such-model")
            #expect(missing.status == 404)
            #expect((missing.json?["error"] as? [String: Any])?["status"] as? String == "NOT_FOUND")
        }
    }
}
