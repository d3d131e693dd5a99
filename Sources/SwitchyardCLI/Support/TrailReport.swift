import Foundation
import Switchyard

/// How the commands show an ``AttemptTrail`` and a ``RoutingError``.
enum TrailReport {
    /// `answered by studio/gemini-2.5-flash (route chat) after 2 attempts, 1 fallback`.
    static func summary(_ trail: AttemptTrail) -> String {
        let who = "\(trail.provider ?? "nobody")/\(trail.model ?? "-")"
        let count = trail.attempts.count
        var text = "answered by \(who) (route \(trail.route)) after \(count) attempt\(count == 1 ? "" : "s")"
        if trail.fallbacks > 0 { text += ", \(trail.fallbacks) fallback\(trail.fallbacks == 1 ? "" : "s")" }
        return text
    }

    /// One line per attempt and skipped target, indented, for failures.
    static func details(_ trail: AttemptTrail) -> [String] {
        trail.attempts.map { "  tried \($0.provider)/\($0.model): \($0.outcome)" }
            + trail.skipped.map { "  skipped \($0.provider)/\($0.model): \($0.reasons.joined(separator: "; "))" }
    }

    /// A routing failure as a ``CLIFailure``: the error's message, the trail, and a hint for its code.
    static func failure(_ error: RoutingError, model: String, configFile: String) -> CLIFailure {
        var message = error.error.message
        if let status = error.error.httpStatus { message += " (HTTP \(status))" }
        let details = details(error.trail)
        if !details.isEmpty { message += "\n" + details.joined(separator: "\n") }
        return CLIFailure(message, hint: hint(for: error.error.code, model: model, configFile: configFile))
    }

    private static func hint(for code: SwitchyardError.Code, model: String, configFile: String) -> String {
        switch code {
        case .unknownModel:
            "`switchyard models --config \(configFile)` lists the routes and models you can pass to --model"
        case .noCapableTarget:
            "no target of \(model) can serve this request; `switchyard models` shows each model's modalities and features"
        case .unauthenticated, .permissionDenied:
            "`switchyard check --config \(configFile)` tests each provider's credentials"
        case .rateLimited, .upstreamUnavailable:
            "the provider is busy; try again later or add a fallback target to the route"
        case .deadlineExceeded, .timeout:
            "raise timeouts.request in the configuration, or try again"
        case .transport:
            "check the provider's base_url and your network; `switchyard check` tries each provider"
        default:
            "run with --verbose to see the gateway's log"
        }
    }

    /// The trail as JSON (`route`, `provider`, `model`, `fallbacks`, `attempts`, `skipped`).
    static func json(_ trail: AttemptTrail) -> JSONValue {
        func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        let attempts: [JSONValue] = trail.attempts.map { attempt in
            var members: [(String, JSONValue)] = [
                ("provider", .string(attempt.provider)),
                ("model", .string(attempt.model)),
                ("outcome", .string(attempt.outcome.label)),
                (
                    "durationMs",
                    .integer(attempt.duration.components.seconds * 1000 + attempt.duration.components.attoseconds / 1_000_000_000_000_000)
                ),
            ]
            if case .failure(_, let status, let message) = attempt.outcome {
                members.append(("message", .string(message)))
                if let status { members.append(("httpStatus", .integer(Int64(status)))) }
            }
            return object(members)
        }
        let skipped: [JSONValue] = trail.skipped.map { target in
            object([
                ("provider", .string(target.provider)), ("model", .string(target.model)), ("reasons", .array(target.reasons.map(JSONValue.string))),
            ])
        }
        return object([
            ("route", .string(trail.route)),
            ("provider", optional(trail.provider)),
            ("model", optional(trail.model)),
            ("fallbacks", .integer(Int64(trail.fallbacks))),
            ("attempts", .array(attempts)),
            ("skipped", .array(skipped)),
        ])
    }

    /// A JSON object with members in the given order.
    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { (key: $0.0, value: $0.1) }))
    }

    /// Compact JSON text of a value.
    static func text(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "null"
    }
}
