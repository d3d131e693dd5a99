import Foundation
import SwitchyardCore

/// `POST /token`: Google's OAuth 2.0 token endpoint for the JWT-bearer grant (service accounts) and the
/// refresh-token grant (`authorized_user` files). Errors use RFC 6749's `{"error", "error_description"}` with
/// Google's descriptions (google-auth.md §2.5).
struct TokenEndpoint: Sendable {
    static let jwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer"
    static let cloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform"

    let state: EmulatorState
    let verifier: JWTVerifier
    let lifetime: Duration
    let tokenURL: @Sendable () -> String

    struct Outcome: Sendable {
        var status: Int
        var body: JSONValue
        var granted: Bool
    }

    static func oauthError(_ error: String, _ description: String, status: Int = 400) -> Outcome {
        Outcome(status: status, body: .members([("error", .string(error)), ("error_description", .string(description))]), granted: false)
    }

    func handle(form: [String: String]) async -> Outcome {
        let grantType = form["grant_type"] ?? ""
        switch grantType {
        case Self.jwtBearer:
            return await jwtGrant(form)
        case "refresh_token":
            return await refreshGrant(form)
        default:
            return Self.oauthError("unsupported_grant_type", "Invalid grant_type: \(grantType)")
        }
    }

    private func jwtGrant(_ form: [String: String]) async -> Outcome {
        guard let assertion = form["assertion"], !assertion.isEmpty else {
            return Self.oauthError("invalid_request", "Missing required parameter: assertion")
        }
        guard let jwt = ParsedJWT(assertion) else {
            return Self.oauthError("invalid_grant", "Invalid JWT Signature.")
        }
        let account: EmulatorState.ServiceAccountEntry
        do {
            account = try await verifier.verifySignature(jwt)
        } catch .unknownAccount {
            return Self.oauthError("invalid_grant", "Invalid grant: account not found")
        } catch {
            return Self.oauthError("invalid_grant", "Invalid JWT Signature.")
        }
        do {
            try verifier.checkTimeframe(jwt)
        } catch {
            return Self.oauthError(
                "invalid_grant",
                "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim."
            )
        }
        let audience = jwt.claims["aud"]?.stringValue ?? ""
        let accepted = ["https://oauth2.googleapis.com/token", "https://accounts.google.com/o/oauth2/token", tokenURL()]
        guard accepted.contains(audience) else {
            return Self.oauthError(
                "invalid_grant",
                "Invalid JWT: Failed audience check. The expected audience is https://oauth2.googleapis.com/token."
            )
        }
        if let subject = jwt.claims["sub"]?.stringValue, subject != account.email {
            return Self.oauthError("unauthorized_client", "Unauthorized client or scope in request.", status: 401)
        }
        let scopes = (jwt.claims["scope"]?.stringValue ?? "").split(separator: " ").map(String.init)
        guard scopes.contains(Self.cloudPlatformScope) else {
            return Self.oauthError("invalid_scope", "Invalid OAuth scope or ID token audience provided.")
        }
        let token = await state.issueToken(
            principal: EmulatorState.Principal(email: account.email, project: account.project),
            scopes: scopes,
            lifetime: lifetime
        )
        return grant(token)
    }

    private func refreshGrant(_ form: [String: String]) async -> Outcome {
        for name in ["client_id", "client_secret", "refresh_token"] where (form[name] ?? "").isEmpty {
            if name == "client_id" { return Self.oauthError("invalid_request", "Could not determine client ID from request.") }
            if name == "client_secret" { return Self.oauthError("invalid_client", "Unauthorized", status: 401) }
            return Self.oauthError("invalid_request", "Missing required parameter: refresh_token")
        }
        guard let user = await state.authorizedUser(clientID: form["client_id"] ?? "") else {
            return Self.oauthError("invalid_client", "The OAuth client was not found.", status: 401)
        }
        guard user.clientSecret == form["client_secret"] else {
            return Self.oauthError("invalid_client", "Unauthorized", status: 401)
        }
        guard user.refreshToken == form["refresh_token"] else {
            return Self.oauthError("invalid_grant", "Bad Request")
        }
        let requested = (form["scope"] ?? "").split(separator: " ").map(String.init)
        let scopes = requested.isEmpty ? [Self.cloudPlatformScope] : requested
        let token = await state.issueToken(
            principal: EmulatorState.Principal(email: "user-\(user.clientID.prefix(8))@example.com", project: nil),
            scopes: scopes,
            lifetime: lifetime
        )
        var outcome = grant(token)
        if case .object(var object) = outcome.body {
            object["scope"] = .string(scopes.joined(separator: " "))
            outcome.body = .object(object)
        }
        return outcome
    }

    private func grant(_ token: String) -> Outcome {
        Outcome(
            status: 200,
            body: .members([
                ("access_token", .string(token)),
                ("expires_in", .integer(lifetime.components.seconds)),
                ("token_type", "Bearer"),
            ]),
            granted: true
        )
    }

    /// Parses `application/x-www-form-urlencoded` (`+` is a space).
    static func parseForm(_ body: Data) -> [String: String] {
        var form: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let pieces = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            let name = decode(pieces[0])
            if form[name] == nil { form[name] = pieces.count > 1 ? decode(pieces[1]) : "" }
        }
        return form
    }
}
