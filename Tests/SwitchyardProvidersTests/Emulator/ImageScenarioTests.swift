import Foundation
import GoogleEmulator
import SwitchyardConfig
import SwitchyardCore
import SwitchyardProviders
import Testing

/// What users of Gemini's native image output do, against both backends.
@Suite("Gemini image scenarios on both providers", .timeLimit(.minutes(1)))
struct ImageScenarioTests {
    static let imageModel = "gemini-2.5-flash-image"

    @Test("a story told with an illustration per scene: interleaved text and images", arguments: Backend.allCases)
    func illustratedStory(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            let request = Requests.text(
                "Tell a bedtime story about a lighthouse fox in three scenes, one illustration per scene",
                modalities: [.text, .image]
            )
            let reply = try await harness.provider.generateContent(request, model: Self.imageModel, context: testContext)
            let parts = reply.value.firstParts
            #expect(parts.count == 6)
            for (index, part) in parts.enumerated() {
                if index.isMultiple(of: 2) {
                    #expect(part.text?.contains("Scene \(index / 2 + 1) of 3") ?? false)
                } else {
                    let bytes = try #require(part.inlineData?.data?.bytes())
                    #expect(PNGInfo(bytes) != nil, "scene image \(index / 2 + 1) is a PNG")
                    #expect(part.inlineData?.mimeType == "image/png")
                }
            }
            #expect(Set(reply.value.firstImages).count == 3, "each scene has its own picture")
            #expect(reply.value.candidates?.first?.finishReason == .stop)
            #expect(reply.warnings.isEmpty)
        }
    }

    @Test("conversational image editing over several turns, sending the model's own images back", arguments: Backend.allCases)
    func conversationalEditing(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            var request = Requests.text("Draw a red bicycle leaning on a wall", modalities: [.text, .image])
            var previous: [Data] = []
            for instruction in ["Make the bicycle blue", "Add a basket of flowers", "Now make it night time"] {
                let reply = try await harness.provider.generateContent(request, model: Self.imageModel, context: testContext)
                let image = try #require(reply.value.firstImages.first)
                #expect(PNGInfo(image) != nil)
                #expect(!previous.contains(image), "every edit changes the picture")
                previous.append(image)
                // The model's turn goes back verbatim, image included, then the next instruction.
                let modelTurn = try #require(reply.value.candidates?.first?.content)
                request.contents?.append(modelTurn)
                request.contents?.append(Content(role: .user, parts: [Part(text: instruction)]))
            }
            let last = try await harness.provider.generateContent(request, model: Self.imageModel, context: testContext)
            #expect(last.value.firstText.contains("edited image"))
            let sent = try await harness.lastRequestBody()
            let contents = try #require(sent["contents"]?.arrayValue)
            #expect(contents.count == 7)
            let echoed = contents[5]["parts"]?.arrayValue?.compactMap { $0["inlineData"]?["data"]?.stringValue }.first
            #expect(echoed == previous[2].base64EncodedString(), "the model's own image was sent back unchanged")
        }
    }

    @Test("a recipe with a picture for each step", arguments: Backend.allCases)
    func recipeWithSteps(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            let request = Requests.text("Show me how to make pancakes in four steps with a picture for each step", modalities: [.text, .image])
            let reply = try await harness.provider.generateContent(request, model: Self.imageModel, context: testContext)
            #expect(reply.value.firstImages.count == 4)
            #expect(reply.value.firstParts.compactMap(\.text).count == 4)
        }
    }

    @Test("a text-rendering request reaches the model verbatim and yields an image", arguments: Backend.allCases)
    func textRendering(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            let prompt = #"A vintage poster with the words "SWITCHYARD — Café & Ünïcode" in bold serif letters"#
            var request = Requests.text(prompt, modalities: [.image])
            request.generationConfig?.imageConfig = {
                var config = ImageConfig()
                config.aspectRatio = "3:4"
                return config
            }()
            let reply = try await harness.provider.generateContent(request, model: Self.imageModel, context: testContext)
            let image = try #require(reply.value.firstImages.first)
            let info = try #require(PNGInfo(image))
            #expect(info.height > info.width, "3:4 is portrait")
            #expect(reply.value.firstParts.allSatisfy { $0.text == nil }, "IMAGE only: no text parts")
            let sent = try await harness.lastRequestBody()
            #expect(sent["contents"]?[0]?["parts"]?[0]?["text"]?.stringValue == prompt)
        }
    }

    @Test("image input (vision): an inline image is sent in the standard alphabet and answered in text", arguments: Backend.allCases)
    func vision(backend: Backend) async throws {
        try await ProviderHarness.run(backend) { harness in
            // A 1×1 PNG given in the URL-safe alphabet, as the Python SDK sends it.
            let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC")!
            let urlSafe = png.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            let request = try Requests.json(
                #"{"contents":[{"role":"user","parts":[{"text":"What is in this picture?"},{"inline_data":{"mime_type":"image/png","data":"\#(urlSafe)"}}]}]}"#
            )
            let reply = try await harness.provider.generateContent(request, model: "gemini-2.5-flash", context: testContext)
            #expect(reply.value.firstText.hasPrefix("Echo: What is in this picture?"))
            #expect((reply.value.usageMetadata?.promptTokenCount ?? 0) > 0)
            let sent = try await harness.lastRequestBody()
            let blob = try #require(sent["contents"]?[0]?["parts"]?[1]?["inlineData"])
            #expect(blob["data"]?.stringValue == png.base64EncodedString())
            #expect(blob["mimeType"]?.stringValue == "image/png")
        }
    }
}

extension JSONValue {
    /// The element at an index, when this is an array.
    subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }
}
