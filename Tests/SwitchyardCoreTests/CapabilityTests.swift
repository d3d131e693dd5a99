import Foundation
import SwitchyardCore
import Testing

@Suite("Capabilities")
struct CapabilityTests {
    /// Gemini 2.0 Flash image generation, as the catalog describes it.
    static let geminiImage = ModelCapabilities(
        inputModalities: [.text, .image],
        outputModalities: [.text, .image],
        features: Set(ModelFeature.all),
        contextWindow: 32_768,
        maxOutputTokens: 8_192
    )
    /// A text-only model.
    static let textOnly = ModelCapabilities(
        inputModalities: [.text],
        outputModalities: [.text],
        features: Set(ModelFeature.all),
        contextWindow: 1_000,
        maxOutputTokens: 100,
        maxCandidates: 2
    )
    /// Imagen 2 (`imagegeneration@006`).
    static let imagen = ModelCapabilities(
        apiMethod: .predict,
        inputModalities: [.text],
        outputModalities: [.image],
        features: [],
        images: ImageGenerationLimits(imagesPerCall: 1...4, aspectRatios: ["1:1", "9:16", "16:9", "3:4", "4:3"], negativePrompt: true, seed: true)
    )

    static func request(modalities: [Modality]? = nil, _ edit: (inout GenerateContentRequest) -> Void = { _ in }) -> GenerateContentRequest {
        var request = GenerateContentRequest()
        request.contents = [Content(role: .user, parts: [Part(text: "A fox in the snow")])]
        if let modalities {
            var config = GenerationConfig()
            config.responseModalities = modalities
            request.generationConfig = config
        }
        edit(&request)
        return request
    }

    @Test("Needs are derived from the SDK's snake_case request")
    func deriveFromFixture() throws {
        let request = try Fixture.decode(GenerateContentRequest.self, "sdk-request-snake-case")
        let needs = RequestNeeds(request: request, streaming: true)
        #expect(needs.needsImageOutput)
        #expect(needs.hasImageInput)
        #expect(needs.requiredOutputModalities == [.image])
        #expect(needs.inputModalities == [.text, .image])
        #expect(needs.features == [.tools, .toolChoice, .temperature, .topP, .maxTokens, .structuredOutputs, .streaming])
        #expect(needs.requestedMaxOutputTokens == 2048)
        #expect(needs.aspectRatio == "16:9")
        #expect(!needs.uses(.multiTurn))
        #expect(needs.check(against: Self.geminiImage).isEmpty)
    }

