import Foundation
import GoogleAuth
import Logging
import SwitchyardConfig
import SwitchyardCore
import SwitchyardHTTP
import SwitchyardProviders
import Testing

@testable import SwitchyardRouter

@Suite("Target selection: capability filter and weighted order")
struct TargetSelectionTests {
    /// The repository's default configuration with its real catalogs.
    static func configuration() throws -> GatewayConfiguration {
        try GatewayConfiguration.load(
            file: RouterHarness.repositoryRoot.appendingPathComponent("config/switchyard.yaml").path,
            environment: [:]
        )
    }

    static func capabilities(_ model: String, on provider: String) throws -> ModelCapabilities {
        try #require(try configuration().model(model, provider: provider)?.capabilities)
    }

    @Test("a single-turn text prompt accepting TEXT and IMAGE fits Imagen; Gemini text models are skipped for image output")
    func imageOutput() throws {
        let needs = RequestNeeds(request: Prompts.text("a lighthouse at dusk", accepting: [.text, .image]), streaming: false)
        #expect(TargetSelection.reasons(for: needs, capabilities: try Self.capabilities("imagegeneration@006", on: "vertex")).isEmpty)
        #expect(
            TargetSelection.reasons(for: needs, capabilities: try Self.capabilities("gemini-2.0-flash-preview-image-generation", on: "vertex"))
                .isEmpty
        )
        let text = TargetSelection.reasons(for: needs, capabilities: try Self.capabilities("gemini-2.5-flash", on: "studio"))
        #expect(text == ["needs image output; model outputs TEXT only"])
    }

    @Test("tools, several turns, streaming and image input rule Imagen out, each with a reason")
    func imagenLimits() throws {
        let imagen = try Self.capabilities("imagegeneration@006", on: "vertex")
        var tools = Prompts.text("draw the weather", accepting: [.text, .image])
        var declaration = FunctionDeclaration()
        declaration.name = "get_weather"
        var tool = Tool()
        tool.functionDeclarations = [declaration]
        tools.tools = [tool]
        let toolReasons = TargetSelection.reasons(for: RequestNeeds(request: tools, streaming: false), capabilities: imagen)
        #expect(toolReasons.contains("uses tools; model does not support tools"))

        var edit = Prompts.text("make it blue", accepting: [.text, .image])
        edit.contents?.append(Content(role: .model, parts: [Part(text: "here it is")]))
        edit.contents?.append(Content(role: .user, parts: [Part(text: "bluer")]))
        let editReasons = TargetSelection.reasons(for: RequestNeeds(request: edit, streaming: false), capabilities: imagen)
        #expect(editReasons.contains { $0.contains("multi-turn") })

        let streamReasons = TargetSelection.reasons(
            for: RequestNeeds(request: Prompts.text("a cat", accepting: [.image]), streaming: true),
            capabilities: imagen
        )
        #expect(streamReasons.contains { $0.contains("streaming") })

        var vision = Prompts.text("like this", accepting: [.image])
        vision.contents?[0].parts?.append(Part(mimeType: "image/png", data: Base64Payload(bytes: Data([0x89, 0x50, 0x4E, 0x47]))))
        let visionReasons = TargetSelection.reasons(for: RequestNeeds(request: vision, streaming: false), capabilities: imagen)
        #expect(visionReasons.contains { $0.contains("image input") })
    }

    @Test("context window and output limit are checked against the catalog")
    func limits() throws {
        let flash = try Self.capabilities("gemini-2.5-flash", on: "studio")
        var big = Prompts.text(String(repeating: "x", count: ((flash.contextWindow ?? 0) + 10) * 4))
        var needs = RequestNeeds(request: big, streaming: false)
        #expect(TargetSelection.reasons(for: needs, capabilities: flash).contains { $0.contains("context window") })
        big = Prompts.text("hi")
        var config = GenerationConfig()
        config.maxOutputTokens = (flash.maxOutputTokens ?? 0) + 1
        big.generationConfig = config
        needs = RequestNeeds(request: big, streaming: false)
        #expect(TargetSelection.reasons(for: needs, capabilities: flash).contains { $0.contains("output tokens") })
    }

    @Test("weighted order draws by weight without replacement, the rest as fallbacks")
    func weighted() {
        func target(_ provider: String, _ weight: Int) -> RouteTable.Target {
            RouteTable.Target(key: TargetKey(provider: provider, model: "m"), weight: weight, capabilities: ModelCapabilities())
        }
        let route = RouteTable.Route(name: "r", strategy: .weighted, targets: [target("a", 1), target("b", 3), target("c", 0)], isRoute: true)
        // Total 4: draws below 0.25 pick a, at or above pick b; c (weight 0) always comes last.
        #expect(TargetSelection.order(route, random: { 0.1 }).map(\.key.provider) == ["a", "b", "c"])
        #expect(TargetSelection.order(route, random: { 0.3 }).map(\.key.provider) == ["b", "a", "c"])
        var fallback = route
        fallback.strategy = .fallback
        #expect(TargetSelection.order(fallback, random: { 0.99 }).map(\.key.provider) == ["a", "b", "c"])
    }

    @Test("a catalog model named directly targets every provider serving it; routes win over models")
    func routeTable() throws {
        let configuration = try Self.configuration()
        let table = RouteTable(configuration: configuration, providers: [:], providerOrder: ["studio", "vertex"])
        #expect(table.route(for: "gemini-2.5-flash")?.targets.map(\.key.provider) == ["studio", "vertex"])
        #expect(table.route(for: "models/gemini-2.5-flash")?.isRoute == false)
        #expect(table.route(for: "imagegeneration@006")?.targets.map(\.key.provider) == ["vertex"])
        #expect(table.route(for: "image")?.targets.count == 3)
        #expect(table.route(for: "no-such-model") == nil)
        // Without built providers every target is unusable, with the reason.
        let (eligible, skipped) = TargetSelection.filter(table.route(for: "chat")?.targets ?? []) { _ in [] }
        #expect(eligible.isEmpty)
        #expect(skipped.first?.reasons == ["provider studio is not available"])
    }

    @Test("without an explicit order, a catalog model's targets follow the providers' declaration order")
    func declaredProviderOrder() throws {
        var configuration = try Self.configuration()
        configuration.providerOrder = ["vertex", "studio"]
        let order = Router.declaredOrder(configuration: configuration, providers: [:])
        #expect(order == ["vertex", "studio"])
        let table = RouteTable(configuration: configuration, providers: [:], providerOrder: order)
        #expect(table.route(for: "gemini-2.5-flash")?.targets.map(\.key.provider) == ["vertex", "studio"])
        configuration.providerOrder = ["vertex"]
        #expect(Router.declaredOrder(configuration: configuration, providers: [:]) == ["vertex", "studio"])
    }
}

