extension GoogleEmulator {
    /// How an emulator listens and what it accepts.
    public struct Configuration: Sendable {
        /// The address to listen on.
        public var host: String
        /// The port to listen on; `0` picks a free port.
        public var port: Int
        /// API keys accepted by AI Studio and by Vertex AI express mode.
        public var apiKeys: [String]
        /// Vertex AI projects that exist; any other project is refused with 403. The first is the metadata server's
        /// project id. A service account minted for one project can only reach that project.
        public var projects: [String]
        /// The `expires_in` of issued access tokens (use short values to test refresh).
        public var tokenLifetime: Duration
        /// How far a JWT's `iat`/`exp` may be off the emulator's clock.
        public var clockSkew: Duration
        /// A prompt containing this word is filtered by Imagen (`raiFilteredReason`, no bytes).
        public var imagenTriggerWord: String

        /// Creates a configuration.
        public init(
            host: String = "127.0.0.1",
            port: Int = 0,
            apiKeys: [String] = ["switchyard-emulator-key"],
            projects: [String] = ["switchyard-test", "switchyard-demo"],
            tokenLifetime: Duration = .seconds(3600),
            clockSkew: Duration = .seconds(300),
            imagenTriggerWord: String = "forbidden"
        ) {
            self.host = host
            self.port = port
            self.apiKeys = apiKeys
            self.projects = projects
            self.tokenLifetime = tokenLifetime
            self.clockSkew = clockSkew
            self.imagenTriggerWord = imagenTriggerWord
        }
    }
}
