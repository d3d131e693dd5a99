import SwitchyardCore

/// Checks the client's key against `server.api_keys`.
///
/// The key is read from `x-goog-api-key`, then `?key=`, then `Authorization: Bearer`. Every configured key is
/// compared in full, in time that depends only on the lengths, so the answer time does not reveal a prefix.
/// With no keys configured every request is let in (the server refuses to start that way off loopback).
struct ClientAuthenticator: Sendable {
    private let keys: [[UInt8]]

    /// Creates an authenticator for the configured keys; empty strings are ignored.
    init(keys: [String]) {
        self.keys = keys.filter { !$0.isEmpty }.map { Array($0.utf8) }
    }

    /// Whether any key is required.
    var isEnabled: Bool { !keys.isEmpty }

    /// Why a request was refused.
    enum Refusal: Sendable, Equatable {
        case missing
        case wrong
    }

    /// Picks the presented key out of the request's credentials.
    static func presentedKey(googleHeader: String?, queryKey: String?, authorization: String?) -> String? {
        if let googleHeader, !googleHeader.isEmpty { return googleHeader }
        if let queryKey, !queryKey.isEmpty { return queryKey }
        if let authorization {
            let trimmed = authorization.trimmingPrefix(while: { $0 == " " })
            if trimmed.count > 7, trimmed.prefix(7).lowercased() == "bearer " {
                let token = trimmed.dropFirst(7).trimmingPrefix(while: { $0 == " " })
                if !token.isEmpty { return String(token) }
            }
        }
        return nil
    }

    /// `nil` when the request may proceed, else why not.
    func check(_ presented: String?) -> Refusal? {
        guard isEnabled else { return nil }
        guard let presented else { return .missing }
        let candidate = Array(presented.utf8)
        var matched = false
        for key in keys {
            matched = Self.constantTimeEquals(candidate, key) || matched
        }
        return matched ? nil : .wrong
    }

    /// Compares every byte of the longer input; the time depends only on the lengths.
    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        let length = max(lhs.count, rhs.count)
        var difference = UInt8(truncatingIfNeeded: lhs.count ^ rhs.count) | (lhs.count == rhs.count ? 0 : 1)
        for index in 0..<length {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }

    /// The error for a refusal, in the surface's shape.
    static func error(for refusal: Refusal, surface: Surface) -> ServerError {
        switch (refusal, surface) {
        case (.missing, .openAI):
            return ServerError(
                httpStatus: 401,
                googleStatus: GoogleStatus.unauthenticated,
                code: "missingAPIKey",
                message: "You didn't provide an API key. Pass it as Authorization: Bearer <key>."
            )
        case (.wrong, .openAI):
            return ServerError(
                httpStatus: 401,
                googleStatus: GoogleStatus.unauthenticated,
                code: "invalidAPIKey",
                message: "Incorrect API key provided."
            )
        case (.missing, _):
            return ServerError(
                httpStatus: 401,
                googleStatus: GoogleStatus.unauthenticated,
                code: "missingAPIKey",
                message: "Method doesn't allow unregistered callers (callers without established identity). "
                    + "Please use API Key or other form of API consumer identity to call this API.",
                details: [Self.errorInfo(reason: "CREDENTIALS_MISSING")]
            )
        case (.wrong, _):
            return ServerError(
                httpStatus: 403,
                googleStatus: GoogleStatus.permissionDenied,
                code: "invalidAPIKey",
                message: "API key not valid. Please pass a valid API key.",
                details: [Self.errorInfo(reason: "API_KEY_INVALID")]
            )
        }
    }

    private static func errorInfo(reason: String) -> JSONValue {
        [
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            "reason": .string(reason),
            "domain": "switchyard",
        ]
    }
}
