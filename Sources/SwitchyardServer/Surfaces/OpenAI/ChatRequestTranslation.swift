import Foundation
import SwitchyardCore

/// Translates an OpenAI chat request into the one request model (Gemini's GenerateContent).
///
/// - `system`/`developer` messages become `systemInstruction`; `user` → `user` content; `assistant` → `model` content
///   (its `tool_calls` become `functionCall` parts); consecutive `tool` messages become one `user` content of
///   `functionResponse` parts, named after the call they answer.
/// - Images: `data:` URLs become `inlineData` (the base64 is validated, not decoded); `http(s)` URLs become `fileData`.
/// - `tools` → `functionDeclarations` (parameters as JSON Schema), `tool_choice` → `functionCallingConfig`,
///   `response_format` → `responseMimeType` + `responseJsonSchema`, `modalities` → `responseModalities`,
///   sampling fields → `generationConfig`.
enum ChatRequestTranslation {
    static func generateContentRequest(from chat: ChatCompletionRequest) throws(ServerError) -> GenerateContentRequest {
        var request = GenerateContentRequest()
        var systemParts: [Part] = []
        var contents: [Content] = []
        var callNames: [String: String] = [:]

        guard !chat.messages.isEmpty else {
            throw .invalidArgument("messages: at least one message is required", parameter: "messages")
        }
        for (index, message) in chat.messages.enumerated() {
            let field = "messages[\(index)]"
            switch message.role {
            case "system", "developer":
                for part in message.content ?? [] {
                    guard case .text(let text) = part else {
                        throw .invalidArgument("\(field).content: a \(message.role) message may only hold text", parameter: "\(field).content")
                    }
                    systemParts.append(Part(text: text))
                }
            case "user":
                let parts = try userParts(message.content ?? [], field: field)
                guard !parts.isEmpty else {
                    throw .invalidArgument("\(field).content: a user message needs content", parameter: "\(field).content")
                }
                contents.append(Content(role: .user, parts: parts))
            case "assistant":
                var parts: [Part] = []
                for (partIndex, part) in (message.content ?? []).enumerated() {
                    guard case .text(let text) = part else {
                        throw .invalidArgument(
                            "\(field).content[\(partIndex)]: an assistant message may only hold text",
                            parameter: "\(field).content"
                        )
                    }
                    if !text.isEmpty { parts.append(Part(text: text)) }
                }
                for (callIndex, call) in (message.toolCalls ?? []).enumerated() {
                    var functionCall = FunctionCall()
                    functionCall.name = call.function.name
                    functionCall.args = try arguments(call.function.arguments, field: "\(field).tool_calls[\(callIndex)].function.arguments")
                    if let id = call.id { callNames[id] = call.function.name }
                    var part = Part()
                    part.functionCall = functionCall
                    parts.append(part)
                }
                guard !parts.isEmpty else {
                    throw .invalidArgument("\(field): an assistant message needs content or tool_calls", parameter: "\(field).content")
                }
                contents.append(Content(role: .model, parts: parts))
            case "tool":
                let name = message.toolCallID.flatMap { callNames[$0] } ?? message.name
                guard let name else {
                    throw .invalidArgument(
                        "\(field).tool_call_id: does not match a tool call of an earlier assistant message",
                        parameter: "\(field).tool_call_id"
                    )
                }
                var functionResponse = FunctionResponse()
                functionResponse.name = name
                functionResponse.response = toolResult(message.content ?? [])
                var part = Part()
                part.functionResponse = functionResponse
                if let last = contents.last, last.role == .user, last.parts?.allSatisfy({ $0.functionResponse != nil }) == true {
                    contents[contents.count - 1].parts?.append(part)
                } else {
                    contents.append(Content(role: .user, parts: [part]))
                }
            default:
                throw .invalidArgument(
                    "\(field).role: \"\(message.role)\" is not one of system, developer, user, assistant, tool",
                    parameter: "\(field).role"
                )
            }
        }
        guard !contents.isEmpty else {
            throw .invalidArgument("messages: at least one user message is required", parameter: "messages")
        }
        request.contents = contents
        if !systemParts.isEmpty {
            request.systemInstruction = Content(role: .user, parts: systemParts)
        }
        try applyTools(chat, to: &request)
        request.generationConfig = try generationConfig(chat)
        return request
    }

    // MARK: Parts

    private static func userParts(_ content: [ChatContentPart], field: String) throws(ServerError) -> [Part] {
        var parts: [Part] = []
        for (index, part) in content.enumerated() {
            switch part {
            case .text(let text):
                parts.append(Part(text: text))
            case .imageURL(let url):
                parts.append(try imagePart(url, field: "\(field).content[\(index)].image_url.url"))
            }
        }
        return parts
    }

