/// A routed answer: the value, how it was obtained, and notes from the provider.
public struct RoutedReply<Value: Sendable>: Sendable {
    /// The answer.
    public var value: Value
    /// Who answered and what was tried.
    public var trail: AttemptTrail
    /// Notes from the provider that answered, e.g. dropped fields.
    public var warnings: [String]

    /// Creates a reply.
    public init(value: Value, trail: AttemptTrail, warnings: [String] = []) {
        self.value = value
        self.trail = trail
        self.warnings = warnings
    }
}
