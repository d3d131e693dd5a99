/// A target that was not tried, and why: it cannot serve the request's needs, or it is cooling down.
public struct SkippedTarget: Sendable, Hashable, CustomStringConvertible {
    /// The configured provider.
    public var provider: String
    /// The model.
    public var model: String
    /// Each reason, e.g. `uses tools; model does not support tools`.
    public var reasons: [String]

    /// Creates a record.
    public init(provider: String, model: String, reasons: [String]) {
        self.provider = provider
        self.model = model
        self.reasons = reasons
    }

    /// `provider/model: reason; reason`.
    public var description: String {
        "\(provider)/\(model): " + reasons.joined(separator: "; ")
    }
}
