import Foundation
import Switchyard
import Testing

@testable import SwitchyardServer

@Suite("Streaming framing")
struct StreamFramingTests {
    private func response(_ text: String, finish: String? = nil) throws -> GenerateContentResponse {
        let finishField = finish.map { #","finishReason":"\#($0)""# } ?? ""
        return try JSONDecoder().decode(
            GenerateContentResponse.self,
            from: Data(#"{"candidates":[{"content":{"role":"model","parts":[{"text":"\#(text)"}]}\#(finishField)}]}"#.utf8)
        )
    }

    @Test("Gemini SSE: each event is `data: <json>` and a blank line, no terminator")
    func geminiSSE() throws {
        var encoding = GeminiStreamEncoding(serverSentEvents: true)
        var bytes = try encoding.encode(response("Hel"))
        bytes += try encoding.encode(response("lo", finish: "STOP"))
        if let end = encoding.end() { bytes += end }
        let events = try #require(JSONComparison.serverSentEvents(bytes))
        #expect(events.count == 2)
        #expect(JSONComparison.same(events[0], #"{"candidates":[{"content":{"role":"model","parts":[{"text":"Hel"}]}}]}"#))
        #expect(JSONComparison.same(events[1], #"{"candidates":[{"content":{"role":"model","parts":[{"text":"lo"}]},"finishReason":"STOP"}]}"#))
        #expect(encoding.contentType == "text/event-stream")
    }

    @Test("Gemini SSE failure: `data: {\"error\":{code,message,status}}`")
    func geminiFailure() {
        let encoding = GeminiStreamEncoding(serverSentEvents: true)
        let failure = ServerError(SwitchyardError(.upstreamUnavailable, "overloaded"))
        let events = JSONComparison.serverSentEvents(encoding.encode(failure: failure)) ?? []
        #expect(events.count == 1)
        #expect(JSONComparison.same(events.first ?? Data(), #"{"error":{"code":503,"message":"overloaded","status":"UNAVAILABLE"}}"#))
    }

    @Test("Gemini without alt=sse: one JSON array")
    func geminiArray() throws {
        var encoding = GeminiStreamEncoding(serverSentEvents: false)
        var bytes = try encoding.encode(response("a"))
        bytes += try encoding.encode(response("b"))
        bytes += encoding.end() ?? Data()
        let decoded = try JSONDecoder().decode([GenerateContentResponse].self, from: bytes)
        #expect(decoded.count == 2)
        let empty = GeminiStreamEncoding(serverSentEvents: false)
        _ = empty.end()
        #expect(String(decoding: empty.end() ?? Data(), as: UTF8.self) == "[]")
    }

    @Test("OpenAI chunks: role on the first delta, finish reason, usage chunk, then [DONE]")
    func openAIChunks() throws {
        var encoding = ChatStreamEncoding(
            translation: ChatResponseTranslation(requestID: "r", model: "chat", created: Date(timeIntervalSince1970: 5)),
            includeUsage: true
        )
        var bytes = try encoding.encode(response("Hi"))
        var last = try response("!", finish: "STOP")
        var usage = UsageMetadata()
        usage.promptTokenCount = 2
        usage.candidatesTokenCount = 2
        usage.totalTokenCount = 4
        last.usageMetadata = usage
        bytes += try encoding.encode(last)
        bytes += encoding.end() ?? Data()
        #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("\n\ndata: [DONE]\n\n"))
        let events = try #require(JSONComparison.serverSentEvents(bytes))
        #expect(events.count == 4)
        #expect(
            JSONComparison.same(
                events[0],
                #"{"id":"chatcmpl-r","object":"chat.completion.chunk","created":5,"model":"chat","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]}"#
            )
        )
        #expect(
            JSONComparison.same(
                events[1],
                #"{"id":"chatcmpl-r","object":"chat.completion.chunk","created":5,"model":"chat","choices":[{"index":0,"delta":{"content":"!"},"finish_reason":"stop"}]}"#
            )
        )
        #expect(
            JSONComparison.same(
                events[2],
                #"{"id":"chatcmpl-r","object":"chat.completion.chunk","created":5,"model":"chat","choices":[],"usage":{"prompt_tokens":2,"completion_tokens":2,"total_tokens":4}}"#
            )
        )
        #expect(String(decoding: events[3], as: UTF8.self) == "[DONE]")
    }

    @Test("OpenAI failure mid-stream: an OpenAI error event, no [DONE]")
    func openAIFailure() {
        let encoding = ChatStreamEncoding(translation: ChatResponseTranslation(requestID: "r", model: "m"), includeUsage: false)
        let events = JSONComparison.serverSentEvents(encoding.encode(failure: ServerError(SwitchyardError(.rateLimited, "slow down")))) ?? []
        #expect(events.count == 1)
        #expect(
            JSONComparison.same(
                events.first ?? Data(),
                #"{"error":{"message":"slow down","type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}"#
            )
        )
    }
}
