/// Who produced a content (`contents[].role`).
///
/// Open: values Switchyard does not know are kept as sent.
public struct Role: WireEnum {
    /// The wire spelling.
    public let rawValue: String

    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `user`.
    public static let user: Self = "user"

    /// `model`.
    public static let model: Self = "model"

    /// `function`.
    public static let function: Self = "function"
}
