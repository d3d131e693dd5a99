import Foundation
import SwitchyardCore
import Testing

@Suite("Tolerant decoding")
struct TolerantDecodingTests {
    @Test(
        "snake_case names become lowerCamel",
        arguments: [
            ("inline_data", "inlineData"), ("mime_type", "mimeType"), ("inlineData", "inlineData"), ("@type", "@type"),
            ("response_json_schema", "responseJsonSchema"), ("_private", "_private"), ("a_1", "a1"), ("trailing_", "trailing_"),
        ]
    )
    func lowerCamel(input: String, expected: String) {
        #expect(WireName.lowerCamel(input) == expected)
    }

    @Test("Unknown fields are kept at several levels, names camelCased, values verbatim")
    func unknownFieldsAtSeveralLevels() throws {
        let json = #"""
            {"candidates":[{"content":{"role":"model","parts":[{"text":"hi","part_extra":{"keep_me":1},
            "inlineData":{"mimeType":"image/png","data":"AAAA","blob_extra":"x"}}]},"candidate_extra":[true],"finishReason":"STOP"}],
            "response_extra":{"deep_key":{"deeper_key":null}}}
            """#
        let response = try JSONDecoder().decode(GenerateContentResponse.self, from: Data(json.utf8))
        let candidate = try #require(response.candidates?.first)
        let part = try #require(candidate.content?.parts?.first)
        #expect(part.unknownFields["partExtra"] == ["keep_me": 1])
        #expect(part.inlineData?.unknownFields["blobExtra"] == "x")
        #expect(candidate.unknownFields["candidateExtra"] == [true])
        #expect(response.unknownFields["responseExtra"] == ["deep_key": ["deeper_key": nil]])

        let reencoded = try JSONText.canonical(JSONText.encode(response))
        let candidateJSON = try #require(reencoded["candidates"]?.arrayValue?.first)
        #expect(candidateJSON["candidateExtra"] == [true])
        #expect(candidateJSON["content"]?["parts"]?.arrayValue?.first?["partExtra"] == ["keep_me": 1])
        #expect(candidateJSON["content"]?["parts"]?.arrayValue?.first?["inlineData"]?["blobExtra"] == "x")
        #expect(reencoded["responseExtra"] == ["deep_key": ["deeper_key": nil]])
        #expect(reencoded["response_extra"] == nil)
    }

    @Test("Open enums keep values they do not know")
    func openEnums() throws {
        let json =
            #"{"candidates":[{"finishReason":"BRAND_NEW_REASON","safetyRatings":[{"category":"HARM_CATEGORY_FUTURE","probability":"VERY_HIGH"}]}],"promptFeedback":{"blockReason":"NEW_BLOCK"}}"#
        let response = try JSONDecoder().decode(GenerateContentResponse.self, from: Data(json.utf8))
        let candidate = try #require(response.candidates?.first)
        #expect(candidate.finishReason?.rawValue == "BRAND_NEW_REASON")
        #expect(candidate.finishReason != .stop)
        #expect(candidate.safetyRatings?.first?.category == HarmCategory(rawValue: "HARM_CATEGORY_FUTURE"))
        #expect(response.promptFeedback?.blockReason?.rawValue == "NEW_BLOCK")
        let reencoded = try JSONText.canonical(JSONText.encode(response))
        #expect(reencoded == (try JSONText.canonical(Data(json.utf8))))
    }

    @Test("Encoding omits unset fields and writes lowerCamel names")
    func encodingIsCamelCase() throws {
        var request = GenerateContentRequest()
        request.contents = [Content(role: .user, parts: [Part(text: "hello")])]
        var config = GenerationConfig()
        config.maxOutputTokens = 10
        request.generationConfig = config
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(request), as: UTF8.self)
        #expect(text == #"{"contents":[{"parts":[{"text":"hello"}],"role":"user"}],"generationConfig":{"maxOutputTokens":10}}"#)
    }

    @Test("Invalid base64 is an error naming the field path as the client spelled it")
    func invalidBase64Path() throws {
        let json = #"{"contents":[{"parts":[{"text":"a"},{"inline_data":{"mime_type":"image/png","data":"AAA!"}}]}]}"#
        let message = decodingMessage(GenerateContentRequest.self, json)
        #expect(message == "contents[0].parts[1].inline_data.data: invalid base64 character '!'")
    }

    @Test("Wrong JSON types are errors naming the field and both types")
    func typeMismatchPath() throws {
        let temperature = decodingMessage(GenerateContentRequest.self, #"{"generationConfig":{"temperature":"hot"}}"#)
        #expect(temperature == "generationConfig.temperature: expected a number, got string")
        let parts = decodingMessage(GenerateContentRequest.self, #"{"contents":[{"parts":{"text":"x"}}]}"#)
        #expect(parts == "contents[0].parts: expected an array, got object")
        let count = decodingMessage(GenerateContentRequest.self, #"{"generation_config":{"candidate_count":true}}"#)
        #expect(count == "generation_config.candidate_count: expected an integer, got boolean")
        let syntax = decodingMessage(GenerateContentRequest.self, #"{"contents": ["#)
        #expect(syntax.hasPrefix("invalid JSON"))
    }

    @Test("SwitchyardError(decoding:) is invalidArgument with the field message")
    func decodingErrorToSwitchyardError() {
        do {
            _ = try JSONDecoder().decode(GenerateContentRequest.self, from: Data(#"{"generationConfig":{"topK":[]}}"#.utf8))
            Issue.record("decoding should fail")
        } catch {
            let converted = SwitchyardError(decoding: error)
            #expect(converted.code == .invalidArgument)
            #expect(converted.message == "generationConfig.topK: expected a number, got array")
            #expect(converted.googleErrorBody.error.status == "INVALID_ARGUMENT")
        }
    }

    @Test("decode(json:) throws SwitchyardError; jsonData() leaves slashes unescaped")
    func jsonHelpers() throws {
        #expect(throws: SwitchyardError(.invalidArgument, "contents[0].parts[0].inlineData.data: invalid base64 character '*'")) {
            _ = try GenerateContentRequest.decode(json: Data(#"{"contents":[{"parts":[{"inlineData":{"data":"ab*d"}}]}]}"#.utf8))
        }
        let request = try GenerateContentRequest.decode(json: Data(#"{"contents":[{"parts":[{"inlineData":{"data":"__8_"}}]}]}"#.utf8))
        let text = String(decoding: try request.jsonData(), as: UTF8.self)
        #expect(text == #"{"contents":[{"parts":[{"inlineData":{"data":"//8/"}}]}]}"#)
    }

    private func decodingMessage<T: Decodable>(_ type: T.Type, _ json: String) -> String {
        do {
            _ = try JSONDecoder().decode(type, from: Data(json.utf8))
            return "decoded without error"
        } catch let error as DecodingError {
            return error.fieldMessage
        } catch {
            return "unexpected error \(error)"
        }
    }
}
