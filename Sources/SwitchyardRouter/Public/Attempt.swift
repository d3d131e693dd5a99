import SwitchyardCore

/// One try at one target.
public struct Attempt: Sendable, Hashable {
    /// The configured provider tried.
    public var provider: String
    /// The model tried.
    public var model: String
    /// How the try ended.
    public var outcome: Outcome
    /// How long the try took, from sending to the answer (or to the first stream event).
    public var duration: Duration

    /// Creates an attempt record.
    public init(provider: String, model: String, outcome: Outcome, duration: Duration) {
        self.provider = provider
        self.model = model
        self.outcome = outcome
        self.duration = duration
    }

    /// How one try ended.
    public enum Outcome: Sendable, Hashable, CustomStringConvertible {
        /// The target answered.
        case success
        /// The target failed with an error.
        case failure(code: SwitchyardError.Code, httpStatus: Int?, message: String)

        /// `success`, or `rateLimited (HTTP 429): message`.
        public var description: String {
            switch self {
            case .success:
                return "success"
            case .failure(let code, let httpStatus, let message):
                return "\(code)" + (httpStatus.map { " (HTTP \($0))" } ?? "") + ": \(message)"
            }
        }

        /// The short label used in metrics and the `x-switchyard-attempts` header: `success` or the error code.
        public var label: String {
            switch self {
            case .success: "success"
            case .failure(let code, _, _): code.rawValue
            }
        }
    }
}
