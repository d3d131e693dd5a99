/// When a safety category blocks (`safetySettings[].threshold`).
///
/// Open: values Switchyard does not know are kept as sent.
public struct HarmBlockThreshold: WireEnum {
    /// The wire spelling.
    public let rawValue: String

    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `BLOCK_LOW_AND_ABOVE`.
    public static let blockLowAndAbove: Self = "BLOCK_LOW_AND_ABOVE"

    /// `BLOCK_MEDIUM_AND_ABOVE`.
    public static let blockMediumAndAbove: Self = "BLOCK_MEDIUM_AND_ABOVE"

    /// `BLOCK_ONLY_HIGH`.
    public static let blockOnlyHigh: Self = "BLOCK_ONLY_HIGH"

    /// `BLOCK_NONE`.
    public static let blockNone: Self = "BLOCK_NONE"

    /// `OFF`.
    public static let off: Self = "OFF"
}
