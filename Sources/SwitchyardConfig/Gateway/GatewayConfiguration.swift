/// The gateway's configuration (`config/switchyard.yaml`), validated, with each provider's catalog resolved.
public struct GatewayConfiguration: Sendable {
    /// The file it was loaded from, as given.
    public var file: String
    /// The listener.
    public var server = ServerSettings()
    /// The providers, by name.
    public var providers: [String: ProviderSettings] = [:]
    /// The provider names in the order the file declares them: the order in which providers become targets of a
    /// catalog model named directly.
    public var providerOrder: [String] = []
    /// The routes, by name.
    public var routes: [String: RouteSettings] = [:]
    /// Retry and cool-down policy.
    public var retry = RetrySettings()
    /// Time limits.
    public var timeouts = TimeoutSettings()
    /// The embedded emulator.
    public var emulator = EmulatorSettings()
    /// Each configured provider's catalog, with the configuration's overrides and additions applied, by provider name.
    public var catalogs: [String: ProviderCatalog] = [:]
    /// The catalog directory used.
    public var catalogDirectory: String?

    /// Creates an empty configuration.
    public init(file: String) {
        self.file = file
    }

    /// The catalog entry of a model on a configured provider.
    public func model(_ id: String, provider: String) -> CatalogModel? {
        catalogs[provider]?.model(id)
    }
}
