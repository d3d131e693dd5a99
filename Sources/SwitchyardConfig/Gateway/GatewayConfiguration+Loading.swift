import Foundation

extension GatewayConfiguration {
    /// Loads and validates a configuration file and the provider catalogs it uses.
    ///
    /// Catalogs come from, in order: `catalogDirectory`, the file's `catalog.directory` (relative to the file), or the
    /// first `Providers/` directory found in the file's directory or one of its parents.
    /// - Parameters:
    ///   - file: The configuration file's path; error messages name it as given.
    ///   - environment: Variables for `${VAR}` interpolation (pass `ProcessInfo.processInfo.environment` in the CLI).
    ///   - catalogDirectory: A catalog directory overriding the file's.
    /// - Throws: ``ConfigurationError`` with every problem found, each naming file, line and key path.
    public static func load(
        file: String,
        environment: [String: String],
        catalogDirectory: String? = nil
    ) throws(ConfigurationError) -> GatewayConfiguration {
        guard let yaml = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw ConfigurationError(issues: [ConfigurationIssue(.unreadableFile, file: file, line: 0, path: "", message: "cannot read the file")])
        }
        let base = URL(fileURLWithPath: file).deletingLastPathComponent().path
        var parser = GatewayConfigurationParser(file: file, environment: environment, baseDirectory: base)
        parser.catalogDirectoryOverride = catalogDirectory
        return try parser.parse(yaml: yaml)
    }

    /// Parses configuration text, for tests and embedding.
    /// - Parameters:
    ///   - yaml: The configuration's text.
    ///   - file: The name used in error messages.
    ///   - environment: Variables for `${VAR}` interpolation.
    ///   - catalogs: The provider catalogs; `nil` loads them as ``load(file:environment:catalogDirectory:)`` does.
    ///   - baseDirectory: The directory relative paths are resolved against.
    /// - Throws: ``ConfigurationError`` with every problem found.
    public static func parse(
        yaml: String,
        file: String,
        environment: [String: String],
        catalogs: [ProviderType: ProviderCatalog]? = nil,
        baseDirectory: String
    ) throws(ConfigurationError) -> GatewayConfiguration {
        var parser = GatewayConfigurationParser(file: file, environment: environment, baseDirectory: baseDirectory)
        parser.givenCatalogs = catalogs
        return try parser.parse(yaml: yaml)
    }
}

/// Reads a gateway configuration in one pass, collecting every issue.
struct GatewayConfigurationParser {
    let file: String
    let environment: [String: String]
    let baseDirectory: String
    var catalogDirectoryOverride: String?
    var givenCatalogs: [ProviderType: ProviderCatalog]?
    let log: IssueLog

    init(file: String, environment: [String: String], baseDirectory: String) {
        self.file = file
        self.environment = environment
        self.baseDirectory = baseDirectory
        self.log = IssueLog(file: file)
    }

    static let topLevelKeys = ["server", "providers", "routes", "retry", "timeouts", "catalog", "emulator"]

    func parse(yaml: String) throws(ConfigurationError) -> GatewayConfiguration {
        var configuration = GatewayConfiguration(file: file)
        guard let root = YAMLNode.parse(yaml: yaml, log: log, environment: environment),
            let top = root.object(allowed: Self.topLevelKeys)
        else {
            throw ConfigurationError(issues: log.issues)
        }
        if let node = top["server"] { configuration.server = server(node) }
        if let node = top["retry"] { configuration.retry = retry(node) }
        if let node = top["timeouts"] { configuration.timeouts = timeouts(node) }
        if let node = top["emulator"] { configuration.emulator = emulator(node) }

        let catalogSection = top["catalog"]?.object(allowed: ["directory", "providers"])
        let catalogs = loadCatalogs(configuredDirectory: catalogSection?["directory"], into: &configuration)

        let providerMembers = top.required("providers")?.members() ?? []
        for (name, node) in providerMembers {
            if let settings = provider(name: name, node, catalogs: catalogs) {
                configuration.providers[name] = settings
                configuration.providerOrder.append(name)
                configuration.catalogs[name] = catalogs?[settings.type]
            }
        }
        let declared = Set(providerMembers.map(\.key))
        if let overrides = catalogSection?["providers"] {
            applyOverrides(overrides, to: &configuration, declaredProviders: declared)
        }
        for (name, node) in top["routes"]?.members() ?? [] {
            if let route = route(name: name, node, configuration: configuration, declaredProviders: declared, catalogsLoaded: catalogs != nil) {
                configuration.routes[name] = route
            }
        }
        guard log.issues.isEmpty else {
            throw ConfigurationError(issues: log.sortedIssues)
        }
        return configuration
    }

