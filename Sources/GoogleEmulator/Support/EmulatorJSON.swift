import Foundation
import SwitchyardCore

/// Reads and writes JSON as ``JSONValue`` with member order kept, so the emulator can check payloads field by field
/// the way Google's proto-JSON parser does, and answer with Google's pretty-printed layout.
enum EmulatorJSON {
    /// Why a body is not JSON, with Google's wording.
    struct SyntaxError: Error {
        let message: String
    }

    /// Parses a complete JSON text.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        var parser = Parser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.unexpected() }
        return value
    }

    /// Parses a complete JSON text.
    static func parse(_ data: Data) throws(SyntaxError) -> JSONValue {
        try parse([UInt8](data))
    }

    /// Writes a value; `pretty` uses Google's two-space layout.
    static func serialize(_ value: JSONValue, pretty: Bool = true) -> Data {
        var out = ""
        write(value, into: &out, pretty: pretty, indent: 0)
        if pretty { out += "\n" }
        return Data(out.utf8)
    }

    /// Writes a value compactly, as a string.
    static func compactString(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, pretty: false, indent: 0)
        return out
    }

    /// A compact form with object keys sorted, so equal content hashes equally whatever the member order.
    static func canonicalString(_ value: JSONValue) -> String {
        compactString(sorted(value))
    }

    private static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): .array(items.map(sorted))
        case .object(let object):
            .object(JSONObject(object.members.sorted { $0.key < $1.key }.map { (key: $0.key, value: sorted($0.value)) }))
        default: value
        }
    }

    private static func write(_ value: JSONValue, into out: inout String, pretty: Bool, indent: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .integer(let number): out += String(number)
        case .double(let number):
            if number.isFinite {
                if number == number.rounded(), abs(number) < 1e15 {
                    out += String(Int64(number))
                } else {
                    out += "\(number)"
                }
            } else {
                out += "null"
            }
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: " ", count: indent + 2) }
                write(item, into: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { out += "\n" + String(repeating: " ", count: indent) }
            out += "]"
        case .object(let object):
            if object.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (offset, member) in object.members.enumerated() {
                if offset > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: " ", count: indent + 2) }
                writeString(member.key, into: &out)
                out += pretty ? ": " : ":"
                write(member.value, into: &out, pretty: pretty, indent: indent + 2)
            }
            if pretty { out += "\n" + String(repeating: " ", count: indent) }
            out += "}"
        }
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        func unexpected() -> SyntaxError {
            if index >= bytes.count {
                return SyntaxError(message: "Invalid JSON payload received. Unexpected end of string. Expected a value.")
            }
            // Google quotes the line around the offending token and points at it with a caret.
            let lineStart = bytes[..<index].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let lineEnd = bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
            let windowStart = max(lineStart, index - 40)
            let windowEnd = min(lineEnd, index + 40)
            let line = String(decoding: bytes[windowStart..<windowEnd], as: UTF8.self)
            let caret = String(repeating: " ", count: index - windowStart) + "^"
            return SyntaxError(message: "Invalid JSON payload received. Unexpected token.\n\(line)\n\(caret)")
        }

        mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth < 100 else { throw SyntaxError(message: "Invalid JSON payload received. Nesting too deep.") }
            guard index < bytes.count else { throw unexpected() }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try parseObject(depth: depth)
            case UInt8(ascii: "["): return try parseArray(depth: depth)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
            default: throw unexpected()
            }
        }

        mutating func literal(_ word: String, _ value: JSONValue) throws(SyntaxError) -> JSONValue {
            let wordBytes = Array(word.utf8)
            guard index + wordBytes.count <= bytes.count, Array(bytes[index..<index + wordBytes.count]) == wordBytes else {
                throw unexpected()
            }
            index += wordBytes.count
            return value
        }

        mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONValue {
            index += 1
            var object = JSONObject()
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(object)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    if index >= bytes.count {
                        throw SyntaxError(message: "Invalid JSON payload received. Unexpected end of string. Expected an object key or }.")
                    }
                    throw SyntaxError(message: "Invalid JSON payload received. Expected an object key or }.")
                }
                let key = try parseString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw unexpected() }
                index += 1
                skipWhitespace()
                let value = try parseValue(depth: depth + 1)
                object[key] = value
                skipWhitespace()
                guard index < bytes.count else {
                    throw SyntaxError(message: "Invalid JSON payload received. Unexpected end of string. Expected , or }.")
                }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(object)
                }
                throw unexpected()
            }
        }

        mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONValue {
            index += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else {
                    throw SyntaxError(message: "Invalid JSON payload received. Unexpected end of string. Expected , or ].")
                }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
                throw unexpected()
            }
        }

        mutating func parseString() throws(SyntaxError) -> String {
            index += 1
            var runStart = index
            var result = ""
            func flush(_ end: Int) {
                if end > runStart { result += String(decoding: bytes[runStart..<end], as: UTF8.self) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    flush(index)
                    index += 1
                    return result
                }
                if byte < 0x20 { throw unexpected() }
                if byte == UInt8(ascii: "\\") {
                    flush(index)
                    index += 1
                    guard index < bytes.count else { throw unexpected() }
                    let escape = bytes[index]
                    index += 1
                    var piece = ""
                    switch escape {
                    case UInt8(ascii: "\""): piece = "\""
                    case UInt8(ascii: "\\"): piece = "\\"
                    case UInt8(ascii: "/"): piece = "/"
                    case UInt8(ascii: "b"): piece = "\u{08}"
                    case UInt8(ascii: "f"): piece = "\u{0C}"
                    case UInt8(ascii: "n"): piece = "\n"
                    case UInt8(ascii: "r"): piece = "\r"
                    case UInt8(ascii: "t"): piece = "\t"
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        {
                            index += 2
                            let low = try hex4()
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        piece = String(Unicode.Scalar(code) ?? "\u{FFFD}")
                    default:
                        index -= 1
                        throw unexpected()
                    }
                    result += piece
                    runStart = index
                    continue
                }
                index += 1
            }
            throw SyntaxError(message: "Invalid JSON payload received. Unexpected end of string. Expected a closing quote.")
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw unexpected() }
            guard let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
                throw unexpected()
            }
            index += 4
            return value
        }

        mutating func parseNumber() throws(SyntaxError) -> JSONValue {
            let start = index
            var isIntegral = true
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            while index < bytes.count {
                let byte = bytes[index]
                if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    index += 1
                } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                {
                    isIntegral = false
                    index += 1
                } else {
                    break
                }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if isIntegral, let integer = Int64(text) { return .integer(integer) }
            guard let double = Double(text), text != "-" else {
                index = start
                throw unexpected()
            }
            return .double(double)
        }
    }
}

extension JSONValue {
    /// Builds an object value from ordered members.
    static func members(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { (key: $0.0, value: $0.1) }))
    }
}
