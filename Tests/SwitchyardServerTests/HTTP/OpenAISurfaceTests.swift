import Foundation
import GoogleEmulator
import SwitchyardHTTP
import Testing

@Suite("OpenAI-compatible surface over HTTP", .timeLimit(.minutes(1)))
struct OpenAISurfaceTests {
    /// A 1×1 PNG.
    static let pixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="

    private func message(_ reply: ServerHarness.Reply) -> [String: Any] {
        ((reply.json?["choices"] as? [[String: Any]])?.first?["message"] as? [String: Any]) ?? [:]
    }

    private func finishReason(_ reply: ServerHarness.Reply) -> String? {
        (reply.json?["choices"] as? [[String: Any]])?.first?["finish_reason"] as? String
    }

    @Test("chat: text answer, usage, trail headers")
    func text() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.sendOpenAI(
                .post,
                "/v1/chat/completions",
                json: #"{"model":"chat","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hello there"}]}"#
            )
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.json?["object"] as? String == "chat.completion")
            #expect(reply.json?["model"] as? String == "chat")
            #expect((message(reply)["content"] as? String)?.hasPrefix("Echo: Hello there") == true)
            #expect(message(reply)["role"] as? String == "assistant")
            #expect(finishReason(reply) == "stop")
            let usage = reply.json?["usage"] as? [String: Any]
            #expect(usage?["total_tokens"] as? Int ?? 0 > 0)
            #expect(reply.header("x-switchyard-provider") == "studio")
        }
    }

    @Test("chat: tools and tool_choice give tool_calls with JSON arguments")
    func tools() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.sendOpenAI(
                .post,
                "/v1/chat/completions",
                json: """
                    {"model":"chat","tool_choice":"required","messages":[{"role":"user","content":"What is the weather in Paris?"}],
                     "tools":[{"type":"function","function":{"name":"get_weather","description":"Current weather",
                       "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]}
                    """
            )
            #expect(reply.status == 200, "\(reply.text)")
            let calls = message(reply)["tool_calls"] as? [[String: Any]] ?? []
            let function = try #require(calls.first?["function"] as? [String: Any])
            #expect(function["name"] as? String == "get_weather")
            let arguments = try #require((function["arguments"] as? String).flatMap { JSONComparison.object(Data($0.utf8)) })
            #expect(arguments["city"] is String)
            #expect(calls.first?["type"] as? String == "function")
            #expect(finishReason(reply) == "tool_calls")
        }
    }

    @Test("chat: response_format json_schema gives JSON that has the required fields")
    func jsonSchema() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.sendOpenAI(
                .post,
                "/v1/chat/completions",
                json: """
                    {"model":"chat","messages":[{"role":"user","content":"Describe a cat"}],
                     "response_format":{"type":"json_schema","json_schema":{"name":"cat","schema":{"type":"object",
                       "properties":{"name":{"type":"string"},"age":{"type":"integer"}},"required":["name","age"]}}}}
                    """
            )
            #expect(reply.status == 200, "\(reply.text)")
            let content = try #require(message(reply)["content"] as? String)
            let object = try #require(JSONComparison.object(Data(content.utf8)))
            #expect(object["name"] is String)
            #expect(object["age"] is Int)
        }
    }

    @Test("chat: image input as a data URL reaches the upstream as inlineData")
    func imageInput() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.sendOpenAI(
                .post,
                "/v1/chat/completions",
                json: """
                    {"model":"chat","messages":[{"role":"user","content":[{"type":"text","text":"What is in this picture?"},
                      {"type":"image_url","image_url":{"url":"data:image/png;base64,\(Self.pixel)"}}]}]}
                    """
            )
            #expect(reply.status == 200, "\(reply.text)")
            let upstream = await server.emulator.requestLog().last { $0.path.hasSuffix(":generateContent") }
            let body: String = String(decoding: upstream?.body ?? Data(), as: UTF8.self)
            #expect(body.contains(#""inlineData""#))
            #expect(body.contains(Self.pixel))
        }
    }

    @Test("chat: modalities text+image return images as data URLs in message.images")
    func imageOutput() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.sendOpenAI(
                .post,
                "/v1/chat/completions",
                json: #"{"model":"image","modalities":["text","image"],"messages":[{"role":"user","content":"Draw a lighthouse"}]}"#
            )
            #expect(reply.status == 200, "\(reply.text)")
            let images = message(reply)["images"] as? [[String: Any]] ?? []
            let url = try #require((images.first?["image_url"] as? [String: Any])?["url"] as? String)
            #expect(images.first?["type"] as? String == "image_url")
            #expect(url.hasPrefix("data:image/png;base64,"))
            let png = Data(base64Encoded: String(url.dropFirst("data:image/png;base64,".count))) ?? Data()
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }

    @Test("chat: stream gives chunks, a usage chunk and [DONE]")
    func stream() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.sendOpenAI(
                .post,
                "/v1/chat/completions",
                json: #"{"model":"chat","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Hello there"}]}"#
            )
            #expect(reply.status == 200)
            #expect(reply.header("content-type") == "text/event-stream")
            let events = try #require(JSONComparison.serverSentEvents(reply.body), "framing: \(reply.text)")
            #expect(String(decoding: events.last ?? Data(), as: UTF8.self) == "[DONE]")
            let chunks = events.dropLast().compactMap { JSONComparison.object($0) }
            #expect(chunks.count == events.count - 1)
            #expect(chunks.allSatisfy { $0["object"] as? String == "chat.completion.chunk" })
            var text = ""
            var reasons: [String] = []
            for chunk in chunks {
                for choice in chunk["choices"] as? [[String: Any]] ?? [] {
                    text += (choice["delta"] as? [String: Any])?["content"] as? String ?? ""
                    if let reason = choice["finish_reason"] as? String { reasons.append(reason) }
                }
            }
            #expect(text.hasPrefix("Echo: Hello there"))
            #expect(reasons == ["stop"])
            #expect((chunks.last?["usage"] as? [String: Any])?["total_tokens"] as? Int ?? 0 > 0)
            let first = (chunks.first?["choices"] as? [[String: Any]])?.first?["delta"] as? [String: Any]
            #expect(first?["role"] as? String == "assistant")
        }
    }

    @Test("images/generations: n and size, b64_json PNGs; response_format url is refused")
    func imageGeneration() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.sendOpenAI(
                .post,
                "/v1/images/generations",
                json: #"{"model":"imagen","prompt":"a red bicycle","n":2,"size":"1792x1024","response_format":"b64_json"}"#
            )
            #expect(reply.status == 200, "\(reply.text)")
            let data = reply.json?["data"] as? [[String: Any]] ?? []
            #expect(data.count == 2)
            let png = Data(base64Encoded: data.first?["b64_json"] as? String ?? "") ?? Data()
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(reply.json?["created"] is Int)
            let upstream = await server.emulator.requestLog().last { $0.path.hasSuffix(":predict") }
            let upstreamBody = String(decoding: upstream?.body ?? Data(), as: UTF8.self)
            #expect(upstreamBody.contains(#""aspectRatio":"16:9""#))

            let url = try await server.sendOpenAI(.post, "/v1/images/generations", json: #"{"model":"imagen","prompt":"x","response_format":"url"}"#)
            #expect(url.status == 400)
            let error = url.json?["error"] as? [String: Any]
            #expect(error?["param"] as? String == "response_format")
            #expect(error?["type"] as? String == "invalid_request_error")
        }
    }

    @Test("GET /v1/models lists routes and catalog models as OpenAI model objects")
    func models() async throws {
        try await ServerHarness.with { server in
            let reply = try await server.sendOpenAI(.get, "/v1/models")
            #expect(reply.status == 200)
            #expect(reply.json?["object"] as? String == "list")
            let ids = (reply.json?["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(ids.contains("chat"))
            #expect(ids.contains("gemini-2.5-flash"))
            let one = try await server.sendOpenAI(.get, "/v1/models/chat")
            #expect(one.json?["id"] as? String == "chat")
            #expect(one.json?["object"] as? String == "model")
        }
    }

    @Test("errors on this surface are OpenAI-shaped: unknown model, wrong types")
    func errors() async throws {
        try await ServerHarness.with { server in
            let unknown = try await server.sendOpenAI(
                .post,
                "/v1/chat/completions",
                json: #"{"model":"nope","messages":[{"role":"user","content":"x"}]}"#
            )
            #expect(unknown.status == 404)
            let error = unknown.json?["error"] as? [String: Any]
            #expect(error?["code"] as? String == "model_not_found")
            #expect(error?["message"] is String)
            #expect(error?.keys.contains("param") == true)
            let wrong = try await server.sendOpenAI(.post, "/v1/chat/completions", json: #"{"model":"chat","messages":"hi"}"#)
            #expect(wrong.status == 400)
            #expect((wrong.json?["error"] as? [String: Any])?["param"] as? String == "messages")
        }
    }
}
