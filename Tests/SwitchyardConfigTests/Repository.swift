import Foundation
import SwitchyardConfig

/// Paths of the repository's real catalogs and configuration files, found from this source file.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let providers = root.appendingPathComponent("Providers").path
    static let config = root.appendingPathComponent("config").path

    /// The real catalogs, loaded once.
    static let catalogs: [ProviderType: ProviderCatalog] = {
        do {
            return try ProviderCatalog.loadAll(directory: providers)
        } catch {
            fatalError("the repository's catalogs must load: \(error)")
        }
    }()

    /// Parses configuration text against the real catalogs; returns the issues' descriptions, or none.
    static func issues(_ yaml: String, environment: [String: String] = [:], file: String = "config/x.yaml") -> [String] {
        do {
            _ = try GatewayConfiguration.parse(yaml: yaml, file: file, environment: environment, catalogs: catalogs, baseDirectory: "/srv")
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    /// Parses configuration text that must be valid.
    static func configuration(_ yaml: String, environment: [String: String] = [:]) throws -> GatewayConfiguration {
        try GatewayConfiguration.parse(yaml: yaml, file: "config/x.yaml", environment: environment, catalogs: catalogs, baseDirectory: "/srv")
    }
}
