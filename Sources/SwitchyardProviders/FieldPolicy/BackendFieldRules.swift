/// The request fields each backend does not accept (gemini-wire.md §3.3, §4.2), as ``FieldRule`` tables.
///
/// A request that uses one of them is refused before sending or sent without it, per the provider's policy.
/// Fields neither table names pass through unchanged, so fields Google adds later keep working.
enum BackendFieldRules {
    private static let vertexOnly = "a Vertex AI field"
    private static let aiStudioOnly = "a Google AI Studio field"

    /// Part-level rules, applied to every content list.
    private static func partRules(_ parts: String, for backend: GoogleBackend) -> [FieldRule] {
        switch backend {
        case .aiStudio:
            [
                FieldRule("\(parts).functionCall.partialArgs", reason: vertexOnly),
                FieldRule("\(parts).functionCall.willContinue", reason: vertexOnly),
            ]
        case .vertexAI:
            [
                FieldRule("\(parts).toolCall", reason: aiStudioOnly),
                FieldRule("\(parts).toolResponse", reason: aiStudioOnly),
                FieldRule("\(parts).partMetadata", reason: aiStudioOnly),
                FieldRule("\(parts).functionResponse.willContinue", reason: aiStudioOnly),
                FieldRule("\(parts).functionResponse.scheduling", reason: aiStudioOnly),
            ]
        }
    }

    /// Rules for a `GenerateContentRequest` body sent to `backend`; built once, not per request (the paths are parsed
    /// when a table is built).
    static func generateContent(for backend: GoogleBackend) -> FieldRuleSet {
        backend == .aiStudio ? Tables.aiStudio.generateContent : Tables.vertexAI.generateContent
    }

    /// Rules for a `countTokens` body as the caller sent it: the generate rules at the root (contents, system
    /// instruction, tools, generation config) and under `generateContentRequest`.
    static func countTokens(for backend: GoogleBackend) -> FieldRuleSet {
        backend == .aiStudio ? Tables.aiStudio.countTokens : Tables.vertexAI.countTokens
    }

    /// Rules for an Imagen `:predict` body: AI Studio never accepted these (the SDK raised before sending).
    static func imagenPredict(for backend: GoogleBackend) -> FieldRuleSet {
        backend == .aiStudio ? Tables.aiStudio.imagenPredict : Tables.vertexAI.imagenPredict
    }

    /// The tables of one backend, built on first use.
    private struct Tables: Sendable {
        let generateContent: FieldRuleSet
        let countTokens: FieldRuleSet
        let imagenPredict: FieldRuleSet

        static let aiStudio = Tables(backend: .aiStudio)
        static let vertexAI = Tables(backend: .vertexAI)

        init(backend: GoogleBackend) {
            let generate = BackendFieldRules.buildGenerateContent(for: backend)
            generateContent = FieldRuleSet(generate)
            countTokens = FieldRuleSet(generate + generate.map { $0.nested(under: "generateContentRequest") })
            imagenPredict = FieldRuleSet(BackendFieldRules.buildImagenPredict(for: backend))
        }
    }

    private static func buildGenerateContent(for backend: GoogleBackend) -> [FieldRule] {
        let parts = partRules("contents[].parts[]", for: backend) + partRules("systemInstruction.parts[]", for: backend)
        switch backend {
        case .aiStudio:
            return parts + [
                FieldRule("generationConfig.routingConfig", reason: vertexOnly),
                FieldRule("generationConfig.modelConfig", reason: vertexOnly),
                FieldRule("generationConfig.audioTimestamp", reason: vertexOnly),
                FieldRule("modelArmorConfig", reason: vertexOnly),
                FieldRule("outputConfig", reason: vertexOnly),
                FieldRule("safetySettings[].method", reason: vertexOnly),
                FieldRule("generationConfig.imageConfig.personGeneration", reason: vertexOnly),
                FieldRule("generationConfig.imageConfig.prominentPeople", reason: vertexOnly),
                FieldRule("generationConfig.imageConfig.imageOutputOptions", reason: vertexOnly),
                FieldRule("generationConfig.imageConfig.outputMimeType", reason: vertexOnly),
                FieldRule("generationConfig.imageConfig.outputCompressionQuality", reason: vertexOnly),
                FieldRule("tools[].retrieval", reason: vertexOnly),
                FieldRule("tools[].enterpriseWebSearch", reason: vertexOnly),
                FieldRule("tools[].parallelAiSearch", reason: vertexOnly),
                FieldRule("tools[].exaAiSearch", reason: vertexOnly),
                FieldRule("tools[].googleSearch.blockingConfidence", reason: vertexOnly),
                FieldRule("tools[].googleSearch.excludeDomains", reason: vertexOnly),
                FieldRule("tools[].googleMaps.groundingTypes", reason: vertexOnly),
                FieldRule("toolConfig.functionCallingConfig.streamFunctionCallArguments", reason: vertexOnly),
                FieldRule(schemaAt: "generationConfig.responseSchema", keyword: "additionalProperties", reason: vertexOnly),
                FieldRule(schemaAt: "tools[].functionDeclarations[].parameters", keyword: "additionalProperties", reason: vertexOnly),
                FieldRule(schemaAt: "tools[].functionDeclarations[].response", keyword: "additionalProperties", reason: vertexOnly),
            ]
        case .vertexAI:
            return parts + [
                FieldRule("store", reason: aiStudioOnly),
                FieldRule("generationConfig.enableEnhancedCivicAnswers", reason: aiStudioOnly),
                FieldRule("tools[].fileSearch", reason: aiStudioOnly),
                FieldRule("toolConfig.includeServerSideToolInvocations", reason: aiStudioOnly),
            ]
        }
    }

    private static func buildImagenPredict(for backend: GoogleBackend) -> [FieldRule] {
        guard backend == .aiStudio else { return [] }
        return ["negativePrompt", "seed", "addWatermark", "enhancePrompt", "storageUri"].map {
            FieldRule("parameters.\($0)", reason: "an Imagen parameter only Vertex AI accepts")
        } + [FieldRule("labels", reason: "an Imagen parameter only Vertex AI accepts")]
    }
}
