import Foundation

/// Reads Swift scalars out of a ``JSONValue`` with the errors Foundation's `JSONDecoder` gives, so
/// ``Swift/DecodingError/fieldMessage`` renders them the same way.
enum ValueUnwrap {
    static func string(_ value: JSONValue, _ path: CodingLocation) throws -> String {
        if case .string(let text) = value { return text }
        throw failure(String.self, value, path)
    }

    static func bool(_ value: JSONValue, _ path: CodingLocation) throws -> Bool {
        if case .bool(let flag) = value { return flag }
        throw failure(Bool.self, value, path)
    }

    static func double(_ value: JSONValue, _ path: CodingLocation) throws -> Double {
        switch value {
        case .double(let number): return number
        case .integer(let number): return Double(number)
        default: throw failure(Double.self, value, path)
        }
    }

    static func float(_ value: JSONValue, _ path: CodingLocation) throws -> Float {
        switch value {
        case .integer(let number): return Float(number)
        case .double(let number):
            guard abs(number) <= Double(Float.greatestFiniteMagnitude) else {
                throw corrupted(
                    path,
                    "expected a number between \(-Float.greatestFiniteMagnitude) and \(Float.greatestFiniteMagnitude), got \(spell(number))"
                )
            }
            return Float(number)
        default: throw failure(Float.self, value, path)
        }
    }

    /// An integer of type `T`; integral doubles (`1.0`, `1e3`) are accepted when they fit, as Foundation does.
    static func integer<T: FixedWidthInteger>(_ type: T.Type, _ value: JSONValue, _ path: CodingLocation) throws -> T {
        switch value {
        case .integer(let number):
            if let result = T(exactly: number) { return result }
            throw corrupted(path, "expected an integer between \(T.min) and \(T.max), got \(number)")
        case .double(let number):
            if let result = T(exactly: number) { return result }
            if number.rounded(.towardZero) != number {
                throw corrupted(path, "expected an integer, got \(spell(number))")
            }
            throw corrupted(path, "expected an integer between \(T.min) and \(T.max), got \(spell(number))")
        default:
            throw failure(T.self, value, path)
        }
    }

    static func base64(_ value: JSONValue, _ path: CodingLocation) throws -> Base64Payload {
        let text = try string(value, path)
        do {
            return try Base64Payload(validating: text)
        } catch {
            throw corrupted(path, error.message)
        }
    }

    // MARK: Errors

    /// `valueNotFound` for `null`, else `typeMismatch`, worded as Foundation words them.
    static func failure(_ type: Any.Type, _ value: JSONValue, _ path: CodingLocation) -> DecodingError {
        if case .null = value {
            return DecodingError.valueNotFound(
                type,
                DecodingError.Context(codingPath: path.keys, debugDescription: "Cannot get value of type \(type) -- found null value instead")
            )
        }
        return mismatch(type, value, path)
    }

    static func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: CodingLocation) -> DecodingError {
        DecodingError.typeMismatch(
            type,
            DecodingError.Context(codingPath: path.keys, debugDescription: "Expected to decode \(type) but found \(foundName(value)) instead.")
        )
    }

    static func corrupted(_ path: CodingLocation, _ message: String) -> DecodingError {
        DecodingError.dataCorrupted(DecodingError.Context(codingPath: path.keys, debugDescription: message))
    }

    /// Foundation's names for what it found: `a string`, `an array`, `a dictionary`, `bool`, `number`, `null`.
    private static func foundName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "bool"
        case .integer, .double: "number"
        case .string: "a string"
        case .array: "an array"
        case .object: "a dictionary"
        }
    }

    /// A number as JSON would spell it.
    static func spell(_ number: Double) -> String {
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
