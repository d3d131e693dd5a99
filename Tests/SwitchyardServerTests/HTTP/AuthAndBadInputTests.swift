import Foundation
import GoogleEmulator
import Switchyard
import SwitchyardHTTP
import SwitchyardServer
import Testing

@Suite("Client auth and bad input over HTTP", .timeLimit(.minutes(1)))
struct AuthAndBadInputTests {
    static let prompt = #"{"contents":[{"role":"user","parts":[{"text":"Hi"}]}]}"#

    private func googleError(_ reply: ServerHarness.Reply) -> [String: Any] {
        reply.json?["error"] as? [String: Any] ?? [:]
    }

    @Test("a missing key gets 401 UNAUTHENTICATED, a wrong one 403 PERMISSION_DENIED (Google's body)")
    func googleAuthErrors() async throws {
        try await ServerHarness.with { server in
            let missing = try await server.send(.post, "/v1beta/models/chat:generateContent", json: Self.prompt, key: nil)
            #expect(missing.status == 401)
            #expect(googleError(missing)["status"] as? String == "UNAUTHENTICATED")
            #expect(googleError(missing)["code"] as? Int == 401)
            let wrong = try await server.send(.post, "/v1beta/models/chat:generateContent", json: Self.prompt, key: "not-the-key")
            #expect(wrong.status == 403)
            #expect(googleError(wrong)["status"] as? String == "PERMISSION_DENIED")
            #expect((googleError(wrong)["message"] as? String)?.contains("not-the-key") == false)
            #expect(await server.emulator.counters.requests == 0)
        }
    }

    @Test("the key is accepted as x-goog-api-key, ?key= and Authorization: Bearer")
    func keyPlaces() async throws {
        try await ServerHarness.with { server in
            let header = try await server.send(.post, "/v1beta/models/chat:countTokens", json: Self.prompt)
            #expect(header.status == 200)
            let query = try await server.send(.post, "/v1beta/models/chat:countTokens?key=\(ServerHarness.clientKey)", json: Self.prompt, key: nil)
            #expect(query.status == 200)
            let bearer = try await server.send(
                .post,
                "/v1beta/models/chat:countTokens",
                json: Self.prompt,
                key: nil,
                headers: [("Authorization", "Bearer \(ServerHarness.clientKey)")]
            )
            #expect(bearer.status == 200)
        }
    }

    @Test("OpenAI surface: missing and wrong keys get 401 in OpenAI's shape; operations need no key")
    func openAIAuth() async throws {
        try await ServerHarness.with { server in
            let missing = try await server.sendOpenAI(.post, "/v1/chat/completions", json: #"{"model":"chat","messages":[]}"#, key: nil)
            #expect(missing.status == 401)
            let error = missing.json?["error"] as? [String: Any]
            #expect(error?["type"] as? String == "authentication_error")
            let wrong = try await server.sendOpenAI(.get, "/v1/models", key: "wrong")
            #expect(wrong.status == 401)
            #expect((wrong.json?["error"] as? [String: Any])?["code"] as? String == "invalid_api_key")
            #expect(try await server.send(.get, "/healthz", key: nil).status == 200)
            #expect(try await server.send(.get, "/readyz", key: nil).status == 200)
        }
    }

    @Test("no client keys is refused off loopback")
    func emptyKeysOffLoopback() async throws {
        try await ServerHarness.with { server in
            #expect(throws: GatewayServerError.self) {
                _ = try GatewayServer.buildApplication(
                    gateway: server.gateway,
                    settings: GatewayServerSettings(host: "0.0.0.0", port: 0, apiKeys: []),
                    metrics: ServerMetrics(),
                    logger: server.logs.logger(label: "t")
                )
            }
        }
    }

    @Test("bad input gets a Google-shaped 4xx naming the problem, never a 500")
    func badInput() async throws {
        try await ServerHarness.with(.init(maxBodyBytes: 4096)) { server in
            struct Case {
                var method: HTTPMethod
                var path: String
                var body: String?
                var status: Int
                var googleStatus: String
                var messageFragment: String
            }
            let cases = [
                Case(
                    method: .post,
                    path: "/v1beta/models/chat:generateContent",
                    body: "{not json",
                    status: 400,
                    googleStatus: "INVALID_ARGUMENT",
                    messageFragment: "invalid JSON"
                ),
                Case(
                    method: .post,
                    path: "/v1beta/models/chat:generateContent",
                    body: "",
                    status: 400,
                    googleStatus: "INVALID_ARGUMENT",
                    messageFragment: "empty"
                ),
                Case(
                    method: .post,
                    path: "/v1beta/models/chat:generateContent",
                    body: #"{"contents":[{"role":"user","parts":"nope"}]}"#,
                    status: 400,
                    googleStatus: "INVALID_ARGUMENT",
                    messageFragment: "contents[0].parts"
                ),
                Case(
                    method: .post,
                    path: "/v1beta/models/chat:generateContent",
                    body: #"{"contents":[{"role":"user","parts":[{"inline_data":{"mime_type":"image/png","data":"ab$c"}}]}]}"#,
                    status: 400,
                    googleStatus: "INVALID_ARGUMENT",
                    messageFragment: "contents[0].parts[0].inline_data.data: invalid base64"
                ),
                Case(
                    method: .post,
                    path: "/v1beta/models/no-such-model:generateContent",
                    body: Self.prompt,
                    status: 404,
                    googleStatus: "NOT_FOUND",
                    messageFragment: "no-such-model"
                ),
                Case(
                    method: .get,
                    path: "/v1beta/models/chat:generateContent",
                    body: nil,
                    status: 405,
                    googleStatus: "UNIMPLEMENTED",
                    messageFragment: "POST"
                ),
                Case(method: .delete, path: "/v1beta/models", body: nil, status: 405, googleStatus: "UNIMPLEMENTED", messageFragment: "GET"),
                Case(method: .get, path: "/v9/whatever", body: nil, status: 404, googleStatus: "NOT_FOUND", messageFragment: "/v9/whatever"),
                Case(
                    method: .post,
                    path: "/v1beta/models/chat:embedContent",
                    body: Self.prompt,
                    status: 404,
                    googleStatus: "NOT_FOUND",
                    messageFragment: "embedContent"
                ),
                Case(
                    method: .post,
                    path: "/v1beta/models/chat:generateContent",
                    body: #"{"contents":[{"role":"user","parts":[{"text":""# + String(repeating: "x", count: 8000) + #""}]}]}"#,
                    status: 413,
                    googleStatus: "INVALID_ARGUMENT",
                    messageFragment: "4096"
                ),
            ]
            for item in cases {
                let reply = try await server.send(item.method, item.path, json: item.body)
                let error = googleError(reply)
                #expect(reply.status == item.status, "\(item.method) \(item.path): \(reply.text)")
                #expect(error["code"] as? Int == item.status, "\(item.path)")
                #expect(error["status"] as? String == item.googleStatus, "\(item.path): \(reply.text)")
                #expect((error["message"] as? String)?.contains(item.messageFragment) == true, "\(item.path): \(reply.text)")
            }
            let methodNotAllowed = try await server.send(.get, "/v1beta/models/chat:generateContent")
            #expect(methodNotAllowed.header("allow") == "POST")
            #expect(await server.emulator.counters.requests == 0)
        }
    }
}
