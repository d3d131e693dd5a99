import Foundation
import GoogleEmulator
import SwitchyardConfig
import SwitchyardCore
import SwitchyardProviders
import Testing

@Suite("Free-form JSON keeps the caller's member order on the way to Google", .timeLimit(.minutes(1)))
struct MemberOrderTests {
    @Test("responseSchema properties, function arguments and responses, labels arrive in the caller's order", arguments: Backend.allCases)
    func order(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            let body = #"""
                {"contents":[{"role":"user","parts":[{"text":"A recipe"}]},
                 {"role":"model","parts":[{"functionCall":{"name":"lookup","args":{"zeta":1,"alpha":2,"mid":{"y":1,"b":2}}}}]},
                 {"role":"user","parts":[{"functionResponse":{"name":"lookup","response":{"z":true,"a":false}}}]}],
                 "generationConfig":{"responseMimeType":"application/json","responseSchema":{"type":"OBJECT",
                   "properties":{"title":{"type":"STRING"},"steps":{"type":"ARRAY","items":{"type":"STRING"}},
                   "servings":{"type":"INTEGER"},"author":{"type":"STRING"}},"required":["title","steps"]}}}
                """#
            let request = try GenerateContentRequest.decode(json: Data(body.utf8))
            _ = try await harness.provider.generateContent(request, model: "gemini-2.5-flash", context: testContext)
            let record = try #require(await harness.modelRequests().last)
            let sent = try JSONReader().read(record.body)
            #expect(sent["generationConfig"]?["responseSchema"]?["properties"]?.objectValue?.keys == ["title", "steps", "servings", "author"])
            let contents = try #require(sent["contents"]?.arrayValue)
            #expect(contents[1]["parts"]?.arrayValue?.first?["functionCall"]?["args"]?.objectValue?.keys == ["zeta", "alpha", "mid"])
            #expect(contents[1]["parts"]?.arrayValue?.first?["functionCall"]?["args"]?["mid"]?.objectValue?.keys == ["y", "b"])
            #expect(contents[2]["parts"]?.arrayValue?.first?["functionResponse"]?["response"]?.objectValue?.keys == ["z", "a"])
        }
    }
}