    /// A `data:` URL → `inlineData`; an `http(s)` URL → `fileData` with the MIME type guessed from the extension.
    static func imagePart(_ url: String, field: String) throws(ServerError) -> Part {
        if url.hasPrefix("data:") {
            guard let comma = url.firstIndex(of: ",") else {
                throw .invalidArgument("\(field): a data URL needs a comma before its data", parameter: field)
            }
            let header = url[url.index(url.startIndex, offsetBy: 5)..<comma]
            let pieces = header.split(separator: ";")
            guard header.hasSuffix(";base64"), let mimeType = pieces.first, mimeType.contains("/") else {
                throw .invalidArgument("\(field): expected data:<mime type>;base64,<data>", parameter: field)
            }
            let payload: Base64Payload
            do {
                payload = try Base64Payload(validating: String(url[url.index(after: comma)...]))
            } catch {
                throw .invalidArgument("\(field): \(error.message)", parameter: field)
            }
            guard payload.byteCount > 0 else {
                throw .invalidArgument("\(field): the data URL holds no data", parameter: field)
            }
            return Part(mimeType: String(mimeType), data: payload)
        }
        if url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("gs://") {
            var fileData = FileData()
            fileData.fileUri = url
            fileData.mimeType = mimeType(forURL: url)
            var part = Part()
            part.fileData = fileData
            return part
        }
        throw .invalidArgument("\(field): expected a data:, http:// or https:// URL", parameter: field)
    }

    private static func mimeType(forURL url: String) -> String {
        let path = url.split(separator: "?").first.map(String.init) ?? url
        let fileExtension = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch fileExtension {
        case "png": return "image/png"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "heic": return "image/heic"
        case "heif": return "image/heif"
        default: return "image/jpeg"
        }
    }

    /// Tool-call arguments: a JSON object text (empty means no arguments).
    private static func arguments(_ text: String?, field: String) throws(ServerError) -> JSONValue {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return .object([:]) }
        guard let value = try? JSONReader().read(text), case .object = value else {
            throw .invalidArgument("\(field): expected a JSON object in a string", parameter: field)
        }
        return value
    }

    /// A tool message's content: a JSON object text is passed as the response; anything else as `{"content": text}`.
    private static func toolResult(_ content: [ChatContentPart]) -> JSONValue {
        var text = ""
        for case .text(let piece) in content { text += piece }
        if let value = try? JSONReader().read(text), case .object = value {
            return value
        }
        return ["content": .string(text)]
    }

    // MARK: Tools and config

    private static func applyTools(_ chat: ChatCompletionRequest, to request: inout GenerateContentRequest) throws(ServerError) {
        if let tools = chat.tools, !tools.isEmpty {
            var declarations: [FunctionDeclaration] = []
            for (index, tool) in tools.enumerated() {
                guard tool.type == "function" else {
                    throw .invalidArgument("tools[\(index)].type: only \"function\" tools are supported", parameter: "tools[\(index)].type")
                }
                var declaration = FunctionDeclaration()
                declaration.name = tool.function.name
                declaration.description = tool.function.description
                declaration.parametersJsonSchema = tool.function.parameters
                declarations.append(declaration)
            }
            var tool = Tool()
            tool.functionDeclarations = declarations
            request.tools = [tool]
        }
        guard let choice = chat.toolChoice else { return }
        var config = FunctionCallingConfig()
        switch choice {
        case .auto: config.mode = .auto
        case .none: config.mode = .noCalls
        case .required: config.mode = .any
        case .function(let name):
            guard chat.tools?.contains(where: { $0.function.name == name }) == true else {
                throw .invalidArgument("tool_choice.function.name: \"\(name)\" is not one of the tools", parameter: "tool_choice")
            }
            config.mode = .any
            config.allowedFunctionNames = [name]
        }
        var toolConfig = ToolConfig()
        toolConfig.functionCallingConfig = config
        request.toolConfig = toolConfig
    }

    private static func generationConfig(_ chat: ChatCompletionRequest) throws(ServerError) -> GenerationConfig? {
        var config = GenerationConfig()
        var touched = false
        func set<Value>(_ keyPath: WritableKeyPath<GenerationConfig, Value?>, _ value: Value?) {
            guard let value else { return }
            config[keyPath: keyPath] = value
            touched = true
        }
        set(\.temperature, chat.temperature)
        set(\.topP, chat.topP)
        set(\.maxOutputTokens, chat.maxCompletionTokens ?? chat.maxTokens)
        set(\.stopSequences, chat.stop)
        set(\.seed, chat.seed)
        set(\.presencePenalty, chat.presencePenalty)
        set(\.frequencyPenalty, chat.frequencyPenalty)
        if let n = chat.n {
            guard n >= 1 else { throw .invalidArgument("n: must be at least 1", parameter: "n") }
            if n > 1 { set(\.candidateCount, n) }
        }
        if let format = chat.responseFormat {
            switch format.type {
            case "text":
                break
            case "json_object":
                set(\.responseMimeType, "application/json")
            case "json_schema":
                guard let schema = format.jsonSchema?.schema else {
                    throw .invalidArgument("response_format.json_schema.schema: required for type json_schema", parameter: "response_format")
                }
                set(\.responseMimeType, "application/json")
                set(\.responseJsonSchema, schema)
            default:
                throw .invalidArgument(
                    "response_format.type: \"\(format.type)\" is not one of text, json_object, json_schema",
                    parameter: "response_format"
                )
            }
        }
        if let modalities = chat.modalities {
            var mapped: [Modality] = []
            for (index, modality) in modalities.enumerated() {
                switch modality {
                case "text": mapped.append(.text)
                case "image": mapped.append(.image)
                case "audio": mapped.append(.audio)
                default:
                    throw .invalidArgument("modalities[\(index)]: \"\(modality)\" is not one of text, image, audio", parameter: "modalities")
                }
            }
            if mapped != [.text] { set(\.responseModalities, mapped) }
        }
        return touched ? config : nil
    }
}
