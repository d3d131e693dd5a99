/// JSON text exactly as Python's `json.dumps` writes it with its defaults, which is what google-auth signs.
///
/// Members keep the given order; separators are `", "` and `": "`; strings use `ensure_ascii` escaping
/// (every character outside U+0020–U+007E as `\uXXXX` in lower-case hex, UTF-16 surrogate pairs above U+FFFF,
/// short escapes for `\b \f \n \r \t`, `\"` and `\\`); `/` is not escaped.
enum PythonJSON {
    /// A JSON value as used in JWT headers and claims.
    enum Value: Sendable, Equatable {
        case string(String)
        case integer(Int64)
    }

    /// An object with members in the given order.
    static func object(_ members: [(key: String, value: Value)]) -> String {
        let body = members.map { member in
            let value: String
            switch member.value {
            case .string(let text): value = string(text)
            case .integer(let number): value = String(number)
            }
            return "\(string(member.key)): \(value)"
        }
        return "{" + body.joined(separator: ", ") + "}"
    }

    /// A quoted, escaped string.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{20}"..."\u{7E}": result.unicodeScalars.append(scalar)
            default:
                for unit in String(scalar).utf16 {
                    result += "\\u" + hex4(unit)
                }
            }
        }
        return result + "\""
    }

    private static func hex4(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
