import SwitchyardCore

/// Serves an Imagen-shaped `generateImages` request with a Gemini image model: the prompt and parameters become a
/// `generateContent` request with `responseModalities: ["TEXT", "IMAGE"]`, and the inline images of the answer come
/// back as predictions.
///
/// `TEXT` is asked for alongside `IMAGE` because some image models (`gemini-2.0-flash-preview-image-generation`) refuse
/// `IMAGE` alone; any text is left out of the predictions.
///
/// | Imagen parameter | GenerateContentRequest field |
/// |---|---|
/// | `sampleCount` | `generationConfig.candidateCount` (when more than 1) |
/// | `aspectRatio` | `generationConfig.imageConfig.aspectRatio` |
/// | `sampleImageSize` | `generationConfig.imageConfig.imageSize` |
/// | `personGeneration` | `generationConfig.imageConfig.personGeneration` |
/// | `outputOptions` | `generationConfig.imageConfig.imageOutputOptions` |
/// | `seed` | `generationConfig.seed` |
/// | `labels` | `labels` |
///
/// `includeRaiReason` and `includeSafetyAttributes` only ask for diagnostics and are ignored. Every other parameter
/// (`negativePrompt`, `guidanceScale`, `safetySetting`, `addWatermark`, `enhancePrompt`, `storageUri`, `language`, edit
/// and upscale options) has no Gemini equivalent and follows the unsupported-field policy. Edit and upscale requests
/// (reference images, an input image) are refused.
struct GeminiImageTranslation {
    /// The `generateContent` body.
    var request: GenerateContentRequest
    /// Imagen parameters Gemini cannot honour (removed).
    var violations: [FieldViolation]

    init(_ predict: ImagenPredictRequest, model: String) throws(SwitchyardError) {
        let instances = predict.instances ?? []
        guard instances.count == 1, let instance = instances.first else {
            throw SwitchyardError(.invalidArgument, "instances must hold exactly one prompt (it holds \(instances.count))", model: model)
        }
        if instance.referenceImages != nil || instance.image != nil {
            throw SwitchyardError(
                .invalidArgument,
                "\(model) is a Gemini model: Imagen edit and upscale requests (instances[0].referenceImages / image) need an Imagen edit model",
                model: model
            )
        }
        guard let prompt = instance.prompt, !prompt.trimmingWhitespace().isEmpty else {
            throw SwitchyardError(.invalidArgument, "instances[0].prompt is required", model: model)
        }
        let parameters = predict.parameters ?? ImagenParameters()
        var config = GenerationConfig()
        config.responseModalities = [.text, .image]
        if let count = parameters.sampleCount, count > 1 { config.candidateCount = count }
        config.seed = parameters.seed
        var imageConfig = ImageConfig()
        imageConfig.aspectRatio = parameters.aspectRatio
        imageConfig.imageSize = parameters.sampleImageSize
        imageConfig.personGeneration = parameters.personGeneration
        imageConfig.imageOutputOptions = parameters.outputOptions
        if imageConfig != ImageConfig() { config.imageConfig = imageConfig }

        var request = GenerateContentRequest()
        request.contents = [Content(role: .user, parts: [Part(text: prompt)])]
        request.generationConfig = config
        request.labels = predict.labels

        let reason = "an Imagen parameter Gemini models have no equivalent for"
        let unsupported: [(String, Bool)] = [
            ("negativePrompt", parameters.negativePrompt != nil), ("guidanceScale", parameters.guidanceScale != nil),
            ("safetySetting", parameters.safetySetting != nil), ("addWatermark", parameters.addWatermark != nil),
            ("enhancePrompt", parameters.enhancePrompt != nil), ("storageUri", parameters.storageUri != nil),
            ("language", parameters.language != nil), ("editMode", parameters.editMode != nil),
            ("editConfig", parameters.editConfig != nil), ("mode", parameters.mode != nil),
            ("upscaleConfig", parameters.upscaleConfig != nil),
        ]
        var violations = unsupported.filter(\.1).map { FieldViolation(path: "parameters.\($0.0)", reason: reason) }
        violations += parameters.unknownFields.keys.map { FieldViolation(path: "parameters.\($0)", reason: reason) }
        self.request = request
        self.violations = violations
    }

    /// The predictions of a Gemini answer: one per inline image; a candidate that stopped for a safety reason without
    /// an image becomes a prediction with `raiFilteredReason`.
    /// - Throws: ``SwitchyardError`` `safetyBlocked` when no image came back for a safety reason, `upstream` when the
    ///   model answered without any image for another reason.
    static func predictions(
        from response: GenerateContentResponse,
        model: String,
        provider: String
    ) throws(SwitchyardError)
        -> ImagenPredictResponse
    {
        try ImageOutcome.check(response, imagesRequired: true, provider: provider, model: model)
        var predictions: [ImagenPrediction] = []
        for candidate in response.candidates ?? [] {
            let images = (candidate.content?.parts ?? []).filter(ImageOutcome.isImage)
            for image in images {
                var prediction = ImagenPrediction()
                prediction.bytesBase64Encoded = image.inlineData?.data
                prediction.mimeType = image.inlineData?.mimeType
                predictions.append(prediction)
            }
            if images.isEmpty, let reason = candidate.finishReason, ImageOutcome.blockingReasons.contains(reason) {
                var prediction = ImagenPrediction()
                prediction.raiFilteredReason = candidate.finishMessage ?? reason.rawValue
                predictions.append(prediction)
            }
        }
        guard predictions.contains(where: { $0.bytesBase64Encoded != nil }) else {
            throw SwitchyardError(
                .upstream,
                "\(model) answered without an image (finish reason \(response.candidates?.first?.finishReason?.rawValue ?? "none"))",
                provider: provider,
                model: model
            )
        }
        var result = ImagenPredictResponse()
        result.predictions = predictions
        return result
    }
}
