import Foundation
import SwitchyardHTTP
import Testing

@testable import GoogleEmulator

@Suite("Metadata server", .timeLimit(.minutes(1)))
struct MetadataServerTests {
    static let flavor: HTTPHeaders = ["Metadata-Flavor": "Google"]

    @Test("every path needs Metadata-Flavor: Google and every answer carries it")
    func headerRequired() async throws {
        try await Harness.with { harness in
            for path in ["/", "/computeMetadata/v1/project/project-id", "/computeMetadata/v1/instance/service-accounts/default/token"] {
                let refused = try await harness.send(.get, path)
                #expect(refused.status == 403, "\(path)")
                #expect(refused.headers["Metadata-Flavor"] == "Google")
            }
            let ping = try await harness.send(.get, "/", headers: Self.flavor)
            #expect(ping.status == 200)
            #expect(ping.headers["metadata-flavor"] == "Google")
            #expect(await harness.emulator.counters.metadataTokenRequests == 0)
        }
    }

    @Test("token, account info and project id")
    func values() async throws {
        try await Harness.with { harness in
            let token = try await harness.send(
                .get,
                "/computeMetadata/v1/instance/service-accounts/default/token?scopes=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fcloud-platform",
                headers: Self.flavor
            )
            #expect(token.status == 200)
            #expect(token.json["token_type"] as? String == "Bearer")
            #expect(token.json["expires_in"] as? Int == 3600)
            let accessToken = try #require(token.json["access_token"] as? String)
            let call = try await harness.vertex("gemini-2.0-flash", "countTokens", textRequest("from GCE"), token: accessToken)
            #expect(call.status == 200)

            let info = try await harness.send(.get, "/computeMetadata/v1/instance/service-accounts/default/?recursive=true", headers: Self.flavor)
            #expect((info.json["email"] as? String)?.hasSuffix("@\(Harness.project).iam.gserviceaccount.com") == true)
            #expect((info.json["scopes"] as? [String])?.contains("https://www.googleapis.com/auth/cloud-platform") == true)

            let project = try await harness.send(.get, "/computeMetadata/v1/project/project-id", headers: Self.flavor)
            #expect(project.text == Harness.project)
            #expect(await harness.emulator.counters.metadataTokenRequests == 1)
        }
    }
}
