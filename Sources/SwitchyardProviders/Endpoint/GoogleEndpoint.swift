import SwitchyardCore

/// Where one provider's calls go: base URL, API version and how a model id becomes a resource path.
///
/// Build it with ``aiStudio(apiVersion:baseURL:)`` or ``vertexAI(project:location:apiVersion:baseURL:)`` /
/// ``vertexAIExpress(apiVersion:baseURL:)``; the hosts follow gemini-wire.md §1.1:
/// - AI Studio: `https://generativelanguage.googleapis.com`, `v1beta` by default (`v1` configurable);
/// - Vertex AI: `https://{location}-aiplatform.googleapis.com`; `global` (or no location) → `https://aiplatform.googleapis.com`;
///   the multi-regions `us`/`eu` → `https://aiplatform.{location}.rep.googleapis.com`; `v1beta1` by default;
/// - Vertex AI express mode (API key, no project): `https://aiplatform.googleapis.com`, paths `publishers/google/models/{id}`.
///
/// A `baseURL` override (the emulator, a proxy) replaces only the scheme and host; paths keep their full form.
public struct GoogleEndpoint: Sendable, Hashable {
    /// The backend.
    public let backend: GoogleBackend
    /// Scheme and host (and port), without a trailing slash, e.g. `https://us-central1-aiplatform.googleapis.com`.
    public let baseURL: String
    /// The API version path segment, e.g. `v1beta`.
    public let apiVersion: String
    /// The Google Cloud project (Vertex AI, not express mode).
    public let project: String?
    /// The location (Vertex AI, not express mode), e.g. `us-central1`, `global`, `us`.
    public let location: String?

    /// The AI Studio host.
    public static let aiStudioHost = "https://generativelanguage.googleapis.com"
    /// The Vertex AI global host, also used by express mode.
    public static let vertexGlobalHost = "https://aiplatform.googleapis.com"
    /// Vertex AI locations served from a multi-region `.rep.` host.
    public static let vertexMultiRegions: Set<String> = ["us", "eu"]

    /// Whether this is Vertex AI express mode (an API key, no project or location in paths).
    public var isExpress: Bool { backend == .vertexAI && project == nil }

    private init(backend: GoogleBackend, baseURL: String, apiVersion: String, project: String?, location: String?) {
        self.backend = backend
        self.baseURL = baseURL
        self.apiVersion = apiVersion
        self.project = project
        self.location = location
    }

    /// AI Studio.
    /// - Parameters:
    ///   - apiVersion: `v1beta` (the default, where preview features such as image output live) or `v1`.
    ///   - baseURL: Replaces `https://generativelanguage.googleapis.com`, e.g. the emulator's URL.
    /// - Throws: ``SwitchyardError`` `configuration` for an empty or malformed version or base URL.
    public static func aiStudio(apiVersion: String? = nil, baseURL: String? = nil) throws(SwitchyardError) -> GoogleEndpoint {
        GoogleEndpoint(
            backend: .aiStudio,
            baseURL: try normalizedBaseURL(baseURL ?? aiStudioHost),
            apiVersion: try checkedVersion(apiVersion ?? "v1beta"),
            project: nil,
            location: nil
        )
    }

    /// Vertex AI with a project and location (OAuth credentials).
    /// - Parameters:
    ///   - project: The project id.
    ///   - location: A region (`us-central1`), `global`, or a multi-region (`us`, `eu`); `nil` means `global`.
    ///   - apiVersion: `v1beta1` (the default) or `v1`.
    ///   - baseURL: Replaces the location's host, e.g. the emulator's URL.
    /// - Throws: ``SwitchyardError`` `configuration` for an empty project or a malformed location, version or base URL.
    public static func vertexAI(
        project: String,
        location: String? = nil,
        apiVersion: String? = nil,
        baseURL: String? = nil
    ) throws(SwitchyardError) -> GoogleEndpoint {
        guard isPathSegment(project) else {
            throw SwitchyardError(.configuration, "the Vertex AI project \"\(project)\" is not a valid project id")
        }
        let location = location.flatMap { $0.isEmpty ? nil : $0 } ?? "global"
        guard isPathSegment(location) else {
            throw SwitchyardError(.configuration, "the Vertex AI location \"\(location)\" is not a valid location")
        }
        let host: String
        if location == "global" {
            host = vertexGlobalHost
        } else if vertexMultiRegions.contains(location) {
            host = "https://aiplatform.\(location).rep.googleapis.com"
        } else {
            host = "https://\(location)-aiplatform.googleapis.com"
        }
        return GoogleEndpoint(
            backend: .vertexAI,
            baseURL: try normalizedBaseURL(baseURL ?? host),
            apiVersion: try checkedVersion(apiVersion ?? "v1beta1"),
            project: project,
            location: location
        )
    }

