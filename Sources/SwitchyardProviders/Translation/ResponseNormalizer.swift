import SwitchyardCore

/// Makes a backend's `GenerateContentResponse` look the same whichever backend sent it.
///
/// Citations: AI Studio's `citationMetadata.citationSources[]` and Vertex AI's `citationMetadata.citations[]` carry the
/// same records; both come out as `citations[]` (the name the google-genai SDK uses for both backends), the records
/// unchanged. Backend-only fields (`createTime`, `modelStatus`, `finishMessage`, `trafficType`, unknown ones) are kept,
/// and every key is encoded in lowerCamel by the wire model.
enum ResponseNormalizer {
    /// The normalised response.
    static func normalize(_ response: GenerateContentResponse) -> GenerateContentResponse {
        guard var candidates = response.candidates,
            candidates.contains(where: { $0.citationMetadata?.citationSources != nil })
        else { return response }
        for index in candidates.indices {
            guard var metadata = candidates[index].citationMetadata, let sources = metadata.citationSources else { continue }
            metadata.citations = (metadata.citations ?? []) + sources
            metadata.citationSources = nil
            candidates[index].citationMetadata = metadata
        }
        var normalized = response
        normalized.candidates = candidates
        return normalized
    }
}
