import Foundation
import GoogleEmulator
import SwitchyardConfig
import SwitchyardCore
import SwitchyardProviders
import Testing

@Suite("One image contract: Imagen through generateContent, generateImages on both kinds of model", .timeLimit(.minutes(1)))
struct ImagenTests {
    static let imagen = "imagen-3.0-generate-002"

    private func imagenRequest(_ prompt: String, count: Int?, ratio: String?) -> GenerateContentRequest {
        var request = Requests.text(prompt, modalities: [.image])
        request.generationConfig?.candidateCount = count
        if let ratio {
            var imageConfig = ImageConfig()
            imageConfig.aspectRatio = ratio
            request.generationConfig?.imageConfig = imageConfig
        }
        return request
    }

    @Test(
        "several images in the asked aspect ratio, one per candidate, as inline PNG parts",
        arguments: Backend.allCases,
        [(3, "16:9"), (2, "9:16"), (4, "1:1"), (1, "4:3")]
    )
    func severalImages(backend: Backend, shape: (count: Int, ratio: String)) async throws {
        try await ProviderHarness.run(backend) { harness in
            let request = imagenRequest("A lighthouse on a cliff at sunset", count: shape.count, ratio: shape.ratio)
            let reply = try await harness.provider.generateContent(request, model: Self.imagen, context: testContext)
            let candidates = try #require(reply.value.candidates)
            #expect(candidates.count == shape.count)
            let parts = ratio(shape.ratio)
            for candidate in candidates {
                #expect(candidate.finishReason == .stop)
                let png = try #require(candidate.content?.parts?.first?.inlineData?.data?.bytes())
                let info = try #require(PNGInfo(png))
                #expect(info.width * parts.height == info.height * parts.width, "\(info.width)x\(info.height) is \(shape.ratio)")
            }
            #expect((reply.value.usageMetadata?.promptTokenCount ?? 0) > 0)
            let sent = try await harness.lastRequestBody()
            let record = try #require(await harness.modelRequests().last)
            #expect(record.path.hasSuffix("/imagen-3.0-generate-002:predict"))
            #expect(sent["instances"]?[0]?["prompt"]?.stringValue == "A lighthouse on a cliff at sunset")
            #expect(sent["parameters"]?["sampleCount"]?.integerValue == Int64(shape.count))
            #expect(sent["parameters"]?["aspectRatio"]?.stringValue == shape.ratio)
            #expect(sent["parameters"]?["includeRaiReason"] == true)
        }
    }

    private func ratio(_ text: String) -> (width: Int, height: Int) {
        let pieces = text.split(separator: ":").compactMap { Int($0) }
        return (pieces[0], pieces[1])
    }

