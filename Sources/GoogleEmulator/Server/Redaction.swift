import Foundation

/// Removes secrets from what the emulator records and logs: API keys, bearer tokens, cookies, assertions,
/// refresh tokens, client secrets and access tokens.
enum Redaction {
    static let redacted = "REDACTED"
    static let secretHeaders: Set<String> = ["x-goog-api-key", "cookie", "set-cookie", "proxy-authorization"]
    static let secretFormFields: Set<String> = ["assertion", "refresh_token", "client_secret", "access_token", "id_token", "code"]
    static let secretQueryParameters: Set<String> = ["key", "access_token"]

    static func header(name: String, value: String) -> String {
        let lowered = name.lowercased()
        if lowered == "authorization" {
            let scheme = value.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            return scheme.isEmpty || scheme == value ? redacted : "\(scheme) \(redacted)"
        }
        return secretHeaders.contains(lowered) ? redacted : value
    }

    static func query(_ query: String) -> String {
        query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            return secretQueryParameters.contains(name) ? "\(name)=\(redacted)" : String(pair)
        }.joined(separator: "&")
    }

    static func formBody(_ body: Data) -> Data {
        let text = String(decoding: body, as: UTF8.self)
        let redactedText = text.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            return secretFormFields.contains(name) ? "\(name)=\(redacted)" : String(pair)
        }.joined(separator: "&")
        return Data(redactedText.utf8)
    }
}