    // MARK: Sections

    func server(_ node: YAMLNode) -> ServerSettings {
        var settings = ServerSettings()
        guard let object = node.object(allowed: ["host", "port", "api_keys", "max_body_bytes"]) else { return settings }
        if let value = object["host"]?.text() { settings.host = value }
        if let value = object["port"]?.integer(in: 0...65535) { settings.port = value }
        if let value = object["api_keys"]?.stringList() { settings.apiKeys = value.filter { !$0.isEmpty }.map(Secret.init) }
        if let value = object["max_body_bytes"]?.integer(in: 1...Int.max) { settings.maxBodyBytes = value }
        return settings
    }

    func retry(_ node: YAMLNode) -> RetrySettings {
        var settings = RetrySettings()
        let keys = ["max_attempts", "initial_backoff", "max_backoff", "max_retry_delay", "cooldown"]
        guard let object = node.object(allowed: keys) else { return settings }
        if let value = object["max_attempts"]?.integer(in: 1...100) { settings.maxAttempts = value }
        if let value = object["initial_backoff"]?.duration() { settings.initialBackoff = value }
        if let value = object["max_backoff"]?.duration() { settings.maxBackoff = value }
        if let value = object["max_retry_delay"]?.duration() { settings.maxRetryDelay = value }
        if let cooldown = object["cooldown"]?.object(allowed: ["failures", "period", "per_day_period"]) {
            if let value = cooldown["failures"]?.integer(in: 1...1000) { settings.cooldown.failures = value }
            if let value = cooldown["period"]?.duration() { settings.cooldown.period = value }
            if let value = cooldown["per_day_period"]?.duration() { settings.cooldown.perDayPeriod = value }
        }
        return settings
    }

    func timeouts(_ node: YAMLNode) -> TimeoutSettings {
        var settings = TimeoutSettings()
        guard let object = node.object(allowed: ["connect", "request", "stream_idle"]) else { return settings }
        if let value = object["connect"]?.duration() { settings.connect = value }
        if let value = object["request"]?.duration() { settings.request = value }
        if let value = object["stream_idle"]?.duration() { settings.streamIdle = value }
        return settings
    }

    func emulator(_ node: YAMLNode) -> EmulatorSettings {
        var settings = EmulatorSettings()
        let keys = ["enabled", "host", "port", "api_key", "service_account_file"]
        guard let object = node.object(allowed: keys) else { return settings }
        if let value = object["enabled"]?.boolean() { settings.enabled = value }
        if let value = object["host"]?.text() { settings.host = value }
        if let value = object["port"]?.integer(in: 0...65535) { settings.port = value }
        if let value = object["api_key"]?.text() { settings.apiKey = Secret(value) }
        if let value = object["service_account_file"]?.text() { settings.serviceAccountFile = resolve(value) }
        if settings.enabled && object["api_key"] == nil {
            _ = object.required("api_key", hint: " (the key the emulator accepts)")
        }
        return settings
    }

    // MARK: Catalogs

