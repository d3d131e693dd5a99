import Foundation
import SwitchyardHTTP
import Testing

@testable import GoogleEmulator

@Suite("Model behaviour", .timeLimit(.minutes(1)))
struct ModelBehaviourTests {
    static var imageConfig: [String: Any] { ["responseModalities": ["TEXT", "IMAGE"]] }

    static func images(in parts: [[String: Any]]) throws -> [PNGCheck] {
        try parts.compactMap { $0["inlineData"] as? [String: Any] }.map { blob in
            #expect(blob["mimeType"] as? String == "image/png")
            return try PNGCheck(try #require(Data(base64Encoded: blob["data"] as? String ?? "")))
        }
    }

    @Test("image output: text and a valid PNG sized by the aspect ratio, colours from the prompt")
    func imageOutput() async throws {
        try await Harness.with { harness in
            var config = Self.imageConfig
            config["imageConfig"] = ["aspectRatio": "9:16"]
            let reply = try await harness.aiStudio(
                "gemini-2.5-flash-image",
                "generateContent",
                textRequest("a green meadow", generationConfig: config)
            )
            #expect(reply.status == 200)
            let parts = reply.json.firstParts
            #expect(parts.first?["text"] is String)
            let images = try Self.images(in: parts)
            #expect(images.count == 1)
            #expect(images.first?.width == 72)
            #expect(images.first?.height == 128)

            let other = try await harness.aiStudio("gemini-2.5-flash-image", "generateContent", textRequest("a red desert", generationConfig: config))
            #expect(try Self.images(in: other.json.firstParts).first?.pixels != images.first?.pixels)

            let textModel = try await harness.aiStudio("gemini-2.0-flash", "generateContent", textRequest("draw", generationConfig: Self.imageConfig))
            #expect(textModel.status == 400)
            #expect(textModel.errorMessage == "Model does not support the requested response modalities: image,text")
        }
    }

    @Test("a multi-turn edit returns the earlier image with a band added")
    func multiTurnEdit() async throws {
        try await Harness.with { harness in
            let first = try await harness.aiStudio(
                "gemini-2.5-flash-image",
                "generateContent",
                textRequest("a blue square", generationConfig: Self.imageConfig)
            )
            let firstParts = first.json.firstParts
            let original = try #require(try Self.images(in: firstParts).first)
            let request: [String: Any] = [
                "contents": [
                    ["role": "user", "parts": [["text": "a blue square"]]],
                    ["role": "model", "parts": firstParts],
                    ["role": "user", "parts": [["text": "now add a yellow stripe"]]],
                ],
                "generationConfig": Self.imageConfig,
            ]
            let second = try await harness.aiStudio("gemini-2.5-flash-image", "generateContent", request)
            #expect(second.status == 200)
            let edited = try #require(try Self.images(in: second.json.firstParts).first)
            #expect(edited.width == original.width && edited.height == original.height)
            var same = 0
            for index in stride(from: 0, to: original.pixels.count, by: 3)
            where original.pixels[index..<(index + 3)] == edited.pixels[index..<(index + 3)] {
                same += 1
            }
            let total = original.width * original.height
            #expect(same < total)
            #expect(same >= total * 3 / 4)
        }
    }

    @Test("an image the emulator cannot decode still yields a picture derived from its bytes")
    func foreignImage() async throws {
        try await Harness.with { harness in
            func edit(_ bytes: [UInt8]) async throws -> PNGCheck {
                let request: [String: Any] = [
                    "contents": [
                        [
                            "role": "user",
                            "parts": [
                                ["inlineData": ["mimeType": "image/jpeg", "data": Data(bytes).base64EncodedString()]],
                                ["text": "make it brighter"],
                            ],
                        ]
                    ],
                    "generationConfig": Self.imageConfig,
                ]
                let reply = try await harness.aiStudio("gemini-2.5-flash-image", "generateContent", request)
                return try #require(try Self.images(in: reply.json.firstParts).first)
            }
            let first = try await edit([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])
            let again = try await edit([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])
            let other = try await edit([0xFF, 0xD8, 0xFF, 0xE0, 9, 9, 9])
            #expect(first.pixels == again.pixels)
            #expect(first.pixels != other.pixels)
        }
    }

    @Test("a prompt for N scenes gives N interleaved text and image parts")
    func scenes() async throws {
        try await Harness.with { harness in
            let reply = try await harness.aiStudio(
                "gemini-2.0-flash-preview-image-generation",
                "generateContent",
                textRequest("a story in 3 scenes with illustrations", generationConfig: Self.imageConfig)
            )
            let parts = reply.json.firstParts
            #expect(parts.count == 6)
            #expect(parts.enumerated().allSatisfy { index, part in index % 2 == 0 ? part["text"] != nil : part["inlineData"] != nil })
            #expect(try Self.images(in: parts).count == 3)
        }
    }

    @Test("a declared function mentioned in the prompt is called with arguments from its schema; NONE never calls")
    func functionCalling() async throws {
        try await Harness.with { harness in
            let tools: [[String: Any]] = [
                [
                    "functionDeclarations": [
                        [
                            "name": "get_weather",
                            "description": "Weather for a city",
                            "parameters": [
                                "type": "OBJECT",
                                "properties": ["city": ["type": "STRING"], "days": ["type": "INTEGER", "minimum": 2]],
                                "required": ["city"],
                            ],
                        ],
                        [
                            "name": "get_time",
                            "parameters": ["type": "OBJECT", "properties": ["zone": ["type": "STRING", "enum": ["UTC", "CET"]]]],
                        ],
                    ]
                ]
            ]
            var request = textRequest("Please get_weather for Paris")
            request["tools"] = tools
            let auto = try await harness.aiStudio("gemini-2.5-flash", "generateContent", request)
            let call = try #require(auto.json.firstParts.first?["functionCall"] as? [String: Any])
            #expect(call["name"] as? String == "get_weather")
            let args = call["args"] as? [String: Any] ?? [:]
            #expect(args["city"] as? String == "Paris")
            #expect(args["days"] as? Int == 2)

            var none = request
            none["toolConfig"] = ["functionCallingConfig": ["mode": "NONE"]]
            let text = try await harness.aiStudio("gemini-2.5-flash", "generateContent", none)
            #expect(text.json.firstParts.first?["functionCall"] == nil)

            var any = textRequest("what now?")
            any["tools"] = tools
            any["toolConfig"] = ["functionCallingConfig": ["mode": "ANY", "allowedFunctionNames": ["get_time"]]]
            let forced = try await harness.aiStudio("gemini-2.5-flash", "generateContent", any)
            let forcedCall = try #require(forced.json.firstParts.first?["functionCall"] as? [String: Any])
            #expect(forcedCall["name"] as? String == "get_time")
            #expect((forcedCall["args"] as? [String: Any])?["zone"] as? String == "UTC")

            var unmentioned = textRequest("hello there")
            unmentioned["tools"] = tools
            let plain = try await harness.aiStudio("gemini-2.5-flash", "generateContent", unmentioned)
            #expect(plain.json.firstText.hasPrefix("Echo: hello there"))
        }
    }

    @Test("JSON output conforms to responseSchema and responseJsonSchema")
    func structuredOutput() async throws {
        try await Harness.with { harness in
            let schema: [String: Any] = [
                "type": "OBJECT",
                "properties": [
                    "name": ["type": "STRING"],
                    "age": ["type": "INTEGER", "minimum": 18],
                    "tags": ["type": "ARRAY", "items": ["type": "STRING"], "minItems": 2],
                    "kind": ["type": "STRING", "enum": ["cat", "dog"]],
                ],
                "propertyOrdering": ["name", "age", "tags", "kind"],
            ]
            let reply = try await harness.aiStudio(
                "gemini-2.5-flash",
                "generateContent",
                textRequest("describe a pet", generationConfig: ["responseMimeType": "application/json", "responseSchema": schema])
            )
            let object = try JSONSerialization.jsonObject(with: Data(reply.json.firstText.utf8)) as? [String: Any] ?? [:]
            #expect(object["name"] is String)
            #expect((object["age"] as? Int ?? 0) >= 18)
            #expect((object["tags"] as? [String])?.count == 2)
            #expect(object["kind"] as? String == "cat")

            let jsonSchema: [String: Any] = [
                "type": "object",
                "properties": ["items": ["type": "array", "items": ["$ref": "#/$defs/item"]]],
                "$defs": ["item": ["type": "object", "properties": ["price": ["type": "number", "exclusiveMinimum": 10]]]],
            ]
            let second = try await harness.aiStudio(
                "gemini-2.5-flash",
                "generateContent",
                textRequest("list", generationConfig: ["responseMimeType": "application/json", "responseJsonSchema": jsonSchema])
            )
            let value = try JSONSerialization.jsonObject(with: Data(second.json.firstText.utf8)) as? [String: Any] ?? [:]
            let items = value["items"] as? [[String: Any]] ?? []
            #expect(!items.isEmpty)
            #expect(items.allSatisfy { ($0["price"] as? Double ?? 0) > 10 })
        }
    }
}
