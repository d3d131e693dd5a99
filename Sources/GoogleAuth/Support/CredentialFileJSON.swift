import Foundation

/// A credentials file's top-level JSON object, with field access that names the file and field on failure.
struct CredentialFileJSON {
    /// Where the JSON came from, for messages (a path, or a description such as `<inline service-account JSON>`).
    let source: String
    /// What kind of file is being read, for messages (`service-account key`, `authorized_user`).
    var kind: String
    private let object: [String: Any]

    /// Parses JSON text.
    /// - Throws: ``GoogleAuthError`` `invalidJSON` when the bytes are not a JSON object.
    init(data: Data, source: String, kind: String = "credentials") throws {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw GoogleAuthError(code: .invalidJSON, message: "the credentials file \(source) is not valid JSON", file: source)
        }
        guard let object = parsed as? [String: Any] else {
            throw GoogleAuthError(code: .invalidJSON, message: "the credentials file \(source) is not a JSON object", file: source)
        }
        self.source = source
        self.kind = kind
        self.object = object
    }

    /// Reads a file.
    /// - Throws: ``GoogleAuthError`` `unreadableFile` or `invalidJSON`.
    init(contentsOfFile path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "could not be read" : "does not exist"
            throw GoogleAuthError(code: .unreadableFile, message: "the credentials file \(path) \(reason)", file: path)
        }
        try self.init(data: data, source: path)
    }

    /// A string field that must be present and non-empty.
    func requiredString(_ field: String) throws -> String {
        guard let value = try optionalString(field), !value.isEmpty else {
            throw GoogleAuthError.missingField(field, file: source, kind: kind)
        }
        return value
    }

    /// A string field that may be absent (or `null`); present with another type is an error.
    func optionalString(_ field: String) throws -> String? {
        guard let value = object[field], !(value is NSNull) else { return nil }
        guard let string = value as? String else {
            throw GoogleAuthError.invalidField(field, file: source, reason: "is not a string")
        }
        return string
    }

    /// The `type` field, which must be `expected` (`service_account`, `authorized_user`).
    /// - Throws: ``GoogleAuthError`` `missingField`, or `unsupportedCredentialType` naming the type found.
    func requireType(_ expected: String) throws -> String {
        let type = try requiredString("type")
        guard type == expected else {
            throw GoogleAuthError(
                code: .unsupportedCredentialType,
                message: "the file \(source) has \"type\": \"\(type)\", not \"\(expected)\"",
                file: source,
                field: "type"
            )
        }
        return type
    }

    /// `universe_domain`, or `googleapis.com` when it is absent or empty.
    func universeDomain() throws -> String {
        try optionalString("universe_domain").flatMap { $0.isEmpty ? nil : $0 } ?? "googleapis.com"
    }

    /// Checks that a `token_uri` is an http(s) URL.
    /// - Throws: ``GoogleAuthError`` `invalidField` naming `token_uri`.
    func checkTokenURI(_ tokenURI: String) throws {
        guard tokenURI.hasPrefix("https://") || tokenURI.hasPrefix("http://") else {
            throw GoogleAuthError.invalidField("token_uri", file: source, reason: "is not an http(s) URL")
        }
    }
}
