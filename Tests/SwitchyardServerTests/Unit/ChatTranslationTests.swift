import Foundation
import Switchyard
import Testing

@testable import SwitchyardServer

@Suite("OpenAI chat ↔ GenerateContent translation")
struct ChatTranslationTests {
    private func chat(_ json: String) throws -> ChatCompletionRequest {
        try JSONDecoder().decode(ChatCompletionRequest.self, from: Data(json.utf8))
    }

    @Test("system, user and assistant turns map to systemInstruction and user/model contents")
    func roles() throws {
        let request = try ChatRequestTranslation.generateContentRequest(
            from: chat(
                """
                {"model":"chat","messages":[
                  {"role":"system","content":"Be brief."},
                  {"role":"user","content":"Hi"},
                  {"role":"assistant","content":"Hello"},
                  {"role":"developer","content":[{"type":"text","text":"No emoji."}]},
                  {"role":"user","content":[{"type":"text","text":"Again"}]}
                ],"temperature":0.2,"top_p":0.9,"max_tokens":10,"max_completion_tokens":20,"stop":"END","seed":7,"n":2}
                """
            )
        )
        #expect(request.systemInstruction?.parts?.compactMap(\.text) == ["Be brief.", "No emoji."])
        #expect(request.contents?.map { $0.role?.rawValue } == ["user", "model", "user"])
        #expect(request.contents?[1].parts?.first?.text == "Hello")
        let config = try #require(request.generationConfig)
        #expect(config.temperature == 0.2)
        #expect(config.topP == 0.9)
        #expect(config.maxOutputTokens == 20)
        #expect(config.stopSequences == ["END"])
        #expect(config.seed == 7)
        #expect(config.candidateCount == 2)
    }

    @Test("a data URL becomes inlineData without decoding; an https URL becomes fileData")
    func images() throws {
        let request = try ChatRequestTranslation.generateContentRequest(
            from: chat(
                """
                {"model":"chat","messages":[{"role":"user","content":[
                  {"type":"text","text":"What is this?"},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},
                  {"type":"image_url","image_url":{"url":"https://example.com/cat.webp?size=2"}}
                ]}]}
                """
            )
        )
        let parts = try #require(request.contents?.first?.parts)
        #expect(parts.count == 3)
        #expect(parts[1].inlineData?.mimeType == "image/png")
        #expect(parts[1].inlineData?.data?.wireText == "iVBORw0KGgo=")
        #expect(parts[2].fileData?.fileUri == "https://example.com/cat.webp?size=2")
        #expect(parts[2].fileData?.mimeType == "image/webp")
    }

