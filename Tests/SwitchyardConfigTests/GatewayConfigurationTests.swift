import Foundation
import SwitchyardConfig
import SwitchyardCore
import Testing

@Suite("Gateway configuration")
struct GatewayConfigurationTests {
    @Test("config/switchyard.yaml loads with no environment and points both providers at the emulator")
    func defaultConfiguration() throws {
        let configuration = try GatewayConfiguration.load(file: Repository.config + "/switchyard.yaml", environment: [:])
        #expect(configuration.emulator.enabled)
        #expect(configuration.emulator.host == "127.0.0.1")
        #expect(configuration.emulator.port == 8090)
        let emulatorKey = try #require(configuration.emulator.apiKey)
        let studio = try #require(configuration.providers["studio"])
        #expect(studio.type == .googleAIStudio)
        #expect(studio.apiKey == emulatorKey)
        #expect(studio.baseURL == "http://127.0.0.1:8090")
        let vertex = try #require(configuration.providers["vertex"])
        #expect(vertex.type == .vertexAI)
        #expect(vertex.project == "switchyard-demo")
        #expect(vertex.location == "us-central1")
        #expect(vertex.baseURL == "http://127.0.0.1:8090")
        let serviceAccount = try #require(configuration.emulator.serviceAccountFile)
        #expect(vertex.credentials == .file(serviceAccount))
        #expect(
            configuration.routes["image"]?.targets.map(\.model) == [
                "gemini-2.0-flash-preview-image-generation", "gemini-2.0-flash-preview-image-generation", "imagegeneration@006",
            ]
        )
        #expect(configuration.routes["image"]?.targets.map(\.provider) == ["studio", "vertex", "vertex"])
        #expect(configuration.routes["chat"] != nil)
        #expect(configuration.routes["imagen"] != nil)
        #expect(configuration.catalogs["vertex"]?.model("imagegeneration@006")?.capabilities.apiMethod == .predict)
        #expect(configuration.catalogDirectory == Repository.providers)
        #expect(configuration.retry.initialBackoff == .milliseconds(200))
        #expect(configuration.timeouts.request == .seconds(120))
    }

    @Test("The default configuration follows SWITCHYARD_EMULATOR_URL and SWITCHYARD_PORT")
    func defaultConfigurationInterpolates() throws {
        let configuration = try GatewayConfiguration.load(
            file: Repository.config + "/switchyard.yaml",
            environment: ["SWITCHYARD_EMULATOR_URL": "http://127.0.0.1:9999", "SWITCHYARD_PORT": "7000"]
        )
        #expect(configuration.providers["studio"]?.baseURL == "http://127.0.0.1:9999")
        #expect(configuration.providers["vertex"]?.baseURL == "http://127.0.0.1:9999")
        #expect(configuration.server.port == 7000)
    }

    @Test("Each example loads with its documented environment", arguments: ["ai-studio", "vertex-service-account", "studio-to-vertex-fallback"])
    func examples(name: String) throws {
        let configuration = try GatewayConfiguration.load(
            file: Repository.config + "/examples/\(name).yaml",
            environment: ["GEMINI_API_KEY": "test-key", "GOOGLE_CLOUD_PROJECT": "my-project"]
        )
        #expect(!configuration.routes.isEmpty)
        for route in configuration.routes.values {
            #expect(!route.targets.isEmpty)
        }
    }

    @Test("The example without GEMINI_API_KEY says which variable is missing")
    func exampleWithoutKey() {
        do {
            _ = try GatewayConfiguration.load(file: Repository.config + "/examples/ai-studio.yaml", environment: [:])
            Issue.record("loading should fail")
        } catch {
            #expect(error.issues.map(\.code) == [.missingEnvironmentVariable])
            #expect(error.issues.first?.line == 14)
            #expect(error.issues.first?.path == "providers.studio.api_key")
        }
    }

    static let valid = """
        providers:
          studio:
            type: google-ai-studio
            api_key: k
          vertex:
            type: vertex-ai
            project: p
            location: us-central1
        routes:
          image:
            targets:
              - {provider: studio, model: gemini-2.0-flash-preview-image-generation}
              - {provider: vertex, model: imagegeneration@006, weight: 2}
        """

    @Test("Providers keep the order the file declares them in; retry.cooldown.per_day_period is read")
    func providerOrderAndPerDayPeriod() throws {
        let reversed = """
            providers:
              vertex:
                type: vertex-ai
                project: p
                location: us-central1
              studio:
                type: google-ai-studio
                api_key: k
            retry:
              cooldown: {failures: 2, period: 10s, per_day_period: 90m}
            """
        let configuration = try Repository.configuration(reversed)
        #expect(configuration.providerOrder == ["vertex", "studio"])
        #expect(configuration.retry.cooldown.perDayPeriod == .seconds(5400))
        #expect(try Repository.configuration(Self.valid).providerOrder == ["studio", "vertex"])
        #expect(try Repository.configuration(Self.valid).retry.cooldown.perDayPeriod == .seconds(3600))
    }

    @Test("A route naming an unknown provider is an error naming file, line and key path")
    func unknownProvider() {
        let yaml = Self.valid.replacingOccurrences(
            of: "{provider: vertex, model: imagegeneration@006, weight: 2}",
            with: "{provider: vertx, model: imagegeneration@006}"
        )
        #expect(Repository.issues(yaml) == [#"config/x.yaml:13: routes.image.targets[1].provider: unknown provider "vertx" (known: studio, vertex)"#])
    }

    @Test("A route naming a model the provider's catalog lacks is an error")
    func unknownModel() {
        let yaml = Self.valid.replacingOccurrences(of: "model: imagegeneration@006", with: "model: imagegeneration@007")
        #expect(
            Repository.issues(yaml) == [
                #"config/x.yaml:13: routes.image.targets[1].model: model "imagegeneration@007" is not in the vertex-ai catalog of provider "vertex" (did you mean "imagegeneration@006"?)"#
            ]
        )
        let wrongProvider = Self.valid.replacingOccurrences(
            of: "{provider: studio, model: gemini-2.0-flash-preview-image-generation}",
            with: "{provider: studio, model: imagegeneration@006}"
        )
        #expect(Repository.issues(wrongProvider).first?.contains(#"model "imagegeneration@006" is not in the google-ai-studio catalog"#) == true)
    }

    @Test("Unknown keys are errors with a suggestion when one is close")
    func unknownKeys() {
        let yaml = "servr:\n  port: 1\n" + Self.valid + "\n    strategi: fallback\n"
        #expect(
            Repository.issues(yaml) == [
                #"config/x.yaml:1: servr: unknown key (did you mean "server"?)"#,
                #"config/x.yaml:16: routes.image.strategi: unknown key (did you mean "strategy"?)"#,
            ]
        )
        #expect(Repository.issues(Self.valid + "\nfrobnicate: 1\n") == ["config/x.yaml:14: frobnicate: unknown key"])
    }

    @Test("Wrong types are errors")
    func wrongTypes() {
        let yaml = """
            server:
              port: http
              api_keys: secret
            emulator:
              enabled: maybe
            """ + "\n"
            + Self.valid.replacingOccurrences(
                of:
                    "    targets:\n      - {provider: studio, model: gemini-2.0-flash-preview-image-generation}\n      - {provider: vertex, model: imagegeneration@006, weight: 2}",
                with: "    targets: {provider: studio}"
            )
        #expect(
            Repository.issues(yaml) == [
                #"config/x.yaml:2: server.port: expected an integer, got "http""#,
                "config/x.yaml:3: server.api_keys: expected a list, got a scalar",
                #"config/x.yaml:5: emulator.enabled: expected true or false, got "maybe""#,
                "config/x.yaml:16: routes.image.targets: expected a list, got a mapping",
            ]
        )
    }

    @Test("Missing required keys are errors")
    func missingKeys() {
        let yaml = """
            providers:
              studio:
                type: google-ai-studio
              vertex:
                type: vertex-ai
              other:
                api_key: x
            routes:
              chat:
                strategy: fallback
              image:
                targets:
                  - {provider: studio}
            """
        #expect(
            Repository.issues(yaml) == [
                "config/x.yaml:3: providers.studio.api_key: missing required key (or api_key_file)",
                "config/x.yaml:5: providers.vertex.project: missing required key",
                "config/x.yaml:5: providers.vertex.location: missing required key",
                "config/x.yaml:7: providers.other.type: missing required key",
                "config/x.yaml:10: routes.chat.targets: missing required key",
                "config/x.yaml:13: routes.image.targets[0].model: missing required key",
            ]
        )
        #expect(Repository.issues("server:\n  port: 1\n") == ["config/x.yaml:1: providers: missing required key"])
        #expect(
            Repository.issues(Self.valid + "\nemulator:\n  enabled: true\n")
                == ["config/x.yaml:15: emulator.api_key: missing required key (the key the emulator accepts)"]
        )
    }

    @Test("Bad durations are errors")
    func badDurations() {
        let yaml = Self.valid + "\ntimeouts:\n  connect: 5 seconds\n  request: 10\nretry:\n  cooldown:\n    period: -1s\n"
        #expect(
            Repository.issues(yaml) == [
                #"config/x.yaml:15: timeouts.connect: invalid duration "5 seconds" (use e.g. 500ms, 30s, 2m, 1h)"#,
                #"config/x.yaml:16: timeouts.request: invalid duration "10" (use e.g. 500ms, 30s, 2m, 1h)"#,
                #"config/x.yaml:19: retry.cooldown.period: invalid duration "-1s" (use e.g. 500ms, 30s, 2m, 1h)"#,
            ]
        )
        let good = try? Repository.configuration(Self.valid + "\ntimeouts:\n  connect: 500ms\n  request: 2m\n  stream_idle: 1.5s\n")
        #expect(good?.timeouts.connect == .milliseconds(500))
        #expect(good?.timeouts.request == .seconds(120))
        #expect(good?.timeouts.streamIdle == .milliseconds(1500))
    }

    @Test("An unknown provider type is an error listing the known types")
    func unknownProviderType() {
        let yaml = Self.valid.replacingOccurrences(of: "type: vertex-ai", with: "type: vertex")
        #expect(
            Repository.issues(yaml) == [
                #"config/x.yaml:6: providers.vertex.type: unknown provider type "vertex" (known: google-ai-studio, vertex-ai)"#
            ]
        )
    }

    @Test("A missing environment variable without a default is an error; defaults and values apply")
    func environment() throws {
        let yaml = Self.valid.replacingOccurrences(of: "api_key: k", with: "api_key: ${STUDIO_KEY}")
        #expect(
            Repository.issues(yaml) == [
                "config/x.yaml:4: providers.studio.api_key: environment variable STUDIO_KEY is not set and has no default (write ${STUDIO_KEY:-default})"
            ]
        )
        let configured = try Repository.configuration(yaml, environment: ["STUDIO_KEY": "from-env"])
        #expect(configured.providers["studio"]?.apiKey?.value == "from-env")
        let defaulted = Self.valid.replacingOccurrences(of: "location: us-central1", with: "location: ${LOC:-europe-west4}-$${literal}")
        #expect(try Repository.configuration(defaulted).providers["vertex"]?.location == "europe-west4-${literal}")
        #expect(try Repository.configuration(defaulted, environment: ["LOC": ""]).providers["vertex"]?.location == "europe-west4-${literal}")
        #expect(try Repository.configuration(defaulted, environment: ["LOC": "us"]).providers["vertex"]?.location == "us-${literal}")
    }

    @Test("Every error in a file is reported, not just the first")
    func collectsAllErrors() {
        let yaml = """
            server:
              port: 99999
            providers:
              studio:
                type: google-ai-studio
                api_key: k
                api_version: v2
            routes:
              chat:
                strategy: random
                targets:
                  - {provider: nowhere, model: x}
            timeouts:
              connect: soon
            """
        let issues = Repository.issues(yaml)
        #expect(issues.count == 5)
        #expect(issues.first == "config/x.yaml:2: server.port: 99999 is out of range 0...65535")
        #expect(issues.contains(#"config/x.yaml:7: providers.studio.api_version: API version "v2" is not one of v1beta, v1 (did you mean "v1"?)"#))
        #expect(issues.contains(#"config/x.yaml:10: routes.chat.strategy: "random" is not one of fallback, weighted"#))
    }

    @Test("API keys can come from a file, relative to the configuration; the secret never prints")
    func apiKeyFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "  sk-file-secret\n".write(to: directory.appendingPathComponent("key.txt"), atomically: true, encoding: .utf8)
        let yaml = Self.valid.replacingOccurrences(of: "api_key: k", with: "api_key_file: key.txt")
        let configuration = try GatewayConfiguration.parse(
            yaml: yaml,
            file: "x.yaml",
            environment: [:],
            catalogs: Repository.catalogs,
            baseDirectory: directory.path
        )
        let key = try #require(configuration.providers["studio"]?.apiKey)
        #expect(key.value == "sk-file-secret")
        #expect("\(key)" == "<redacted>")
        #expect(!String(describing: configuration.providers["studio"]!).contains("sk-file-secret"))

        let missing = Self.valid.replacingOccurrences(of: "api_key: k", with: "api_key_file: nope.txt")
        #expect(Repository.issues(missing) == [#"config/x.yaml:4: providers.studio.api_key_file: cannot read api_key_file "/srv/nope.txt""#])
        let both = Self.valid.replacingOccurrences(of: "api_key: k", with: "api_key: k\n    api_key_file: key.txt")
        #expect(Repository.issues(both) == ["config/x.yaml:5: providers.studio.api_key_file: give api_key or api_key_file, not both"])
    }

    @Test("Catalog overrides change fields and add models per provider")
    func catalogOverrides() throws {
        let yaml =
            Self.valid + """

                catalog:
                  providers:
                    vertex:
                      models:
                        imagegeneration@006:
                          images: {per_call: [1, 2]}
                        my-tuned-model:
                          input: [TEXT]
                          output: [TEXT]
                          features: [streaming]
                          context_window: 4096
                    nobody:
                      models: {}
                """
        #expect(Repository.issues(yaml) == [#"config/x.yaml:26: catalog.providers.nobody: unknown provider "nobody" (known: studio, vertex)"#])
        let fixed = yaml.replacingOccurrences(of: "    nobody:\n      models: {}", with: "")
        let configuration = try Repository.configuration(fixed)
        let imagen = try #require(configuration.model("imagegeneration@006", provider: "vertex"))
        #expect(imagen.capabilities.images?.imagesPerCall == 1...2)
        #expect(imagen.capabilities.images?.aspectRatios.count == 5)
        #expect(imagen.capabilities.apiMethod == .predict)
        let tuned = try #require(configuration.model("my-tuned-model", provider: "vertex"))
        #expect(tuned.capabilities.contextWindow == 4096)
        #expect(tuned.capabilities.features == [.streaming])
        #expect(configuration.model("my-tuned-model", provider: "studio") == nil)
        #expect(Repository.catalogs[.vertexAI]?.model("imagegeneration@006")?.capabilities.images?.imagesPerCall == 1...4)
    }

    @Test("Invalid YAML is an error with its line")
    func invalidYAML() {
        let issues = Repository.issues("providers:\n  studio: [unclosed\n")
        #expect(issues.count == 1)
        #expect(issues.first?.hasPrefix("config/x.yaml:3: invalid YAML") == true)
    }

    @Test("A missing catalog directory is an error naming the key")
    func missingCatalogDirectory() {
        do {
            _ = try GatewayConfiguration.parse(
                yaml: Self.valid + "\ncatalog:\n  directory: does-not-exist\n",
                file: "config/x.yaml",
                environment: [:],
                baseDirectory: "/nonexistent"
            )
            Issue.record("loading should fail")
        } catch {
            #expect(
                error.issues.first?.description == #"config/x.yaml:15: catalog.directory: cannot load catalogs from "/nonexistent/does-not-exist""#
            )
        }
    }
}
