import Foundation
import SwitchyardCore
import Testing

@testable import SwitchyardProviders

@Suite("Field rule sets: the merged walk finds a match exactly when a rule does")
struct FieldRuleSetTests {
    static let bodies: [String] = [
        #"{"contents":[{"role":"user","parts":[{"text":"hi"}]}]}"#,
        #"{"contents":[{"parts":[{"text":"a"},{"functionCall":{"name":"f","willContinue":true}}]}]}"#,
        #"{"contents":[{"parts":[{"text":"a"}]}],"generation_config":{"audio_timestamp":true}}"#,
        #"{"safetySettings":[{"category":"X","threshold":"Y"},{"category":"X","method":"SEVERITY"}]}"#,
        #"{"tools":[{"functionDeclarations":[{"name":"f","parameters":{"type":"object","properties":{"a":{"anyOf":[{"type":"object","additionalProperties":false}]}}}}]}]}"#,
        #"{"tools":[{"functionDeclarations":[{"name":"f","parameters":{"type":"object","properties":{"a":{"type":"string"}}}}]}]}"#,
        #"{"store":true}"#,
        #"{"generateContentRequest":{"tools":[{"googleSearch":{"excludeDomains":["a.example"]}}]}}"#,
        #"{"generateContentRequest":{"tools":[{"googleSearch":{}}]}}"#,
        #"{"generationConfig":{"responseSchema":{"type":"object","additionalProperties":true}}}"#,
        #"{"generationConfig":{"responseSchema":{"type":"array","items":{"type":"string"}}}}"#,
        #"{"systemInstruction":{"parts":[{"partMetadata":{}}]}}"#,
        #"{"contents":"not an array","tools":{"not":"an array"}}"#,
    ]

    @Test(
        "anyMatch agrees with the rule-by-rule scan",
        arguments: bodies,
        [GoogleBackend.aiStudio, .vertexAI]
    )
    func agrees(_ json: String, _ backend: GoogleBackend) throws {
        let body = try JSONReader().read(Data(json.utf8))
        for rules in [BackendFieldRules.generateContent(for: backend), BackendFieldRules.countTokens(for: backend)] {
            var copy = body
            let ruleByRule = FieldScanner.scan(&copy, rules: rules.rules, remove: false)
            #expect(rules.anyMatch(in: body) == !ruleByRule.isEmpty, "\(json) on \(backend)")
        }
    }

    @Test("a schema rule at an array path and a member rule ending in [] behave as the scanner does")
    func edges() throws {
        let schemaRule = FieldRule(schemaAt: "tools[].functionDeclarations[].parameters", keyword: "additionalProperties", reason: "r")
        let elementsRule = FieldRule("tools[]", reason: "r")
        let body = try JSONReader().read(
            Data(#"{"tools":[{"functionDeclarations":[{"parameters":{"additionalProperties":false}}]}]}"#.utf8)
        )
        #expect(FieldRuleSet([schemaRule]).anyMatch(in: body))
        var copy = body
        #expect(FieldScanner.scan(&copy, rules: [elementsRule], remove: false).isEmpty)
        #expect(!FieldRuleSet([elementsRule]).anyMatch(in: body))
    }
}
