import ArgumentParser
import Foundation
import Logging
import Switchyard

/// `switchyard models`: the catalog models each configured provider serves, and the routes.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List each configured provider's models (capabilities and limits) and the routes.",
        discussion: """
            Reads the configuration and the provider catalogs (Providers/*.yaml) only: no credentials are needed \
            and no request is sent. Vertex AI providers list only the models offered in their location. Any route \
            name or listed model id can be passed to `generate --model` or used as the model in API calls.

            EXAMPLES:
              switchyard models
              switchyard models --config config/examples/ai-studio.yaml
              switchyard models --json | jq '.routes[].name'
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print JSON: {providers: [{name, type, models: [...]}], routes: [{name, strategy, targets}]}.")
    var json = false

    func run() async throws {
        try await CommandRunner.run("models", logLevel: global.logLevel) { () throws(CLIFailure) in
            let configuration = try CommandContext.loadConfiguration(global.config, environment: ProcessInfo.processInfo.environment)
            let listing = ModelListing(configuration)
            Console.out(json ? TrailReport.text(listing.json) + "\n" : listing.table)
        }
    }
}

/// The models and routes of a configuration, as a table or JSON.
struct ModelListing {
    struct Row {
        var provider: String
        var model: String
        var capabilities: ModelCapabilities
    }

    var rows: [Row] = []
    var providers: [(name: String, type: String)] = []
    var routes: [RouteSettings]

    init(_ configuration: GatewayConfiguration) {
        for name in CommandContext.providerNames(configuration) {
            guard let settings = configuration.providers[name] else { continue }
            providers.append((name, settings.type.rawValue))
            guard let catalog = configuration.catalogs[name] else { continue }
            let models = GoogleProviderFactory.models(settings: settings, catalog: catalog)
            for id in models.keys.sorted() {
                if let capabilities = models[id] { rows.append(Row(provider: name, model: id, capabilities: capabilities)) }
            }
        }
        routes = configuration.routes.keys.sorted().compactMap { configuration.routes[$0] }
    }

    /// `TEXT,IMAGE → TEXT`.
    static func modalities(_ capabilities: ModelCapabilities) -> String {
        capabilities.inputModalities.map(\.rawValue).joined(separator: ",") + " → "
            + capabilities.outputModalities.map(\.rawValue).joined(separator: ",")
    }

    /// `1-4 images, 1:1 3:4 …, negative prompt, seed`, or `-`.
    static func imageLimits(_ capabilities: ModelCapabilities) -> String {
        guard let images = capabilities.images else { return "-" }
        let range = images.imagesPerCall
        var pieces = [range.lowerBound == range.upperBound ? "\(range.lowerBound)/call" : "\(range.lowerBound)-\(range.upperBound)/call"]
        if !images.aspectRatios.isEmpty { pieces.append(images.aspectRatios.joined(separator: " ")) }
        if images.negativePrompt { pieces.append("negative prompt") }
        if images.seed { pieces.append("seed") }
        return pieces.joined(separator: ", ")
    }

    static func number(_ value: Int?) -> String {
        value.map(String.init) ?? "-"
    }

    var table: String {
        let header = ["PROVIDER", "MODEL", "METHOD", "MODALITIES (IN → OUT)", "FEATURES", "CONTEXT", "MAX OUT", "IMAGES"]
        let body = rows.map { row in
            [
                row.provider, row.model, row.capabilities.apiMethod.rawValue, Self.modalities(row.capabilities),
                row.capabilities.features.map(\.rawValue).sorted().joined(separator: ","), Self.number(row.capabilities.contextWindow),
                Self.number(row.capabilities.maxOutputTokens), Self.imageLimits(row.capabilities),
            ]
        }
        var text = Self.render([header] + body)
        text += "\nROUTES\n"
        if routes.isEmpty {
            text += "(none; use a model id above as the model)\n"
        } else {
            let routeRows = routes.map { route in
                [route.name, route.strategy.rawValue, route.targets.map { "\($0.provider)/\($0.model)" }.joined(separator: " → ")]
            }
            text += Self.render([["ROUTE", "STRATEGY", "TARGETS (IN ORDER)"]] + routeRows)
        }
        return text
    }

    /// Columns padded to their widest cell, two spaces apart.
    static func render(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    var json: JSONValue {
        func number(_ value: Int?) -> JSONValue { value.map { .integer(Int64($0)) } ?? .null }
        let providerValues: [JSONValue] = providers.map { provider in
            let models: [JSONValue] = rows.filter { $0.provider == provider.name }.map { row in
                let capabilities = row.capabilities
                var members: [(String, JSONValue)] = [
                    ("id", .string(row.model)),
                    ("apiMethod", .string(capabilities.apiMethod.rawValue)),
                    ("inputModalities", .array(capabilities.inputModalities.map { .string($0.rawValue) })),
                    ("outputModalities", .array(capabilities.outputModalities.map { .string($0.rawValue) })),
                    ("features", .array(capabilities.features.map(\.rawValue).sorted().map(JSONValue.string))),
                    ("contextWindow", number(capabilities.contextWindow)),
                    ("maxOutputTokens", number(capabilities.maxOutputTokens)),
                    ("maxCandidates", number(capabilities.maxCandidates)),
                ]
                if let images = capabilities.images {
                    members.append(
                        (
                            "images",
                            TrailReport.object([
                                ("minPerCall", .integer(Int64(images.imagesPerCall.lowerBound))),
                                ("maxPerCall", .integer(Int64(images.imagesPerCall.upperBound))),
                                ("aspectRatios", .array(images.aspectRatios.map(JSONValue.string))),
                                ("negativePrompt", .bool(images.negativePrompt)),
                                ("seed", .bool(images.seed)),
                            ])
                        )
                    )
                }
                return TrailReport.object(members)
            }
            return TrailReport.object([("name", .string(provider.name)), ("type", .string(provider.type)), ("models", .array(models))])
        }
        let routeValues: [JSONValue] = routes.map { route in
            TrailReport.object([
                ("name", .string(route.name)),
                ("strategy", .string(route.strategy.rawValue)),
                (
                    "targets",
                    .array(
                        route.targets.map {
                            TrailReport.object([
                                ("provider", .string($0.provider)), ("model", .string($0.model)), ("weight", .integer(Int64($0.weight))),
                            ])
                        }
                    )
                ),
            ])
        }
        return TrailReport.object([("providers", .array(providerValues)), ("routes", .array(routeValues))])
    }
}
