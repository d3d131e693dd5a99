import Switchyard

/// What the HTTP server needs from `server:` in the configuration.
///
/// Fixed when the server starts: a SIGHUP reload changes providers and routes, not the listening address, the
/// client keys or the body limit.
public struct GatewayServerSettings: Sendable {
    /// The address to listen on.
    public var host: String
    /// The port to listen on; 0 picks a free one (see ``GatewayServer/buildApplication(gateway:settings:metrics:logger:onServerRunning:)``).
    public var port: Int
    /// Client keys; empty lets every client in, allowed only on a loopback host.
    public var apiKeys: [String]
    /// The largest request body accepted; larger ones get 413.
    public var maxBodyBytes: Int

    /// Creates settings.
    public init(host: String = "127.0.0.1", port: Int = 8080, apiKeys: [String] = [], maxBodyBytes: Int = 64 << 20) {
        self.host = host
        self.port = port
        self.apiKeys = apiKeys
        self.maxBodyBytes = maxBodyBytes
    }

    /// Takes the settings from the configuration's `server:` section.
    public init(_ server: ServerSettings) {
        self.init(host: server.host, port: server.port, apiKeys: server.apiKeys.map(\.value), maxBodyBytes: server.maxBodyBytes)
    }

    /// Whether the host only accepts connections from this machine.
    public var isLoopback: Bool {
        let host = host.lowercased()
        return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
