import Foundation
import SwitchyardCore
import Testing

@Suite("JSONValueDecoder and JSONValueEncoder")
struct JSONCodingTests {
    @Test("Key order survives decode and encode of a real request: schema properties, args, unknown fields")
    func keyOrder() throws {
        let body = #"""
            {"contents":[{"role":"user","parts":[{"text":"hi"},{"functionCall":{"name":"f","args":{"zeta":1,"alpha":{"y":2,"b":[{"q":1,"c":2}]},"mid":"x"}}},{"functionResponse":{"name":"f","response":{"z":true,"a":null}}}]}],"generationConfig":{"temperature":0.5,"responseMimeType":"application/json","responseSchema":{"type":"OBJECT","properties":{"title":{"type":"STRING"},"steps":{"type":"ARRAY","items":{"type":"STRING"}},"servings":{"type":"INTEGER"},"author":{"type":"STRING"}},"required":["title","steps"],"propertyOrdering":["title","steps","servings","author"]},"responseJsonSchema":{"type":"object","properties":{"z":{},"a":{}}},"zzUnknownConfig":{"k":1,"b":2}},"labels":{"team":"b","app":"a"},"zUnknown":1,"aUnknown":{"z":0,"a":1}}
            """#
        let request = try GenerateContentRequest.decode(json: Data(body.utf8))
        #expect(request.generationConfig?.responseSchema?["properties"]?.objectValue?.keys == ["title", "steps", "servings", "author"])
        #expect(request.unknownFields.keys == ["zUnknown", "aUnknown"])
        #expect(request.generationConfig?.unknownFields.keys == ["zzUnknownConfig"])
        let output = String(decoding: try request.jsonData(), as: UTF8.self)
        // The request is written in wireFields order; every free-form and unknown member keeps its order.
        #expect(output == body)
    }

    @Test("Every fixture reads and writes back byte for byte once whitespace is removed")
    func fixturesAsValues() throws {
        for name in Self.fixtures {
            let data = try Fixture.data(name)
            let value = try JSONReader().read(data)
            #expect(try JSONWriter.data(value) == Self.minified(data), "\(name)")
        }
    }

    @Test("Typed round trips: canonical field order, values and free-form members as they came")
    func fixturesTyped() throws {
        // The compact fixture, written back in the model's field order (output is canonical); values, including
        // `5.0`, are spelled as they came.
        let generate = try Fixture.data("imagen-generate-request")
        let request = try ImagenPredictRequest.decode(json: generate)
        let written = String(decoding: try request.jsonData(), as: UTF8.self)
        #expect(
            written
                == #"{"instances":[{"prompt":"cat"}],"parameters":{"sampleCount":2,"aspectRatio":"16:9","negativePrompt":"dog","seed":1,"#
                + #""guidanceScale":5.0,"safetySetting":"BLOCK_ONLY_HIGH","personGeneration":"ALLOW_ADULT","includeSafetyAttributes":true,"#
                + #""includeRaiReason":true,"language":"en","outputOptions":{"mimeType":"image/jpeg","compressionQuality":80},"#
                + #""sampleImageSize":"2K","addWatermark":false,"enhancePrompt":true},"labels":{"team":"art"}}"#
        )
        #expect(written.utf8.count == Self.minified(generate).count)
        // A body already in the model's order comes back byte for byte.
        #expect(try ImagenPredictRequest.decode(json: Data(written.utf8)).jsonData() == Data(written.utf8))

        let snake = try GenerateContentRequest.decode(json: Fixture.data("sdk-request-snake-case"))
        let expected = try Fixture.data("sdk-request-snake-case.expected")
        #expect(try JSONText.canonical(snake.jsonData()) == JSONText.canonical(expected))

        for name in ["aistudio-image-response", "vertex-text-response"] {
            let data = try Fixture.data(name)
            let response = try GenerateContentResponse.decode(json: data)
            let written = try response.jsonData()
            #expect(try JSONText.canonical(written) == JSONText.canonical(data), "\(name)")
            // Writing is deterministic and re-reading gives the same message.
            #expect(try GenerateContentResponse.decode(json: written) == response)
            #expect(try GenerateContentResponse.decode(json: written).jsonData() == written)
        }
    }

    @Test("Field-path messages are the same as with Foundation's JSONDecoder", arguments: Self.errorCases)
    func errorMessagesMatchFoundation(json: String) throws {
        let foundation = Self.foundationMessage(json)
        let ours = Self.message(json)
        #expect(ours == foundation)
        #expect(!ours.hasPrefix("decoded"), "the case must fail")
    }

    @Test("The existing field-path messages, through decode(json:)")
    func existingMessages() {
        #expect(
            Self.message(#"{"contents":[{"parts":[{"text":"a"},{"inline_data":{"mime_type":"image/png","data":"AAA!"}}]}]}"#)
                == "contents[0].parts[1].inline_data.data: invalid base64 character '!'"
        )
        #expect(Self.message(#"{"generationConfig":{"temperature":"hot"}}"#) == "generationConfig.temperature: expected a number, got string")
        #expect(Self.message(#"{"contents":[{"parts":{"text":"x"}}]}"#) == "contents[0].parts: expected an array, got object")
        #expect(
            Self.message(#"{"generation_config":{"candidate_count":true}}"#)
                == "generation_config.candidate_count: expected an integer, got boolean"
        )
        #expect(Self.message(#"{"generationConfig":{"topK":[]}}"#) == "generationConfig.topK: expected a number, got array")
    }

    @Test("Syntax errors name line and column; numbers that do not fit name the field")
    func ownMessages() {
        #expect(
            Self.message("{\"contents\": [\n  {\"role\": \"user\",,}]}")
                == "invalid JSON: unexpected ',' at line 2 column 19; expected an object key in double quotes"
        )
        #expect(Self.message(#"{"contents": ["#) == "invalid JSON: unexpected end of input at line 1 column 15; expected a value")
        #expect(Self.message(#"{"generationConfig":{"candidateCount":1.5}}"#) == "generationConfig.candidateCount: expected an integer, got 1.5")
        #expect(
            Self.message(#"{"generationConfig":{"seed":1e30}}"#)
                == "generationConfig.seed: expected an integer between -9223372036854775808 and 9223372036854775807, got 1e+30"
        )
        #expect(Self.message(#"{"generationConfig":{"candidateCount":2.0}}"#) == "decoded")
        #expect(Self.message(#"{"generationConfig":{"candidateCount":2e0}}"#) == "decoded")
    }

    @Test("Scalars of every width decode with range checks and encode exactly")
    func scalars() throws {
        struct Numbers: Codable, Equatable {
            var int8: Int8
            var uint8: UInt8
            var int32: Int32
            var uint64: UInt64
            var float: Float
            var double: Double
            var int: Int
            var strings: [String]
            var optional: Int?
        }
        let value: JSONValue = [
            "int8": -128, "uint8": 255, "int32": 2_147_483_647, "uint64": 42, "float": 0.1, "double": 3, "int": 5.0,
            "strings": ["a", "b"], "optional": nil,
        ]
        let numbers = try JSONValueDecoder().decode(Numbers.self, from: value)
        #expect(numbers == Numbers(int8: -128, uint8: 255, int32: .max, uint64: 42, float: 0.1, double: 3, int: 5, strings: ["a", "b"]))
        let encoded = try JSONValueEncoder().encode(numbers)
        #expect(
            try JSONWriter.string(encoded)
                == #"{"int8":-128,"uint8":255,"int32":2147483647,"uint64":42,"float":0.1,"double":3.0,"int":5,"strings":["a","b"]}"#
        )

        var outOfRange = value
        if case .object(var object) = outOfRange {
            object["uint8"] = 256
            outOfRange = .object(object)
        }
        do {
            _ = try JSONValueDecoder().decode(Numbers.self, from: outOfRange)
            Issue.record("256 decoded as UInt8")
        } catch let error as DecodingError {
            #expect(error.fieldMessage == "uint8: expected an integer between 0 and 255, got 256")
        }
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode(["x": Double.nan]) }
    }

    @Test("JSONValue still decodes and encodes through Foundation's coders")
    func foundationStillWorks() throws {
        let value: JSONValue = ["a": [1, 2.5, "x", nil, true], "b": ["c": [:]]]
        let data = try JSONEncoder().encode(value)
        #expect(JSONText.canonical(try JSONDecoder().decode(JSONValue.self, from: data)) == JSONText.canonical(value))
        #expect(JSONText.canonical(try JSONValueDecoder().decode(JSONValue.self, from: JSONReader().read(data))) == JSONText.canonical(value))
    }

    @Test("A 40 MB inline image round trips byte for byte, with free-form members in order")
    func largeImage() throws {
        // Eight random bytes per generator step keeps this cheap in debug builds, so it does not starve the
        // timing-sensitive suites running beside it. (URL-safe input at this size is covered in Base64PayloadTests.)
        var generator = SplitMix64(seed: 7)
        var bytes = [UInt8](repeating: 0, count: 30 << 20)
        bytes.withUnsafeMutableBytes { buffer in
            for offset in stride(from: 0, to: buffer.count, by: 8) {
                buffer.storeBytes(of: generator.next(), toByteOffset: offset, as: UInt64.self)
            }
        }
        let standard = Data(bytes).base64EncodedString()
        #expect(standard.utf8.count == 41_943_040)
        let prefix = #"{"contents":[{"role":"user","parts":[{"text":"describe"},{"inlineData":{"mimeType":"image/png","data":""#
        let suffix = #""}}]}],"generationConfig":{"responseSchema":{"type":"OBJECT","properties":{"z":{},"a":{}}}}}"#
        let body = Data((prefix + standard + suffix).utf8)

        let request = try GenerateContentRequest.decode(json: body)
        #expect(request.contents?.first?.parts?.last?.inlineData?.data?.byteCount == bytes.count)
        #expect(try request.jsonData() == body)
    }

    // MARK: Helpers

    static let fixtures = [
        "aistudio-image-response", "error-rate-limited", "imagen-edit-request", "imagen-generate-request",
        "imagen-predict-response", "imagen-upscale-request", "sdk-request-snake-case.expected", "sdk-request-snake-case",
        "vertex-text-response",
    ]

    /// Bodies that fail to decode as a GenerateContentRequest, each for a different reason.
    static let errorCases = [
        #"{"generationConfig":{"temperature":"hot"}}"#,
        #"{"generationConfig":{"temperature":[]}}"#,
        #"{"generationConfig":{"temperature":{}}}"#,
        #"{"generationConfig":{"temperature":true}}"#,
        #"{"generationConfig":{"candidateCount":"1"}}"#,
        #"{"generationConfig":{"candidateCount":false}}"#,
        #"{"generationConfig":{"responseLogprobs":1}}"#,
        #"{"generationConfig":{"responseLogprobs":"yes"}}"#,
        #"{"generationConfig":{"stopSequences":"x"}}"#,
        #"{"generationConfig":{"stopSequences":[1]}}"#,
        #"{"generationConfig":{"stopSequences":[null]}}"#,
        #"{"generationConfig":{"thinkingConfig":[]}}"#,
        #"{"generationConfig":{"thinkingConfig":{"thinking_budget":"x"}}}"#,
        #"{"generationConfig":"x"}"#,
        #"{"contents":{"parts":[]}}"#,
        #"{"contents":[null]}"#,
        #"{"contents":[5]}"#,
        #"{"contents":[{"parts":[{"text":5}]}]}"#,
        #"{"contents":[{"role":7}]}"#,
        #"{"contents":[{"parts":[{},{"inlineData":{"data":5}}]}]}"#,
        #"{"contents":[{"parts":[{"inline_data":{"data":"AB=D"}}]}]}"#,
        #"{"contents":[{"parts":[{"file_data":[]}]}]}"#,
        #"{"tools":[{"functionDeclarations":[{"name":1}]}]}"#,
        #"{"safetySettings":[{"category":null,"threshold":3}]}"#,
        #"[]"#,
        #""x""#,
        #"null"#,
    ]

    static func message(_ json: String) -> String {
        do {
            _ = try GenerateContentRequest.decode(json: Data(json.utf8))
            return "decoded"
        } catch {
            return error.message
        }
    }

    static func foundationMessage(_ json: String) -> String {
        do {
            _ = try JSONDecoder().decode(GenerateContentRequest.self, from: Data(json.utf8))
            return "decoded"
        } catch {
            return SwitchyardError(decoding: error).message
        }
    }

    /// The bytes without whitespace outside strings.
    static func minified(_ data: Data) -> Data {
        var output = Data()
        var inString = false
        var escaped = false
        for byte in data {
            if inString {
                output.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
            if byte == UInt8(ascii: "\"") { inString = true }
            output.append(byte)
        }
        return output
    }
}

/// A message with one stored and one computed field, to exercise both ways ``WireField`` reaches a property.
private struct MixedStorageMessage: WireMessage {
    var stored: String?
    var backing: [String: Int] = [:]
    var computed: Int? {
        get { backing["computed"] }
        set { backing["computed"] = newValue }
    }
    var unknownFields: JSONObject = [:]

    static let wireFields: [WireField<MixedStorageMessage>] = [
        WireField("stored", \.stored),
        WireField("computed", \.computed),
    ]

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.stored == rhs.stored && lhs.backing == rhs.backing && lhs.unknownFields == rhs.unknownFields
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(stored)
    }
}

@Suite("WireField storage access")
struct WireFieldStorageTests {
    @Test("Stored and computed properties decode and encode through the value coders and Foundation alike")
    func storedAndComputed() throws {
        let body = #"{"computed":7,"stored":"s","extra":[1]}"#
        let message = try MixedStorageMessage.decode(json: Data(body.utf8))
        #expect(message.stored == "s")
        #expect(message.computed == 7)
        #expect(String(decoding: try message.jsonData(), as: UTF8.self) == #"{"stored":"s","computed":7,"extra":[1]}"#)
        let viaFoundation = try JSONDecoder().decode(MixedStorageMessage.self, from: Data(body.utf8))
        #expect(viaFoundation == message)
        let unset = try MixedStorageMessage.decode(json: Data(#"{"stored":null,"computed":null}"#.utf8))
        #expect(unset.stored == nil && unset.computed == nil)
        #expect(try unset.jsonData() == Data("{}".utf8))
    }
}
