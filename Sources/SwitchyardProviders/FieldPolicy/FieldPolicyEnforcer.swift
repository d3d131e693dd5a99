import Foundation
import SwitchyardCore

/// Applies a provider's unsupported-field policy to an outgoing body: refuse before sending (the default), or send
/// without the fields and report each in ``ProviderReply/warnings``.
struct FieldPolicyEnforcer: Sendable {
    /// The configured provider name, for messages.
    let providerName: String
    /// The backend the body goes to.
    let backend: GoogleBackend
    /// `true` to drop unsupported fields with a warning, `false` to refuse the request.
    let dropUnsupported: Bool

    /// Checks an encoded body against `rules`, plus violations a translation already found (and removed).
    /// - Returns: The body to send (the same bytes when nothing was removed) and the warnings to attach.
    /// - Throws: ``SwitchyardError`` `unsupportedField` naming every offending field path and the provider.
    func enforce(
        _ body: Data,
        rules: FieldRuleSet,
        earlier: [FieldViolation] = [],
        model: String
    ) throws(SwitchyardError) -> (body: Data, warnings: [String]) {
        var json: JSONValue
        do {
            json = try JSONReader().read(body)
        } catch {
            throw SwitchyardError(.internal, "could not re-read an encoded request body: \(error)", provider: providerName, model: model)
        }
        let found = FieldScanner.scan(&json, rules: rules, remove: dropUnsupported)
        let warnings = try warnings(earlier + found, model: model)
        guard !found.isEmpty else { return (body, warnings) }
        return (try WireJSON.encode(json), warnings)
    }

    /// Encodes `value` and applies the policy to the encoded tree before it is written: the body is written once
    /// and never read back (for a request with a large inline image, one copy and one parse fewer).
    /// - Returns: The body to send and the warnings to attach.
    /// - Throws: ``SwitchyardError`` `unsupportedField` naming every offending field path and the provider.
    func enforce(
        encoding value: some Encodable,
        rules: FieldRuleSet,
        earlier: [FieldViolation] = [],
        model: String
    ) throws(SwitchyardError) -> (body: Data, warnings: [String]) {
        var json = try WireJSON.tree(value)
        let found = FieldScanner.scan(&json, rules: rules, remove: dropUnsupported)
        let warnings = try warnings(earlier + found, model: model)
        return (try WireJSON.write(json), warnings)
    }

    /// The warnings for `violations` when fields are dropped; the refusal when they are not.
    private func warnings(_ violations: [FieldViolation], model: String) throws(SwitchyardError) -> [String] {
        guard !violations.isEmpty else { return [] }
        guard dropUnsupported else { throw refusal(violations, model: model) }
        return violations.map { "dropped field \($0.path): not accepted by \(backend) (\($0.reason)); provider \(providerName)" }
    }

    /// The error for fields that cannot be sent.
    func refusal(_ violations: [FieldViolation], model: String) -> SwitchyardError {
        let first = violations[0]
        var message =
            "\(first.path) is not supported by \(backend.displayName) (provider \"\(providerName)\"): it is \(first.reason)"
        if violations.count > 1 {
            message += "; also unsupported: " + violations.dropFirst().map(\.path).joined(separator: ", ")
        }
        message += ". Remove the field, route the request to a provider that accepts it, or set unsupported_fields: drop."
        let fieldViolations: [JSONValue] = violations.map { violation in
            [
                "field": .string(violation.path),
                "description": .string("not accepted by \(backend) (\(violation.reason))"),
            ]
        }
        return SwitchyardError(
            .unsupportedField,
            message,
            provider: providerName,
            model: model,
            details: [["@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": .array(fieldViolations)]]
        )
    }
}