@Suite("Route table with real adapters")
struct RouteTableProviderTests {
    @Test("a Vertex provider whose location lacks a model is skipped with the reason; its catalog models follow it")
    func locationAware() async throws {
        var configuration = try TargetSelectionTests.configuration()
        // Never started: the adapters are only asked what they serve.
        let transport = CurlTransport()
        var providers: [String: any Provider] = [:]
        for (name, var settings) in configuration.providers {
            if name == "vertex" { settings.location = "global" }
            configuration.providers[name] = settings
            let credentials = try await CredentialSourceFactory.apiKey("unused-key")
                .makeSource(context: CredentialContext(transport: transport, environment: AuthEnvironment()))
            providers[name] = try GoogleProviderFactory.makeProvider(
                settings: settings,
                catalog: try #require(configuration.catalogs[name]),
                credentials: credentials,
                transport: transport,
                logger: Logger(label: "test")
            )
        }
        let table = RouteTable(configuration: configuration, providers: providers, providerOrder: ["studio", "vertex"])
        let image = try #require(table.route(for: "image"))
        let (eligible, skipped) = TargetSelection.filter(image.targets) { _ in [] }
        // The Gemini image model is offered in global; imagegeneration@006 is regional only.
        #expect(
            eligible.map(\.key.description) == [
                "studio/gemini-2.0-flash-preview-image-generation", "vertex/gemini-2.0-flash-preview-image-generation",
            ]
        )
        #expect(skipped.map(\.model) == ["imagegeneration@006"])
        #expect(skipped.first?.reasons.first?.contains("does not serve model imagegeneration@006") == true)
        #expect(table.route(for: "imagegeneration@006") == nil, "no provider serves it, so it is not addressable")
        await transport.shutdown()
    }
}
