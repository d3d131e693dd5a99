import Foundation

/// Writes a ``JSONValue`` as compact JSON text: members in their stored order, no whitespace.
///
/// - Strings: `"` and `\` are escaped, control characters are written as `\n`, `\t`, `\b`, `\f`, `\r` or `\u00XX`;
///   `/` is not escaped (base64 payloads are full of them); everything else, including non-ASCII, is written as
///   UTF-8. This is what Foundation's `JSONEncoder` writes with `.withoutEscapingSlashes`.
/// - Integers are written exactly.
/// - Doubles are written as Swift's shortest round-trip `description` (`0.1`, `5.0`, `-0.0`, `1e+20`, `5e-324`),
///   which is always valid JSON, so reading the text back gives the same ``JSONValue`` (`5.0` stays a double, where
///   Foundation's `JSONEncoder` would write `5` and a re-read would give an integer).
/// - NaN and infinities are not representable in JSON: writing one throws ``JSONWriteError``.
///
/// Hand-written: a JSON library would provide this, but none is among this machine's Swift packages, and
/// Foundation's `JSONEncoder` writes members in hash order on Linux.
public enum JSONWriter {
    /// The value as compact JSON text.
    public static func data(_ value: JSONValue) throws(JSONWriteError) -> Data {
        var output = JSONOutput(capacity: 1024)
        try write(value, into: &output)
        return output.data()
    }

    /// The value as compact JSON text, in a byte array.
    public static func bytes(_ value: JSONValue) throws(JSONWriteError) -> [UInt8] {
        var output = JSONOutput(capacity: 1024)
        try write(value, into: &output)
        return output.bytes()
    }

    /// The value as compact JSON text, in a string.
    public static func string(_ value: JSONValue) throws(JSONWriteError) -> String {
        let bytes = try bytes(value)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `value`; on a non-finite number, finds its path (only then) and throws.
    static func write(_ value: JSONValue, into output: inout JSONOutput) throws(JSONWriteError) {
        guard let bad = writeValue(value, into: &output) else { return }
        throw JSONWriteError(path: path(toFirstNonFinite: value) ?? [], value: bad)
    }

    /// Writes `value`; returns the first non-finite number met (and stops), or `nil`.
    static func writeValue(_ value: JSONValue, into output: inout JSONOutput) -> Double? {
        switch value {
        case .null: output.append("null")
        case .bool(let flag): output.append(flag ? "true" : "false")
        case .integer(let number): writeInteger(number, into: &output)
        case .double(let number):
            guard number.isFinite else { return number }
            writeDouble(number, into: &output)
        case .string(let text): writeString(text, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            var first = true
            for element in elements {
                if first {
                    first = false
                } else {
                    output.append(UInt8(ascii: ","))
                }
                if let bad = writeValue(element, into: &output) { return bad }
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            var first = true
            for member in object.members {
                if first {
                    first = false
                } else {
                    output.append(UInt8(ascii: ","))
                }
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                if let bad = writeValue(member.value, into: &output) { return bad }
            }
            output.append(UInt8(ascii: "}"))
        }
        return nil
    }

    /// The path of the first NaN or infinity in `value`, for the error.
    private static func path(toFirstNonFinite value: JSONValue) -> [any CodingKey]? {
        switch value {
        case .double(let number): return number.isFinite ? nil : []
        case .array(let elements):
            for (offset, element) in elements.enumerated() {
                if let rest = path(toFirstNonFinite: element) { return [IndexCodingKey(index: offset)] + rest }
            }
            return nil
        case .object(let object):
            for member in object.members {
                if let rest = path(toFirstNonFinite: member.value) { return [AnyCodingKey(member.key)] + rest }
            }
            return nil
        default: return nil
        }
    }

    static func writeInteger(_ number: Int64, into output: inout JSONOutput) {
        output.reserve(20)
        if number < 0 { output.appendReserved(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        // Digits are produced last first into a 24-byte stack buffer, then copied in order.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            for offset in position..<buffer.count { output.appendReserved(buffer[offset]) }
        }
    }

    static func writeDouble(_ number: Double, into output: inout JSONOutput) {
        var text = number.description
        text.withUTF8 { utf8 in
            if let base = utf8.baseAddress { output.append(base, count: utf8.count) }
        }
    }

    /// Writes a quoted, escaped string. Runs of bytes that need no escape are found eight bytes at a time and
    /// copied in one piece, so a long base64 string costs one scan and one copy.
    static func writeString(_ text: String, into output: inout JSONOutput) {
        var text = text
        text.withUTF8 { utf8 in
            output.reserve(utf8.count + 2)
            output.appendReserved(UInt8(ascii: "\""))
            guard let base = utf8.baseAddress else {
                output.appendReserved(UInt8(ascii: "\""))
                return
            }
            let end = utf8.count
            var index = 0
            while true {
                let stop = ByteScan.firstStringSpecial(base, from: index, to: end)
                output.append(base + index, count: stop - index)
                guard stop < end else { break }
                writeEscape(base[stop], into: &output)
                index = stop + 1
            }
            output.append(UInt8(ascii: "\""))
        }
    }

    private static func writeEscape(_ byte: UInt8, into output: inout JSONOutput) {
        output.reserve(6)
        output.appendReserved(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): output.appendReserved(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): output.appendReserved(UInt8(ascii: "\\"))
        case 0x0A: output.appendReserved(UInt8(ascii: "n"))
        case 0x0D: output.appendReserved(UInt8(ascii: "r"))
        case 0x09: output.appendReserved(UInt8(ascii: "t"))
        case 0x08: output.appendReserved(UInt8(ascii: "b"))
        case 0x0C: output.appendReserved(UInt8(ascii: "f"))
        default:
            let hexDigits: StaticString = "0123456789abcdef"
            output.appendReserved(UInt8(ascii: "u"))
            output.appendReserved(UInt8(ascii: "0"))
            output.appendReserved(UInt8(ascii: "0"))
            output.appendReserved(hexDigits.utf8Start[Int(byte >> 4)])
            output.appendReserved(hexDigits.utf8Start[Int(byte & 0x0F)])
        }
    }
}

/// A value that JSON cannot represent (NaN or an infinity), with where it was.
public struct JSONWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable kind of write error.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The code's text, e.g. `non_finite_number`.
        public let rawValue: String

        /// Creates a code from its text.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The code's text.
        public var description: String { rawValue }

        /// NaN or an infinity, which JSON cannot represent.
        public static let nonFiniteNumber = Code(rawValue: "non_finite_number")
    }

    /// The kind of error (today always ``Code/nonFiniteNumber``).
    public let code: Code
    /// The path of the value, e.g. `generationConfig.temperature`.
    public let path: String
    /// The number that could not be written.
    public let value: Double

    /// Creates an error for `value` at `path`.
    public init(path: [any CodingKey], value: Double) {
        self.code = .nonFiniteNumber
        self.path = DecodingError.render(path)
        self.value = value
    }

    /// One line, e.g. `generationConfig.temperature: nan cannot be written as JSON`.
    public var description: String {
        path.isEmpty ? "\(value) cannot be written as JSON" : "\(path): \(value) cannot be written as JSON"
    }
}
