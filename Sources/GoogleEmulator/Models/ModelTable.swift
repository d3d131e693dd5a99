import SwitchyardCore

/// What a model does in the emulator.
enum ModelKind: Sendable {
    /// Gemini text (and tools, JSON output); `generateContent`, `streamGenerateContent`, `countTokens`.
    case gemini
    /// Gemini with native image output (`responseModalities` with `IMAGE`).
    case geminiImage
    /// Imagen text-to-image through `:predict`.
    case imagen
}

/// A model Google offers, as the emulator knows it: Google's truth, independent of Switchyard's catalog.
struct EmulatedModel: Sendable {
    let id: String
    let displayName: String
    let description: String
    let kind: ModelKind
    let version: String
    /// Offered by the Gemini Developer API.
    let aiStudio: Bool
    /// Vertex AI regions that serve it; empty means not on Vertex.
    let vertexLocations: Set<String>
    let inputTokenLimit: Int
    let outputTokenLimit: Int
    let thinking: Bool

    /// Vertex's exclusive upper bound for `maxOutputTokens`: the Gemini 2.5 models stop one short of their
    /// documented limit (65536 is refused), the others accept their limit.
    var vertexOutputBound: Int {
        outputTokenLimit == 65_536 ? outputTokenLimit : outputTokenLimit + 1
    }

    var methods: [String] {
        switch kind {
        case .gemini, .geminiImage: ["generateContent", "streamGenerateContent", "countTokens"]
        case .imagen: ["predict"]
        }
    }

    func supports(method: String) -> Bool {
        methods.contains(method)
    }

    /// The `models.get` / `models.list` entry on AI Studio.
    var aiStudioEntry: JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string("models/\(id)")),
            ("version", .string(version)),
            ("displayName", .string(displayName)),
            ("description", .string(description)),
            ("inputTokenLimit", .integer(Int64(inputTokenLimit))),
            ("outputTokenLimit", .integer(Int64(outputTokenLimit))),
            ("supportedGenerationMethods", .array(methods.filter { $0 != "streamGenerateContent" }.map { .string($0) })),
        ]
        if kind != .imagen {
            members += [("temperature", 1), ("topP", 0.95), ("topK", 64), ("maxTemperature", 2)]
        }
        if thinking { members.append(("thinking", true)) }
        return .members(members)
    }

    /// The `publisherModels` entry on Vertex AI.
    var vertexEntry: JSONValue {
        .members([
            ("name", .string("publishers/google/models/\(id)")),
            ("versionId", .string(version)),
            ("openSourceCategory", "PROPRIETARY"),
            ("launchStage", id.contains("preview") || id.contains("exp") ? "PUBLIC_PREVIEW" : "GA"),
            ("versionState", "VERSION_STATE_STABLE"),
            ("publisherModelTemplate", .string("projects/{project}/locations/{location}/publishers/google/models/\(id)")),
        ])
    }
}

/// The models the emulator serves.
///
/// Vertex locations are a documented-looking split, not Google's live list: the Gemini 2.5 models run in every listed
/// region (plus `global`, `us`, `eu`); `gemini-2.0-flash` is not in `us-east5`, `us-west4`, `europe-west9`,
/// `asia-southeast1` or the multi-regions; the image-output models only in `global`, `us-central1` (and, for 2.5,
/// `us-east4`, `europe-west1`, `europe-west4`); Imagen is regional only (no `global`), and `imagegeneration@006` is not
/// offered in `europe-west4`.
enum ModelTable {
    static let allRegions: Set<String> = [
        "global", "us", "eu", "us-central1", "us-east1", "us-east4", "us-east5", "us-south1", "us-west1", "us-west4",
        "europe-west1", "europe-west4", "europe-west9", "asia-northeast1", "asia-southeast1",
    ]

