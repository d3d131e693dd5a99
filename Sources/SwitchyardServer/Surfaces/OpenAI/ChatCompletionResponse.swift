import SwitchyardCore

/// The answer of `POST /v1/chat/completions` (`object: chat.completion`), and one streamed chunk
/// (`object: chat.completion.chunk`, with `delta` instead of `message`).
struct ChatCompletion: Encodable, Sendable {
    var id: String
    var object: String
    var created: Int
    var model: String
    var choices: [Choice]
    var usage: ChatUsage?

    /// One choice; `message` for a full answer, `delta` for a chunk.
    struct Choice: Encodable, Sendable {
        var index: Int
        var message: ChatAnswerMessage?
        var delta: ChatAnswerMessage?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, message, delta
            case finishReason = "finish_reason"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .index)
            try container.encodeIfPresent(message, forKey: .message)
            try container.encodeIfPresent(delta, forKey: .delta)
            try container.encode(finishReason, forKey: .finishReason)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(object, forKey: .object)
        try container.encode(created, forKey: .created)
        try container.encode(model, forKey: .model)
        try container.encode(choices, forKey: .choices)
        try container.encodeIfPresent(usage, forKey: .usage)
    }

    enum CodingKeys: String, CodingKey {
        case id, object, created, model, choices, usage
    }
}

/// An assistant message (or the delta of one): text, tool calls, and images as OpenRouter and LiteLLM return them.
struct ChatAnswerMessage: Encodable, Sendable {
    var role: String?
    var content: String?
    var toolCalls: [ChatAnswerToolCall]?
    var images: [ChatAnswerImage]?
    /// Whether `content` is written as `null` when absent (full messages) or left out (deltas).
    var writesNullContent: Bool

    enum CodingKeys: String, CodingKey {
        case role, content, images
        case toolCalls = "tool_calls"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(role, forKey: .role)
        if writesNullContent {
            try container.encode(content, forKey: .content)
        } else {
            try container.encodeIfPresent(content, forKey: .content)
        }
        try container.encodeIfPresent(toolCalls, forKey: .toolCalls)
        try container.encodeIfPresent(images, forKey: .images)
    }
}

/// A function call the model asks for; in a chunk it also carries its `index`.
struct ChatAnswerToolCall: Encodable, Sendable {
    var index: Int?
    var id: String
    var type = "function"
    var function: Function

    struct Function: Encodable, Sendable {
        var name: String
        var arguments: String
    }
}

/// An output image: `{"type":"image_url","image_url":{"url":"data:image/png;base64,…"}}`.
struct ChatAnswerImage: Encodable, Sendable {
    var type = "image_url"
    var imageURL: URLValue

    struct URLValue: Encodable, Sendable {
        var url: String
    }

    enum CodingKeys: String, CodingKey {
        case type
        case imageURL = "image_url"
    }
}

/// Token counts, from Gemini's `usageMetadata`.
struct ChatUsage: Encodable, Sendable {
    var promptTokens: Int
    var completionTokens: Int
    var totalTokens: Int

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case totalTokens = "total_tokens"
    }
}
