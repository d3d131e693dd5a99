import Foundation
import SwitchyardHTTP
import Testing

@testable import GoogleEmulator

@Suite("Field validation like Google's JSON parser", .timeLimit(.minutes(1)))
struct FieldValidationTests {
    @Test("a Vertex-only field is an unknown name on AI Studio")
    func vertexFieldOnAIStudio() async throws {
        try await Harness.with { harness in
            let reply = try await harness.aiStudio(
                "gemini-2.0-flash",
                "generateContent",
                textRequest("hi", generationConfig: ["routingConfig": ["autoMode": [:]]])
            )
            #expect(reply.status == 400)
            #expect(reply.error["status"] as? String == "INVALID_ARGUMENT")
            #expect(reply.errorMessage == "Invalid JSON payload received. Unknown name \"routingConfig\" at 'generation_config': Cannot find field.")
            let badRequest = try #require(reply.detail("BadRequest"))
            let violations = badRequest["fieldViolations"] as? [[String: Any]] ?? []
            #expect(violations.first?["field"] as? String == "generation_config")

            let method = try await harness.aiStudio(
                "gemini-2.0-flash",
                "generateContent",
                [
                    "contents": [["parts": [["text": "hi"]]]],
                    "safetySettings": [["category": "HARM_CATEGORY_HARASSMENT", "threshold": "BLOCK_NONE", "method": "SEVERITY"]],
                ]
            )
            #expect(method.errorMessage == "Invalid JSON payload received. Unknown name \"method\" at 'safety_settings[0]': Cannot find field.")
        }
    }

    @Test("an AI-Studio-only field is an unknown name on Vertex")
    func aiStudioFieldOnVertex() async throws {
        try await Harness.with { harness in
            let token = await harness.emulator.mintAccessToken()
            var request = textRequest("hi")
            request["store"] = true
            let reply = try await harness.vertex("gemini-2.0-flash", "generateContent", request, token: token)
            #expect(reply.status == 400)
            #expect(reply.errorMessage == "Invalid JSON payload received. Unknown name \"store\": Cannot find field.")

            let civic = try await harness.vertex(
                "gemini-2.0-flash",
                "generateContent",
                textRequest("hi", generationConfig: ["enableEnhancedCivicAnswers": true]),
                token: token
            )
            #expect(civic.errorMessage.contains("Unknown name \"enableEnhancedCivicAnswers\" at 'generation_config'"))

            let routed = try await harness.vertex(
                "gemini-2.0-flash",
                "generateContent",
                textRequest("hi", generationConfig: ["routingConfig": ["autoMode": [:]], "audioTimestamp": false]),
                token: token
            )
            #expect(routed.status == 200)
        }
    }

    @Test("snake_case and lowerCamel are both accepted; an unknown nested field is named with its path")
    func spellings() async throws {
        try await Harness.with { harness in
            let snake = try await harness.aiStudio(
                "gemini-2.0-flash",
                "generateContent",
                [
                    "contents": [["role": "user", "parts": [["text": "hi"], ["inline_data": ["mime_type": "image/png", "data": "__79Pj4_"]]]]],
                    "generation_config": ["max_output_tokens": 50, "response_mime_type": "text/plain"],
                    "system_instruction": ["parts": [["text": "be brief"]]],
                ]
            )
            #expect(snake.status == 200)

            let unknown = try await harness.aiStudio(
                "gemini-2.0-flash",
                "generateContent",
                ["contents": [["role": "user", "parts": [["text": "hi", "colour": "red"]]]]]
            )
            #expect(unknown.errorMessage == "Invalid JSON payload received. Unknown name \"colour\" at 'contents[0].parts[0]': Cannot find field.")
        }
    }

