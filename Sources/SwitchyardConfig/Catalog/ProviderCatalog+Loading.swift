import Foundation

extension ProviderCatalog {
    /// Parses one catalog file's text.
    /// - Parameters:
    ///   - yaml: The file's text.
    ///   - file: The name used in error messages.
    /// - Throws: ``ConfigurationError`` with every problem found.
    public static func parse(yaml: String, file: String) throws(ConfigurationError) -> ProviderCatalog {
        let log = IssueLog(file: file)
        let catalog = YAMLNode.parse(yaml: yaml, log: log, environment: nil).flatMap(CatalogParser.catalog)
        guard let catalog, log.issues.isEmpty else { throw ConfigurationError(issues: log.sortedIssues) }
        return catalog
    }

    /// Loads every `*.yaml` catalog in a directory, keyed by provider type.
    /// - Throws: ``ConfigurationError`` with every problem in every file, or when the directory has no catalogs.
    public static func loadAll(directory: String) throws(ConfigurationError) -> [ProviderType: ProviderCatalog] {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            throw ConfigurationError(issues: [
                ConfigurationIssue(.unreadableFile, file: directory, line: 0, path: "", message: "cannot read the catalog directory")
            ])
        }
        var catalogs: [ProviderType: ProviderCatalog] = [:]
        var issues: [ConfigurationIssue] = []
        for name in names {
            let file = url.appendingPathComponent(name).path
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                issues.append(ConfigurationIssue(.unreadableFile, file: file, line: 0, path: "", message: "cannot read the file"))
                continue
            }
            do {
                let catalog = try parse(yaml: text, file: file)
                if catalogs[catalog.type] != nil {
                    issues.append(
                        ConfigurationIssue(.invalidValue, file: file, line: 0, path: "type", message: "a second catalog for \"\(catalog.type)\"")
                    )
                }
                catalogs[catalog.type] = catalog
            } catch {
                issues.append(contentsOf: error.issues)
            }
        }
        if catalogs.isEmpty && issues.isEmpty {
            issues.append(ConfigurationIssue(.unreadableFile, file: directory, line: 0, path: "", message: "no catalog files (*.yaml) found"))
        }
        guard issues.isEmpty else { throw ConfigurationError(issues: issues) }
        return catalogs
    }
}
