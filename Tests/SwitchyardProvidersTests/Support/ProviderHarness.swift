import Foundation
import GoogleAuth
import GoogleEmulator
import Logging
import SwitchyardConfig
import SwitchyardCore
import SwitchyardHTTP
import SwitchyardProviders
import Testing

/// Which adapter a parameterised test runs against.
enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case aiStudio
    case vertexAI

    var description: String { rawValue }
}

/// An emulator on 127.0.0.1, a real libcurl transport and a provider built by ``GoogleProviderFactory`` from settings
/// and the repository's catalogs: AI Studio with an API key, Vertex AI with a service account the emulator minted
/// (real JWT grant over libcurl, real OpenSSL signature).
struct ProviderHarness {
    static let project = "switchyard-test"
    static let apiKey = "test-api-key"
    static let location = "us-central1"

    let emulator: GoogleEmulator
    let transport: CurlTransport
    let provider: any Provider
    let backend: Backend

    /// The catalogs in `Providers/`, loaded once.
    static let catalogs: [ProviderType: ProviderCatalog] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        do {
            return try ProviderCatalog.loadAll(directory: root.appendingPathComponent("Providers").path)
        } catch {
            fatalError("the repository's catalogs do not load: \(error)")
        }
    }()

    static func catalog(_ backend: Backend) -> ProviderCatalog {
        catalogs[backend == .aiStudio ? .googleAIStudio : .vertexAI]!
    }

    /// Runs `body` with a fresh emulator, transport and provider, and tears them down afterwards.
    static func run<Result>(
        _ backend: Backend,
        unsupportedFields: UnsupportedFieldPolicy = .refuse,
        express: Bool = false,
        quotaProject: String? = nil,
        location: String = ProviderHarness.location,
        _ body: (ProviderHarness) async throws -> Result
    ) async throws -> Result {
        let emulator = try await GoogleEmulator.start(
            GoogleEmulator.Configuration(host: "127.0.0.1", port: 0, apiKeys: [apiKey], projects: [project])
        )
        let transport = CurlTransport(configuration: CurlTransport.Configuration(connectTimeout: .seconds(5), proxy: .none))
        var keyFile: URL?
        do {
            var settings = ProviderSettings(
                name: backend == .aiStudio ? "studio" : "vertex",
                type: backend == .aiStudio ? .googleAIStudio : .vertexAI
            )
            settings.baseURL = emulator.baseURL
            settings.unsupportedFields = unsupportedFields
            settings.quotaProject = quotaProject
            if backend == .aiStudio || express {
                settings.apiKey = Secret(apiKey)
            } else {
                let account = try await emulator.createServiceAccount(project: project)
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-sa-\(UUID().uuidString).json")
                try account.json.write(to: file)
                keyFile = file
                settings.project = project
                settings.location = location
                settings.credentials = .file(file.path)
            }
            let provider = try await GoogleProviderFactory.makeProvider(
                settings: settings,
                catalog: catalog(backend),
                transport: transport,
                credentialContext: CredentialContext(transport: transport, environment: AuthEnvironment()),
                logger: Logger(label: "switchyard.providers.test", factory: { _ in SwiftLogNoOpLogHandler() })
            )
            let harness = ProviderHarness(emulator: emulator, transport: transport, provider: provider, backend: backend)
            let result = try await body(harness)
            await teardown(emulator: emulator, transport: transport, keyFile: keyFile)
            return result
        } catch {
            await teardown(emulator: emulator, transport: transport, keyFile: keyFile)
            throw error
        }
    }

    private static func teardown(emulator: GoogleEmulator, transport: CurlTransport, keyFile: URL?) async {
        await transport.shutdown()
        try? await emulator.shutdown()
        if let keyFile { try? FileManager.default.removeItem(at: keyFile) }
    }

    /// Injects a fault on this backend's model API (never on the token endpoint).
    ///
    /// A dropped connection is injected twice by callers: libcurl silently re-sends a request whose reused
    /// (kept-alive) connection closes without an answer, so one drop on a reused connection is never seen.
    func inject(_ kind: EmulatorFault.Kind, count: Int = 1) async {
        let surface: EmulatorFault.Surface = backend == .aiStudio ? .aiStudio : .vertex
        await emulator.injectFault(EmulatorFault(kind: kind, match: EmulatorFault.Match(surface: surface), count: count))
    }

    /// The model-API requests the emulator received (token requests left out).
    func modelRequests() async -> [EmulatorRequestRecord] {
        await emulator.requestLog().filter { $0.surface == .aiStudio || $0.surface == .vertex }
    }

    /// The JSON body of the last model-API request.
    func lastRequestBody() async throws -> JSONValue {
        let record = try #require(await modelRequests().last)
        return try JSONDecoder().decode(JSONValue.self, from: record.body)
    }
}

/// The standard emulator-suite call context: a generous deadline from now, so no call can hang a test. Computed per
/// use: a stored global is initialised once, and every later test would share a deadline that had long passed.
var testContext: ProviderCallContext { ProviderCallContext(requestID: "test", deadline: .now + .seconds(30)) }

/// Test-request builders.
enum Requests {
    static func text(_ text: String, modalities: [Modality]? = nil) -> GenerateContentRequest {
        var request = GenerateContentRequest()
        request.contents = [Content(role: .user, parts: [Part(text: text)])]
        if let modalities {
            var config = GenerationConfig()
            config.responseModalities = modalities
            request.generationConfig = config
        }
        return request
    }

    /// Decodes a request from JSON text (the way a client's body arrives).
    static func json(_ text: String) throws -> GenerateContentRequest {
        try JSONDecoder().decode(GenerateContentRequest.self, from: Data(text.utf8))
    }
}

/// PNG facts read from the bytes.
struct PNGInfo: Equatable {
    let width: Int
    let height: Int

    /// Reads the IHDR of a PNG; `nil` when the bytes are not a PNG.
    init?(_ data: Data) {
        let bytes = [UInt8](data)
        guard bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            bytes[12..<16].elementsEqual(Array("IHDR".utf8))
        else { return nil }
        func be32(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        width = be32(16)
        height = be32(20)
    }
}

extension GenerateContentResponse {
    /// Every part of the first candidate.
    var firstParts: [Part] { candidates?.first?.content?.parts ?? [] }
    /// The images of the first candidate, decoded.
    var firstImages: [Data] { firstParts.compactMap { $0.inlineData?.data?.bytes() } }
    /// The text of the first candidate.
    var firstText: String { firstParts.compactMap(\.text).joined() }
}

extension Error {
    /// The error as a ``SwitchyardError``, or `nil`.
    var switchyard: SwitchyardError? { self as? SwitchyardError }
}
