/// The embedded Google emulator (`emulator:`), started by `switchyard serve` when enabled.
public struct EmulatorSettings: Sendable, Hashable {
    /// Whether to start it.
    public var enabled: Bool = false
    /// The address it listens on.
    public var host: String = "127.0.0.1"
    /// Its port.
    public var port: Int = 8090
    /// The API key it accepts.
    public var apiKey: Secret?
    /// Where it writes the service-account key file it trusts (absolute, resolved against the config file).
    public var serviceAccountFile: String?

    /// Creates settings with defaults.
    public init() {}
}
