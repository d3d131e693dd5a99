import SwitchyardCore

/// Decides whether an answer that should have carried images is a safety outcome rather than a success.
enum ImageOutcome {
    /// Finish reasons that mean output was withheld.
    static let blockingReasons: Set<FinishReason> = [
        .imageSafety, .imageProhibitedContent, .imageOther, .noImage, .imageRecitation, .safety, .prohibitedContent, .blocklist,
        .spii, .recitation,
    ]

    /// Whether a request needs images back: `responseModalities` asks for `IMAGE` and not `TEXT`.
    static func imagesRequired(by request: GenerateContentRequest) -> Bool {
        let modalities = request.generationConfig?.responseModalities ?? []
        return modalities.contains(.image) && !modalities.contains(.text)
    }

    /// Whether a request asks for images at all.
    static func imagesRequested(by request: GenerateContentRequest) -> Bool {
        request.generationConfig?.responseModalities?.contains(.image) ?? false
    }

    /// Whether a part is an inline image.
    static func isImage(_ part: Part) -> Bool {
        part.inlineData?.mimeType?.hasPrefix("image/") ?? false
    }

    /// The safety error for an answer with no image when images were asked for, or `nil` when it is a real answer.
    ///
    /// An answer is a safety outcome when no candidate carries an image, and either images were required (and a
    /// candidate stopped for a safety reason, or the prompt was blocked) or nothing at all came back.
    /// - Parameters:
    ///   - sawImage: Whether an image arrived (in this response, or earlier chunks of a stream).
    ///   - sawContent: Whether any part arrived.
    static func safetyFailure(
        finishReasons: [FinishReason],
        finishMessages: [String],
        blockReason: BlockReason?,
        sawImage: Bool,
        sawContent: Bool,
        imagesRequired: Bool,
        provider: String,
        model: String
    ) -> SwitchyardError? {
        guard !sawImage else { return nil }
        let blocking = finishReasons.filter { blockingReasons.contains($0) }
        if let blockReason {
            return SwitchyardError(
                .safetyBlocked,
                "the prompt was blocked (\(blockReason.rawValue)); no image was generated",
                provider: provider,
                model: model
            )
        }
        guard !blocking.isEmpty, imagesRequired || !sawContent else { return nil }
        var message = "no image was generated: the model stopped with \(blocking.map(\.rawValue).joined(separator: ", "))"
        if let detail = finishMessages.first(where: { !$0.isEmpty }) { message += " (\(detail))" }
        return SwitchyardError(.safetyBlocked, message, provider: provider, model: model)
    }

    /// The check for a complete, non-streamed response.
    static func check(_ response: GenerateContentResponse, imagesRequired: Bool, provider: String, model: String) throws(SwitchyardError) {
        let candidates = response.candidates ?? []
        let parts = candidates.flatMap { $0.content?.parts ?? [] }
        let blockReason = candidates.isEmpty ? response.promptFeedback?.blockReason : nil
        if let failure = safetyFailure(
            finishReasons: candidates.compactMap(\.finishReason),
            finishMessages: candidates.compactMap(\.finishMessage),
            blockReason: imagesRequired ? blockReason : nil,
            sawImage: parts.contains(where: isImage),
            sawContent: !parts.isEmpty,
            imagesRequired: imagesRequired,
            provider: provider,
            model: model
        ) {
            throw failure
        }
    }
}
