import Foundation
import SwitchyardCore

/// Translates Gemini answers into OpenAI chat completions and chunks.
///
/// Text parts are joined into `content` (thought parts are left out), `functionCall` parts become `tool_calls`
/// (arguments as a JSON string), inline images become `images` data URLs, and `finishReason` maps to
/// `stop`/`length`/`tool_calls`/`content_filter`.
struct ChatResponseTranslation: Sendable {
    /// The completion id, `chatcmpl-<request id>`.
    var id: String
    /// The model as the client asked for it.
    var model: String
    /// Unix seconds.
    var created: Int

    init(requestID: String, model: String, created: Date = Date()) {
        self.id = "chatcmpl-" + requestID
        self.model = model
        self.created = Int(created.timeIntervalSince1970)
    }

    /// A full `chat.completion`.
    func completion(from response: GenerateContentResponse) -> ChatCompletion {
        var choices: [ChatCompletion.Choice] = []
        for (position, candidate) in (response.candidates ?? []).enumerated() {
            var message = Self.message(from: candidate, callIndexBase: nil)
            message.role = "assistant"
            message.writesNullContent = true
            choices.append(
                ChatCompletion.Choice(
                    index: candidate.index ?? position,
                    message: message,
                    finishReason: Self.finishReason(candidate, hasToolCalls: message.toolCalls != nil) ?? "stop"
                )
            )
        }
        if choices.isEmpty {
            // The prompt was blocked: no candidates, only promptFeedback.
            choices.append(
                ChatCompletion.Choice(
                    index: 0,
                    message: ChatAnswerMessage(role: "assistant", writesNullContent: true),
                    finishReason: "content_filter"
                )
            )
        }
        return ChatCompletion(
            id: id,
            object: "chat.completion",
            created: created,
            model: model,
            choices: choices,
            usage: Self.usage(response.usageMetadata) ?? ChatUsage(promptTokens: 0, completionTokens: 0, totalTokens: 0)
        )
    }

    /// A `chat.completion.chunk` for one streamed Gemini event; `first` adds the `assistant` role to each delta.
    func chunk(from response: GenerateContentResponse, first: Bool, toolCallsSoFar: inout Int) -> ChatCompletion {
        var choices: [ChatCompletion.Choice] = []
        for (position, candidate) in (response.candidates ?? []).enumerated() {
            var delta = Self.message(from: candidate, callIndexBase: toolCallsSoFar)
            toolCallsSoFar += delta.toolCalls?.count ?? 0
            if first { delta.role = "assistant" }
            choices.append(
                ChatCompletion.Choice(
                    index: candidate.index ?? position,
                    delta: delta,
                    finishReason: Self.finishReason(candidate, hasToolCalls: toolCallsSoFar > 0)
                )
            )
        }
        if choices.isEmpty && response.promptFeedback?.blockReason != nil {
            choices.append(ChatCompletion.Choice(index: 0, delta: ChatAnswerMessage(writesNullContent: false), finishReason: "content_filter"))
        }
        return ChatCompletion(id: id, object: "chat.completion.chunk", created: created, model: model, choices: choices, usage: nil)
    }

    /// The last chunk of a stream asked with `stream_options.include_usage`: no choices, only usage.
    func usageChunk(_ usage: UsageMetadata?) -> ChatCompletion {
        ChatCompletion(
            id: id,
            object: "chat.completion.chunk",
            created: created,
            model: model,
            choices: [],
            usage: Self.usage(usage) ?? ChatUsage(promptTokens: 0, completionTokens: 0, totalTokens: 0)
        )
    }

    // MARK: Pieces

    private static func message(from candidate: Candidate, callIndexBase: Int?) -> ChatAnswerMessage {
        var text: String?
        var toolCalls: [ChatAnswerToolCall] = []
        var images: [ChatAnswerImage] = []
        for part in candidate.content?.parts ?? [] where part.thought != true {
            if let piece = part.text {
                text = (text ?? "") + piece
            }
            if let call = part.functionCall {
                let arguments = (try? ServerJSON.encode(call.args ?? .object([:]))).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
                let number = (callIndexBase ?? 0) + toolCalls.count
                toolCalls.append(
                    ChatAnswerToolCall(
                        index: callIndexBase.map { $0 + toolCalls.count },
                        id: call.id ?? "call_\(number)",
                        function: .init(name: call.name ?? "", arguments: arguments)
                    )
                )
            }
            if let blob = part.inlineData, let data = blob.data, let mimeType = blob.mimeType, mimeType.hasPrefix("image/") {
                images.append(ChatAnswerImage(imageURL: .init(url: "data:\(mimeType);base64,\(data.standardBase64)")))
            }
        }
        return ChatAnswerMessage(
            content: text,
            toolCalls: toolCalls.isEmpty ? nil : toolCalls,
            images: images.isEmpty ? nil : images,
            writesNullContent: false
        )
    }

    /// OpenAI's finish reason, or `nil` while the candidate has not finished.
    static func finishReason(_ candidate: Candidate, hasToolCalls: Bool) -> String? {
        guard let reason = candidate.finishReason else { return nil }
        switch reason {
        case .stop: return hasToolCalls ? "tool_calls" : "stop"
        case .maxTokens: return "length"
        case .safety, .recitation, .blocklist, .prohibitedContent, .spii, .imageSafety, .imageProhibitedContent, .imageRecitation:
            return "content_filter"
        case .malformedFunctionCall, .unexpectedToolCall, .tooManyToolCalls: return "tool_calls"
        default: return hasToolCalls ? "tool_calls" : "stop"
        }
    }

    static func usage(_ metadata: UsageMetadata?) -> ChatUsage? {
        guard let metadata else { return nil }
        let prompt = metadata.promptTokenCount ?? 0
        let completion = (metadata.candidatesTokenCount ?? 0) + (metadata.thoughtsTokenCount ?? 0)
        return ChatUsage(promptTokens: prompt, completionTokens: completion, totalTokens: metadata.totalTokenCount ?? prompt + completion)
    }
}
