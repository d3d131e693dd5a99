import Foundation
import SwitchyardCore
import Testing

/// JSONTestSuite-style cases for ``JSONReader``: what must parse, what must not, and where errors point.
@Suite("JSON reader")
struct JSONReaderTests {
    private func read(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try JSONReader().read(Data(text.utf8))
    }

    private func failure(_ bytes: [UInt8], maximumDepth: Int = 512) -> JSONSyntaxError? {
        do {
            _ = try JSONReader(maximumDepth: maximumDepth).read(bytes)
            return nil
        } catch {
            return error
        }
    }

    private func failure(_ text: String) -> JSONSyntaxError? {
        failure(Array(text.utf8))
    }

    @Test(
        "Valid documents parse to the expected value",
        arguments: [
            ("0", JSONValue.integer(0)),
            ("-0", .double(-0.0)),
            ("1", .integer(1)),
            ("-1", .integer(-1)),
            ("9223372036854775807", .integer(.max)),
            ("-9223372036854775808", .integer(.min)),
            ("9223372036854775808", .double(9_223_372_036_854_775_808)),
            ("18446744073709551615", .double(18_446_744_073_709_551_616)),
            ("123456789012345678901234567890", .double(1.2345678901234568e29)),
            ("1.5", .double(1.5)),
            ("-0.1823", .double(-0.1823)),
            ("1.0", .double(1)),
            ("1e3", .double(1000)),
            ("1E+3", .double(1000)),
            ("25e-1", .double(2.5)),
            ("0.000001", .double(0.000001)),
            ("1.7976931348623157e308", .double(.greatestFiniteMagnitude)),
            ("5e-324", .double(.leastNonzeroMagnitude)),
            ("1e-400", .double(0)),
            ("0.30000000000000004", .double(0.30000000000000004)),
            ("3.141592653589793238462643383279", .double(.pi)),
            ("true", .bool(true)),
            ("false", .bool(false)),
            ("null", .null),
            (#""""#, .string("")),
            (#""abc""#, .string("abc")),
            (#""\"\\\/\b\f\n\r\t""#, .string("\"\\/\u{08}\u{0C}\n\r\t")),
            (#""\u00e9\u00E9é""#, .string("ééé")),
            (#""\ud83d\ude00 😀""#, .string("😀 😀")),
            (#""\u0000""#, .string("\u{0}")),
            (#""\uFFFF""#, .string("\u{FFFF}")),
            ("\"\u{7F}\"", .string("\u{7F}")),
            ("[]", .array([])),
            ("{}", .object([:])),
            (" \t\r\n[ 1 , 2 ]\n ", .array([1, 2])),
            (#"[[[]],{"a":[{}]}]"#, .array([.array([.array([])]), ["a": [[:]]]])),
            (#"{"a":1,"b":[true,null],"c":{"d":"e"}}"#, ["a": 1, "b": [true, nil], "c": ["d": "e"]]),
        ] as [(String, JSONValue)]
    )
    func valid(text: String, expected: JSONValue) throws {
        let value = try read(text)
        #expect(value == expected)
        if case .double(let number) = expected, number == 0 {
            #expect(value.doubleValue?.sign == number.sign, "sign of zero is kept")
        }
    }

    @Test(
        "Invalid documents are refused with the right code",
        arguments: [
            ("", JSONSyntaxError.Code.unexpectedEnd),
            ("   ", .unexpectedEnd),
            ("[1,]", .unexpectedCharacter),
            (#"{"a":1,}"#, .unexpectedCharacter),
            ("[,1]", .unexpectedCharacter),
            ("[1 2]", .unexpectedCharacter),
            (#"{"a" 1}"#, .unexpectedCharacter),
            (#"{a:1}"#, .unexpectedCharacter),
            ("{'a':1}", .unexpectedCharacter),
            (#"{"a":1"#, .unexpectedEnd),
            ("[1", .unexpectedEnd),
            ("[", .unexpectedEnd),
            (#"{"a":"#, .unexpectedEnd),
            ("// c\n1", .unexpectedCharacter),
            ("/* c */ 1", .unexpectedCharacter),
            ("1 // c", .trailingCharacters),
            ("NaN", .unexpectedCharacter),
            ("Infinity", .unexpectedCharacter),
            ("-Infinity", .invalidNumber),
            ("tru", .unexpectedEnd),
            ("trUe", .unexpectedCharacter),
            ("nul", .unexpectedEnd),
            ("True", .unexpectedCharacter),
            ("01", .invalidNumber),
            ("-01", .invalidNumber),
            ("1.", .invalidNumber),
            (".5", .unexpectedCharacter),
            ("+1", .unexpectedCharacter),
            ("1e", .invalidNumber),
            ("1e+", .invalidNumber),
            ("-", .unexpectedEnd),
            ("- 1", .invalidNumber),
            ("0x10", .trailingCharacters),
            ("1e400", .numberOutOfRange),
            ("-1e400", .numberOutOfRange),
            ("1 2", .trailingCharacters),
            ("{} {}", .trailingCharacters),
            ("[]]", .trailingCharacters),
            (#""abc"#, .unexpectedEnd),
            (#""\x""#, .invalidEscape),
            (#""\'""#, .invalidEscape),
            (#""\u12""#, .invalidUnicodeEscape),
            (#""\u12G4""#, .invalidUnicodeEscape),
            (#""\ud83d""#, .invalidUnicodeEscape),
            (#""\ud83dx""#, .invalidUnicodeEscape),
            (#""\ud83d\u0041""#, .invalidUnicodeEscape),
            (#""\ude00""#, .invalidUnicodeEscape),
            ("\"a\tb\"", .controlCharacter),
            ("\"a\nb\"", .controlCharacter),
            ("\"\u{1F}\"", .controlCharacter),
            ("\u{FEFF}1", .unexpectedCharacter),
        ] as [(String, JSONSyntaxError.Code)]
    )
    func invalid(text: String, code: JSONSyntaxError.Code) {
        let error = failure(text)
        #expect(error?.code == code, "\(text): \(error.map(String.init(describing:)) ?? "accepted")")
    }

    @Test(
        "Invalid UTF-8 inside strings is refused, pointing at the bad byte",
        arguments: [
            ([0x22, 0xFF, 0x22], 1),  // never valid
            ([0x22, 0x61, 0xC3, 0x22], 2),  // truncated 2-byte sequence
            ([0x22, 0xC0, 0xAF, 0x22], 1),  // overlong '/'
            ([0x22, 0xE0, 0x80, 0xAF, 0x22], 1),  // overlong 3-byte
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),  // UTF-8-encoded surrogate
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),  // above U+10FFFF
            ([0x22, 0x80, 0x22], 1),  // lone continuation byte
            ([0x22, 0x5C, 0x6E, 0xFF, 0x22], 3),  // after an escape
            ([0x7B, 0x22, 0xFE, 0x22, 0x3A, 0x31, 0x7D], 2),  // in a key
        ] as [([UInt8], Int)]
    )
    func invalidUTF8(bytes: [UInt8], offset: Int) {
        let error = failure(bytes)
        #expect(error?.code == .invalidUTF8)
        #expect(error?.offset == offset)
    }

    @Test("Valid multi-byte UTF-8 is kept, in raw and escaped strings")
    func validUTF8() throws {
        let text = "añ€😀 \u{10FFFF}"
        #expect(try read("\"\(text)\"") == .string(text))
        #expect(try read("\"\\n\(text)\"") == .string("\n" + text))
        #expect(try read("{\"\(text)\":\"\(text)\"}") == .object(JSONObject([(key: text, value: .string(text))])))
    }

    @Test("Errors carry offset, line and column (in scalars) and read well")
    func errorPositions() {
        let error = failure("{\n  \"a\": 1,\n  \"é\": [1,,2]\n}")
        #expect(error?.code == .unexpectedCharacter)
        #expect(error?.line == 3)
        #expect(error?.column == 11)
        #expect(error?.offset == 23)
        #expect(error?.description == "unexpected ',' at line 3 column 11; expected a value")

        let end = failure("[1,\n2")
        #expect(end?.description == "unexpected end of input at line 2 column 2; expected ',' or ']'")
        #expect(end?.offset == 5)

        let trailing = failure("{} x")
        #expect(trailing?.description == "unexpected 'x' after the JSON value at line 1 column 4")
    }

    @Test("Nesting is limited, without using the thread's stack")
    func depth() throws {
        let limit = 512
        let allowed = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(failure(allowed) == nil)
        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(failure(tooDeep)?.code == .tooDeep)
        let objects = String(repeating: #"{"a":"#, count: limit + 1) + "1" + String(repeating: "}", count: limit + 1)
        #expect(failure(objects)?.code == .tooDeep)
        #expect(failure(Array("[[[1]]]".utf8), maximumDepth: 2)?.code == .tooDeep)
        // Far deeper than any thread stack would survive with recursion; refused cleanly.
        let hostile = String(repeating: "[", count: 1_000_000)
        #expect(failure(hostile)?.code == .tooDeep)
    }

    @Test("Objects keep arrival order; a repeated key keeps its first position and its last value")
    func memberOrder() throws {
        let value = try read(#"{"z":1,"a":2,"m":{"y":true,"b":false},"a":3}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value["a"] == 3)
        #expect(value["m"]?.objectValue?.keys == ["y", "b"])

        // Large objects switch to a position table; behaviour is the same.
        let keys = (0..<100).map { "k\(($0 * 37) % 100)" }
        var text = "{" + keys.enumerated().map { "\"\($1)\":\($0)" }.joined(separator: ",")
        text += ",\"k37\":\"last\"}"
        let large = try read(text)
        #expect(large.objectValue?.keys == keys)
        #expect(large["k37"] == "last")
    }

    @Test("Data, byte arrays, strings and raw buffers read the same")
    func inputs() throws {
        let text = #"{"a":[1,"b"]}"#
        let expected: JSONValue = ["a": [1, "b"]]
        #expect(try JSONReader().read(text) == expected)
        #expect(try JSONReader().read(Array(text.utf8)) == expected)
        #expect(try JSONReader().read(Data(text.utf8)) == expected)
        let fromBuffer = try Array(text.utf8).withUnsafeBytes { buffer in try JSONReader().read(buffer) }
        #expect(fromBuffer == expected)
        // A slice of Data that does not start at index 0.
        let padded = Data(("xx" + text).utf8).dropFirst(2)
        #expect(try JSONReader().read(padded) == expected)
    }

    @Test("Long strings: escapes, raw control bytes and quotes are found at every alignment")
    func longStrings() throws {
        let filler = String(repeating: "abcdefgh", count: 5)
        for position in 0..<17 {
            let prefix = String(filler.prefix(position))
            #expect(try read("\"\(prefix)\\n\(filler)\"") == .string(prefix + "\n" + filler))
            #expect(try read("\"\(prefix)\"") == .string(prefix))
            #expect(failure("\"\(prefix)\u{01}\(filler)\"")?.offset == position + 1)
            #expect(failure("\"\(prefix)\(filler)")?.code == .unexpectedEnd)
        }
    }
}
