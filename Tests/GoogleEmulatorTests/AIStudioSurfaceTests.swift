import Foundation
import SwitchyardHTTP
import Testing

@testable import GoogleEmulator

@Suite("AI Studio surface", .timeLimit(.minutes(1)))
struct AIStudioSurfaceTests {
    @Test("generateContent answers with text derived from the prompt and fills usageMetadata")
    func generateContent() async throws {
        try await Harness.with { harness in
            let reply = try await harness.aiStudio("gemini-2.5-flash", "generateContent", textRequest("Hello emulator"))
            #expect(reply.status == 200)
            #expect(reply.json.firstText.hasPrefix("Echo: Hello emulator [gemini-2.5-flash #"))
            #expect(reply.json.finishReason == "STOP")
            let usage = reply.json.usage
            let prompt = usage["promptTokenCount"] as? Int ?? -1
            let candidates = usage["candidatesTokenCount"] as? Int ?? -1
            #expect(prompt > 0 && candidates > 0)
            #expect(usage["totalTokenCount"] as? Int == prompt + candidates)
            #expect(reply.json["modelVersion"] as? String == "gemini-2.5-flash")
            #expect(reply.json["createTime"] == nil)

            let again = try await harness.aiStudio("gemini-2.5-flash", "generateContent", textRequest("Hello emulator"))
            #expect(again.json.firstText == reply.json.firstText)
        }
    }

    @Test("a missing API key is 403 PERMISSION_DENIED with Google's text")
    func missingKey() async throws {
        try await Harness.with { harness in
            let reply = try await harness.send(.post, "/v1beta/models/gemini-2.0-flash:generateContent", json: textRequest("hi"))
            #expect(reply.status == 403)
            #expect(reply.error["status"] as? String == "PERMISSION_DENIED")
            #expect(reply.errorMessage.hasPrefix("Method doesn't allow unregistered callers (callers without established identity)."))
        }
    }

    @Test("a wrong API key is 400 API_KEY_INVALID with an ErrorInfo; ?key= works like the header")
    func wrongKey() async throws {
        try await Harness.with { harness in
            let wrong = try await harness.send(.post, "/v1beta/models/gemini-2.0-flash:generateContent?key=nope", json: textRequest("hi"))
            #expect(wrong.status == 400)
            #expect(wrong.errorMessage == "API key not valid. Please pass a valid API key.")
            let info = try #require(wrong.detail("ErrorInfo"))
            #expect(info["reason"] as? String == "API_KEY_INVALID")
            #expect(info["domain"] as? String == "googleapis.com")

            let query = try await harness.send(
                .post,
                "/v1/models/gemini-2.0-flash:generateContent?key=\(Harness.apiKey)",
                json: textRequest("hi")
            )
            #expect(query.status == 200)
        }
    }

    @Test("an OAuth access token the emulator issued also opens AI Studio; an unknown one is 401")
    func bearerOnAIStudio() async throws {
        try await Harness.with { harness in
            let token = await harness.emulator.mintAccessToken()
            let path = "/v1beta/models/gemini-2.0-flash:generateContent"
            let accepted = try await harness.send(.post, path, headers: ["Authorization": "Bearer \(token)"], json: textRequest("oauth"))
            #expect(accepted.status == 200)
            let refused = try await harness.send(.post, path, headers: ["Authorization": "Bearer ya29.nothing"], json: textRequest("oauth"))
            #expect(refused.status == 401)
            #expect(refused.detail("ErrorInfo")?["metadata"] as? [String: String] != nil)
        }
    }

