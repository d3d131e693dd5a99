import Foundation
import SwitchyardCore

/// Maps one entry of a backend's model list to ``ModelInfo``.
///
/// AI Studio's `models[]` entries already have that shape. Vertex AI's `publisherModels[]` entries keep their `name`
/// (`publishers/google/models/{id}`), give `versionId` as `version`, and keep every other field (`launchStage`,
/// `openSourceCategory`, …) verbatim.
enum ModelListMapping {
    static func modelInfo(_ entry: JSONValue, backend: GoogleBackend, provider: String) throws(SwitchyardError) -> ModelInfo {
        let data = try WireJSON.encode(entry)
        var info = try WireJSON.decodeUpstream(ModelInfo.self, from: data, what: "model list entry", provider: provider, model: nil)
        if backend == .vertexAI, info.version == nil, let version = info.unknownFields["versionId"]?.stringValue {
            info.version = version
            info.unknownFields["versionId"] = nil
        }
        return info
    }
}
