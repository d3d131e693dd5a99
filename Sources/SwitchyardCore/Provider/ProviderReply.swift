/// A provider's answer together with what the caller should know about how it was produced.
public struct ProviderReply<Value: Sendable>: Sendable {
    /// The answer.
    public var value: Value
    /// Notes about the call, e.g. fields dropped because the backend does not accept them
    /// (`dropped field generationConfig.routingConfig: not accepted by google-ai-studio`).
    public var warnings: [String]

    /// Creates a reply.
    public init(value: Value, warnings: [String] = []) {
        self.value = value
        self.warnings = warnings
    }
}
