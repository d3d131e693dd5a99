import Foundation
import GoogleAuth
import SwitchyardCrypto
import Testing

/// Application Default Credentials discovery over files in temporary directories; the metadata server is switched off
/// with `NO_GCE_CHECK=true`, so nothing here touches the network.
@Suite("Application Default Credentials: files and discovery order")
struct ApplicationDefaultCredentialsFileTests {
    static let userSecret = "user-client-secret-do-not-print"
    static let refreshToken = "1//refresh-token-do-not-print"

    static func authorizedUserJSON(quotaProject: String? = "file-project", dropping field: String? = nil) throws -> Data {
        var object: [String: Any] = [
            "type": "authorized_user",
            "client_id": "764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com",
            "client_secret": userSecret,
            "refresh_token": refreshToken,
            "account": "someone@example.com",
            "universe_domain": "googleapis.com",
        ]
        if let quotaProject { object["quota_project_id"] = quotaProject }
        if let field { object.removeValue(forKey: field) }
        return try KeyFiles.json(object)
    }

    static func serviceAccountJSON() throws -> Data {
        try KeyFiles.json(KeyFiles.serviceAccountObject(pem: KeyFiles.sharedPKCS8()))
    }

    func resolve(_ variables: [String: String], home: String? = nil, quotaProject: String? = nil) async throws -> TokenCredentialSource {
        var environment = AuthEnvironment(variables: variables, homeDirectory: home)
        environment.variables["NO_GCE_CHECK"] = environment.variables["NO_GCE_CHECK"] ?? "true"
        let context = CredentialContext(transport: NoNetworkTransport(), environment: environment)
        let source = try await CredentialSourceFactory.applicationDefault(quotaProject: quotaProject).makeSource(context: context)
        return try #require(source as? TokenCredentialSource)
    }

    @Test("GOOGLE_APPLICATION_CREDENTIALS comes first, before the gcloud file")
    func environmentVariableFirst() async throws {
        let directory = try TemporaryDirectory()
        let keyPath = try directory.write(Self.serviceAccountJSON(), to: "sa.json")
        try directory.write(Self.authorizedUserJSON(), to: "gcloud/application_default_credentials.json")
        let source = try await resolve(
            ["GOOGLE_APPLICATION_CREDENTIALS": keyPath, "CLOUDSDK_CONFIG": directory.path + "/gcloud"]
        )
        #expect(source.kind == "service_account")
        #expect(source.label == "unit-test")
        #expect(source.quotaProject == nil)
    }

    @Test("a GOOGLE_APPLICATION_CREDENTIALS file that does not exist is an error, not a fall-through")
    func environmentVariableMissingFile() async throws {
        let directory = try TemporaryDirectory()
        try directory.write(Self.authorizedUserJSON(), to: "gcloud/application_default_credentials.json")
        let missing = directory.path + "/missing.json"
        let error = await #expect(throws: GoogleAuthError.self) {
            try await resolve(["GOOGLE_APPLICATION_CREDENTIALS": missing, "CLOUDSDK_CONFIG": directory.path + "/gcloud"])
        }
        #expect(error?.code == .unreadableFile)
        #expect(error?.file == missing)
    }

    @Test("the gcloud file under CLOUDSDK_CONFIG gives user credentials with the file's quota project")
    func gcloudFileFromCloudSDKConfig() async throws {
        let directory = try TemporaryDirectory()
        try directory.write(Self.authorizedUserJSON(), to: "config/application_default_credentials.json")
        let source = try await resolve(["CLOUDSDK_CONFIG": directory.path + "/config"], home: directory.path + "/home")
        #expect(source.kind == "authorized_user")
        #expect(source.label == "someone")
        #expect(source.quotaProject == "file-project")
        #expect(!"\(source)".contains(Self.userSecret))
    }

    @Test("the gcloud file under ~/.config/gcloud is used without CLOUDSDK_CONFIG")
    func gcloudFileFromHome() async throws {
        let directory = try TemporaryDirectory()
        try directory.write(Self.authorizedUserJSON(quotaProject: nil), to: ".config/gcloud/application_default_credentials.json")
        let source = try await resolve([:], home: directory.path)
        #expect(source.kind == "authorized_user")
        #expect(source.quotaProject == nil)
    }

    @Test("quota project: explicit beats GOOGLE_CLOUD_QUOTA_PROJECT beats the file's quota_project_id")
    func quotaProjectOrder() async throws {
        let directory = try TemporaryDirectory()
        try directory.write(Self.authorizedUserJSON(), to: "config/application_default_credentials.json")
        let config = directory.path + "/config"
        let fromEnvironment = try await resolve(["CLOUDSDK_CONFIG": config, "GOOGLE_CLOUD_QUOTA_PROJECT": "env-project"])
        #expect(fromEnvironment.quotaProject == "env-project")
        let explicit = try await resolve(
            ["CLOUDSDK_CONFIG": config, "GOOGLE_CLOUD_QUOTA_PROJECT": "env-project"],
            quotaProject: "explicit-project"
        )
        #expect(explicit.quotaProject == "explicit-project")
    }

    @Test("with CLOUDSDK_CONFIG set, the home directory is not searched; nothing found lists every place tried")
    func nothingFound() async throws {
        let directory = try TemporaryDirectory()
        try directory.write(Self.authorizedUserJSON(), to: "home/.config/gcloud/application_default_credentials.json")
        let error = await #expect(throws: GoogleAuthError.self) {
            try await resolve(["CLOUDSDK_CONFIG": directory.path + "/empty"], home: directory.path + "/home")
        }
        #expect(error?.code == .noDefaultCredentials)
        let message = error?.message ?? ""
        #expect(message.contains("GOOGLE_APPLICATION_CREDENTIALS"))
        #expect(message.contains(directory.path + "/empty/application_default_credentials.json"))
        #expect(message.contains("metadata server"))
        #expect(message.contains("NO_GCE_CHECK"))
    }

    @Test("an ADC file of an unsupported type is refused, naming its type")
    func unsupportedType() async throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(
            KeyFiles.json(["type": "external_account", "audience": "x"]),
            to: "config/application_default_credentials.json"
        )
        let error = await #expect(throws: GoogleAuthError.self) { try await resolve(["CLOUDSDK_CONFIG": directory.path + "/config"]) }
        #expect(error?.code == .unsupportedCredentialType)
        #expect(error?.file == path)
        #expect(error?.field == "type")
    }

    @Test("an authorized_user file without a refresh token names the field and shows no secret", arguments: ["refresh_token", "client_secret"])
    func authorizedUserMissingField(_ field: String) async throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Self.authorizedUserJSON(dropping: field), to: "adc.json")
        let error = await #expect(throws: GoogleAuthError.self) { try await resolve(["GOOGLE_APPLICATION_CREDENTIALS": path]) }
        #expect(error?.code == .missingField)
        #expect(error?.field == field)
        #expect(error?.file == path)
        let text = "\(String(describing: error))"
        #expect(!text.contains(Self.userSecret))
        #expect(!text.contains(Self.refreshToken))
    }
}