    @Test("wrong JSON types, bad enums, invalid base64 and broken JSON are 400")
    func types() async throws {
        try await Harness.with { harness in
            let temperature = try await harness.aiStudio(
                "gemini-2.0-flash",
                "generateContent",
                textRequest("hi", generationConfig: ["temperature": "hot"])
            )
            #expect(temperature.errorMessage == "Invalid value at 'generation_config.temperature' (TYPE_FLOAT), \"hot\"")

            let text = try await harness.aiStudio("gemini-2.0-flash", "generateContent", ["contents": [["parts": [["text": 5]]]]])
            #expect(text.errorMessage == "Invalid value at 'contents[0].parts[0].text' (TYPE_STRING), 5")

            let modality = try await harness.aiStudio(
                "gemini-2.0-flash",
                "generateContent",
                textRequest("hi", generationConfig: ["responseModalities": ["PICTURES"]])
            )
            #expect(
                modality.errorMessage
                    == "Invalid value at 'generation_config.response_modalities[0]' (type.googleapis.com/google.ai.generativelanguage.v1beta.GenerationConfig.Modality), \"PICTURES\""
            )

            let base64 = try await harness.aiStudio(
                "gemini-2.0-flash",
                "generateContent",
                ["contents": [["parts": [["inlineData": ["mimeType": "image/png", "data": "not base64!"]]]]]]
            )
            #expect(
                base64.errorMessage
                    == "Invalid value at 'contents[0].parts[0].inline_data.data' (TYPE_BYTES), Base64 decoding failed for \"not base64!\""
            )

            let broken = try await harness.send(
                .post,
                "/v1beta/models/gemini-2.0-flash:generateContent",
                headers: ["x-goog-api-key": Harness.apiKey],
                body: Data("{\"contents\": [".utf8)
            )
            #expect(broken.status == 400)
            #expect(broken.errorMessage.hasPrefix("Invalid JSON payload received."))
        }
    }

    @Test("AI Studio countTokens takes only contents; Vertex countTokens takes systemInstruction, tools, generationConfig")
    func countTokensFields() async throws {
        try await Harness.with { harness in
            let body: [String: Any] = [
                "contents": [["role": "user", "parts": [["text": "count me"]]]],
                "systemInstruction": ["parts": [["text": "system words here"]]],
            ]
            let aiStudio = try await harness.aiStudio("gemini-2.0-flash", "countTokens", body)
            #expect(aiStudio.status == 400)
            #expect(
                aiStudio.errorMessage
                    == "Invalid JSON payload received. Unknown name \"systemInstruction\" at 'systemInstruction': Cannot find field."
            )

            let token = await harness.emulator.mintAccessToken()
            let vertex = try await harness.vertex("gemini-2.0-flash", "countTokens", body, token: token)
            #expect(vertex.status == 200)
            var generate = body
            generate["generationConfig"] = ["temperature": 0.2]
            let generated = try await harness.vertex("gemini-2.0-flash", "generateContent", generate, token: token)
            #expect(vertex.json["totalTokens"] as? Int == generated.json.usage["promptTokenCount"] as? Int)
        }
    }

    @Test("responseSchema with additionalProperties is refused on AI Studio and accepted on Vertex; free-form fields are not checked")
    func schemaFields() async throws {
        try await Harness.with { harness in
            let schema: [String: Any] = ["type": "OBJECT", "properties": ["a": ["type": "STRING"]], "additionalProperties": false]
            let config: [String: Any] = ["responseMimeType": "application/json", "responseSchema": schema]
            let aiStudio = try await harness.aiStudio("gemini-2.5-flash", "generateContent", textRequest("json", generationConfig: config))
            #expect(aiStudio.status == 400)
            #expect(aiStudio.errorMessage.contains("Unknown name \"additionalProperties\" at 'generation_config.response_schema'"))

            let token = await harness.emulator.mintAccessToken()
            let vertex = try await harness.vertex("gemini-2.5-flash", "generateContent", textRequest("json", generationConfig: config), token: token)
            #expect(vertex.status == 200)

            let freeForm: [String: Any] = [
                "contents": [
                    ["role": "user", "parts": [["text": "call"]]],
                    ["role": "model", "parts": [["functionCall": ["name": "f", "args": ["anything": ["goes": [1, 2]]]]]]],
                    ["role": "user", "parts": [["functionResponse": ["name": "f", "response": ["whatever": true, "x-y": "z"]]]]],
                ],
                "generationConfig": ["responseMimeType": "application/json", "responseJsonSchema": ["type": "object", "x-extension": 1]],
            ]
            let accepted = try await harness.aiStudio("gemini-2.5-flash", "generateContent", freeForm)
            #expect(accepted.status == 200)
        }
    }

    @Test("an unknown query parameter cannot be bound")
    func queryParameters() async throws {
        try await Harness.with { harness in
            let reply = try await harness.aiStudio("gemini-2.0-flash", "generateContent", textRequest("hi"), query: "?alt=json&temperature=1")
            #expect(reply.status == 400)
            #expect(
                reply.errorMessage
                    == "Invalid JSON payload received. Unknown name \"temperature\": Cannot bind query parameter. Field 'temperature' could not be found in request message."
            )
        }
    }
}
