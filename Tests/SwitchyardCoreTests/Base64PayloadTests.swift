import Foundation
import SwitchyardCore
import Testing

@Suite("Base64 payloads")
struct Base64PayloadTests {
    @Test("Standard, URL-safe and unpadded inputs encode the same bytes")
    func alphabetsAndPadding() throws {
        let bytes = Data([0xFF, 0xFE, 0xFD, 0x3E, 0x3E, 0x3F, 0x01])
        let standard = bytes.base64EncodedString()
        let urlSafe = standard.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        let unpadded = String(urlSafe.drop(while: { _ in false }).prefix(while: { $0 != "=" }))
        for text in [standard, urlSafe, unpadded] {
            let payload = try Base64Payload(validating: text)
            #expect(payload.wireText == text)
            #expect(payload.standardBase64 == standard)
            #expect(payload.bytes() == bytes)
            #expect(payload.byteCount == bytes.count)
        }
        #expect(try Base64Payload(validating: urlSafe) == Base64Payload(bytes: bytes))
        #expect(try Base64Payload(validating: "").bytes().isEmpty)
    }

    @Test(
        "Invalid input is rejected with a precise reason",
        arguments: [
            ("AB!D", "invalid base64 character '!'"),
            ("AB D", "invalid base64 character 0x20"),
            ("AB=D", "invalid base64: 'D' after padding"),
            ("ABCDE", "invalid base64: truncated (length 5 is not possible)"),
            ("AB===", "invalid base64: wrong padding"),
            ("ABC==", "invalid base64: wrong padding"),
            ("Zm9vé", "invalid base64 character 0xC3"),
        ]
    )
    func invalidInput(text: String, message: String) {
        do {
            _ = try Base64Payload(validating: text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test("The eight-bytes-at-a-time alphabet check agrees with the byte-by-byte one at every position")
    func wordScan() throws {
        let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        #expect(try Base64Payload(validating: alphabet + alphabet).standardBase64 == alphabet + alphabet)
        let base = Array(String(repeating: "QUJD", count: 8).utf8)
        for position in 0..<base.count {
            for (byte, expected) in [(UInt8(ascii: "!"), "'!'"), (UInt8(ascii: "@"), "'@'"), (UInt8(ascii: "["), "'['"), (0x7F, "0x7F")] {
                var bytes = base
                bytes[position] = byte
                do {
                    _ = try Base64Payload(validating: String(decoding: bytes, as: UTF8.self))
                    Issue.record("accepted \(expected) at \(position)")
                } catch {
                    #expect(error.message == "invalid base64 character \(expected)")
                }
            }
            var urlSafe = base
            urlSafe[position] = UInt8(ascii: "_")
            var standard = base
            standard[position] = UInt8(ascii: "/")
            let payload = try Base64Payload(validating: String(decoding: urlSafe, as: UTF8.self))
            #expect(payload.standardBase64 == String(decoding: standard, as: UTF8.self))
        }
    }

    @Test("A multi-megabyte inline image passes through with its text unchanged")
    func largeImagePassesThrough() throws {
        var generator = SplitMix64(seed: 42)
        let bytes = Data((0..<(24 << 20)).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        let standard = bytes.base64EncodedString()
        let urlSafe = standard.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")

        for (input, expected) in [(standard, standard), (urlSafe, standard)] {
            let body = #"{"contents":[{"role":"user","parts":[{"inlineData":{"mimeType":"image/png","data":""# + input + #""}}]}]}"#
            let request = try JSONDecoder().decode(GenerateContentRequest.self, from: Data(body.utf8))
            let payload = try #require(request.contents?.first?.parts?.first?.inlineData?.data)
            #expect(payload.wireText == input)
            #expect(payload.byteCount == bytes.count)
            let output = try JSONEncoder().encode(request)
            let reread = try JSONDecoder().decode(JSONValue.self, from: output)
            let text = reread["contents"]?.arrayValue?.first?["parts"]?.arrayValue?.first?["inlineData"]?["data"]?.stringValue
            #expect(text == expected)
        }
    }

    @Test("Bytes round trip through init(bytes:) and JSON")
    func bytesRoundTrip() throws {
        let bytes = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var blob = Blob()
        blob.mimeType = "application/octet-stream"
        blob.data = Base64Payload(bytes: bytes)
        let decoded = try JSONDecoder().decode(Blob.self, from: JSONEncoder().encode(blob))
        #expect(decoded.data?.bytes() == bytes)
        #expect(decoded == blob)
        #expect(blob.data?.description == "Base64Payload(1000 bytes)")
    }
}

/// A small deterministic generator, so the large-image test needs no randomness source.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
