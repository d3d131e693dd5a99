import Foundation
import GoogleEmulator
import Logging
import ServiceLifecycle
import Switchyard
import Testing

@Suite("Gateway: load, serve, reload", .timeLimit(.minutes(1)))
struct GatewayTests {
    @Test("loads a configuration file and serves a route; models() lists routes and catalog models")
    func loadAndServe() async throws {
        try await withGateway { _, gateway, _ in
            let reply = try await gateway.generateContent(Prompt.text("Hello"), model: "chat")
            #expect(reply.trail.provider == "studio")
            #expect(reply.value.candidates?.isEmpty == false)

            let models = gateway.models()
            let chat = try #require(models.first { $0.id == "chat" })
            #expect(chat.isRoute)
            #expect(chat.targets.map(\.provider) == ["studio", "vertex"])
            #expect(chat.capabilities?.contextWindow != nil)
            let flash = try #require(models.first { $0.id == "gemini-2.5-flash" })
            #expect(!flash.isRoute)
            #expect(flash.targets.map(\.provider) == ["studio", "vertex"])
            #expect(models.contains { $0.id == "imagegeneration@006" && $0.targets.map(\.provider) == ["vertex"] })
        }
    }

    @Test("reload under load: 200 requests in flight finish on the old order, new requests use the new one, none fails")
    func reloadUnderLoad() async throws {
        try await withGateway { harness, gateway, file in
            // Vertex's token is fetched once before the reload; the kept provider must not fetch another.
            _ = try await gateway.generateContent(Prompt.text("warm up"), model: "vertex-chat")
            let grantsBefore = await harness.emulator.counters.tokenGrants
            #expect(grantsBefore == 1)

            // AI Studio answers slowly, so the old requests are still in flight when the reload happens.
            await harness.emulator.injectFault(
                EmulatorFault(kind: .latency(.milliseconds(300)), match: .init(surface: .aiStudio), fraction: 1.0)
            )
            let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
            try await withThrowingTaskGroup(of: String?.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let router = gateway.router  // what gateway.generateContent takes at its start
                        startedContinuation.yield()
                        let reply = try await router.generateContent(Prompt.text("old request \(index)"), model: "chat")
                        return reply.trail.provider
                    }
                }
                var count = 0
                for await _ in started {
                    count += 1
                    if count == 200 { break }
                }
                try harness.write(harness.yaml(chatFirst: "vertex"), to: URL(fileURLWithPath: file).lastPathComponent)
                try await gateway.reload()
                #expect(gateway.configuration.routes["chat"]?.targets.first?.provider == "vertex")

                for index in 0..<20 {
                    let reply = try await gateway.generateContent(Prompt.text("new request \(index)"), model: "chat")
                    #expect(reply.trail.provider == "vertex")
                    #expect(reply.trail.attempts.count == 1)
                }
                var oldProviders: [String?] = []
                for try await provider in group { oldProviders.append(provider) }
                #expect(oldProviders.count == 200)
                #expect(oldProviders.allSatisfy { $0 == "studio" }, "in-flight requests finish on the old configuration")
            }
            #expect(await harness.emulator.counters.tokenGrants == grantsBefore, "the unchanged vertex provider kept its token cache")
        }
    }

    @Test("a reload that changes a provider rebuilds it (new credentials); the change takes effect")
    func reloadRebuildsChangedProvider() async throws {
        try await withGateway { harness, gateway, file in
            _ = try await gateway.generateContent(Prompt.text("before"), model: "vertex-chat")
            #expect(await harness.emulator.counters.tokenGrants == 1)
            let moved = harness.yaml(chatFirst: "studio").replacingOccurrences(of: "location: us-central1", with: "location: global")
            try harness.write(moved, to: URL(fileURLWithPath: file).lastPathComponent)
            try await gateway.reload()
            _ = try await gateway.generateContent(Prompt.text("after"), model: "vertex-chat")
            #expect(await harness.emulator.counters.tokenGrants == 2, "the rebuilt provider has a new credential")
            let last = try #require(await harness.emulator.requestLog().last { $0.surface == .vertex })
            #expect(last.path.contains("/locations/global/"))
        }
    }

    @Test("a broken configuration is rejected with file:line messages and the old one stays in force")
    func brokenReload() async throws {
        try await withGateway { harness, gateway, file in
            let brokenText = harness.yaml(chatFirst: "studio").replacingOccurrences(
                of: "- {provider: vertex, model: gemini-2.5-flash}",
                with: "- {provider: vertx, model: gemini-2.5-flash}"
            )
            try harness.write(brokenText, to: URL(fileURLWithPath: file).lastPathComponent)
            do {
                try await gateway.reload()
                Issue.record("expected a configuration error")
            } catch let error as ConfigurationError {
                let text = error.description
                #expect(text.contains("\(file):"))
                #expect(text.contains("vertx"))
                let issue = try #require(error.issues.first)
                #expect(issue.line > 0)
            }
            #expect(gateway.configuration.routes["chat"]?.targets.map(\.provider) == ["studio", "vertex"])
            let reply = try await gateway.generateContent(Prompt.text("still working"), model: "chat")
            #expect(reply.trail.provider == "studio")
        }
    }

    @Test("a provider that cannot be built fails start-up with an error naming it")
    func providerBuildFailure() async throws {
        let harness = try await GatewayHarness.start()
        let text = harness.yaml(chatFirst: "studio").replacingOccurrences(
            of: harness.keyFile,
            with: harness.directory.appendingPathComponent("missing.json").path
        )
        let outcome: Result<Gateway, any Error>
        do {
            outcome = .success(try await Gateway.load(configFile: try harness.write(text), environment: [:]))
        } catch {
            outcome = .failure(error)
        }
        await harness.shutdown()
        switch outcome {
        case .success(let gateway):
            await gateway.shutdown()
            Issue.record("expected the vertex provider to fail")
        case .failure(let error):
            let failure = try #require(error as? SwitchyardError)
            #expect(failure.provider == "vertex")
            #expect(failure.code == .configuration)
            #expect(failure.message.contains("missing.json"))
        }
    }

    @Test("as a Service, the gateway runs until graceful shutdown")
    func service() async throws {
        try await withGateway { _, gateway, _ in
            let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [gateway], logger: Logger(label: "test")))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                let reply = try await gateway.generateContent(Prompt.text("while running"), model: "chat")
                #expect(reply.trail.provider == "studio")
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            do {
                _ = try await gateway.generateContent(Prompt.text("after shutdown"), model: "chat")
                Issue.record("expected the transport to be shut down")
            } catch let error as RoutingError {
                #expect(!error.trail.attempts.isEmpty)
                #expect(error.trail.provider == nil)
            }
        }
    }
}