    static let models: [EmulatedModel] = [
        EmulatedModel(
            id: "gemini-2.0-flash",
            displayName: "Gemini 2.0 Flash",
            description: "Gemini 2.0 Flash",
            kind: .gemini,
            version: "2.0",
            aiStudio: true,
            vertexLocations: [
                "global", "us-central1", "us-east1", "us-east4", "us-south1", "us-west1", "europe-west1", "europe-west4",
                "asia-northeast1",
            ],
            inputTokenLimit: 1_048_576,
            outputTokenLimit: 8192,
            thinking: false
        ),
        EmulatedModel(
            id: "gemini-2.0-flash-lite",
            displayName: "Gemini 2.0 Flash-Lite",
            description: "Gemini 2.0 Flash-Lite",
            kind: .gemini,
            version: "2.0",
            aiStudio: true,
            vertexLocations: ["global", "us-central1", "us-east4", "europe-west1", "europe-west4"],
            inputTokenLimit: 1_048_576,
            outputTokenLimit: 8192,
            thinking: false
        ),
        EmulatedModel(
            id: "gemini-2.5-flash",
            displayName: "Gemini 2.5 Flash",
            description: "Stable version of Gemini 2.5 Flash, our mid-size multimodal model that supports up to 1 million tokens.",
            kind: .gemini,
            version: "001",
            aiStudio: true,
            vertexLocations: allRegions,
            inputTokenLimit: 1_048_576,
            outputTokenLimit: 65_536,
            thinking: true
        ),
        EmulatedModel(
            id: "gemini-2.5-pro",
            displayName: "Gemini 2.5 Pro",
            description: "Stable release of Gemini 2.5 Pro.",
            kind: .gemini,
            version: "2.5",
            aiStudio: true,
            vertexLocations: allRegions,
            inputTokenLimit: 1_048_576,
            outputTokenLimit: 65_536,
            thinking: true
        ),
        EmulatedModel(
            id: "gemini-2.0-flash-exp",
            displayName: "Gemini 2.0 Flash Experimental",
            description: "Gemini 2.0 Flash Experimental",
            kind: .geminiImage,
            version: "2.0",
            aiStudio: true,
            vertexLocations: [],
            inputTokenLimit: 1_048_576,
            outputTokenLimit: 8192,
            thinking: false
        ),
        EmulatedModel(
            id: "gemini-2.0-flash-preview-image-generation",
            displayName: "Gemini 2.0 Flash Preview Image Generation",
            description: "Gemini 2.0 Flash Preview Image Generation",
            kind: .geminiImage,
            version: "2.0",
            aiStudio: true,
            vertexLocations: ["global", "us-central1"],
            inputTokenLimit: 32_768,
            outputTokenLimit: 8192,
            thinking: false
        ),
        EmulatedModel(
            id: "gemini-2.5-flash-image",
            displayName: "Nano Banana",
            description: "Gemini 2.5 Flash Image",
            kind: .geminiImage,
            version: "2.0",
            aiStudio: true,
            vertexLocations: ["global", "us-central1", "us-east4", "europe-west1", "europe-west4"],
            inputTokenLimit: 32_768,
            outputTokenLimit: 32_768,
            thinking: false
        ),
        EmulatedModel(
            id: "imagen-3.0-generate-002",
            displayName: "Imagen 3.0",
            description: "Vertex served Imagen 3.0 002 model",
            kind: .imagen,
            version: "002",
            aiStudio: true,
            vertexLocations: ["us-central1", "us-east4", "us-west1", "europe-west1", "europe-west4", "asia-northeast1"],
            inputTokenLimit: 480,
            outputTokenLimit: 8192,
            thinking: false
        ),
        EmulatedModel(
            id: "imagegeneration@006",
            displayName: "Imagen 2",
            description: "Imagen 2 image generation model",
            kind: .imagen,
            version: "006",
            aiStudio: false,
            vertexLocations: ["us-central1", "us-east4", "us-west1", "europe-west1", "asia-northeast1"],
            inputTokenLimit: 480,
            outputTokenLimit: 8192,
            thinking: false
        ),
    ]

    static func model(_ id: String) -> EmulatedModel? {
        models.first { $0.id == id }
    }
}
