import SwitchyardCore

/// Readies a `GenerateContentRequest` for a Gemini model on one backend: Switchyard's Imagen extension fields are
/// taken out (``ImagenExtensionFields``), and fields with another name on this backend are renamed.
enum GeminiRequestPreparation {
    /// The request to encode and the fields that cannot be sent (already removed).
    static func prepare(
        _ request: GenerateContentRequest,
        backend: GoogleBackend,
        model: String
    ) throws(SwitchyardError) -> (request: GenerateContentRequest, violations: [FieldViolation]) {
        guard var config = request.generationConfig, var imageConfig = config.imageConfig else { return (request, []) }
        var violations: [FieldViolation] = []
        if let count = imageConfig.unknownFields[ImagenExtensionFields.numberOfImages] {
            guard let number = count.integerValue, number >= 1, number <= Int64(Int32.max) else {
                throw SwitchyardError(.invalidArgument, "generationConfig.imageConfig.numberOfImages must be a positive integer", model: model)
            }
            if let candidates = config.candidateCount, Int64(candidates) != number {
                throw SwitchyardError(
                    .invalidArgument,
                    "generationConfig.candidateCount (\(candidates)) and generationConfig.imageConfig.numberOfImages (\(number)) disagree",
                    model: model
                )
            }
            config.candidateCount = Int(number)
            imageConfig.unknownFields[ImagenExtensionFields.numberOfImages] = nil
        }
        if imageConfig.unknownFields[ImagenExtensionFields.negativePrompt] != nil {
            violations.append(
                FieldViolation(path: "generationConfig.imageConfig.negativePrompt", reason: "an Imagen-only setting Gemini models cannot honour")
            )
            imageConfig.unknownFields[ImagenExtensionFields.negativePrompt] = nil
        }
        if backend == .vertexAI {
            // The SDK's flat names; Vertex AI spells them imageOutputOptions{mimeType,compressionQuality}.
            let mimeType = imageConfig.unknownFields["outputMimeType"]
            let quality = imageConfig.unknownFields["outputCompressionQuality"]
            if mimeType != nil || quality != nil {
                var options = imageConfig.imageOutputOptions ?? ImageOutputOptions()
                if let text = mimeType?.stringValue { options.mimeType = options.mimeType ?? text }
                if let number = quality?.integerValue { options.compressionQuality = options.compressionQuality ?? Int(number) }
                imageConfig.imageOutputOptions = options
                imageConfig.unknownFields["outputMimeType"] = nil
                imageConfig.unknownFields["outputCompressionQuality"] = nil
            }
        }
        config.imageConfig = imageConfig
        var prepared = request
        prepared.generationConfig = config
        return (prepared, violations)
    }
}
