import Foundation
import SwitchyardCore

/// Makes a JSON value that conforms to a schema: OpenAPI-style `responseSchema`/`parameters` (upper-case types) or
/// JSON Schema `responseJsonSchema`/`parametersJsonSchema` (lower-case types, `$ref`, `anyOf`, `const`).
///
/// Strings come from `hint` (the prompt) so function-call arguments are recognisably derived from the request.
struct SchemaValueGenerator {
    let root: JSONValue
    let hint: String

    func value() -> JSONValue {
        value(for: root, name: nil, depth: 0)
    }

    private func value(for schema: JSONValue, name: String?, depth: Int) -> JSONValue {
        guard depth < 12, case .object = schema else { return .null }
        if let reference = schema.string("$ref") ?? schema.string("ref") {
            return resolve(reference).map { value(for: $0, name: name, depth: depth + 1) } ?? .null
        }
        if let constant = schema.field("const") { return constant }
        if let options = schema.field("enum")?.arrayValue, let first = options.first { return first }
        for key in ["anyOf", "oneOf"] {
            let options = schema.list(key)
            if let choice = options.first(where: { typeName(of: $0) != "null" }) ?? options.first {
                return value(for: choice, name: name, depth: depth + 1)
            }
        }
        if let first = schema.list("allOf").first { return value(for: first, name: name, depth: depth + 1) }

        switch typeName(of: schema) {
        case "string": return .string(stringValue(schema, name: name))
        case "integer": return .integer(Int64(integerValue(schema)))
        case "number": return .double(numberValue(schema))
        case "boolean": return .bool(true)
        case "null": return .null
        case "array":
            let minimum = schema.integer("minItems") ?? 1
            let maximum = schema.integer("maxItems") ?? max(minimum, 2)
            let count = min(max(minimum, 1), maximum, 16)
            var items: [JSONValue] = schema.list("prefixItems").map { value(for: $0, name: name, depth: depth + 1) }
            let itemSchema = schema.field("items") ?? .object([:])
            while items.count < count { items.append(value(for: itemSchema, name: name, depth: depth + 1)) }
            return .array(items)
        case "object":
            guard let properties = schema.field("properties")?.objectValue else { return .object([:]) }
            var ordered = schema.list("propertyOrdering").compactMap(\.stringValue).filter { properties[$0] != nil }
            for key in properties.keys where !ordered.contains(key) { ordered.append(key) }
            return .object(JSONObject(ordered.map { key in (key: key, value: value(for: properties[key] ?? .null, name: key, depth: depth + 1)) }))
        default:
            return .string(stringValue(schema, name: name))
        }
    }

    private func typeName(of schema: JSONValue) -> String {
        if let type = schema.field("type") {
            if let text = type.stringValue { return text.lowercased() }
            if let names = type.arrayValue?.compactMap(\.stringValue) {
                return (names.first { $0.lowercased() != "null" } ?? names.first ?? "string").lowercased()
            }
        }
        if schema.field("properties") != nil { return "object" }
        if schema.field("items") != nil { return "array" }
        return "string"
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var current: JSONValue? = root
        for component in reference.dropFirst(2).split(separator: "/") {
            current = current?.objectValue?[String(component)]
        }
        return current
    }

    private func stringValue(_ schema: JSONValue, name: String?) -> String {
        var text: String
        switch schema.string("format") {
        case "date-time": text = "2025-01-01T00:00:00Z"
        case "date": text = "2025-01-01"
        case "time": text = "12:00:00"
        case "email": text = "user@example.com"
        case "uri", "url": text = "https://example.com/"
        case "uuid": text = "00000000-0000-4000-8000-000000000000"
        default: text = word(for: name)
        }
        if let minimum = schema.integer("minLength").map({ min($0, 4096) }), text.count < minimum {
            text += String(repeating: "x", count: minimum - text.count)
        }
        if let maximum = schema.integer("maxLength"), text.count > maximum { text = String(text.prefix(maximum)) }
        return text
    }

    /// A quoted phrase from the prompt, else its last word, else a label.
    private func word(for name: String?) -> String {
        if let start = hint.firstIndex(of: "\""), let end = hint[hint.index(after: start)...].firstIndex(of: "\"") {
            let quoted = String(hint[hint.index(after: start)..<end])
            if !quoted.isEmpty { return quoted }
        }
        let words = hint.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        if let last = words.last { return String(last) }
        return name.map { "sample \($0)" } ?? "sample"
    }

    private func integerValue(_ schema: JSONValue) -> Int {
        var result = 1
        if let minimum = schema.number("minimum") { result = max(result, Int(minimum.rounded(.up))) }
        if let exclusive = schema.number("exclusiveMinimum") { result = max(result, Int(exclusive.rounded(.down)) + 1) }
        if let maximum = schema.number("maximum") { result = min(result, Int(maximum.rounded(.down))) }
        if let exclusive = schema.number("exclusiveMaximum") { result = min(result, Int(exclusive.rounded(.up)) - 1) }
        return result
    }

    private func numberValue(_ schema: JSONValue) -> Double {
        var result = 1.5
        if let minimum = schema.number("minimum") { result = max(result, minimum) }
        if let exclusive = schema.number("exclusiveMinimum") { result = max(result, exclusive + 0.5) }
        if let maximum = schema.number("maximum") { result = min(result, maximum) }
        if let exclusive = schema.number("exclusiveMaximum") { result = min(result, exclusive - 0.5) }
        return result
    }
}
