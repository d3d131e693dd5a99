import Foundation

extension DecodingError {
    /// A one-line message naming the JSON field path in Google's style, for 400 responses.
    ///
    /// Examples: `contents[0].parts[1].inline_data.data: invalid base64 character '!'`,
    /// `generationConfig.temperature: expected a number, got string`. Field names are shown as the client spelled them.
    /// Text that is not JSON (from ``JSONValueDecoder``) reads `invalid JSON: unexpected ',' at line 3 column 7; …`.
    public var fieldMessage: String {
        switch self {
        case .typeMismatch(let type, let context):
            return Self.prefixed(context.codingPath, "expected \(Self.jsonTypeName(type)), got \(Self.foundTypeName(context))")
        case .valueNotFound(let type, let context):
            return Self.prefixed(context.codingPath, "expected \(Self.jsonTypeName(type)), got null")
        case .keyNotFound(let key, let context):
            return Self.prefixed(context.codingPath + [key], "required field is missing")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                if let syntax = context.underlyingError as? JSONSyntaxError { return "invalid JSON: \(syntax)" }
                let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return "invalid JSON: " + (underlying ?? context.debugDescription)
            }
            return Self.prefixed(context.codingPath, context.debugDescription)
        @unknown default:
            return "invalid request: \(self)"
        }
    }

    /// Renders a coding path as `a.b[0].c`.
    static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                if !text.isEmpty { text += "." }
                text += key.stringValue
            }
        }
        return text
    }

    private static func prefixed(_ path: [any CodingKey], _ message: String) -> String {
        path.isEmpty ? message : render(path) + ": " + message
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: return "a boolean"
        case is String.Type: return "a string"
        case is any BinaryInteger.Type: return "an integer"
        case is any BinaryFloatingPoint.Type: return "a number"
        default: break
        }
        let name = String(describing: type)
        if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
        if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return "an object" }
        return "a value of type \(name)"
    }

    /// Reads the JSON type Foundation reports in "… but found a string instead." messages.
    private static func foundTypeName(_ context: Context) -> String {
        let text = context.debugDescription
        guard let found = text.range(of: "found ") else { return "a different type" }
        var rest = text[found.upperBound...]
        if let end = rest.range(of: " instead") { rest = rest[..<end.lowerBound] }
        var word = String(rest)
        for article in ["a ", "an "] where word.hasPrefix(article) {
            word.removeFirst(article.count)
        }
        switch word {
        case "dictionary": return "object"
        case "bool": return "boolean"
        case "null value": return "null"
        default: return word
        }
    }
}
