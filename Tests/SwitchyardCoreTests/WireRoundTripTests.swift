import Foundation
import SwitchyardCore
import Testing

@Suite("Wire model round trips")
struct WireRoundTripTests {
    @Test("AI Studio image-output response round trips and reads citationSources")
    func aiStudioImageResponse() throws {
        let data = try Fixture.data("aistudio-image-response")
        let response = try JSONDecoder().decode(GenerateContentResponse.self, from: data)
        #expect(try JSONText.canonical(JSONText.encode(response)) == JSONText.canonical(data))

        let candidate = try #require(response.candidates?.first)
        #expect(candidate.finishReason == .stop)
        #expect(candidate.tokenCount == 1302)
        #expect(candidate.citationMetadata?.allCitations.first?.uri == "https://example.org/field-guide")
        #expect(candidate.citationMetadata?.citations == nil)
        let parts = try #require(candidate.content?.parts)
        #expect(parts[0].thoughtSignature?.bytes().isEmpty == false)
        #expect(parts[1].inlineData?.mimeType == "image/png")
        #expect(parts[1].inlineData?.data?.bytes().prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        #expect(response.usageMetadata?.candidatesTokensDetails?.first?.modality == .image)
        #expect(response.modelStatus?.modelStage == "PREVIEW")
        #expect(response.responseId == "l3tFaMz1Gp2Oz7IPu8-ZuQs")
    }

    @Test("Vertex response round trips with citations, createTime and safety scores")
    func vertexResponse() throws {
        let data = try Fixture.data("vertex-text-response")
        let response = try JSONDecoder().decode(GenerateContentResponse.self, from: data)
        #expect(try JSONText.canonical(JSONText.encode(response)) == JSONText.canonical(data))

        let candidate = try #require(response.candidates?.first)
        #expect(response.createTime == "2025-06-08T12:31:44.218765Z")
        #expect(candidate.citationMetadata?.citations?.first?.title == "Rhine")
        #expect(candidate.citationMetadata?.allCitations.count == 1)
        #expect(candidate.citationMetadata?.citations?.first?.publicationDate?["year"] == 2024)
        let rating = try #require(candidate.safetyRatings?.last)
        #expect(rating.probability == .low)
        #expect(rating.severity == .low)
        #expect(rating.probabilityScore == 0.21)
        #expect(rating.overwrittenThreshold == .blockOnlyHigh)
        #expect(candidate.finishMessage == "Model generated a complete answer.")
        #expect(candidate.groundingMetadata?.webSearchQueries == ["where does the rhine rise"])
        #expect(response.usageMetadata?.trafficType == "ON_DEMAND")
        #expect(candidate.unknownFields.isEmpty)
    }

    @Test("SDK request with snake_case keys and URL-safe base64 decodes and re-encodes as camelCase")
    func snakeCaseRequest() throws {
        let request = try Fixture.decode(GenerateContentRequest.self, "sdk-request-snake-case")
        let parts = try #require(request.contents?.first?.parts)
        #expect(parts[1].inlineData?.mimeType == "image/png")
        #expect(parts[1].inlineData?.data?.bytes() == Data([0xFF, 0xFE, 0xFD, 0x3E, 0x3E, 0x3F]))
        #expect(parts[2].fileData?.fileUri == "gs://bucket/fox.jpg")
        #expect(parts[3].inlineData?.data?.bytes() == Data([0xFF, 0xEF]))
        #expect(request.toolConfig?.functionCallingConfig?.mode == .any)
        #expect(request.toolConfig?.functionCallingConfig?.allowedFunctionNames == ["lookup_style"])
        let config = try #require(request.generationConfig)
        #expect(config.topP == 0.9)
        #expect(config.maxOutputTokens == 2048)
        #expect(config.responseModalities == [.text, .image])
        #expect(config.thinkingConfig?.includeThoughts == true)
        #expect(config.thinkingConfig?.thinkingBudget == 0)
        #expect(config.imageConfig?.aspectRatio == "16:9")
        #expect(config.imageConfig?.imageOutputOptions?.compressionQuality == 80)
        #expect(request.safetySettings?.first?.method == "SEVERITY")
        #expect(request.tools?.first?.functionDeclarations?.first?.parameters?["properties"]?["style_name"] != nil)

        let encoded = try JSONText.canonical(JSONText.encode(request))
        #expect(encoded == (try JSONText.canonical(Fixture.data("sdk-request-snake-case.expected"))))
    }

