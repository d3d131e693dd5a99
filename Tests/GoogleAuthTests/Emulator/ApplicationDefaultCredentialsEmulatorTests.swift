import Foundation
import GoogleAuth
import GoogleEmulator
import Logging
import SwitchyardHTTP
import Testing

/// Application Default Credentials with each source served by the emulator, over libcurl.
@Suite("Application Default Credentials against the emulator", .timeLimit(.minutes(1)))
struct ApplicationDefaultCredentialsEmulatorTests {
    let logger = Logger(label: "test")

    @Test("GOOGLE_APPLICATION_CREDENTIALS with an emulator service account gets a token")
    func environmentVariableServiceAccount() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let account = try await emulator.createServiceAccount(project: EmulatorHarness.project)
            let directory = try TemporaryDirectory()
            let path = try directory.write(account.json, to: "sa.json")
            let environment = AuthEnvironment(variables: ["GOOGLE_APPLICATION_CREDENTIALS": path, "NO_GCE_CHECK": "true"])
            let source = try await CredentialSourceFactory.applicationDefault()
                .makeSource(context: EmulatorHarness.context(transport, environment: environment))
            #expect(try await source.authorizationHeaders(logger: logger)["Authorization"]?.hasPrefix("Bearer ") == true)
            #expect(await emulator.counters.tokenGrants == 1)
        }
    }

    @Test("the gcloud ADC file (authorized_user) refreshes at its token_uri and sends its quota project")
    func gcloudAuthorizedUser() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let user = try await emulator.createAuthorizedUser(quotaProject: EmulatorHarness.project)
            let directory = try TemporaryDirectory()
            try directory.write(user.json, to: "gcloud/application_default_credentials.json")
            let environment = AuthEnvironment(
                variables: ["CLOUDSDK_CONFIG": directory.path + "/gcloud", "NO_GCE_CHECK": "true"],
                homeDirectory: directory.path
            )
            let source = try await CredentialSourceFactory.applicationDefault()
                .makeSource(context: EmulatorHarness.context(transport, environment: environment))
            let headers = try await source.authorizationHeaders(logger: logger)
            #expect(headers["Authorization"]?.hasPrefix("Bearer ") == true)
            #expect(headers["x-goog-user-project"] == EmulatorHarness.project)
            #expect(await emulator.counters.tokenGrants == 1)
        }
    }

    @Test("with no file, the metadata server at GCE_METADATA_HOST is detected and serves the token")
    func metadataServer() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let host = String(emulator.baseURL.dropFirst("http://".count))
            let directory = try TemporaryDirectory()
            let environment = AuthEnvironment(variables: ["GCE_METADATA_HOST": host, "GCE_METADATA_TIMEOUT": "30"], homeDirectory: directory.path)
            let source = try await CredentialSourceFactory.applicationDefault()
                .makeSource(context: EmulatorHarness.context(transport, environment: environment))
            #expect((source as? TokenCredentialSource)?.kind == "metadata_server")
            let headers = try await source.authorizationHeaders(logger: logger)
            #expect(headers["Authorization"]?.hasPrefix("Bearer ") == true)
            #expect(await emulator.counters.metadataTokenRequests == 1)
            let log = await emulator.requestLog()
            #expect(log.contains { $0.path == "/" && $0.method == "GET" })
            let tokenCall = log.first { $0.path == "/computeMetadata/v1/instance/service-accounts/default/token" }
            #expect(tokenCall?.query.contains("scopes=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fcloud-platform") == true)
            #expect(tokenCall?.headers.contains { $0.name.lowercased() == "metadata-flavor" && $0.value == "Google" } == true)
        }
    }

    @Test("a metadata ping answered with a non-200 status means no metadata server, at once, without retrying the ping")
    func pingNon200() async throws {
        try await EmulatorHarness.run { emulator, transport in
            await emulator.injectFault(EmulatorFault(kind: .status(500), match: .init(surface: .metadata, method: "ping"), count: 5))
            let host = String(emulator.baseURL.dropFirst("http://".count))
            let directory = try TemporaryDirectory()
            let environment = AuthEnvironment(variables: ["GCE_METADATA_HOST": host, "GCE_METADATA_TIMEOUT": "30"], homeDirectory: directory.path)
            let error = await #expect(throws: GoogleAuthError.self) {
                try await CredentialSourceFactory.applicationDefault()
                    .makeSource(context: EmulatorHarness.context(transport, environment: environment))
            }
            #expect(error?.code == .noDefaultCredentials)
            #expect(error?.message.contains("answered HTTP 500") == true)
            #expect(await emulator.requestLog().filter { $0.path == "/" }.count == 1)
        }
    }

    @Test("metadata token requests are retried on 503 (google-auth's metadata retry) and then succeed")
    func metadataTokenRetried() async throws {
        try await EmulatorHarness.run { emulator, transport in
            await emulator.injectFault(EmulatorFault(kind: .status(503), match: .init(surface: .metadata, method: "token"), count: 2))
            let host = String(emulator.baseURL.dropFirst("http://".count))
            let directory = try TemporaryDirectory()
            let environment = AuthEnvironment(variables: ["GCE_METADATA_HOST": host, "GCE_METADATA_TIMEOUT": "30"], homeDirectory: directory.path)
            let source = try await CredentialSourceFactory.applicationDefault()
                .makeSource(context: EmulatorHarness.context(transport, environment: environment))
            #expect(try await source.authorizationHeaders(logger: logger)["Authorization"]?.hasPrefix("Bearer ") == true)
            #expect(await emulator.counters.metadataTokenRequests == 3)
        }
    }

    @Test("a metadata host that does not answer ends discovery with one error listing all three places")
    func nothingAnswers() async throws {
        try await EmulatorHarness.run { _, transport in
            let directory = try TemporaryDirectory()
            let environment = AuthEnvironment(
                variables: ["GCE_METADATA_HOST": "127.0.0.1:1", "GCE_METADATA_DETECT_RETRIES": "2", "GCE_METADATA_TIMEOUT": "2"],
                homeDirectory: directory.path
            )
            let error = await #expect(throws: GoogleAuthError.self) {
                try await CredentialSourceFactory.applicationDefault()
                    .makeSource(context: EmulatorHarness.context(transport, environment: environment))
            }
            #expect(error?.code == .noDefaultCredentials)
            #expect(error?.message.contains("GOOGLE_APPLICATION_CREDENTIALS") == true)
            #expect(error?.message.contains(directory.path + "/.config/gcloud/application_default_credentials.json") == true)
            #expect(error?.message.contains("127.0.0.1:1") == true)
            #expect(error?.message.contains("after 2 tries") == true)
        }
    }

    @Test("an emulator API key is sent as x-goog-api-key and accepted by the AI Studio surface")
    func apiKeyAccepted() async throws {
        try await EmulatorHarness.run { emulator, transport in
            let source = try await CredentialSourceFactory.apiKey("test-api-key")
                .makeSource(context: EmulatorHarness.context(transport))
            let request = HTTPRequest(
                method: .post,
                url: emulator.baseURL + "/v1beta/models/gemini-2.5-flash:countTokens",
                headers: ["Content-Type": "application/json"],
                body: Data(#"{"contents":[{"role":"user","parts":[{"text":"hello"}]}]}"#.utf8)
            )
            let response = try await source.execute(request, on: transport, logger: logger)
            _ = try await response.body.collect(upTo: 1 << 20)
            #expect(response.status == 200)
            let wrong = try await CredentialSourceFactory.apiKey("wrong-key").makeSource(context: EmulatorHarness.context(transport))
            let refused = try await wrong.execute(request, on: transport, logger: logger)
            _ = try await refused.body.collect(upTo: 1 << 20)
            #expect(refused.status != 200)
        }
    }
}
