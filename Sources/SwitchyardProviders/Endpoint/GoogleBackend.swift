/// The two Google backends that serve Gemini and Imagen models.
public enum GoogleBackend: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Google AI Studio, the Gemini Developer API (`generativelanguage.googleapis.com`).
    case aiStudio = "google-ai-studio"
    /// Google Cloud Vertex AI (`aiplatform.googleapis.com`).
    case vertexAI = "vertex-ai"

    /// A human name for messages, e.g. `Google AI Studio`.
    public var displayName: String {
        switch self {
        case .aiStudio: "Google AI Studio"
        case .vertexAI: "Vertex AI"
        }
    }

    /// The provider type name, as in configuration files.
    public var description: String { rawValue }

    /// The other backend.
    var other: GoogleBackend {
        self == .aiStudio ? .vertexAI : .aiStudio
    }
}