    @Test("Imagen generate, edit and upscale requests round trip")
    func imagenRequests() throws {
        let generateData = try Fixture.data("imagen-generate-request")
        let generate = try JSONDecoder().decode(ImagenPredictRequest.self, from: generateData)
        #expect(try JSONText.canonical(JSONText.encode(generate)) == JSONText.canonical(generateData))
        #expect(generate.parameters?.sampleCount == 2)
        #expect(generate.parameters?.negativePrompt == "dog")
        #expect(generate.parameters?.outputOptions?.mimeType == "image/jpeg")
        #expect(generate.instances?.first?.prompt == "cat")

        let edit = try Fixture.decode(ImagenPredictRequest.self, "imagen-edit-request")
        let references = try #require(edit.instances?.first?.referenceImages)
        #expect(references[0].referenceImage?.bytesBase64Encoded?.standardBase64 == "iVBORw0KGgo+/w==")
        #expect(references[1].maskImageConfig?.maskClasses == [8, 9])
        #expect(references[2].styleImageConfig?["style_description"] == "loose watercolor")
        #expect(edit.parameters?.editMode == "EDIT_MODE_INPAINT_INSERTION")
        let editJSON = try JSONText.canonical(JSONText.encode(edit))
        #expect(
            editJSON["instances"]?.arrayValue?.first?["referenceImages"]?.arrayValue?[2]["styleImageConfig"] == [
                "style_description": "loose watercolor"
            ]
        )

        let upscale = try Fixture.decode(ImagenPredictRequest.self, "imagen-upscale-request")
        #expect(upscale.parameters?.upscaleConfig?.upscaleFactor == "x4")
        #expect(upscale.parameters?.mode == "upscale")
        let upscaleJSON = try JSONText.canonical(JSONText.encode(upscale))
        #expect(upscaleJSON["instances"]?.arrayValue?.first?["image"]?["bytesBase64Encoded"] == "iVBORw0KGgoAAAANSUhEUg==")
    }

    @Test("Imagen predict response keeps images, filtered reasons and prompt safety")
    func imagenResponse() throws {
        let data = try Fixture.data("imagen-predict-response")
        let response = try JSONDecoder().decode(ImagenPredictResponse.self, from: data)
        #expect(try JSONText.canonical(JSONText.encode(response)) == JSONText.canonical(data))
        let predictions = try #require(response.predictions)
        #expect(predictions.count == 3)
        #expect(predictions[0].bytesBase64Encoded?.byteCount == 70)
        #expect(predictions[0].prompt == "A photorealistic cat sitting on a sunny windowsill")
        #expect(predictions[0].safetyAttributes?.scores == [0.9])
        #expect(predictions[1].raiFilteredReason?.hasPrefix("56562880") == true)
        #expect(predictions[1].bytesBase64Encoded == nil)
        #expect(predictions[2].contentType == "Positive Prompt")
        #expect(response.unknownFields["deployedModelId"] == "8217364710912")
    }

    @Test("countTokens and model list bodies decode both spellings")
    func countTokensAndModels() throws {
        let request = try JSONDecoder().decode(
            CountTokensRequest.self,
            from: Data(#"{"contents":[{"parts":[{"text":"hi"}]}],"system_instruction":{"parts":[{"text":"be brief"}]}}"#.utf8)
        )
        #expect(request.systemInstruction?.parts?.first?.text == "be brief")
        let response = try JSONDecoder().decode(
            CountTokensResponse.self,
            from: Data(#"{"total_tokens":31,"totalBillableCharacters":96}"#.utf8)
        )
        #expect(response.totalTokens == 31)
        #expect(response.totalBillableCharacters == 96)
        let list = try JSONDecoder().decode(
            ListModelsResponse.self,
            from: Data(
                #"{"models":[{"name":"models/gemini-2.0-flash","input_token_limit":1048576,"supportedGenerationMethods":["generateContent","countTokens"]}],"nextPageToken":"n"}"#
                    .utf8
            )
        )
        #expect(list.models?.first?.inputTokenLimit == 1_048_576)
        #expect(list.models?.first?.supportedGenerationMethods == ["generateContent", "countTokens"])
    }
}
