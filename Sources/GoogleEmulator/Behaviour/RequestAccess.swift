import SwitchyardCore

extension JSONValue {
    /// A member by its lowerCamel JSON name or its snake_case proto name (proto3 JSON accepts both).
    func field(_ camelName: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        if let value = object[camelName], value != .null { return value }
        let snake = FieldNames.snakeCase(camelName)
        if snake != camelName, let value = object[snake], value != .null { return value }
        return nil
    }

    /// The array of a member, or `[]`.
    func list(_ camelName: String) -> [JSONValue] {
        field(camelName)?.arrayValue ?? []
    }

    /// A string member.
    func string(_ camelName: String) -> String? {
        field(camelName)?.stringValue
    }

    /// An integer member, from a number or a numeric string (proto3 JSON allows both).
    func integer(_ camelName: String) -> Int? {
        guard let value = field(camelName) else { return nil }
        if let number = value.integerValue { return Int(clamping: number) }
        if let text = value.stringValue, let number = Int(text) { return number }
        return nil
    }

    /// A number member, from a number or a numeric string.
    func number(_ camelName: String) -> Double? {
        guard let value = field(camelName) else { return nil }
        if let number = value.doubleValue { return number }
        if let text = value.stringValue { return Double(text) }
        return nil
    }
}

/// The parts of a GenerateContent request the emulator's model behaviour reads.
struct GenerateRequestView: Sendable {
    let contents: [JSONValue]
    let systemInstruction: JSONValue?
    let tools: [JSONValue]
    let toolConfig: JSONValue?
    let generationConfig: JSONValue?

    init(_ request: JSONValue) {
        contents = request.list("contents")
        systemInstruction = request.field("systemInstruction")
        tools = request.list("tools")
        toolConfig = request.field("toolConfig")
        generationConfig = request.field("generationConfig")
    }

    /// The last content's role, `user` when absent.
    var lastRole: String {
        contents.last?.string("role") ?? "user"
    }

    /// The text of the last user turn.
    var lastUserText: String {
        for content in contents.reversed() where (content.string("role") ?? "user") == "user" {
            let texts = content.list("parts").compactMap { $0.string("text") }
            if !texts.isEmpty { return texts.joined(separator: " ") }
            return ""
        }
        return ""
    }

    /// The function responses of the last turn, if it carries any.
    var lastFunctionResponses: [JSONValue] {
        contents.last?.list("parts").compactMap { $0.field("functionResponse") } ?? []
    }

    /// Every inline image in the conversation, oldest first.
    var inlineImages: [(mimeType: String, data: String)] {
        contents.flatMap { content in
            content.list("parts").compactMap { part -> (mimeType: String, data: String)? in
                guard let blob = part.field("inlineData"), let mime = blob.string("mimeType"), mime.hasPrefix("image/"),
                    let data = blob.string("data")
                else { return nil }
                return (mime, data)
            }
        }
    }

    var responseModalities: [String] {
        generationConfig?.list("responseModalities").compactMap(\.stringValue) ?? []
    }

    var wantsImage: Bool { responseModalities.contains("IMAGE") }

    var wantsText: Bool { responseModalities.isEmpty || responseModalities.contains("TEXT") }
}