    /// Vertex AI express mode: an API key and no project; paths are `publishers/google/models/{id}` on the global host.
    /// - Throws: ``SwitchyardError`` `configuration` for a malformed version or base URL.
    public static func vertexAIExpress(apiVersion: String? = nil, baseURL: String? = nil) throws(SwitchyardError) -> GoogleEndpoint {
        GoogleEndpoint(
            backend: .vertexAI,
            baseURL: try normalizedBaseURL(baseURL ?? vertexGlobalHost),
            apiVersion: try checkedVersion(apiVersion ?? "v1beta1"),
            project: nil,
            location: nil
        )
    }

    /// An endpoint whose base URL was already resolved (from a catalog's endpoint template or a `base_url` override).
    /// Vertex AI without a project is express mode.
    /// - Throws: ``SwitchyardError`` `configuration` for a malformed base URL, version, project or location.
    public static func resolved(
        backend: GoogleBackend,
        baseURL: String,
        apiVersion: String,
        project: String? = nil,
        location: String? = nil
    ) throws(SwitchyardError) -> GoogleEndpoint {
        if backend == .aiStudio, project != nil || location != nil {
            throw SwitchyardError(.configuration, "Google AI Studio has no project or location; they are Vertex AI settings")
        }
        if let project, !isPathSegment(project) {
            throw SwitchyardError(.configuration, "the Vertex AI project \"\(project)\" is not a valid project id")
        }
        let location = project == nil ? nil : (location.flatMap { $0.isEmpty ? nil : $0 } ?? "global")
        if let location, !isPathSegment(location) {
            throw SwitchyardError(.configuration, "the Vertex AI location \"\(location)\" is not a valid location")
        }
        return GoogleEndpoint(
            backend: backend,
            baseURL: try normalizedBaseURL(baseURL),
            apiVersion: try checkedVersion(apiVersion),
            project: project,
            location: location
        )
    }

    /// The resource path of a model: `models/{id}` (AI Studio), `tunedModels/{id}` (AI Studio tuned models),
    /// `projects/{p}/locations/{l}/publishers/google/models/{id}` (Vertex AI) or `publishers/google/models/{id}` (express).
    /// - Throws: ``SwitchyardError`` `invalidArgument` for a name that is unsafe or means something else on this backend.
    public func modelResource(_ model: String) throws(SwitchyardError) -> String {
        let name = try ModelName.parse(model, backend: backend)
        switch (backend, name) {
        case (.aiStudio, .tuned(let id)):
            return "tunedModels/\(id)"
        case (.aiStudio, .base(let id)):
            return "models/\(id)"
        case (.vertexAI, _):
            if let project, let location {
                return "projects/\(project)/locations/\(location)/publishers/google/models/\(name.id)"
            }
            return "publishers/google/models/\(name.id)"
        }
    }

    /// The URL of a model method, e.g. `…/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`.
    /// - Throws: ``SwitchyardError`` `invalidArgument` for an unsafe model name.
    public func methodURL(model: String, method: String, query: String? = nil) throws(SwitchyardError) -> String {
        let url = "\(baseURL)/\(apiVersion)/\(try modelResource(model)):\(method)"
        return query.map { url + "?" + $0 } ?? url
    }

    /// The URL that lists the backend's base models: `…/models` (AI Studio) or `…/publishers/google/models` (Vertex AI;
    /// listed without a project, as the SDK does).
    public func listModelsURL(pageSize: Int, pageToken: String?) -> String {
        let collection = backend == .aiStudio ? "models" : "publishers/google/models"
        var url = "\(baseURL)/\(apiVersion)/\(collection)?pageSize=\(pageSize)"
        if let pageToken, !pageToken.isEmpty { url += "&pageToken=" + percentEncoded(pageToken) }
        return url
    }

    // MARK: Checks

    private static func normalizedBaseURL(_ text: String) throws(SwitchyardError) -> String {
        var url = text.trimmingWhitespace()
        while url.hasSuffix("/") { url.removeLast() }
        guard url.hasPrefix("https://") || url.hasPrefix("http://"), url.split(separator: "/").count >= 2 else {
            throw SwitchyardError(.configuration, "the base URL \"\(text)\" is not an http:// or https:// URL")
        }
        guard !url.contains("?"), !url.contains("#"), !url.contains(where: \.isWhitespace) else {
            throw SwitchyardError(.configuration, "the base URL \"\(text)\" must not carry a query, fragment or spaces")
        }
        return url
    }

    private static func checkedVersion(_ version: String) throws(SwitchyardError) -> String {
        guard !version.isEmpty, version.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw SwitchyardError(.configuration, "the API version \"\(version)\" is not a version such as v1, v1beta or v1beta1")
        }
        return version
    }

    static func isPathSegment(_ text: String) -> Bool {
        !text.isEmpty && text != "." && text != ".."
            && text.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (CharacterClass.isAlphanumeric(scalar) || "-_.".unicodeScalars.contains(scalar))
            }
    }

    private func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, CharacterClass.isAlphanumeric(scalar) || "-_.~".unicodeScalars.contains(scalar) {
                output.unicodeScalars.append(scalar)
            } else {
                output += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return output
    }
}
