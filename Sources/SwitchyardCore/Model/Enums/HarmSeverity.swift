/// How severe harmful content is (Vertex `safetyRatings[].severity`).
///
/// Open: values Switchyard does not know are kept as sent.
public struct HarmSeverity: WireEnum {
    /// The wire spelling.
    public let rawValue: String

    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `HARM_SEVERITY_NEGLIGIBLE`.
    public static let negligible: Self = "HARM_SEVERITY_NEGLIGIBLE"

    /// `HARM_SEVERITY_LOW`.
    public static let low: Self = "HARM_SEVERITY_LOW"

    /// `HARM_SEVERITY_MEDIUM`.
    public static let medium: Self = "HARM_SEVERITY_MEDIUM"

    /// `HARM_SEVERITY_HIGH`.
    public static let high: Self = "HARM_SEVERITY_HIGH"
}
