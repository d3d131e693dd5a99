/// A cheap estimate of a prompt's token count, for choosing a target whose context window fits without calling
/// `countTokens`.
///
/// Heuristic: one token per 4 UTF-8 bytes of text (rounded up per part), the same for the JSON text of function
/// calls, responses and declarations, and a fixed ``tokensPerMediaPart`` for every inline or referenced media part
/// (Gemini bills a small image as 258 tokens; larger media cost more, so this is a lower bound for them).
public enum TokenEstimate {
    /// Bytes of text per token.
    public static let bytesPerToken = 4
    /// Tokens counted for each media part.
    public static let tokensPerMediaPart = 258

    /// The estimated prompt tokens of a request: contents, system instruction and function declarations.
    public static func promptTokens(of request: GenerateContentRequest) -> Int {
        var total = 0
        for content in (request.contents ?? []) + [request.systemInstruction].compactMap({ $0 }) {
            for part in content.parts ?? [] {
                total += tokens(of: part)
            }
        }
        for tool in request.tools ?? [] {
            for declaration in tool.functionDeclarations ?? [] {
                var bytes = (declaration.name?.utf8.count ?? 0) + (declaration.description?.utf8.count ?? 0)
                bytes += [declaration.parameters, declaration.parametersJsonSchema].compactMap { $0 }.reduce(0) { $0 + textSize(of: $1) }
                total += tokens(forBytes: bytes)
            }
        }
        return total
    }

    /// The estimated tokens of one part.
    public static func tokens(of part: Part) -> Int {
        var total = 0
        if let text = part.text { total += tokens(forBytes: text.utf8.count) }
        if part.inlineData != nil || part.fileData != nil { total += tokensPerMediaPart }
        if let call = part.functionCall {
            total += tokens(forBytes: (call.name?.utf8.count ?? 0) + (call.args.map(textSize(of:)) ?? 0))
        }
        if let response = part.functionResponse {
            total += tokens(forBytes: (response.name?.utf8.count ?? 0) + (response.response.map(textSize(of:)) ?? 0))
        }
        if let code = part.executableCode?.code { total += tokens(forBytes: code.utf8.count) }
        if let output = part.codeExecutionResult?.output { total += tokens(forBytes: output.utf8.count) }
        return total
    }

    private static func tokens(forBytes bytes: Int) -> Int {
        (bytes + bytesPerToken - 1) / bytesPerToken
    }

    /// The approximate length of a value's compact JSON text, without serialising it.
    static func textSize(of value: JSONValue) -> Int {
        switch value {
        case .null: 4
        case .bool(let flag): flag ? 4 : 5
        case .integer, .double: 8
        case .string(let text): text.utf8.count + 2
        case .array(let items): items.reduce(2) { $0 + textSize(of: $1) + 1 }
        case .object(let object): object.members.reduce(2) { $0 + $1.key.utf8.count + 4 + textSize(of: $1.value) }
        }
    }
}
