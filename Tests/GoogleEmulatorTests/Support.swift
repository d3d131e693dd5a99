import Foundation
import SwitchyardCrypto
import SwitchyardHTTP
import Testing

@testable import GoogleEmulator

/// The HTTP client every emulator test uses: real libcurl, shared by the whole suite.
let sharedTransport = CurlTransport()

func makeTransport() -> any HTTPTransport {
    sharedTransport
}

/// A started emulator plus a client for it.
struct Harness: Sendable {
    static let apiKey = "test-api-key"
    static let project = "switchyard-test"

    let emulator: GoogleEmulator
    let transport: any HTTPTransport

    static func start(
        tokenLifetime: Duration = .seconds(3600),
        apiKeys: [String] = [apiKey],
        projects: [String] = [project]
    ) async throws -> Harness {
        let emulator = try await GoogleEmulator.start(
            GoogleEmulator.Configuration(apiKeys: apiKeys, projects: projects, tokenLifetime: tokenLifetime)
        )
        return Harness(emulator: emulator, transport: makeTransport())
    }

    /// Runs `body` with a fresh emulator and always shuts it down.
    static func with<T: Sendable>(
        tokenLifetime: Duration = .seconds(3600),
        _ body: (Harness) async throws -> T
    ) async throws -> T {
        let harness = try await start(tokenLifetime: tokenLifetime)
        do {
            let result = try await body(harness)
            try await harness.emulator.shutdown()
            return result
        } catch {
            try? await harness.emulator.shutdown()
            throw error
        }
    }

    struct Reply: Sendable {
        let status: Int
        let headers: HTTPHeaders
        let body: Data

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        }

        var text: String { String(decoding: body, as: UTF8.self) }

        var error: [String: Any] { json["error"] as? [String: Any] ?? [:] }

        var errorMessage: String { error["message"] as? String ?? "" }

        var errorDetails: [[String: Any]] { error["details"] as? [[String: Any]] ?? [] }

        func detail(_ type: String) -> [String: Any]? {
            errorDetails.first { ($0["@type"] as? String) == "type.googleapis.com/google.rpc.\(type)" }
        }

