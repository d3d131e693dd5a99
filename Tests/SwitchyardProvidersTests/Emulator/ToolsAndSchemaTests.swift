import Foundation
import GoogleEmulator
import SwitchyardConfig
import SwitchyardCore
import SwitchyardProviders
import Testing

@Suite("Function calling and JSON-schema output on both providers", .timeLimit(.minutes(1)))
struct ToolsAndSchemaTests {
    static let model = "gemini-2.5-flash"

    private func weatherRequest(_ prompt: String, mode: FunctionCallingMode?, allowed: [String]? = nil) throws -> GenerateContentRequest {
        var request = try Requests.json(
            """
            {"contents":[{"role":"user","parts":[{"text":"\(prompt)"}]}],
             "tools":[{"functionDeclarations":[
               {"name":"get_weather","description":"Weather for a city","parameters":{"type":"OBJECT","properties":{"city":{"type":"STRING"}},"required":["city"]}},
               {"name":"get_time","description":"Time in a zone","parameters":{"type":"OBJECT","properties":{"zone":{"type":"STRING"},"twentyFourHour":{"type":"BOOLEAN"}},"required":["zone","twentyFourHour"]}}
             ]}]}
            """
        )
        if let mode {
            var calling = FunctionCallingConfig()
            calling.mode = mode
            calling.allowedFunctionNames = allowed
            var toolConfig = ToolConfig()
            toolConfig.functionCallingConfig = calling
            request.toolConfig = toolConfig
        }
        return request
    }

    @Test("AUTO calls the function the prompt asks for; the function response comes back as text", arguments: Backend.allCases)
    func auto(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            var request = try weatherRequest("Please get weather for Paris", mode: .auto)
            let reply = try await harness.provider.generateContent(request, model: Self.model, context: testContext)
            let call = try #require(reply.value.firstParts.first?.functionCall)
            #expect(call.name == "get_weather")
            #expect(call.args?["city"]?.stringValue != nil)

            request.contents?.append(try #require(reply.value.candidates?.first?.content))
            var response = FunctionResponse()
            response.name = "get_weather"
            response.response = ["temperature": 21, "sky": "clear"]
            var part = Part()
            part.functionResponse = response
            request.contents?.append(Content(role: .user, parts: [part]))
            let answer = try await harness.provider.generateContent(request, model: Self.model, context: testContext)
            #expect(answer.value.firstText.contains("get_weather returned"))
            #expect(answer.value.firstText.contains("\"temperature\":21"))
        }
    }

    @Test("ANY with allowed names calls only an allowed function", arguments: Backend.allCases)
    func anyWithAllowedNames(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            let request = try weatherRequest("Please get weather for Paris", mode: .any, allowed: ["get_time"])
            let reply = try await harness.provider.generateContent(request, model: Self.model, context: testContext)
            let calls = reply.value.firstParts.compactMap(\.functionCall)
            #expect(calls.map(\.name) == ["get_time"])
            #expect(calls.first?.args?["twentyFourHour"]?.boolValue != nil, "arguments follow the declared schema")
            let sent = try await harness.lastRequestBody()
            #expect(sent["toolConfig"]?["functionCallingConfig"]?["allowedFunctionNames"] == ["get_time"])
        }
    }

    @Test("NONE never calls, even when the prompt names the function", arguments: Backend.allCases)
    func none(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            let request = try weatherRequest("Please get weather for Paris", mode: .noCalls)
            let reply = try await harness.provider.generateContent(request, model: Self.model, context: testContext)
            #expect(reply.value.firstParts.allSatisfy { $0.functionCall == nil })
            #expect(reply.value.firstText.hasPrefix("Echo: Please get weather for Paris"))
        }
    }

    @Test("JSON-schema output decodes and conforms to the schema (responseSchema and responseJsonSchema)", arguments: Backend.allCases)
    func jsonSchema(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            for field in ["responseSchema", "responseJsonSchema"] {
                let schema =
                    field == "responseSchema"
                    ? #"{"type":"OBJECT","properties":{"title":{"type":"STRING"},"servings":{"type":"INTEGER"},"vegan":{"type":"BOOLEAN"},"steps":{"type":"ARRAY","items":{"type":"STRING"}}},"required":["title","servings","vegan","steps"]}"#
                    : #"{"type":"object","properties":{"title":{"type":"string"},"servings":{"type":"integer"},"vegan":{"type":"boolean"},"steps":{"type":"array","items":{"type":"string"}}},"required":["title","servings","vegan","steps"]}"#
                let request = try Requests.json(
                    #"{"contents":[{"parts":[{"text":"A pancake recipe"}]}],"generationConfig":{"responseMimeType":"application/json","\#(field)":\#(schema)}}"#
                )
                let reply = try await harness.provider.generateContent(request, model: Self.model, context: testContext)
                struct Recipe: Decodable {
                    let title: String
                    let servings: Int
                    let vegan: Bool
                    let steps: [String]
                }
                let recipe = try JSONDecoder().decode(Recipe.self, from: Data(reply.value.firstText.utf8))
                #expect(!recipe.title.isEmpty, "\(field)")
                #expect(recipe.servings >= 0)
            }
        }
    }
}
