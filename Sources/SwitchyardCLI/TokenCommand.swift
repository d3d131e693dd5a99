import ArgumentParser
import Foundation
import Logging
import Switchyard
import SwitchyardServer

/// `switchyard token`: prints an access token for a credentials file or Application Default Credentials, like
/// `gcloud auth print-access-token`, to check a credentials setup.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Print an access token (like `gcloud auth print-access-token`) to check a credentials setup.",
        discussion: """
            With a service-account key the token comes from the key's token_uri (the JWT-bearer grant); with a gcloud \
            authorized_user file from the refresh-token grant; with `adc` from Application Default Credentials \
            (GOOGLE_APPLICATION_CREDENTIALS, the gcloud ADC file, then the metadata server).
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp("A credentials JSON file (service_account or authorized_user), or `adc`.", valueName: "file|adc")
    )
    var credentials: String

    @Option(name: .customLong("scope"), help: "An OAuth scope to ask for; repeatable. Default: cloud-platform.")
    var scopes: [String] = []

    @Flag(name: .long, help: "Print a self-signed JWT for Vertex AI (aud https://aiplatform.googleapis.com/) instead of exchanging it.")
    var selfSignedJWT = false

    @Flag(name: .long, help: "Log the discovery and token requests to stderr.")
    var verbose = false

    func run() async throws {
        var logger = Logger(label: "switchyard.token") { TextLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        let transport = CurlTransport(logger: logger)
        let result: Result<AccessToken, any Error>
        do {
            result = .success(try await fetchToken(transport: transport, logger: logger))
        } catch {
            result = .failure(error)
        }
        await transport.shutdown()
        switch result {
        case .success(let token):
            print(token.value)
        case .failure(let error as GoogleAuthError):
            FileHandle.standardError.write(Data("switchyard token: \(error)\n".utf8))
            throw ExitCode.failure
        case .failure(let error):
            throw error
        }
    }

    private func fetchToken(transport: CurlTransport, logger: Logger) async throws -> AccessToken {
        let scopes = self.scopes.isEmpty ? [ServiceAccountKey.cloudPlatformScope] : self.scopes
        let factory: CredentialSourceFactory
        if credentials == "adc" {
            guard !selfSignedJWT else { throw ValidationError("--self-signed-jwt needs a service-account key file, not adc") }
            factory = .applicationDefault(scopes: scopes)
        } else if selfSignedJWT {
            factory = .serviceAccount(file: credentials, scopes: scopes, mode: .selfSignedVertexJWT)
        } else {
            factory = .credentialsFile(credentials, scopes: scopes)
        }
        let context = CredentialContext(transport: transport, logger: logger, environment: .process)
        let source = try await factory.makeSource(context: context)
        guard let tokenSource = source as? TokenCredentialSource else {
            throw ValidationError("these credentials do not use access tokens")
        }
        return try await tokenSource.accessToken(logger: logger)
    }
}
