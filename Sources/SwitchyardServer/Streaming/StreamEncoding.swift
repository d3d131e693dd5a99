import Foundation
import SwitchyardCore

/// Turns a stream of Gemini events into the bytes of one surface's streaming answer.
protocol StreamEncoding: Sendable {
    /// The `Content-Type` of the answer.
    var contentType: String { get }
    /// The bytes for one event.
    mutating func encode(_ event: GenerateContentResponse) throws(SwitchyardError) -> Data
    /// The bytes for a failure after the headers were sent; the answer ends after them.
    func encode(failure: ServerError) -> Data
    /// The bytes that close a stream that ended normally, if any.
    func end() -> Data?
}

/// Server-sent event framing: `data: <json>` and a blank line, with LF line ends.
enum ServerSentEvents {
    /// `data: <json>\n\n`. The JSON is compact, so it has no newline of its own.
    static func event(_ json: Data) -> Data {
        var frame = Data(capacity: json.count + 8)
        frame.append(contentsOf: Array("data: ".utf8))
        frame.append(json)
        frame.append(contentsOf: [0x0A, 0x0A])
        return frame
    }
}

/// Gemini's `streamGenerateContent`: with `alt=sse`, each event is `data: <GenerateContentResponse>` + blank line and
/// the stream ends with no terminator; a failure is `data: {"error":{code,message,status}}`. Without `alt=sse`, the
/// answer is one JSON array of responses (Google's default), a failure being its last element.
struct GeminiStreamEncoding: StreamEncoding {
    var serverSentEvents: Bool
    private var count = 0

    init(serverSentEvents: Bool) {
        self.serverSentEvents = serverSentEvents
    }

    var contentType: String { serverSentEvents ? "text/event-stream" : "application/json; charset=utf-8" }

    mutating func encode(_ event: GenerateContentResponse) throws(SwitchyardError) -> Data {
        let json = try ServerJSON.encode(event)
        defer { count += 1 }
        if serverSentEvents { return ServerSentEvents.event(json) }
        return Data((count == 0 ? "[" : ",\r\n").utf8) + json
    }

    func encode(failure: ServerError) -> Data {
        let json = (try? ServerJSON.encode(failure.googleBody)) ?? Data()
        if serverSentEvents { return ServerSentEvents.event(json) }
        return Data((count == 0 ? "[" : ",\r\n").utf8) + json + Data("]".utf8)
    }

    func end() -> Data? {
        serverSentEvents ? nil : Data((count == 0 ? "[]" : "]").utf8)
    }
}

/// OpenAI's streamed chat: `data: <chat.completion.chunk>` + blank line per event, an optional usage chunk, then
/// `data: [DONE]`. A failure is `data: {"error":{message,type,param,code}}` and no `[DONE]`.
struct ChatStreamEncoding: StreamEncoding {
    var translation: ChatResponseTranslation
    var includeUsage: Bool
    private var first = true
    private var toolCalls = 0
    private var usage: UsageMetadata?

    init(translation: ChatResponseTranslation, includeUsage: Bool) {
        self.translation = translation
        self.includeUsage = includeUsage
    }

    var contentType: String { "text/event-stream" }

    mutating func encode(_ event: GenerateContentResponse) throws(SwitchyardError) -> Data {
        if let metadata = event.usageMetadata { usage = metadata }
        let chunk = translation.chunk(from: event, first: first, toolCallsSoFar: &toolCalls)
        first = false
        guard !chunk.choices.isEmpty else { return Data() }
        return ServerSentEvents.event(try ServerJSON.encode(chunk))
    }

    func encode(failure: ServerError) -> Data {
        ServerSentEvents.event((try? ServerJSON.encode(failure.openAIBody)) ?? Data())
    }

    func end() -> Data? {
        var tail = Data()
        if includeUsage, let json = try? ServerJSON.encode(translation.usageChunk(usage)) {
            tail.append(ServerSentEvents.event(json))
        }
        tail.append(Data("data: [DONE]\n\n".utf8))
        return tail
    }
}
