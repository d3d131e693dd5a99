import SwitchyardCore

/// Shapes a `countTokens` body for a backend (gemini-wire.md §5).
///
/// - AI Studio takes `contents` only, or a whole `generateContentRequest` (which must name the model): a system
///   instruction, tools or generation config given at the top level move into a `generateContentRequest`.
/// - Vertex AI takes `contents`, `systemInstruction`, `tools` and `generationConfig` at the top level: a
///   `generateContentRequest` is flattened into them.
enum CountTokensTranslation {
    /// The body to send.
    static func translate(
        _ request: CountTokensRequest,
        backend: GoogleBackend,
        modelResource: String,
        model: String
    ) throws(SwitchyardError) -> CountTokensRequest {
        var result = request
        switch backend {
        case .aiStudio:
            if var inner = request.generateContentRequest {
                if request.contents != nil || request.systemInstruction != nil || request.tools != nil || request.generationConfig != nil {
                    throw SwitchyardError(
                        .invalidArgument,
                        "countTokens takes either generateContentRequest or contents/systemInstruction/tools/generationConfig, not both",
                        model: model
                    )
                }
                inner.model = modelResource
                result.generateContentRequest = inner
            } else if request.systemInstruction != nil || request.tools != nil || request.generationConfig != nil {
                var inner = GenerateContentRequest()
                inner.model = modelResource
                inner.contents = request.contents
                inner.systemInstruction = request.systemInstruction
                inner.tools = request.tools
                inner.generationConfig = request.generationConfig
                result = CountTokensRequest()
                result.generateContentRequest = inner
                result.unknownFields = request.unknownFields
            }
        case .vertexAI:
            if let inner = request.generateContentRequest {
                result.generateContentRequest = nil
                result.contents = result.contents ?? inner.contents
                result.systemInstruction = result.systemInstruction ?? inner.systemInstruction
                result.tools = result.tools ?? inner.tools
                result.generationConfig = result.generationConfig ?? inner.generationConfig
            }
        }
        return result
    }
}