    @Test("Every mismatch of an image request against a text-only model is reported")
    func imageRequestOnTextModel() throws {
        let request = try Fixture.decode(GenerateContentRequest.self, "sdk-request-snake-case")
        let mismatches = RequestNeeds(request: request, streaming: false).check(against: Self.textOnly)
        #expect(mismatches.map(\.code) == [.outputModality, .inputModality, .maxOutputTokens])
        #expect(
            mismatches.map(\.message) == [
                "needs image output; model outputs TEXT only", "needs image input; model accepts TEXT only",
                "asks for 2048 output tokens; model allows at most 100",
            ]
        )
    }

    @Test("An Imagen model serves a single-turn text prompt that accepts images")
    func imagenServesTextToImage() {
        for modalities in [[Modality.text, .image], [.image]] {
            let needs = RequestNeeds(request: Self.request(modalities: modalities), streaming: false)
            #expect(needs.check(against: Self.imagen).isEmpty)
        }
        let textOnly = RequestNeeds(request: Self.request(modalities: [.text]), streaming: false)
        #expect(textOnly.check(against: Self.imagen).map(\.message) == ["needs text output; model outputs IMAGE only"])
        let defaulted = RequestNeeds(request: Self.request(), streaming: false)
        #expect(defaulted.check(against: Self.imagen).map(\.code) == [.outputModality])
    }

    @Test("Imagen refuses multi-turn, tools, tool choice, streaming and structured output")
    func imagenRefusals() {
        let request = Self.request(modalities: [.text, .image]) { request in
            request.contents?.append(Content(role: .model, parts: [Part(text: "Here it is")]))
            request.contents?.append(Content(role: .user, parts: [Part(text: "Now in blue")]))
            var tool = Tool()
            var declaration = FunctionDeclaration()
            declaration.name = "lookup"
            tool.functionDeclarations = [declaration]
            request.tools = [tool]
            var calling = FunctionCallingConfig()
            calling.mode = .noCalls
            var toolConfig = ToolConfig()
            toolConfig.functionCallingConfig = calling
            request.toolConfig = toolConfig
            request.generationConfig?.responseMimeType = "application/json"
            request.generationConfig?.temperature = 0.2
            request.generationConfig?.topK = 3
            request.generationConfig?.topP = 0.5
            request.generationConfig?.stopSequences = ["END"]
            request.generationConfig?.maxOutputTokens = 10
        }
        let mismatches = RequestNeeds(request: request, streaming: true).check(against: Self.imagen)
        #expect(
            mismatches.map(\.code) == [
                .tools, .toolChoice, .temperature, .topP, .topK, .maxTokens, .stopSequences, .structuredOutputs, .streaming, .multiTurn,
            ]
        )
        #expect(mismatches.last?.message == "is a multi-turn conversation; model serves single-turn prompts only")
        #expect(mismatches.first(where: { $0.code == .streaming })?.message == "asks for streaming; model does not stream")
    }

    @Test("Context window, output tokens, candidates and aspect ratio are checked against limits")
    func limits() {
        let long = Self.request { request in
            request.contents = [Content(role: .user, parts: [Part(text: String(repeating: "word ", count: 1_000))])]
            request.generationConfig = GenerationConfig()
            request.generationConfig?.maxOutputTokens = 500
            request.generationConfig?.candidateCount = 3
        }
        let needs = RequestNeeds(request: long, streaming: false)
        #expect(needs.estimatedPromptTokens == 1_250)
        #expect(
            needs.check(against: Self.textOnly).map(\.message) == [
                "prompt is about 1250 tokens; model's context window is 1000 tokens",
                "asks for 500 output tokens; model allows at most 100",
                "asks for 3 candidates; model returns at most 2 per call",
            ]
        )

        let wide = Self.request(modalities: [.image]) { request in
            request.generationConfig?.imageConfig = ImageConfig()
            request.generationConfig?.imageConfig?.aspectRatio = "21:9"
            request.generationConfig?.candidateCount = 5
        }
        let imageNeeds = RequestNeeds(request: wide, streaming: false)
        #expect(
            imageNeeds.check(against: Self.imagen).map(\.code) == [.candidateCount, .aspectRatio]
        )
        #expect(imageNeeds.check(against: Self.imagen).last?.message == "asks for aspect ratio 21:9; model supports 1:1, 9:16, 16:9, 3:4, 4:3")
    }

    @Test("A seed fits a predict model only when it takes seeds")
    func seed() {
        let seeded = Self.request(modalities: [.image]) { $0.generationConfig?.seed = 7 }
        let needs = RequestNeeds(request: seeded, streaming: false)
        #expect(needs.check(against: Self.imagen).isEmpty)
        var noSeed = Self.imagen
        noSeed.images?.seed = false
        #expect(needs.check(against: noSeed).map(\.message) == ["sets a seed; model does not support seeds"])
        #expect(needs.check(against: Self.geminiImage).isEmpty)
    }

    @Test("Multi-turn is a model turn or more than one content; tool choice only when forcing")
    func multiTurnAndToolChoice() {
        let modelTurn = Self.request { $0.contents = [Content(role: .model, parts: [Part(text: "Hello")])] }
        #expect(RequestNeeds(request: modelTurn, streaming: false).uses(.multiTurn))
        let auto = Self.request { request in
            var calling = FunctionCallingConfig()
            calling.mode = .auto
            request.toolConfig = ToolConfig()
            request.toolConfig?.functionCallingConfig = calling
        }
        #expect(!RequestNeeds(request: auto, streaming: false).uses(.toolChoice))
        #expect(!RequestNeeds(request: auto, streaming: false).uses(.multiTurn))
    }

    @Test("Token estimate counts text, media and function parts")
    func tokenEstimate() {
        var request = GenerateContentRequest()
        var call = Part()
        call.functionCall = FunctionCall()
        call.functionCall?.name = "get"
        call.functionCall?.args = ["city": "Oslo"]
        request.contents = [
            Content(role: .user, parts: [Part(text: "12345678"), Part(mimeType: "image/png", data: Base64Payload(bytes: Data([1, 2, 3]))), call])
        ]
        request.systemInstruction = Content(role: nil, parts: [Part(text: "abc")])
        // 8 bytes → 2, image → 258, call: "get" (3) + {"city":"Oslo"} (~16) → 5, system "abc" → 1.
        #expect(TokenEstimate.promptTokens(of: request) == 2 + 258 + 5 + 1)
    }
}
