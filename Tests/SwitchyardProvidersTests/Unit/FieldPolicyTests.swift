import Foundation
import SwitchyardCore
import Testing

@testable import SwitchyardProviders

@Suite("Field policy tables and enforcement")
struct FieldPolicyTests {
    private func paths(_ json: String, for backend: GoogleBackend) throws -> [String] {
        var body = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        return FieldScanner.scan(&body, rules: BackendFieldRules.generateContent(for: backend), remove: false).map(\.path)
    }

    @Test("Vertex-only fields are found for AI Studio, nested ones with indexes, snake_case inside free-form objects too")
    func vertexOnly() throws {
        let json = """
            {"contents":[{"role":"user","parts":[{"text":"hi"}]},{"role":"model","parts":[{"functionCall":{"name":"f","partialArgs":[]}}]}],
             "safetySettings":[{"category":"HARM_CATEGORY_HATE_SPEECH","threshold":"BLOCK_NONE"},{"category":"HARM_CATEGORY_HARASSMENT","threshold":"OFF","method":"SEVERITY"}],
             "tools":[{"googleSearch":{"exclude_domains":["a.com"]}},{"retrieval":{}}],
             "toolConfig":{"functionCallingConfig":{"mode":"AUTO","streamFunctionCallArguments":true}},
             "generationConfig":{"routingConfig":{},"audioTimestamp":true,"imageConfig":{"aspectRatio":"1:1","personGeneration":"ALLOW_ALL","imageOutputOptions":{"mimeType":"image/jpeg"}},
               "responseSchema":{"type":"OBJECT","properties":{"a":{"type":"OBJECT","additionalProperties":false}}}},
             "modelArmorConfig":{},"outputConfig":{}}
            """
        let found = try paths(json, for: .aiStudio)
        for expected in [
            "contents[1].parts[0].functionCall.partialArgs", "safetySettings[1].method", "tools[0].googleSearch.excludeDomains",
            "tools[1].retrieval", "toolConfig.functionCallingConfig.streamFunctionCallArguments", "generationConfig.routingConfig",
            "generationConfig.audioTimestamp", "generationConfig.imageConfig.personGeneration", "generationConfig.imageConfig.imageOutputOptions",
            "generationConfig.responseSchema.properties.a.additionalProperties", "modelArmorConfig", "outputConfig",
        ] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
        #expect(!found.contains("safetySettings[0].method"))
        #expect(try self.paths(json, for: .vertexAI).isEmpty)
    }

    @Test("AI-Studio-only fields are found for Vertex AI")
    func aiStudioOnly() throws {
        let json = """
            {"contents":[{"parts":[{"text":"x","partMetadata":{}},{"toolCall":{}},{"functionResponse":{"name":"f","response":{},"willContinue":true,"scheduling":"SILENT"}}]}],
             "systemInstruction":{"parts":[{"toolResponse":{}}]},
             "store":true,"tools":[{"fileSearch":{}}],"toolConfig":{"includeServerSideToolInvocations":true},
             "generationConfig":{"enableEnhancedCivicAnswers":true}}
            """
        #expect(
            try Set(paths(json, for: .vertexAI)) == [
                "contents[0].parts[0].partMetadata", "contents[0].parts[1].toolCall", "contents[0].parts[2].functionResponse.scheduling",
                "contents[0].parts[2].functionResponse.willContinue", "generationConfig.enableEnhancedCivicAnswers", "store",
                "systemInstruction.parts[0].toolResponse", "tools[0].fileSearch", "toolConfig.includeServerSideToolInvocations",
            ]
        )
        #expect(try paths(json, for: .aiStudio).isEmpty)
    }

    @Test("refuse names field and provider; drop removes only the offending members and warns")
    func enforce() throws {
        let body = Data(
            #"{"store":true,"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"temperature":0.5,"enableEnhancedCivicAnswers":true}}"#.utf8
        )
        let rules = BackendFieldRules.generateContent(for: .vertexAI)
        let refusing = FieldPolicyEnforcer(providerName: "vertex-eu", backend: .vertexAI, dropUnsupported: false)
        do {
            _ = try refusing.enforce(body, rules: rules, model: "gemini-2.5-flash")
            Issue.record("must refuse")
        } catch {
            #expect(error.code == .unsupportedField)
            #expect(error.code.httpStatus == 400)
            #expect(error.code.googleStatus == GoogleStatus.invalidArgument)
            #expect(error.message.hasPrefix("store is not supported by Vertex AI (provider \"vertex-eu\")"))
            #expect(error.message.contains("generationConfig.enableEnhancedCivicAnswers"))
            #expect(error.provider == "vertex-eu")
            #expect(error.details.first?["@type"]?.stringValue == "type.googleapis.com/google.rpc.BadRequest")
        }
        let dropping = FieldPolicyEnforcer(providerName: "vertex-eu", backend: .vertexAI, dropUnsupported: true)
        let result = try dropping.enforce(body, rules: rules, model: "gemini-2.5-flash")
        #expect(result.warnings.count == 2)
        #expect(result.warnings[0].hasPrefix("dropped field store: not accepted by vertex-ai"))
        let sent = try JSONDecoder().decode(JSONValue.self, from: result.body)
        #expect(sent["store"] == nil)
        #expect(sent["generationConfig"]?["enableEnhancedCivicAnswers"] == nil)
        #expect(sent["generationConfig"]?["temperature"] == .double(0.5))
        #expect(sent["contents"] != nil)
    }

    @Test("a body with nothing unsupported is sent byte for byte")
    func untouched() throws {
        let body = Data(#"{"contents":[{"parts":[{"text":"x"}]}],"futureField":{"a":1}}"#.utf8)
        let enforcer = FieldPolicyEnforcer(providerName: "studio", backend: .aiStudio, dropUnsupported: false)
        let result = try enforcer.enforce(body, rules: BackendFieldRules.generateContent(for: .aiStudio), model: "m")
        #expect(result.body == body)
        #expect(result.warnings.isEmpty)
    }
}
