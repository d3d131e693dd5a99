import Foundation

/// The byte-level parser behind ``JSONReader``: one pass over the buffer, an explicit stack instead of recursion.
///
/// Hand-written (see ``JSONReader``). Fast paths: whitespace and structure are handled byte by byte with no
/// allocation; a string without escapes is found with ``ByteScan`` (eight bytes at a time, noting whether any byte
/// was not ASCII, so pure-ASCII strings skip UTF-8 validation) and becomes a `String` in one copy; integers are accumulated in place; short decimals use the exact `Double` fast path.
struct JSONParser {
    private let base: UnsafePointer<UInt8>
    private let end: Int
    private let maximumDepth: Int
    private var index = 0
    /// Bytes of a string with escapes, reused between strings.
    private var scratch: [UInt8] = []

    init(base: UnsafePointer<UInt8>, count: Int, maximumDepth: Int) {
        self.base = base
        self.end = count
        self.maximumDepth = maximumDepth
    }

    /// An array or object being read.
    private struct Frame {
        var isObject: Bool
        var elements: [JSONValue] = []
        var members: [(key: String, value: JSONValue)] = []
        /// The key whose value is being read.
        var key = ""
        /// Positions of keys, once an object is too large for linear duplicate checks.
        var positions: [String: Int]? = nil

        mutating func add(_ value: consuming JSONValue) {
            if !isObject {
                elements.append(value)
                return
            }
            // Written out rather than calling a helper on `self`, which made the compiler copy (retain) the frame.
            if positions != nil {
                if let existing = positions?[key] {
                    members[existing].value = value
                    return
                }
                positions?[key] = members.count
            } else {
                let count = members.count
                var offset = 0
                while offset < count {
                    if members[offset].key == key {
                        members[offset].value = value
                        return
                    }
                    offset &+= 1
                }
            }
            members.append((key, value))
            if positions == nil && members.count > 16 {
                var table: [String: Int] = [:]
                table.reserveCapacity(members.count * 2)
                for offset in members.indices { table[members[offset].key] = offset }
                positions = table
            }
        }
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard index == end else {
            throw failure(.trailingCharacters, "unexpected \(describe(base[index])) after the JSON value")
        }
        return value
    }

    /// Reads one value starting at `index` (no whitespace before it) and leaves `index` just past it. `depth` is
    /// how many arrays and objects enclose the value; with the value's own nesting it may not reach
    /// ``maximumDepth``.
    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        var stack: [Frame] = []
        let depthLimit = maximumDepth - depth
        var value: JSONValue
        parsing: while true {
            // Read one value; containers push a frame and loop back here for their first element.
            guard index < end else { throw failure(.unexpectedEnd, "unexpected end of input", expected: "a value") }
            let byte = base[index]
            switch byte {
            case UInt8(ascii: "{"):
                guard stack.count < depthLimit else { throw tooDeep() }
                index &+= 1
                skipWhitespace()
                if index < end && base[index] == UInt8(ascii: "}") {
                    index &+= 1
                    value = .object(JSONObject())
                } else {
                    var frame = Frame(isObject: true)
                    frame.members.reserveCapacity(4)  // most objects are small: one allocation instead of three
                    frame.key = try parseKey()
                    stack.append(frame)
                    skipWhitespace()
                    continue parsing
                }
            case UInt8(ascii: "["):
                guard stack.count < depthLimit else { throw tooDeep() }
                index &+= 1
                skipWhitespace()
                if index < end && base[index] == UInt8(ascii: "]") {
                    index &+= 1
                    value = .array([])
                } else {
                    stack.append(Frame(isObject: false))
                    continue parsing
                }
            case UInt8(ascii: "\""):
                index &+= 1
                value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = try parseNumber()
            case UInt8(ascii: "t"):
                try expectWord("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectWord("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectWord("null")
                value = .null
            default:
                throw unexpected(expected: "a value")
            }

            // Hand the value to its container; close containers until one expects another element.
            while true {
                guard !stack.isEmpty else { break parsing }
                let top = stack.count - 1
                stack[top].add(value)
                skipWhitespace()
                guard index < end else {
                    throw failure(
                        .unexpectedEnd,
                        "unexpected end of input",
                        expected: stack[top].isObject ? "',' or '}'" : "',' or ']'"
                    )
                }
                let separator = base[index]
                if separator == UInt8(ascii: ",") {
                    index &+= 1
                    skipWhitespace()
                    if stack[top].isObject { stack[top].key = try parseKey() }
                    continue parsing
                }
                let frame = stack.removeLast()
                if frame.isObject {
                    guard separator == UInt8(ascii: "}") else { throw unexpected(expected: "',' or '}'") }
                    value = .object(JSONObject(frame.members))
                } else {
                    guard separator == UInt8(ascii: "]") else { throw unexpected(expected: "',' or ']'") }
                    value = .array(frame.elements)
                }
                index &+= 1
            }
        }
        return value
    }

