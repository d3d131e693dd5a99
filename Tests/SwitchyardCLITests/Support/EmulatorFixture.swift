import Foundation

/// A Google emulator in its own process (`switchyard emulator` on a free port, so the test process's load can never
/// stall it) and a scratch directory holding a configuration whose two providers (AI Studio by API key, Vertex AI by a
/// service-account key the emulator trusts) point at it. Faults, the request log and counters go through the
/// emulator's control API.
struct EmulatorFixture {
    static let apiKey = "cli-test-key"
    static let project = "switchyard-test"

    let process: BackgroundProcess
    let baseURL: String
    let directory: URL
    let serviceAccountFile: URL
    let control: EmulatorControl

    /// Starts the emulator and waits until it has written the service-account file.
    static func start() async throws -> EmulatorFixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-cli-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let serviceAccountFile = directory.appendingPathComponent("service-account.json")
        let (process, baseURL) = try await BackgroundProcess.start([
            "emulator", "--port", "0", "--api-key", apiKey, "--project", project,
            "--write-service-account", serviceAccountFile.path, "--service-account-project", project,
        ]) { text -> String? in
            // Ready once the key file is written (the last line it prints at start-up).
            guard text.contains("Service-account key file:"),
                let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Google emulator listening on ") })
            else { return nil }
            return String(line.dropFirst("Google emulator listening on ".count)).trimmingCharacters(in: .whitespaces)
        }
        return EmulatorFixture(
            process: process,
            baseURL: baseURL,
            directory: directory,
            serviceAccountFile: serviceAccountFile,
            control: EmulatorControl(baseURL: baseURL)
        )
    }

    /// Stops the emulator and removes the directory.
    func stop() async {
        await process.stop()
        await control.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes a configuration file and returns its path.
    /// - Parameters:
    ///   - name: The file name.
    ///   - studioKey: The AI Studio API key (a wrong one makes `check` fail).
    ///   - vertexProject: The Vertex project (one the emulator does not know makes `check` fail).
    ///   - extra: Text appended verbatim (e.g. an `emulator:` section).
    func writeConfig(
        name: String = "switchyard.yaml",
        studioKey: String = EmulatorFixture.apiKey,
        vertexProject: String = EmulatorFixture.project,
        baseURL: String? = nil,
        extra: String = ""
    ) throws -> String {
        let url = baseURL ?? self.baseURL
        let text = """
            catalog:
              directory: \(CLIProcess.repositoryRoot.appendingPathComponent("Providers").path)
            providers:
              studio:
                type: google-ai-studio
                api_key: \(studioKey)
                base_url: \(url)
              vertex:
                type: vertex-ai
                base_url: \(url)
                project: \(vertexProject)
                location: us-central1
                credentials: \(serviceAccountFile.path)
            routes:
              chat:
                targets:
                  - {provider: studio, model: gemini-2.5-flash}
                  - {provider: vertex, model: gemini-2.5-flash}
              image:
                targets:
                  - {provider: studio, model: gemini-2.0-flash-preview-image-generation}
                  - {provider: vertex, model: gemini-2.0-flash-preview-image-generation}
            retry:
              max_attempts: 2
              initial_backoff: 10ms
              max_backoff: 50ms
            \(extra)
            """
        let file = directory.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// A fresh output directory inside the scratch directory.
    func outputDirectory(_ name: String) -> URL {
        directory.appendingPathComponent(name, isDirectory: true)
    }
}

/// PNG checks: the signature and a well-formed IHDR chunk with a non-zero size.
enum PNGCheck {
    /// The image's width and height when `data` is a PNG with a valid IHDR, else `nil`.
    static func dimensions(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 33, Array(bytes[0..<8]) == signature else { return nil }
        let length = bytes[8..<12].reduce(0) { $0 << 8 | Int($1) }
        guard length == 13, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        guard width > 0, height > 0 else { return nil }
        return (width, height)
    }
}
