import Foundation
import SwitchyardCore

/// Reads and writes JSON as ``JSONValue`` with member order kept, so the emulator can check payloads field by field
/// the way Google's proto-JSON parser does, and answer with Google's pretty-printed layout.
///
/// Parsing and escaping are Core's ``JSONReader`` and ``JSONWriter``; what is Google's own is kept here: the wording
/// of its syntax errors, its nesting limit, its two-space pretty layout, and writing whole doubles (`5.0`) as `5`.
enum EmulatorJSON {
    /// Why a body is not JSON, with Google's wording.
    struct SyntaxError: Error {
        let message: String
    }

    /// How deep Google's parser lets arrays and objects nest.
    private static let reader = JSONReader(maximumDepth: 100)

    /// Parses a complete JSON text.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        do {
            return try reader.read(bytes)
        } catch {
            throw googleSyntaxError(error, in: bytes)
        }
    }

    /// Parses a complete JSON text.
    static func parse(_ data: Data) throws(SyntaxError) -> JSONValue {
        try parse([UInt8](data))
    }

    /// Writes a value; `pretty` uses Google's two-space layout.
    static func serialize(_ value: JSONValue, pretty: Bool = true) -> Data {
        let value = googleNumbers(value)
        guard pretty else { return Data(compactBytes(value)) }
        var out: [UInt8] = []
        writePretty(value, into: &out, indent: 0)
        out.append(0x0A)
        return Data(out)
    }

    /// Writes a value compactly, as a string.
    static func compactString(_ value: JSONValue) -> String {
        String(decoding: compactBytes(googleNumbers(value)), as: UTF8.self)
    }

    /// A compact form with object keys sorted, so equal content hashes equally whatever the member order.
    static func canonicalString(_ value: JSONValue) -> String {
        compactString(sorted(value))
    }

    // MARK: Reading

    /// Google's message for a syntax error Core's reader found: which token it wanted, or the offending line with a
    /// caret under the offending token.
    private static func googleSyntaxError(_ error: JSONSyntaxError, in bytes: [UInt8]) -> SyntaxError {
        let prefix = "Invalid JSON payload received."
        // Google points at the start of a malformed literal or number, where Core points at the byte that broke it.
        let literal = ["'true'", "'false'", "'null'"].contains(error.expected)
        let number = error.code == .invalidNumber || error.expected == "a digit"
        switch error.code {
        case .tooDeep:
            return SyntaxError(message: "\(prefix) Nesting too deep.")
        case .unexpectedEnd where !literal && !number:
            // `expected` is Core's description of the token it wanted; Google names the same tokens its own way.
            let expected: String
            switch error.expected {
            case "'\"'": expected = "a closing quote"
            case "an object key": expected = "an object key or }"
            case "',' or '}'": expected = ", or }"
            case "',' or ']'": expected = ", or ]"
            default: expected = "a value"
            }
            return SyntaxError(message: "\(prefix) Unexpected end of string. Expected \(expected).")
        case .unexpectedCharacter where error.expected == "an object key in double quotes":
            return SyntaxError(message: "\(prefix) Expected an object key or }.")
        default:
            var index = min(error.offset, bytes.count)
            if literal || number {
                let partOfToken: (UInt8) -> Bool =
                    literal
                    ? { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
                    : { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || Array("+-.eE".utf8).contains($0) }
                while index > 0, partOfToken(bytes[index - 1]) { index -= 1 }
            } else if error.code == .invalidEscape {
                // Core points at the backslash, Google at the letter after it.
                index = min(index + 1, bytes.count)
            }
            // Google quotes the line around the offending token and points at it with a caret.
            let lineStart = bytes[..<index].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let lineEnd = bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
            let windowStart = max(lineStart, index - 40)
            let windowEnd = min(lineEnd, index + 40)
            let line = String(decoding: bytes[windowStart..<windowEnd], as: UTF8.self)
            let caret = String(repeating: " ", count: index - windowStart) + "^"
            return SyntaxError(message: "\(prefix) Unexpected token.\n\(line)\n\(caret)")
        }
    }

    // MARK: Writing

    /// Google writes a double with no fraction (below 10^15) as an integer, and a non-finite one as `null`.
    private static func googleNumbers(_ value: JSONValue) -> JSONValue {
        switch value {
        case .double(let number):
            guard number.isFinite else { return .null }
            return number == number.rounded() && abs(number) < 1e15 ? .integer(Int64(number)) : value
        case .array(let items): return .array(items.map(googleNumbers))
        case .object(let object):
            return .object(JSONObject(object.members.map { (key: $0.key, value: googleNumbers($0.value)) }))
        default: return value
        }
    }

    /// Core's compact text for a value ``googleNumbers(_:)`` has made finite.
    private static func compactBytes(_ value: JSONValue) -> [UInt8] {
        // JSONWriter throws only for NaN and infinities, which googleNumbers has replaced with null.
        (try? JSONWriter.bytes(value)) ?? Array("null".utf8)
    }

    private static func writePretty(_ value: JSONValue, into out: inout [UInt8], indent: Int) {
        switch value {
        case .array(let items) where !items.isEmpty:
            out.append(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                newline(into: &out, indent: indent + 2)
                writePretty(item, into: &out, indent: indent + 2)
            }
            newline(into: &out, indent: indent)
            out.append(UInt8(ascii: "]"))
        case .object(let object) where !object.isEmpty:
            out.append(UInt8(ascii: "{"))
            for (offset, member) in object.members.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                newline(into: &out, indent: indent + 2)
                out += compactBytes(.string(member.key))
                out += Array(": ".utf8)
                writePretty(member.value, into: &out, indent: indent + 2)
            }
            newline(into: &out, indent: indent)
            out.append(UInt8(ascii: "}"))
        default:
            out += compactBytes(value)
        }
    }

    private static func newline(into out: inout [UInt8], indent: Int) {
        out.append(0x0A)
        out += repeatElement(UInt8(ascii: " "), count: indent)
    }

    private static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): .array(items.map(sorted))
        case .object(let object):
            .object(JSONObject(object.members.sorted { $0.key < $1.key }.map { (key: $0.key, value: sorted($0.value)) }))
        default: value
        }
    }
}

extension JSONValue {
    /// Builds an object value from ordered members.
    static func members(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { (key: $0.0, value: $0.1) }))
    }
}
