import SwitchyardCore

/// Translates a single-turn text-to-image `GenerateContentRequest` for an Imagen model into a `:predict` body
/// (the mapping is documented on ``ImagenExtensionFields``).
///
/// Requests Imagen cannot serve are refused with `invalidArgument` and a message naming the reason: streaming,
/// multi-turn history, a system instruction, tools, image or file input, structured output, cached content, or
/// response modalities without `IMAGE`.
struct ImagenRequestTranslation {
    /// The `:predict` body.
    var predict: ImagenPredictRequest
    /// Fields the backend does not accept for Imagen (removed); refused or dropped per policy.
    var violations: [FieldViolation]
    /// Settings Imagen has no use for, reported as warnings.
    var ignored: [String]

    init(_ request: GenerateContentRequest, model: String, backend: GoogleBackend, limits: ImageGenerationLimits?) throws(SwitchyardError) {
        func refuse(_ reason: String) -> SwitchyardError {
            SwitchyardError(
                .invalidArgument,
                "\(model) is an Imagen model (text to image through :predict) and cannot serve this request: \(reason)",
                model: model
            )
        }
        let contents = request.contents ?? []
        guard contents.count == 1, let content = contents.first else {
            throw refuse(contents.isEmpty ? "it has no prompt" : "it has a multi-turn history (\(contents.count) contents); Imagen takes one prompt")
        }
        if let role = content.role, role != .user { throw refuse("the prompt's role is \(role.rawValue), not user") }
        var texts: [String] = []
        for part in content.parts ?? [] {
            if let text = part.text, part.thought != true {
                texts.append(text)
            } else if part.inlineData != nil || part.fileData != nil {
                throw refuse("it carries image or file input; Imagen generates from text only")
            } else if part.functionCall != nil || part.functionResponse != nil {
                throw refuse("it carries function calls or responses")
            } else if part.thought != true {
                throw refuse("it carries a part that is not text")
            }
        }
        let prompt = texts.joined(separator: "\n")
        guard !prompt.trimmingWhitespace().isEmpty else { throw refuse("the prompt has no text") }
        if request.systemInstruction != nil { throw refuse("it has a system instruction") }
        if !(request.tools ?? []).isEmpty { throw refuse("it declares tools") }
        if request.cachedContent != nil { throw refuse("it uses cached content") }

        let config = request.generationConfig ?? GenerationConfig()
        if config.responseMimeType.map({ $0 != "text/plain" }) ?? false || config.responseSchema != nil || config.responseJsonSchema != nil {
            throw refuse("it asks for structured output (responseMimeType/responseSchema)")
        }
        if let modalities = config.responseModalities, !modalities.contains(.image) {
            throw refuse("its responseModalities do not include IMAGE")
        }
        let imageConfig = config.imageConfig ?? ImageConfig()
        let extensionCount = imageConfig.unknownFields[ImagenExtensionFields.numberOfImages]?.integerValue.map(Int.init)
        if let extensionCount, let candidateCount = config.candidateCount, extensionCount != candidateCount {
            throw SwitchyardError(
                .invalidArgument,
                "generationConfig.candidateCount (\(candidateCount)) and generationConfig.imageConfig.numberOfImages (\(extensionCount)) disagree",
                model: model
            )
        }
        let count = config.candidateCount ?? extensionCount ?? 1
        let range = limits?.imagesPerCall ?? 1...4
        guard range.contains(count) else {
            throw SwitchyardError(
                .invalidArgument,
                "\(model) generates \(range.lowerBound)–\(range.upperBound) images per call; \(count) were asked for (generationConfig.candidateCount)",
                model: model
            )
        }

        var parameters = ImagenParameters()
        parameters.sampleCount = count
        parameters.aspectRatio = imageConfig.aspectRatio
        parameters.sampleImageSize = imageConfig.imageSize
        parameters.personGeneration = imageConfig.personGeneration
        parameters.outputOptions = imageConfig.imageOutputOptions
        parameters.includeRaiReason = true
        var violations: [FieldViolation] = []
        let vertexOnly = "an Imagen parameter only Vertex AI accepts"
        if let negative = imageConfig.unknownFields[ImagenExtensionFields.negativePrompt] {
            if backend == .vertexAI {
                parameters.negativePrompt = negative.stringValue
            } else {
                violations.append(FieldViolation(path: "generationConfig.imageConfig.negativePrompt", reason: vertexOnly))
            }
        }
        if let seed = config.seed {
            if backend == .vertexAI {
                parameters.seed = seed
            } else {
                violations.append(FieldViolation(path: "generationConfig.seed", reason: vertexOnly))
            }
        }
        var predict = ImagenPredictRequest()
        if let labels = request.labels {
            if backend == .vertexAI {
                predict.labels = labels
            } else {
                violations.append(FieldViolation(path: "labels", reason: vertexOnly))
            }
        }
        var instance = ImagenInstance()
        instance.prompt = prompt
        predict.instances = [instance]
        predict.parameters = parameters

        var ignored: [String] = []
        let sampling: [(String, Bool)] = [
            ("temperature", config.temperature != nil), ("topP", config.topP != nil), ("topK", config.topK != nil),
            ("maxOutputTokens", config.maxOutputTokens != nil), ("stopSequences", config.stopSequences != nil),
            ("presencePenalty", config.presencePenalty != nil), ("frequencyPenalty", config.frequencyPenalty != nil),
            ("thinkingConfig", config.thinkingConfig != nil),
        ]
        ignored += sampling.filter(\.1).map { "ignored generationConfig.\($0.0): \(model) is an Imagen model and has no such setting" }
        if request.safetySettings != nil {
            ignored.append("ignored safetySettings: \(model) is an Imagen model; its safety filter is set by the provider")
        }
        self.predict = predict
        self.violations = violations
        self.ignored = ignored
    }
}