    @Test("a filtered prompt is a typed safety outcome with Imagen's reason, never an empty success", arguments: Backend.allCases)
    func filtered(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            let request = imagenRequest("Something forbidden in a field", count: 2, ratio: nil)
            do {
                _ = try await harness.provider.generateContent(request, model: Self.imagen, context: testContext)
                Issue.record("a filtered prompt must throw")
            } catch {
                let failure = try #require(error.switchyard)
                #expect(failure.code == .safetyBlocked)
                #expect(failure.message.contains("safety filter threshold"))
                #expect(!failure.isRetryable)
            }
        }
    }

    @Test("requests Imagen cannot serve are refused with the reason, before anything is sent", arguments: Backend.allCases)
    func refusals(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            var multiTurn = Requests.text("Draw a cat")
            multiTurn.contents? += [Content(role: .model, parts: [Part(text: "ok")]), Content(role: .user, parts: [Part(text: "bigger")])]
            var tools = Requests.text("Draw a cat")
            tools.tools = [Tool()]
            var vision = Requests.text("Draw this again")
            vision.contents?[0].parts?.append(Part(mimeType: "image/png", data: Base64Payload(bytes: Data([1, 2, 3]))))
            var structured = Requests.text("Draw a cat")
            structured.generationConfig = GenerationConfig()
            structured.generationConfig?.responseMimeType = "application/json"
            let textOnly = Requests.text("Draw a cat", modalities: [.text])
            let cases: [(GenerateContentRequest, String)] = [
                (multiTurn, "multi-turn"), (tools, "tools"), (vision, "image or file input"), (structured, "structured output"),
                (textOnly, "responseModalities"),
            ]
            for (request, reason) in cases {
                do {
                    _ = try await harness.provider.generateContent(request, model: Self.imagen, context: testContext)
                    Issue.record("\(reason) must be refused")
                } catch {
                    #expect(error.switchyard?.code == .invalidArgument, "\(reason)")
                    #expect(error.switchyard?.message.contains(reason) ?? false, "\(error)")
                }
            }
            do {
                _ = try await harness.provider.streamGenerateContent(Requests.text("Draw a cat"), model: Self.imagen, context: testContext)
                Issue.record("streaming must be refused")
            } catch {
                #expect(error.switchyard?.message.contains("cannot stream") ?? false)
            }
            #expect(await harness.modelRequests().isEmpty)
        }
    }

    @Test("generateImages on an Imagen model is a direct :predict", arguments: Backend.allCases)
    func generateImagesOnImagen(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            let predict = try JSONDecoder().decode(
                ImagenPredictRequest.self,
                from: Data(#"{"instances":[{"prompt":"a red kite"}],"parameters":{"sampleCount":2,"aspectRatio":"3:4"}}"#.utf8)
            )
            let reply = try await harness.provider.generateImages(predict, model: Self.imagen, context: testContext)
            let images = try #require(reply.value.predictions).compactMap { $0.bytesBase64Encoded?.bytes() }
            #expect(images.count == 2)
            #expect(images.allSatisfy { (PNGInfo($0).map { $0.width * 4 == $0.height * 3 }) ?? false })
        }
    }

    @Test("generateImages on a Gemini image model goes through generateContent and returns predictions", arguments: Backend.allCases)
    func generateImagesOnGemini(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            let predict = try JSONDecoder().decode(
                ImagenPredictRequest.self,
                from: Data(#"{"instances":[{"prompt":"a paper boat"}],"parameters":{"aspectRatio":"16:9","includeRaiReason":true}}"#.utf8)
            )
            let reply = try await harness.provider.generateImages(predict, model: "gemini-2.5-flash-image", context: testContext)
            let predictions = try #require(reply.value.predictions)
            #expect(predictions.count == 1)
            let png = try #require(predictions.first?.bytesBase64Encoded?.bytes())
            let info = try #require(PNGInfo(png))
            #expect(info.width > info.height)
            let record = try #require(await harness.modelRequests().last)
            #expect(record.path.hasSuffix("/gemini-2.5-flash-image:generateContent"))
            let sent = try await harness.lastRequestBody()
            #expect(
                sent["generationConfig"]?["responseModalities"] == ["IMAGE", "TEXT"]
                    || sent["generationConfig"]?["responseModalities"] == ["TEXT", "IMAGE"]
            )
            #expect(sent["generationConfig"]?["imageConfig"]?["aspectRatio"]?.stringValue == "16:9")
        }
    }

    @Test("negative prompt and seed: sent to Vertex AI's Imagen; refused (or dropped with a warning) on AI Studio")
    func vertexOnlyParameters() async throws {
        var request = imagenRequest("A quiet harbour", count: 1, ratio: "1:1")
        request.generationConfig?.seed = 7
        request.generationConfig?.imageConfig?.unknownFields[ImagenExtensionFields.negativePrompt] = "boats"
        try await ProviderHarness.run(.vertexAI) { harness in
            _ = try await harness.provider.generateContent(request, model: "imagegeneration@006", context: testContext)
            let sent = try await harness.lastRequestBody()
            #expect(sent["parameters"]?["negativePrompt"]?.stringValue == "boats")
            #expect(sent["parameters"]?["seed"]?.integerValue == 7)
            #expect(try #require(await harness.modelRequests().last).path.contains("imagegeneration@006:predict"))
        }
        try await ProviderHarness.run(.aiStudio) { harness in
            do {
                _ = try await harness.provider.generateContent(request, model: Self.imagen, context: testContext)
                Issue.record("AI Studio must refuse")
            } catch {
                #expect(error.switchyard?.code == .unsupportedField)
                #expect(error.switchyard?.message.contains("generationConfig.imageConfig.negativePrompt") ?? false)
                #expect(error.switchyard?.message.contains("generationConfig.seed") ?? false)
            }
            #expect(await harness.modelRequests().isEmpty)
        }
        try await ProviderHarness.run(.aiStudio, unsupportedFields: .drop) { harness in
            let reply = try await harness.provider.generateContent(request, model: Self.imagen, context: testContext)
            #expect(reply.value.candidates?.count == 1)
            #expect(reply.warnings.contains { $0.hasPrefix("dropped field generationConfig.imageConfig.negativePrompt") })
            #expect(reply.warnings.contains { $0.hasPrefix("dropped field generationConfig.seed") })
            let sent = try await harness.lastRequestBody()
            #expect(sent["parameters"]?["negativePrompt"] == nil)
            #expect(sent["parameters"]?["seed"] == nil)
        }
    }

    @Test("numberOfImages on a Gemini image model becomes candidateCount; negativePrompt follows the field policy")
    func extensionFieldsOnGemini() async throws {
        try await ProviderHarness.run(.vertexAI, unsupportedFields: .drop) { harness in
            var request = Requests.text("A teapot", modalities: [.image])
            var imageConfig = ImageConfig()
            imageConfig.unknownFields[ImagenExtensionFields.numberOfImages] = 2
            imageConfig.unknownFields[ImagenExtensionFields.negativePrompt] = "cups"
            request.generationConfig?.imageConfig = imageConfig
            let reply = try await harness.provider.generateContent(request, model: "gemini-2.5-flash-image", context: testContext)
            #expect(reply.value.candidates?.count == 2)
            #expect(reply.warnings.count == 1)
            let sent = try await harness.lastRequestBody()
            #expect(sent["generationConfig"]?["candidateCount"]?.integerValue == 2)
            #expect(sent["generationConfig"]?["imageConfig"] == [:])
        }
    }

    @Test("a Vertex provider whose region lacks an Imagen model still calls it through :predict, and Google says 404")
    func imagenOutsideItsRegions() async throws {
        try await ProviderHarness.run(.vertexAI, location: "global") { harness in
            #expect(harness.provider.capabilities(for: Self.imagen) == nil, "not served in global")
            do {
                _ = try await harness.provider.generateContent(
                    imagenRequest("a bridge", count: 1, ratio: nil),
                    model: Self.imagen,
                    context: testContext
                )
                Issue.record("must fail")
            } catch {
                #expect(error.switchyard?.code == .notFound)
            }
            let record = try #require(await harness.modelRequests().last)
            #expect(record.path.hasSuffix("/locations/global/publishers/google/models/imagen-3.0-generate-002:predict"))
        }
    }
}
