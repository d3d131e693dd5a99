import Foundation

/// A credentials JSON file of one of the types Switchyard supports, chosen by its `type` field.
enum CredentialFile {
    case serviceAccount(ServiceAccountKey)
    case authorizedUser(AuthorizedUserCredentials)

    /// Reads a file and dispatches on `type`.
    /// - Throws: ``GoogleAuthError`` naming the file and the missing or bad field.
    static func load(path: String) throws -> CredentialFile {
        try load(CredentialFileJSON(contentsOfFile: path))
    }

    /// Parses JSON and dispatches on `type`.
    static func load(_ json: CredentialFileJSON) throws -> CredentialFile {
        let type = try json.requiredString("type")
        switch type {
        case "service_account":
            return .serviceAccount(try ServiceAccountKey(parsed: json))
        case "authorized_user":
            return .authorizedUser(try AuthorizedUserCredentials(parsed: json))
        default:
            throw GoogleAuthError(
                code: .unsupportedCredentialType,
                message: "the credentials file \(json.source) has \"type\": \"\(type)\"; supported: service_account, authorized_user",
                file: json.source,
                field: "type"
            )
        }
    }
}