    // MARK: Pieces

    /// The byte at `index`, or `nil` at the end of the input.
    var nextByte: UInt8? {
        index < end ? base[index] : nil
    }

    /// Steps past the byte at `index`.
    mutating func advance() {
        index &+= 1
    }

    /// Whether `index` is at the end of the input.
    var isAtEnd: Bool { index >= end }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < end {
            let byte = base[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index &+= 1
        }
    }

    /// Reads `"key"` and the `:` after it; `index` is at the opening quote (after whitespace).
    mutating func parseKey() throws(JSONSyntaxError) -> String {
        guard index < end else { throw failure(.unexpectedEnd, "unexpected end of input", expected: "an object key") }
        guard base[index] == UInt8(ascii: "\"") else { throw unexpected(expected: "an object key in double quotes") }
        index &+= 1
        let key = try parseString()
        skipWhitespace()
        guard index < end else { throw failure(.unexpectedEnd, "unexpected end of input", expected: "':'") }
        guard base[index] == UInt8(ascii: ":") else { throw unexpected(expected: "':'") }
        index &+= 1
        skipWhitespace()
        return key
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let length = word.utf8CodeUnitCount
        let text = word.utf8Start
        for offset in 0..<length {
            guard index + offset < end else {
                index += offset
                throw failure(.unexpectedEnd, "unexpected end of input", expected: "'\(word)'")
            }
            guard base[index + offset] == text[offset] else {
                index += offset
                throw unexpected(expected: "'\(word)'")
            }
        }
        index += length
    }

    // MARK: Strings

