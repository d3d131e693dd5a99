/// Why a prompt was blocked (`promptFeedback.blockReason`).
///
/// Open: values Switchyard does not know are kept as sent.
public struct BlockReason: WireEnum {
    /// The wire spelling.
    public let rawValue: String

    /// Creates a value from its wire spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `BLOCKED_REASON_UNSPECIFIED`.
    public static let unspecified: Self = "BLOCKED_REASON_UNSPECIFIED"

    /// `SAFETY`.
    public static let safety: Self = "SAFETY"

    /// `OTHER`.
    public static let other: Self = "OTHER"

    /// `BLOCKLIST`.
    public static let blocklist: Self = "BLOCKLIST"

    /// `PROHIBITED_CONTENT`.
    public static let prohibitedContent: Self = "PROHIBITED_CONTENT"

    /// `IMAGE_SAFETY`.
    public static let imageSafety: Self = "IMAGE_SAFETY"

    /// `MODEL_ARMOR`.
    public static let modelArmor: Self = "MODEL_ARMOR"

    /// `JAILBREAK`.
    public static let jailbreak: Self = "JAILBREAK"
}
