import ArgumentParser
import Foundation
import GoogleEmulator
import Logging
import Switchyard

/// `switchyard check`: validates the configuration, then tries every provider's credentials and model listing.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration and try every provider's credentials and model listing.",
        discussion: """
            First the configuration and catalogs are loaded and validated; every problem is printed as \
            file:line: key: message and the exit code is 3. Then, for each provider, one PASS or FAIL line: the \
            credentials are tried (an access token is minted for OAuth credentials; an API key is tried by the \
            listing) and the backend's models are listed. Any FAIL gives exit code 4. When the configuration enables \
            the emulator, it is started in-process first. Secrets are never printed.

            EXAMPLES:
              switchyard check
              switchyard check --config config/examples/vertex-service-account.yaml
              switchyard check --timeout 10 || echo "fix the FAIL lines above"
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Seconds each provider's check may take.")
    var timeout = 30

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() async throws {
        try await CommandRunner.run("check", logLevel: global.logLevel) { () throws(CLIFailure) in
            let logger = CLILogging.logger("switchyard", level: global.logLevel)
            let configuration: GatewayConfiguration
            do throws(CLIFailure) {
                configuration = try CommandContext.loadConfiguration(global.config, environment: ProcessInfo.processInfo.environment)
            } catch {
                Console.line("FAIL config \(global.config)")
                throw error
            }
            Console.line(
                "PASS config \(global.config) (\(configuration.providers.count) providers, \(configuration.routes.count) routes)"
            )
            let emulator: GoogleEmulator?
            do throws(CLIFailure) {
                emulator = try await EmbeddedEmulator.startIfConfigured(configuration, logger: logger)
            } catch {
                Console.line("FAIL emulator: \(error.message)")
                throw CLIFailure("the embedded emulator did not start", hint: error.hint, exitCode: CLIExitCode.checkFailed)
            }
            if let emulator { Console.line("PASS emulator listening at \(emulator.baseURL)") }
            let transport = CurlTransport(
                configuration: CurlTransport.Configuration(
                    connectTimeout: configuration.timeouts.connect,
                    idleTimeout: configuration.timeouts.streamIdle
                ),
                logger: CLILogging.logger("switchyard.http", level: global.logLevel)
            )
            var failures = 0
            for name in CommandContext.providerNames(configuration) {
                guard let settings = configuration.providers[name] else { continue }
                let label = "\(name) (\(settings.type.rawValue))"
                do throws(CLIFailure) {
                    let detail = try await ProviderProbe(
                        settings: settings,
                        catalog: configuration.catalogs[name],
                        routedModels: configuration.routes.values.flatMap(\.targets).filter { $0.provider == name }.map(\.model),
                        transport: transport,
                        logger: logger
                    ).run(timeout: .seconds(timeout))
                    Console.line("PASS \(label): \(detail)")
                } catch {
                    failures += 1
                    Console.line("FAIL \(label): \(error.message)")
                    if let hint = error.hint { Console.line("     hint: \(hint)") }
                }
            }
            await transport.shutdown()
            try? await emulator?.shutdown()
            if failures > 0 {
                throw CLIFailure(
                    "\(failures) of \(configuration.providers.count) provider\(configuration.providers.count == 1 ? "" : "s") failed the check",
                    hint: "see the FAIL lines above",
                    exitCode: CLIExitCode.checkFailed
                )
            }
        }
    }
}

/// Tries one provider: builds its credentials (minting a token for OAuth), then lists the backend's models.
struct ProviderProbe: Sendable {
    var settings: ProviderSettings
    var catalog: ProviderCatalog?
    var routedModels: [String]
    var transport: any HTTPTransport
    var logger: Logger

    /// A line of what passed, e.g. `access token minted for x@p.iam.gserviceaccount.com; 12 models listed`.
    /// - Throws: ``CLIFailure`` with the step that failed and a hint.
    func run(timeout: Duration) async throws(CLIFailure) -> String {
        let outcome = await withTaskGroup(of: Result<String, CLIFailure>?.self) { group in
            group.addTask {
                do throws(CLIFailure) {
                    return .success(try await probe(deadline: ContinuousClock.now.advanced(by: timeout)))
                } catch {
                    return .failure(error)
                }
            }
            group.addTask {
                // The check's time limit: a bound on the wait, not synchronisation.
                try? await Task.sleep(for: timeout)
                return Task.isCancelled
                    ? nil : .failure(CLIFailure("no answer within \(timeout.components.seconds)s", hint: "check base_url and the network"))
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure(CLIFailure("the check was cancelled"))
        }
        return try outcome.get()
    }

    private func probe(deadline: ContinuousClock.Instant) async throws(CLIFailure) -> String {
        guard let catalog else {
            throw CLIFailure("no catalog for type \(settings.type.rawValue)", hint: "add Providers/\(settings.type.rawValue).yaml")
        }
        let factory: CredentialSourceFactory
        do {
            factory = try GoogleProviderFactory.credentialFactory(settings: settings)
        } catch {
            throw CLIFailure("credentials: \(error.message)", hint: credentialsHint)
        }
        let context = CredentialContext(transport: transport, logger: logger, environment: .process)
        let credentials: any CredentialSource
        do {
            credentials = try await factory.makeSource(context: context)
        } catch {
            throw CLIFailure("credentials: \(Self.message(error))", hint: credentialsHint)
        }
        var passed: [String] = []
        if let tokens = credentials as? TokenCredentialSource {
            do {
                _ = try await tokens.accessToken(logger: logger)
                passed.append("access token minted for \(tokens.label)")
            } catch {
                throw CLIFailure("credentials: cannot mint an access token for \(tokens.label): \(Self.message(error))", hint: credentialsHint)
            }
        } else {
            passed.append("API key accepted")
        }
        let provider: any Provider
        do {
            provider = try GoogleProviderFactory.makeProvider(
                settings: settings,
                catalog: catalog,
                credentials: credentials,
                transport: transport,
                logger: logger
            )
        } catch {
            throw CLIFailure(error.message, hint: "fix providers.\(settings.name) in the configuration")
        }
        let listed: [ModelInfo]
        do {
            listed = try await provider.listModels(context: ProviderCallContext(requestID: "switchyard-check", deadline: deadline))
        } catch {
            throw CLIFailure("listing models: \(Self.message(error))", hint: hint(for: error))
        }
        passed.append("\(listed.count) model\(listed.count == 1 ? "" : "s") listed")
        let names = Set(listed.compactMap(\.name).map { $0.split(separator: "/").last.map(String.init) ?? $0 })
        let missing = Set(routedModels).filter { !names.contains($0) }.sorted()
        if !names.isEmpty, !missing.isEmpty {
            passed.append("note: routed models not in the listing: \(missing.joined(separator: ", "))")
        }
        // A model listing is not project-scoped on Vertex AI; countTokens is, and costs no generation.
        if let model = probeModel(provider) {
            var request = CountTokensRequest()
            request.contents = [Content(role: .user, parts: [Part(text: "switchyard check")])]
            do {
                _ = try await provider.countTokens(
                    request,
                    model: model,
                    context: ProviderCallContext(requestID: "switchyard-check", deadline: deadline)
                )
                passed.append("countTokens on \(model) answered")
            } catch {
                throw CLIFailure("countTokens on \(model): \(Self.message(error))", hint: hint(for: error))
            }
        }
        return passed.joined(separator: "; ")
    }

    /// The first routed model, else the first catalog model, that is called with `generateContent`.
    private func probeModel(_ provider: any Provider) -> String? {
        let candidates = routedModels + provider.modelIDs.sorted()
        return candidates.first { provider.capabilities(for: $0)?.apiMethod == .generateContent }
    }

    /// Credentials advice for 400/401/403 answers (a bad API key is a 400 on AI Studio), else network advice.
    private func hint(for error: any Error) -> String {
        if let error = error as? SwitchyardError, let status = error.httpStatus, [400, 401, 403].contains(status) {
            return credentialsHint
        }
        if let error = error as? SwitchyardError, error.code == .unauthenticated || error.code == .permissionDenied {
            return credentialsHint
        }
        return "check providers.\(settings.name).base_url and the network"
    }

    private var credentialsHint: String {
        switch settings.type {
        case .googleAIStudio:
            "set providers.\(settings.name).api_key (e.g. ${GEMINI_API_KEY}); keys come from https://aistudio.google.com/apikey"
        default:
            "set providers.\(settings.name).credentials to a service-account key file, or `gcloud auth application-default login` "
                + "for Application Default Credentials; the project must exist and have Vertex AI enabled"
        }
    }

    /// An error's message without secrets (SwitchyardError and GoogleAuthError describe themselves safely).
    static func message(_ error: any Error) -> String {
        if let error = error as? SwitchyardError {
            return error.message + (error.httpStatus.map { " (HTTP \($0))" } ?? "")
        }
        return "\(error)"
    }
}
