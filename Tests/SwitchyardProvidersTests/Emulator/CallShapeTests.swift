import Foundation
import GoogleEmulator
import SwitchyardConfig
import SwitchyardCore
import SwitchyardProviders
import Testing

@Suite("Headers, authentication, countTokens and listModels on both providers", .timeLimit(.minutes(1)))
struct CallShapeTests {
    @Test("standard headers; API key for AI Studio, bearer from a real JWT grant for Vertex AI", arguments: Backend.allCases)
    func headers(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            _ = try await harness.provider.generateContent(Requests.text("hi"), model: "gemini-2.5-flash", context: testContext)
            let record = try #require(await harness.modelRequests().last)
            #expect(record.header("Content-Type") == "application/json")
            #expect(record.header("x-goog-api-client")?.hasPrefix("switchyard/") ?? false)
            #expect(record.header("User-Agent")?.hasPrefix("switchyard/") ?? false)
            #expect(record.header("X-Server-Timeout") != nil)
            switch backend {
            case .aiStudio:
                #expect(record.path == "/v1beta/models/gemini-2.5-flash:generateContent")
                #expect(record.header("x-goog-api-key") != nil)
                #expect(record.header("Authorization") == nil)
                #expect(record.query.isEmpty, "never ?key=")
            case .vertexAI:
                #expect(
                    record.path == "/v1beta1/projects/switchyard-test/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent"
                )
                #expect(record.header("Authorization")?.hasPrefix("Bearer ") ?? false)
                #expect(await harness.emulator.counters.tokenGrants == 1)
            }
        }
    }

    @Test("Vertex AI: quota project header; a revoked token is refreshed once and the call retried (the 401 rule)")
    func quotaProjectAndRefresh() async throws {
        try await ProviderHarness.run(.vertexAI, quotaProject: ProviderHarness.project) { harness in
            _ = try await harness.provider.generateContent(Requests.text("one"), model: "gemini-2.5-flash", context: testContext)
            #expect(try #require(await harness.modelRequests().last).header("x-goog-user-project") == ProviderHarness.project)
            await harness.emulator.revokeAccessTokens()
            let reply = try await harness.provider.generateContent(Requests.text("two"), model: "gemini-2.5-flash", context: testContext)
            #expect(reply.value.firstText.hasPrefix("Echo: two"))
            #expect(await harness.emulator.counters.tokenGrants == 2)
            let statuses = await harness.modelRequests().map(\.status)
            #expect(statuses == [200, 401, 200])
        }
    }

    @Test("Vertex AI express mode: API key, publishers/google/models path without a project")
    func express() async throws {
        try await ProviderHarness.run(.vertexAI, express: true) { harness in
            let reply = try await harness.provider.generateContent(Requests.text("fast"), model: "gemini-2.5-flash", context: testContext)
            #expect(reply.value.firstText.hasPrefix("Echo: fast"))
            let record = try #require(await harness.modelRequests().last)
            #expect(record.path == "/v1beta1/publishers/google/models/gemini-2.5-flash:generateContent")
            #expect(record.header("x-goog-api-key") != nil)
            #expect(await harness.emulator.counters.tokenGrants == 0)
        }
    }

    @Test("model names that are unsafe or mean something else are refused before sending", arguments: Backend.allCases)
    func modelNames(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            var names = ["../../etc", "gemini?alt=json", "a&b=c"]
            if backend == .vertexAI { names += ["models/gemini-2.5-flash", "tunedModels/x"] }
            for name in names {
                do {
                    _ = try await harness.provider.generateContent(Requests.text("hi"), model: name, context: testContext)
                    Issue.record("\(name) must be refused")
                } catch {
                    #expect(error.switchyard?.code == .invalidArgument, "\(name)")
                    #expect(error.switchyard?.provider == harness.provider.name)
                }
            }
            #expect(await harness.modelRequests().isEmpty)
        }
    }

    @Test("countTokens: AI Studio moves the system instruction into generateContentRequest; Vertex AI keeps it on top", arguments: Backend.allCases)
    func countTokens(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            let request = try JSONDecoder().decode(
                CountTokensRequest.self,
                from: Data(
                    #"{"contents":[{"role":"user","parts":[{"text":"count these words please"}]}],"systemInstruction":{"parts":[{"text":"be brief"}]}}"#
                        .utf8
                )
            )
            let reply = try await harness.provider.countTokens(request, model: "gemini-2.5-flash", context: testContext)
            #expect((reply.value.totalTokens ?? 0) > 0)
            let sent = try await harness.lastRequestBody()
            switch backend {
            case .aiStudio:
                #expect(sent["systemInstruction"] == nil)
                #expect(sent["generateContentRequest"]?["model"] == "models/gemini-2.5-flash")
                #expect(sent["generateContentRequest"]?["systemInstruction"] != nil)
            case .vertexAI:
                #expect(sent["systemInstruction"] != nil)
                #expect(sent["generateContentRequest"] == nil)
                #expect(reply.value.totalBillableCharacters != nil)
            }
        }
    }

    @Test("listModels: every model the backend lists, in its own naming", arguments: Backend.allCases)
    func listModels(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            let models = try await harness.provider.listModels(context: testContext)
            let names = models.compactMap(\.name)
            switch backend {
            case .aiStudio:
                #expect(names.contains("models/gemini-2.5-flash"))
                #expect(models.first { $0.name == "models/gemini-2.5-flash" }?.inputTokenLimit == 1_048_576)
                #expect(try #require(await harness.modelRequests().last).path == "/v1beta/models")
            case .vertexAI:
                #expect(names.contains("publishers/google/models/imagegeneration@006"))
                #expect(models.first?.version != nil, "versionId is read as version")
                #expect(models.first?.unknownFields["launchStage"] != nil, "Vertex-only fields are kept")
                #expect(try #require(await harness.modelRequests().last).path == "/v1beta1/publishers/google/models")
            }
        }
    }
}
