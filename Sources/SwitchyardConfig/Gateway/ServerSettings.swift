/// The gateway's own HTTP listener (`server:`).
public struct ServerSettings: Sendable, Hashable {
    /// The address to listen on.
    public var host: String = "127.0.0.1"
    /// The port; 0 picks a free one.
    public var port: Int = 8080
    /// Keys clients must present; empty means no client authentication.
    public var apiKeys: [Secret] = []
    /// The largest request body accepted.
    public var maxBodyBytes: Int = 64 << 20

    /// Creates settings with defaults.
    public init() {}
}
