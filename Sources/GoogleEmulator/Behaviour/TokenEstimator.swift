import SwitchyardCore

/// Token counts per modality, as `usageMetadata` and `countTokens` report them.
struct TokenCount: Sendable, Equatable {
    var byModality: [String: Int] = [:]

    var total: Int { byModality.values.reduce(0, +) }

    mutating func add(_ modality: String, _ count: Int) {
        guard count > 0 else { return }
        byModality[modality, default: 0] += count
    }

    /// `[{"modality": "TEXT", "tokenCount": n}, ...]` in a fixed order.
    var details: JSONValue {
        let order = ["TEXT", "IMAGE", "AUDIO", "VIDEO", "DOCUMENT"]
        return .array(
            order.compactMap { modality in
                guard let count = byModality[modality] else { return nil }
                return .members([("modality", .string(modality)), ("tokenCount", .integer(Int64(count)))])
            }
        )
    }
}

/// The one estimator behind `countTokens` and `usageMetadata`, so both always agree:
/// text is one token per 4 UTF-8 bytes (rounded up), each image or other media part 258 tokens (Gemini's fixed
/// per-image count), function calls and responses and tool declarations by the size of their JSON.
enum TokenEstimator {
    static let tokensPerImage = 258
    static let tokensPerOutputImage = 1290

    static func tokens(text: String) -> Int {
        text.isEmpty ? 0 : (text.utf8.count + 3) / 4
    }

    static func count(part: JSONValue, into count: inout TokenCount) {
        if let text = part.string("text") { count.add("TEXT", tokens(text: text)) }
        for key in ["inlineData", "fileData"] {
            if let media = part.field(key) {
                let mime = media.string("mimeType") ?? ""
                let modality =
                    mime.hasPrefix("image/") ? "IMAGE" : mime.hasPrefix("audio/") ? "AUDIO" : mime.hasPrefix("video/") ? "VIDEO" : "DOCUMENT"
                count.add(modality, tokensPerImage)
            }
        }
        for key in ["functionCall", "functionResponse", "executableCode", "codeExecutionResult"] {
            if let value = part.field(key) { count.add("TEXT", tokens(text: EmulatorJSON.compactString(value))) }
        }
    }

    /// The prompt's tokens: contents, system instruction and tool declarations.
    static func prompt(contents: [JSONValue], systemInstruction: JSONValue?, tools: [JSONValue]) -> TokenCount {
        var count = TokenCount()
        for content in contents {
            for part in content.list("parts") { Self.count(part: part, into: &count) }
        }
        if let systemInstruction {
            for part in systemInstruction.list("parts") { Self.count(part: part, into: &count) }
        }
        if !tools.isEmpty {
            count.add("TEXT", tokens(text: EmulatorJSON.compactString(.array(tools))))
        }
        return count
    }
}
