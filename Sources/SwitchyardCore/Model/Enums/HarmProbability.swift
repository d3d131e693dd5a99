/// How likely content is harmful (`safetyRatings[].probability`).
///
/// Open: values Switchyard does not know are kept as sent.
public struct HarmProbability: WireEnum {
    /// The wire spelling.
    public let rawValue: String

    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `NEGLIGIBLE`.
    public static let negligible: Self = "NEGLIGIBLE"

    /// `LOW`.
    public static let low: Self = "LOW"

    /// `MEDIUM`.
    public static let medium: Self = "MEDIUM"

    /// `HIGH`.
    public static let high: Self = "HIGH"
}
