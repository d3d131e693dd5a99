import GoogleAuth
import Logging
import SwitchyardConfig
import SwitchyardCore
import SwitchyardHTTP
import SwitchyardProviders

/// One built provider and what it was built from, so a reload can keep it (and its token cache) when nothing changed.
struct BuiltProvider: Sendable {
    var settings: ProviderSettings
    var catalog: ProviderCatalog?
    var timeouts: TimeoutSettings
    var provider: any Provider

    /// Whether a new configuration would build this provider the same way.
    func isUnchanged(in configuration: GatewayConfiguration) -> Bool {
        configuration.providers[settings.name] == settings && configuration.catalogs[settings.name] == catalog
            && configuration.timeouts == timeouts
    }
}

/// Builds the providers of a configuration (credentials through GoogleAuth's factory, adapters through
/// `GoogleProviderFactory`), reusing unchanged ones from a previous build.
struct ProviderAssembly: Sendable {
    var transport: any HTTPTransport
    var environment: AuthEnvironment
    var logger: Logger

    /// Builds every provider of `configuration`, in name order, reusing entries of `previous` whose settings,
    /// catalog and timeouts are unchanged.
    /// - Throws: ``SwitchyardCore/SwitchyardError`` (`configuration`, or the credential error) naming the provider.
    func build(_ configuration: GatewayConfiguration, previous: [String: BuiltProvider] = [:]) async throws -> [String: BuiltProvider] {
        var built: [String: BuiltProvider] = [:]
        for name in configuration.providers.keys.sorted() {
            guard let settings = configuration.providers[name] else { continue }
            if let old = previous[name], old.isUnchanged(in: configuration) {
                built[name] = old
                continue
            }
            guard let catalog = configuration.catalogs[name] else {
                throw SwitchyardError(.configuration, "provider \"\(name)\" has no catalog for type \"\(settings.type)\"", provider: name)
            }
            var providerLogger = logger
            providerLogger[metadataKey: "switchyard.provider"] = "\(name)"
            let provider = try await GoogleProviderFactory.makeProvider(
                settings: settings,
                catalog: catalog,
                transport: transport,
                credentialContext: CredentialContext(transport: transport, logger: providerLogger, environment: environment),
                logger: providerLogger
            )
            built[name] = BuiltProvider(settings: settings, catalog: catalog, timeouts: configuration.timeouts, provider: provider)
        }
        return built
    }
}
