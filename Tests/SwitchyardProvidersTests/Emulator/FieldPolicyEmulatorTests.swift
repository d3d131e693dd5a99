import Foundation
import GoogleEmulator
import SwitchyardConfig
import SwitchyardCore
import SwitchyardProviders
import Testing

@Suite("Unsupported fields against the emulator, both directions", .timeLimit(.minutes(1)))
struct FieldPolicyEmulatorTests {
    /// A field only the other backend accepts, as a client would send it.
    static func foreignFieldRequest(for backend: Backend) throws -> (request: GenerateContentRequest, path: String) {
        switch backend {
        case .aiStudio:
            return (
                try Requests.json(
                    #"{"contents":[{"parts":[{"text":"hi"}]}],"generationConfig":{"temperature":0.2,"routingConfig":{"autoMode":{}}},"safetySettings":[{"category":"HARM_CATEGORY_HARASSMENT","threshold":"BLOCK_NONE","method":"SEVERITY"}]}"#
                ), "generationConfig.routingConfig"
            )
        case .vertexAI:
            return (
                try Requests.json(
                    #"{"contents":[{"parts":[{"text":"hi","part_metadata":{"k":"v"}}]}],"store":true,"tools":[{"fileSearch":{"fileSearchStoreNames":["s"]}}]}"#
                ), "contents[0].parts[0].partMetadata"
            )
        }
    }

    @Test("refused before sending, naming the field and the provider (default policy)", arguments: Backend.allCases)
    func refuse(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            let (request, path) = try Self.foreignFieldRequest(for: backend)
            do {
                _ = try await harness.provider.generateContent(request, model: "gemini-2.5-flash", context: testContext)
                Issue.record("must refuse")
            } catch {
                let failure = try #require(error.switchyard)
                #expect(failure.code == .unsupportedField)
                #expect(failure.responseHTTPStatus == 400)
                #expect(failure.responseGoogleStatus == "INVALID_ARGUMENT")
                #expect(failure.message.contains(path))
                #expect(failure.message.contains("provider \"\(harness.provider.name)\""))
            }
            await #expect(throws: SwitchyardError.self) {
                _ = try await harness.provider.streamGenerateContent(request, model: "gemini-2.5-flash", context: testContext)
            }
            #expect(await harness.modelRequests().isEmpty, "nothing was sent")
        }
    }

    @Test("drop: sent without the fields, the reply carries a warning per field", arguments: Backend.allCases)
    func drop(backend: Backend) async throws {
        try await ProviderHarness.run(backend, unsupportedFields: .drop) { harness in
            let (request, path) = try Self.foreignFieldRequest(for: backend)
            let reply = try await harness.provider.generateContent(request, model: "gemini-2.5-flash", context: testContext)
            #expect(reply.value.firstText.hasPrefix("Echo: hi"))
            #expect(reply.warnings.count == (backend == .aiStudio ? 2 : 3))
            #expect(reply.warnings.contains { $0.hasPrefix("dropped field \(path)") })
            let record = try #require(await harness.modelRequests().last)
            #expect(record.status == 200, "the emulator, strict like Google, accepted the cleaned body")
            let sent = try await harness.lastRequestBody()
            if backend == .aiStudio {
                #expect(sent["generationConfig"]?["routingConfig"] == nil)
                #expect(sent["generationConfig"]?["temperature"] == 0.2)
                #expect(sent["safetySettings"]?[0]?["method"] == nil)
            } else {
                #expect(sent["store"] == nil)
                #expect(sent["contents"]?[0]?["parts"]?[0]?["partMetadata"] == nil)
                #expect(sent["tools"]?[0]?["fileSearch"] == nil)
            }
        }
    }

    @Test("the same fields are sent untouched to the backend that accepts them", arguments: Backend.allCases)
    func ownFieldsPass(backend: Backend) async throws {
        // The request that is foreign to the other backend uses only this backend's own fields.
        let (request, path) = try Self.foreignFieldRequest(for: backend == .aiStudio ? .vertexAI : .aiStudio)
        try await ProviderHarness.run(backend) { harness in
            let reply = try await harness.provider.generateContent(request, model: "gemini-2.5-flash", context: testContext)
            #expect(reply.warnings.isEmpty)
            let sent = try await harness.lastRequestBody()
            if backend == .aiStudio {
                #expect(sent["store"] == true)
                #expect(sent["contents"]?[0]?["parts"]?[0]?["partMetadata"] == ["k": "v"], "\(path) kept, in camelCase")
            } else {
                #expect(sent["generationConfig"]?["routingConfig"] != nil, "\(path) kept")
                #expect(sent["safetySettings"]?[0]?["method"] == "SEVERITY")
            }
        }
    }

    @Test("Vertex renames: imageConfig.outputMimeType/outputCompressionQuality become imageOutputOptions")
    func renamedImageOutput() async throws {
        try await ProviderHarness.run(.vertexAI) { harness in
            let request = try Requests.json(
                #"{"contents":[{"parts":[{"text":"a pear"}]}],"generationConfig":{"responseModalities":["IMAGE"],"imageConfig":{"output_mime_type":"image/jpeg","outputCompressionQuality":80}}}"#
            )
            _ = try await harness.provider.generateContent(request, model: "gemini-2.5-flash-image", context: testContext)
            let sent = try await harness.lastRequestBody()
            let imageConfig = try #require(sent["generationConfig"]?["imageConfig"]?.objectValue)
            #expect(imageConfig.keys == ["imageOutputOptions"])
            #expect(imageConfig["imageOutputOptions"]?["mimeType"] == "image/jpeg")
            #expect(imageConfig["imageOutputOptions"]?["compressionQuality"] == 80)
        }
        try await ProviderHarness.run(.aiStudio) { harness in
            let request = try Requests.json(
                #"{"contents":[{"parts":[{"text":"a pear"}]}],"generationConfig":{"responseModalities":["IMAGE"],"imageConfig":{"outputMimeType":"image/jpeg"}}}"#
            )
            await #expect(throws: SwitchyardError.self) {
                _ = try await harness.provider.generateContent(request, model: "gemini-2.5-flash-image", context: testContext)
            }
        }
    }

    @Test("responseSchema additionalProperties: refused on AI Studio, sent to Vertex AI")
    func schemaAdditionalProperties() async throws {
        let request = try Requests.json(
            #"{"contents":[{"parts":[{"text":"a user"}]}],"generationConfig":{"responseMimeType":"application/json","responseSchema":{"type":"OBJECT","properties":{"name":{"type":"STRING"}},"additionalProperties":false}}}"#
        )
        try await ProviderHarness.run(.aiStudio) { harness in
            do {
                _ = try await harness.provider.generateContent(request, model: "gemini-2.5-flash", context: testContext)
                Issue.record("must refuse")
            } catch {
                #expect(error.switchyard?.message.hasPrefix("generationConfig.responseSchema.additionalProperties") ?? false)
            }
        }
        try await ProviderHarness.run(.vertexAI) { harness in
            let reply = try await harness.provider.generateContent(request, model: "gemini-2.5-flash", context: testContext)
            #expect(reply.value.firstText.hasPrefix("{"))
        }
    }
}
