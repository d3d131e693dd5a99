extension RequestNeeds {
    /// Every reason a model with `capabilities` cannot serve these needs; empty when it fits.
    public func check(against capabilities: ModelCapabilities) -> [CapabilityMismatch] {
        var mismatches: [CapabilityMismatch] = []
        let outputs = capabilities.outputModalities
        for modality in requiredOutputModalities where !outputs.contains(modality) {
            mismatches.append(
                CapabilityMismatch(.outputModality, "needs \(modality.rawValue.lowercased()) output; model outputs \(Self.list(outputs)) only")
            )
        }
        let inputs = capabilities.inputModalities
        for modality in inputModalities.sorted(by: { $0.rawValue < $1.rawValue }) where !inputs.contains(modality) {
            mismatches.append(
                CapabilityMismatch(.inputModality, "needs \(modality.rawValue.lowercased()) input; model accepts \(Self.list(inputs)) only")
            )
        }
        for feature in ModelFeature.all where uses(feature) && !capabilities.supports(feature) {
            mismatches.append(CapabilityMismatch(CapabilityMismatch.Code(feature), Self.missing(feature)))
        }
        if let window = capabilities.contextWindow, estimatedPromptTokens > window {
            mismatches.append(
                CapabilityMismatch(
                    .contextWindow,
                    "prompt is about \(estimatedPromptTokens) tokens; model's context window is \(window) tokens"
                )
            )
        }
        if let requested = requestedMaxOutputTokens, let limit = capabilities.maxOutputTokens, requested > limit {
            mismatches.append(
                CapabilityMismatch(.maxOutputTokens, "asks for \(requested) output tokens; model allows at most \(limit)")
            )
        }
        if let count = candidateCount, count > 1 {
            let limit = capabilities.apiMethod == .predict ? capabilities.images?.imagesPerCall.upperBound ?? 1 : capabilities.maxCandidates
            if let limit, count > limit {
                mismatches.append(CapabilityMismatch(.candidateCount, "asks for \(count) candidates; model returns at most \(limit) per call"))
            }
        }
        if let ratio = aspectRatio, let allowed = capabilities.images?.aspectRatios, !allowed.isEmpty, !allowed.contains(ratio) {
            mismatches.append(
                CapabilityMismatch(.aspectRatio, "asks for aspect ratio \(ratio); model supports \(allowed.joined(separator: ", "))")
            )
        }
        if usesSeed, let images = capabilities.images, capabilities.apiMethod == .predict, !images.seed {
            mismatches.append(CapabilityMismatch(.seed, "sets a seed; model does not support seeds"))
        }
        return mismatches
    }

    private static func list(_ modalities: [Modality]) -> String {
        modalities.isEmpty ? "nothing" : modalities.map(\.rawValue).joined(separator: " and ")
    }

    private static func missing(_ feature: ModelFeature) -> String {
        switch feature {
        case .tools: "uses tools; model does not support tools"
        case .toolChoice: "forces or restricts function calls (toolConfig); model does not support tool choice"
        case .temperature: "sets temperature; model does not support it"
        case .topP: "sets topP; model does not support it"
        case .topK: "sets topK; model does not support it"
        case .maxTokens: "sets maxOutputTokens; model does not support it"
        case .stopSequences: "sets stopSequences; model does not support them"
        case .structuredOutputs: "asks for structured (JSON) output; model does not support structured outputs"
        case .streaming: "asks for streaming; model does not stream"
        case .multiTurn: "is a multi-turn conversation; model serves single-turn prompts only"
        default: "uses \(feature.rawValue); model does not support it"
        }
    }
}