    func loadCatalogs(configuredDirectory: YAMLNode?, into configuration: inout GatewayConfiguration) -> [ProviderType: ProviderCatalog]? {
        if let givenCatalogs { return givenCatalogs }
        var directory: String?
        var line = 0
        var path = ""
        if let catalogDirectoryOverride {
            directory = catalogDirectoryOverride
        } else if let configuredDirectory {
            directory = configuredDirectory.text().map(resolve)
            line = configuredDirectory.line
            path = configuredDirectory.path
            if directory == nil { return nil }
        } else {
            directory = Self.findProvidersDirectory(from: baseDirectory)
        }
        guard let directory else {
            log.add(
                .unreadableFile,
                line: 0,
                path: "catalog.directory",
                "no Providers/ directory found beside \(file) or above it; set catalog.directory"
            )
            return nil
        }
        configuration.catalogDirectory = directory
        do {
            return try ProviderCatalog.loadAll(directory: directory)
        } catch {
            if line > 0 || !path.isEmpty {
                log.add(.unreadableFile, line: line, path: path, "cannot load catalogs from \"\(directory)\"")
            }
            log.append(contentsOf: error.issues)
            return nil
        }
    }

    static func findProvidersDirectory(from start: String) -> String? {
        var url = URL(fileURLWithPath: start, isDirectory: true).standardizedFileURL
        for _ in 0..<4 {
            let candidate = url.appendingPathComponent("Providers", isDirectory: true)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate.path
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        return nil
    }

    func applyOverrides(_ node: YAMLNode, to configuration: inout GatewayConfiguration, declaredProviders: Set<String>) {
        let known = configuration.providers.keys.sorted()
        for (name, providerNode) in node.members() ?? [] {
            guard var catalog = configuration.catalogs[name] else {
                if !declaredProviders.contains(name) {
                    log.add(
                        .unknownProvider,
                        line: providerNode.line,
                        path: providerNode.path,
                        "unknown provider \"\(name)\" (known: \(known.joined(separator: ", ")))"
                    )
                }
                continue
            }
            guard let object = providerNode.object(allowed: ["models"]) else { continue }
            for (id, modelNode) in object.required("models")?.members() ?? [] {
                if let model = CatalogParser.model(modelNode, id: id, base: catalog.models[id]) {
                    catalog.models[id] = model
                }
            }
            configuration.catalogs[name] = catalog
        }
    }

    // MARK: Providers

    static let providerKeys = [
        "type", "api_key", "api_key_file", "base_url", "api_version", "project", "location", "credentials", "quota_project", "unsupported_fields",
    ]

    func provider(name: String, _ node: YAMLNode, catalogs: [ProviderType: ProviderCatalog]?) -> ProviderSettings? {
        guard let object = node.object(allowed: Self.providerKeys) else { return nil }
        guard let typeNode = object.required("type"), let typeName = typeNode.text() else { return nil }
        let type = ProviderType(rawValue: typeName)
        let catalog = catalogs?[type]
        if let catalogs, catalog == nil {
            let known = catalogs.keys.map(\.rawValue).sorted()
            log.add(
                .unknownProviderType,
                line: typeNode.line,
                path: typeNode.path,
                "unknown provider type \"\(typeName)\" (known: \(known.joined(separator: ", ")))"
            )
            return nil
        }
        var settings = ProviderSettings(name: name, type: type)
        settings.apiKey = apiKey(object)
        if let node = object["base_url"], let value = node.text() {
            if value.hasPrefix("http://") || value.hasPrefix("https://") {
                settings.baseURL = value.hasSuffix("/") ? String(value.dropLast()) : value
            } else {
                log.add(.invalidValue, line: node.line, path: node.path, "\"\(value)\" is not an http:// or https:// URL")
            }
        }
        if let node = object["api_version"], let value = node.text() {
            if let versions = catalog?.endpoint.apiVersions, !versions.contains(value) {
                log.add(
                    .invalidValue,
                    line: node.line,
                    path: node.path,
                    "API version \"\(value)\" is not one of \(versions.joined(separator: ", "))" + DidYouMean.hint(for: value, among: versions)
                )
            } else {
                settings.apiVersion = value
            }
        }
        settings.project = object["project"]?.text()
        settings.location = object["location"]?.text()
        settings.quotaProject = object["quota_project"]?.text()
        if let node = object["credentials"], let value = node.text() {
            settings.credentials = value == "adc" ? .applicationDefault : .file(resolve(value))
        }
        if let value = object["unsupported_fields"]?.choice(["refuse", "drop"]) {
            settings.unsupportedFields = UnsupportedFieldPolicy(rawValue: value) ?? .refuse
        }

        switch type {
        case .googleAIStudio:
            if object["api_key"] == nil && object["api_key_file"] == nil {
                _ = object.required("api_key", hint: " (or api_key_file)")
            }
            for key in ["project", "location", "credentials"] {
                if let node = object[key] {
                    log.add(.invalidValue, line: node.line, path: node.path, "only vertex-ai providers take \(key)")
                }
            }
        case .vertexAI:
            if settings.apiKey == nil && object["api_key"] == nil && object["api_key_file"] == nil {
                _ = object.required("project")
                _ = object.required("location")
                if settings.credentials == nil { settings.credentials = .applicationDefault }
            }
        default:
            break
        }
        return settings
    }

    func apiKey(_ object: YAMLObject) -> Secret? {
        if object["api_key"] != nil, let fileNode = object["api_key_file"] {
            log.add(.invalidValue, line: fileNode.line, path: fileNode.path, "give api_key or api_key_file, not both")
            return nil
        }
        if let node = object["api_key"], let value = node.text() {
            guard !value.isEmpty else {
                log.add(.invalidValue, line: node.line, path: node.path, "api_key is empty")
                return nil
            }
            return Secret(value)
        }
        if let node = object["api_key_file"], let path = node.text() {
            let resolved = resolve(path)
            guard let text = try? String(contentsOfFile: resolved, encoding: .utf8) else {
                log.add(.unreadableFile, line: node.line, path: node.path, "cannot read api_key_file \"\(resolved)\"")
                return nil
            }
            let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if key.isEmpty {
                log.add(.invalidValue, line: node.line, path: node.path, "api_key_file \"\(resolved)\" is empty")
                return nil
            }
            return Secret(key)
        }
        return nil
    }

    // MARK: Routes

    /// A route. Targets naming a provider that is declared but invalid are skipped without a second error.
    func route(
        name: String,
        _ node: YAMLNode,
        configuration: GatewayConfiguration,
        declaredProviders: Set<String>,
        catalogsLoaded: Bool
    ) -> RouteSettings? {
        guard let object = node.object(allowed: ["targets", "strategy"]) else { return nil }
        let strategy = object["strategy"]?.choice(["fallback", "weighted"]).flatMap(RouteStrategy.init(rawValue:)) ?? .fallback
        guard let targetsNode = object.required("targets"), let list = targetsNode.list() else { return nil }
        if list.isEmpty {
            log.add(.invalidValue, line: targetsNode.line, path: targetsNode.path, "a route needs at least one target")
        }
        let known = configuration.providers.keys.sorted()
        var targets: [RouteTarget] = []
        for element in list {
            guard let target = element.object(allowed: ["provider", "model", "weight"]) else { continue }
            let providerNode = target.required("provider")
            let modelNode = target.required("model")
            let weight = target["weight"]?.integer(in: 0...1_000_000) ?? 1
            guard let providerNode, let provider = providerNode.text(), let modelNode, let model = modelNode.text() else { continue }
            guard configuration.providers[provider] != nil else {
                if declaredProviders.contains(provider) { continue }
                log.add(
                    .unknownProvider,
                    line: providerNode.line,
                    path: providerNode.path,
                    "unknown provider \"\(provider)\" (known: \(known.joined(separator: ", ")))"
                )
                continue
            }
            if catalogsLoaded, let catalog = configuration.catalogs[provider], catalog.model(model) == nil {
                log.add(
                    .unknownModel,
                    line: modelNode.line,
                    path: modelNode.path,
                    "model \"\(model)\" is not in the \(catalog.type) catalog of provider \"\(provider)\""
                        + DidYouMean.hint(for: model, among: catalog.modelIDs)
                )
                continue
            }
            targets.append(RouteTarget(provider: provider, model: model, weight: weight))
        }
        return RouteSettings(name: name, strategy: strategy, targets: targets)
    }

    // MARK: Paths

    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: baseDirectory, isDirectory: true).appendingPathComponent(path).standardizedFileURL.path
    }
}
