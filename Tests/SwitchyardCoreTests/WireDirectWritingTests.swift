import Foundation
import Testing

@testable import SwitchyardCore

@Suite("Direct JSON writing of wire messages: the same text as the tree, byte for byte")
struct WireDirectWritingTests {
    /// Both ways of writing a message.
    static func bothWays<Message: WireMessage>(_ message: Message) throws -> (direct: String, tree: String) {
        let direct = try WireDirectWriting.data(message)
        let tree = try JSONWriter.data(JSONValueEncoder().encode(message))
        return (String(decoding: direct, as: UTF8.self), String(decoding: tree, as: UTF8.self))
    }

    @Test(
        "fixtures",
        arguments: [
            "aistudio-image-response", "vertex-text-response", "sdk-request-snake-case", "imagen-generate-request",
            "imagen-edit-request", "imagen-upscale-request", "imagen-predict-response",
        ]
    )
    func fixtures(_ name: String) throws {
        let data = try Fixture.data(name)
        let pair: (direct: String, tree: String)
        switch name {
        case "aistudio-image-response", "vertex-text-response":
            pair = try Self.bothWays(GenerateContentResponse.decode(json: data))
        case "sdk-request-snake-case":
            pair = try Self.bothWays(GenerateContentRequest.decode(json: data))
        case "imagen-predict-response":
            pair = try Self.bothWays(ImagenPredictResponse.decode(json: data))
        default:
            pair = try Self.bothWays(ImagenPredictRequest.decode(json: data))
        }
        #expect(pair.direct == pair.tree)
        #expect(pair.direct.count > 50)
    }

    @Test("unknown fields (one named like a known field), free-form values, enums, numbers and escapes")
    func awkwardValues() throws {
        let json = #"""
            {"contents":[{"role":"user","parts":[{"text":"tab\tquote\" slash/ é ✓","thought":false},{"inlineData":{"mimeType":"image/png","data":"AAEC"}}]}],
             "generationConfig":{"temperature":0.1,"topK":40,"maxOutputTokens":7,"responseSchema":{"type":"object","properties":{"b":{"type":"string"},"a":{"type":"integer"}}},
                                 "futureKnob":{"x":[1,2.5,null]}},
             "tools":[{"functionDeclarations":[{"name":"f","parameters":{"type":"object"}}]}],
             "brandNewField":true,"systemInstruction":{"parts":[{"text":"be brief"}]}}
            """#
        let request = try GenerateContentRequest.decode(json: Data(json.utf8))
        let pair = try Self.bothWays(request)
        #expect(pair.direct == pair.tree)
        #expect(pair.direct.contains(#""futureKnob":{"x":[1,2.5,null]}"#))

        var shadowing = request
        shadowing.unknownFields["systemInstruction"] = .string("replaced")
        let shadowed = try Self.bothWays(shadowing)
        #expect(shadowed.direct == shadowed.tree)
    }

    @Test("a non-finite number fails exactly as the tree path fails")
    func nonFinite() throws {
        var config = GenerationConfig()
        config.temperature = .nan
        var request = GenerateContentRequest()
        request.generationConfig = config
        #expect(throws: EncodingError.self) { try WireDirectWriting.data(request) }
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode(request) }
    }
}
