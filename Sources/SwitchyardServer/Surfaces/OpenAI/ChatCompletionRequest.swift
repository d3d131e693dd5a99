import SwitchyardCore

/// The body of `POST /v1/chat/completions`, as OpenAI documents it; fields Switchyard does not use are ignored.
struct ChatCompletionRequest: Decodable, Sendable {
    var model: String
    var messages: [ChatMessage]
    var tools: [ChatTool]?
    var toolChoice: ChatToolChoice?
    var responseFormat: ChatResponseFormat?
    var temperature: Double?
    var topP: Double?
    var maxTokens: Int?
    var maxCompletionTokens: Int?
    var stop: [String]?
    var n: Int?
    var seed: Int?
    var presencePenalty: Double?
    var frequencyPenalty: Double?
    var stream: Bool?
    var streamOptions: StreamOptions?
    var modalities: [String]?

    /// `stream_options`.
    struct StreamOptions: Decodable, Sendable {
        var includeUsage: Bool?

        enum CodingKeys: String, CodingKey {
            case includeUsage = "include_usage"
        }
    }

    enum CodingKeys: String, CodingKey {
        case model, messages, tools, temperature, stop, n, seed, stream, modalities
        case toolChoice = "tool_choice"
        case responseFormat = "response_format"
        case topP = "top_p"
        case maxTokens = "max_tokens"
        case maxCompletionTokens = "max_completion_tokens"
        case presencePenalty = "presence_penalty"
        case frequencyPenalty = "frequency_penalty"
        case streamOptions = "stream_options"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decode(String.self, forKey: .model)
        messages = try container.decode([ChatMessage].self, forKey: .messages)
        tools = try container.decodeIfPresent([ChatTool].self, forKey: .tools)
        toolChoice = try container.decodeIfPresent(ChatToolChoice.self, forKey: .toolChoice)
        responseFormat = try container.decodeIfPresent(ChatResponseFormat.self, forKey: .responseFormat)
        temperature = try container.decodeIfPresent(Double.self, forKey: .temperature)
        topP = try container.decodeIfPresent(Double.self, forKey: .topP)
        maxTokens = try container.decodeIfPresent(Int.self, forKey: .maxTokens)
        maxCompletionTokens = try container.decodeIfPresent(Int.self, forKey: .maxCompletionTokens)
        if let single = try? container.decodeIfPresent(String.self, forKey: .stop) {
            stop = [single]
        } else {
            stop = try container.decodeIfPresent([String].self, forKey: .stop)
        }
        n = try container.decodeIfPresent(Int.self, forKey: .n)
        seed = try container.decodeIfPresent(Int.self, forKey: .seed)
        presencePenalty = try container.decodeIfPresent(Double.self, forKey: .presencePenalty)
        frequencyPenalty = try container.decodeIfPresent(Double.self, forKey: .frequencyPenalty)
        stream = try container.decodeIfPresent(Bool.self, forKey: .stream)
        streamOptions = try container.decodeIfPresent(StreamOptions.self, forKey: .streamOptions)
        modalities = try container.decodeIfPresent([String].self, forKey: .modalities)
    }
}

/// One chat message: `system`, `developer`, `user`, `assistant` or `tool`.
struct ChatMessage: Decodable, Sendable {
    var role: String
    /// `nil` when `content` is absent or `null` (an assistant turn with only tool calls).
    var content: [ChatContentPart]?
    var name: String?
    var toolCalls: [ChatToolCall]?
    var toolCallID: String?

    enum CodingKeys: String, CodingKey {
        case role, content, name
        case toolCalls = "tool_calls"
        case toolCallID = "tool_call_id"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        role = try container.decode(String.self, forKey: .role)
        if try container.isAbsentOrNull(.content) {
            content = nil
        } else if let text = try? container.decode(String.self, forKey: .content) {
            content = [.text(text)]
        } else {
            content = try container.decodeIfPresent([ChatContentPart].self, forKey: .content)
        }
        name = try container.decodeIfPresent(String.self, forKey: .name)
        toolCalls = try container.decodeIfPresent([ChatToolCall].self, forKey: .toolCalls)
        toolCallID = try container.decodeIfPresent(String.self, forKey: .toolCallID)
    }
}

extension KeyedDecodingContainer {
    /// Whether the key is absent or `null`.
    fileprivate func isAbsentOrNull(_ key: Key) throws -> Bool {
        guard contains(key) else { return true }
        return try decodeNil(forKey: key)
    }
}

/// One part of a message's content: text or an image URL (`data:` or `http(s):`).
enum ChatContentPart: Decodable, Sendable {
    case text(String)
    case imageURL(String)

    enum CodingKeys: String, CodingKey {
        case type, text
        case imageURL = "image_url"
    }

    /// `image_url`: an object with `url`, or (as some clients send) the URL string itself.
    private struct ImageURL: Decodable {
        var url: String

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                url = text
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            url = try container.decode(String.self, forKey: .url)
        }

        enum CodingKeys: String, CodingKey {
            case url
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "text":
            self = .text(try container.decode(String.self, forKey: .text))
        case "image_url":
            self = .imageURL(try container.decode(ImageURL.self, forKey: .imageURL).url)
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type,
                in: container,
                debugDescription: "content part type \"\(type)\" is not supported (supported: text, image_url)"
            )
        }
    }
}

/// A function call made by the assistant in an earlier turn.
struct ChatToolCall: Decodable, Sendable {
    var id: String?
    var function: Function

    struct Function: Decodable, Sendable {
        var name: String
        /// The arguments as a JSON text, as OpenAI sends them.
        var arguments: String?
    }
}

/// A tool the model may call; only `function` tools exist on this surface.
struct ChatTool: Decodable, Sendable {
    var type: String
    var function: Function

    struct Function: Decodable, Sendable {
        var name: String
        var description: String?
        var parameters: JSONValue?
    }
}

/// `tool_choice`: `auto`, `none`, `required`, or `{"type":"function","function":{"name":…}}`.
enum ChatToolChoice: Decodable, Sendable {
    case auto
    case none
    case required
    case function(String)

    private struct Named: Decodable {
        struct Function: Decodable { var name: String }
        var function: Function
    }

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            switch text {
            case "auto": self = .auto
            case "none": self = .none
            case "required": self = .required
            default:
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: decoder.codingPath,
                        debugDescription: "\"\(text)\" is not one of auto, none, required, or a {\"type\":\"function\"} object"
                    )
                )
            }
            return
        }
        self = .function(try Named(from: decoder).function.name)
    }
}

/// `response_format`: `text`, `json_object`, or `json_schema` with a schema.
struct ChatResponseFormat: Decodable, Sendable {
    var type: String
    var jsonSchema: JSONSchemaFormat?

    struct JSONSchemaFormat: Decodable, Sendable {
        var name: String?
        var schema: JSONValue?
    }

    enum CodingKeys: String, CodingKey {
        case type
        case jsonSchema = "json_schema"
    }
}