    @Test("models.list pages with pageSize and pageToken; models.get and unknown models")
    func listAndGet() async throws {
        try await Harness.with { harness in
            var names: [String] = []
            var token: String?
            var pages = 0
            repeat {
                let query = "pageSize=3" + (token.map { "&pageToken=\($0)" } ?? "")
                let reply = try await harness.send(.get, "/v1beta/models?\(query)", headers: ["x-goog-api-key": Harness.apiKey])
                #expect(reply.status == 200)
                let models = reply.json["models"] as? [[String: Any]] ?? []
                #expect(models.count <= 3)
                names += models.compactMap { $0["name"] as? String }
                token = reply.json["nextPageToken"] as? String
                pages += 1
            } while token != nil && pages < 10
            #expect(pages > 1)
            #expect(names.contains("models/gemini-2.0-flash-exp"))
            #expect(names.contains("models/imagen-3.0-generate-002"))
            #expect(!names.contains("models/imagegeneration@006"))

            let get = try await harness.send(.get, "/v1beta/models/gemini-2.5-pro", headers: ["x-goog-api-key": Harness.apiKey])
            #expect(get.json["inputTokenLimit"] as? Int == 1_048_576)
            #expect((get.json["supportedGenerationMethods"] as? [String])?.contains("generateContent") == true)

            let unknown = try await harness.aiStudio("gemini-9-ultra", "generateContent", textRequest("hi"))
            #expect(unknown.status == 404)
            #expect(
                unknown.errorMessage
                    == "models/gemini-9-ultra is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods."
            )
        }
    }

    @Test("countTokens equals usageMetadata.promptTokenCount")
    func countTokensMatchesUsage() async throws {
        try await Harness.with { harness in
            let request = textRequest("Count these words, please, all seven of them")
            let count = try await harness.aiStudio("gemini-2.0-flash", "countTokens", ["contents": request["contents"]!])
            let generated = try await harness.aiStudio("gemini-2.0-flash", "generateContent", request)
            #expect(count.status == 200)
            let total = try #require(count.json["totalTokens"] as? Int)
            #expect(total == generated.json.usage["promptTokenCount"] as? Int)

            let wrapped = try await harness.aiStudio("gemini-2.0-flash", "countTokens", ["generateContentRequest": request])
            #expect(wrapped.json["totalTokens"] as? Int == total)
        }
    }

    @Test("maxOutputTokens truncates with MAX_TOKENS; stopSequences cut the text")
    func limits() async throws {
        try await Harness.with { harness in
            let long = try await harness.aiStudio(
                "gemini-2.0-flash",
                "generateContent",
                textRequest("a rather long prompt that produces a long echo", generationConfig: ["maxOutputTokens": 3])
            )
            #expect(long.json.finishReason == "MAX_TOKENS")
            #expect(long.json.firstText.utf8.count <= 12)
            #expect(long.json.usage["candidatesTokenCount"] as? Int == 3)

            let stopped = try await harness.aiStudio(
                "gemini-2.0-flash",
                "generateContent",
                textRequest("alpha beta STOP gamma", generationConfig: ["stopSequences": ["STOP"]])
            )
            #expect(stopped.json.firstText == "Echo: alpha beta ")
            #expect(stopped.json.finishReason == "STOP")
        }
    }

    @Test("streamGenerateContent?alt=sse sends several data events, finishReason on the last, usage on each")
    func streaming() async throws {
        try await Harness.with { harness in
            let reply = try await harness.aiStudio(
                "gemini-2.5-flash",
                "streamGenerateContent",
                textRequest("stream a few words back to me"),
                query: "?alt=sse"
            )
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"]?.hasPrefix("text/event-stream") == true)
            let events = reply.events
            #expect(events.count >= 2)
            #expect(events.dropLast().allSatisfy { $0.finishReason == nil })
            #expect(events.last?.finishReason == "STOP")
            #expect(events.allSatisfy { $0.usage["promptTokenCount"] != nil })
            let joined = events.map(\.firstText).joined()
            let unary = try await harness.aiStudio("gemini-2.5-flash", "generateContent", textRequest("stream a few words back to me"))
            #expect(joined == unary.json.firstText)

            let array = try await harness.aiStudio("gemini-2.5-flash", "streamGenerateContent", textRequest("no sse please"))
            let chunks = try JSONSerialization.jsonObject(with: array.body) as? [[String: Any]]
            #expect((chunks?.count ?? 0) >= 2)
        }
    }

    @Test("unknown paths are 404 and wrong methods 405, both Google-shaped")
    func routing() async throws {
        try await Harness.with { harness in
            let missing = try await harness.send(.get, "/v1beta/nothing-here", headers: ["x-goog-api-key": Harness.apiKey])
            #expect(missing.status == 404)
            #expect(missing.error["status"] as? String == "NOT_FOUND")
            let wrongMethod = try await harness.send(.get, "/v1beta/models/gemini-2.0-flash:generateContent")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.error["code"] as? Int == 405)
        }
    }
}
