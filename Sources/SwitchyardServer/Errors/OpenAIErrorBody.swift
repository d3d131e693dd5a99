/// OpenAI's error body: `{"error":{"message","type","param","code"}}`; `param` and `code` are `null` when unset.
struct OpenAIErrorBody: Encodable, Sendable {
    /// The error record.
    struct Detail: Encodable, Sendable {
        var message: String
        var type: String
        var param: String?
        var code: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(message, forKey: .message)
            try container.encode(type, forKey: .type)
            try container.encode(param, forKey: .param)
            try container.encode(code, forKey: .code)
        }

        enum CodingKeys: String, CodingKey {
            case message, type, param, code
        }
    }

    var error: Detail

    init(message: String, type: String, param: String?, code: String?) {
        self.error = Detail(message: message, type: type, param: param, code: code)
    }
}
