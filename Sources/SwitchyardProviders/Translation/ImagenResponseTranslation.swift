import SwitchyardCore

/// Maps Imagen predictions back to a `GenerateContentResponse`: one candidate per image, each with one inline image
/// part and `finishReason: STOP`.
///
/// A filtered image (a prediction with `raiFilteredReason` and no bytes) becomes a candidate with
/// `finishReason: IMAGE_SAFETY`, the reason in `finishMessage`, and a warning. When no image came back at all, the
/// answer is a ``SwitchyardError`` `safetyBlocked` with Imagen's reason, never an empty success.
enum ImagenResponseTranslation {
    /// The response and the warnings about filtered images.
    static func response(
        _ predict: ImagenPredictResponse,
        model: String,
        promptTokens: Int,
        provider: String
    ) throws(SwitchyardError) -> (response: GenerateContentResponse, warnings: [String]) {
        let predictions = (predict.predictions ?? []).filter { $0.contentType == nil }
        try checkSomethingCameBack(predictions, model: model, provider: provider)
        var candidates: [Candidate] = []
        var warnings: [String] = []
        for prediction in predictions {
            var candidate = Candidate()
            candidate.index = candidates.count
            if let bytes = prediction.bytesBase64Encoded {
                let part = Part(mimeType: prediction.mimeType ?? "image/png", data: bytes)
                candidate.content = Content(role: .model, parts: [part])
                candidate.finishReason = .stop
            } else if let uri = prediction.gcsUri {
                var part = Part()
                var file = FileData()
                file.fileUri = uri
                file.mimeType = prediction.mimeType ?? "image/png"
                part.fileData = file
                candidate.content = Content(role: .model, parts: [part])
                candidate.finishReason = .stop
            } else {
                candidate.finishReason = .imageSafety
                candidate.finishMessage = prediction.raiFilteredReason ?? "the image was filtered"
                warnings.append("an image was filtered by \(model): \(candidate.finishMessage ?? "")")
            }
            candidates.append(candidate)
        }
        var usage = UsageMetadata()
        usage.promptTokenCount = promptTokens
        usage.candidatesTokenCount = 0
        usage.totalTokenCount = promptTokens
        var response = GenerateContentResponse()
        response.candidates = candidates
        response.usageMetadata = usage
        response.modelVersion = model
        return (response, warnings)
    }

    /// Throws `safetyBlocked` when the predictions hold no image: all filtered, or none at all (Imagen answers `{}`
    /// when every image was filtered and no reason was asked for).
    static func checkSomethingCameBack(_ predictions: [ImagenPrediction], model: String, provider: String) throws(SwitchyardError) {
        guard !predictions.contains(where: { $0.bytesBase64Encoded != nil || $0.gcsUri != nil }) else { return }
        let reasons = predictions.compactMap(\.raiFilteredReason)
        let message =
            reasons.isEmpty
            ? "\(model) returned no images; Imagen does this when its safety filter removes every image"
            : "\(model) filtered every image: " + reasons.joined(separator: "; ")
        throw SwitchyardError(.safetyBlocked, message, provider: provider, model: model)
    }
}
