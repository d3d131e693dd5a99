import Foundation
import Testing

/// The JWT vectors google-auth 2.62.2 produced (`shared/vectors/jwt/`), read at test time from beside the repository.
struct JWTVector: Decodable, Sendable, CustomTestStringConvertible {
    let mode: String
    let iat: Int64
    let headerJSON: String
    let payloadJSON: String
    let headerB64: String
    let payloadB64: String
    let signatureB64: String
    let signingInputSHA256Hex: String
    let jwt: String
    let tokenRequestBody: String?
    let args: [String]

    enum CodingKeys: String, CodingKey {
        case mode, iat, jwt, args
        case headerJSON = "header_json"
        case payloadJSON = "payload_json"
        case headerB64 = "header_b64"
        case payloadB64 = "payload_b64"
        case signatureB64 = "signature_b64"
        case signingInputSHA256Hex = "signing_input_sha256_hex"
        case tokenRequestBody = "token_request_body"
    }

    /// Every value of a repeatable `--name` argument.
    func values(of name: String) -> [String] {
        zip(args, args.dropFirst()).filter { $0.0 == name }.map(\.1)
    }

    var testDescription: String { "\(mode) \(args.joined(separator: " "))" }
}

enum SharedVectors {
    /// `<repo>/../shared/vectors/jwt/`, found from this source file so it works from any clone with `shared/` beside it.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // GoogleAuthTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("../shared/vectors/jwt", isDirectory: true)
        .standardizedFileURL

    static var keyFile: String { directory.appendingPathComponent("test_service_account.json").path }

    private struct File: Decodable {
        let vectors: [JWTVector]
    }

    /// The vectors; an empty list when the file is missing makes the count check fail loudly.
    static let vectors: [JWTVector] = {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("vectors.json")),
            let file = try? JSONDecoder().decode(File.self, from: data)
        else { return [] }
        return file.vectors
    }()
}