    /// Reads a string's contents; `index` is just past the opening quote and ends just past the closing one.
    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = index
        var seen: UInt64 = 0
        let stop = ByteScan.firstStringSpecial(base, from: index, to: end, seen: &seen)
        if stop < end && base[stop] == UInt8(ascii: "\"") {
            // Fast path: no escapes. Validate only when a byte was not ASCII, then one copy into the String.
            index = stop &+ 1
            if seen & 0x80 != 0, UTF8Check.firstInvalidOffset(base, from: start, to: stop) != nil {
                throw invalidUTF8(from: start, to: stop)
            }
            return String(decoding: UnsafeBufferPointer(start: base + start, count: stop &- start), as: UTF8.self)
        }
        index = stop
        return try parseEscapedString(start: start)
    }

    /// The slow path: a string with escapes, built in ``scratch``.
    private mutating func parseEscapedString(start: Int) throws(JSONSyntaxError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index &- start))
        while true {
            guard index < end else {
                throw failure(.unexpectedEnd, "unexpected end of input inside a string", expected: "'\"'")
            }
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                let stop = index
                index &+= 1
                // Escapes write whole scalars, so the string is UTF-8 exactly when its raw bytes are.
                if UTF8Check.firstInvalidOffset(base, from: start, to: stop) != nil { throw invalidUTF8(from: start, to: stop) }
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte < 0x20 {
                throw failure(
                    .controlCharacter,
                    "raw control character \(describe(byte)) in a string",
                    expected: "it escaped (\\n, \\t, \\u00XX)"
                )
            }
            // byte is a backslash.
            index &+= 1
            guard index < end else {
                throw failure(.unexpectedEnd, "unexpected end of input inside a string", expected: "an escape")
            }
            let escape = base[index]
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                scratch.append(escape)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                index -= 1
                try appendUnicodeEscape()
                let next = ByteScan.firstStringSpecial(base, from: index, to: end)
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + index, count: next &- index))
                index = next
                continue
            default:
                index -= 1
                throw failure(.invalidEscape, "invalid escape '\\\(describeRaw(escape))' in a string")
            }
            index &+= 1
            let next = ByteScan.firstStringSpecial(base, from: index, to: end)
            scratch.append(contentsOf: UnsafeBufferPointer(start: base + index, count: next &- index))
            index = next
        }
    }

    /// Reads `\uXXXX` (and its low surrogate when it is a high one) at `index` and appends the scalar as UTF-8.
    private mutating func appendUnicodeEscape() throws(JSONSyntaxError) {
        let escapeStart = index
        let first = try hexQuad(at: index + 2)
        index += 6
        var scalarValue = UInt32(first)
        if (0xD800...0xDBFF).contains(first) {
            guard index + 1 < end, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u") else {
                index = escapeStart
                throw failure(.invalidUnicodeEscape, "high surrogate \\u\(hex(first)) without a low surrogate after it")
            }
            let second = try hexQuad(at: index + 2)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw failure(.invalidUnicodeEscape, "high surrogate \\u\(hex(first)) followed by \\u\(hex(second))")
            }
            index += 6
            scalarValue = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(first) {
            index = escapeStart
            throw failure(.invalidUnicodeEscape, "low surrogate \\u\(hex(first)) without a high surrogate before it")
        }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            index = escapeStart
            throw failure(.invalidUnicodeEscape, "\\u escape is not a Unicode scalar")
        }
        appendUTF8(scalar.value)
    }

    /// Appends a scalar's UTF-8 bytes to ``scratch``.
    private mutating func appendUTF8(_ value: UInt32) {
        switch value {
        case ..<0x80:
            scratch.append(UInt8(value))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | value >> 6))
            scratch.append(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | value >> 12))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | value >> 18))
            scratch.append(UInt8(0x80 | value >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Four hex digits at `position`, as a number.
    private mutating func hexQuad(at position: Int) throws(JSONSyntaxError) -> UInt16 {
        var value: UInt16 = 0
        for offset in 0..<4 {
            guard position + offset < end else {
                index = end
                throw failure(.unexpectedEnd, "unexpected end of input inside a \\u escape", expected: "four hex digits")
            }
            let byte = base[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                index = position + offset
                throw failure(.invalidUnicodeEscape, "invalid \\u escape: \(describe(byte)) is not a hex digit")
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private func hex(_ value: UInt16) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - text.count) + text
    }

    /// The error for a string between `start` and `stop` whose bytes are not UTF-8, pointing at the first bad byte.
    private mutating func invalidUTF8(from start: Int, to stop: Int) -> JSONSyntaxError {
        index = UTF8Check.firstInvalidOffset(base, from: start, to: stop) ?? start
        return failure(.invalidUTF8, "invalid UTF-8 byte \(describe(base[index])) in a string")
    }

    // MARK: Numbers

    /// Powers of ten a `Double` holds exactly, for the exact fast path.
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        let negative = base[index] == UInt8(ascii: "-")
        if negative { index &+= 1 }
        guard index < end else { throw failure(.unexpectedEnd, "unexpected end of input in a number", expected: "a digit") }
        var mantissa: UInt64 = 0
        var digits = 0
        var overflow = false
        let first = base[index]
        if first == UInt8(ascii: "0") {
            index &+= 1
            if index < end, isDigit(base[index]) {
                throw failure(.invalidNumber, "invalid number: a leading zero must stand alone")
            }
        } else if isDigit(first) {
            while index < end, isDigit(base[index]) {
                accumulate(base[index], into: &mantissa, digits: &digits, overflow: &overflow)
                index &+= 1
            }
        } else {
            throw failure(.invalidNumber, "invalid number: expected a digit after '-', got \(describe(first))")
        }
        var exponent = 0
        var isIntegerLiteral = true
        if index < end, base[index] == UInt8(ascii: ".") {
            isIntegerLiteral = false
            index &+= 1
            guard index < end, isDigit(base[index]) else {
                throw failure(.invalidNumber, "invalid number: expected a digit after '.'")
            }
            while index < end, isDigit(base[index]) {
                if accumulate(base[index], into: &mantissa, digits: &digits, overflow: &overflow) { exponent -= 1 }
                index &+= 1
            }
        }
        if index < end, base[index] == UInt8(ascii: "e") || base[index] == UInt8(ascii: "E") {
            isIntegerLiteral = false
            index &+= 1
            var exponentNegative = false
            if index < end, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") {
                exponentNegative = base[index] == UInt8(ascii: "-")
                index &+= 1
            }
            guard index < end, isDigit(base[index]) else {
                throw failure(.invalidNumber, "invalid number: expected a digit in the exponent")
            }
            var written = 0
            while index < end, isDigit(base[index]) {
                if written < 100_000 { written = written * 10 + Int(base[index] - UInt8(ascii: "0")) }
                index &+= 1
            }
            exponent += exponentNegative ? -written : written
        }

        if isIntegerLiteral && !overflow {
            if negative {
                if mantissa == 0 { return .double(-0.0) }
                if mantissa <= UInt64(Int64.max) + 1 { return .integer(Int64(truncatingIfNeeded: 0 &- mantissa)) }
            } else if mantissa <= UInt64(Int64.max) {
                return .integer(Int64(mantissa))
            }
        }
        // Exact fast path (Clinger): a mantissa below 2^53 times or over an exact power of ten rounds once.
        if !overflow && mantissa < (1 << 53) && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            value = exponent < 0 ? value / Self.exactPowersOfTen[-exponent] : value * Self.exactPowersOfTen[exponent]
            return .double(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            index = start
            throw failure(.numberOutOfRange, "number \(text) is out of range")
        }
        return .double(value)
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// Adds a digit to the mantissa while it has room; returns whether the digit was kept (so a fraction digit
    /// moves the decimal exponent only when it was).
    @inline(__always)
    @discardableResult
    private func accumulate(_ byte: UInt8, into mantissa: inout UInt64, digits: inout Int, overflow: inout Bool) -> Bool {
        guard !overflow else { return false }
        let (times10, o1) = mantissa.multipliedReportingOverflow(by: 10)
        let (sum, o2) = times10.addingReportingOverflow(UInt64(byte &- UInt8(ascii: "0")))
        if o1 || o2 {
            overflow = true
            return false
        }
        mantissa = sum
        digits += 1
        return true
    }

    // MARK: Errors

    private func tooDeep() -> JSONSyntaxError {
        failure(.tooDeep, "arrays and objects nested deeper than \(maximumDepth) levels")
    }

    private func unexpected(expected: String) -> JSONSyntaxError {
        failure(.unexpectedCharacter, "unexpected \(describe(base[index]))", expected: expected)
    }

    /// An error at `index`, with its line and column (counted only now, on failure).
    private func failure(_ code: JSONSyntaxError.Code, _ reason: String, expected: String? = nil) -> JSONSyntaxError {
        let offset = min(index, end)
        var line = 1
        var column = 1
        for position in 0..<offset {
            let byte = base[position]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONSyntaxError(code: code, reason: reason, expected: expected, offset: offset, line: line, column: column)
    }

    /// A byte for a message: `','` when printable ASCII, else `byte 0xC3`.
    private func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? "'\(describeRaw(byte))'" : "byte 0x" + hexByte(byte)
    }

    private func describeRaw(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "0x" + hexByte(byte)
    }

    private func hexByte(_ byte: UInt8) -> String {
        let text = String(byte, radix: 16, uppercase: true)
        return text.count == 1 ? "0" + text : text
    }
}
