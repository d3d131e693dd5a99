import Foundation
import SwitchyardCore
import SwitchyardHTTP
import Testing

@testable import SwitchyardProviders

@Suite("Translations: responses, image outcomes, Imagen mapping, errors, stream decoding")
struct TranslationTests {
    private func response(_ json: String) throws -> GenerateContentResponse {
        try JSONDecoder().decode(GenerateContentResponse.self, from: Data(json.utf8))
    }

    @Test("citationSources (AI Studio) and citations (Vertex AI) come out as citations, records unchanged")
    func citations() throws {
        let studio = try response(
            #"{"candidates":[{"citationMetadata":{"citationSources":[{"startIndex":1,"endIndex":9,"uri":"https://a.example","license":"mit"}]}}],"modelStatus":{"modelStage":"STABLE"}}"#
        )
        let normalized = ResponseNormalizer.normalize(studio)
        let citations = try #require(normalized.candidates?.first?.citationMetadata?.citations)
        #expect(citations.count == 1)
        #expect(citations.first?.uri == "https://a.example")
        #expect(citations.first?.license == "mit")
        #expect(normalized.candidates?.first?.citationMetadata?.citationSources == nil)
        #expect(normalized.modelStatus?.modelStage == "STABLE", "backend-only fields are kept")
        let encoded = String(decoding: try WireJSON.encode(normalized), as: UTF8.self)
        #expect(encoded.contains("\"citations\""))
        #expect(!encoded.contains("citationSources"))
        let vertex = try response(#"{"candidates":[{"citationMetadata":{"citations":[{"uri":"gs://b"}]}}],"createTime":"2026-01-01T00:00:00Z"}"#)
        #expect(ResponseNormalizer.normalize(vertex) == vertex)
    }

    @Test("Gemini IMAGE_SAFETY / IMAGE_PROHIBITED_CONTENT / NO_IMAGE with no image when images were required → safetyBlocked")
    func geminiImageSafety() throws {
        for reason in ["IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "NO_IMAGE"] {
            let blocked = try response(#"{"candidates":[{"finishReason":"\#(reason)","finishMessage":"policy"}]}"#)
            do {
                try ImageOutcome.check(blocked, imagesRequired: true, provider: "p", model: "m")
                Issue.record("\(reason) must be a safety outcome")
            } catch {
                #expect(error.code == .safetyBlocked)
                #expect(error.message.contains(reason))
                #expect(error.message.contains("policy"))
            }
        }
        let promptBlocked = try response(#"{"promptFeedback":{"blockReason":"IMAGE_SAFETY"}}"#)
        #expect(throws: SwitchyardError.self) { try ImageOutcome.check(promptBlocked, imagesRequired: true, provider: "p", model: "m") }
        // TEXT and IMAGE asked for: a text answer without an image is an answer.
        let textOnly = try response(#"{"candidates":[{"content":{"parts":[{"text":"I cannot draw that"}]},"finishReason":"IMAGE_SAFETY"}]}"#)
        #expect(throws: Never.self) { try ImageOutcome.check(textOnly, imagesRequired: false, provider: "p", model: "m") }
        // An image came back: fine whatever the finish reason.
        let image = try response(
            #"{"candidates":[{"content":{"parts":[{"inlineData":{"mimeType":"image/png","data":"AAAA"}}]},"finishReason":"STOP"}]}"#
        )
        #expect(throws: Never.self) { try ImageOutcome.check(image, imagesRequired: true, provider: "p", model: "m") }
    }

    @Test("Imagen: partial filtering keeps the images and records the reasons; all filtered or {} is safetyBlocked")
    func imagenFiltering() throws {
        let partial = try JSONDecoder().decode(
            ImagenPredictResponse.self,
            from: Data(
                #"{"predictions":[{"bytesBase64Encoded":"iVBORw==","mimeType":"image/png"},{"raiFilteredReason":"filtered: 1 image"},{"contentType":"Positive Prompt","safetyAttributes":{"categories":[],"scores":[]}}]}"#
                    .utf8
            )
        )
        let mapped = try ImagenResponseTranslation.response(partial, model: "imagen", promptTokens: 5, provider: "p")
        let candidates = try #require(mapped.response.candidates)
        #expect(candidates.count == 2)
        #expect(candidates[0].finishReason == .stop)
        #expect(candidates[0].content?.parts?.first?.inlineData?.mimeType == "image/png")
        #expect(candidates[1].finishReason == .imageSafety)
        #expect(candidates[1].finishMessage == "filtered: 1 image")
        #expect(mapped.warnings == ["an image was filtered by imagen: filtered: 1 image"])
        #expect(mapped.response.usageMetadata?.promptTokenCount == 5)

        for body in [#"{"predictions":[{"raiFilteredReason":"all gone"}]}"#, "{}"] {
            let none = try JSONDecoder().decode(ImagenPredictResponse.self, from: Data(body.utf8))
            do {
                _ = try ImagenResponseTranslation.response(none, model: "imagen", promptTokens: 1, provider: "p")
                Issue.record("\(body) must be a safety outcome")
            } catch {
                #expect(error.code == .safetyBlocked)
            }
        }
    }

    @Test("Imagen request mapping: count from candidateCount or numberOfImages, limits checked, conflicts refused")
    func imagenRequest() throws {
        var request = GenerateContentRequest()
        request.contents = [Content(role: .user, parts: [Part(text: "a"), Part(text: "b")])]
        var config = GenerationConfig()
        var imageConfig = ImageConfig()
        imageConfig.unknownFields[ImagenExtensionFields.numberOfImages] = 3
        imageConfig.imageSize = "2K"
        config.imageConfig = imageConfig
        config.temperature = 0.4
        request.generationConfig = config
        let translated = try ImagenRequestTranslation(request, model: "imagen", backend: .vertexAI, limits: nil)
        #expect(translated.predict.instances?.first?.prompt == "a\nb")
        #expect(translated.predict.parameters?.sampleCount == 3)
        #expect(translated.predict.parameters?.sampleImageSize == "2K")
        #expect(translated.ignored.count == 1)
        request.generationConfig?.candidateCount = 2
        #expect(throws: SwitchyardError.self) { try ImagenRequestTranslation(request, model: "imagen", backend: .vertexAI, limits: nil) }
        request.generationConfig?.candidateCount = 3
        #expect(throws: SwitchyardError.self) {
            try ImagenRequestTranslation(request, model: "imagen", backend: .vertexAI, limits: ImageGenerationLimits(imagesPerCall: 1...2))
        }
    }

    @Test("error bodies: one-element lists, Retry-After, non-JSON kept raw, 201 is not success")
    func errorBodies() {
        let list = UpstreamErrorMapping.response(
            status: 503,
            body: Data(#"[{"error":{"code":503,"message":"busy","status":"UNAVAILABLE"}}]"#.utf8),
            headers: ["Retry-After": "3"],
            provider: "p",
            model: "m"
        )
        #expect(list.code == .upstreamUnavailable)
        #expect(list.message == "busy")
        #expect(list.retryAfter == .seconds(3))
        let html = UpstreamErrorMapping.response(status: 502, body: Data("<html>Bad Gateway</html>".utf8), headers: [:], provider: "p", model: "m")
        #expect(html.rawBody == "<html>Bad Gateway</html>")
        #expect(html.isRetryable)
        let created = UpstreamErrorMapping.response(status: 201, body: Data("{}".utf8), headers: [:], provider: "p", model: "m")
        #expect(created.httpStatus == 201)
        #expect(created.code == .upstream)
        let timeout = UpstreamErrorMapping.map(HTTPTransportError(code: .idleTimeout, message: "idle"), provider: "p", model: "m")
        #expect(timeout.code == .timeout)
        let cancelled = UpstreamErrorMapping.map(CancellationError(), provider: "p", model: "m")
        #expect(cancelled.code == .cancelled)
    }

    private func events(_ text: String, imagesRequested: Bool = false, imagesRequired: Bool = false) async throws -> [GenerateContentResponse] {
        let stream = GenerateContentEventStream(
            body: .bytes(Data(text.utf8)),
            provider: "p",
            model: "m",
            imagesRequested: imagesRequested,
            imagesRequired: imagesRequired
        )
        var out: [GenerateContentResponse] = []
        for try await chunk in stream { out.append(chunk) }
        return out
    }

    @Test("stream decoding: raw JSON error body mid-stream, list error, cut stream, image safety at the end")
    func streams() async throws {
        let chunk = #"data: {"candidates":[{"content":{"parts":[{"text":"a"}]}}]}"# + "\r\n\r\n"
        let last = #"data: {"candidates":[{"content":{"parts":[{"text":"b"}]},"finishReason":"STOP"}]}"# + "\n\n"
        #expect(try await events(chunk + last).count == 2)

        let raw = chunk + "{\n  \"error\": {\n    \"code\": 503,\n    \"message\": \"overloaded\",\n    \"status\": \"UNAVAILABLE\"\n  }\n}\n"
        do {
            _ = try await events(raw)
            Issue.record("must throw")
        } catch {
            #expect(error.switchyard?.code == .upstreamUnavailable)
            #expect(error.switchyard?.message.contains("overloaded") ?? false)
        }
        await #expect(throws: SwitchyardError.self) {
            _ = try await events(chunk + #"data: [{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"q"}}]"# + "\n\n")
        }
        do {
            _ = try await events(chunk)
            Issue.record("a stream cut before a finish reason must throw")
        } catch {
            #expect(error.switchyard?.code == .transport)
            #expect(error.switchyard?.isRetryable == true)
        }
        let unsafe = #"data: {"candidates":[{"finishReason":"IMAGE_SAFETY"}]}"# + "\n\n"
        await #expect(throws: SwitchyardError.self) { _ = try await events(unsafe, imagesRequested: true, imagesRequired: true) }
        #expect(try await events(unsafe).count == 1, "a text request's finish reason is passed through")
        let citation = #"data: {"candidates":[{"citationMetadata":{"citationSources":[{"uri":"u"}]},"finishReason":"STOP"}]}"# + "\n\n"
        #expect(try await events(citation).first?.candidates?.first?.citationMetadata?.citations?.first?.uri == "u")
    }
}