    @Test("invalid base64 in a data URL names the field")
    func invalidBase64() throws {
        let input = try chat(
            #"{"model":"chat","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,ab!c"}}]}]}"#
        )
        #expect {
            try ChatRequestTranslation.generateContentRequest(from: input)
        } throws: { error in
            guard let error = error as? ServerError else { return false }
            return error.httpStatus == 400 && error.message.hasPrefix("messages[0].content[0].image_url.url: invalid base64 character '!'")
                && error.parameter == "messages[0].content[0].image_url.url"
        }
    }

    @Test("tools, tool_choice, tool calls and tool results")
    func tools() throws {
        let request = try ChatRequestTranslation.generateContentRequest(
            from: chat(
                """
                {"model":"chat","tools":[{"type":"function","function":{"name":"get_weather","description":"Weather",
                  "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
                 "tool_choice":{"type":"function","function":{"name":"get_weather"}},
                 "messages":[
                  {"role":"user","content":"Weather in Paris?"},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                    "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"{\\"temp\\":21}"}
                ]}
                """
            )
        )
        let declaration = try #require(request.tools?.first?.functionDeclarations?.first)
        #expect(declaration.name == "get_weather")
        #expect(declaration.parametersJsonSchema?["required"] == ["city"])
        #expect(request.toolConfig?.functionCallingConfig?.mode == .any)
        #expect(request.toolConfig?.functionCallingConfig?.allowedFunctionNames == ["get_weather"])
        let contents = try #require(request.contents)
        #expect(contents.count == 3)
        #expect(contents[1].role == .model)
        #expect(contents[1].parts?.first?.functionCall?.args == ["city": "Paris"])
        #expect(contents[2].role == .user)
        #expect(contents[2].parts?.first?.functionResponse?.name == "get_weather")
        #expect(contents[2].parts?.first?.functionResponse?.response == ["temp": 21])
    }

    @Test("tool_choice strings map to AUTO, NONE and ANY")
    func toolChoiceModes() throws {
        for (choice, mode) in [("auto", "AUTO"), ("none", "NONE"), ("required", "ANY")] {
            let request = try ChatRequestTranslation.generateContentRequest(
                from: chat(
                    """
                    {"model":"chat","tool_choice":"\(choice)","tools":[{"type":"function","function":{"name":"f"}}],
                     "messages":[{"role":"user","content":"x"}]}
                    """
                )
            )
            #expect(request.toolConfig?.functionCallingConfig?.mode?.rawValue == mode)
        }
    }

    @Test("response_format json_schema sets the MIME type and the JSON schema; json_object only the MIME type")
    func responseFormat() throws {
        let schema = try ChatRequestTranslation.generateContentRequest(
            from: chat(
                """
                {"model":"chat","messages":[{"role":"user","content":"x"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"r","schema":{"type":"object"}}}}
                """
            )
        )
        #expect(schema.generationConfig?.responseMimeType == "application/json")
        #expect(schema.generationConfig?.responseJsonSchema == ["type": "object"])
        let object = try ChatRequestTranslation.generateContentRequest(
            from: chat(#"{"model":"chat","messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_object"}}"#)
        )
        #expect(object.generationConfig?.responseMimeType == "application/json")
        #expect(object.generationConfig?.responseJsonSchema == nil)
    }

    @Test("modalities text+image ask for TEXT and IMAGE output")
    func modalities() throws {
        let request = try ChatRequestTranslation.generateContentRequest(
            from: chat(#"{"model":"image","modalities":["text","image"],"messages":[{"role":"user","content":"a cat"}]}"#)
        )
        #expect(request.generationConfig?.responseModalities == [.text, .image])
    }

    @Test("wrong types name the field path")
    func wrongTypes() {
        #expect {
            _ = try JSONDecoder().decode(ChatCompletionRequest.self, from: Data(#"{"model":"chat","messages":[{"role":"user","content":5}]}"#.utf8))
        } throws: { error in
            (error as? DecodingError)?.fieldMessage.hasPrefix("messages[0].content") == true
        }
        #expect {
            _ = try JSONDecoder().decode(ChatCompletionRequest.self, from: Data(#"{"model":"chat","messages":[],"temperature":"hot"}"#.utf8))
        } throws: { error in
            (error as? DecodingError)?.fieldMessage == "temperature: expected a number, got string"
        }
    }

    @Test("a tool message answering no known call is refused")
    func orphanToolMessage() throws {
        let input = try chat(#"{"model":"chat","messages":[{"role":"user","content":"x"},{"role":"tool","tool_call_id":"nope","content":"1"}]}"#)
        #expect(throws: ServerError.self) { try ChatRequestTranslation.generateContentRequest(from: input) }
    }

    @Test("answers: text, tool calls, images, usage and finish reasons")
    func answer() throws {
        let response = try JSONDecoder().decode(
            GenerateContentResponse.self,
            from: Data(
                """
                {"candidates":[{"index":0,"finishReason":"STOP","content":{"role":"model","parts":[
                  {"text":"thinking","thought":true},{"text":"Here "},{"text":"it is"},
                  {"inlineData":{"mimeType":"image/png","data":"iVBORw0KGgo="}},
                  {"functionCall":{"name":"f","args":{"a":1}}}]}}],
                 "usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":5,"totalTokenCount":8}}
                """.utf8
            )
        )
        let completion = ChatResponseTranslation(requestID: "r1", model: "chat", created: Date(timeIntervalSince1970: 100)).completion(from: response)
        let json = try ServerJSON.encode(completion)
        #expect(
            JSONComparison.same(
                json,
                #"{"id":"chatcmpl-r1","object":"chat.completion","created":100,"model":"chat","choices":[{"index":0,"message":{"role":"assistant","content":"Here it is","tool_calls":[{"id":"call_0","type":"function","function":{"name":"f","arguments":"{\"a\":1}"}}],"images":[{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":3,"completion_tokens":5,"total_tokens":8}}"#
            )
        )
    }

    @Test("finish reasons")
    func finishReasons() {
        var candidate = Candidate()
        for (reason, expected) in [("STOP", "stop"), ("MAX_TOKENS", "length"), ("SAFETY", "content_filter"), ("IMAGE_SAFETY", "content_filter")] {
            candidate.finishReason = FinishReason(rawValue: reason)
            #expect(ChatResponseTranslation.finishReason(candidate, hasToolCalls: false) == expected)
        }
        candidate.finishReason = nil
        #expect(ChatResponseTranslation.finishReason(candidate, hasToolCalls: false) == nil)
    }
}
