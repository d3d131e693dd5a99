import Foundation
import SwitchyardCore
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    private func write(_ value: JSONValue) throws -> String {
        try JSONWriter.string(value)
    }

    @Test("Members are written in stored order, compactly")
    func order() throws {
        let value: JSONValue = ["z": 1, "a": ["y": nil, "b": [true, false]], "m": "x"]
        #expect(try write(value) == #"{"z":1,"a":{"y":null,"b":[true,false]},"m":"x"}"#)
        #expect(try write([:]) == "{}")
        #expect(try write([]) == "[]")
    }

    @Test("Strings escape quotes, backslashes and control characters only")
    func strings() throws {
        let text = "a/b\"c\\d\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}é😀\u{2028}"
        #expect(try write(.string(text)) == #""a/b\"c\\d\n\r\t\b\f\u0001\u001f"# + "\u{7F}é😀\u{2028}\"")
        #expect(try JSONReader().read(write(.string(text))) == .string(text))
        #expect(try write(["ke\"y": 1]) == #"{"ke\"y":1}"#)
    }

    @Test("Escapes are found at every alignment of a long string")
    func longStrings() throws {
        let filler = String(repeating: "0123456789abcdef", count: 3)
        for position in 0..<17 {
            let text = String(filler.prefix(position)) + "\"" + filler + "\n"
            let written = try write(.string(text))
            #expect(written == "\"" + String(filler.prefix(position)) + "\\\"" + filler + "\\n\"")
            #expect(try JSONReader().read(written) == .string(text))
        }
    }

    @Test(
        "Numbers: integers exact, doubles in shortest round-trip form",
        arguments: [
            (JSONValue.integer(0), "0"),
            (.integer(-7), "-7"),
            (.integer(.max), "9223372036854775807"),
            (.integer(.min), "-9223372036854775808"),
            (.double(0.1), "0.1"),
            (.double(-0.1823), "-0.1823"),
            (.double(1.0), "1.0"),
            (.double(-0.0), "-0.0"),
            (.double(100), "100.0"),
            (.double(1e15), "1000000000000000.0"),
            (.double(1e16), "1e+16"),
            (.double(1e20), "1e+20"),
            (.double(1.5e-7), "1.5e-07"),
            (.double(.leastNonzeroMagnitude), "5e-324"),
            (.double(.greatestFiniteMagnitude), "1.7976931348623157e+308"),
            (.double(0.30000000000000004), "0.30000000000000004"),
        ] as [(JSONValue, String)]
    )
    func numbers(value: JSONValue, expected: String) throws {
        #expect(try write(value) == expected)
        let reread = try JSONReader().read(expected)
        #expect(reread == value, "round trip of \(expected)")
    }

    @Test("Numbers are written as Foundation's JSONEncoder writes them, except that integral doubles keep '.0'")
    func numbersMatchFoundation() throws {
        let numbers: [Double] = [0.1, 1, -0.0, 100, 1e15, 1e16, 1e20, 1.5e-7, 2.5e300, 123_456_789_012_345_680, 0.21, -0.1823]
        let foundation = String(decoding: try JSONEncoder().encode(numbers), as: UTF8.self)
        let ours = try write(.array(numbers.map(JSONValue.double)))
        #expect(ours.replacingOccurrences(of: ".0,", with: ",").replacingOccurrences(of: ".0]", with: "]") == foundation)
    }

    @Test("NaN and infinities cannot be written; the error names where they are")
    func nonFinite() {
        let value: JSONValue = ["generationConfig": ["stops": [1, .double(.nan)]]]
        #expect(throws: JSONWriteError.self) { try JSONWriter.data(value) }
        do {
            _ = try JSONWriter.data(value)
        } catch {
            #expect(error.code == .nonFiniteNumber)
            #expect(error.path == "generationConfig.stops[1]")
            #expect(error.description == "generationConfig.stops[1]: nan cannot be written as JSON")
        }
        #expect(throws: JSONWriteError.self) { try JSONWriter.data(.double(.infinity)) }
    }

    @Test("Data, bytes and string outputs agree; a value larger than the first buffer grows it")
    func outputs() throws {
        let big: JSONValue = .array((0..<5000).map { .string("item \($0)") })
        let data = try JSONWriter.data(big)
        #expect(Array(data) == (try JSONWriter.bytes(big)))
        #expect(String(decoding: data, as: UTF8.self) == (try JSONWriter.string(big)))
        #expect(try JSONReader().read(data) == big)
    }
}

@Suite("JSON reader and writer on generated values")
struct JSONGeneratedValueTests {
    /// A deterministic random JSON value: every kind, escapes, non-ASCII, surrogate-pair scalars, extreme numbers.
    private static func value(_ generator: inout SplitMix64, depth: Int) -> JSONValue {
        let kind = generator.next() % (depth > 4 ? 5 : 7)
        switch kind {
        case 0: return .null
        case 1: return .bool(generator.next() & 1 == 0)
        case 2: return .integer(Int64(bitPattern: generator.next()) >> (generator.next() % 64))
        case 3:
            let bits = generator.next()
            let number = Double(bitPattern: bits)
            return .double(number.isFinite ? number : Double(Int64(bitPattern: bits)) / 7)
        case 4:
            let alphabet: [Unicode.Scalar] = [
                "a", "Z", "0", "/", "\"", "\\", "\n", "\t", "\u{01}", "\u{1F}", "\u{7F}", "é", "€", "😀", "\u{2028}", " ",
            ]
            var text = String.UnicodeScalarView()
            for _ in 0..<(generator.next() % 40) { text.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            return .string(String(text))
        case 5:
            return .array((0..<(generator.next() % 6)).map { _ in value(&generator, depth: depth + 1) })
        default:
            var object = JSONObject()
            for index in 0..<(generator.next() % 6) {
                object["k\(generator.next() % 10)_\(index)"] = value(&generator, depth: depth + 1)
            }
            return .object(object)
        }
    }

    @Test("Write then read gives the same value, and Foundation accepts every text written")
    func roundTrip() throws {
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<500 {
            let original = Self.value(&generator, depth: 0)
            let data = try JSONWriter.data(original)
            #expect(try JSONReader().read(data) == original)
            #expect((try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil)
        }
    }
}