        /// SSE `data:` payloads, parsed.
        var events: [[String: Any]] {
            text.components(separatedBy: "\r\n\r\n").compactMap { event in
                guard event.hasPrefix("data: ") else { return nil }
                return (try? JSONSerialization.jsonObject(with: Data(event.dropFirst(6).utf8))) as? [String: Any]
            }
        }
    }

    func send(_ method: HTTPMethod = .post, _ path: String, headers: HTTPHeaders = [:], body: Data? = nil) async throws -> Reply {
        let response = try await transport.execute(HTTPRequest(method: method, url: emulator.baseURL + path, headers: headers, body: body))
        let data = try await response.body.collect(upTo: 32 << 20)
        return Reply(status: response.status, headers: response.headers, body: data)
    }

    func send(_ method: HTTPMethod = .post, _ path: String, headers: HTTPHeaders = [:], json: Any) async throws -> Reply {
        var headers = headers
        headers.add(name: "Content-Type", value: "application/json")
        return try await send(method, path, headers: headers, body: try JSONSerialization.data(withJSONObject: json))
    }

    /// An AI Studio call with the API key header.
    func aiStudio(_ model: String, _ method: String, _ json: Any, version: String = "v1beta", query: String = "") async throws -> Reply {
        try await send(.post, "/\(version)/models/\(model):\(method)\(query)", headers: ["x-goog-api-key": Self.apiKey], json: json)
    }

    /// A Vertex call with a bearer token.
    func vertex(
        _ model: String,
        _ method: String,
        _ json: Any,
        token: String,
        project: String = Harness.project,
        location: String = "us-central1",
        query: String = ""
    ) async throws -> Reply {
        try await send(
            .post,
            "/v1beta1/projects/\(project)/locations/\(location)/publishers/google/models/\(model):\(method)\(query)",
            headers: ["Authorization": "Bearer \(token)"],
            json: json
        )
    }

    /// Mints a service account and exchanges a signed assertion for an access token at `/token`.
    func serviceAccountToken(project: String = Harness.project) async throws -> String {
        let account = try await emulator.createServiceAccount(project: project)
        let file = try ServiceAccountFile(account.json)
        let reply = try await tokenRequest(assertion: try file.assertion(audience: "https://oauth2.googleapis.com/token"))
        guard reply.status == 200, let token = reply.json["access_token"] as? String else {
            throw TestFailure("token grant failed: \(reply.status) \(reply.text)")
        }
        return token
    }

    func tokenRequest(assertion: String) async throws -> Reply {
        let form = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=\(assertion)"
        return try await send(
            .post,
            "/token",
            headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data(form.utf8)
        )
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Reads a service-account key file and signs JWTs with it, the way google-auth does.
struct ServiceAccountFile {
    let email: String
    let keyID: String
    let key: RSAPrivateKey
    let tokenURI: String

    init(_ json: Data) throws {
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any] ?? [:]
        email = object["client_email"] as? String ?? ""
        keyID = object["private_key_id"] as? String ?? ""
        tokenURI = object["token_uri"] as? String ?? ""
        key = try RSAPrivateKey(pem: object["private_key"] as? String ?? "")
    }

    func assertion(
        audience: String,
        scope: String? = "https://www.googleapis.com/auth/cloud-platform",
        issuedAt: Int = Int(Date().timeIntervalSince1970),
        lifetime: Int = 3600,
        issuer: String? = nil,
        signingKey: RSAPrivateKey? = nil
    ) throws -> String {
        var claims: [String] = [
            "\"iat\": \(issuedAt)", "\"exp\": \(issuedAt + lifetime)", "\"iss\": \"\(issuer ?? email)\"", "\"aud\": \"\(audience)\"",
        ]
        if let scope { claims.append("\"scope\": \"\(scope)\"") }
        return try Self.sign(
            header: "{\"typ\": \"JWT\", \"alg\": \"RS256\", \"kid\": \"\(keyID)\"}",
            claims: "{" + claims.joined(separator: ", ") + "}",
            key: signingKey ?? key
        )
    }

    /// A self-signed JWT for use as a bearer token (AIP-4111).
    func selfSignedJWT(
        audience: String = "https://aiplatform.googleapis.com/",
        issuedAt: Int = Int(Date().timeIntervalSince1970)
    ) throws
        -> String
    {
        try Self.sign(
            header: "{\"typ\": \"JWT\", \"alg\": \"RS256\", \"kid\": \"\(keyID)\"}",
            claims: "{\"iss\": \"\(email)\", \"sub\": \"\(email)\", \"iat\": \(issuedAt), \"exp\": \(issuedAt + 3600), \"aud\": \"\(audience)\"}",
            key: key
        )
    }

    static func sign(header: String, claims: String, key: RSAPrivateKey) throws -> String {
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(claims.utf8))
        return input + "." + Base64URL.encode(try key.signSHA256(Array(input.utf8)))
    }
}

/// A request body for `generateContent` with one user text turn.
func textRequest(_ text: String, generationConfig: [String: Any]? = nil) -> [String: Any] {
    var request: [String: Any] = ["contents": [["role": "user", "parts": [["text": text]]]]]
    if let generationConfig { request["generationConfig"] = generationConfig }
    return request
}

extension Dictionary where Key == String, Value == Any {
    /// `candidates[0].content.parts`.
    var firstParts: [[String: Any]] {
        let candidates = self["candidates"] as? [[String: Any]] ?? []
        let content = candidates.first?["content"] as? [String: Any] ?? [:]
        return content["parts"] as? [[String: Any]] ?? []
    }

    var firstText: String {
        firstParts.compactMap { $0["text"] as? String }.joined()
    }

    var finishReason: String? {
        ((self["candidates"] as? [[String: Any]])?.first)?["finishReason"] as? String
    }

    var usage: [String: Any] { self["usageMetadata"] as? [String: Any] ?? [:] }
}
